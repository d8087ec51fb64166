// Bounded and well-formed requests: Retry-After in both forms (with a cap, garbage = absent), the
// "waiting because Microsoft Graph asked" progress text, user ids as one path segment, an overall
// deadline per request, and server text passing the secret scrubber.
#include "FakeGraphServer.h"
#include "GraphTestClient.h"
#include "app/cli/ProgressPrinter.h"
#include "app/graph/GraphClient.h"
#include "app/graph/RetryPolicy.h"
#include "app/sync/SyncQuery.h"
#include "TestSupport.h"

#include <QNetworkAccessManager>
#include <QTcpServer>
#include <QTcpSocket>
#include <QSignalSpy>
#include <QtTest>
#include <memory>

using namespace Qt::StringLiterals;
using namespace ledger;
using namespace ledger::test;

class TestGraphBounds : public QObject, public test::FakeGraphFixture {
    Q_OBJECT
    std::function<FakeResponse(const FakeRequest &)> graph;
    std::function<FakeResponse(const FakeRequest &)> token;

    GraphReply *getAndWait(const QUrl &url, int ms = 20000)
    {
        GraphReply *r = client->get(url);
        QSignalSpy spy(r, &GraphReply::finished);
        spy.wait(ms);
        return r;
    }

private slots:
    void initTestCase() { test::isolateEnvironment(); }
    void init()
    {
        server = std::make_unique<FakeGraphServer>();
        graph = [](const FakeRequest &) { return FakeResponse::json(200, QJsonObject{{u"value"_s, QJsonArray()}}); };
        token = [this](const FakeRequest &) {
            return test::tokenResponse(server->baseUrl().toString(), kFakeTenant, kFakeClient,
                                       {u"User.Read.All"_s, u"AiEnterpriseInteraction.Read.All"_s});
        };
        server->setHandler([this](const FakeRequest &r) {
            return r.path().endsWith(u"/oauth2/v2.0/token") ? token(r) : graph(r);
        });
        connectClient(kFakeSecret, 3);
    }
    void cleanup() { resetFixture(); }

    void retryAfterForms_data()
    {
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<QByteArray>("date");
        QTest::addColumn<int>("expected");   // -1 = absent
        QTest::newRow("seconds") << QByteArray("7") << QByteArray() << 7;
        QTest::newRow("zero") << QByteArray("0") << QByteArray() << 0;
        QTest::newRow("capped") << QByteArray("86400") << QByteArray() << RetryPolicy::kMaxRetryAfterSeconds;
        QTest::newRow("huge") << QByteArray("99999999999999999999999") << QByteArray() << RetryPolicy::kMaxRetryAfterSeconds;
        QTest::newRow("negative") << QByteArray("-5") << QByteArray() << -1;
        QTest::newRow("garbage") << QByteArray("soon") << QByteArray() << -1;
        QTest::newRow("fraction") << QByteArray("1.5") << QByteArray() << -1;
        QTest::newRow("imf-fixdate") << QByteArray("Wed, 21 Oct 2026 07:28:00 GMT")
                                     << QByteArray("Wed, 21 Oct 2026 07:27:15 GMT") << 45;
        QTest::newRow("date in the past") << QByteArray("Wed, 21 Oct 2026 07:28:00 GMT")
                                          << QByteArray("Wed, 21 Oct 2026 07:30:00 GMT") << 0;
        QTest::newRow("date far ahead") << QByteArray("Thu, 22 Oct 2026 07:28:00 GMT")
                                        << QByteArray("Wed, 21 Oct 2026 07:28:00 GMT") << RetryPolicy::kMaxRetryAfterSeconds;
        QTest::newRow("rfc850") << QByteArray("Wednesday, 21-Oct-26 07:28:30 GMT")
                                << QByteArray("Wed, 21 Oct 2026 07:28:00 GMT") << 30;
        QTest::newRow("asctime") << QByteArray("Wed Oct 21 07:28:10 2026")
                                 << QByteArray("Wed, 21 Oct 2026 07:28:00 GMT") << 10;
        QTest::newRow("numeric zone") << QByteArray("Wed, 21 Oct 2026 09:28:20 +0200")
                                      << QByteArray("Wed, 21 Oct 2026 07:28:00 GMT") << 20;
        QTest::newRow("qt rfc2822") << QByteArray("21 Oct 2026 07:28:04 +0000")
                                    << QByteArray("21 Oct 2026 07:28:00 +0000") << 4;
        QTest::newRow("bad month") << QByteArray("Wed, 21 Okt 2026 07:28:00 GMT") << QByteArray() << -1;
        // No usable Date header: measured from the local clock (fixed in the test).
        QTest::newRow("no date header") << QByteArray("Wed, 21 Oct 2026 07:29:00 GMT") << QByteArray("garbage") << 60;
    }
    void retryAfterForms()
    {
        QFETCH(QByteArray, value);
        QFETCH(QByteArray, date);
        QFETCH(int, expected);
        const QDateTime now(QDate(2026, 10, 21), QTime(7, 28), Qt::UTC);
        const std::optional<int> got = RetryPolicy::parseRetryAfter(value, date, now);
        QCOMPARE(got ? *got : -1, expected);
    }

