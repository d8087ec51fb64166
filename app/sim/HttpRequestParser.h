#pragma once
// Incremental HTTP/1.1 request parser for the demo server: feed whatever bytes arrived (partial
// reads, several pipelined requests at once), take complete requests in order.
#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>
#include <utility>

namespace ledger::sim {

struct HttpRequest {
    QByteArray method;                              // GET, POST, …
    QByteArray target;                              // origin-form, still percent-encoded
    QByteArray version;                             // HTTP/1.1
    QList<std::pair<QByteArray, QByteArray>> headers; // names as sent
    QByteArray body;

    QByteArray header(const QByteArray &name) const;  // case-insensitive; empty if absent
    bool keepAlive() const;                           // HTTP/1.1 default on; Connection: close
    QString path() const;                             // decoded path without the query
    QStringList pathSegments() const;                 // the path's segments, each decoded on its own
    QByteArray rawQuery() const;                      // part after '?', still encoded
    // Query items decoded ('+' → space, %XX), in order.
    QList<std::pair<QString, QString>> queryItems() const;
};

// Splits application/x-www-form-urlencoded (or a query string) into decoded pairs.
QList<std::pair<QString, QString>> decodeFormPairs(const QByteArray &encoded);

class HttpRequestParser {
public:
    enum class State { NeedMore, Ready, Error };

    void feed(const QByteArray &data);
    // Ready: a complete request can be taken. Error: the stream is broken (see errorStatus()).
    State state();
    std::optional<HttpRequest> take();
    int errorStatus() const { return m_errorStatus; }   // 400, 411, 413, 431
    qsizetype buffered() const { return m_buffer.size(); }

    static constexpr qsizetype MaxHeaderBytes = 64 * 1024;
    static constexpr qsizetype MaxBodyBytes = 4 * 1024 * 1024;

private:
    bool parseHead();
    QByteArray m_buffer;
    std::optional<HttpRequest> m_pending;   // head parsed, waiting for the body
    qsizetype m_bodyLength = 0;
    int m_errorStatus = 0;
};

} // namespace ledger::sim
