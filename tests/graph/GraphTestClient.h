#pragma once
// The client side of the graph tests: a TokenProvider and a GraphClient whose every endpoint is
// a FakeGraphServer (custom cloud), with quick retries and no throttling to speak of.
#include "app/auth/TokenProvider.h"
#include "app/graph/GraphClient.h"
#include "app/graph/RetryPolicy.h"

#include <QNetworkAccessManager>
#include <QUrl>
#include <memory>

namespace ledger::test {

inline void connectToFake(const QUrl &base, const QString &tenant, const QString &clientId, const QString &secret,
                          int maxRetries, std::unique_ptr<QNetworkAccessManager> &nam,
                          std::unique_ptr<TokenProvider> &tokens, std::unique_ptr<GraphClient> &client)
{
    nam = std::make_unique<QNetworkAccessManager>();
    tokens = std::make_unique<TokenProvider>(nam.get());
    ConnectionSettings cs;
    cs.tenant = tenant;
    cs.clientId = clientId;
    cs.cloud = Cloud::Custom;
    cs.authorityUrl = base;
    cs.graphUrl = base;
    tokens->setCredentials(cs, secret);
    client = std::make_unique<GraphClient>(tokens.get());
    client->setGraphBase(base);
    RetryPolicy p;
    p.baseDelayMs = 20;
    p.maxDelayMs = 200;
    p.maxRetries = maxRetries;
    client->setRetryPolicy(p);
    client->setRateLimit(1000, 50);
}

} // namespace ledger::test
