// Archive findings (schema v5): computed when interactions are stored (once: a second sync of
// the same items adds none), ranges into the stored text, counts in the Prompts / Sessions /
// Users rows and sorting by them, the Findings filter, watchlist changes and the background
// rescan, the upgrade of an archive made before findings existed.
#include "app/archive/Archive.h"
#include "app/detect/Finding.h"
#include "Fixtures.h"
#include "SqlFile.h"
#include "TestSupport.h"

#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>

using namespace ledger;
using namespace Qt::StringLiterals;

namespace {

const test::FixtureClock at{2025, 3, QTime(10, 0)};

Interaction make(const QString &user, const QString &id, const QString &session, const QString &request,
                 const QString &type, const QDateTime &when, const QString &text)
{
    return test::interactionOf(user, test::interactionJson(id, session, request, u"IPM.SkypeTeams.Message.Copilot.BizChat"_s,
                                                           type, when, u"text"_s, text));
}

User user(const QString &id)
{
    return test::makeUser(id, id, id + u"@contoso.example"_s);
}

QList<Interaction> sample()
{
    return {
        make(u"alice"_s, u"a1"_s, u"s1"_s, u"r1"_s, u"userPrompt"_s, at(1), u"Book it on card 4111 1111 1111 1111 for Contoso"_s),
        make(u"alice"_s, u"a2"_s, u"s1"_s, u"r1"_s, u"aiResponse"_s, at(1, 1), u"Done. Never share 4111111111111111."_s),
        make(u"alice"_s, u"a3"_s, u"s2"_s, u"r2"_s, u"userPrompt"_s, at(2), u"Summarize the budget"_s),
        make(u"bob"_s, u"b1"_s, u"s3"_s, u"r3"_s, u"userPrompt"_s, at(3), u"Pay IBAN DE89 3704 0044 0532 0130 00 today"_s),
        make(u"bob"_s, u"b2"_s, u"s3"_s, u"r3"_s, u"aiResponse"_s, at(3, 1), u"Order 4111111111111112 is on its way"_s),
    };
}

} // namespace

