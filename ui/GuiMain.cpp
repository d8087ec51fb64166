#include "GuiMain.h"

#include <QApplication>
#include <QLabel>

namespace ledger::gui {

int run(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Copilot Ledger"));
    QApplication::setOrganizationName(QStringLiteral("Copilot Ledger"));
    QApplication::setApplicationVersion(QStringLiteral(LEDGER_VERSION));
    QLabel label(QStringLiteral("Copilot Ledger"));
    label.show();
    return app.exec();
}

} // namespace ledger::gui
