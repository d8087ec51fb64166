#pragma once
// The whole network stack of one tenant connection (a saved profile, settings typed into the
// Connections dialog, or the demo tenant): QNetworkAccessManager → TokenProvider → GraphClient,
// and the SyncEngine and ConnectionCheck that run over it. The command line, the window's sync
// and the Connections dialog's test all build their stack here, so a sync signs in exactly like
// the check does and a failure is diagnosed the same way everywhere (docs/ARCHITECTURE.md, Sync).
#include "app/auth/ConnectionSettings.h"
#include <QString>
#include <memory>

class QNetworkAccessManager;

namespace ledger {

class Archive;
class ConnectionCheck;
class GraphClient;
class SyncEngine;
class TokenProvider;

class TenantConnection {
public:
    TenantConnection(const ConnectionSettings &settings, const QString &clientSecret);
    ~TenantConnection();

    const ConnectionSettings &settings() const { return m_settings; }
    TokenProvider *tokens() const { return m_tokens.get(); }
    GraphClient *graph() const { return m_graph.get(); }

    // A new SyncEngine over this connection that signs in first and checks the token's roles,
    // so a wrong secret, an unknown tenant or client, or a missing permission ends the run with
    // the AuthError or the permission's name. The caller owns it and deletes it before this
    // connection.
    SyncEngine *createSync(Archive *archive) const;
    // A new ConnectionCheck over this connection; the caller owns it and deletes it before this
    // connection.
    ConnectionCheck *createCheck() const;

    TenantConnection(const TenantConnection &) = delete;
    TenantConnection &operator=(const TenantConnection &) = delete;

private:
    ConnectionSettings m_settings;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    std::unique_ptr<TokenProvider> m_tokens;
    std::unique_ptr<GraphClient> m_graph;
};

} // namespace ledger
