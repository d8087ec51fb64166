// The activity log records watchlist changes (Archive::saveWatchlists) and profile changes
// (ProfileService: created, changed, renamed, deleted with the archive kept) — each with UTC
// time, operator, machine and version — and the chain still verifies (docs/EXPORT-FORMAT.md
// "Activity log").
#include "Fixtures.h"
#include "TestSupport.h"

#include "app/archive/ActivityLog.h"
#include "app/archive/Archive.h"
#include "app/auth/ProfileStore.h"
#include "app/auth/SecretStore.h"
#include "app/detect/Watchlist.h"
#include "app/tenant/ProfileService.h"

#include <QFile>
#include <QJsonArray>
#include <QSignalSpy>
#include <QtTest>

#ifdef Q_OS_UNIX
#include <pwd.h>
#include <unistd.h>
#endif

using namespace Qt::StringLiterals;
using namespace ledger;

namespace {

QStringList members(const ActivityEntry &e)
{
    QStringList out;
    for (const QJsonValue &v : e.details.value(u"members"_s).toArray())
        out << v.toString();
    return out;
}

void checkStamp(const ActivityEntry &e)
{
    QVERIFY(e.time.isValid());
    QCOMPARE(e.time.timeSpec(), Qt::UTC);
    QVERIFY(qAbs(e.time.secsTo(QDateTime::currentDateTimeUtc())) < 3600);
    QCOMPARE(e.operatorName, ActivityLog::currentOperator());
    QCOMPARE(e.machine, ActivityLog::currentMachine());
    QCOMPARE(e.appVersion, QStringLiteral(LEDGER_VERSION));
}

} // namespace