class TestArchiveFindings : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { test::isolateEnvironment(); }

    void storedOnInsert()
    {
        Archive a;
        QVERIFY(a.open(test::tempDir() + u"/f.sqlite"_s));
        QCOMPARE(a.schemaVersion(), Archive::kSchemaVersion);
        QVERIFY(a.writer().upsertUsers({user(u"alice"_s), user(u"bob"_s), user(u"carol"_s)}));
        QCOMPARE(a.writer().insertInteractions(sample()), 5);
        QCOMPARE(a.findings().countFindings({}), qint64(3));
        // A second sync of the same items stores nothing new, and no findings twice.
        QCOMPARE(a.writer().insertInteractions(sample()), 0);
        QCOMPARE(a.findings().countFindings({}), qint64(3));

        const QList<detect::Finding> f = a.findings().interactionFindings(u"alice"_s, u"a1"_s);
        QCOMPARE(f.size(), 1);
        QCOMPARE(f.at(0).detector, u"credit_card"_s);
        QCOMPARE(f.at(0).location, detect::FindingLocation::Prompt);
        QCOMPARE(f.at(0).match, u"4111111111111111"_s);
        QCOMPARE(u"Book it on card 4111 1111 1111 1111 for Contoso"_s.mid(f.at(0).start, f.at(0).length),
                 u"4111 1111 1111 1111"_s);
        QCOMPARE(a.findings().interactionFindings(u"alice"_s, u"a2"_s).at(0).location, detect::FindingLocation::Response);

        QList<FindingRow> rows;
        QVERIFY(a.findings().forEachFinding({}, [&](const FindingRow &r) { rows << r; return true; }));
        QCOMPARE(rows.size(), 3);
        QCOMPARE(rows.at(0).interactionId, u"a1"_s);
        QCOMPARE(rows.at(0).userPrincipalName, u"alice@contoso.example"_s);
        QCOMPARE(rows.at(0).kind, u"sensitive"_s);
        QCOMPARE(rows.at(2).detector, u"iban"_s);
        QCOMPARE(rows.at(2).match, u"DE89370400440532013000"_s);
        QCOMPARE(rows.at(2).created, at(3));

        // Counts in the rows of the three views, and sorting by them.
        const QList<TurnRow> turns = a.reader().turns({}, {TurnRow::Findings, Qt::DescendingOrder});
        QCOMPARE(turns.first().findingCount, 2);   // prompt + response of alice's first turn
        QCOMPARE(turns.last().findingCount, 0);
        const QList<SessionRow> sessions = a.reader().sessions({}, {SessionRow::Findings, Qt::DescendingOrder});
        QCOMPARE(sessions.first().sessionId, u"s1"_s);
        QCOMPARE(sessions.first().findingCount, 2);
        const QList<UserRow> users = a.reader().users({}, {UserRow::Findings, Qt::DescendingOrder});
        QCOMPARE(users.at(0).user.id, u"alice"_s);
        QCOMPARE(users.at(0).findingCount, qint64(2));
        QCOMPARE(users.at(1).findingCount, qint64(1));
        QCOMPARE(users.at(2).findingCount, qint64(0));
        const QList<UserRow> byKeys = a.reader().usersByKeys({}, a.reader().rowKeys(ArchiveView::Users, {}, {UserRow::Findings, Qt::DescendingOrder}));
        QCOMPARE(byKeys.at(0).findingCount, qint64(2));

        // The Findings filter.
        ArchiveFilter any;
        any.findings = u"any"_s;
        QCOMPARE(a.reader().countTurns(any), qint64(2));
        QCOMPARE(a.reader().countSessions(any), qint64(2));
        QCOMPARE(a.reader().countUsers(any), qint64(2));
        QCOMPARE(a.reader().countInteractions(any), qint64(3));
        ArchiveFilter card;
        card.findings = u"sensitive:credit_card"_s;
        QCOMPARE(a.reader().countTurns(card), qint64(1));
        QCOMPARE(a.reader().countUsers(card), qint64(1));
        QCOMPARE(a.findings().countFindings(card), qint64(2));
        ArchiveFilter hostile;
        hostile.findings = u"sensitive:x') OR 1=1 --"_s;   // a name, never SQL
        QCOMPARE(a.reader().countTurns(hostile), qint64(0));
        ArchiveFilter bogus;
        bogus.findings = u"something"_s;
        QCOMPARE(a.reader().countTurns(bogus), qint64(0));
    }

    void watchlistChangeAndRescan()
    {
        const QString path = test::tempDir() + u"/w.sqlite"_s;
        Archive a;
        QVERIFY(a.open(path));
        QCOMPARE(a.writer().insertInteractions(sample()), 5);
        // A new archive has nothing to rescan once its (empty) state is recorded.
        QVERIFY(a.findings().rescan(a.findings().rescanNeeded()));
        QCOMPARE(a.findings().rescanNeeded(), int(FindingsStore::RescanNone));

        QVERIFY(a.findings().saveWatchlists({test::watchlist(u"Customers"_s, u"Contoso\n"_s)}));
        QCOMPARE(a.findings().rescanNeeded(), int(FindingsStore::RescanWatchlists));
        ArchiveFilter wl;
        wl.findings = u"watchlist:Customers"_s;
        QCOMPARE(a.findings().countFindings(wl), qint64(0));   // not yet rescanned
        QList<QPair<qint64, qint64>> progress;
        QVERIFY(a.findings().rescan(FindingsStore::RescanWatchlists, {}, [&](qint64 d, qint64 t) { progress << qMakePair(d, t); }));
        QCOMPARE(progress.last(), qMakePair(qint64(5), qint64(5)));
        QCOMPARE(a.findings().countFindings(wl), qint64(1));
        QCOMPARE(a.findings().countFindings({}), qint64(4));    // the sensitive ones untouched
        QCOMPARE(a.findings().rescanNeeded(), int(FindingsStore::RescanNone));
        QCOMPARE(a.findings().watchlistNames(), QStringList{u"Customers"_s});

        // New interactions are scanned with the lists at once.
        QCOMPARE(a.writer().insertInteractions({make(u"carol"_s, u"c1"_s, u"s9"_s, u"r9"_s, u"userPrompt"_s, at(5), u"contoso renewal"_s)}), 1);
        QCOMPARE(a.findings().countFindings(wl), qint64(2));

        // Another connection (the sync's, the rescan thread's) reads the stored lists on open.
        Archive b;
        QVERIFY(b.open(path));
        QCOMPARE(b.findings().watchlists().size(), 1);
        QCOMPARE(b.findings().rescanNeeded(), int(FindingsStore::RescanNone));

        // Replacing the list replaces its findings on rescan (none left of the old one).
        QVERIFY(a.findings().saveWatchlists({test::watchlist(u"Projects"_s, u"budget\n"_s)}));
        QVERIFY(a.findings().rescan(a.findings().rescanNeeded()));
        QCOMPARE(a.findings().countFindings(wl), qint64(0));
        ArchiveFilter projects;
        projects.findings = u"watchlist"_s;
        QCOMPARE(a.findings().countFindings(projects), qint64(1));
        QCOMPARE(a.findings().countFindings({}), qint64(4));
        // A cancelled rescan leaves it marked as needed.
        a.findings().setWatchlists({test::watchlist(u"Other"_s, u"pay\n"_s)});
        QVERIFY(!a.findings().rescan(FindingsStore::RescanWatchlists, [] { return true; }));
        QCOMPARE(a.findings().rescanNeeded(), int(FindingsStore::RescanWatchlists));
    }

    void rescanOverManyBatchesMatchesIngest_data()
    {
        QTest::addColumn<bool>("sequential");
        QTest::newRow("pipelined") << false;
        QTest::newRow("sequential") << true;
    }
    // More than two rescan batches (4,000 interactions each, the last one partial): the
    // pipelined rescan stores exactly the findings that storing the interactions computed.
    void rescanOverManyBatchesMatchesIngest()
    {
        QFETCH(bool, sequential);
        Archive a;
        QVERIFY(a.open(test::tempDir() + u"/many-%1.sqlite"_s.arg(sequential)));
        a.findings().setWatchlists({test::watchlist(u"Projects"_s, u"Falcon\n"_s)});
        QList<Interaction> items;
        for (int k = 0; k < 9500; ++k) {
            const QString text = k % 7 == 0 ? u"card 4111 1111 1111 1111 for Falcon"_s
                               : k % 11 == 0 ? u"Falcon again"_s : u"nothing here %1"_s.arg(k);
            items << make(u"u%1"_s.arg(k % 13), u"i%1"_s.arg(k), u"s%1"_s.arg(k / 3), u"r%1"_s.arg(k), u"userPrompt"_s,
                          at(1, k % 50), text);
        }
        QCOMPARE(a.writer().insertInteractions(items), 9500);
        const auto snapshot = [&a] {
            QStringList rows;
            a.findings().forEachFinding({}, [&rows](const FindingRow &r) {
                rows << r.interactionId + u' ' + r.kind + u' ' + r.detector + u' ' + QString::number(r.start);
                return true;
            });
            rows.sort();
            return rows;
        };
        const QStringList before = snapshot();
        QCOMPARE(before.size(), 1358 * 2 + (864 - 124));   // card + Falcon every 7th; Falcon every 11th (not 77th)
        FindingsStore::setSequentialRescanForBenchmark(sequential);
        QList<qint64> progress;
        QVERIFY(a.findings().rescan(FindingsStore::RescanSensitive | FindingsStore::RescanWatchlists, {},
                                 [&](qint64 d, qint64) { progress << d; }));
        FindingsStore::setSequentialRescanForBenchmark(false);
        QCOMPARE(snapshot(), before);
        QCOMPARE(progress.first(), qint64(0));
        QCOMPARE(progress.last(), qint64(9500));
        QVERIFY(progress.size() >= 4);   // 0, three batches, the end
        // Cancelled half-way: stops, nothing lost beyond what it recomputes again next time.
        int calls = 0;
        QVERIFY(!a.findings().rescan(FindingsStore::RescanWatchlists, [&calls] { return ++calls > 2; }));
        QVERIFY(a.findings().rescan(FindingsStore::RescanWatchlists));
        QCOMPARE(snapshot(), before);
    }

    void upgradeFromArchiveWithoutFindings()
    {
        const QString path = test::tempDir() + u"/old.sqlite"_s;
        {
            Archive a;
            QVERIFY(a.open(path));
            QCOMPARE(a.writer().insertInteractions(sample()), 5);
        }
        QString error;
        QVERIFY2(test::execSql(path,
                               {u"DROP TABLE findings"_s, u"DROP TABLE watchlists"_s,
                                u"DELETE FROM meta WHERE key LIKE 'findings_%'"_s, u"PRAGMA user_version = 2"_s},
                               &error),
                 qPrintable(error));
        Archive a;
        QVERIFY2(a.open(path, &error), qPrintable(error));
        QCOMPARE(a.schemaVersion(), Archive::kSchemaVersion);
        QCOMPARE(a.reader().countInteractions({}), qint64(5));
        QCOMPARE(a.findings().countFindings({}), qint64(0));
        QVERIFY(a.findings().rescanNeeded() & FindingsStore::RescanSensitive);
        QVERIFY(a.findings().rescan(a.findings().rescanNeeded()));
        QCOMPARE(a.findings().countFindings({}), qint64(3));
        QCOMPARE(a.findings().rescanNeeded(), int(FindingsStore::RescanNone));
    }
};

QTEST_GUILESS_MAIN(TestArchiveFindings)
#include "tst_archivefindings.moc"
