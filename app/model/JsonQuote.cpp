#include "app/model/JsonQuote.h"

namespace ledger::json {

QByteArray quoteUtf8(const QByteArray &utf8)
{
    static const char hex[] = "0123456789abcdef";
    QByteArray out;
    out.reserve(utf8.size() + 2);
    out.append('"');
    for (const char c : utf8) {
        const auto u = static_cast<unsigned char>(c);
        switch (c) {
        case '"': out.append("\\\""); break;
        case '\\': out.append("\\\\"); break;
        case '\n': out.append("\\n"); break;
        case '\r': out.append("\\r"); break;
        case '\t': out.append("\\t"); break;
        case '\b': out.append("\\b"); break;
        case '\f': out.append("\\f"); break;
        default:
            if (u < 0x20) {
                out.append("\\u00");
                out.append(hex[u >> 4]);
                out.append(hex[u & 0xf]);
            } else {
                out.append(c);   // UTF-8 bytes pass through whole: surrogate pairs stay intact
            }
        }
    }
    out.append('"');
    return out;
}

QByteArray quote(const QString &s)
{
    return quoteUtf8(s.toUtf8());
}

} // namespace ledger::json
