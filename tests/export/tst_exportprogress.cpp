// Progress and cancel of the single-CSV exports ("Export view to CSV…") and of the folder export:
// progress starts at (0, total), never goes back, ends at (total, total) with
// total = the rows written; a cancel mid-way leaves no file, and a file already at that path
// keeps its bytes. Cancels are deterministic: the flag is set from the progress callback.
#include "app/export/Exporter.h"
#include "StrictCsv.h"
#include "Fixtures.h"
#include "TestSupport.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace ledger;
using namespace Qt::StringLiterals;

namespace {

constexpr int kUsers = 100;
constexpr int kSessionsPerUser = 4;   // one turn each: 400 sessions, 400 turns, 800 interactions

QByteArray rawItem(const QString &id, const QString &session, const QString &request, bool prompt, const QDateTime &when)
{
    QJsonObject o = test::interactionJson(id, session, request, u"IPM.SkypeTeams.Message.Copilot.Word"_s,
                                          prompt ? u"userPrompt"_s : u"aiResponse"_s, when, u"text"_s,
                                          prompt ? u"Summarise the plan "_s + id : u"The plan, in short"_s);
    o.insert(u"conversationType"_s, u"appchat"_s);
    return test::compactJson(o);
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

struct Call {
    qint64 done, total;
};

enum Kind { Prompts, Sessions, Users };

} // namespace

class TestExportProgress : public QObject {
    Q_OBJECT
    Archive m_archive;

    bool exportCsv(Kind kind, const QString &path, QString *error, const Exporter::Progress &progress,
                   const std::atomic_bool *cancel, bool *cancelled)
    {
        Exporter ex(m_archive);
        switch (kind) {
        case Prompts: return ex.exportPromptsCsv({}, path, error, true, progress, cancel, cancelled);
        case Sessions: return ex.exportSessionsCsv({}, path, error, true, progress, cancel, cancelled);
        case Users: return ex.exportUsersCsv({}, path, error, true, progress, cancel, cancelled);
        }
        return false;
    }

    static qint64 expectedRows(Kind kind)
    {
        return kind == Users ? kUsers : qint64(kUsers) * kSessionsPerUser;
    }

    static void addKinds()
    {
        QTest::addColumn<int>("kind");
        QTest::newRow("prompts") << int(Prompts);
        QTest::newRow("sessions") << int(Sessions);
        QTest::newRow("users") << int(Users);
    }

private slots:
    void initTestCase()
    {
        test::isolateEnvironment();
        QVERIFY(m_archive.open(test::tempDir() + u"/progress.sqlite"_s));
        QList<User> users;
        QList<Interaction> items;
        const QDateTime base(QDate(2026, 3, 2), QTime(9, 0), Qt::UTC);
        for (int u = 0; u < kUsers; ++u) {
            User user;
            user.id = u"user-%1"_s.arg(u, 3, 10, QChar(u'0'));
            user.displayName = u"User %1"_s.arg(u);
            user.userPrincipalName = user.id + u"@contoso.example"_s;
            user.userType = u"Member"_s;
            users << user;
            for (int s = 0; s < kSessionsPerUser; ++s) {
                const QString n = u"%1-%2"_s.arg(u).arg(s);
                const QDateTime when = base.addSecs(u * 3600 + s * 60);
                items << Interaction::fromRaw(user.id, rawItem(u"p"_s + n, u"s"_s + n, u"r"_s + n, true, when));
                items << Interaction::fromRaw(user.id, rawItem(u"a"_s + n, u"s"_s + n, u"r"_s + n, false, when.addSecs(3)));
            }
        }
        QVERIFY(m_archive.writer().upsertUsers(users));
        QCOMPARE(m_archive.writer().insertInteractions(items), int(items.size()));
        for (const User &user : std::as_const(users)) {
            SyncState st;
            st.userId = user.id;
            st.status = UserStatus::Ok;
            QVERIFY(m_archive.writer().setSyncState(st));
        }
    }

    void init() { Exporter::setProgressIntervalForTesting(0); }   // a call every 64 rows
    void cleanupTestCase() { Exporter::setProgressIntervalForTesting(100); }

    void rowCounts()
    {
        Exporter ex(m_archive);
        QCOMPARE(ex.promptsRows({}), expectedRows(Prompts));
        QCOMPARE(ex.sessionsRows({}), expectedRows(Sessions));
        QCOMPARE(ex.usersRows({}), expectedRows(Users));
    }

    void progressIsMonotonicAndEndsAtTotal_data() { addKinds(); }
    void progressIsMonotonicAndEndsAtTotal()
    {
        QFETCH(int, kind);
        const QString path = test::tempDir() + u"/view.csv"_s;
        QList<Call> calls;
        QString error;
        bool cancelled = true;
        QVERIFY2(exportCsv(Kind(kind), path, &error, [&](qint64 d, qint64 t) { calls.append({d, t}); }, nullptr, &cancelled),
                 qPrintable(error));
        QVERIFY(!cancelled);
        const qint64 rows = expectedRows(Kind(kind));
        QList<QStringList> parsed;
        QVERIFY2(test::parseStrictCsv(ledger::test::readFile(path), &parsed, &error), qPrintable(error));
        QCOMPARE(qint64(parsed.size() - 1), rows);

        QVERIFY(calls.size() >= 3);                 // start, at least one mid-way, end
        QCOMPARE(calls.first().done, qint64(0));
        QCOMPARE(calls.last().done, rows);
        for (qsizetype i = 0; i < calls.size(); ++i) {
            QCOMPARE(calls.at(i).total, rows);
            QVERIFY(calls.at(i).done <= calls.at(i).total);
            if (i > 0)
                QVERIFY2(calls.at(i).done >= calls.at(i - 1).done, "progress went back");
        }
        QVERIFY(calls.at(1).done > 0 && calls.at(1).done < rows);   // a real mid-way report
    }

