// Exporter: the export folder of docs/EXPORT-FORMAT.md — files, headers, rows, JSONL, manifest, SHA256SUMS,
// refusal of non-empty folders, atomicity on failure and cancel, export log.
#include "app/export/Exporter.h"
#include "Fixtures.h"
#include "StrictCsv.h"
#include "TestSupport.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QStandardPaths>
#include <QTest>

using namespace ledger;
using namespace Qt::StringLiterals;

namespace {

const test::FixtureClock at{2025, 3, QTime(8, 30)};

QByteArray rawItem(const QString &id, const QString &session, const QString &request, const QString &type,
                   const QDateTime &when, const QString &content, const QString &app)
{
    QJsonObject o = test::interactionJson(id, session, request, u"IPM.SkypeTeams.Message.Copilot."_s + app, type,
                                          when, u"html"_s, content);
    o.insert(u"conversationType"_s, u"appchat"_s);
    o.insert(u"locale"_s, u"en-us"_s);
    o.insert(u"links"_s, QJsonArray{QJsonObject{{u"displayName"_s, u"Plan"_s}, {u"linkUrl"_s, u"https://contoso.example/plan"_s}}});
    return test::compactJson(o);
}

} // namespace

class TestExporter : public QObject {
    Q_OBJECT
    Archive m_archive;
    QList<Interaction> m_items;

    ExportRequest request(const QString &dir) const
    {
        ExportRequest r;
        r.outDir = dir;
        r.tenant = u"contoso.onmicrosoft.com"_s;
        r.clientId = u"11111111-2222-3333-4444-555555555555"_s;
        return r;
    }

private slots:
    void initTestCase()
    {
        test::isolateEnvironment();
        QVERIFY(m_archive.open(test::tempDir() + u"/export.sqlite"_s));
        User alice = test::makeUser(u"alice-id"_s, u"Alice, \"Ali\" Adams"_s, u"alice@contoso.example"_s);
        alice.department = u"=Finance"_s;
        alice.userType = u"Member"_s;
        User bob = test::sameAs(alice, u"bob-id"_s, u"Bob 中文"_s, u"bob@contoso.example"_s);
        bob.accountEnabled = false;
        const User carol = test::sameAs(alice, u"carol-id"_s, u"Carol Never Synced"_s, u"carol@contoso.example"_s);
        const User dave = test::sameAs(carol, u"dave-id"_s, u"Dave NoLicence"_s, u"dave@contoso.example"_s);
        QVERIFY(m_archive.writer().upsertUsers({alice, bob, carol, dave}));
        m_items = {
            Interaction::fromRaw(u"alice-id"_s, rawItem(u"p1"_s, u"s1"_s, u"r1"_s, u"userPrompt"_s, at(1), u"<p>=cmd|' /C calc'!A0</p>"_s, u"Word"_s)),
            Interaction::fromRaw(u"alice-id"_s, rawItem(u"a1"_s, u"s1"_s, u"r1"_s, u"aiResponse"_s, at(1, 1), u"<p>Line one</p><p>Line, \"two\"</p>"_s, u"Word"_s)),
            Interaction::fromRaw(u"alice-id"_s, rawItem(u"a2"_s, u"s1"_s, u"r1"_s, u"aiResponse"_s, at(1, 2), u"More 😀"_s, u"Word"_s)),
            Interaction::fromRaw(u"bob-id"_s, rawItem(u"o1"_s, u"s9"_s, u"r9"_s, u"aiResponse"_s, at(2), u"orphan"_s, u"BizChat"_s)),
            Interaction::fromRaw(u"bob-id"_s, rawItem(u"p9"_s, u"s9"_s, u"r10"_s, u"userPrompt"_s, at(2, 5), u"no answer"_s, u"BizChat"_s)),
        };
        QCOMPARE(m_archive.writer().insertInteractions(m_items), 5);
        QVERIFY(m_archive.writer().setSyncState(test::syncState(u"alice-id"_s, UserStatus::Ok)));
        QVERIFY(m_archive.writer().setSyncState(test::syncState(u"bob-id"_s, UserStatus::Failed, u"503"_s)));
        // dave's state keeps the last error of bob's, as it always has in this fixture.
        QVERIFY(m_archive.writer().setSyncState(test::syncState(u"dave-id"_s, UserStatus::NotLicensed, u"503"_s)));
    }

    void cleanup() { Exporter::setFailCommitAtForTesting(-1); }

