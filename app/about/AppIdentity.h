#pragma once
// The program's name and organisation, from one place (the top-level CMakeLists.txt): they
// decide where the settings, the profiles and the archives live, so the window and the command
// line must use the very same names.
#include <QString>

namespace ledger::appidentity {

QString applicationName();    // "Copilot Ledger"
QString organizationName();
QString organizationDomain();
// Sets QCoreApplication's application and organisation names and version.
void apply();

} // namespace ledger::appidentity
