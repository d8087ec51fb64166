#include "app/cli/Cli.h"

#include "app/about/AppIdentity.h"
#include "app/cli/CheckCommand.h"
#include "app/cli/CliOptions.h"
#include "app/cli/ExportCommand.h"
#include "app/cli/HelpText.h"
#include "app/cli/LogCommand.h"
#include "app/cli/Output.h"
#include "app/sim/DemoServerCommand.h"

#include <QCoreApplication>
#include <QGuiApplication>
#include <QTimer>
#include <memory>

using namespace Qt::StringLiterals;

namespace ledger::cli {

bool isCliInvocation(const QStringList &arguments)
{
    if (arguments.size() < 2)
        return false;
    const QString first = arguments.at(1);
    return first == u"check" || first == u"export" || first == u"log" || first == u"demo-server" || first == u"--version"
        || first == u"-v" || first == u"--help" || first == u"-h";
}

template <typename Command>
static int runCommand(const CliOptions &options)
{
    Command command(options);
    int exitCode = 1;
    // Not qApp: with Qt Gui's headers included (transcripts) it casts to QGuiApplication, which a
    // headless command's QCoreApplication is not (undefined behaviour, reported by UBSan).
    QObject::connect(&command, &Command::done, QCoreApplication::instance(), [&exitCode](int code) {
        exitCode = code;
        QCoreApplication::exit(code);
    });
    QTimer::singleShot(0, &command, &Command::start);
    QCoreApplication::exec();
    return exitCode;
}

// `export --transcripts` lays out text and writes PDFs (Qt Gui): it needs a QGuiApplication, for
// the fonts. Headless on Linux (the offscreen platform: no display is needed or used); the
// native platforms of Windows and macOS work without a window.
static bool needsGui(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i)
        if (qstrncmp(argv[i], "--transcripts", 13) == 0)
            return true;
    return false;
}

int run(int argc, char **argv)
{
    std::unique_ptr<QCoreApplication> application;
    if (needsGui(argc, argv)) {
#if defined(Q_OS_LINUX)
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
#endif
        application = std::make_unique<QGuiApplication>(argc, argv);
    } else {
        application = std::make_unique<QCoreApplication>(argc, argv);
    }
    // Same names as the GUI, so both see the same profiles and archives.
    appidentity::apply();
    const QStringList args = QCoreApplication::arguments();
    const QString command = args.value(1);
    if (command == u"--version" || command == u"-v") {
        printOut(u"copilot-ledger "_s + QStringLiteral(LEDGER_VERSION) + u'\n');
        return 0;
    }
    if (command == u"--help" || command == u"-h") {
        printOut(generalHelp());
        return 0;
    }
    if (command == u"demo-server")
        return ledger::sim::runDemoServerCommand(args.mid(2));

    CliOptions options;
    QString error;
    if (!parseOptions(command, args.mid(2), &options, &error)) {
        printErr(u"copilot-ledger %1: %2\nRun 'copilot-ledger %1 --help' for usage.\n"_s.arg(command, error));
        return 2;
    }
    if (options.help) {
        printOut(command == u"check" ? checkHelp() : command == u"log" ? logHelp() : exportHelp());
        return 0;
    }
    if (command == u"log")
        return runLogCommand(options);
    if (command == u"check")
        return runCommand<CheckCommand>(options);
    return runCommand<ExportCommand>(options);
}

} // namespace ledger::cli
