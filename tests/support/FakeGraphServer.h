#pragma once
// A tiny loopback HTTP/1.1 server for the auth/graph/check tests: every request is recorded (with
// its arrival time) and answered by a handler. One request per connection (Connection: close).
// Header-only, in tests/support so the graph, check, sync, export and CLI tests share it.
#include <QElapsedTimer>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QUrl>
#include <QUrlQuery>
#include <functional>

namespace ledger::test {

// The tenant, client and secret the scripted tests sign in with (any GUIDs do; the secret holds
// characters a form body must escape).
inline const QString kFakeTenant = QStringLiteral("11111111-2222-3333-4444-555555555555");
inline const QString kFakeClient = QStringLiteral("aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee");
inline const QString kFakeSecret = QStringLiteral("s3cr3t~Value.With+Special&Chars=");

struct FakeRequest {
    QByteArray method;
    QByteArray target;                   // as sent (path?query)
    QHash<QByteArray, QByteArray> headers;   // lower-case names
    QByteArray body;
    qint64 receivedMs = 0;               // server clock
    QString path() const { return QUrl::fromEncoded(target).path(); }
    QUrlQuery query() const { return QUrlQuery(QUrl::fromEncoded(target)); }
    QByteArray header(const char *name) const { return headers.value(QByteArray(name).toLower()); }
};

struct FakeResponse {
    enum Action { Normal, Drop, Truncate, Hang };
    int status = 200;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    Action action = Normal;
    int delayMs = 0;
    void addHeader(const QByteArray &name, const QByteArray &value) { headers.append(qMakePair(name, value)); }

    static FakeResponse json(int status, const QJsonObject &o)
    {
        FakeResponse r;
        r.status = status;
        r.body = QJsonDocument(o).toJson(QJsonDocument::Compact);
        r.addHeader("Content-Type", "application/json");
        return r;
    }
    static FakeResponse graphError(int status, const QString &code, const QString &message, const QString &requestId)
    {
        const QJsonObject inner{{QStringLiteral("date"), QStringLiteral("2026-11-25T12:00:00")},
                                {QStringLiteral("request-id"), requestId},
                                {QStringLiteral("client-request-id"), requestId}};
        return json(status, QJsonObject{{QStringLiteral("error"), QJsonObject{{QStringLiteral("code"), code},
                                                                              {QStringLiteral("message"), message},
                                                                              {QStringLiteral("innerError"), inner}}}});
    }
};

inline QByteArray makeTestJwt(const QJsonObject &payload)
{
    const auto opts = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;
    return QByteArray(R"({"alg":"none","typ":"JWT"})").toBase64(opts) + '.'
        + QJsonDocument(payload).toJson(QJsonDocument::Compact).toBase64(opts) + ".sig";
}

class FakeGraphServer : public QObject {
public:
    using Handler = std::function<FakeResponse(const FakeRequest &)>;

    explicit FakeGraphServer(QObject *parent = nullptr) : QObject(parent)
    {
        m_clock.start();
        QObject::connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *s = m_server.nextPendingConnection())
                accept(s);
        });
        m_server.listen(QHostAddress::LocalHost, 0);
    }
    void setHandler(Handler h) { m_handler = std::move(h); }
    QUrl baseUrl() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort())); }
    QList<FakeRequest> requests;
    int maxConcurrent = 0;
    qint64 now() const { return m_clock.elapsed(); }
    QList<FakeRequest> requestsTo(const QString &pathPart) const
    {
        QList<FakeRequest> out;
        for (const FakeRequest &r : requests)
            if (QString::fromLatin1(r.target).contains(pathPart))
                out.append(r);
        return out;
    }

private:
    void accept(QTcpSocket *s)
    {
        s->setParent(this);
        ++m_open;
        maxConcurrent = std::max(maxConcurrent, m_open);
        auto buffer = std::make_shared<QByteArray>();
        QObject::connect(s, &QTcpSocket::disconnected, this, [this, s] {
            --m_open;
            s->deleteLater();
        });
        QObject::connect(s, &QTcpSocket::readyRead, this, [this, s, buffer] {
            buffer->append(s->readAll());
            const qsizetype headerEnd = buffer->indexOf("\r\n\r\n");
            if (headerEnd < 0)
                return;
            FakeRequest req;
            const QList<QByteArray> lines = buffer->left(headerEnd).split('\n');
            const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
            req.method = first.value(0);
            req.target = first.value(1);
            for (int i = 1; i < lines.size(); ++i) {
                const QByteArray l = lines.at(i).trimmed();
                const qsizetype c = l.indexOf(':');
                if (c > 0)
                    req.headers.insert(l.left(c).trimmed().toLower(), l.mid(c + 1).trimmed());
            }
            const qsizetype len = req.headers.value("content-length").toLongLong();
            if (buffer->size() < headerEnd + 4 + len)
                return;
            req.body = buffer->mid(headerEnd + 4, len);
            buffer->clear();
            req.receivedMs = m_clock.elapsed();
            requests.append(req);
            const FakeResponse resp = m_handler ? m_handler(req) : FakeResponse::json(404, {});
            QPointer<QTcpSocket> sock(s);
            auto send = [sock, resp] {
                if (!sock)
                    return;
                if (resp.action == FakeResponse::Hang)
                    return;
                if (resp.action == FakeResponse::Drop) {
                    sock->abort();
                    return;
                }
                QByteArray out = "HTTP/1.1 " + QByteArray::number(resp.status) + " X\r\n";
                for (const auto &h : resp.headers)
                    out += h.first + ": " + h.second + "\r\n";
                out += "Content-Length: " + QByteArray::number(resp.body.size()) + "\r\nConnection: close\r\n\r\n";
                if (resp.action == FakeResponse::Truncate) {
                    out += resp.body.left(resp.body.size() / 2);
                    sock->write(out);
                    sock->flush();
                    sock->abort();
                    return;
                }
                out += resp.body;
                sock->write(out);
                sock->disconnectFromHost();
            };
            if (resp.delayMs > 0)
                QTimer::singleShot(resp.delayMs, this, send);
            else
                send();
        });
    }

    QTcpServer m_server;
    Handler m_handler;
    QElapsedTimer m_clock;
    int m_open = 0;
};

// A token endpoint answer for tests: a JWT with the given roles for tenant/app.
inline FakeResponse tokenResponse(const QString &aud, const QString &tid, const QString &appid, const QStringList &roles,
                                  int expiresIn = 3599)
{
    const QJsonObject claims{{QStringLiteral("aud"), aud},
                             {QStringLiteral("tid"), tid},
                             {QStringLiteral("appid"), appid},
                             {QStringLiteral("roles"), QJsonArray::fromStringList(roles)},
                             {QStringLiteral("exp"), QDateTime::currentSecsSinceEpoch() + expiresIn},
                             {QStringLiteral("iat"), QDateTime::currentSecsSinceEpoch()}};
    return FakeResponse::json(200, QJsonObject{{QStringLiteral("token_type"), QStringLiteral("Bearer")},
                                               {QStringLiteral("expires_in"), expiresIn},
                                               {QStringLiteral("access_token"), QString::fromLatin1(makeTestJwt(claims))}});
}

} // namespace ledger::test
