#pragma once
// The demo token endpoint's memory: mints JWT access tokens (unsigned-looking RS256 shape, fake
// signature) and validates bearer tokens presented to the Graph endpoints.
#include <QByteArray>
#include <QHash>
#include <QString>
#include <QStringList>

namespace ledger::sim {

struct IssuedToken {
    QString clientId;
    QString appDisplayName;
    QStringList roles;
    QString audience;
    qint64 issuedMs = 0;
    qint64 expiresMs = 0;
    bool revoked = false;          // "early-expired" fault: rejected before exp
};

class DemoTokens {
public:
    struct Minted {
        QByteArray accessToken;
        int expiresIn = 0;
    };
    Minted mint(const QString &tenantId, const QString &clientId, const QString &appName,
                const QStringList &roles, const QString &audience, int lifetimeSeconds);

    enum class Check { Ok, Missing, Malformed, Unknown, Expired, Revoked };
    // Checks an Authorization header value ("Bearer <jwt>").
    Check check(const QByteArray &authorization, const IssuedToken **token = nullptr) const;
    void revoke(const QByteArray &authorization);
    static QByteArray bearerValue(const QByteArray &authorization);

private:
    QHash<QByteArray, IssuedToken> m_tokens;
    quint64 m_serial = 0;
};

} // namespace ledger::sim
