#include "ConnectionFaults.h"

#include "app/sim/DemoEnvironment.h"

#include <QUrl>

using namespace Qt::StringLiterals;

namespace ledger::test {

bool applyConnectionFault(const DemoEnvironment &env, const QString &fault, ConnectionSettings *cs, QString *secret)
{
    const auto useClient = [&](const auto &client) {
        cs->clientId = client.clientId;
        *secret = client.secret;
    };
    if (fault == u"secret")
        *secret = u"wrong-secret"_s;
    else if (fault == u"tenant")
        cs->tenant = u"99999999-8888-7777-6666-555555555555"_s;
    else if (fault == u"client")
        cs->clientId = u"99999999-0000-0000-0000-000000000001"_s;
    else if (fault == u"expired")
        useClient(env.tenant().clientWithExpiredSecret());
    else if (fault == u"norole")
        useClient(env.tenant().clientWithoutInteractionRole());
    else if (fault == u"nouserrole")
        useClient(env.tenant().clientWithoutUserRole());
    else if (fault == u"transport")
        cs->authorityUrl = QUrl(u"http://127.0.0.1:1"_s);   // nothing listens there
    else
        return false;
    return true;
}

} // namespace ledger::test
