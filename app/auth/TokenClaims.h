#pragma once
// The decoded payload of an access token (a JWT). No signature check: display and diagnosis only.
#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <optional>

namespace ledger {

struct TokenClaims {
    QString aud;            // audience: Graph host URL or 00000003-0000-0000-c000-000000000000
    QString tid;            // tenant ID
    QString appid;          // client ID the token was issued to
    QString appDisplayName; // app_displayname, when present
    QStringList roles;      // application roles (permissions) granted
    QDateTime exp;          // UTC
    QDateTime iat;          // UTC
    QJsonObject raw;        // the whole payload

    bool hasRole(const QString &role) const { return roles.contains(role); }
    // Decodes the payload (base64url, middle segment). nullopt when not a JWT.
    static std::optional<TokenClaims> decode(const QString &jwt);
};

inline constexpr const char *kRoleInteractions = "AiEnterpriseInteraction.Read.All";
inline constexpr const char *kRoleUsers = "User.Read.All";
inline constexpr const char *kGraphAppId = "00000003-0000-0000-c000-000000000000";

} // namespace ledger
