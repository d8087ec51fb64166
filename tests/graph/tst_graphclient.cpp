// GraphClient, GraphPager and TokenProvider against a scripted loopback HTTP server.
#include "FakeGraphServer.h"
#include "GraphTestClient.h"
#include "app/auth/TokenProvider.h"
#include "app/graph/GraphClient.h"
#include "TestSupport.h"

#include <QNetworkAccessManager>
#include <QSet>
#include <QSignalSpy>
#include <QtTest>
#include <memory>

using namespace Qt::StringLiterals;
using namespace ledger;
using namespace ledger::test;

namespace {

QJsonObject page(const QJsonArray &items, const QString &next = {})
{
    QJsonObject o{{u"value"_s, items}};
    if (!next.isEmpty())
        o.insert(u"@odata.nextLink"_s, next);
    return o;
}
} // namespace

class TestGraphClient : public QObject, public test::FakeGraphFixture {
    Q_OBJECT
    std::function<FakeResponse(const FakeRequest &)> graph;   // non-token requests
    int tokenRequests = 0;
    int tokenLifetime = 3599;

    GraphReply *getAndWait(const QUrl &url)
    {
        GraphReply *r = client->get(url);
        QSignalSpy spy(r, &GraphReply::finished);
        if (!spy.wait(20000))
            return r;
        return r;
    }

private slots:
    void initTestCase() { test::isolateEnvironment(); }

    void init()
    {
        server = std::make_unique<FakeGraphServer>();
        tokenRequests = 0;
        tokenLifetime = 3599;
        graph = [](const FakeRequest &) { return FakeResponse::json(200, page({})); };
        server->setHandler([this](const FakeRequest &r) {
            if (r.path().endsWith(u"/oauth2/v2.0/token")) {
                ++tokenRequests;
                return test::tokenResponse(server->baseUrl().toString(), kFakeTenant, kFakeClient,
                                           {u"User.Read.All"_s, u"AiEnterpriseInteraction.Read.All"_s}, tokenLifetime);
            }
            return graph(r);
        });
        connectClient(kFakeSecret, 3);
    }
    void cleanup() { resetFixture(); }

    void urlBuilding()
    {
        const QUrl u = client->url(u"/users"_s, {{u"$select"_s, u"id,displayName"_s}, {u"$filter"_s, u"createdDateTime gt 2025-01-01T00:00:00+00:00 and x eq 'a&b'"_s}});
        QCOMPARE(u.path(), u"/v1.0/users"_s);
        const QByteArray enc = u.toEncoded();
        QVERIFY2(enc.contains("$select=id,displayName"), enc.constData());
        QVERIFY2(enc.contains("%2B00:00"), enc.constData());
        QVERIFY2(enc.contains("a%26b"), enc.constData());
        QVERIFY2(enc.contains("gt%202025"), enc.constData());
    }

    void tokenRequestAndCaching()
    {
        QList<GraphReply *> replies;
        for (int i = 0; i < 20; ++i)
            replies << client->get(client->url(u"users"_s));
        QTRY_VERIFY_WITH_TIMEOUT(std::all_of(replies.begin(), replies.end(), [](GraphReply *r) { return r->isFinished(); }), 20000);
        for (GraphReply *r : replies)
            QVERIFY(r->ok());
        QCOMPARE(tokenRequests, 1);
        // The token request: form fields, secret encoded, never in a URL.
        const FakeRequest tr = server->requestsTo(u"/oauth2/v2.0/token"_s).first();
        QCOMPARE(tr.method, QByteArray("POST"));
        QCOMPARE(tr.path(), u"/"_s + kFakeTenant + u"/oauth2/v2.0/token"_s);
        const QUrlQuery form(QString::fromLatin1(tr.body));
        QCOMPARE(form.queryItemValue(u"client_secret"_s, QUrl::FullyDecoded), kFakeSecret);
        QCOMPARE(form.queryItemValue(u"client_id"_s), kFakeClient);
        QCOMPARE(form.queryItemValue(u"grant_type"_s), u"client_credentials"_s);
        QCOMPARE(form.queryItemValue(u"scope"_s, QUrl::FullyDecoded), server->baseUrl().toString() + u"/.default"_s);
        QVERIFY(!tr.target.contains("s3cr3t"));
        // Every Graph request: bearer, Accept, a fresh client-request-id.
        QSet<QByteArray> ids;
        for (const FakeRequest &r : server->requestsTo(u"/v1.0/users"_s)) {
            QVERIFY(r.header("authorization").startsWith("Bearer ey"));
            QCOMPARE(r.header("accept"), QByteArray("application/json"));
            QCOMPARE(r.header("return-client-request-id"), QByteArray("true"));
            QVERIFY(QUuid::fromString(QString::fromLatin1(r.header("client-request-id"))).isNull() == false);
            ids.insert(r.header("client-request-id"));
        }
        QCOMPARE(ids.size(), 20);
        QCOMPARE(client->stats().requests, 20);
    }

