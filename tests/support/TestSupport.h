#pragma once
// Shared helpers for the Qt Test programs.
#include <QString>

namespace ledger::test {

// Isolates QSettings and QStandardPaths (test mode) and sets org/app names. Call in initTestCase().
void isolateEnvironment();
// A fresh temporary directory path that lives until the process exits.
QString tempDir();

} // namespace ledger::test
