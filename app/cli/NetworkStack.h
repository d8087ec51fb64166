#pragma once
// The network objects one headless command needs: QNetworkAccessManager → TokenProvider →
// GraphClient, configured for one connection.
#include "auth/ConnectionSettings.h"
#include <QString>
#include <memory>

class QNetworkAccessManager;

namespace ledger {
class TokenProvider;
class GraphClient;
}

namespace ledger::cli {

class NetworkStack {
public:
    NetworkStack(const ConnectionSettings &settings, const QString &secret);
    ~NetworkStack();
    TokenProvider *tokens() const { return m_tokens.get(); }
    GraphClient *graph() const { return m_graph.get(); }

private:
    std::unique_ptr<QNetworkAccessManager> m_nam;
    std::unique_ptr<TokenProvider> m_tokens;
    std::unique_ptr<GraphClient> m_graph;
};

} // namespace ledger::cli
