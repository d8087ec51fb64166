// GraphClient's answer to 401 InvalidAuthenticationToken when tokens are revoked while requests
// are in flight (the intermittent 'failed' user of the faults + throttling sync): a request whose
// fresh token is revoked in turn must re-authenticate again, within bounds.
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

class TestGraphReauth : public QObject, public test::FakeGraphFixture {
    Q_OBJECT
    QList<QByteArray> minted;                  // every token the token endpoint issued, in order
    QSet<QByteArray> revoked;                  // tokens Graph now rejects
    std::function<bool(int tokenIndex)> revokeOnFirstUse;   // token n is revoked by its first use
    QList<int> graphCalls;                     // index of the token of every Graph request

    GraphReply *getAndWait(const QString &path)
    {
        GraphReply *r = client->get(client->url(path));
        QSignalSpy spy(r, &GraphReply::finished);
        spy.wait(20000);
        return r;
    }

private slots:
    void initTestCase() { test::isolateEnvironment(); }

    void init()
    {
        minted.clear();
        revoked.clear();
        graphCalls.clear();
        revokeOnFirstUse = [](int) { return false; };
        server = std::make_unique<FakeGraphServer>();
        server->setHandler([this](const FakeRequest &r) {
            if (r.path().endsWith(u"/oauth2/v2.0/token")) {
                // Every token distinct (a serial claim), like the real service.
                const QJsonObject claims{{u"aud"_s, server->baseUrl().toString()}, {u"tid"_s, kFakeTenant},
                                         {u"appid"_s, kFakeClient}, {u"serial"_s, int(minted.size())},
                                         {u"exp"_s, QDateTime::currentSecsSinceEpoch() + 3599}};
                minted << test::makeTestJwt(claims);
                return FakeResponse::json(200, QJsonObject{{u"token_type"_s, u"Bearer"_s}, {u"expires_in"_s, 3599},
                                                           {u"access_token"_s, QString::fromLatin1(minted.last())}});
            }
            const QByteArray token = r.header("authorization").mid(7);
            const int index = int(minted.indexOf(token));
            const bool firstUse = !graphCalls.contains(index);
            graphCalls << index;
            if (revoked.contains(token) || (firstUse && revokeOnFirstUse(index))) {
                revoked.insert(token);
                return FakeResponse::graphError(401, u"InvalidAuthenticationToken"_s,
                                                u"Lifetime validation failed, the token is expired."_s, u"r-401"_s);
            }
            return FakeResponse::json(200, QJsonObject{{u"value"_s, QJsonArray{1}}});
        });
        connectClient(u"secret"_s, 6);
    }
    void cleanup() { resetFixture(); }

    // Token 0 works, then is revoked; the request re-authenticates and its fresh token 1 is
    // revoked too (by another request's fault while this one was on its way). A third token
    // must be fetched: the request succeeds instead of failing with 401.
    void freshTokenRevokedInFlightIsRefreshedAgain()
    {
        GraphReply *first = getAndWait(u"users"_s);
        QVERIFY(first->ok());
        revoked.insert(minted.at(0));
        revokeOnFirstUse = [](int index) { return index == 1; };
        GraphReply *r = getAndWait(u"users/x"_s);
        QVERIFY2(r->ok(), qPrintable(r->error().details()));
        QCOMPARE(minted.size(), 3);
        QCOMPARE(graphCalls, (QList<int>{0, 0, 1, 2}));
        QCOMPARE(client->stats().failures, 0);
    }

    // Tokens that are revoked on their first use, every one of them: bounded, then the 401.
    void tokensRevokedOverAndOverStop()
    {
        QVERIFY(getAndWait(u"users"_s)->ok());
        revoked.insert(minted.at(0));
        revokeOnFirstUse = [](int) { return true; };
        GraphReply *r = getAndWait(u"users/x"_s);
        QVERIFY(!r->ok());
        QCOMPARE(r->httpStatus(), 401);
        QCOMPARE(r->error().code, u"InvalidAuthenticationToken"_s);
        // Token 0 and three fresh ones rejected in a row: no endless sign-in loop.
        QCOMPARE(minted.size(), 4);
        QCOMPARE(graphCalls.size(), 5);
    }

    // Credentials whose tokens Graph never accepted: one refresh only (nothing suggests that
    // another token would fare better).
    void neverAcceptedTokenRefreshedOnce()
    {
        revokeOnFirstUse = [](int) { return true; };
        GraphReply *r = getAndWait(u"users"_s);
        QVERIFY(!r->ok());
        QCOMPARE(r->httpStatus(), 401);
        QCOMPARE(minted.size(), 2);
        QCOMPARE(graphCalls, (QList<int>{0, 1}));
    }

    // A second refresh costs a retry from the request's budget: with none left, the 401 stands.
    void secondRefreshNeedsRetryBudget()
    {
        RetryPolicy none;
        none.maxRetries = 0;
        client->setRetryPolicy(none);
        QVERIFY(getAndWait(u"users"_s)->ok());
        revoked.insert(minted.at(0));
        revokeOnFirstUse = [](int index) { return index == 1; };
        GraphReply *r = getAndWait(u"users/x"_s);
        QVERIFY(!r->ok());
        QCOMPARE(r->httpStatus(), 401);
        QCOMPARE(r->error().attempts, 2);
        QCOMPARE(minted.size(), 2);
    }
};

QTEST_GUILESS_MAIN(TestGraphReauth)
#include "tst_graphreauth.moc"
