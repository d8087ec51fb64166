#include "app/tenant/TenantConnection.h"

#include "app/auth/TokenProvider.h"
#include "app/check/ConnectionCheck.h"
#include "app/graph/GraphClient.h"
#include "app/sync/SyncEngine.h"

#include <QNetworkAccessManager>

namespace ledger {

TenantConnection::TenantConnection(const ConnectionSettings &settings, const QString &clientSecret)
    : m_settings(settings),
      m_nam(std::make_unique<QNetworkAccessManager>()),
      m_tokens(std::make_unique<TokenProvider>(m_nam.get())),
      m_graph(std::make_unique<GraphClient>(m_tokens.get()))
{
    m_tokens->setCredentials(settings, clientSecret);
    m_graph->setGraphBase(settings.endpoints().graph);
}

TenantConnection::~TenantConnection()
{
    // In dependency order: the client uses the token provider, which uses the access manager.
    m_graph.reset();
    m_tokens.reset();
    m_nam.reset();
}

SyncEngine *TenantConnection::createSync(Archive *archive) const
{
    auto *engine = new SyncEngine(m_graph.get(), archive);
    engine->setTokenProvider(m_tokens.get());
    return engine;
}

ConnectionCheck *TenantConnection::createCheck() const
{
    return new ConnectionCheck(m_tokens.get(), m_graph.get());
}

} // namespace ledger