    void sharedInFlightToken()
    {
        QSignalSpy ready(tokens.get(), &TokenProvider::tokenReady);
        tokens->requestToken();
        tokens->requestToken();
        tokens->requestToken();
        QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 1, 10000);
        QCOMPARE(tokenRequests, 1);
        QVERIFY(tokens->cachedToken());
        QVERIFY(tokens->cachedToken()->claims);
        QCOMPARE(tokens->cachedToken()->claims->tid, kFakeTenant);
        // Cached: answered without a new request.
        tokens->requestToken();
        QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 2, 10000);
        QCOMPARE(tokenRequests, 1);
        tokens->requestToken(true);
        QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 3, 10000);
        QCOMPARE(tokenRequests, 2);
    }

    void shortLivedTokenRenewedAtHalfLife()
    {
        tokenLifetime = 4;   // renew after 2 s
        QSignalSpy ready(tokens.get(), &TokenProvider::tokenReady);
        tokens->requestToken();
        QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 1, 10000);
        QVERIFY(tokens->cachedToken());
        QTRY_VERIFY_WITH_TIMEOUT(!tokens->cachedToken(), 5000);
        QVERIFY(tokens->cachedToken(0));   // still valid, but due for renewal
    }

    void tokenErrorParsed()
    {
        server->setHandler([this](const FakeRequest &) {
            ++tokenRequests;
            return FakeResponse::json(401, QJsonObject{{u"error"_s, u"invalid_client"_s},
                                                       {u"error_description"_s, u"AADSTS7000215: Invalid client secret provided."_s},
                                                       {u"error_codes"_s, QJsonArray{7000215}},
                                                       {u"trace_id"_s, u"t-1"_s},
                                                       {u"correlation_id"_s, u"c-1"_s}});
        });
        QSignalSpy failed(tokens.get(), &TokenProvider::tokenFailed);
        tokens->requestToken();
        QVERIFY(failed.wait(10000));
        const AuthError e = failed.first().first().value<AuthError>();
        QCOMPARE(e.httpStatus, 401);
        QCOMPARE(e.primaryCode(), 7000215);
        QCOMPARE(e.correlationId, u"c-1"_s);
        QVERIFY(e.plainText().contains(u"secret"_s));
        QVERIFY(!e.plainText().contains(kFakeSecret));
        QVERIFY(!e.details().contains(kFakeSecret));
        // Graph requests queued behind a failed token end with the sign-in error.
        GraphReply *r = getAndWait(client->url(u"users"_s));
        QVERIFY(r->isFinished());
        QVERIFY(!r->ok());
        QCOMPARE(r->error().code, u"TokenRequestFailed"_s);
        QVERIFY(server->requestsTo(u"/v1.0/"_s).isEmpty());
    }

    void transportErrorToken()
    {
        ConnectionSettings cs = tokens->settings();
        cs.authorityUrl = QUrl(u"http://127.0.0.1:1"_s);
        tokens->setCredentials(cs, kFakeSecret);
        QSignalSpy failed(tokens.get(), &TokenProvider::tokenFailed);
        tokens->requestToken();
        QVERIFY(failed.wait(10000));
        const AuthError e = failed.first().first().value<AuthError>();
        QCOMPARE(e.httpStatus, 0);
        QVERIFY2(e.plainText().contains(u"refused"_s), qPrintable(e.plainText()));
        // http:// to a non-loopback authority is refused before anything is sent.
        cs.authorityUrl = QUrl(u"http://login.example.com"_s);
        tokens->setCredentials(cs, kFakeSecret);
        tokens->requestToken();
        QVERIFY(failed.wait(10000));
        QVERIFY(failed.last().first().value<AuthError>().plainText().contains(u"https"_s));
    }

    void refreshOnceOn401()
    {
        int calls = 0;
        graph = [&](const FakeRequest &) {
            ++calls;
            if (calls == 1)
                return FakeResponse::graphError(401, u"InvalidAuthenticationToken"_s, u"Access token has expired."_s, u"r-401"_s);
            return FakeResponse::json(200, page({1}));
        };
        GraphReply *r = getAndWait(client->url(u"users"_s));
        QVERIFY(r->ok());
        QCOMPARE(tokenRequests, 2);
        QCOMPARE(calls, 2);
        // Always 401 now, although tokens worked before (consent withdrawn, say): the request
        // re-authenticates until three tokens in a row were rejected, then the error — no loop.
        // (Credentials whose tokens never worked get one refresh only: tst_graphreauth.)
        calls = 0;
        tokenRequests = 0;
        graph = [&](const FakeRequest &) {
            ++calls;
            return FakeResponse::graphError(401, u"InvalidAuthenticationToken"_s, u"bad"_s, u"r-401"_s);
        };
        r = getAndWait(client->url(u"users"_s));
        QVERIFY(!r->ok());
        QCOMPARE(r->httpStatus(), 401);
        QCOMPARE(calls, 4);
        QCOMPARE(tokenRequests, 3);
    }

    void errorDetailsAndNoRetryOn403()
    {
        int calls = 0;
        graph = [&](const FakeRequest &) {
            ++calls;
            return FakeResponse::graphError(403, u"Forbidden"_s, u"UnknownError"_s, u"req-403"_s);
        };
        GraphReply *r = getAndWait(client->url(u"copilot/users/x/interactionHistory/getAllEnterpriseInteractions"_s));
        QVERIFY(!r->ok());
        QCOMPARE(calls, 1);
        const GraphError e = r->error();
        QVERIFY(e.isForbiddenUnknown());
        QCOMPARE(e.requestId, u"req-403"_s);
        // The client-request-id is the one WE sent, not the one in the body.
        QCOMPARE(e.clientRequestId.toLatin1(), server->requests.last().header("client-request-id"));
        QCOMPARE(e.date, u"2026-11-25T12:00:00"_s);
        QCOMPARE(e.attempts, 1);
        QCOMPARE(client->stats().failures, 1);
    }

    void retryAfterHonoured()
    {
        qint64 throttledAt = -1;
        int calls = 0;
        graph = [&](const FakeRequest &) {
            ++calls;
            if (calls == 1) {
                throttledAt = server->now();
                FakeResponse r = FakeResponse::graphError(429, u"TooManyRequests"_s, u"slow down"_s, u"r-429"_s);
                r.addHeader("Retry-After", "1");
                return r;
            }
            return FakeResponse::json(200, page({}));
        };
        QSignalSpy throttled(client.get(), &GraphClient::throttled);
        GraphReply *r = getAndWait(client->url(u"users"_s));
        QVERIFY(r->ok());
        QCOMPARE(calls, 2);
        QCOMPARE(throttled.count(), 1);
        QCOMPARE(throttled.first().first().toInt(), 1000);
        const QList<FakeRequest> sent = server->requestsTo(u"/v1.0/users"_s);
        QVERIFY2(sent.at(1).receivedMs - throttledAt >= 1000, qPrintable(QString::number(sent.at(1).receivedMs - throttledAt)));
        QVERIFY(sent.at(0).header("client-request-id") != sent.at(1).header("client-request-id"));
        QCOMPARE(client->stats().throttled, 1);
        QCOMPARE(client->stats().retries, 1);
    }

    void retryAfterHttpDatePausesWholeClient()
    {
        qint64 throttledAt = -1;
        graph = [&](const FakeRequest &r) {
            if (r.target.contains("first") && throttledAt < 0) {
                throttledAt = server->now();
                FakeResponse resp = FakeResponse::graphError(429, u"TooManyRequests"_s, u"slow"_s, u"r"_s);
                const QDateTime now = QDateTime::currentDateTimeUtc();
                resp.addHeader("Date", now.toString(Qt::RFC2822Date).toLatin1());
                resp.addHeader("Retry-After", now.addSecs(2).toString(Qt::RFC2822Date).toLatin1());
                return resp;
            }
            return FakeResponse::json(200, page({}));
        };
        GraphReply *first = client->get(client->url(u"first"_s));
        QTRY_VERIFY_WITH_TIMEOUT(throttledAt >= 0, 10000);
        QTest::qWait(50);
        GraphReply *second = client->get(client->url(u"second"_s));   // queued behind the pause
        QTRY_VERIFY_WITH_TIMEOUT(first->isFinished() && second->isFinished(), 20000);
        QVERIFY(first->ok() && second->ok());
        const FakeRequest s = server->requestsTo(u"second"_s).first();
        QVERIFY2(s.receivedMs - throttledAt >= 1000, qPrintable(QString::number(s.receivedMs - throttledAt)));
        const QList<FakeRequest> f = server->requestsTo(u"first"_s);
        QCOMPARE(f.size(), 2);
        QVERIFY(f.at(1).receivedMs - throttledAt >= 1000);
    }

    void backoffWithoutRetryAfter()
    {
        QList<int> statuses{504, 503, 200};
        graph = [&](const FakeRequest &) {
            const int s = statuses.takeFirst();
            return s == 200 ? FakeResponse::json(200, page({1, 2})) : FakeResponse::graphError(s, u"x"_s, u"y"_s, u"r"_s);
        };
        GraphReply *r = getAndWait(client->url(u"users"_s));
        QVERIFY(r->ok());
        const QList<FakeRequest> sent = server->requestsTo(u"/v1.0/users"_s);
        QCOMPARE(sent.size(), 3);
        // Backoff: base 20 ms ±25 %, then 40 ms ±25 %.
        QVERIFY(sent.at(1).receivedMs - sent.at(0).receivedMs >= 15);
        QVERIFY(sent.at(2).receivedMs - sent.at(1).receivedMs >= 30);
    }

    void transportFaultsRetriedWithinBudget_data()
    {
        QTest::addColumn<int>("action");
        QTest::addColumn<bool>("malformed");
        QTest::newRow("drop") << int(FakeResponse::Drop) << false;
        QTest::newRow("truncate") << int(FakeResponse::Truncate) << false;
        QTest::newRow("malformed json") << int(FakeResponse::Normal) << true;
        QTest::newRow("status 500 not retried") << -1 << false;
    }
    void transportFaultsRetriedWithinBudget()
    {
        QFETCH(int, action);
        QFETCH(bool, malformed);
        int calls = 0;
        graph = [&](const FakeRequest &) {
            ++calls;
            if (action < 0)
                return FakeResponse::graphError(500, u"InternalServerError"_s, u"boom"_s, u"r"_s);
            FakeResponse r = FakeResponse::json(200, page({1, 2, 3}));
            if (malformed)
                r.body.chop(5);
            r.action = FakeResponse::Action(action);
            return r;
        };
        GraphReply *r = getAndWait(client->url(u"users"_s));
        QVERIFY(r->isFinished());
        QVERIFY(!r->ok());
        // maxRetries = 3 → 4 attempts. (Qt itself resends an idempotent GET once when the
        // connection closes before any answer byte, so a dropped connection may be seen twice.)
        if (action == FakeResponse::Drop)
            QVERIFY2(calls >= 4 && calls <= 8, qPrintable(QString::number(calls)));
        else
            QCOMPARE(calls, action < 0 ? 1 : 4);
        QCOMPARE(r->error().attempts, action < 0 ? 1 : 4);
        // A flaky URL that recovers ends in complete data.
        calls = 0;
        graph = [&](const FakeRequest &) {
            ++calls;
            FakeResponse r = FakeResponse::json(200, page({1, 2, 3}));
            if (calls < 3 && action >= 0) {
                if (malformed)
                    r.body.chop(5);
                r.action = FakeResponse::Action(action);
            }
            return r;
        };
        r = getAndWait(client->url(u"users"_s));
        if (action >= 0) {
            QVERIFY(r->ok());
            QCOMPARE(r->json().value(u"value"_s).toArray().size(), 3);
        }
    }

    void transferTimeout()
    {
        client->setTransferTimeoutMs(300);
        RetryPolicy p;
        p.maxRetries = 1;
        p.baseDelayMs = 10;
        client->setRetryPolicy(p);
        int calls = 0;
        graph = [&](const FakeRequest &) {
            ++calls;
            FakeResponse r;
            r.action = FakeResponse::Hang;
            return r;
        };
        GraphReply *r = getAndWait(client->url(u"users"_s));
        QVERIFY(r->isFinished());
        QVERIFY(!r->ok());
        QCOMPARE(r->error().httpStatus, 0);
        QCOMPARE(calls, 2);
    }

    void cancellation()
    {
        graph = [](const FakeRequest &) {
            FakeResponse r;
            r.action = FakeResponse::Hang;
            return r;
        };
        GraphReply *a = client->get(client->url(u"a"_s));
        GraphReply *b = client->get(client->url(u"b"_s));
        GraphReply *c = client->get(client->url(u"c"_s));
        QTRY_COMPARE_WITH_TIMEOUT(client->inFlight(), 3, 10000);
        QSignalSpy fa(a, &GraphReply::finished);
        a->cancel();
        QCOMPARE(fa.count(), 1);
        QVERIFY(a->error().cancelled);
        QCOMPARE(client->inFlight(), 2);
        QSignalSpy fb(b, &GraphReply::finished), fc(c, &GraphReply::finished);
        client->cancelAll();
        QCOMPARE(fb.count(), 1);
        QCOMPARE(fc.count(), 1);
        QVERIFY(b->error().cancelled && c->error().cancelled);
        QCOMPARE(client->inFlight(), 0);
        delete a; delete b; delete c;
        // Deleting an unfinished reply cancels it quietly.
        GraphReply *d = client->get(client->url(u"d"_s));
        QTRY_COMPARE_WITH_TIMEOUT(client->inFlight(), 1, 10000);
        delete d;
        QCOMPARE(client->inFlight(), 0);
    }

    void concurrencyLimit()
    {
        client->setMaxConcurrent(2);
        graph = [](const FakeRequest &) {
            FakeResponse r = FakeResponse::json(200, page({}));
            r.delayMs = 50;
            return r;
        };
        QList<GraphReply *> replies;
        for (int i = 0; i < 8; ++i)
            replies << client->get(client->url(u"users"_s));
        QTRY_VERIFY_WITH_TIMEOUT(std::all_of(replies.begin(), replies.end(), [](GraphReply *r) { return r->ok(); }), 20000);
        // The token connection is separate and finished before; Graph connections never exceed 2.
        QVERIFY2(server->maxConcurrent <= 2, qPrintable(QString::number(server->maxConcurrent)));
    }

    void rateLimitSpacing()
    {
        client->setRateLimit(20, 1);   // one request per 50 ms
        QList<GraphReply *> replies;
        for (int i = 0; i < 6; ++i)
            replies << client->get(client->url(u"users"_s));
        QTRY_VERIFY_WITH_TIMEOUT(std::all_of(replies.begin(), replies.end(), [](GraphReply *r) { return r->ok(); }), 20000);
        const QList<FakeRequest> sent = server->requestsTo(u"/v1.0/users"_s);
        QCOMPARE(sent.size(), 6);
        QVERIFY2(sent.last().receivedMs - sent.first().receivedMs >= 5 * 50 - 10,
                 qPrintable(QString::number(sent.last().receivedMs - sent.first().receivedMs)));
    }

    void unsafeUrlsRefused()
    {
        GraphReply *r = getAndWait(QUrl(u"http://graph.example.com/v1.0/users"_s));
        QVERIFY(!r->ok());
        QVERIFY(!r->error().message.isEmpty());
        r = getAndWait(QUrl(u"https://evil.example.com/v1.0/users"_s));   // other host: no bearer token leaves
        QVERIFY(!r->ok());
        QVERIFY(server->requestsTo(u"/v1.0/"_s).isEmpty());
    }

    void pagerFollowsNextLinkAndKeepsRawBytes()
    {
        const QString base = server->baseUrl().toString();
        graph = [base](const FakeRequest &r) {
            FakeResponse resp;
            resp.addHeader("Content-Type", "application/json");
            if (r.target.contains("skiptoken=p2%2Bx"))
                resp.body = "{\"value\":[ {\"id\":\"3\", \"t\":\"\\u00e9\"} ]}";
            else if (r.target.contains("skiptoken=p1"))
                resp.body = "{\"value\":[{\"id\":\"2\"}],\"@odata.nextLink\":\"" + base.toUtf8()
                    + "/v1.0/users?$skiptoken=p2%2Bx\"}";
            else
                resp.body = "{\"@odata.context\":\"c\",\"value\":[{\"id\":\"1\",  \"n\":[1,2]}],\"@odata.nextLink\":\""
                    + base.toUtf8() + "/v1.0/users?$skiptoken=p1\"}";
            return resp;
        };
        GraphPager *pager = client->getAll(client->url(u"users"_s));
        QList<GraphPage> pages;
        connect(pager, &GraphPager::page, this, [&](const GraphPage &p) { pages << p; });
        QSignalSpy done(pager, &GraphPager::finished);
        QVERIFY(done.wait(20000));
        QVERIFY(pager->ok());
        QCOMPARE(pager->pageCount(), 3);
        QCOMPARE(pages.size(), 3);
        QCOMPARE(pages.at(0).rawItems.first(), QByteArray("{\"id\":\"1\",  \"n\":[1,2]}"));
        QCOMPARE(pages.at(2).rawItems.first(), QByteArray("{\"id\":\"3\", \"t\":\"\\u00e9\"}"));
        QCOMPARE(pages.at(2).items.first().toObject().value(u"t"_s).toString(), u"é"_s);
        QVERIFY(pages.at(2).nextLink.isEmpty());
        // The link was followed verbatim (the encoded + stayed encoded).
        QVERIFY(server->requests.last().target.endsWith("$skiptoken=p2%2Bx"));
    }

    void pagerDetectsRepeatedLink()
    {
        const QString base = server->baseUrl().toString();
        graph = [base](const FakeRequest &r) {
            const QString next = r.target.contains("p1") ? base + u"/v1.0/users?$skiptoken=p2"_s : base + u"/v1.0/users?$skiptoken=p1"_s;
            return FakeResponse::json(200, page({1}, next));
        };
        GraphPager *pager = client->getAll(client->url(u"users"_s));
        QSignalSpy done(pager, &GraphPager::finished);
        QVERIFY(done.wait(20000));
        QCOMPARE(done.count(), 1);
        QVERIFY(!pager->ok());
        QCOMPARE(pager->error().code, u"RepeatedNextLink"_s);
        QCOMPARE(pager->pageCount(), 3);
        QCOMPARE(server->requestsTo(u"/v1.0/users"_s).size(), 3);
    }

    void pagerRefusesForeignNextLink()
    {
        graph = [](const FakeRequest &) { return FakeResponse::json(200, page({1}, u"https://evil.example.com/v1.0/users?x=1"_s)); };
        GraphPager *pager = client->getAll(client->url(u"users"_s));
        QSignalSpy done(pager, &GraphPager::finished);
        QVERIFY(done.wait(20000));
        QVERIFY(!pager->ok());
        QCOMPARE(server->requestsTo(u"/v1.0/"_s).size(), 1);
    }

    void pagerCancel()
    {
        graph = [](const FakeRequest &) {
            FakeResponse r;
            r.action = FakeResponse::Hang;
            return r;
        };
        GraphPager *pager = client->getAll(client->url(u"users"_s));
        QTRY_COMPARE_WITH_TIMEOUT(client->inFlight(), 1, 10000);
        QSignalSpy done(pager, &GraphPager::finished);
        pager->cancel();
        QTRY_COMPARE_WITH_TIMEOUT(done.count(), 1, 5000);
        QVERIFY(pager->error().cancelled);
    }
};

QTEST_GUILESS_MAIN(TestGraphClient)
#include "tst_graphclient.moc"
