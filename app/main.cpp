// Thin entry point: a headless command (check, export, demo-server, --version, --help) runs on
// QCoreApplication; everything else starts the GUI.
#include "app/cli/Cli.h"
#include "ui/GuiMain.h"
#include "app/model/PrivateFiles.h"

#include <QStringList>
#include <QtGlobal>

#ifdef Q_OS_WIN
#ifndef NOMINMAX
#define NOMINMAX
#endif
#include <windows.h>
#include <cstdio>

// The executable is a GUI (WIN32) program; a headless command started from a console attaches
// to it so that its output and exit code behave like a console program's. Redirected handles
// (pipes, files) are inherited as they are and left alone.
static void attachParentConsole()
{
    if (!AttachConsole(ATTACH_PARENT_PROCESS))
        return;
    if (GetStdHandle(STD_OUTPUT_HANDLE) == nullptr)
        (void)freopen("CONOUT$", "w", stdout);
    if (GetStdHandle(STD_ERROR_HANDLE) == nullptr)
        (void)freopen("CONOUT$", "w", stderr);
}
#endif

int main(int argc, char **argv)
{
    // Archives, settings and exports hold personal data: private to this user from creation.
    ledger::privatefiles::restrictNewFiles();
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    if (ledger::cli::isCliInvocation(arguments)) {
#ifdef Q_OS_WIN
        attachParentConsole();
#endif
        return ledger::cli::run(argc, argv);
    }
    return ledger::gui::run(argc, argv);
}
