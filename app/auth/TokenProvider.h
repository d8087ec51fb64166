#pragma once
// OAuth 2.0 client-credentials token for Microsoft Graph (docs/GRAPH.md). Asynchronous, cached until
// shortly before expiry; concurrent requests share one in-flight token request.
#include "app/auth/AuthError.h"
#include "app/auth/ConnectionSettings.h"
#include "app/auth/TokenClaims.h"
#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <optional>

class QNetworkAccessManager;
class QNetworkReply;

namespace ledger {

struct AccessToken {
    QString value;          // never logged, never written to disk
    QDateTime expiresAt;    // UTC
    std::optional<TokenClaims> claims;
    bool isValid() const { return !value.isEmpty(); }
};

class TokenProvider : public QObject {
    Q_OBJECT
public:
    explicit TokenProvider(QNetworkAccessManager *nam, QObject *parent = nullptr);
    ~TokenProvider() override;

    void setCredentials(const ConnectionSettings &settings, const QString &clientSecret);
    const ConnectionSettings &settings() const { return m_settings; }
    QNetworkAccessManager *networkAccessManager() const { return m_nam; }

    // The scope asked for: "<graph>/.default".
    QString scope() const;

    // A token that is valid for at least `margin` seconds, or nullopt.
    std::optional<AccessToken> cachedToken(int marginSeconds = 300) const;
    // Asks for a token: emits tokenReady or tokenFailed (possibly synchronously-queued when cached).
    // forceRefresh drops the cache first (used once after a 401 InvalidAuthenticationToken).
    void requestToken(bool forceRefresh = false);
    void invalidate();
    // Transfer timeout of the token request (default 30000 ms).
    void setTransferTimeoutMs(int ms);
    // Number of token requests sent over the network (for tests and diagnostics).
    int networkRequestCount() const;
    // Server-originated text with the client secret (and the current access token) removed:
    // every error text that came from the token endpoint or Graph passes through here.
    QString scrub(const QString &text) const;

signals:
    void tokenReady(const ledger::AccessToken &token);
    void tokenFailed(const ledger::AuthError &error);

private:
    void failWith(AuthError e);
    struct Private;
    Private *d;
    QNetworkAccessManager *m_nam;
    ConnectionSettings m_settings;
};

} // namespace ledger
