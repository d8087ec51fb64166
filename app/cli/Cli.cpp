#include "cli/Cli.h"

#include <QCoreApplication>
#include <QTextStream>

namespace ledger::cli {

bool isCliInvocation(const QStringList &arguments)
{
    if (arguments.size() < 2)
        return false;
    const QString first = arguments.at(1);
    return first == u"check" || first == u"export" || first == u"demo-server" || first == u"--version"
        || first == u"-v" || first == u"--help" || first == u"-h";
}

int run(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("copilot-ledger"));
    QCoreApplication::setApplicationVersion(QStringLiteral(LEDGER_VERSION));
    QTextStream out(stdout);
    const QStringList args = QCoreApplication::arguments();
    if (args.value(1) == u"--version" || args.value(1) == u"-v") {
        out << "copilot-ledger " << LEDGER_VERSION << Qt::endl;
        return 0;
    }
    QTextStream(stderr) << "not implemented yet" << Qt::endl;
    return 2;
}

} // namespace ledger::cli
