// The demo server's transport and realism options: keep-alive and pipelining on one connection,
// partial reads, Connection: close, rate limiting (429 + Retry-After), every injected fault type
// (each URL at most once, so a retry succeeds), latency, and DemoEnvironment's own thread.
#include "SimTestClient.h"
#include "TestSupport.h"

#include "app/sim/DemoEnvironment.h"
#include "app/sim/DemoServer.h"

#include <QTcpSocket>

using namespace ledger;
using namespace ledger::test;

namespace {
// Reads HTTP/1.1 responses from a raw socket: status codes and bodies, in order.
struct RawResponse {
    int status = 0;
    QByteArray head, body;
};

QList<RawResponse> readResponses(QTcpSocket &socket, int count, QByteArray *rest = nullptr)
{
    QList<RawResponse> out;
    QByteArray buffer;
    while (out.size() < count) {
        const qsizetype end = buffer.indexOf("\r\n\r\n");
        if (end >= 0) {
            const QByteArray head = buffer.left(end);
            const qsizetype cl = head.toLower().indexOf("content-length:");
            const qsizetype lineEnd = head.indexOf("\r\n", cl);
            const int length = head.mid(cl + 15, (lineEnd < 0 ? head.size() : lineEnd) - cl - 15).trimmed().toInt();
            if (buffer.size() >= end + 4 + length) {
                RawResponse r;
                r.head = head;
                r.status = head.mid(9, 3).toInt();
                r.body = buffer.mid(end + 4, length);
                buffer.remove(0, end + 4 + length);
                out.append(r);
                continue;
            }
        }
        // The server may run in this thread: wait with the event loop, not waitForReadyRead().
        if (!socket.bytesAvailable()) {
            QSignalSpy spy(&socket, &QIODevice::readyRead);
            if (!spy.wait(10000))
                break;
        }
        buffer += socket.readAll();
    }
    if (rest)
        *rest = buffer;
    return out;
}
} // namespace

class tst_DemoFaults : public QObject {
    Q_OBJECT
private:
    DemoTenantSpec smallSpec() const
    {
        DemoTenantSpec spec;
        spec.users = 40;
        spec.interactions = 4000;
        return spec;
    }

private slots:
    void initTestCase() { isolateEnvironment(); }