    void retryAfterHttpDateIsHonoured()
    {
        // A 429 with an HTTP-date two seconds after the response's Date: the client waits for it
        // (and says so), instead of the short backoff that the unparsed date used to mean.
        int n = 0;
        graph = [&n](const FakeRequest &) {
            if (n++ > 0)
                return FakeResponse::json(200, QJsonObject{{u"value"_s, QJsonArray()}});
            FakeResponse r = FakeResponse::graphError(429, u"TooManyRequests"_s, u"slow down"_s, u"rq"_s);
            r.addHeader("Date", "Wed, 21 Oct 2026 07:28:00 GMT");
            r.addHeader("Retry-After", "Wed, 21 Oct 2026 07:28:02 GMT");
            return r;
        };
        QSignalSpy asked(client.get(), &GraphClient::serverAskedToWait);
        QSignalSpy throttled(client.get(), &GraphClient::throttled);
        std::unique_ptr<GraphReply> r(getAndWait(client->url(u"users"_s)));
        QVERIFY(r->ok());
        QCOMPARE(asked.size(), 1);
        QCOMPARE(asked.first().first().toInt(), 2);
        QCOMPARE(throttled.first().first().toInt(), 2000);
    }

    void negativeRetryAfterIsAbsent()
    {
        // "-5" used to mean "retry now" (a burst of requests); now it is ignored: normal backoff,
        // and no "waiting because Graph asked".
        graph = [](const FakeRequest &) {
            FakeResponse r = FakeResponse::graphError(429, u"TooManyRequests"_s, u"slow down"_s, u"rq"_s);
            r.addHeader("Retry-After", "-5");
            return r;
        };
        QSignalSpy asked(client.get(), &GraphClient::serverAskedToWait);
        QSignalSpy throttled(client.get(), &GraphClient::throttled);
        std::unique_ptr<GraphReply> r(getAndWait(client->url(u"users"_s)));
        QVERIFY(!r->ok());
        QCOMPARE(asked.size(), 0);
        QVERIFY(!throttled.isEmpty());
        for (const QList<QVariant> &args : throttled)
            QVERIFY2(args.first().toInt() > 0, "a negative Retry-After must not mean 'retry now'");
    }

    void progressSaysWhyItWaits()
    {
        SyncProgress p;
        p.usersTotal = 3;
        QVERIFY(!cli::ProgressPrinter::syncLine(p).contains(u"waiting"_s));
        p.serverWaitSeconds = 42;
        QVERIFY2(cli::ProgressPrinter::syncLine(p).contains(u"waiting 42 s because Microsoft Graph asked"_s),
                 qPrintable(cli::ProgressPrinter::syncLine(p)));
    }

