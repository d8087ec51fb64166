#pragma once
#include <QStringList>

namespace ledger::sim {

// `copilot-ledger demo-server [--port N] [--latency-ms N] [--rate N] [--faults] [--seed N]
//  [--users N] [--interactions N] [--reject-filter]`
// args: the arguments after "demo-server". A QCoreApplication must exist. Prints the URL and the
// demo credentials, then serves until the process is stopped. Returns 2 on usage errors, 1 when
// the port cannot be opened.
int runDemoServerCommand(const QStringList &args);

} // namespace ledger::sim
