#pragma once
// Runs the real copilot-ledger binary (LEDGER_APP_BINARY, set by CTest) with a private HOME and
// XDG folders, so nothing touches the developer's profiles, keychain or archives.
#include "TestSupport.h"

#include <QDir>
#include <QDirIterator>
#include <QHash>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QTest>

// The start of every initTestCase() of a test that runs the binary: isolated settings and
// folders, and a skip (not a failure) when CTest did not say where the binary is.
#define LEDGER_CLI_TEST_INIT()                                                        \
    do {                                                                               \
        ::ledger::test::isolateEnvironment();                                          \
        if (::ledger::test::CliRunner::binary().isEmpty())                             \
            QSKIP("LEDGER_APP_BINARY is not set (run through ctest)");                 \
    } while (false)

namespace ledger::test {

struct CliResult {
    int exitCode = -1;
    bool crashed = false;
    bool timedOut = false;
    QString out, err;
};

class CliRunner {
public:
    CliRunner() : m_home(tempDir()) {}

    static QString binary() { return qEnvironmentVariable("LEDGER_APP_BINARY"); }
    // A sanitized build runs the binary several times slower: CTest sets
    // LEDGER_TEST_TIMEOUT_SCALE there (tests/CMakeLists.txt) and every wait grows by it.
    static int timeoutScale()
    {
        bool ok = false;
        const int scale = qEnvironmentVariableIntValue("LEDGER_TEST_TIMEOUT_SCALE", &ok);
        return ok && scale > 1 && scale <= 100 ? scale : 1;
    }
    QString home() const { return m_home; }
    QString dataHome() const { return m_home + QStringLiteral("/data"); }

    QProcessEnvironment environment() const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HOME"), m_home);
        env.insert(QStringLiteral("XDG_DATA_HOME"), dataHome());
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home + QStringLiteral("/config"));
        env.insert(QStringLiteral("XDG_CACHE_HOME"), m_home + QStringLiteral("/cache"));
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.remove(QStringLiteral("COPILOT_LEDGER_CLIENT_SECRET"));
        for (auto it = m_extraEnv.cbegin(); it != m_extraEnv.cend(); ++it)
            env.insert(it.key(), it.value());
        return env;
    }
    void setEnv(const QString &name, const QString &value) { m_extraEnv.insert(name, value); }

    void prepare(QProcess &p, const QStringList &args) const
    {
        p.setProcessEnvironment(environment());
        p.setProgram(binary());
        p.setArguments(args);
    }

    // Starts, without waiting for its end, `export <tenant> --out <out>` against a slow server
    // (40 ms a request, two users at a time): for the tests that interrupt or kill a sync.
    // False when the process did not start.
    bool startSlowExport(QProcess &p, const QStringList &tenant, const QString &out) const
    {
        prepare(p, QStringList{QStringLiteral("export")} + tenant
                       + QStringList{QStringLiteral("--out"), out, QStringLiteral("--demo-latency-ms"), QStringLiteral("40"),
                                     QStringLiteral("--concurrency"), QStringLiteral("2")});
        p.start();
        return p.waitForStarted(10000 * timeoutScale());
    }

    CliResult run(const QStringList &args, const QByteArray &stdinData = {}, int timeoutMs = 120000) const
    {
        QProcess p;
        prepare(p, args);
        p.start();
        CliResult r;
        if (!p.waitForStarted(10000 * timeoutScale()))
            return r;
        if (!stdinData.isEmpty())
            p.write(stdinData);
        p.closeWriteChannel();
        if (!p.waitForFinished(timeoutMs * timeoutScale())) {
            r.timedOut = true;
            p.kill();
            p.waitForFinished();
        }
        r.crashed = p.exitStatus() == QProcess::CrashExit;
        r.exitCode = p.exitCode();
        r.out = QString::fromUtf8(p.readAllStandardOutput());
        r.err = QString::fromUtf8(p.readAllStandardError());
        return r;
    }

    // Every file below the private HOME (to prove that nothing was written).
    QStringList filesWritten() const
    {
        QStringList files;
        QDirIterator it(m_home, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
        while (it.hasNext())
            files << it.next();
        return files;
    }

    QString findArchive() const
    {
        QDirIterator it(dataHome(), {QStringLiteral("*.sqlite")}, QDir::Files, QDirIterator::Subdirectories);
        return it.hasNext() ? it.next() : QString();
    }

private:
    QString m_home;
    QHash<QString, QString> m_extraEnv;
};

} // namespace ledger::test