    void fullExport()
    {
        const QString dir = test::tempDir() + u"/out"_s;
        Exporter ex(m_archive);
        qint64 lastDone = -1, lastTotal = -1;
        const ExportResult r = ex.exportFolder(request(dir), [&](qint64 d, qint64 t) { lastDone = d; lastTotal = t; });
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(r.files.size(), 8);
        QCOMPARE(lastDone, lastTotal);
        QCOMPARE(r.prompts, qint64(3));
        QCOMPARE(r.sessions, qint64(2));
        QCOMPARE(r.users, qint64(3));   // carol never synced: left out
        QCOMPARE(r.interactions, qint64(5));
        QStringList names = QDir(dir).entryList(QDir::Files);
        names.sort();
        QStringList expected = Exporter::fileNames();
        expected.sort();
        QCOMPARE(names, expected);

        // prompts.csv
        QList<QStringList> rows;
        QString error;
        QVERIFY2(test::parseStrictCsv(ledger::test::readFile(dir + u"/prompts.csv"_s), &rows, &error), qPrintable(error));
        QCOMPARE(rows.size(), 4);
        QCOMPARE(rows.at(0).join(u','), u"user_id,user_principal_name,user_display_name,session_id,request_id,app,app_class,conversation_type,prompt_id,prompt_created_utc,prompt_text,response_id,response_created_utc,response_text,attachments,links,contexts,locale"_s);
        const QStringList &p = rows.at(1);
        QCOMPARE(p.size(), 18);
        QCOMPARE(p.at(0), u"alice-id"_s);
        QCOMPARE(p.at(2), u"Alice, \"Ali\" Adams"_s);
        QCOMPARE(p.at(5), u"Word"_s);
        QCOMPARE(p.at(6), u"IPM.SkypeTeams.Message.Copilot.Word"_s);
        QCOMPARE(p.at(8), u"p1"_s);
        QCOMPARE(p.at(9), u"2025-03-01T08:30:00.000Z"_s);
        QCOMPARE(p.at(10), u"'=cmd|' /C calc'!A0"_s);   // formula guard
        QCOMPARE(p.at(11), u"a1"_s);
        QCOMPARE(p.at(12), u"2025-03-01T08:31:00.000Z"_s);
        QCOMPARE(p.at(13), u"Line one\nLine, \"two\"\n\nMore 😀"_s);
        QCOMPARE(p.at(15), u"Plan <https://contoso.example/plan>"_s);
        QCOMPARE(p.at(17), u"en-us"_s);
        QCOMPARE(rows.at(2).at(5), u"Copilot Chat"_s);
        QVERIFY(rows.at(2).at(8).isEmpty());     // orphan response: empty prompt fields
        QVERIFY(rows.at(2).at(9).isEmpty());
        QCOMPARE(rows.at(2).at(11), u"o1"_s);
        QCOMPARE(rows.at(3).at(8), u"p9"_s);     // prompt without response
        QVERIFY(rows.at(3).at(11).isEmpty());
        QVERIFY(rows.at(3).at(12).isEmpty());

        // sessions.csv
        QVERIFY2(test::parseStrictCsv(ledger::test::readFile(dir + u"/sessions.csv"_s), &rows, &error), qPrintable(error));
        QCOMPARE(rows.size(), 3);
        QCOMPARE(rows.at(0).join(u','), u"user_id,user_principal_name,user_display_name,session_id,app,app_class,started_utc,ended_utc,prompt_count,response_count,first_prompt"_s);
        QCOMPARE(rows.at(1), (QStringList{u"alice-id"_s, u"alice@contoso.example"_s, u"Alice, \"Ali\" Adams"_s, u"s1"_s, u"Word"_s,
                                          u"IPM.SkypeTeams.Message.Copilot.Word"_s, u"2025-03-01T08:30:00.000Z"_s,
                                          u"2025-03-01T08:32:00.000Z"_s, u"1"_s, u"2"_s, u"'=cmd|' /C calc'!A0"_s}));

        // users.csv
        QVERIFY2(test::parseStrictCsv(ledger::test::readFile(dir + u"/users.csv"_s), &rows, &error), qPrintable(error));
        QCOMPARE(rows.size(), 4);
        QCOMPARE(rows.at(0).join(u','), u"user_id,display_name,user_principal_name,mail,department,job_title,account_enabled,user_type,status,interaction_count,session_count,first_activity_utc,last_activity_utc,status_reason,deleted,deleted_utc"_s);
        QCOMPARE(rows.at(1).at(0), u"alice-id"_s);
        QCOMPARE(rows.at(1).at(4), u"'=Finance"_s);
        QCOMPARE(rows.at(1).at(8), u"ok"_s);
        QCOMPARE(rows.at(1).at(9), u"3"_s);
        QCOMPARE(rows.at(1).at(10), u"1"_s);
        QCOMPARE(rows.at(1).at(11), u"2025-03-01T08:30:00.000Z"_s);
        QCOMPARE(rows.at(1).at(12), u"2025-03-01T08:32:00.000Z"_s);
        QCOMPARE(rows.at(2).at(6), u"false"_s);
        QCOMPARE(rows.at(2).at(8), u"failed"_s);
        QCOMPARE(rows.at(3).at(8), u"not_licensed"_s);
        QCOMPARE(rows.at(3).at(9), u"0"_s);

        // interactions.jsonl: raw bytes exactly as stored, one per line
        const QByteArray jsonl = ledger::test::readFile(dir + u"/interactions.jsonl"_s);
        QVERIFY(jsonl.endsWith('\n'));
        QVERIFY(!jsonl.contains('\r'));
        const QList<QByteArray> lines = jsonl.trimmed().split('\n');
        QCOMPARE(lines.size(), 5);
        for (const QByteArray &line : lines) {
            const QJsonObject o = QJsonDocument::fromJson(line).object();
            QVERIFY(!o.value(u"user_id"_s).toString().isEmpty());
            QVERIFY(o.value(u"interaction"_s).isObject());
        }
        bool found = false;
        for (const Interaction &i : m_items)
            found = found || lines.at(0) == "{\"user_id\":\"alice-id\",\"interaction\":" + i.raw + "}";
        QVERIFY(found);

        // export.json
        const QJsonObject m = QJsonDocument::fromJson(ledger::test::readFile(dir + u"/export.json"_s)).object();
        QCOMPARE(m.value(u"tenant"_s).toString(), u"contoso.onmicrosoft.com"_s);
        QCOMPARE(m.value(u"client_id"_s).toString(), u"11111111-2222-3333-4444-555555555555"_s);
        QCOMPARE(m.value(u"row_counts"_s).toObject().value(u"prompts.csv"_s).toInt(), 3);
        QCOMPARE(m.value(u"row_counts"_s).toObject().value(u"interactions.jsonl"_s).toInt(), 5);
        QCOMPARE(m.value(u"users_never_synced"_s).toInt(), 1);
        QCOMPARE(m.value(u"format_version"_s).toInt(), 1);
        QVERIFY(m.value(u"exported_at"_s).toString().endsWith(u'Z'));
        QCOMPARE(m.value(u"files"_s).toArray().size(), 7);

        // SHA256SUMS: recompute, then sha256sum -c when available
        const QList<QByteArray> sums = ledger::test::readFile(dir + u"/SHA256SUMS"_s).trimmed().split('\n');
        QCOMPARE(sums.size(), 7);   // every file but SHA256SUMS
        for (const QByteArray &line : sums) {
            const qsizetype sep = line.indexOf("  ");
            QVERIFY(sep == 64);
            const QString name = QString::fromUtf8(line.mid(sep + 2));
            QVERIFY(name != u"SHA256SUMS"_s);
            QCOMPARE(line.left(64), QCryptographicHash::hash(ledger::test::readFile(dir + u"/"_s + name), QCryptographicHash::Sha256).toHex());
        }
        const QString sha = QStandardPaths::findExecutable(u"sha256sum"_s);
        if (!sha.isEmpty()) {
            QProcess proc;
            proc.setWorkingDirectory(dir);
            proc.start(sha, {u"-c"_s, u"--strict"_s, u"SHA256SUMS"_s});
            QVERIFY(proc.waitForFinished(30000));
            QCOMPARE(proc.exitCode(), 0);
        }

        // python's csv module reads every CSV
        const QString python = QStandardPaths::findExecutable(u"python3"_s);
        if (!python.isEmpty()) {
            QProcess proc;
            proc.start(python, {u"-c"_s, u"import csv,sys\nfor f,n,c in (('prompts.csv',4,18),('sessions.csv',3,11),('users.csv',4,16)):\n"
                                          "  rows=list(csv.reader(open(sys.argv[1]+'/'+f,encoding='utf-8-sig',newline='')))\n"
                                          "  assert len(rows)==n and all(len(r)==c for r in rows), f\nprint('ok')"_s, dir});
            QVERIFY(proc.waitForFinished(30000));
            QCOMPARE(proc.readAllStandardOutput().trimmed(), QByteArray("ok"));
        }

        // recorded in the export log
        const QList<ExportLogEntry> log = m_archive.exportLog().entries();
        QVERIFY(!log.isEmpty());
        QCOMPARE(log.last().folder, QDir(dir).absolutePath());
        QVERIFY(log.last().sha256.contains(u"prompts.csv"_s));
    }

