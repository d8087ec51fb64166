#include "app/sim/HttpRequestParser.h"

#include <QUrl>

namespace ledger::sim {

QByteArray HttpRequest::header(const QByteArray &name) const
{
    for (const auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

bool HttpRequest::keepAlive() const
{
    const QByteArray connection = header("Connection").toLower();
    if (version == "HTTP/1.0")
        return connection.contains("keep-alive");
    return !connection.contains("close");
}

QStringList HttpRequest::pathSegments() const
{
    const qsizetype q = target.indexOf('?');
    const QByteArray raw = q < 0 ? target : target.left(q);
    QStringList out;
    for (const QByteArray &seg : raw.split('/'))
        if (!seg.isEmpty())
            out << QUrl::fromPercentEncoding(seg);
    return out;
}

QString HttpRequest::path() const
{
    const qsizetype q = target.indexOf('?');
    const QByteArray raw = q < 0 ? target : target.left(q);
    return QUrl::fromPercentEncoding(raw);
}

QByteArray HttpRequest::rawQuery() const
{
    const qsizetype q = target.indexOf('?');
    return q < 0 ? QByteArray() : target.mid(q + 1);
}

QList<std::pair<QString, QString>> HttpRequest::queryItems() const
{
    return decodeFormPairs(rawQuery());
}

QList<std::pair<QString, QString>> decodeFormPairs(const QByteArray &encoded)
{
    QList<std::pair<QString, QString>> out;
    const QList<QByteArray> parts = encoded.split('&');
    for (QByteArray part : parts) {
        if (part.isEmpty())
            continue;
        part.replace('+', ' ');
        const qsizetype eq = part.indexOf('=');
        const QByteArray key = eq < 0 ? part : part.left(eq);
        const QByteArray value = eq < 0 ? QByteArray() : part.mid(eq + 1);
        out.append({QUrl::fromPercentEncoding(key), QUrl::fromPercentEncoding(value)});
    }
    return out;
}

void HttpRequestParser::feed(const QByteArray &data)
{
    m_buffer.append(data);
}

bool HttpRequestParser::parseHead()
{
    // Tolerate stray CRLFs between pipelined requests (RFC 9112 §2.2).
    while (m_buffer.startsWith("\r\n"))
        m_buffer.remove(0, 2);
    const qsizetype end = m_buffer.indexOf("\r\n\r\n");
    if (end < 0) {
        if (m_buffer.size() > MaxHeaderBytes)
            m_errorStatus = 431;
        return false;
    }
    const QByteArray head = m_buffer.left(end);
    m_buffer.remove(0, end + 4);
    const QList<QByteArray> lines = head.split('\n');
    HttpRequest request;
    const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
    if (requestLine.size() != 3 || !requestLine.at(2).startsWith("HTTP/1.")
        || !requestLine.at(1).startsWith('/')) {
        m_errorStatus = 400;
        return false;
    }
    request.method = requestLine.at(0);
    request.target = requestLine.at(1);
    request.version = requestLine.at(2);
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        if (line.isEmpty())
            continue;
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0) {
            m_errorStatus = 400;
            return false;
        }
        request.headers.append({line.left(colon).trimmed(), line.mid(colon + 1).trimmed()});
    }
    if (!request.header("Transfer-Encoding").isEmpty()) {
        m_errorStatus = 411;   // chunked request bodies are not needed by any Graph client here
        return false;
    }
    const QByteArray length = request.header("Content-Length");
    bool ok = true;
    m_bodyLength = length.isEmpty() ? 0 : length.toLongLong(&ok);
    if (!ok || m_bodyLength < 0) {
        m_errorStatus = 400;
        return false;
    }
    if (m_bodyLength > MaxBodyBytes) {
        m_errorStatus = 413;
        return false;
    }
    m_pending = std::move(request);
    return true;
}

HttpRequestParser::State HttpRequestParser::state()
{
    if (m_errorStatus)
        return State::Error;
    if (!m_pending && !parseHead())
        return m_errorStatus ? State::Error : State::NeedMore;
    return m_buffer.size() >= m_bodyLength ? State::Ready : State::NeedMore;
}

std::optional<HttpRequest> HttpRequestParser::take()
{
    if (state() != State::Ready)
        return std::nullopt;
    HttpRequest request = std::move(*m_pending);
    m_pending.reset();
    request.body = m_buffer.left(m_bodyLength);
    m_buffer.remove(0, m_bodyLength);
    m_bodyLength = 0;
    return request;
}

} // namespace ledger::sim
