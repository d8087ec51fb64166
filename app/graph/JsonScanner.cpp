#include "app/graph/JsonScanner.h"
#include <utility>

namespace ledger {

namespace {
constexpr int kMaxDepth = 512;

bool isWs(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

int hexVal(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

void appendUtf8(QByteArray *out, uint cp)
{
    if (cp < 0x80) {
        out->append(char(cp));
    } else if (cp < 0x800) {
        out->append(char(0xC0 | (cp >> 6)));
        out->append(char(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out->append(char(0xE0 | (cp >> 12)));
        out->append(char(0x80 | ((cp >> 6) & 0x3F)));
        out->append(char(0x80 | (cp & 0x3F)));
    } else {
        out->append(char(0xF0 | (cp >> 18)));
        out->append(char(0x80 | ((cp >> 12) & 0x3F)));
        out->append(char(0x80 | ((cp >> 6) & 0x3F)));
        out->append(char(0x80 | (cp & 0x3F)));
    }
}
} // namespace

bool JsonScanner::skipWs()
{
    while (m_pos < m_s.size() && isWs(m_s.at(m_pos)))
        ++m_pos;
    return m_pos < m_s.size();
}

bool JsonScanner::scanString(QByteArray *decoded)
{
    if (m_pos >= m_s.size() || m_s.at(m_pos) != '"')
        return false;
    ++m_pos;
    const qsizetype n = m_s.size();
    while (m_pos < n) {
        const char c = m_s.at(m_pos);
        if (c == '"') {
            ++m_pos;
            return true;
        }
        if (uchar(c) < 0x20)
            return false;   // control characters must be escaped
        if (c != '\\') {
            if (decoded)
                decoded->append(c);
            ++m_pos;
            continue;
        }
        if (m_pos + 1 >= n)
            return false;
        const char e = m_s.at(m_pos + 1);
        m_pos += 2;
        switch (e) {
        case '"': case '\\': case '/':
            if (decoded) decoded->append(e);
            break;
        case 'b': if (decoded) decoded->append('\b'); break;
        case 'f': if (decoded) decoded->append('\f'); break;
        case 'n': if (decoded) decoded->append('\n'); break;
        case 'r': if (decoded) decoded->append('\r'); break;
        case 't': if (decoded) decoded->append('\t'); break;
        case 'u': {
            if (m_pos + 4 > n)
                return false;
            uint cp = 0;
            for (int i = 0; i < 4; ++i) {
                const int h = hexVal(m_s.at(m_pos + i));
                if (h < 0)
                    return false;
                cp = cp * 16 + uint(h);
            }
            m_pos += 4;
            if (decoded)
                appendUtf8(decoded, cp);   // surrogates kept as-is: only member names are decoded
            break;
        }
        default:
            return false;
        }
    }
    return false;
}

bool JsonScanner::scanLiteral()
{
    for (const char *lit : {"true", "false", "null"}) {
        const QByteArrayView v(lit);
        if (QByteArrayView(m_s).sliced(m_pos).startsWith(v)) {
            m_pos += v.size();
            return true;
        }
    }
    return false;
}

qsizetype JsonScanner::skipDigits()
{
    const qsizetype start = m_pos;
    while (m_pos < m_s.size() && m_s.at(m_pos) >= '0' && m_s.at(m_pos) <= '9')
        ++m_pos;
    return m_pos - start;
}

bool JsonScanner::scanNumber()
{
    const qsizetype n = m_s.size();
    if (m_pos < n && m_s.at(m_pos) == '-')
        ++m_pos;
    if (m_pos >= n)
        return false;
    if (m_s.at(m_pos) == '0')
        ++m_pos;
    else if (m_s.at(m_pos) < '1' || m_s.at(m_pos) > '9' || skipDigits() == 0)
        return false;
    // A fraction and an exponent each need at least one digit.
    if (m_pos < n && m_s.at(m_pos) == '.') {
        ++m_pos;
        if (skipDigits() == 0)
            return false;
    }
    if (m_pos < n && (m_s.at(m_pos) == 'e' || m_s.at(m_pos) == 'E')) {
        ++m_pos;
        if (m_pos < n && (m_s.at(m_pos) == '+' || m_s.at(m_pos) == '-'))
            ++m_pos;
        if (skipDigits() == 0)
            return false;
    }
    return true;
}

// Walks the object or array that starts at m_pos ('{' or '['), calling item(key) once per member or
// element with m_pos at the first character of its value; item scans the value (and may keep its
// bytes) and returns false when it is not well-formed. key is the member's decoded name when
// decodeKeys is set, else empty (array elements, and the members of nested objects, whose names
// only need to be well-formed). One loop for every container, so objects and arrays are checked
// by the same rules wherever they stand.
template <typename Item>
bool JsonScanner::scanItems(bool decodeKeys, Item &&item)
{
    const char open = m_s.at(m_pos);
    const char close = open == '{' ? '}' : ']';
    ++m_pos;
    if (!skipWs())
        return false;
    if (m_s.at(m_pos) == close) {
        ++m_pos;
        return true;
    }
    QByteArray key;
    for (;;) {
        if (open == '{') {
            key.clear();
            if (!skipWs() || !scanString(decodeKeys ? &key : nullptr) || !skipWs() || m_s.at(m_pos) != ':')
                return false;
            ++m_pos;
        }
        if (!skipWs() || !item(std::as_const(key)) || !skipWs())
            return false;
        const char sep = m_s.at(m_pos++);
        if (sep == close)
            return true;
        if (sep != ',')
            return false;
    }
}

bool JsonScanner::scanValue(int depth)
{
    if (depth > kMaxDepth || !skipWs())
        return false;
    const char c = m_s.at(m_pos);
    if (c == '"')
        return scanString(nullptr);
    if (c == '{' || c == '[')
        return scanItems(false, [&](const QByteArray &) { return scanValue(depth + 1); });
    if (c == 't' || c == 'f' || c == 'n')
        return scanLiteral();
    return scanNumber();
}

std::optional<QList<QByteArray>> JsonScanner::arrayElements(const QByteArray &json, QByteArrayView member)
{
    JsonScanner s(json);
    std::optional<QList<QByteArray>> found;
    if (!s.skipWs() || json.at(s.m_pos) != '{')
        return std::nullopt;
    const bool wellFormed = s.scanItems(true, [&](const QByteArray &key) {
        if (key != member)
            return s.scanValue(1);
        if (json.at(s.m_pos) != '[') {
            found.reset();   // the member exists but is not an array
            return s.scanValue(1);
        }
        QList<QByteArray> elements;
        const bool ok = s.scanItems(false, [&](const QByteArray &) {
            const qsizetype start = s.m_pos;
            if (!s.scanValue(1))
                return false;
            elements.append(json.mid(start, s.m_pos - start));
            return true;
        });
        if (ok)
            found = std::move(elements);   // a later duplicate member wins, as in QJsonObject
        return ok;
    });
    if (!wellFormed || s.skipWs())
        return std::nullopt;   // malformed, or trailing garbage
    return found;
}

} // namespace ledger
