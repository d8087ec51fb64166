#include "app/auth/ConnectionSettings.h"

namespace ledger {

static QUrl stripTrailingSlash(QUrl url)
{
    QString path = url.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    url.setPath(path);
    return url;
}

Endpoints ConnectionSettings::endpoints() const
{
    if (cloud == Cloud::Custom)
        return {stripTrailingSlash(authorityUrl), stripTrailingSlash(graphUrl)};
    return endpointsFor(cloud);
}

bool ConnectionSettings::operator==(const ConnectionSettings &o) const
{
    if (tenant != o.tenant || clientId != o.clientId || cloud != o.cloud)
        return false;
    if (cloud == Cloud::Custom)
        return authorityUrl == o.authorityUrl && graphUrl == o.graphUrl;
    return true;
}

} // namespace ledger
