#include "AppIdentity.h"

#include <QCoreApplication>
#include <QGuiApplication>

namespace ledger::resources {

QString desktopFileName()
{
    return QStringLiteral("app.copilot_ledger.CopilotLedger");
}

QIcon applicationIcon()
{
    QIcon icon;
    for (const int size : {16, 24, 32, 48, 64, 128, 256}) {
        icon.addFile(QStringLiteral(":/app/copilot-ledger-%1.png").arg(size), QSize(size, size));
    }
    return icon;
}

} // namespace ledger::resources

static void ledgerApplyAppIdentity()
{
    using namespace ledger::resources;
    if (qobject_cast<QGuiApplication *>(QCoreApplication::instance()) == nullptr)
        return; // headless command: no windows, no icon
    QGuiApplication::setDesktopFileName(desktopFileName());
    QGuiApplication::setWindowIcon(applicationIcon());
}

Q_COREAPP_STARTUP_FUNCTION(ledgerApplyAppIdentity)
