// Archive: insert/de-dup, derived sessions/turns, filters, sorting, paging, FTS and its LIKE
// fallback, sync state, migrations, forgetAll, permissions.
#include "app/archive/Archive.h"
#include "Fixtures.h"
#include "SqlFile.h"
#include "TestSupport.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QThread>
#include <atomic>

using namespace ledger;
using namespace Qt::StringLiterals;

namespace {

const QString kWord = u"IPM.SkypeTeams.Message.Copilot.Word"_s;
const QString kTeams = u"IPM.SkypeTeams.Message.Copilot.Teams"_s;
const QString kBizChat = u"IPM.SkypeTeams.Message.Copilot.BizChat"_s;

const test::FixtureClock at{2025, 1, QTime(9, 0)};

QJsonValue orNull(const QString &s)
{
    return s.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(s);
}

Interaction make(const QString &user, const QString &id, const QString &session, const QString &request,
                 const QString &type, const QDateTime &when, const QString &text, const QString &app = kWord)
{
    QJsonObject o = test::interactionJson(id, orNull(session), orNull(request), app, type, when, u"html"_s,
                                          QString(u"<p>"_s + text + u"</p>"_s));
    o.insert(u"conversationType"_s, u"appchat"_s);
    o.insert(u"locale"_s, u"en-us"_s);
    return test::interactionOf(user, o);
}

User user(const QString &id, const QString &name)
{
    User u = test::makeUser(id, name, id + u"@contoso.example"_s);
    u.userType = u"Member"_s;
    return u;
}

// Three users; alice has two Word sessions and one Teams session, bob one BizChat session with an
// orphan response and a prompt without response, carol nothing.
QList<Interaction> sample()
{
    return {
        make(u"alice"_s, u"a1"_s, u"s1"_s, u"r1"_s, u"userPrompt"_s, at(2), u"Summarize the quarterly budget"_s),
        make(u"alice"_s, u"a2"_s, u"s1"_s, u"r1"_s, u"aiResponse"_s, at(2, 1), u"The budget grew by 4 percent"_s),
        make(u"alice"_s, u"a3"_s, u"s1"_s, u"r2"_s, u"userPrompt"_s, at(2, 2), u"Draft an email to finance"_s),
        make(u"alice"_s, u"a4"_s, u"s1"_s, u"r2"_s, u"aiResponse"_s, at(2, 3), u"Dear finance team"_s),
        make(u"alice"_s, u"a5"_s, u"s1"_s, u"r2"_s, u"aiResponse"_s, at(2, 4), u"Second draft"_s),
        make(u"alice"_s, u"a6"_s, u"s2"_s, u"r3"_s, u"userPrompt"_s, at(5), u"Meeting recap please"_s, kTeams),
        make(u"alice"_s, u"a7"_s, u"s2"_s, u"r3"_s, u"aiResponse"_s, at(5, 1), u"Recap: roadmap discussed"_s, kTeams),
        make(u"bob"_s, u"b1"_s, u"t1"_s, u"q1"_s, u"aiResponse"_s, at(3), u"Orphan answer about holidays"_s, kBizChat),
        make(u"bob"_s, u"b2"_s, u"t1"_s, u"q2"_s, u"userPrompt"_s, at(3, 5), u"Unanswered question"_s, kBizChat),
        make(u"bob"_s, u"b3"_s, QString(), QString(), u"userPrompt"_s, at(4), u"No session prompt"_s, kBizChat),
    };
}

} // namespace

