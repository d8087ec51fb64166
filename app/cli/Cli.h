#pragma once
// Headless commands (docs/CLI.md): check, export, demo-server. Uses QCoreApplication only.
#include <QStringList>

namespace ledger::cli {

// True when argv[1] names a headless command (check, export, demo-server) or --version/--help.
bool isCliInvocation(const QStringList &arguments);
// Runs the command; returns the process exit code (0 complete, 1 failed, 2 usage,
// 3 sign-in or permission failure, 4 partial).
int run(int argc, char **argv);

} // namespace ledger::cli
