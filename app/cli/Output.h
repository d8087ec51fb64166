#pragma once
// stdout/stderr helpers for the headless commands (UTF-8, flushed; no QTextStream buffering
// surprises between the two streams).
#include <QString>

namespace ledger::cli {

void printOut(const QString &text);          // stdout, text as is
void printErr(const QString &text);          // stderr, text as is
bool stderrIsTerminal();

} // namespace ledger::cli
