#pragma once
// One answer of the demo server, and how to put it on the wire.
#include <QByteArray>
#include <QList>
#include <utility>

namespace ledger::sim {

struct HttpResponse {
    enum class Delivery { Normal, DropMidBody };   // DropMidBody: headers + half the body, then close

    int status = 200;
    QList<std::pair<QByteArray, QByteArray>> headers;   // besides the standard ones
    QByteArray body;
    Delivery delivery = Delivery::Normal;
    bool graphAnswer = false;   // the demo server's bookkeeping (DemoServerStats), not sent

    void setHeader(const QByteArray &name, const QByteArray &value);
    QByteArray header(const QByteArray &name) const;
    // Status line + headers (Content-Type, Content-Length, Date, Connection, the extra ones).
    QByteArray serializeHead(bool keepAlive) const;
};

QByteArray reasonPhrase(int status);
QByteArray httpDate();            // RFC 7231 IMF-fixdate, now
QByteArray newGuid();             // "xxxxxxxx-xxxx-…" without braces

} // namespace ledger::sim
