// Thin entry point: a headless command (check, export, demo-server, --version, --help) runs on
// QCoreApplication; everything else starts the GUI.
#include "cli/Cli.h"
#include "GuiMain.h"

#include <QStringList>

int main(int argc, char **argv)
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    if (ledger::cli::isCliInvocation(arguments))
        return ledger::cli::run(argc, argv);
    return ledger::gui::run(argc, argv);
}
