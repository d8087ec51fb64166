#include "TestSupport.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <memory>
#include <vector>

namespace ledger::test {

void isolateEnvironment()
{
    // Test mode puts settings and data under $HOME/.qttest — shared by every test program that
    // ctest runs in parallel. A private HOME per process keeps them from clearing or opening each
    // other's settings and archives.
    static QTemporaryDir home(QDir::tempPath() + QStringLiteral("/ledger-test-home-XXXXXX"));
    if (home.isValid())
        qputenv("HOME", QFile::encodeName(home.path()));
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

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QList<QByteArray> splitLines(const QByteArray &text)
{
    QList<QByteArray> lines = text.split('\n');
    if (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    for (QByteArray &l : lines)
        if (l.endsWith('\r'))
            l.chop(1);
    return lines;
}

} // namespace ledger::test
