#include "TestSupport.h"

#include <QCoreApplication>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <memory>
#include <vector>

namespace ledger::test {

void isolateEnvironment()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("Copilot Ledger Tests"));
    QCoreApplication::setApplicationName(QStringLiteral("copilot-ledger-tests"));
}

QString tempDir()
{
    static std::vector<std::unique_ptr<QTemporaryDir>> dirs;
    dirs.push_back(std::make_unique<QTemporaryDir>());
    return dirs.back()->path();
}

} // namespace ledger::test
