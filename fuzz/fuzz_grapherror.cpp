// libFuzzer target: the Graph error parser (app/graph/GraphError). The first two bytes are the
// HTTP status, the rest the response body; the parsed error is also rendered as the user and
// Microsoft support see it.
#include "app/graph/GraphError.h"

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2)
        return 0;
    const int status = 100 + (data[0] << 8 | data[1]) % 500;
    const QByteArray body(reinterpret_cast<const char *>(data) + 2, qsizetype(size - 2));
    const ledger::GraphError e = ledger::GraphError::fromBody(status, body);
    (void)e.isForbiddenUnknown();
    (void)e.plainText();
    (void)e.details();
    return 0;
}
