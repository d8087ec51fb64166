#include "app/sim/DemoTokenEndpoint.h"

#include "app/sim/DemoTenant.h"
#include "app/sim/DemoTokens.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace ledger::sim {

namespace {
const QString GraphAppId = QStringLiteral("00000003-0000-0000-c000-000000000000");
}

QString DemoTokenEndpoint::audienceForScope(const QString &scope, const QUrl &base, const QByteArray &hostHeader)
{
    const QString suffix = QStringLiteral("/.default");
    if (!scope.endsWith(suffix) || scope.contains(u' '))
        return {};
    QString resource = scope.chopped(suffix.size());
    while (resource.endsWith(u'/'))
        resource.chop(1);
    const QString own = base.toString(QUrl::StripTrailingSlash);
    if (resource.compare(own, Qt::CaseInsensitive) == 0)
        return own;
    if (!hostHeader.isEmpty()
        && resource.compare(QStringLiteral("http://") + QString::fromLatin1(hostHeader), Qt::CaseInsensitive) == 0)
        return resource;
    if (resource.compare(u"https://graph.microsoft.com", Qt::CaseInsensitive) == 0)
        return QStringLiteral("https://graph.microsoft.com");
    if (resource.compare(GraphAppId, Qt::CaseInsensitive) == 0)
        return GraphAppId;
    return {};
}

HttpResponse DemoTokenEndpoint::handle(const HttpRequest &request, const QString &tenantSegment, const QUrl &base,
                                       int lifetimeSeconds, const RequestIds &ids)
{
    auto fail = [&](int status, const char *error, int code, const QString &description) {
        return entraError(status, QLatin1String(error), code, description, base, ids);
    };
    if (request.method != "POST")
        return fail(400, "invalid_request", 900561, QStringLiteral("The endpoint only accepts POST requests. Received a %1 request.")
                                                        .arg(QString::fromLatin1(request.method)));
    if (tenantSegment.compare(m_tenant.tenantId(), Qt::CaseInsensitive) != 0
        && tenantSegment.compare(m_tenant.tenantDomain(), Qt::CaseInsensitive) != 0)
        return fail(400, "invalid_request", 90002,
                    QStringLiteral("Tenant '%1' not found. Check to make sure you have the correct tenant ID and are "
                                   "signing into the correct cloud. Check with your subscription administrator, this "
                                   "may happen if there are no active subscriptions for the tenant.")
                        .arg(tenantSegment));
    QHash<QString, QString> form;
    for (const auto &pair : decodeFormPairs(request.body))
        form.insert(pair.first, pair.second);
    auto missing = [&](const char *name) {
        return fail(400, "invalid_request", 900144,
                    QStringLiteral("The request body must contain the following parameter: '%1'.").arg(QLatin1String(name)));
    };
    const QString grantType = form.value(QStringLiteral("grant_type"));
    if (grantType.isEmpty())
        return missing("grant_type");
    if (grantType != u"client_credentials")
        return fail(400, "unsupported_grant_type", 70003,
                    QStringLiteral("The app requested an unsupported grant type '%1'.").arg(grantType));
    const QString clientId = form.value(QStringLiteral("client_id"));
    if (clientId.isEmpty())
        return missing("client_id");
    const DemoClient *client = m_tenant.findClient(clientId);
    if (!client)
        return fail(400, "unauthorized_client", 700016,
                    QStringLiteral("Application with identifier '%1' was not found in the directory 'Contoso Demo'. "
                                   "This can happen if the application has not been installed by the administrator of "
                                   "the tenant or consented to by any user in the tenant. You may have sent your "
                                   "authentication request to the wrong tenant.")
                        .arg(clientId));
    const QString secret = form.value(QStringLiteral("client_secret"));
    if (secret.isEmpty())
        return missing("client_secret");
    const QString scope = form.value(QStringLiteral("scope"));
    if (scope.isEmpty())
        return missing("scope");
    if (secret != client->secret)
        return fail(401, "invalid_client", 7000215,
                    QStringLiteral("Invalid client secret provided. Ensure the secret being sent in the request is the "
                                   "client secret value, not the client secret ID, for a secret added to app '%1'.")
                        .arg(client->clientId));
    if (client->secretExpired)
        return fail(401, "invalid_client", 7000222,
                    QStringLiteral("The provided client secret keys for app '%1' are expired. Visit the Azure portal to "
                                   "create new keys for your app: https://aka.ms/NewClientSecret, or consider using "
                                   "certificate credentials for added security: https://aka.ms/certCreds.")
                        .arg(client->clientId));
    const QString audience = audienceForScope(scope, base, request.header("Host"));
    if (audience.isEmpty())
        return fail(400, "invalid_scope", 70011,
                    QStringLiteral("The provided request must include a 'scope' input parameter. The provided value for "
                                   "the input parameter 'scope' is not valid. The scope %1 is not valid.")
                        .arg(scope));
    const auto minted = m_tokens.mint(m_tenant.tenantId(), client->clientId, client->displayName, client->roles,
                                      audience, lifetimeSeconds);
    const QJsonObject o{{QStringLiteral("token_type"), QStringLiteral("Bearer")},
                        {QStringLiteral("expires_in"), minted.expiresIn},
                        {QStringLiteral("ext_expires_in"), minted.expiresIn},
                        {QStringLiteral("access_token"), QString::fromLatin1(minted.accessToken)}};
    return jsonResponse(200, QJsonDocument(o).toJson(QJsonDocument::Compact));
}

} // namespace ledger::sim