    void userIdIsOnePathSegment_data()
    {
        QTest::addColumn<QString>("id");
        QTest::newRow("slash") << u"a/../../users"_s;
        QTest::newRow("query") << u"a?$top=999"_s;
        QTest::newRow("fragment") << u"a#b"_s;
        QTest::newRow("percent") << u"a%2Fb"_s;
        QTest::newRow("non-ascii") << u"Jürgen"_s;
    }
    void userIdIsOnePathSegment()
    {
        QFETCH(QString, id);
        QByteArray target;
        graph = [&target](const FakeRequest &r) {
            target = r.target;
            return FakeResponse::json(200, QJsonObject{{u"value"_s, QJsonArray()}});
        };
        const QUrl url = client->url(syncquery::interactionsPath(id), {{u"$top"_s, u"100"_s}});
        std::unique_ptr<GraphReply> r(getAndWait(url));
        QVERIFY(r->ok());
        const qsizetype q = target.indexOf('?');
        QVERIFY(q > 0);
        QCOMPARE(target.mid(q), QByteArray("?$top=100"));
        const QList<QByteArray> segs = target.left(q).split('/');
        QCOMPARE(segs.size(), 7);   // "", v1.0, copilot, users, {id}, interactionHistory, getAll…
        QCOMPARE(segs.at(4), QUrl::toPercentEncoding(id));
        QCOMPARE(QUrl::fromPercentEncoding(segs.at(4)), id);
        QCOMPARE(segs.at(6), QByteArray("getAllEnterpriseInteractions"));
    }
    void overallDeadlineEndsATricklingAnswer()
    {
        // Headers at once, then one byte a second: the 60 s silence timeout never fires, the
        // overall deadline does.
        QTcpServer trickle;
        QVERIFY(trickle.listen(QHostAddress::LocalHost, 0));
        QList<QTcpSocket *> sockets;
        QTimer drip;
        connect(&trickle, &QTcpServer::newConnection, this, [&] {
            while (QTcpSocket *s = trickle.nextPendingConnection()) {
                sockets << s;
                connect(s, &QTcpSocket::readyRead, s, [s] {
                    s->readAll();
                    s->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{");
                });
            }
        });
        connect(&drip, &QTimer::timeout, this, [&] {
            for (QTcpSocket *s : std::as_const(sockets))
                if (s->state() == QAbstractSocket::ConnectedState)
                    s->write(" ");
        });
        drip.start(300);
        client->setRequestDeadlineMs(1500);
        client->setRetryPolicy([] {
            RetryPolicy p;
            p.maxRetries = 1;
            p.baseDelayMs = 10;
            return p;
        }());
        const QUrl url(u"http://127.0.0.1:%1/v1.0/users"_s.arg(trickle.serverPort()));
        client->setGraphBase(QUrl(u"http://127.0.0.1:%1"_s.arg(trickle.serverPort())));
        // The token comes from the fake server (authority), the answer from the trickling one.
        std::unique_ptr<GraphReply> r(getAndWait(url, 30000));
        QVERIFY(r->isFinished());
        QVERIFY(!r->ok());
        QCOMPARE(r->error().code, u"RequestDeadline"_s);
        QCOMPARE(r->error().attempts, 2);   // retried once, like a timeout
        QVERIFY2(r->error().message.contains(u"did not finish"_s), qPrintable(r->error().message));
    }

    void pageLimitStopsEndlessPaging()
    {
        int n = 0;
        graph = [this, &n](const FakeRequest &) {
            ++n;
            const QString next = server->baseUrl().toString() + u"/v1.0/users?page=%1"_s.arg(n);
            return FakeResponse::json(200, QJsonObject{{u"value"_s, QJsonArray{QJsonObject{{u"id"_s, u"x"_s}}}},
                                                       {u"@odata.nextLink"_s, next}});
        };
        client->setMaxPagesPerCollection(5);
        std::unique_ptr<GraphPager> pager(client->getAll(client->url(u"users"_s)));
        QSignalSpy pages(pager.get(), &GraphPager::page);
        QSignalSpy done(pager.get(), &GraphPager::finished);
        QVERIFY(done.wait(20000));
        QCOMPARE(pages.size(), 5);
        QCOMPARE(n, 5);
        QVERIFY(!pager->ok());
        QCOMPARE(pager->error().code, u"TooManyPages"_s);
        QVERIFY(pager->error().plainText().contains(u"5 page"_s));
    }

    void tokenErrorTextIsScrubbed()
    {
        // A proxy or custom authority that echoes the request (form body with the secret,
        // percent-encoded) into error_description.
        token = [](const FakeRequest &r) {
            return FakeResponse::json(400, QJsonObject{{u"error"_s, u"invalid_request"_s},
                                                       {u"error_description"_s, QString(u"Bad request: "_s + QString::fromLatin1(r.body)
                                                            + u" raw="_s + kFakeSecret)}});
        };
        QSignalSpy failed(tokens.get(), &TokenProvider::tokenFailed);
        tokens->requestToken();
        QVERIFY(failed.wait(10000));
        const AuthError e = failed.first().first().value<AuthError>();
        const QString encoded = QString::fromLatin1(QUrl::toPercentEncoding(kFakeSecret));
        for (const QString &text : {e.description, e.plainText(), e.details()}) {
            QVERIFY2(!text.contains(kFakeSecret), qPrintable(text));
            QVERIFY2(!text.contains(encoded, Qt::CaseInsensitive), qPrintable(text));
        }
        QVERIFY(e.description.contains(u"client_id="_s));   // the rest of the echo is kept
    }

    void graphErrorTextIsScrubbed()
    {
        // Graph (or a proxy) echoing the Authorization header into the error message.
        QString seen;
        graph = [&seen](const FakeRequest &r) {
            seen = QString::fromLatin1(r.header("authorization"));
            return FakeResponse::graphError(400, u"BadRequest"_s, u"You sent: "_s + seen + u" and "_s + kFakeSecret, u"rq"_s);
        };
        std::unique_ptr<GraphReply> r(getAndWait(client->url(u"users"_s)));
        QVERIFY(!r->ok());
        QVERIFY(seen.startsWith(u"Bearer "_s));
        const QString tokenValue = seen.mid(7);
        for (const QString &text : {r->error().message, r->error().plainText(), r->error().details()}) {
            QVERIFY2(!text.contains(tokenValue), qPrintable(text));
            QVERIFY2(!text.contains(kFakeSecret), qPrintable(text));
        }
    }
};

QTEST_GUILESS_MAIN(TestGraphBounds)
#include "tst_graphbounds.moc"
