#include "app/graph/JsonScanner.h"

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

bool JsonScanner::scanNumber()
{
    const qsizetype n = m_s.size();
    const qsizetype start = m_pos;
    if (m_pos < n && m_s.at(m_pos) == '-')
        ++m_pos;
    if (m_pos >= n)
        return false;
    if (m_s.at(m_pos) == '0') {
        ++m_pos;
    } else if (m_s.at(m_pos) >= '1' && m_s.at(m_pos) <= '9') {
        while (m_pos < n && m_s.at(m_pos) >= '0' && m_s.at(m_pos) <= '9')
            ++m_pos;
    } else {
        return false;
    }
    if (m_pos < n && m_s.at(m_pos) == '.') {
        ++m_pos;
        const qsizetype digits = m_pos;
        while (m_pos < n && m_s.at(m_pos) >= '0' && m_s.at(m_pos) <= '9')
            ++m_pos;
        if (m_pos == digits)
            return false;
    }
    if (m_pos < n && (m_s.at(m_pos) == 'e' || m_s.at(m_pos) == 'E')) {
        ++m_pos;
        if (m_pos < n && (m_s.at(m_pos) == '+' || m_s.at(m_pos) == '-'))
            ++m_pos;
        const qsizetype digits = m_pos;
        while (m_pos < n && m_s.at(m_pos) >= '0' && m_s.at(m_pos) <= '9')
            ++m_pos;
        if (m_pos == digits)
            return false;
    }
    return m_pos > start;
}

bool JsonScanner::scanValue(int depth)
{
    if (depth > kMaxDepth || !skipWs())
        return false;
    const char c = m_s.at(m_pos);
    if (c == '"')
        return scanString(nullptr);
    if (c == '{' || c == '[') {
        const char close = c == '{' ? '}' : ']';
        ++m_pos;
        if (!skipWs())
            return false;
        if (m_s.at(m_pos) == close) {
            ++m_pos;
            return true;
        }
        for (;;) {
            if (c == '{') {
                if (!skipWs() || !scanString(nullptr) || !skipWs() || m_s.at(m_pos) != ':')
                    return false;
                ++m_pos;
            }
            if (!scanValue(depth + 1) || !skipWs())
                return false;
            const char sep = m_s.at(m_pos++);
            if (sep == close)
                return true;
            if (sep != ',')
                return false;
        }
    }
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
    ++s.m_pos;
    if (!s.skipWs())
        return std::nullopt;
    if (json.at(s.m_pos) == '}') {
        ++s.m_pos;
    } else {
        for (;;) {
            QByteArray key;
            if (!s.skipWs() || !s.scanString(&key) || !s.skipWs() || json.at(s.m_pos) != ':')
                return std::nullopt;
            ++s.m_pos;
            if (!s.skipWs())
                return std::nullopt;
            if (key == member && json.at(s.m_pos) == '[') {
                QList<QByteArray> elements;
                ++s.m_pos;
                if (!s.skipWs())
                    return std::nullopt;
                if (json.at(s.m_pos) == ']') {
                    ++s.m_pos;
                } else {
                    for (;;) {
                        if (!s.skipWs())
                            return std::nullopt;
                        const qsizetype start = s.m_pos;
                        if (!s.scanValue(1))
                            return std::nullopt;
                        elements.append(json.mid(start, s.m_pos - start));
                        if (!s.skipWs())
                            return std::nullopt;
                        const char sep = json.at(s.m_pos++);
                        if (sep == ']')
                            break;
                        if (sep != ',')
                            return std::nullopt;
                    }
                }
                found = std::move(elements);   // a later duplicate member wins, as in QJsonObject
            } else if (!s.scanValue(1)) {
                return std::nullopt;
            } else if (key == member) {
                found.reset();   // the member exists but is not an array
            }
            if (!s.skipWs())
                return std::nullopt;
            const char sep = json.at(s.m_pos++);
            if (sep == '}')
                break;
            if (sep != ',')
                return std::nullopt;
        }
    }
    if (s.skipWs())
        return std::nullopt;   // trailing garbage
    return found;
}

} // namespace ledger