    void filteredExport()
    {
        const QString dir = test::tempDir() + u"/filtered"_s;
        ExportRequest r = request(dir);
        r.filter.appClasses = {u"IPM.SkypeTeams.Message.Copilot.BizChat"_s};
        r.filter.text = u"orph*"_s;   // a word prefix (a plain word is a whole word)
        Exporter ex(m_archive);
        const ExportResult res = ex.exportFolder(r);
        QVERIFY2(res.ok, qPrintable(res.error));
        QCOMPARE(res.prompts, qint64(1));
        QCOMPARE(res.interactions, qint64(1));
        const QJsonObject m = QJsonDocument::fromJson(ledger::test::readFile(dir + u"/export.json"_s)).object();
        QCOMPARE(m.value(u"app_filter"_s).toObject().value(u"names"_s).toArray().first().toString(), u"Copilot Chat"_s);
    }

    void refusesNonEmptyFolder()
    {
        const QString dir = test::tempDir() + u"/busy"_s;
        QVERIFY(QDir().mkpath(dir));
        QFile other(dir + u"/notes.txt"_s);
        QVERIFY(other.open(QIODevice::WriteOnly));
        other.write("keep me");
        other.close();
        Exporter ex(m_archive);
        ExportResult r = ex.exportFolder(request(dir));
        QVERIFY(!r.ok);
        QVERIFY(r.error.contains(u"not empty"_s));
        QCOMPARE(QDir(dir).entryList(QDir::Files), QStringList{u"notes.txt"_s});
        ExportRequest force = request(dir);
        force.force = true;
        r = ex.exportFolder(force);
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(QDir(dir).entryList(QDir::Files).size(), 9);   // the eight files and notes.txt
        QCOMPARE(ledger::test::readFile(dir + u"/notes.txt"_s), QByteArray("keep me"));
        r = ex.exportFolder(force);   // replacing our own files again is fine
        QVERIFY(r.ok);
    }

