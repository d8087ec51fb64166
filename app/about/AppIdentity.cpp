#include "app/about/AppIdentity.h"

#include <QCoreApplication>

#ifndef LEDGER_APP_NAME
#define LEDGER_APP_NAME "Copilot Ledger"
#endif
#ifndef LEDGER_ORG_NAME
#define LEDGER_ORG_NAME LEDGER_APP_NAME
#endif
#ifndef LEDGER_ORG_DOMAIN
#define LEDGER_ORG_DOMAIN ""
#endif

namespace ledger::appidentity {

QString applicationName() { return QStringLiteral(LEDGER_APP_NAME); }
QString organizationName() { return QStringLiteral(LEDGER_ORG_NAME); }
QString organizationDomain() { return QStringLiteral(LEDGER_ORG_DOMAIN); }

void apply()
{
    QCoreApplication::setOrganizationName(organizationName());
    QCoreApplication::setApplicationName(applicationName());
    QCoreApplication::setApplicationVersion(QStringLiteral(LEDGER_VERSION));
}

} // namespace ledger::appidentity
