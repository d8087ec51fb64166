// libFuzzer target: the Graph page scanner (app/graph/JsonScanner). Any input: no crash, no
// sanitizer report, and every element it returns is a non-empty slice of the input.
#include "app/graph/JsonScanner.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray json(reinterpret_cast<const char *>(data), qsizetype(size));
    const auto elements = ledger::JsonScanner::arrayElements(json, "value");
    if (elements) {
        for (const QByteArray &e : *elements) {
            if (e.isEmpty() || !json.contains(e))
                std::abort();
        }
    }
    return 0;
}
