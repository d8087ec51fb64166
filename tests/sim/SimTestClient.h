#pragma once
// Test helper for tests/sim: a plain QNetworkAccessManager driving the demo server, waiting with
// QSignalSpy (tests may wait; product code may not).
#include "app/sim/DemoServer.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSignalSpy>
#include <QUrlQuery>
#include <QtTest>

namespace ledger::test {

// The raw bytes of each element of the top-level "value" array (the server must send exact bytes).
inline QList<QByteArray> rawValueItems(const QByteArray &body)
{
    QList<QByteArray> out;
    const qsizetype start = body.indexOf("\"value\":[");
    if (start < 0)
        return out;
    qsizetype i = start + 9;
    int depth = 0;
    bool inString = false;
    qsizetype itemStart = -1;
    for (; i < body.size(); ++i) {
        const char c = body.at(i);
        if (inString) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                inString = false;
            continue;
        }
        if (c == '"') {
            inString = true;
        } else if (c == '{' || c == '[') {
            if (depth++ == 0)
                itemStart = i;
        } else if (c == '}' || c == ']') {
            if (depth == 0)
                break;   // end of the value array
            if (--depth == 0)
                out.append(body.mid(itemStart, i - itemStart + 1));
        }
    }
    return out;
}

struct SimReply {
    int status = 0;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QByteArray body;
    QJsonObject json;
    bool jsonOk = false;
    QHash<QByteArray, QByteArray> headers;   // lower-case names
    QByteArray header(const char *name) const { return headers.value(QByteArray(name).toLower()); }
    QJsonObject graphError() const { return json.value(QStringLiteral("error")).toObject(); }
};

class SimClient {
public:
    explicit SimClient(DemoServer &server) : m_server(server) { }

    SimReply wait(QNetworkReply *reply)
    {
        QSignalSpy spy(reply, &QNetworkReply::finished);
        if (!reply->isFinished())
            spy.wait(30000);
        SimReply r;
        r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        r.error = reply->error();
        r.body = reply->readAll();
        for (const auto &pair : reply->rawHeaderPairs())
            r.headers.insert(pair.first.toLower(), pair.second);
        QJsonParseError pe;
        const QJsonDocument doc = QJsonDocument::fromJson(r.body, &pe);
        r.jsonOk = pe.error == QJsonParseError::NoError;
        r.json = doc.object();
        reply->deleteLater();
        return r;
    }

    SimReply postToken(const QString &tenant, const QList<std::pair<QString, QString>> &form)
    {
        QUrl url = m_server.baseUrl();
        url.setPath(u'/' + tenant + QStringLiteral("/oauth2/v2.0/token"));
        QNetworkRequest req(url);
        req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/x-www-form-urlencoded"));
        QByteArray body;
        for (const auto &p : form) {
            if (!body.isEmpty())
                body += '&';
            body += QUrl::toPercentEncoding(p.first) + '=' + QUrl::toPercentEncoding(p.second);
        }
        return wait(m_nam.post(req, body));
    }

    SimReply requestToken(const DemoClient &client, const QString &scope = {})
    {
        return postToken(m_server.tenant().tenantId(),
                         {{QStringLiteral("client_id"), client.clientId},
                          {QStringLiteral("client_secret"), client.secret},
                          {QStringLiteral("scope"), scope.isEmpty() ? defaultScope() : scope},
                          {QStringLiteral("grant_type"), QStringLiteral("client_credentials")}});
    }

    QString defaultScope() const { return m_server.baseUrl().toString() + QStringLiteral("/.default"); }

    QByteArray tokenFor(const DemoClient &client)
    {
        const SimReply r = requestToken(client);
        return r.json.value(QStringLiteral("access_token")).toString().toLatin1();
    }

    QByteArray fullToken() { return tokenFor(m_server.tenant().fullClient()); }

    SimReply get(const QUrl &url, const QByteArray &token, const QByteArray &clientRequestId = {})
    {
        QNetworkRequest req(url);
        if (!token.isEmpty())
            req.setRawHeader("Authorization", "Bearer " + token);
        if (!clientRequestId.isEmpty())
            req.setRawHeader("client-request-id", clientRequestId);
        return wait(m_nam.get(req));
    }

    // path like "/v1.0/users", query items encoded by QUrlQuery.
    QUrl url(const QString &path, const QList<std::pair<QString, QString>> &query = {}) const
    {
        QUrl u = m_server.baseUrl();
        u.setPath(path);
        if (!query.isEmpty()) {
            QUrlQuery q;
            for (const auto &p : query)
                q.addQueryItem(p.first, QString(p.second).replace(u'+', QStringLiteral("%2B")));
            u.setQuery(q);
        }
        return u;
    }

    QUrl interactionsUrl(const QString &userId, const QList<std::pair<QString, QString>> &query = {}) const
    {
        return url(QStringLiteral("/v1.0/copilot/users/") + userId
                       + QStringLiteral("/interactionHistory/getAllEnterpriseInteractions"),
                   query);
    }

    QNetworkAccessManager &nam() { return m_nam; }

private:
    DemoServer &m_server;
    QNetworkAccessManager m_nam;
};

} // namespace ledger::test
