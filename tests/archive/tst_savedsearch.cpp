// Saved searches (archive/SavedSearch.h): stored by name in the archive (schema 7), found
// case-insensitively, renamed and deleted with clear errors, every change in the activity log;
// the definition round-trips and resolves to the filter the window applies; an archive of
// schema version 6 upgrades with its data intact.
#include "SqlFile.h"
#include "Fixtures.h"
#include "TestSupport.h"
#include "app/archive/ActivityLog.h"
#include "app/archive/Archive.h"
#include "app/archive/SavedSearch.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QtTest>

using namespace ledger;
using namespace Qt::StringLiterals;

namespace {

Interaction make(const QString &user, const QString &id, const QString &type, const QDateTime &t, const QString &text)
{
    return test::interactionOf(user, test::interactionJson(id, QString(u"s-"_s + user), QString(u"r-"_s + id),
                                                           u"IPM.SkypeTeams.Message.Copilot.Word"_s, type, t, u"text"_s, text));
}

SavedSearch cards()
{
    SavedSearch s;
    s.name = u"Card numbers"_s;
    s.text = u"budget OR \"annual report\" -draft"_s;
    s.period = SavedSearch::CustomRange;
    s.from = QDate(2026, 11, 1);
    s.to = QDate(2026, 11, 30);
    s.appClasses = {u"IPM.SkypeTeams.Message.Copilot.Word"_s};
    s.userIds = {u"u1"_s};
    s.userLabel = u"User: Adele Vance"_s;
    s.status = u"failed"_s;
    s.findings = u"sensitive:credit_card"_s;
    return s;
}

QList<ActivityEntry> searchEntries(const Archive &a) { return ActivityLog::entries(a, {}, {}, u"saved_search"_s); }

} // namespace