class TestArchive : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { test::isolateEnvironment(); }

    void cleanup() { Archive::setFullTextSearchDisabledForTesting(false); }

    void defaultPathUnderAppData()
    {
        const QString p = Archive::defaultPath(u"prof1"_s);
        QVERIFY(p.endsWith(u"/archives/prof1.sqlite"_s));
    }

    void insertAndDeduplicate()
    {
        Archive a;
        const QString path = test::tempDir() + u"/a.sqlite"_s;
        QString error;
        QVERIFY2(a.open(path, &error), qPrintable(error));
        QCOMPARE(a.schemaVersion(), Archive::kSchemaVersion);
        QVERIFY(a.writer().upsertUsers({user(u"alice"_s, u"Alice Adams"_s), user(u"bob"_s, u"Bob Brown"_s), user(u"carol"_s, u"Carol Clark"_s)}));
        const QList<Interaction> items = sample();
        QCOMPARE(a.writer().insertInteractions(items), items.size());
        QCOMPARE(a.writer().insertInteractions(items), 0);
        QCOMPARE(a.reader().countInteractions({}), qint64(items.size()));
        QCOMPARE(a.reader().countUsers({}), qint64(3));
        // sessions: alice s1, s2; bob t1, null-session b3
        QCOMPARE(a.reader().countSessions({}), qint64(4));
        // turns: r1, r2, r3, q1 (orphan), q2 (no response), b3 (own turn)
        QCOMPARE(a.reader().countTurns({}), qint64(6));
    }

    void derivedRowsFollowRules()
    {
        Archive a;
        QVERIFY(a.open(test::tempDir() + u"/b.sqlite"_s));
        a.writer().upsertUsers({user(u"alice"_s, u"Alice Adams"_s), user(u"bob"_s, u"Bob Brown"_s)});
        QVERIFY(a.writer().insertInteractions(sample()) > 0);
        const QList<TurnRow> turns = a.reader().turns({}, {TurnRow::Time, Qt::AscendingOrder});
        QCOMPARE(turns.size(), 6);
        QCOMPARE(turns.at(0).promptId, u"a1"_s);
        QCOMPARE(turns.at(0).responseId, u"a2"_s);
        QCOMPARE(turns.at(0).userDisplayName, u"Alice Adams"_s);
        QCOMPARE(turns.at(1).promptId, u"a3"_s);
        QCOMPARE(turns.at(1).responseId, u"a4"_s);
        QCOMPARE(turns.at(1).responseText, u"Dear finance team\n\nSecond draft"_s);
        QCOMPARE(turns.at(2).promptId, QString());        // orphan response b1
        QCOMPARE(turns.at(2).responseId, u"b1"_s);
        QCOMPARE(turns.at(3).promptId, u"b2"_s);
        QVERIFY(turns.at(3).responseId.isEmpty());
        QCOMPARE(turns.at(4).promptId, u"b3"_s);
        QVERIFY(turns.at(4).sessionId.isEmpty());

        // A late response to r2 arrives in a later batch: the turn is rebuilt, not duplicated.
        QCOMPARE(a.writer().insertInteractions({make(u"alice"_s, u"a8"_s, u"s1"_s, u"r1"_s, u"aiResponse"_s, at(2, 9), u"Late addition"_s)}), 1);
        QCOMPARE(a.reader().countTurns({}), qint64(6));
        qint64 total = 0;
        for (const DayActivity &d : a.reader().activityByDay({}))
            total += d.count;
        QCOMPARE(total, qint64(11));
        const QList<TurnRow> again = a.reader().turns({}, {TurnRow::Time, Qt::AscendingOrder}, 0, 1);
        QCOMPARE(again.size(), 1);
        QCOMPARE(again.at(0).responseText, u"The budget grew by 4 percent\n\nLate addition"_s);
        const QList<SessionRow> s = a.reader().sessions({}, {SessionRow::Started, Qt::AscendingOrder});
        QCOMPARE(s.size(), 4);
        QCOMPARE(s.at(0).sessionId, u"s1"_s);
        QCOMPARE(s.at(0).promptCount, 2);
        QCOMPARE(s.at(0).responseCount, 4);
        QCOMPARE(s.at(0).started, at(2));
        QCOMPARE(s.at(0).ended, at(2, 9));
        QCOMPARE(s.at(0).firstPrompt, u"Summarize the quarterly budget"_s);

        const QList<Interaction> conv = a.reader().sessionInteractions(u"alice"_s, u"s1"_s);
        QCOMPARE(conv.size(), 6);
        QCOMPARE(conv.first().id, u"a1"_s);
        QCOMPARE(conv.first().json.value(u"id"_s).toString(), u"a1"_s);
        const QList<Interaction> lone = a.reader().sessionInteractions(u"bob"_s, u"#b3"_s);
        QCOMPARE(lone.size(), 1);
    }

    void filtersAndSorting_data() { test::addFullTextSearchRows(); }
    void filtersAndSorting()
    {
        QFETCH(bool, fts);
        Archive::setFullTextSearchDisabledForTesting(!fts);
        Archive a;
        QVERIFY(a.open(test::tempDir() + u"/c.sqlite"_s));
        QCOMPARE(a.hasFullTextSearch(), fts);
        a.writer().upsertUsers({user(u"alice"_s, u"Alice Adams"_s), user(u"bob"_s, u"Bob Brown"_s), user(u"carol"_s, u"Carol Clark"_s)});
        QVERIFY(a.writer().insertInteractions(sample()) > 0);

        ArchiveFilter text;
        text.text = u"budg"_s;   // a whole word: no "budget" (the LIKE fallback matches anywhere)
        QCOMPARE(a.reader().countTurns(text), fts ? qint64(0) : qint64(1));
        text.text = u"budg*"_s;  // prefix
        QCOMPARE(a.reader().countTurns(text), qint64(1));
        QCOMPARE(a.reader().countSessions(text), qint64(1));
        QCOMPARE(a.reader().countUsers(text), qint64(1));
        QCOMPARE(a.reader().countInteractions(text), qint64(2));
        text.text = u"budget percent"_s;   // every word must match
        QCOMPARE(a.reader().countTurns(text), qint64(1));
        text.text = u"budget holidays"_s;
        QCOMPARE(a.reader().countTurns(text), qint64(0));
        // Hostile input is quoted, never an FTS syntax error.
        text.text = u"quarterly-budget"_s;   // split into tokens like the index
        QCOMPARE(a.reader().countTurns(text), qint64(1));
        for (const QString &hostile : {u"\"unbalanced"_s, u"e-mail"_s, u"***"_s, u"x\"y\"z"_s, u"AND OR NOT"_s, u"a* (b"_s, u"col:x"_s, u"'; DROP TABLE turns; --"_s, u"NEAR(x y)"_s}) {
            text.text = hostile;
            QVERIFY2(a.reader().countTurns(text) >= 0, qPrintable(hostile));
            QVERIFY2(a.reader().countSessions(text) >= 0, qPrintable(hostile));
            QVERIFY2(a.reader().countUsers(text) >= 0, qPrintable(hostile));
            QVERIFY2(a.reader().countInteractions(text) >= 0, qPrintable(hostile));
            QVERIFY(a.lastError().isEmpty() || !a.lastError().contains(u"fts5"_s));
        }
        QCOMPARE(a.reader().countTurns({}), qint64(6));

        ArchiveFilter apps;
        apps.appClasses = {kTeams};
        QCOMPARE(a.reader().countTurns(apps), qint64(1));
        QCOMPARE(a.reader().countSessions(apps), qint64(1));
        QCOMPARE(a.reader().countInteractions(apps), qint64(2));

        ArchiveFilter range;
        range.from = at(3);
        range.to = at(5);
        QCOMPARE(a.reader().countTurns(range), qint64(3));   // q1, q2, b3
        QCOMPARE(a.reader().countInteractions(range), qint64(3));
        const QList<UserRow> inRange = a.reader().users(range, {UserRow::Name, Qt::AscendingOrder});
        QCOMPARE(inRange.size(), 3);   // users are all listed; counts are within the range
        QCOMPARE(inRange.at(0).user.id, u"alice"_s);
        QCOMPARE(inRange.at(0).interactionCount, qint64(0));
        QCOMPARE(inRange.at(1).interactionCount, qint64(3));

        ArchiveFilter who;
        who.userIds = {u"bob"_s};
        QCOMPARE(a.reader().countTurns(who), qint64(3));
        QCOMPARE(a.reader().countSessions(who), qint64(2));

        // sort + paging
        const QList<UserRow> byCount = a.reader().users({}, {UserRow::Interactions, Qt::DescendingOrder});
        QCOMPARE(byCount.size(), 3);
        QCOMPARE(byCount.at(0).user.id, u"alice"_s);
        QCOMPARE(byCount.at(0).interactionCount, qint64(7));
        QCOMPARE(byCount.at(0).sessionCount, qint64(2));
        QCOMPARE(byCount.at(0).firstActivity, at(2));
        QCOMPARE(byCount.at(0).lastActivity, at(5, 1));
        QCOMPARE(byCount.at(2).user.id, u"carol"_s);
        const QList<TurnRow> desc = a.reader().turns({}, {TurnRow::Time, Qt::DescendingOrder}, 1, 2);
        QCOMPARE(desc.size(), 2);
        QCOMPARE(desc.at(0).promptId, u"b3"_s);
        QCOMPARE(desc.at(1).promptId, u"b2"_s);
        // Pages put together equal the whole sorted list, for every column and order.
        for (int column = 0; column < TurnRow::ColumnCount; ++column) {
            for (Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
                auto key = [](const TurnRow &t) -> QString { return t.promptId + u'/' + t.responseId; };
                QStringList whole, paged;
                for (const TurnRow &t : a.reader().turns({}, {column, order}))
                    whole << key(t);
                for (int offset = 0; offset < 8; offset += 4)
                    for (const TurnRow &t : a.reader().turns({}, {column, order}, offset, 4))
                        paged << key(t);
                QCOMPARE(paged, whole);
            }
        }
        for (int column = 0; column < SessionRow::ColumnCount; ++column) {
            for (Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
                QStringList whole, paged;
                for (const SessionRow &r : a.reader().sessions({}, {column, order}))
                    whole << r.sessionKey;
                for (int offset = 0; offset < 6; offset += 3)
                    for (const SessionRow &r : a.reader().sessions({}, {column, order}, offset, 3))
                        paged << r.sessionKey;
                QCOMPARE(paged, whole);
            }
        }
        const QList<SessionRow> byUser = a.reader().sessions({}, {SessionRow::User, Qt::DescendingOrder});
        QCOMPARE(byUser.first().userId, u"bob"_s);

        // statuses
        SyncState st;
        st.userId = u"bob"_s;
        st.status = UserStatus::NotLicensed;
        QVERIFY(a.writer().setSyncState(st));
        ArchiveFilter statuses;
        statuses.statuses = {UserStatus::NotLicensed};
        QCOMPARE(a.reader().countUsers(statuses), qint64(1));
        statuses.statuses = {UserStatus::Unknown};
        QCOMPARE(a.reader().countUsers(statuses), qint64(2));

        // charts
        const QList<DayActivity> days = a.reader().activityByDay({});
        qint64 total = 0;
        for (const DayActivity &d : days)
            total += d.count;
        QCOMPARE(total, qint64(10));
        QCOMPARE(days.first().day, QDate(2025, 1, 2));
        const QList<UserActivity> top = a.reader().topUsers({}, 1);
        QCOMPARE(top.size(), 1);
        QCOMPARE(top.first().userId, u"alice"_s);
        QCOMPARE(top.first().displayName, u"Alice Adams"_s);

        // day-aligned ranges use the per-day summary: same answers
        ArchiveFilter days2;
        days2.from = QDateTime(QDate(2025, 1, 3), QTime(0, 0), Qt::UTC);
        days2.to = QDateTime(QDate(2025, 1, 5), QTime(0, 0), Qt::UTC);
        qint64 inDays = 0;
        for (const DayActivity &d : a.reader().activityByDay(days2))
            inDays += d.count;
        QCOMPARE(inDays, qint64(3));
        QCOMPARE(a.reader().topUsers(days2, 5).size(), 1);
        QCOMPARE(a.reader().topUsers(days2, 5).first().count, qint64(3));
        const QList<UserRow> alignedUsers = a.reader().users(days2, {UserRow::Name, Qt::AscendingOrder});
        QCOMPARE(alignedUsers.at(0).interactionCount, qint64(0));
        QCOMPARE(alignedUsers.at(1).interactionCount, qint64(3));
        days2.appClasses = {kTeams};
        days2.to = QDateTime();
        QCOMPARE(a.reader().activityByDay(days2).size(), 1);
        QCOMPARE(a.reader().activityByDay(days2).first().count, qint64(2));
        QCOMPARE(a.reader().activityByDay(days2).first().day, QDate(2025, 1, 5));

        // streaming
        QStringList ids;
        QVERIFY(a.reader().forEachInteraction(who, [&](const Interaction &i) { ids << i.id; return true; }));
        QCOMPARE(ids, (QStringList{u"b1"_s, u"b2"_s, u"b3"_s}));
        int n = 0;
        QVERIFY(a.reader().forEachInteraction({}, [&](const Interaction &i) {
            ++n;
            return i.raw.startsWith("{") && n < 4;
        }));
        QCOMPARE(n, 4);
    }

    void rowKeysAndRowsByKeys()
    {
        // The GUI's tables: every view's ordered keys equal the order of the paged reads, and the
        // rows read by keys come back in the keys' order (a default row for a vanished key).
        Archive a;
        QVERIFY(a.open(test::tempDir() + u"/keys.sqlite"_s));
        a.writer().upsertUsers({user(u"alice"_s, u"Alice Adams"_s), user(u"bob"_s, u"Bob Brown"_s), user(u"carol"_s, u"Carol Clark"_s)});
        QVERIFY(a.writer().insertInteractions(sample()) > 0);

        for (int column = TurnRow::Time; column < TurnRow::ColumnCount; ++column) {
            for (Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
                const SortSpec sort{column, order};
                const QList<qint64> keys = a.reader().rowKeys(ArchiveView::Turns, {}, sort);
                QCOMPARE(keys.size(), 6);
                const QList<TurnRow> paged = a.reader().turns({}, sort, 0, 100);
                const QList<TurnRow> byKeys = a.reader().turnsByKeys(keys);
                QCOMPARE(byKeys.size(), paged.size());
                for (int i = 0; i < paged.size(); ++i) {
                    QCOMPARE(byKeys.at(i).promptId, paged.at(i).promptId);
                    QCOMPARE(byKeys.at(i).responseId, paged.at(i).responseId);
                }
            }
        }
        ArchiveFilter teams;
        teams.appClasses = {kTeams};
        const QList<qint64> teamKeys = a.reader().rowKeys(ArchiveView::Turns, teams);
        QCOMPARE(teamKeys.size(), 1);
        QCOMPARE(a.reader().turnsByKeys(teamKeys).constFirst().promptId, u"a6"_s);
        const QList<TurnRow> withGone = a.reader().turnsByKeys({teamKeys.first(), 999999});
        QCOMPARE(withGone.size(), 2);
        QCOMPARE(withGone.at(0).promptId, u"a6"_s);
        QVERIFY(withGone.at(1).userId.isEmpty());

        const SortSpec newest{SessionRow::Started, Qt::DescendingOrder};
        const QList<qint64> sessionKeys = a.reader().rowKeys(ArchiveView::Sessions, {}, newest);
        const QList<SessionRow> sessions = a.reader().sessionsByKeys(sessionKeys);
        QCOMPARE(sessions.size(), int(a.reader().countSessions({})));
        for (int i = 1; i < sessions.size(); ++i)
            QVERIFY(sessions.at(i - 1).started >= sessions.at(i).started);

        // Users: keys in the sort's order; the activity columns count within the filter's range.
        const QList<qint64> userKeys = a.reader().rowKeys(ArchiveView::Users, {}, {UserRow::Interactions, Qt::DescendingOrder});
        QCOMPARE(userKeys.size(), 3);
        QList<UserRow> users = a.reader().usersByKeys({}, userKeys);
        QCOMPARE(users.at(0).user.id, u"alice"_s);
        QCOMPARE(users.at(0).interactionCount, qint64(7));
        QCOMPARE(users.at(2).user.id, u"carol"_s);
        ArchiveFilter teamsRange;
        teamsRange.appClasses = {kTeams};
        users = a.reader().usersByKeys(teamsRange, userKeys);
        QCOMPARE(users.at(0).interactionCount, qint64(2));

        // A caller that gives up stops the key query (the result is then dropped by the caller).
        int polls = 0;
        const QList<qint64> abandoned = a.reader().rowKeys(ArchiveView::Turns, {}, {}, [&polls] { ++polls; return true; });
        QCOMPARE(polls, 1);
        QCOMPARE(abandoned.size(), 1);   // stopped at the first poll instead of reading all 6
    }

    void rawStoredExactly()
    {
        Archive a;
        QVERIFY(a.open(test::tempDir() + u"/raw.sqlite"_s));
        const QByteArray raw = R"({"id":"x1", "sessionId":"s","requestId":"r","interactionType":"userPrompt","createdDateTime":"2025-01-01T00:00:00.1234567Z","body":{"contentType":"text","content":"caf\u00e9 \ud83d\ude00 ünï"}, "extra" : [1,2.50,{"k":null}]})";
        QCOMPARE(a.writer().insertInteractions({Interaction::fromRaw(u"u"_s, raw)}), 1);
        QByteArray back;
        a.reader().forEachInteraction({}, [&](const Interaction &i) { back = i.raw; return true; });
        QCOMPARE(back, raw);
    }

    void syncStateRoundTrip()
    {
        Archive a;
        QVERIFY(a.open(test::tempDir() + u"/s.sqlite"_s));
        SyncState s;
        s.userId = u"u1"_s;
        s.status = UserStatus::Failed;
        s.watermark = at(7, 3).addMSecs(123);
        s.lastRun = at(8);
        s.lastError = u"The server kept answering 503."_s;
        s.lastRequestId = u"req-1"_s;
        s.lastClientRequestId = u"creq-1"_s;
        s.lastErrorDate = u"Tue, 07 Jan 2025 09:03:00 GMT"_s;
        QVERIFY(a.writer().setSyncState(s));
        const SyncState b = a.writer().syncState(u"u1"_s);
        QCOMPARE(b.status, UserStatus::Failed);
        QCOMPARE(b.watermark, s.watermark);
        QCOMPARE(b.lastRun, s.lastRun);
        QCOMPARE(b.lastError, s.lastError);
        QCOMPARE(b.lastRequestId, s.lastRequestId);
        QCOMPARE(b.lastClientRequestId, s.lastClientRequestId);
        QCOMPARE(b.lastErrorDate, s.lastErrorDate);
        s.status = UserStatus::Ok;
        QVERIFY(a.writer().setSyncState(s));
        QCOMPARE(a.writer().syncStates().size(), 1);
        QCOMPARE(a.writer().syncState(u"u1"_s).status, UserStatus::Ok);
        QCOMPARE(a.writer().syncState(u"nobody"_s).status, UserStatus::Unknown);
        QVERIFY(!a.writer().syncState(u"nobody"_s).watermark.isValid());

        ExportLogEntry e;
        e.when = at(9);
        e.folder = u"/tmp/x"_s;
        e.files = QStringList{u"prompts.csv"_s, u"users.csv"_s};
        e.rowCounts = u"{}"_s;
        QVERIFY(a.exportLog().append(e));
        QCOMPARE(a.exportLog().entries().size(), 1);
        QCOMPARE(a.exportLog().entries().first().files, e.files);
        QCOMPARE(a.exportLog().entries().first().when, e.when);
    }

    void migrations()
    {
        const QString path = test::tempDir() + u"/m.sqlite"_s;
        {
            Archive a;
            QVERIFY(a.open(path));
            QVERIFY(a.writer().insertInteractions(sample()) > 0);
        }
        auto setVersion = [&](int v) {
            QString error;
            QVERIFY2(test::execSql(path, {u"PRAGMA user_version = %1"_s.arg(v)}, &error), qPrintable(error));
        };
        // older → migrated (data kept)
        setVersion(0);
        {
            Archive a;
            QString error;
            QVERIFY2(a.open(path, &error), qPrintable(error));
            QCOMPARE(a.schemaVersion(), Archive::kSchemaVersion);
            QCOMPARE(a.reader().countInteractions({}), qint64(10));
        }
        // v1 → v2: the per-day summary is created and filled from the stored interactions
        {
            QString error;
            QVERIFY2(test::execSql(path, {u"DROP TABLE activity_daily"_s, u"PRAGMA user_version = 1"_s}, &error),
                     qPrintable(error));
            Archive a;
            QVERIFY2(a.open(path, &error), qPrintable(error));
            QCOMPARE(a.schemaVersion(), Archive::kSchemaVersion);
            qint64 total = 0;
            for (const DayActivity &d : a.reader().activityByDay({}))
                total += d.count;
            QCOMPARE(total, qint64(10));
        }
        // v2 → v4: the last-403 time and the deleted date are added; data kept; values round-trip
        {
            QString error;
            QVERIFY2(test::execSql(path,
                                   {u"ALTER TABLE sync_state DROP COLUMN last_forbidden"_s,
                                    u"ALTER TABLE users DROP COLUMN deleted_utc"_s, u"PRAGMA user_version = 2"_s},
                                   &error),
                     qPrintable(error));
            Archive a;
            QVERIFY2(a.open(path, &error), qPrintable(error));
            QCOMPARE(a.schemaVersion(), Archive::kSchemaVersion);
            QCOMPARE(a.reader().countInteractions({}), qint64(10));
            SyncState st;
            st.userId = u"u-403"_s;
            st.status = UserStatus::NotLicensed;
            st.lastForbidden = QDateTime(QDate(2026, 5, 1), QTime(8, 0), Qt::UTC);
            QVERIFY(a.writer().setSyncState(st));
            QCOMPARE(a.writer().syncState(u"u-403"_s).lastForbidden, st.lastForbidden);
            User gone;
            gone.id = u"u-gone"_s;
            gone.deletedDateTime = QDateTime(QDate(2026, 4, 2), QTime(9, 30), Qt::UTC);
            QVERIFY(a.writer().upsertUsers({gone}));
            QCOMPARE(a.reader().user(u"u-gone"_s)->deletedDateTime, gone.deletedDateTime);
        }
        // newer → clear error, file untouched
        setVersion(Archive::kSchemaVersion + 5);
        {
            Archive a;
            QString error;
            QVERIFY(!a.open(path, &error));
            QVERIFY2(error.contains(u"made by a newer Copilot Ledger"_s), qPrintable(error));
            QVERIFY(!a.isOpen());
        }
        // not a database
        const QString junk = test::tempDir() + u"/junk.sqlite"_s;
        QFile f(junk);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(4096, 'x'));
        f.close();
        Archive b;
        QString error;
        QVERIFY(!b.open(junk, &error));
        QVERIFY(!error.isEmpty());
    }

    void forgetAllRemovesFiles()
    {
        const QString dir = test::tempDir() + u"/archives"_s;
        const QString path = dir + u"/p.sqlite"_s;
        Archive a;
        QVERIFY(a.open(path));
        QVERIFY(a.writer().insertInteractions(sample()) > 0);
        QVERIFY(QFile::exists(path + u"-wal"_s));
#ifdef Q_OS_UNIX
        QCOMPARE(QFile::permissions(path) & (QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner), QFile::ReadOwner | QFile::WriteOwner);
        QCOMPARE(QFile::permissions(path) & (QFile::ReadGroup | QFile::ReadOther | QFile::WriteGroup | QFile::WriteOther), QFile::Permissions());
        QCOMPARE(QFile::permissions(path + u"-wal"_s) & (QFile::ReadGroup | QFile::ReadOther | QFile::WriteGroup | QFile::WriteOther), QFile::Permissions());
        QCOMPARE(QFile::permissions(dir) & (QFile::ReadGroup | QFile::ReadOther | QFile::ExeGroup | QFile::ExeOther), QFile::Permissions());
#endif
        const QByteArray marker = "Summarize the quarterly budget";
        QString error;
        QVERIFY2(a.forgetAll(&error), qPrintable(error));
        QVERIFY(a.isOpen());
        QCOMPARE(a.reader().countInteractions({}), qint64(0));
        QCOMPARE(a.reader().countTurns({}), qint64(0));
        for (const QString &s : {QString(), u"-wal"_s, u"-shm"_s}) {
            QFile f(path + s);
            if (f.open(QIODevice::ReadOnly))
                QVERIFY2(!f.readAll().contains(marker), qPrintable(s));
        }
        QVERIFY(a.writer().insertInteractions(sample()) > 0);
    }

    void writerAndReaderThreads()
    {
        const QString path = test::tempDir() + u"/threads.sqlite"_s;
        {
            Archive init;
            QVERIFY(init.open(path));
        }
        std::atomic_int written{0};
        QThread *writer = QThread::create([&] {
            Archive w;
            if (!w.open(path))
                return;
            for (int batch = 0; batch < 20; ++batch) {
                QList<Interaction> items;
                for (int k = 0; k < 50; ++k) {
                    const QString id = u"w%1-%2"_s.arg(batch).arg(k);
                    items << make(u"thread-user"_s, id, u"s%1"_s.arg(batch), id, u"userPrompt"_s, at(1, k), u"threaded text"_s);
                }
                written += qMax(0, w.writer().insertInteractions(items));
            }
        });
        writer->start();
        Archive reader;
        QVERIFY(reader.open(path));
        qint64 last = 0;
        while (!writer->isFinished()) {
            const qint64 n = reader.reader().countInteractions({});
            QVERIFY(n >= last);   // never goes back, never an error (-1)
            last = n;
            reader.reader().turns({}, {TurnRow::Time, Qt::DescendingOrder}, 0, 20);
            QThread::msleep(5);
        }
        writer->wait();
        delete writer;
        QCOMPARE(written.load(), 1000);
        QCOMPARE(reader.reader().countInteractions({}), qint64(1000));
        QCOMPARE(reader.reader().countTurns({}), qint64(1000));
    }

    void concurrentConnections()
    {
        const QString path = test::tempDir() + u"/cc.sqlite"_s;
        Archive writer, reader;
        QVERIFY(writer.open(path));
        QVERIFY(reader.open(path));
        QVERIFY(writer.writer().insertInteractions(sample()) > 0);
        QCOMPARE(reader.reader().countInteractions({}), qint64(10));
        reader.close();
        QVERIFY(!reader.isOpen());
        QCOMPARE(writer.reader().countTurns({}), qint64(6));
    }
};

QTEST_GUILESS_MAIN(TestArchive)
#include "tst_archive.moc"
