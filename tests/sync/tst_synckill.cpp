// SIGKILL at any point loses nothing: the real binary runs
// `export --demo`, is killed once some interactions are in its archive, runs again and then
// exports exactly the same files as an uninterrupted run.
#include "CliRunner.h"
#include "SqlFile.h"

#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>
#include <QThread>

using namespace ledger::test;
using namespace Qt::StringLiterals;

namespace {

// Interactions in the archive at `path`, read through a separate read-only connection (-1: not yet).
qint64 storedInteractions(const QString &path)
{
    if (path.isEmpty())
        return -1;
    const QVariant n = queryFirstValues(path, {u"SELECT count(*) FROM interactions"_s}).at(0);
    return n.isValid() ? n.toLongLong() : -1;
}

const QStringList kDemo{u"--demo"_s, u"--demo-users"_s, u"30"_s, u"--demo-interactions"_s, u"6000"_s,
                        u"--demo-seed"_s, u"77"_s, u"--from"_s, u"2026-01-01"_s, u"--to"_s, u"2027-01-01"_s};
const QStringList kFiles{u"prompts.csv"_s, u"sessions.csv"_s, u"users.csv"_s, u"interactions.jsonl"_s};

} // namespace

class SyncKillTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        LEDGER_CLI_TEST_INIT();
    }

    void killAndResume()
    {
        // Reference: one uninterrupted run.
        CliRunner reference;
        const QString refOut = tempDir() + u"/reference"_s;
        CliResult r = reference.run(QStringList{u"export"_s} + kDemo + QStringList{u"--out"_s, refOut, u"--rate"_s, u"500"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));

        // Interrupted: slow server, killed as soon as data is in the archive.
        CliRunner victim;
        const QString firstOut = tempDir() + u"/killed"_s;
        QProcess p;
        QVERIFY(victim.startSlowExport(p, kDemo, firstOut));
        qint64 atKill = -1;
        for (int i = 0; i < 1200 && p.state() == QProcess::Running; ++i) {
            atKill = storedInteractions(victim.findArchive());
            if (atKill > 0)
                break;
            QThread::msleep(25);
        }
        QVERIFY2(p.state() == QProcess::Running, "the export finished before it could be killed");
        QVERIFY2(atKill > 0, "no interactions appeared in the archive");
        p.kill();   // SIGKILL
        QVERIFY(p.waitForFinished(10000));
        QCOMPARE(p.exitStatus(), QProcess::CrashExit);
        const qint64 afterKill = storedInteractions(victim.findArchive());
        QVERIFY(afterKill >= atKill);
        QVERIFY2(afterKill < 6000, "the sync was already complete when killed");
        QVERIFY(!QFileInfo::exists(firstOut + u"/SHA256SUMS"_s));

        // Resume: the next run completes the job without duplicates.
        const QString secondOut = tempDir() + u"/resumed"_s;
        r = victim.run(QStringList{u"export"_s} + kDemo + QStringList{u"--out"_s, secondOut, u"--rate"_s, u"500"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        for (const QString &name : kFiles) {
            const QByteArray a = ledger::test::readFile(refOut + u'/' + name);
            QVERIFY2(!a.isEmpty(), qPrintable(name));
            QVERIFY2(a == ledger::test::readFile(secondOut + u'/' + name), qPrintable(name + u" differs after kill + resume"_s));
        }
    }
};

QTEST_GUILESS_MAIN(SyncKillTest)
#include "tst_synckill.moc"
