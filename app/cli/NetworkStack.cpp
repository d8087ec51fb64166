#include "cli/NetworkStack.h"

#include "auth/TokenProvider.h"
#include "graph/GraphClient.h"

#include <QNetworkAccessManager>

namespace ledger::cli {

NetworkStack::NetworkStack(const ConnectionSettings &settings, const QString &secret)
    : m_nam(std::make_unique<QNetworkAccessManager>()),
      m_tokens(std::make_unique<TokenProvider>(m_nam.get())),
      m_graph(std::make_unique<GraphClient>(m_tokens.get()))
{
    m_tokens->setCredentials(settings, secret);
    m_graph->setGraphBase(settings.endpoints().graph);
}

NetworkStack::~NetworkStack()
{
    m_graph.reset();
    m_tokens.reset();
    m_nam.reset();
}

} // namespace ledger::cli