    void failureLeavesNothing_data()
    {
        QTest::addColumn<int>("failAt");
        QTest::newRow("first file") << 0;
        QTest::newRow("mid-way") << 3;
        QTest::newRow("last file") << 5;
    }
    void failureLeavesNothing()
    {
        QFETCH(int, failAt);
        const QString parent = test::tempDir();
        const QString dir = parent + u"/fail"_s;
        Exporter::setFailCommitAtForTesting(failAt);
        Exporter ex(m_archive);
        const ExportResult r = ex.exportFolder(request(dir));
        QVERIFY(!r.ok);
        QVERIFY(!r.error.isEmpty());
        QVERIFY(!QDir(dir).exists());   // the folder this run created is gone too
        QCOMPARE(QDir(parent).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden), QStringList());
    }

    void unwritableTarget()
    {
        // A path below a regular file can never be created.
        const QString base = test::tempDir();
        QFile blocker(base + u"/file"_s);
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        Exporter ex(m_archive);
        ExportResult r = ex.exportFolder(request(base + u"/file/sub"_s));
        QVERIFY(!r.ok);
        QVERIFY(r.error.contains(u"Cannot create"_s));
        // One of our names taken by a folder: refused before anything is written.
        const QString dir = base + u"/taken"_s;
        QVERIFY(QDir().mkpath(dir + u"/users.csv"_s));
        ExportRequest force = request(dir);
        force.force = true;
        r = ex.exportFolder(force);
        QVERIFY(!r.ok);
        QCOMPARE(QDir(dir).entryList(QDir::Files), QStringList());
    }

    void cancelLeavesNothing()
    {
        const QString dir = test::tempDir() + u"/cancel"_s;
        std::atomic_bool cancel{true};
        Exporter ex(m_archive);
        const ExportResult r = ex.exportFolder(request(dir), {}, &cancel);
        QVERIFY(!r.ok);
        QVERIFY(r.cancelled);
        QVERIFY(!QDir(dir).exists());
    }

    void singleCsvFiles()
    {
        const QString dir = test::tempDir();
        Exporter ex(m_archive);
        QString error;
        QVERIFY(ex.exportPromptsCsv({}, dir + u"/p.csv"_s, &error));
        QVERIFY(ex.exportSessionsCsv({}, dir + u"/s.csv"_s, &error));
        QVERIFY(ex.exportUsersCsv({}, dir + u"/u.csv"_s, &error, false));
        QList<QStringList> rows;
        QVERIFY(test::parseStrictCsv(ledger::test::readFile(dir + u"/p.csv"_s), &rows, &error));
        QCOMPARE(rows.size(), 4);
        QVERIFY(test::parseStrictCsv(ledger::test::readFile(dir + u"/u.csv"_s), &rows, &error));
        QCOMPARE(rows.at(1).at(4), u"=Finance"_s);   // guard off
        QVERIFY(!ex.exportPromptsCsv({}, dir + u"/missing/dir/p.csv"_s, &error));
        QVERIFY(!error.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestExporter)
#include "tst_exporter.moc"
