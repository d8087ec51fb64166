#include "app/sim/DemoTokens.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUuid>

namespace ledger::sim {

namespace {
QByteArray b64url(const QByteArray &data)
{
    return data.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}
} // namespace

DemoTokens::Minted DemoTokens::mint(const QString &tenantId, const QString &clientId,
                                    const QString &appName, const QStringList &roles,
                                    const QString &audience, int lifetimeSeconds)
{
    const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
    const qint64 now = nowMs / 1000;
    ++m_serial;
    QJsonObject header{{QStringLiteral("typ"), QStringLiteral("JWT")},
                       {QStringLiteral("alg"), QStringLiteral("RS256")},
                       {QStringLiteral("x5t"), QStringLiteral("demo-signing-key-1")},
                       {QStringLiteral("kid"), QStringLiteral("demo-signing-key-1")}};
    const QString oid = QUuid::fromRfc4122(QCryptographicHash::hash(clientId.toUtf8(), QCryptographicHash::Md5))
                            .toString(QUuid::WithoutBraces);
    QJsonObject payload{
        {QStringLiteral("aud"), audience},
        {QStringLiteral("iss"), QStringLiteral("https://sts.windows.net/%1/").arg(tenantId)},
        {QStringLiteral("iat"), now},
        {QStringLiteral("nbf"), now},
        {QStringLiteral("exp"), now + lifetimeSeconds},
        {QStringLiteral("aio"), QStringLiteral("demo-%1").arg(m_serial)},
        {QStringLiteral("app_displayname"), appName},
        {QStringLiteral("appid"), clientId},
        {QStringLiteral("appidacr"), QStringLiteral("1")},
        {QStringLiteral("idp"), QStringLiteral("https://sts.windows.net/%1/").arg(tenantId)},
        {QStringLiteral("idtyp"), QStringLiteral("app")},
        {QStringLiteral("oid"), oid},
        {QStringLiteral("rh"), QStringLiteral("0.demo.")},
        {QStringLiteral("roles"), QJsonArray::fromStringList(roles)},
        {QStringLiteral("sub"), oid},
        {QStringLiteral("tenant_region_scope"), QStringLiteral("EU")},
        {QStringLiteral("tid"), tenantId},
        {QStringLiteral("uti"), QString::fromLatin1(b64url(QUuid::createUuid().toRfc4122()))},
        {QStringLiteral("ver"), QStringLiteral("1.0")},
    };
    const QByteArray signingInput = b64url(QJsonDocument(header).toJson(QJsonDocument::Compact)) + '.'
        + b64url(QJsonDocument(payload).toJson(QJsonDocument::Compact));
    // Not a real signature: a hash so that every token is different and looks the part.
    const QByteArray sig = QCryptographicHash::hash(QByteArray(signingInput + QUuid::createUuid().toRfc4122()),
                                                    QCryptographicHash::Sha256);
    const QByteArray token = signingInput + '.' + b64url(sig + sig + sig + sig);
    IssuedToken issued;
    issued.clientId = clientId;
    issued.appDisplayName = appName;
    issued.roles = roles;
    issued.audience = audience;
    issued.issuedMs = nowMs;
    issued.expiresMs = nowMs + qint64(lifetimeSeconds) * 1000;
    m_tokens.insert(token, issued);
    return {token, lifetimeSeconds};
}

QByteArray DemoTokens::bearerValue(const QByteArray &authorization)
{
    const QByteArray v = authorization.trimmed();
    if (v.size() < 7 || v.left(7).toLower() != "bearer ")
        return {};
    return v.mid(7).trimmed();
}

DemoTokens::Check DemoTokens::check(const QByteArray &authorization, const IssuedToken **token) const
{
    if (authorization.trimmed().isEmpty())
        return Check::Missing;
    const QByteArray value = bearerValue(authorization);
    if (value.isEmpty() || value.count('.') != 2)
        return Check::Malformed;
    const auto it = m_tokens.constFind(value);
    if (it == m_tokens.constEnd())
        return Check::Unknown;
    if (token)
        *token = &it.value();
    if (it->revoked)
        return Check::Revoked;
    if (QDateTime::currentMSecsSinceEpoch() >= it->expiresMs)
        return Check::Expired;
    return Check::Ok;
}

void DemoTokens::revoke(const QByteArray &authorization)
{
    const auto it = m_tokens.find(bearerValue(authorization));
    if (it != m_tokens.end())
        it->revoked = true;
}

} // namespace ledger::sim
