#pragma once
// POST /{tenant}/oauth2/v2.0/token of the demo tenant: the client-credentials grant with Entra's
// validation order and error shapes (docs/GRAPH.md).
#include "app/sim/DemoErrors.h"
#include "app/sim/HttpRequestParser.h"

namespace ledger {
class DemoTenant;
}

namespace ledger::sim {

class DemoTokens;

class DemoTokenEndpoint {
public:
    DemoTokenEndpoint(const DemoTenant &tenant, DemoTokens &tokens) : m_tenant(tenant), m_tokens(tokens) { }
    // tenantSegment: the {tenant} path segment; base: the server's base URL (no trailing slash).
    HttpResponse handle(const HttpRequest &request, const QString &tenantSegment, const QUrl &base,
                        int lifetimeSeconds, const RequestIds &ids);
    // The audience a token for this scope gets, or empty when the scope is not acceptable.
    static QString audienceForScope(const QString &scope, const QUrl &base, const QByteArray &hostHeader);

private:
    const DemoTenant &m_tenant;
    DemoTokens &m_tokens;
};

} // namespace ledger::sim