class TestSavedSearch : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { test::isolateEnvironment(); }

    void definitionRoundTripsAndResolves()
    {
        const SavedSearch s = cards();
        SavedSearch back;
        QString error;
        QVERIFY2(SavedSearch::fromDefinition(s.definition(), &back, &error), qPrintable(error));
        QVERIFY(back.sameSearch(s));
        QCOMPARE(back.from, s.from);
        QCOMPARE(back.findings, s.findings);

        // The filter the window's filter bar applies: local midnights, the last day included.
        const ArchiveFilter f = s.filter(QDate(2026, 12, 2));
        QCOMPARE(f.text, s.text);
        QCOMPARE(f.from, QDateTime(QDate(2026, 11, 1), QTime(0, 0), Qt::LocalTime).toUTC());
        QCOMPARE(f.to, QDateTime(QDate(2026, 12, 1), QTime(0, 0), Qt::LocalTime).toUTC());
        QCOMPARE(f.appClasses, s.appClasses);
        QCOMPARE(f.userIds, s.userIds);
        QCOMPARE(f.findings, s.findings);
        QVERIFY(f.statuses.isEmpty());   // the status is the Users tab's only
        QCOMPARE(s.filter(QDate(2026, 12, 2), true).statuses, QList<UserStatus>{UserStatus::Failed});

        // A relative period stays relative.
        SavedSearch recent;
        recent.period = SavedSearch::Last30Days;
        QCOMPARE(recent.filter(QDate(2026, 12, 2)).from, QDateTime(QDate(2026, 11, 3), QTime(0, 0), Qt::LocalTime).toUTC());
        QCOMPARE(recent.filter(QDate(2027, 1, 31)).from, QDateTime(QDate(2027, 1, 2), QTime(0, 0), Qt::LocalTime).toUTC());
        QVERIFY(!recent.filter().to.isValid());
        QCOMPARE(recent.definition().value(u"period"_s).toString(), u"last_30_days"_s);
        QVERIFY(recent.definition().value(u"from"_s).isNull());

        // Unknown values are refused, not guessed.
        QJsonObject bad = s.definition();
        bad.insert(u"period"_s, u"last_week"_s);
        QVERIFY(!SavedSearch::fromDefinition(bad, &back, &error));
        QVERIFY2(error.contains(u"last_week"_s), qPrintable(error));
        bad = s.definition();
        bad.insert(u"status"_s, u"sleepy"_s);
        QVERIFY(!SavedSearch::fromDefinition(bad, &back, &error));
        bad = s.definition();
        bad.insert(u"to"_s, u"2026-10-01"_s);   // before from
        QVERIFY(!SavedSearch::fromDefinition(bad, &back, &error));
    }

    void storeSaveRenameDeleteAndLog()
    {
        Archive a;
        QVERIFY(a.open(test::tempDir() + u"/saved.sqlite"_s));
        SavedSearchStore store(a);
        QVERIFY(store.list().isEmpty());

        QString error;
        QVERIFY2(store.save(cards(), &error), qPrintable(error));
        SavedSearch gdpr;
        gdpr.name = u"  GDPR last 30 days "_s;   // trimmed
        gdpr.text = u"GDPR"_s;
        gdpr.period = SavedSearch::Last30Days;
        QVERIFY2(store.save(gdpr, &error), qPrintable(error));
        QCOMPARE(store.names(), (QStringList{u"Card numbers"_s, u"GDPR last 30 days"_s}));

        // Found whatever the case; the stored definition is what was saved.
        const auto found = store.find(u"card NUMBERS"_s);
        QVERIFY(found.has_value());
        QCOMPARE(found->name, u"Card numbers"_s);
        QVERIFY(found->sameSearch(cards()));
        QVERIFY(found->created.isValid());
        QVERIFY(!store.find(u"cards"_s).has_value());

        // Saving under an existing name (any case) replaces it: still two searches.
        SavedSearch replaced = cards();
        replaced.name = u"CARD NUMBERS"_s;
        replaced.text = u"visa*"_s;
        QVERIFY2(store.save(replaced, &error), qPrintable(error));
        QCOMPARE(store.list().size(), 2);
        QCOMPARE(store.find(u"card numbers"_s)->text, u"visa*"_s);
        QCOMPARE(store.find(u"card numbers"_s)->name, u"CARD NUMBERS"_s);

        // Bad names and clashes say what is wrong; nothing changes.
        QVERIFY(!store.save(SavedSearch{}, &error));
        QVERIFY2(error.contains(u"name"_s), qPrintable(error));
        SavedSearch twoLines = gdpr;
        twoLines.name = u"a\nb"_s;
        QVERIFY(!store.save(twoLines, &error));
        QVERIFY(!store.rename(u"CARD NUMBERS"_s, u"gdpr LAST 30 days"_s, &error));
        QVERIFY2(error.contains(u"already exists"_s), qPrintable(error));
        QVERIFY(!store.rename(u"nothing"_s, u"x"_s, &error));
        QVERIFY2(error.contains(u"no saved search named"_s), qPrintable(error));
        QVERIFY(!store.remove(u"nothing"_s, &error));
        QCOMPARE(store.list().size(), 2);

        QVERIFY2(store.rename(u"card numbers"_s, u"Cards"_s, &error), qPrintable(error));
        QCOMPARE(store.names(), (QStringList{u"Cards"_s, u"GDPR last 30 days"_s}));
        QVERIFY2(store.remove(u"cards"_s, &error), qPrintable(error));
        QCOMPARE(store.names(), QStringList{u"GDPR last 30 days"_s});

        // Every change is in the activity log, in order, and the chain verifies.
        const QList<ActivityEntry> log = searchEntries(a);
        QStringList actions;
        for (const ActivityEntry &e : log)
            actions << e.details.value(u"action"_s).toString() + u' ' + e.details.value(u"name"_s).toString();
        QCOMPARE(actions, (QStringList{u"created Card numbers"_s, u"created GDPR last 30 days"_s, u"updated CARD NUMBERS"_s,
                                       u"renamed Cards"_s, u"deleted Cards"_s}));
        QCOMPARE(log.at(3).details.value(u"previous_name"_s).toString(), u"CARD NUMBERS"_s);
        QCOMPARE(log.at(0).details.value(u"definition"_s).toObject(), cards().definition());
        QCOMPARE(log.at(4).details.value(u"definition"_s).toObject().value(u"text"_s).toString(), u"visa*"_s);
        QVERIFY(ActivityLog::verify(a).ok);

        // A second connection (another process, the command line) sees the same searches.
        Archive b;
        QVERIFY(b.open(a.path()));
        QCOMPARE(SavedSearchStore(b).names(), QStringList{u"GDPR last 30 days"_s});
    }

    void unreadableRowIsSkipped()
    {
        Archive a;
        QVERIFY(a.open(test::tempDir() + u"/saved-bad.sqlite"_s));
        QVERIFY(SavedSearchStore(a).save(cards()));
        {
            QSqlQuery q(QSqlDatabase::database(a.connectionName()));
            QVERIFY(q.exec(u"INSERT INTO saved_searches(name, definition) VALUES ('broken', '{\"period\":\"someday\"}')"_s));
            QVERIFY(q.exec(u"INSERT INTO saved_searches(name, definition) VALUES ('junk', 'not json')"_s));
        }
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"Ignoring the saved search.*broken"_s));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"Ignoring the saved search.*junk"_s));
        QCOMPARE(SavedSearchStore(a).names(), QStringList{u"Card numbers"_s});
    }

    void upgradeFromVersion6KeepsData()
    {
        const QString path = test::tempDir() + u"/v6.sqlite"_s;
        const QDateTime t(QDate(2026, 11, 20), QTime(10, 0), Qt::UTC);
        QString head;
        {
            Archive a;
            QVERIFY(a.open(path));
            User u;
            u.id = u"u1"_s;
            u.displayName = u"Adele Vance"_s;
            QVERIFY(a.writer().upsertUsers({u}));
            QCOMPARE(a.writer().insertInteractions({make(u"u1"_s, u"p1"_s, u"userPrompt"_s, t, u"the budget card 4111 1111 1111 1111"_s),
                                           make(u"u1"_s, u"r1"_s, u"aiResponse"_s, t.addSecs(3), u"noted"_s)}),
                     2);
            QVERIFY(!ActivityLog::append(a, u"sync"_s, {{u"users"_s, 1}}).isEmpty());
            head = ActivityLog::head(a);
        }
        // Make it exactly what version 6 wrote: no saved_searches table, user_version 6.
        QString error;
        QVERIFY2(test::execSql(path,
                               {u"DROP TABLE saved_searches"_s, u"DELETE FROM meta WHERE key = 'schema_migrated_to_7'"_s,
                                u"PRAGMA user_version = 6"_s},
                               &error),
                 qPrintable(error));

        Archive a;
        QVERIFY2(a.open(path, &error), qPrintable(error));
        QCOMPARE(a.schemaVersion(), Archive::kSchemaVersion);
        QVERIFY(Archive::kSchemaVersion >= 7);
        // Data intact: interactions, turns, the user, findings, the activity log and its chain.
        QCOMPARE(a.reader().countInteractions({}), qint64(2));
        QCOMPARE(a.reader().countTurns({}), qint64(2));   // different request ids: two turns
        QCOMPARE(a.reader().user(u"u1"_s)->displayName, u"Adele Vance"_s);
        QCOMPARE(a.findings().countFindings({}), qint64(1));
        QCOMPARE(ActivityLog::head(a), head);
        QVERIFY(ActivityLog::verify(a).ok);
        {
            QSqlQuery q(QSqlDatabase::database(a.connectionName()));
            QVERIFY(q.exec(u"SELECT value FROM meta WHERE key = 'schema_migrated_to_7'"_s));
            QVERIFY(q.next());
        }
        // The new table works at once.
        QVERIFY(SavedSearchStore(a).list().isEmpty());
        QVERIFY2(SavedSearchStore(a).save(cards(), &error), qPrintable(error));
        QCOMPARE(SavedSearchStore(a).names(), QStringList{u"Card numbers"_s});
        QVERIFY(ActivityLog::verify(a).ok);
    }
};

QTEST_GUILESS_MAIN(TestSavedSearch)
#include "tst_savedsearch.moc"
