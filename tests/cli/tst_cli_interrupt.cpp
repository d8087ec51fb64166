// Ctrl+C (SIGINT) and SIGTERM during `copilot-ledger export` (docs/CLI.md): the real binary
// stops cleanly with exit code 130 and a plain message, writes no export file (a folder that
// already holds an export keeps its bytes), and its archive stays consistent — the next run
// completes the job. The export phase is held at a known row by LEDGER_TEST_EXPORT_HOLD_MS so
// that the signal always arrives mid-way.
#include "CliRunner.h"
#include "SqlFile.h"

#include <QElapsedTimer>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>
#include <QThread>

#ifndef Q_OS_WIN
#include <csignal>
#include <sys/types.h>
#endif

using namespace ledger::test;
using namespace Qt::StringLiterals;

namespace {

// Opens the archive read-only in a connection of its own: (integrity_check result, interactions).
QPair<QString, qint64> probeArchive(const QString &path)
{
    QPair<QString, qint64> result{QString(), -1};
    if (path.isEmpty())
        return result;
    const QVariantList v = queryFirstValues(path, {u"PRAGMA integrity_check"_s, u"SELECT count(*) FROM interactions"_s});
    if (v.at(0).isValid())
        result.first = v.at(0).toString();
    if (v.at(1).isValid())
        result.second = v.at(1).toLongLong();
    return result;
}

// Reads stderr until it contains `needle` (true) or the process ends / time runs out (false).
bool waitForStderr(QProcess &p, const QString &needle, QString *err, int timeoutMs = 60000)
{
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < timeoutMs) {
        *err += QString::fromUtf8(p.readAllStandardError());
        if (err->contains(needle))
            return true;
        if (p.state() != QProcess::Running)
            return false;
        p.waitForReadyRead(100);
    }
    return false;
}

const QStringList kDemo{u"--demo"_s, u"--demo-users"_s, u"12"_s, u"--demo-interactions"_s, u"2400"_s,
                        u"--demo-seed"_s, u"515"_s, u"--from"_s, u"2026-01-01"_s, u"--to"_s, u"2027-01-01"_s};
const QStringList kFiles{u"prompts.csv"_s, u"sessions.csv"_s, u"users.csv"_s, u"interactions.jsonl"_s,
                         u"findings.csv"_s, u"reviews.csv"_s, u"export.json"_s, u"SHA256SUMS"_s};

QStringList entries(const QString &dir)
{
    return QDir(dir).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden, QDir::Name);
}

} // namespace

class CliInterruptTest : public QObject {
    Q_OBJECT
    CliRunner m_cli;   // one HOME: the demo archive synced by the first test is reused

private slots:
    void initTestCase()
    {
#ifdef Q_OS_WIN
        QSKIP("POSIX signals; Windows uses SetConsoleCtrlHandler and is not tested here");
#endif
        LEDGER_CLI_TEST_INIT();
    }

