#pragma once
// The client side of the graph tests: a TokenProvider and a GraphClient whose every endpoint is
// a FakeGraphServer (custom cloud), with quick retries and no throttling to speak of.
#include "FakeGraphServer.h"
#include "app/auth/TokenProvider.h"
#include "app/graph/GraphClient.h"
#include "app/graph/RetryPolicy.h"

#include <QNetworkAccessManager>
#include <QUrl>
#include <memory>

namespace ledger::test {

// Settings whose every endpoint is `base` (custom cloud).
inline ConnectionSettings fakeConnection(const QUrl &base, const QString &tenant = kFakeTenant,
                                         const QString &clientId = kFakeClient)
{
    ConnectionSettings cs;
    cs.tenant = tenant;
    cs.clientId = clientId;
    cs.cloud = Cloud::Custom;
    cs.authorityUrl = base;
    cs.graphUrl = base;
    return cs;
}

inline void connectToFake(const QUrl &base, const QString &tenant, const QString &clientId, const QString &secret,
                          int maxRetries, std::unique_ptr<QNetworkAccessManager> &nam,
                          std::unique_ptr<TokenProvider> &tokens, std::unique_ptr<GraphClient> &client)
{
    nam = std::make_unique<QNetworkAccessManager>();
    tokens = std::make_unique<TokenProvider>(nam.get());
    tokens->setCredentials(fakeConnection(base, tenant, clientId), secret);
    client = std::make_unique<GraphClient>(tokens.get());
    client->setGraphBase(base);
    RetryPolicy p;
    p.baseDelayMs = 20;
    p.maxDelayMs = 200;
    p.maxRetries = maxRetries;
    client->setRetryPolicy(p);
    client->setRateLimit(1000, 50);
}

// The members and the teardown of a test class that talks to one FakeGraphServer through the
// real stack: `class TestX : public QObject, public test::FakeGraphFixture`.
struct FakeGraphFixture {
    std::unique_ptr<FakeGraphServer> server;
    std::unique_ptr<QNetworkAccessManager> nam;
    std::unique_ptr<TokenProvider> tokens;
    std::unique_ptr<GraphClient> client;

    // The stack signed in as kFakeTenant / kFakeClient with `secret`, against `server`.
    void connectClient(const QString &secret, int maxRetries)
    {
        connectToFake(server->baseUrl(), kFakeTenant, kFakeClient, secret, maxRetries, nam, tokens, client);
    }
    // The client goes before the token provider, the access manager and the server it uses.
    void resetFixture()
    {
        client.reset();
        tokens.reset();
        nam.reset();
        server.reset();
    }
};

} // namespace ledger::test