class TestActivityLogEntries : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { test::isolateEnvironment(); }

    // The operator is the account the process runs as, as the OS says: not an environment
    // variable, which a scheduled job may not set (the log said "unknown") and anyone can set
    // to another name.
    void operatorIsTheOsAccount()
    {
#ifdef Q_OS_UNIX
        const passwd *pw = getpwuid(geteuid());
        if (!pw || !pw->pw_name || !*pw->pw_name)
            QSKIP("this account has no user database entry");
        const QString account = QString::fromLocal8Bit(pw->pw_name);
        const QByteArray saved[3] = {qgetenv("USER"), qgetenv("LOGNAME"), qgetenv("USERNAME")};
        const bool had[3] = {qEnvironmentVariableIsSet("USER"), qEnvironmentVariableIsSet("LOGNAME"),
                             qEnvironmentVariableIsSet("USERNAME")};
        const char *names[3] = {"USER", "LOGNAME", "USERNAME"};
        for (const char *n : names)
            qunsetenv(n);
        const QString withoutEnvironment = ActivityLog::currentOperator();
        qputenv("USER", "mallory");
        qputenv("USERNAME", "mallory");
        const QString withOtherName = ActivityLog::currentOperator();
        for (int k = 0; k < 3; ++k) {
            if (had[k])
                qputenv(names[k], saved[k]);
            else
                qunsetenv(names[k]);
        }
        QCOMPARE(withoutEnvironment, account);
        QCOMPARE(withOtherName, account);
#else
        QSKIP("the account's name comes from GetUserNameW on Windows; checked on Unix");
#endif
    }

    void watchlistChanges()
    {
        Archive a;
        QVERIFY(a.open(test::tempDir() + u"/w.sqlite"_s));
        QVERIFY(a.findings().saveWatchlists({test::watchlist(u"Projects"_s, u"# code names\nFalcon\nEagle*\n"_s)}));
        QList<ActivityEntry> e = ActivityLog::entries(a, {}, {}, u"watchlist"_s);
        QCOMPARE(e.size(), 1);
        checkStamp(e.at(0));
        QCOMPARE(e.at(0).details.value(u"action"_s).toString(), u"created"_s);
        QCOMPARE(e.at(0).details.value(u"watchlist"_s).toString(), u"Projects"_s);
        QCOMPARE(members(e.at(0)), (QStringList{u"Falcon"_s, u"Eagle*"_s}));

        // Saving the same lists again records nothing.
        QVERIFY(a.findings().saveWatchlists({test::watchlist(u"Projects"_s, u"# code names\nFalcon\nEagle*\n"_s)}));
        QCOMPARE(ActivityLog::entries(a).size(), 1);

        // Terms added and removed, a list renamed (same name, other case), one created, one deleted.
        QVERIFY(a.findings().saveWatchlists({test::watchlist(u"Customers"_s, u"Contoso\n"_s), test::watchlist(u"projects"_s, u"Falcon\nHeron\n"_s)}));
        e = ActivityLog::entries(a, {}, {}, u"watchlist"_s);
        QCOMPARE(e.size(), 5);
        QCOMPARE(e.at(1).details.value(u"action"_s).toString(), u"created"_s);
        QCOMPARE(e.at(1).details.value(u"watchlist"_s).toString(), u"Customers"_s);
        QCOMPARE(e.at(2).details.value(u"action"_s).toString(), u"renamed"_s);
        QCOMPARE(members(e.at(2)), QStringList{u"Projects"_s});
        QCOMPARE(e.at(3).details.value(u"action"_s).toString(), u"members_added"_s);
        QCOMPARE(members(e.at(3)), QStringList{u"Heron"_s});
        QCOMPARE(e.at(4).details.value(u"action"_s).toString(), u"members_removed"_s);
        QCOMPARE(members(e.at(4)), QStringList{u"Eagle*"_s});

        QVERIFY(a.findings().saveWatchlists({test::watchlist(u"projects"_s, u"Falcon\nHeron\n"_s)}));
        e = ActivityLog::entries(a, {}, {}, u"watchlist"_s);
        QCOMPARE(e.size(), 6);
        QCOMPARE(e.at(5).details.value(u"action"_s).toString(), u"deleted"_s);
        QCOMPARE(e.at(5).details.value(u"watchlist"_s).toString(), u"Customers"_s);
        QCOMPARE(members(e.at(5)), QStringList{u"Contoso"_s});
        QVERIFY(ActivityLog::summary(e.at(5)).contains(u"Customers"_s));
        const ActivityVerification v = ActivityLog::verify(a);
        QVERIFY2(v.ok, qPrintable(v.message));
        QCOMPARE(v.entries, 6);
    }

    void profileChanges()
    {
        const QString folder = test::tempDir();
        ProfileStore store;
        SecretStore secrets;
        ProfileService service(&store, &secrets);
        service.setArchiveFolderForTesting(folder);

        Profile p;
        p.name = u"Contoso"_s;
        p.connection.tenant = u"11111111-2222-3333-4444-555555555555"_s;
        p.connection.clientId = u"aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee"_s;
        QString logError;
        p = service.saveProfile(p, &logError);
        QVERIFY2(logError.isEmpty(), qPrintable(logError));
        const QString path = service.archivePath(p.id);
        QVERIFY(QFile::exists(path));   // a new profile's archive starts with its creation

        Profile edited = p;
        edited.connection.clientId = u"bbbbbbbb-bbbb-cccc-dddd-eeeeeeeeeeee"_s;
        edited.connection.cloud = Cloud::UsGov;
        service.saveProfile(edited, &logError);
        service.saveProfile(edited, &logError);   // unchanged: no entry
        QVERIFY(service.renameProfile(p.id, u"Contoso EU"_s, &logError));
        QVERIFY2(logError.isEmpty(), qPrintable(logError));

        {
            Archive a;
            QVERIFY(a.open(path));
            const QList<ActivityEntry> e = ActivityLog::entries(a, {}, {}, u"profile"_s);
            QCOMPARE(e.size(), 3);
            for (const ActivityEntry &x : e)
                checkStamp(x);
            QCOMPARE(e.at(0).details.value(u"action"_s).toString(), u"created"_s);
            QCOMPARE(e.at(0).details.value(u"profile_id"_s).toString(), p.id);
            QCOMPARE(e.at(0).details.value(u"name"_s).toString(), u"Contoso"_s);
            QCOMPARE(e.at(0).details.value(u"tenant"_s).toString(), p.connection.tenant);
            QCOMPARE(e.at(1).details.value(u"action"_s).toString(), u"changed"_s);
            const QJsonObject changes = e.at(1).details.value(u"changes"_s).toObject();
            QCOMPARE(changes.keys(), (QStringList{u"client_id"_s, u"cloud"_s}));
            QCOMPARE(changes.value(u"client_id"_s).toObject().value(u"to"_s).toString(), edited.connection.clientId);
            QCOMPARE(changes.value(u"cloud"_s).toObject().value(u"from"_s).toString(), u"global"_s);
            QCOMPARE(e.at(2).details.value(u"action"_s).toString(), u"renamed"_s);
            QCOMPARE(e.at(2).details.value(u"changes"_s).toObject().value(u"name"_s).toObject().value(u"to"_s).toString(),
                     u"Contoso EU"_s);
            for (const ActivityEntry &x : e)
                QVERIFY(!ActivityLog::canonicalContent(x).contains("Secret"));
            QVERIFY(ActivityLog::verify(a).ok);
        }

        // Deleted, archive kept: the kept archive says so.
        QSignalSpy removed(&service, &ProfileService::removed);
        service.removeProfile(p.id, false);
        QTRY_VERIFY_WITH_TIMEOUT(removed.count() == 1, 15000);
        const auto result = removed.at(0).at(0).value<ProfileRemoval>();
        QVERIFY(result.removed);
        QVERIFY(!store.profile(p.id));
        Archive a;
        QVERIFY(a.open(path));
        const QList<ActivityEntry> e = ActivityLog::entries(a, {}, {}, u"profile"_s);
        QCOMPARE(e.size(), 4);
        QCOMPARE(e.at(3).details.value(u"action"_s).toString(), u"deleted"_s);
        QCOMPARE(e.at(3).details.value(u"archive_kept"_s).toBool(), true);
        QCOMPARE(e.at(3).details.value(u"name"_s).toString(), u"Contoso EU"_s);
        QVERIFY(ActivityLog::verify(a).ok);
    }
};

QTEST_GUILESS_MAIN(TestActivityLogEntries)
#include "tst_activitylogentries.moc"
