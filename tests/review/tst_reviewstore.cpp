// Review records survive re-syncs; the activity log detects each kind of tampering.
#include "SqlFile.h"
#include "TestSupport.h"
#include "app/archive/ActivityLog.h"
#include "app/archive/Archive.h"
#include "app/review/ReviewStore.h"

#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>
#include <QTimeZone>

using namespace ledger;
using namespace ledger::test;
using namespace Qt::StringLiterals;

namespace {

Interaction make(const QString &id, InteractionType type, const QString &session, qint64 minute)
{
    Interaction i;
    i.userId = u"u1"_s;
    i.id = id;
    i.sessionId = session;
    i.requestId = u"q"_s + id.mid(1);
    i.type = type;
    i.appClass = u"IPM.SkypeTeams.Message.Copilot.Teams"_s;
    i.created = QDateTime(QDate(2025, 3, 3), QTime(9, 0), Qt::UTC).addSecs(minute * 60);
    i.bodyText = u"text "_s + id;
    i.raw = "{\"id\":\"" + id.toUtf8() + "\"}";
    return i;
}

// Runs SQL on the archive file through a connection of its own, as a tamperer would.
void tamper(const QString &path, const QStringList &statements)
{
    QString error;
    QVERIFY2(test::execSql(path, statements, &error), qPrintable(error));
}

} // namespace

