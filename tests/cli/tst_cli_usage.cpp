// `copilot-ledger` usage errors (docs/CLI.md): every bad input ends with exit code
// 2, a clear message on stderr, and NOTHING written (no archive, no export folder).
#include "CliRunner.h"

#include <QFile>
#include <QTest>

using namespace ledger::test;
using namespace Qt::StringLiterals;

namespace {
const QString kTenant = u"11111111-2222-3333-4444-555555555555"_s;
const QString kClient = u"66666666-7777-8888-9999-000000000000"_s;
}

class CliUsageTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        LEDGER_CLI_TEST_INIT();
    }

    void versionAndHelp()
    {
        CliRunner cli;
        CliResult r = cli.run({u"--version"_s});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.startsWith(u"copilot-ledger "_s));
        r = cli.run({u"--help"_s});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(u"export"_s) && r.out.contains(u"check"_s));
        r = cli.run({u"export"_s, u"--help"_s});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(u"--from"_s) && r.out.contains(u"exclusive"_s));
        r = cli.run({u"check"_s, u"--help"_s});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(u"--profile"_s));
        QVERIFY(cli.filesWritten().isEmpty());
    }

    void badInput_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("expected");   // part of the message on stderr

        const QStringList demoRange{u"export"_s, u"--demo"_s, u"--from"_s, u"2026-01-01"_s, u"--to"_s, u"2026-02-01"_s};
        QTest::newRow("no connection") << QStringList{u"export"_s, u"--from"_s, u"2026-01-01"_s, u"--to"_s, u"2026-02-01"_s, u"--out"_s, u"OUT"_s}
                                       << u"--profile"_s;
        QTest::newRow("missing --from") << QStringList{u"export"_s, u"--demo"_s, u"--to"_s, u"2026-02-01"_s, u"--out"_s, u"OUT"_s}
                                        << u"--from"_s;
        QTest::newRow("unparseable date") << (demoRange.mid(0, 3) + QStringList{u"2026-13-01"_s, u"--to"_s, u"2026-02-01"_s, u"--out"_s, u"OUT"_s})
                                          << u"2026-13-01"_s;
        QTest::newRow("words as date") << QStringList{u"export"_s, u"--demo"_s, u"--from"_s, u"yesterday"_s, u"--to"_s, u"2026-02-01"_s, u"--out"_s, u"OUT"_s}
                                       << u"yesterday"_s;
        QTest::newRow("time without zone") << QStringList{u"export"_s, u"--demo"_s, u"--from"_s, u"2026-01-01T10:00:00"_s, u"--to"_s, u"2026-02-01"_s, u"--out"_s, u"OUT"_s}
                                           << u"2026-01-01T10:00:00"_s;
        QTest::newRow("from not before to") << QStringList{u"export"_s, u"--demo"_s, u"--from"_s, u"2026-02-01"_s, u"--to"_s, u"2026-02-01"_s, u"--out"_s, u"OUT"_s}
                                            << u"before"_s;
        QTest::newRow("unknown app") << (demoRange + QStringList{u"--app"_s, u"Word,Paint"_s, u"--out"_s, u"OUT"_s})
                                     << u"Paint"_s;
        QTest::newRow("users file missing") << (demoRange + QStringList{u"--users"_s, u"@HOME/no-such-list.txt"_s, u"--out"_s, u"OUT"_s})
                                            << u"no-such-list.txt"_s;
        QTest::newRow("out not empty") << (demoRange + QStringList{u"--out"_s, u"FULLDIR"_s})
                                       << u"--force"_s;
        QTest::newRow("out not writable") << (demoRange + QStringList{u"--out"_s, u"AFILE/sub"_s})
                                          << u"cannot be created"_s;
        QTest::newRow("out missing") << demoRange << u"--out"_s;
        QTest::newRow("unknown option") << (demoRange + QStringList{u"--out"_s, u"OUT"_s, u"--frobnicate"_s})
                                        << u"--frobnicate"_s;
        QTest::newRow("bad transcripts format") << (demoRange + QStringList{u"--out"_s, u"OUT"_s, u"--transcripts"_s, u"docx"_s})
                                                << u"--transcripts"_s;
        QTest::newRow("stray argument") << (demoRange + QStringList{u"--out"_s, u"OUT"_s, u"extra"_s})
                                        << u"extra"_s;
        QTest::newRow("tenant without client id") << QStringList{u"check"_s, u"--tenant"_s, kTenant}
                                                  << u"--client-id"_s;
        QTest::newRow("bad tenant") << QStringList{u"check"_s, u"--tenant"_s, u"not a tenant!"_s, u"--client-id"_s, kClient}
                                    << u"--tenant"_s;
        QTest::newRow("bad client id") << QStringList{u"check"_s, u"--tenant"_s, kTenant, u"--client-id"_s, u"xyz"_s}
                                       << u"--client-id"_s;
        QTest::newRow("unknown cloud") << QStringList{u"check"_s, u"--tenant"_s, kTenant, u"--client-id"_s, kClient, u"--cloud"_s, u"mars"_s}
                                       << u"--cloud"_s;
        QTest::newRow("half a custom endpoint") << QStringList{u"check"_s, u"--tenant"_s, kTenant, u"--client-id"_s, kClient, u"--authority-url"_s, u"https://login.example.com"_s}
                                                << u"--graph-url"_s;
        QTest::newRow("http not on loopback") << QStringList{u"check"_s, u"--tenant"_s, kTenant, u"--client-id"_s, kClient,
                                                             u"--authority-url"_s, u"http://login.example.com"_s, u"--graph-url"_s, u"http://graph.example.com"_s}
                                              << u"--authority-url"_s;
        QTest::newRow("two connections") << QStringList{u"check"_s, u"--demo"_s, u"--profile"_s, u"x"_s} << u"only one"_s;
        QTest::newRow("missing secret") << QStringList{u"check"_s, u"--tenant"_s, kTenant, u"--client-id"_s, kClient}
                                        << u"COPILOT_LEDGER_CLIENT_SECRET"_s;
        QTest::newRow("missing secret, empty stdin") << QStringList{u"export"_s, u"--tenant"_s, kTenant, u"--client-id"_s, kClient, u"--secret-stdin"_s,
                                                                    u"--from"_s, u"2026-01-01"_s, u"--to"_s, u"2026-02-01"_s, u"--out"_s, u"OUT"_s}
                                                     << u"--secret-stdin"_s;
        QTest::newRow("unknown profile") << (QStringList{u"export"_s, u"--profile"_s, u"No Such Profile"_s, u"--from"_s, u"2026-01-01"_s,
                                                         u"--to"_s, u"2026-02-01"_s, u"--out"_s, u"OUT"_s})
                                         << u"No Such Profile"_s;
        QTest::newRow("demo option without demo") << QStringList{u"check"_s, u"--tenant"_s, kTenant, u"--client-id"_s, kClient, u"--demo-faults"_s}
                                                  << u"--demo"_s;
        QTest::newRow("check with export option") << QStringList{u"check"_s, u"--demo"_s, u"--from"_s, u"2026-01-01"_s}
                                                  << u"--from"_s;
    }

    void badInput()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, expected);
        CliRunner cli;
        const QString work = tempDir();
        const QString out = work + u"/out"_s;
        // FULLDIR: an existing, non-empty folder; AFILE: a regular file (nothing below it can be created).
        QDir().mkpath(work + u"/full"_s);
        QFile f(work + u"/full/keep.txt"_s);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("x");
        f.close();
        QFile af(work + u"/afile"_s);
        QVERIFY(af.open(QIODevice::WriteOnly));
        af.close();
        for (QString &a : args) {
            a.replace(u"FULLDIR"_s, work + u"/full"_s);
            a.replace(u"AFILE"_s, work + u"/afile"_s);
            a.replace(u"HOME"_s, work);
            if (a == u"OUT")
                a = out;
        }
        const CliResult r = cli.run(args);
        QVERIFY2(!r.crashed && !r.timedOut, qPrintable(r.err));
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(expected), qPrintable(u"stderr: "_s + r.err));
        QVERIFY2(r.out.isEmpty(), qPrintable(r.out));
        QVERIFY2(cli.filesWritten().isEmpty(), qPrintable(cli.filesWritten().join(u'\n')));
        QVERIFY(!QFileInfo::exists(out));
        QCOMPARE(QDir(work + u"/full"_s).entryList(QDir::Files).size(), 1);
    }

    void unknownAppListsValidNames()
    {
        CliRunner cli;
        const CliResult r = cli.run({u"export"_s, u"--demo"_s, u"--from"_s, u"2026-01-01"_s, u"--to"_s, u"2026-02-01"_s,
                                     u"--app"_s, u"Paint"_s, u"--out"_s, tempDir() + u"/o"_s});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(u"Word"_s) && r.err.contains(u"Teams"_s), qPrintable(r.err));
    }

    void missingSecretNamesAllThreeWays()
    {
        CliRunner cli;
        const CliResult r = cli.run({u"check"_s, u"--tenant"_s, kTenant, u"--client-id"_s, kClient});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(u"keychain"_s));
        QVERIFY(r.err.contains(u"COPILOT_LEDGER_CLIENT_SECRET"_s));
        QVERIFY(r.err.contains(u"--secret-stdin"_s));
    }
};

QTEST_GUILESS_MAIN(CliUsageTest)
#include "tst_cli_usage.moc"
