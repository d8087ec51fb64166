// libFuzzer target: the demo server's incremental HTTP/1.1 request parser
// (app/sim/HttpRequestParser). The first byte sets the size of the reads the bytes arrive in
// (1–256, so partial reads and pipelining are covered); every request taken is inspected the
// way the demo server does (path, query, headers, form body).
#include "app/sim/HttpRequestParser.h"

#include <cstdint>
#include <cstdlib>

using ledger::sim::HttpRequestParser;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const qsizetype chunk = qsizetype(data[0]) + 1;
    const QByteArray stream(reinterpret_cast<const char *>(data) + 1, qsizetype(size - 1));
    HttpRequestParser parser;
    for (qsizetype pos = 0; pos < stream.size(); pos += chunk) {
        parser.feed(stream.mid(pos, chunk));
        while (parser.state() == HttpRequestParser::State::Ready) {
            const auto request = parser.take();
            if (!request)
                std::abort();   // Ready promises a request
            (void)request->path();
            (void)request->queryItems();
            (void)request->keepAlive();
            (void)request->header("Authorization");
            (void)ledger::sim::decodeFormPairs(request->body);
        }
        if (parser.state() == HttpRequestParser::State::Error) {
            const int status = parser.errorStatus();
            if (status != 400 && status != 411 && status != 413 && status != 431)
                std::abort();
            break;
        }
    }
    return 0;
}
