// `export` keeps personal data private and bounded: files 0600 and folders 0700 from creation,
// --force never writes through a symbolic link or into a non-regular file, a dangling --out is
// refused before the sync, --timeout ends a run with exit 1 and what was done, and text from a
// server never carries the client secret to the terminal or a scheduler log.
#include "CliRunner.h"
#include "FakeGraphServer.h"

#include <QFile>
#include <QFileInfo>
#include <QSignalSpy>
#include <QTest>
#include <QUrl>

using namespace ledger::test;
using namespace Qt::StringLiterals;

namespace {
const QStringList kDemo{u"--demo"_s, u"--demo-users"_s, u"6"_s, u"--demo-interactions"_s, u"60"_s, u"--demo-days"_s, u"30"_s};

QStringList exportArgs(const QString &out, const QStringList &extra = {})
{
    return QStringList{u"export"_s} + kDemo
        + QStringList{u"--from"_s, u"2026-01-01"_s, u"--to"_s, u"2027-01-01"_s, u"--out"_s, out, u"--rate"_s, u"500"_s} + extra;
}

QString report(const CliResult &r) { return u"exit %1\n"_s.arg(r.exitCode) + r.out + r.err; }

constexpr QFile::Permissions kFile0600 = QFile::ReadOwner | QFile::WriteOwner | QFile::ReadUser | QFile::WriteUser;
constexpr QFile::Permissions kDir0700 = kFile0600 | QFile::ExeOwner | QFile::ExeUser;
} // namespace

class CliHardeningTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        LEDGER_CLI_TEST_INIT();
    }

    void filesArePrivate()
    {
#ifndef Q_OS_UNIX
        QSKIP("POSIX permissions (Windows: the files inherit the folder's ACLs)");
#endif
        CliRunner cli;
        // An archive folder that already exists with 0755 is tightened too.
        const QString archiveDir = cli.dataHome() + u"/lax"_s;
        QVERIFY(QDir().mkpath(archiveDir));
        QVERIFY(QFile::setPermissions(archiveDir, kDir0700 | QFile::ReadGroup | QFile::ExeGroup | QFile::ReadOther | QFile::ExeOther));
        const QString out = tempDir() + u"/export"_s;
        const CliResult r = cli.run(exportArgs(out, {u"--archive"_s, archiveDir + u"/a.sqlite"_s}));
        QVERIFY2(r.exitCode == 0, qPrintable(report(r)));
        QCOMPARE(QFileInfo(out).permissions(), kDir0700);
        const QStringList files = QDir(out).entryList(QDir::Files);
        QCOMPARE(files.size(), 8);   // the eight files of an export folder
        for (const QString &f : files)
            QVERIFY2(QFileInfo(out + u'/' + f).permissions() == kFile0600, qPrintable(f));
        QCOMPARE(QFileInfo(archiveDir).permissions(), kDir0700);
        for (const QString &f : QDir(archiveDir).entryList(QDir::Files))
            QVERIFY2(QFileInfo(archiveDir + u'/' + f).permissions() == kFile0600, qPrintable(f));
        // Every file the run left anywhere below HOME (default archive folder, settings, demo
        // archive) is private too.
        for (const QString &f : cli.filesWritten())
            QVERIFY2((QFileInfo(f).permissions() & (QFile::ReadGroup | QFile::ReadOther | QFile::WriteGroup | QFile::WriteOther)) == 0,
                     qPrintable(f));
    }

    void forceNeverWritesThroughALink()
    {
#ifndef Q_OS_UNIX
        QSKIP("symbolic links need privileges on Windows");
#endif
        const QString base = tempDir();
        const QString out = base + u"/out"_s;
        QVERIFY(QDir().mkpath(out));
        const QString victim = base + u"/outside.txt"_s;
        QFile v(victim);
        QVERIFY(v.open(QIODevice::WriteOnly));
        v.write("precious");
        v.close();
        QVERIFY(QFile::link(victim, out + u"/prompts.csv"_s));
        CliRunner cli;
        CliResult r = cli.run(exportArgs(out, {u"--force"_s}));
        QVERIFY2(r.exitCode == 2, qPrintable(report(r)));
        QVERIFY2(r.err.contains(u"symbolic link"_s), qPrintable(r.err));
        QCOMPARE(readFile(victim), QByteArray("precious"));
        QCOMPARE(QDir(out).entryList(QDir::Files | QDir::System), QStringList{u"prompts.csv"_s});
        QVERIFY2(!QDir(cli.dataHome()).exists(), "refused before any archive was opened");

        // A FIFO among our names is refused as well (writing into it would block the run).
        const QString out2 = base + u"/out2"_s;
        QVERIFY(QDir().mkpath(out2));
        QCOMPARE(QProcess::execute(u"mkfifo"_s, {out2 + u"/users.csv"_s}), 0);
        r = cli.run(exportArgs(out2, {u"--force"_s}));
        QVERIFY2(r.exitCode == 2, qPrintable(report(r)));
        QVERIFY2(r.err.contains(u"not a regular file"_s), qPrintable(r.err));
    }

    void danglingOutIsRefusedBeforeTheSync()
    {
#ifndef Q_OS_UNIX
        QSKIP("symbolic links need privileges on Windows");
#endif
        const QString base = tempDir();
        const QString out = base + u"/dangling"_s;
        QVERIFY(QFile::link(base + u"/nowhere"_s, out));
        CliRunner cli;
        const CliResult r = cli.run(exportArgs(out));
        QVERIFY2(r.exitCode == 2, qPrintable(report(r)));
        QVERIFY2(r.err.contains(u"does not exist"_s), qPrintable(r.err));
        QVERIFY(!r.err.contains(u"Syncing"_s));
        QVERIFY(!QFileInfo::exists(base + u"/nowhere"_s));
        QVERIFY2(!QDir(cli.dataHome()).exists(), "refused before any archive was opened");
    }

    void timeoutEndsTheRun()
    {
        CliRunner cli;
        const QString out = tempDir() + u"/slow"_s;
        const CliResult r = cli.run(exportArgs(out, {u"--demo-latency-ms"_s, u"1500"_s, u"--timeout"_s, u"2s"_s}), {}, 60000);
        QVERIFY(!r.timedOut);
        QVERIFY2(r.exitCode == 1, qPrintable(report(r)));
        QVERIFY2(r.err.contains(u"Stopped by --timeout 2s"_s), qPrintable(r.err));
        QVERIFY2(r.err.contains(u"users done"_s) || r.err.contains(u"before the sync started"_s), qPrintable(r.err));
        QVERIFY(!QFileInfo::exists(out + u"/prompts.csv"_s));
    }

    void timeoutSyntax_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<bool>("valid");
        QTest::newRow("seconds") << u"90s"_s << true;
        QTest::newRow("minutes") << u"30m"_s << true;
        QTest::newRow("hours") << u"2h"_s << true;
        QTest::newRow("no unit") << u"90"_s << false;
        QTest::newRow("zero") << u"0s"_s << false;
        QTest::newRow("negative") << u"-5m"_s << false;
        QTest::newRow("fraction") << u"1.5h"_s << false;
        QTest::newRow("too long") << u"200h"_s << false;
        QTest::newRow("word") << u"soon"_s << false;
    }
    void timeoutSyntax()
    {
        QFETCH(QString, value);
        QFETCH(bool, valid);
        if (valid)
            return;   // valid values run a whole export: covered by timeoutEndsTheRun
        CliRunner cli;
        const CliResult r = cli.run(exportArgs(tempDir() + u"/t"_s, {u"--timeout"_s, value}));
        QVERIFY2(r.exitCode == 2, qPrintable(report(r)));
        QVERIFY2(r.err.contains(u"--timeout needs a duration"_s), qPrintable(r.err));
    }

    void echoedSecretNeverPrinted()
    {
        // A custom authority (or a proxy in front of it) that echoes the token request — the
        // form body with the percent-encoded secret — in its error_description.
        const QString secret = u"Sup3r~Secret+Value/With&Specials="_s;
        FakeGraphServer server;
        server.setHandler([](const FakeRequest &req) {
            return FakeResponse::json(401, QJsonObject{{u"error"_s, u"invalid_client"_s},
                                                       {u"error_description"_s, QString(u"AADSTS7000215: echo "_s
                                                            + QString::fromLatin1(req.body)
                                                            + u" decoded "_s + QUrl::fromPercentEncoding(req.body))}});
        });
        CliRunner cli;
        cli.setEnv(u"COPILOT_LEDGER_CLIENT_SECRET"_s, secret);
        const QString base = server.baseUrl().toString();
        QProcess p;
        cli.prepare(p, {u"export"_s, u"--tenant"_s, u"11111111-2222-3333-4444-555555555555"_s, u"--client-id"_s,
                        u"aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee"_s, u"--authority-url"_s, base, u"--graph-url"_s, base,
                        u"--from"_s, u"2026-01-01"_s, u"--to"_s, u"2026-02-01"_s, u"--out"_s, tempDir() + u"/o"_s});
        QSignalSpy finished(&p, &QProcess::finished);
        p.start();
        QVERIFY(finished.wait(60000));
        const QString out = QString::fromUtf8(p.readAllStandardOutput());
        const QString err = QString::fromUtf8(p.readAllStandardError());
        QVERIFY2(p.exitCode() == 3, qPrintable(out + err));
        QVERIFY(!server.requests.isEmpty());
        QVERIFY2(server.requests.first().body.contains(QUrl::toPercentEncoding(secret)), "the request did carry it");
        const QString encoded = QString::fromLatin1(QUrl::toPercentEncoding(secret));
        for (const QString &text : {out, err}) {
            QVERIFY2(!text.contains(secret), qPrintable(text));
            QVERIFY2(!text.contains(encoded, Qt::CaseInsensitive), qPrintable(text));
        }
        QVERIFY2(err.contains(u"client_id="_s), qPrintable(err));   // the echo itself is shown, scrubbed
    }
};

QTEST_GUILESS_MAIN(CliHardeningTest)
#include "tst_cli_hardening.moc"