    void cancelMidwayLeavesNoFile_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<bool>("existing");
        const std::pair<const char *, Kind> kinds[] = {{"prompts", Prompts}, {"sessions", Sessions}, {"users", Users}};
        for (const auto &[name, kind] : kinds) {
            QTest::addRow("%s, new file", name) << int(kind) << false;
            QTest::addRow("%s, existing file", name) << int(kind) << true;
        }
    }
    void cancelMidwayLeavesNoFile()
    {
        QFETCH(int, kind);
        QFETCH(bool, existing);
        const QString dir = test::tempDir();
        const QString path = dir + u"/view.csv"_s;
        const QByteArray old("an auditor's earlier file\r\n");
        if (existing)
            QVERIFY(writeFile(path, old));
        std::atomic_bool cancel{false};
        qint64 cancelledAt = -1, lastDone = -1;
        int callsAfterCancel = 0;
        QString error;
        bool cancelled = false;
        const bool ok = exportCsv(Kind(kind), path, &error, [&](qint64 d, qint64) {
            if (cancel)
                ++callsAfterCancel;
            lastDone = d;
            if (d > 0 && !cancel) {   // the first mid-way report: rows are already in the temporary file
                cancelledAt = d;
                cancel = true;
            }
        }, &cancel, &cancelled);
        QVERIFY(!ok);
        QVERIFY(cancelled);
        QVERIFY(error.contains(u"cancelled"_s));
        QVERIFY(cancelledAt > 0 && cancelledAt < expectedRows(Kind(kind)));
        QCOMPARE(callsAfterCancel, 0);            // stopped before the next row: no end report
        QCOMPARE(lastDone, cancelledAt);
        if (existing)
            QCOMPARE(ledger::test::readFile(path), old);          // untouched
        else
            QVERIFY(!QFile::exists(path));
        // No temporary file either.
        QCOMPARE(QDir(dir).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden),
                 existing ? QStringList{u"view.csv"_s} : QStringList());
    }

    void cancelBeforeStart()
    {
        const QString dir = test::tempDir();
        std::atomic_bool cancel{true};
        bool cancelled = false;
        QString error;
        QVERIFY(!exportCsv(Sessions, dir + u"/s.csv"_s, &error, {}, &cancel, &cancelled));
        QVERIFY(cancelled);
        QCOMPARE(QDir(dir).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden), QStringList());
    }

    void failureIsNotCancel()
    {
        bool cancelled = true;
        QString error;
        QVERIFY(!exportCsv(Prompts, test::tempDir() + u"/no/such/dir/p.csv"_s, &error, {}, nullptr, &cancelled));
        QVERIFY(!cancelled);
        QVERIFY(error.contains(u"Cannot write"_s));
    }

    void folderProgressAndCancel()
    {
        Exporter ex(m_archive);
        // Progress: monotonic, ends at total = every row and line written.
        ExportRequest req;
        req.outDir = test::tempDir() + u"/folder"_s;
        QList<Call> calls;
        ExportResult r = ex.exportFolder(req, [&](qint64 d, qint64 t) { calls.append({d, t}); });
        QVERIFY2(r.ok, qPrintable(r.error));
        const qint64 total = r.prompts + r.sessions + r.users + r.interactions;
        QCOMPARE(total, qint64(400 + 400 + 100 + 800));
        QVERIFY(calls.size() > 3);
        QCOMPARE(calls.first().done, qint64(0));
        QCOMPARE(calls.last().done, total);
        for (qsizetype i = 1; i < calls.size(); ++i) {
            QCOMPARE(calls.at(i).total, total);
            QVERIFY(calls.at(i).done >= calls.at(i - 1).done);
        }

        // Cancel mid-way (in interactions.jsonl, the last file) into a folder with an older
        // export (--force): every old file keeps its bytes, nothing is added.
        req.force = true;
        const QByteArray oldPrompts = ledger::test::readFile(req.outDir + u"/prompts.csv"_s);
        const QByteArray oldSums = ledger::test::readFile(req.outDir + u"/SHA256SUMS"_s);
        QVERIFY(writeFile(req.outDir + u"/notes.txt"_s, "keep"));
        const QStringList before = QDir(req.outDir).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden);
        std::atomic_bool cancel{false};
        r = ex.exportFolder(req, [&](qint64 d, qint64) {
            if (d > 1000)
                cancel = true;
        }, &cancel);
        QVERIFY(!r.ok);
        QVERIFY(r.cancelled);
        QVERIFY(r.files.isEmpty());
        QCOMPARE(QDir(req.outDir).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden), before);
        QCOMPARE(ledger::test::readFile(req.outDir + u"/prompts.csv"_s), oldPrompts);
        QCOMPARE(ledger::test::readFile(req.outDir + u"/SHA256SUMS"_s), oldSums);
    }
};

QTEST_GUILESS_MAIN(TestExportProgress)
#include "tst_exportprogress.moc"
