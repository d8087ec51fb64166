#pragma once
// --help texts of the headless commands (the full reference is docs/CLI.md).
#include <QString>

namespace ledger::cli {

QString generalHelp();
QString checkHelp();
QString exportHelp();
QString logHelp();

} // namespace ledger::cli