class TestReviewStore : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { isolateEnvironment(); }

    void resyncKeepsReviews()
    {
        const QString path = tempDir() + u"/resync.sqlite"_s;
        Archive a;
        QVERIFY(a.open(path));
        QCOMPARE(a.schemaVersion(), Archive::kSchemaVersion);
        QVERIFY(a.writer().insertInteractions({make(u"p1"_s, InteractionType::UserPrompt, u"s1"_s, 0),
                                      make(u"r1"_s, InteractionType::AiResponse, u"s1"_s, 1)}) == 2);
        const QList<TurnRow> turns = a.reader().turns({});
        QCOMPARE(turns.size(), 1);
        ReviewStore store(a);
        const ReviewRef ref = ReviewStore::turnRef(turns.first());
        QCOMPARE(ref.itemId, u"p1"_s);
        QVERIFY(store.setStatus(ref, ReviewStatus::Flagged));
        QVERIFY(store.setNote(ref, u"check with legal"_s));
        QVERIFY(store.addToCase(ref, u"Case A"_s));
        // The same interactions again, then a new one in the same session (the turns are rebuilt).
        QCOMPARE(a.writer().insertInteractions({make(u"p1"_s, InteractionType::UserPrompt, u"s1"_s, 0),
                                       make(u"r1"_s, InteractionType::AiResponse, u"s1"_s, 1)}), 0);
        QCOMPARE(a.writer().insertInteractions({make(u"p2"_s, InteractionType::UserPrompt, u"s1"_s, 5)}), 1);
        a.close();
        QVERIFY(a.open(path));
        ReviewStore again(a);
        const ReviewRecord r = again.record(ref);
        QCOMPARE(r.status, ReviewStatus::Flagged);
        QCOMPARE(r.note, u"check with legal"_s);
        QCOMPARE(r.cases, QStringList{u"Case A"_s});
        QCOMPARE(again.turnKeys({ref}).size(), 1);
        int rows = 0;
        QVERIFY(again.forEachReviewedTurn({}, [&](const ReviewStore::ExportRow &row) {
            ++rows;
            return row.interactionId == u"p1"_s;
        }));
        QCOMPARE(rows, 1);
        const ActivityVerification v = ActivityLog::verify(a);
        QVERIFY2(v.ok, qPrintable(v.message));
        QCOMPARE(v.entries, 4);   // status, case created, case added, note
        if (const QString keep = qEnvironmentVariable("LEDGER_TEST_KEEP_ARCHIVE"); !keep.isEmpty()) {
            a.close();
            QFile::remove(keep);
            QVERIFY(QFile::copy(path, keep));   // for checking the documented Python verifier by hand
        }
    }

    // A schema-2 archive (the tables and version an archive of the previous release has) is
    // upgraded in place: its interactions are kept and the review tables appear, empty.
    void migratesVersion2()
    {
        const QString path = tempDir() + u"/v2.sqlite"_s;
        {
            Archive a;
            QVERIFY(a.open(path));
            QVERIFY(a.writer().insertInteractions({make(u"p1"_s, InteractionType::UserPrompt, u"s1"_s, 0)}) == 1);
        }
        tamper(path, {u"DROP TABLE review_items"_s, u"DROP TABLE review_cases"_s, u"DROP TABLE review_item_cases"_s,
                      u"DROP TABLE review_samples"_s, u"DROP TABLE review_sample_items"_s, u"DROP TABLE activity_log"_s,
                      u"DROP INDEX ix_turns_prompt_id"_s, u"DROP INDEX ix_turns_response_id"_s,
                      u"PRAGMA user_version = 2"_s});
        Archive a;
        QString error;
        QVERIFY2(a.open(path, &error), qPrintable(error));
        QCOMPARE(a.schemaVersion(), Archive::kSchemaVersion);
        QCOMPARE(a.reader().countInteractions({}), qint64(1));
        ReviewStore store(a);
        const ReviewRef ref = ReviewStore::turnRef(a.reader().turns({}).value(0));
        QVERIFY(store.setStatus(ref, ReviewStatus::Escalated));
        QCOMPARE(store.record(ref).status, ReviewStatus::Escalated);
        QVERIFY(ActivityLog::verify(a).ok);
    }

    void tampering_data()
    {
        QTest::addColumn<QStringList>("sql");
        QTest::addColumn<qint64>("firstBad");
        const QString drop = u"DROP TRIGGER activity_log_no_update"_s, dropDel = u"DROP TRIGGER activity_log_no_delete"_s;
        QTest::newRow("edited entry") << QStringList{drop, u"UPDATE activity_log SET details = '{\"case\":\"B\"}' WHERE seq = 2"_s} << qint64(2);
        QTest::newRow("edited hash") << QStringList{drop, u"UPDATE activity_log SET hash = '"_s + QString(64, u'a') + u"' WHERE seq = 3"_s} << qint64(3);
        QTest::newRow("deleted entry") << QStringList{dropDel, u"DELETE FROM activity_log WHERE seq = 2"_s} << qint64(2);   // the missing entry is named
        QTest::newRow("deleted newest") << QStringList{dropDel, u"DELETE FROM activity_log WHERE seq = 4"_s} << qint64(4);
        QTest::newRow("reordered") << QStringList{drop, u"UPDATE activity_log SET seq = 100 WHERE seq = 2"_s,
                                                  u"UPDATE activity_log SET seq = 2 WHERE seq = 3"_s,
                                                  u"UPDATE activity_log SET seq = 3 WHERE seq = 100"_s} << qint64(2);
    }
    void tampering()
    {
        QFETCH(QStringList, sql);
        QFETCH(qint64, firstBad);
        const QString path = tempDir() + u"/tamper-"_s + QString::fromLatin1(QTest::currentDataTag()).replace(u' ', u'-') + u".sqlite"_s;
        {
            Archive a;
            QVERIFY(a.open(path));
            for (int k = 1; k <= 4; ++k)
                QVERIFY(!ActivityLog::append(a, u"case.created"_s, {{u"case"_s, u"C%1"_s.arg(k)}}).isEmpty());
            QVERIFY(ActivityLog::verify(a).ok);
            // Append-only through SQLite as long as the triggers are there.
            QSqlQuery q(QSqlDatabase::database(a.connectionName()));
            QVERIFY(!q.exec(u"DELETE FROM activity_log WHERE seq = 1"_s));
        }
        tamper(path, sql);
        Archive a;
        QVERIFY(a.open(path));
        const ActivityVerification v = ActivityLog::verify(a);
        QVERIFY(!v.ok);
        QCOMPARE(v.firstBadSeq, firstBad);
        QVERIFY(v.message.contains(QString::number(firstBad)));
    }
};

QTEST_GUILESS_MAIN(TestReviewStore)
#include "tst_reviewstore.moc"
