#include "sim/JsonText.h"

namespace ledger::sim::json {

namespace {
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
                out.append(c);
            }
        }
    }
    out.append('"');
    return out;
}
} // namespace

QByteArray quote(const QString &s) { return quoteUtf8(s.toUtf8()); }
QByteArray quote(const char *utf8) { return quoteUtf8(QByteArray(utf8)); }
QByteArray quoteOrNull(const QString &s) { return s.isNull() ? QByteArrayLiteral("null") : quote(s); }

} // namespace ledger::sim::json