    void keepAlivePipelined()
    {
        DemoServer server(smallSpec());
        QVERIFY(server.listen());
        SimClient client(server);
        const QByteArray token = client.fullToken();
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, server.port());
        QVERIFY(socket.waitForConnected(5000));
        const QByteArray get = "GET /v1.0/users?$top=5 HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token
            + "\r\nclient-request-id: %ID%\r\n\r\n";
        // Three requests in one write, the third split across two writes (partial read).
        QByteArray all = QByteArray(get).replace("%ID%", "one") + QByteArray(get).replace("%ID%", "two")
            + QByteArray(get).replace("%ID%", "three");
        const qsizetype split = all.size() - 20;
        socket.write(all.left(split));
        socket.flush();
        QTest::qWait(50);
        socket.write(all.mid(split));
        const QList<RawResponse> responses = readResponses(socket, 3);
        QCOMPARE(responses.size(), 3);
        const qint64 connectionsBefore = server.stats().connections;
        const char *ids[] = {"one", "two", "three"};
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(responses.at(i).status, 200);
            QVERIFY2(responses.at(i).head.contains(QByteArray(QByteArray("client-request-id: ") + ids[i])), responses.at(i).head.constData());
            QVERIFY(responses.at(i).head.contains("Connection: keep-alive"));
            QVERIFY(responses.at(i).head.contains("request-id: "));
            QVERIFY(responses.at(i).head.contains("Date: "));
            QVERIFY(!QJsonDocument::fromJson(responses.at(i).body).isNull());
        }
        // A POST with a body on the same connection, then Connection: close.
        const QByteArray form = "client_id=" + server.tenant().fullClient().clientId.toLatin1() + "&client_secret="
            + QUrl::toPercentEncoding(server.tenant().fullClient().secret) + "&scope="
            + QUrl::toPercentEncoding(client.defaultScope()) + "&grant_type=client_credentials";
        socket.write("POST /" + server.tenant().tenantId().toLatin1() + "/oauth2/v2.0/token HTTP/1.1\r\nHost: x\r\n"
                     "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: "
                     + QByteArray::number(form.size()) + "\r\n\r\n" + form.left(10));
        socket.flush();
        QTest::qWait(30);
        socket.write(form.mid(10) + "GET /v1.0/users?$top=1 HTTP/1.1\r\nHost: x\r\nConnection: close\r\nAuthorization: Bearer "
                     + token + "\r\n\r\n");
        const QList<RawResponse> more = readResponses(socket, 2);
        QCOMPARE(more.size(), 2);
        QCOMPARE(more.at(0).status, 200);
        QVERIFY(more.at(0).body.contains("access_token"));
        QCOMPARE(more.at(1).status, 200);
        QVERIFY(more.at(1).head.contains("Connection: close"));
        QTRY_COMPARE_WITH_TIMEOUT(socket.state(), QAbstractSocket::UnconnectedState, 10000);
        QCOMPARE(server.stats().connections, connectionsBefore);   // all on the one connection
    }

    void namReusesConnections()
    {
        DemoServer server(smallSpec());
        QVERIFY(server.listen());
        SimClient client(server);
        const QByteArray token = client.fullToken();
        for (int i = 0; i < 10; ++i)
            QCOMPARE(client.get(client.url(QStringLiteral("/v1.0/users")), token).status, 200);
        QVERIFY(server.stats().connections <= 2);
        QCOMPARE(server.stats().graphRequests, 10);
        QCOMPARE(server.stats().tokenRequests, 1);
    }

    void malformedRequest()
    {
        DemoServer server(smallSpec());
        QVERIFY(!server.listen(0, QHostAddress::AnyIPv4));   // loopback only
        QVERIFY(server.listen());
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, server.port());
        QVERIFY(socket.waitForConnected(5000));
        socket.write("this is not http\r\n\r\n");
        const QList<RawResponse> r = readResponses(socket, 1);
        QCOMPARE(r.size(), 1);
        QCOMPARE(r.at(0).status, 400);
        QTRY_COMPARE_WITH_TIMEOUT(socket.state(), QAbstractSocket::UnconnectedState, 10000);
    }

    void rateLimit()
    {
        DemoServer server(smallSpec());
        QVERIFY(server.listen());
        DemoServerOptions o;
        o.rateLimit = 2;
        server.setOptions(o);
        SimClient client(server);
        const QByteArray token = client.fullToken();   // the token endpoint is not throttled
        QList<QNetworkReply *> replies;
        for (int i = 0; i < 12; ++i) {
            QNetworkRequest req(client.url(QStringLiteral("/v1.0/users"), {{QStringLiteral("$top"), QString::number(i + 1)}}));
            req.setRawHeader("Authorization", "Bearer " + token);
            replies.append(client.nam().get(req));
        }
        int ok = 0, throttled = 0;
        for (QNetworkReply *reply : std::as_const(replies)) {
            const SimReply r = client.wait(reply);
            if (r.status == 429) {
                ++throttled;
                const int retryAfter = r.header("retry-after").toInt();
                QVERIFY(retryAfter == 1 || retryAfter == 2);
                QCOMPARE(r.graphError().value(QStringLiteral("code")).toString(), QStringLiteral("TooManyRequests"));
            } else {
                QCOMPARE(r.status, 200);
                ++ok;
            }
        }
        QVERIFY(throttled >= 1);
        QVERIFY(ok >= 2);
        QCOMPARE(server.stats().throttled, throttled);
    }

    void earlyRetriesAndBusyTimeAreCounted()
    {
        DemoServer server(smallSpec());
        QVERIFY(server.listen());
        DemoServerOptions o;
        o.rateLimit = 1;       // one request, then 429 for a second
        o.latencyMs = 20;
        o.latencyMaxMs = 40;   // a seeded latency per answer
        server.setOptions(o);
        SimClient client(server);
        const QByteArray token = client.fullToken();
        const QUrl a = client.url(QStringLiteral("/v1.0/users"), {{QStringLiteral("$top"), QStringLiteral("1")}});
        const QUrl b = client.url(QStringLiteral("/v1.0/users"), {{QStringLiteral("$top"), QStringLiteral("2")}});
        QCOMPARE(client.get(a, token).status, 200);
        const SimReply throttled = client.get(b, token);
        QCOMPARE(throttled.status, 429);
        QCOMPARE(server.stats().earlyRetries, 0);
        // Asked again at once, before Retry-After elapsed: an early retry.
        QCOMPARE(client.get(b, token).status, 429);
        QCOMPARE(server.stats().earlyRetries, 1);
        // Another URL is not a retry of that one.
        const QUrl c = client.url(QStringLiteral("/v1.0/users"), {{QStringLiteral("$top"), QStringLiteral("3")}});
        client.get(c, token);
        QCOMPARE(server.stats().earlyRetries, 1);
        // After waiting as asked (the latest Retry-After for b), it is not early.
        QTest::qWait(2100 + 50);
        QCOMPARE(client.get(b, token).status, 200);
        QCOMPARE(server.stats().earlyRetries, 1);
        QVERIFY(server.stats().busyMs > 0);   // answers took >= 20 ms each while in flight
    }

    void everyFaultTypeThenSuccess()
    {
        DemoServer server(smallSpec());
        QVERIFY(server.listen());
        DemoServerOptions o;
        o.faults = true;
        o.faultRate = 1.0;   // every URL's first request gets its one fault
        server.setOptions(o);
        SimClient client(server);
        QByteArray token = client.fullToken();
        QSet<QString> seen;
        for (int i = 1; i <= 40; ++i) {
            const QUrl url = client.url(QStringLiteral("/v1.0/users"), {{QStringLiteral("$top"), QString::number(i)}});
            const SimReply first = client.get(url, token);
            QString kind;
            if (first.status == 503) {
                kind = QStringLiteral("503");
                QCOMPARE(first.header("retry-after"), QByteArrayLiteral("1"));
            } else if (first.status == 504) {
                kind = QStringLiteral("504");
                QVERIFY(first.header("retry-after").isEmpty());
            } else if (first.status == 401) {
                kind = QStringLiteral("early-expired");
                QCOMPARE(first.graphError().value(QStringLiteral("code")).toString(), QStringLiteral("InvalidAuthenticationToken"));
                // The token stays rejected (before its exp); a new one works.
                QCOMPARE(client.get(client.url(QStringLiteral("/v1.0/users/") + server.tenant().users().at(0).json.value(QStringLiteral("id")).toString()), token).status, 401);
                token = client.fullToken();
            } else if (first.error != QNetworkReply::NoError && first.status == 200) {
                kind = QStringLiteral("dropped");   // headers arrived, the body was cut
            } else if (first.status == 0) {
                kind = QStringLiteral("dropped");
            } else if (first.status == 200 && !first.jsonOk) {
                kind = QStringLiteral("malformed");
            } else {
                QFAIL(qPrintable(QStringLiteral("no fault on first request: %1 %2").arg(first.status).arg(QString::fromUtf8(first.body.left(100)))));
            }
            seen.insert(kind);
            const SimReply retry = client.get(url, token);
            QCOMPARE(retry.status, 200);
            QVERIFY(retry.jsonOk);
            QCOMPARE(retry.json.value(QStringLiteral("value")).toArray().size(), std::min(i, 40));
        }
        QCOMPARE(seen, (QSet<QString>{QStringLiteral("503"), QStringLiteral("504"), QStringLiteral("early-expired"),
                                      QStringLiteral("dropped"), QStringLiteral("malformed")}));
        const DemoServerStats s = server.stats();
        QCOMPARE(s.faultsInjected, 40);
        QCOMPARE(s.faults503 + s.faults504 + s.faultsDropped + s.faultsMalformed + s.faultsEarlyExpired, 40);
    }

    void retryingClientGetsEverythingExactly()
    {
        DemoServer server(smallSpec());
        QVERIFY(server.listen());
        DemoServerOptions o;
        o.faults = true;
        o.faultRate = 0.4;
        server.setOptions(o);
        SimClient client(server);
        QByteArray token = client.fullToken();
        const QString heavy = server.tenant().heavyUserId();
        QUrl url = client.interactionsUrl(heavy, {{QStringLiteral("$top"), QStringLiteral("50")}});
        QList<QByteArray> items;
        int failures = 0, pages = 0;
        while (url.isValid()) {
            SimReply r = client.get(url, token);
            if (r.status != 200 || !r.jsonOk || r.error != QNetworkReply::NoError) {
                ++failures;
                if (r.status == 401)
                    token = client.fullToken();
                r = client.get(url, token);   // one retry is enough: one fault per URL
            }
            QCOMPARE(r.status, 200);
            QVERIFY(r.jsonOk);
            items += rawValueItems(r.body);
            const QString next = r.json.value(QStringLiteral("@odata.nextLink")).toString();
            url = next.isEmpty() ? QUrl() : QUrl(next);
            ++pages;
        }
        QCOMPARE(items, server.tenant().interactions(heavy));   // complete and byte-exact
        QVERIFY(pages > 5);
        QVERIFY(failures >= 2);
        QCOMPARE(server.stats().faultsInjected, failures);
    }

    void faultsAreDeterministicAndRare()
    {
        auto faultedUrls = [this](quint64 seed) {
            DemoTenantSpec spec = smallSpec();
            spec.seed = seed;
            DemoServer server(spec);
            if (!server.listen())
                return QList<int>();
            DemoServerOptions o;
            o.faults = true;   // default faultRate 0.05
            server.setOptions(o);
            SimClient client(server);
            QByteArray token = client.fullToken();
            QList<int> faulted;
            for (int i = 1; i <= 200; ++i) {
                const SimReply r = client.get(client.url(QStringLiteral("/v1.0/users"), {{QStringLiteral("$top"), QString::number(i)}}), token);
                if (r.status != 200 || !r.jsonOk || r.error != QNetworkReply::NoError)
                    faulted.append(i);
                if (r.status == 401)
                    token = client.fullToken();   // early-expired: a correct client gets a new token
            }
            return faulted;
        };
        const QList<int> a = faultedUrls(7), b = faultedUrls(7);
        QCOMPARE(a, b);
        qInfo() << "faulted URLs at the default rate:" << a;
        QVERIFY(a.size() >= 2 && a.size() <= 30);   // ~5 % of 200 distinct URLs
    }

    void latencyDoesNotBlock()
    {
        DemoServer server(smallSpec());
        QVERIFY(server.listen());
        DemoServerOptions o;
        o.latencyMs = 200;
        server.setOptions(o);
        SimClient client(server);
        const QByteArray token = client.fullToken();
        QNetworkRequest req(client.url(QStringLiteral("/v1.0/users")));
        req.setRawHeader("Authorization", "Bearer " + token);
        QNetworkReply *reply = client.nam().get(req);
        // While the answer is delayed, the event loop keeps running (timers fire).
        bool timerFired = false;
        QTimer::singleShot(20, [&] { timerFired = true; });
        QTRY_VERIFY(timerFired);
        QVERIFY(!reply->isFinished());
        QCOMPARE(client.wait(reply).status, 200);
    }

    void environmentInOwnThread()
    {
        DemoTenantSpec spec = smallSpec();
        QString error;
        auto env = DemoEnvironment::start(spec, {}, 0, &error);
        QVERIFY2(env, qPrintable(error));
        QVERIFY(env->baseUrl().port() > 0);
        QCOMPARE(env->baseUrl().host(), QStringLiteral("127.0.0.1"));
        const ConnectionSettings c = env->connection();
        QCOMPARE(c.tenant, env->tenant().tenantId());
        QCOMPARE(c.clientId, env->tenant().fullClient().clientId);
        QCOMPARE(c.cloud, Cloud::Custom);
        QCOMPARE(c.authorityUrl, env->baseUrl());
        QCOMPARE(c.graphUrl, env->baseUrl());
        QCOMPARE(env->clientSecret(), env->tenant().fullClient().secret);
        QVERIFY(env->server()->thread() != QThread::currentThread());

        // Drive it over the network from this thread.
        QNetworkAccessManager nam;
        QNetworkRequest tokenReq(QUrl(env->baseUrl().toString() + u'/' + c.tenant + QStringLiteral("/oauth2/v2.0/token")));
        tokenReq.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/x-www-form-urlencoded"));
        const QByteArray form = "client_id=" + c.clientId.toLatin1() + "&client_secret=" + QUrl::toPercentEncoding(env->clientSecret())
            + "&scope=" + QUrl::toPercentEncoding(env->baseUrl().toString() + QStringLiteral("/.default")) + "&grant_type=client_credentials";
        QNetworkReply *t = nam.post(tokenReq, form);
        QSignalSpy spy(t, &QNetworkReply::finished);
        QVERIFY(spy.wait(10000));
        const QByteArray token = QJsonDocument::fromJson(t->readAll()).object().value(QStringLiteral("access_token")).toString().toLatin1();
        t->deleteLater();
        QVERIFY(!token.isEmpty());
        const QString user = env->tenant().users().at(0).json.value(QStringLiteral("id")).toString();
        const qsizetype before = env->tenant().interactions(user).size();
        env->addInteractions(user, 7);
        QCOMPARE(env->tenant().interactions(user).size(), before + 7);
        QCOMPARE(env->stats().tokenRequests, 1);
        DemoServerOptions o;
        o.rejectFilter = true;
        env->setOptions(o);
        QNetworkRequest filtered(QUrl(env->baseUrl().toString() + QStringLiteral("/v1.0/copilot/users/") + user
                                      + QStringLiteral("/interactionHistory/getAllEnterpriseInteractions?$filter=appClass%20eq%20'x'")));
        filtered.setRawHeader("Authorization", "Bearer " + token);
        QNetworkReply *g = nam.get(filtered);
        QSignalSpy spy2(g, &QNetworkReply::finished);
        QVERIFY(spy2.wait(10000));
        QCOMPARE(g->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 400);
        g->deleteLater();
        env.reset();   // stops the thread without hanging

        // A port that is taken → nullptr and a reason.
        DemoServer blocker(spec);
        QVERIFY(blocker.listen());
        QString error2;
        auto clash = DemoEnvironment::start(spec, {}, blocker.port(), &error2);
        QVERIFY(!clash);
        QVERIFY(!error2.isEmpty());
    }
};

QTEST_GUILESS_MAIN(tst_DemoFaults)
#include "tst_demofaults.moc"