    void helpNamesTheExitCode()
    {
        const CliResult r = m_cli.run({u"export"_s, u"--help"_s});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(u"Ctrl+C or SIGTERM"_s) && r.out.contains(u"130"_s), qPrintable(r.out));
    }

    // Ctrl+C while the sync is reading a slow tenant: exit 130, nothing exported, what was
    // stored stays and the archive is consistent; the next run completes the job.
    void interruptDuringSync()
    {
#ifndef Q_OS_WIN
        const QString out = tempDir() + u"/sync-interrupted"_s;
        QProcess p;
        QVERIFY(m_cli.startSlowExport(p, kDemo, out));
        QString err;
        QVERIFY2(waitForStderr(p, u"Syncing:"_s, &err), qPrintable(err));
        qint64 stored = -1;
        for (int i = 0; i < 1200 && p.state() == QProcess::Running && stored <= 0; ++i) {
            stored = probeArchive(m_cli.findArchive()).second;
            if (stored <= 0)
                QThread::msleep(25);
        }
        QVERIFY2(p.state() == QProcess::Running, "the sync finished before it could be interrupted");
        QVERIFY2(stored > 0, "no interactions appeared in the archive");
        QCOMPARE(::kill(pid_t(p.processId()), SIGINT), 0);
        QVERIFY(p.waitForFinished(30000));
        err += QString::fromUtf8(p.readAllStandardError());
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QVERIFY2(p.exitCode() == 130, qPrintable(u"exit %1\n"_s.arg(p.exitCode()) + err));
        QVERIFY2(err.contains(u"Interrupted (SIGINT) during the sync"_s), qPrintable(err));
        QVERIFY(p.readAllStandardOutput().isEmpty());   // no summary: nothing was exported
        QVERIFY(!QFileInfo::exists(out));

        const auto [integrity, afterStop] = probeArchive(m_cli.findArchive());
        QCOMPARE(integrity, u"ok"_s);
        QVERIFY(afterStop >= stored);
        QVERIFY2(afterStop < 2400, "the sync was already complete when interrupted");

        // The next run completes the job: every interaction of the range, once.
        const QString again = tempDir() + u"/resumed"_s;
        const CliResult r = m_cli.run(QStringList{u"export"_s} + kDemo + QStringList{u"--out"_s, again, u"--rate"_s, u"500"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        const qint64 lines = ledger::test::readFile(again + u"/interactions.jsonl"_s).count('\n');
        QCOMPARE(lines, probeArchive(m_cli.findArchive()).second);
        QVERIFY(lines > afterStop);
#endif
    }

    // SIGINT or SIGTERM while the export folder is being written (held after its first rows):
    // exit 130, no export file and no temporary file; an older export in the folder (--force)
    // keeps every byte, a folder the run created is removed again.
    void interruptDuringExport_data()
    {
        QTest::addColumn<bool>("term");
        QTest::addColumn<bool>("olderExport");
        QTest::newRow("SIGINT, new folder") << false << false;
        QTest::newRow("SIGTERM, new folder") << true << false;
        QTest::newRow("SIGINT, --force over an older export") << false << true;
    }
    void interruptDuringExport()
    {
#ifndef Q_OS_WIN
        QFETCH(bool, term);
        QFETCH(bool, olderExport);
        const QString out = tempDir() + u"/export"_s;
        QStringList extra{u"--out"_s, out, u"--rate"_s, u"500"_s};
        QHash<QString, QByteArray> before;
        if (olderExport) {
            const CliResult r = m_cli.run(QStringList{u"export"_s} + kDemo + extra);
            QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
            QFile notes(out + u"/notes.txt"_s);
            QVERIFY(notes.open(QIODevice::WriteOnly));
            notes.write("the auditor's notes");
            notes.close();
            for (const QString &name : entries(out))
                before.insert(name, ledger::test::readFile(out + u'/' + name));
            QCOMPARE(before.size(), 9);   // the eight files and the notes
            extra << u"--force"_s;
        }

        QProcess p;
        m_cli.prepare(p, QStringList{u"export"_s} + kDemo + extra);
        QProcessEnvironment env = p.processEnvironment();
        env.insert(u"LEDGER_TEST_EXPORT_HOLD_MS"_s, u"60000"_s);
        p.setProcessEnvironment(env);
        p.start();
        QVERIFY(p.waitForStarted(10000));
        QString err;
        QVERIFY2(waitForStderr(p, u"held for a test"_s, &err), qPrintable(err));
        if (!olderExport)
            QVERIFY(QFileInfo(out).isDir());   // created by this run, with temporary files in it
        if (term)
            p.terminate();   // SIGTERM
        else
            QCOMPARE(::kill(pid_t(p.processId()), SIGINT), 0);
        QVERIFY(p.waitForFinished(30000));
        err += QString::fromUtf8(p.readAllStandardError());
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QVERIFY2(p.exitCode() == 130, qPrintable(u"exit %1\n"_s.arg(p.exitCode()) + err));
        const QString expected = u"Interrupted (%1) while the export was being written"_s.arg(term ? u"SIGTERM"_s : u"SIGINT"_s);
        QVERIFY2(err.contains(expected), qPrintable(err));
        QVERIFY(p.readAllStandardOutput().isEmpty());

        if (olderExport) {
            QStringList names = before.keys();
            names.sort();
            QCOMPARE(entries(out), names);   // nothing added, nothing removed
            for (auto it = before.cbegin(); it != before.cend(); ++it)
                QVERIFY2(ledger::test::readFile(out + u'/' + it.key()) == it.value(), qPrintable(it.key() + u" changed"_s));
        } else {
            QVERIFY2(!QFileInfo::exists(out), qPrintable(entries(out).join(u", "_s)));
        }
        QCOMPARE(probeArchive(m_cli.findArchive()).first, u"ok"_s);
#else
        QSKIP("POSIX only");
#endif
    }
};

QTEST_GUILESS_MAIN(CliInterruptTest)
#include "tst_cli_interrupt.moc"
