#pragma once
// Versions of the components the application runs on, for the About box and support bundles.
#include <QString>

namespace ledger::ComponentVersions {

QString application();     // LEDGER_VERSION
QString qtRuntime();       // qVersion()
QString qtBuild();         // QT_VERSION_STR
QString qtKeychain();      // from the build configuration; "unknown" if not recorded
QString sqlite();          // SELECT sqlite_version() through the Qt SQLite driver; "" if unavailable
QString dataFolder();      // where the archives live (<AppDataLocation>)

} // namespace ledger::ComponentVersions
