#include "app/auth/CloudEndpoints.h"

#include <QCoreApplication>
#include <QHostAddress>

using namespace Qt::StringLiterals;

namespace ledger {

QString cloudKey(Cloud cloud)
{
    switch (cloud) {
    case Cloud::Global: return u"global"_s;
    case Cloud::UsGov: return u"usgov"_s;
    case Cloud::UsGovDod: return u"usgov-dod"_s;
    case Cloud::China: return u"china"_s;
    case Cloud::Custom: return u"custom"_s;
    }
    return u"global"_s;
}

std::optional<Cloud> cloudFromKey(const QString &key)
{
    const QString k = key.trimmed().toLower();
    for (Cloud c : {Cloud::Global, Cloud::UsGov, Cloud::UsGovDod, Cloud::China, Cloud::Custom}) {
        if (k == cloudKey(c))
            return c;
    }
    return std::nullopt;
}

QString cloudDisplayName(Cloud cloud)
{
    switch (cloud) {
    case Cloud::Global: return QCoreApplication::translate("ledger::Cloud", "Global (Microsoft Entra ID)");
    case Cloud::UsGov: return QCoreApplication::translate("ledger::Cloud", "US Government (GCC High / L4)");
    case Cloud::UsGovDod: return QCoreApplication::translate("ledger::Cloud", "US Government DoD (L5)");
    case Cloud::China: return QCoreApplication::translate("ledger::Cloud", "China (operated by 21Vianet)");
    case Cloud::Custom: return QCoreApplication::translate("ledger::Cloud", "Custom endpoints");
    }
    return QString();
}

Endpoints endpointsFor(Cloud cloud)
{
    switch (cloud) {
    case Cloud::Global:
        return {QUrl(u"https://login.microsoftonline.com"_s), QUrl(u"https://graph.microsoft.com"_s)};
    case Cloud::UsGov:
        return {QUrl(u"https://login.microsoftonline.us"_s), QUrl(u"https://graph.microsoft.us"_s)};
    case Cloud::UsGovDod:
        return {QUrl(u"https://login.microsoftonline.us"_s), QUrl(u"https://dod-graph.microsoft.us"_s)};
    case Cloud::China:
        return {QUrl(u"https://login.chinacloudapi.cn"_s), QUrl(u"https://microsoftgraph.chinacloudapi.cn"_s)};
    case Cloud::Custom:
        break;
    }
    return {};
}

bool cloudLacksCopilotApi(Cloud cloud)
{
    return cloud == Cloud::China;
}

bool isLoopbackHost(const QString &hostIn)
{
    QString host = hostIn.trimmed().toLower();
    if (host.startsWith(u'[') && host.endsWith(u']'))
        host = host.mid(1, host.size() - 2);
    if (host.endsWith(u'.'))
        host.chop(1);
    if (host.isEmpty())
        return false;
    if (host == u"localhost" || host.endsWith(u".localhost"))
        return true;
    QHostAddress addr;
    if (!addr.setAddress(host))
        return false;
    // Reject shorthand forms such as "127.1" that inet_aton would accept: require dotted quads.
    if (addr.protocol() == QAbstractSocket::IPv4Protocol && host.count(u'.') != 3)
        return false;
    return addr.isLoopback();
}

QString validateEndpointUrl(const QUrl &url)
{
    if (!url.isValid() || url.isEmpty())
        return QCoreApplication::translate("ledger::Cloud", "This is not a valid web address.");
    if (url.host().isEmpty())
        return QCoreApplication::translate("ledger::Cloud", "The address has no host name.");
    if (!url.userInfo().isEmpty())
        return QCoreApplication::translate("ledger::Cloud", "The address must not contain a user name or password.");
    if (url.hasQuery() || url.hasFragment())
        return QCoreApplication::translate("ledger::Cloud", "The address must not contain a query or fragment.");
    const QString scheme = url.scheme().toLower();
    if (scheme == u"https")
        return QString();
    if (scheme == u"http") {
        if (isLoopbackHost(url.host()))
            return QString();
        return QCoreApplication::translate("ledger::Cloud",
            "Unencrypted http:// is only allowed for this computer (localhost); use https://.");
    }
    return QCoreApplication::translate("ledger::Cloud", "The address must start with https://.");
}

} // namespace ledger
