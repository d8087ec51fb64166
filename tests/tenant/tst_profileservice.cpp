// Deleting a profile through ProfileService: every archive connection is closed first (the
// window's Archive through aboutToRemove, every ArchiveWorker thread by the service itself),
// the archive and all its side files are deleted, the keychain entry is removed; a failure is
// reported in plain words and keeps the profile so the user can try again.
#include "TestSupport.h"

#include "app/archive/Archive.h"
#include "app/archive/ArchiveFiles.h"
#include "app/archive/ArchiveWorker.h"
#include "app/auth/ProfileStore.h"
#include "app/auth/SecretStore.h"
#include "app/model/User.h"
#include "app/tenant/ProfileService.h"

#include <QFile>
#include <QSignalSpy>
#include <QtTest>
#include <memory>

using namespace Qt::StringLiterals;
using namespace ledger;

class TestProfileService : public QObject {
    Q_OBJECT
    QString folder;

    // The stores and the service of one test, archives in the test's folder.
    struct Setup {
        ProfileStore store;
        SecretStore secrets;
        ProfileService service{&store, &secrets};
        explicit Setup(const QString &folder) { service.setArchiveFolderForTesting(folder); }

        // Saves the profile `name` with a secret in the keychain.
        Profile addProfile(const QString &name)
        {
            Profile p;
            p.name = name;
            p.connection.tenant = u"11111111-2222-3333-4444-555555555555"_s;
            p.connection.clientId = u"aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee"_s;
            p = store.save(p);
            bool written = false;
            secrets.writeSecret(p.id, u"Top~Secret"_s, [&written](const SecretStore::Result &) { written = true; });
            [&] { QTRY_VERIFY_WITH_TIMEOUT(written, 10000); }();
            return p;
        }
    };

    // An archive with rows (so SQLite keeps -wal and -shm next to it).
    static void fill(Archive &a)
    {
        User u;
        u.id = u"u1"_s;
        u.userPrincipalName = u"u1@contoso.example"_s;
        QVERIFY(a.writer().upsertUsers({u}));
    }
    // A worker that has opened `path` in its thread.
    static std::unique_ptr<ArchiveWorker> reader(const QString &path)
    {
        auto w = std::make_unique<ArchiveWorker>();
        w->setPath(path);
        bool done = false;
        w->run([](const Archive *a) { return a ? a->reader().countUsers({}) : qint64(-1); },
               [&done](qint64 n) { done = n == 1; });
        [&] { QTRY_VERIFY_WITH_TIMEOUT(done, 10000); }();
        return w;
    }

private slots:
    void initTestCase()
    {
        test::isolateEnvironment();
        folder = test::tempDir();
    }

    void deletesEverythingAfterClosingEveryConnection()
    {
        Setup t(folder);
        const Profile p = t.addProfile(u"Contoso"_s);
        const QString path = t.service.archivePath(p.id);

        Archive shown;   // the window's archive
        QVERIFY(shown.open(path));
        fill(shown);
        auto current = reader(path);      // a table's worker, still set to the archive
        auto stale = reader(path);        // a worker already switched away, connection still open
        stale->setPath(QString());
        QVERIFY(QFile::exists(path + u"-wal"_s));
        QVERIFY(QFile::exists(path + u"-shm"_s));
        QCOMPARE(archivefiles::openConnections(path), 3);

        connect(&t.service, &ProfileService::aboutToRemove, this, [&shown, &path](const QString &, const QString &archive) {
            if (archive == path)
                shown.close();
        });
        QSignalSpy removed(&t.service, &ProfileService::removed);
        t.service.removeProfile(p.id, true);
        QVERIFY(removed.wait(10000));
        const auto r = removed.first().first().value<ProfileRemoval>();
        QVERIFY2(r.ok(), qPrintable(r.problems.join(u'\n')));
        QVERIFY(r.archiveDeleted);
        QCOMPARE(archivefiles::openConnections(path), 0);
        for (const QString &file : archivefiles::filesOf(path))
            QVERIFY2(!QFile::exists(file), qPrintable(file));
        QVERIFY(!t.store.profile(p.id));

        // The worker that still pointed at the archive does not re-create it on its next job.
        bool ran = false;
        current->run([](const Archive *a) { return a != nullptr; }, [&ran](bool hadArchive) { ran = !hadArchive; });
        QTRY_VERIFY_WITH_TIMEOUT(ran, 10000);
        QVERIFY(!QFile::exists(path));

        bool read = false;
        QString secret = u"x"_s;
        t.secrets.readSecret(p.id, [&](const SecretStore::Result &k) { read = true; secret = k.secret; });
        QTRY_VERIFY_WITH_TIMEOUT(read, 10000);
        QVERIFY(secret.isEmpty());
    }

    void refusesWhileTheArchiveIsStillInUse()
    {
        Setup t(folder);
        const Profile p = t.addProfile(u"Fabrikam"_s);
        const QString path = t.service.archivePath(p.id);
        Archive exporting;   // e.g. an export still reading it, not told to close
        QVERIFY(exporting.open(path));
        fill(exporting);

        QSignalSpy removed(&t.service, &ProfileService::removed);
        t.service.removeProfile(p.id, true);
        QVERIFY(removed.wait(10000));
        const auto r = removed.first().first().value<ProfileRemoval>();
        QVERIFY(!r.ok());
        QVERIFY(!r.removed && !r.archiveDeleted);
        const QString text = r.problems.join(u' ');
        QVERIFY2(text.contains(u"still in use"_s) && text.contains(u"was kept"_s), qPrintable(text));
        QVERIFY(QFile::exists(path));
        QVERIFY(t.store.profile(p.id));   // nothing lost: the user can try again
        QVERIFY(exporting.isOpen());
        QCOMPARE(exporting.reader().countUsers({}), 1);

        exporting.close();
        t.service.removeProfile(p.id, true);
        QVERIFY(removed.wait(10000));
        QVERIFY(removed.last().first().value<ProfileRemoval>().ok());
        QVERIFY(!QFile::exists(path));
    }

    void keepsTheArchiveWhenAsked()
    {
        Setup t(folder);
        const Profile p = t.addProfile(u"Northwind"_s);
        const QString path = t.service.archivePath(p.id);
        {
            Archive a;
            QVERIFY(a.open(path));
            fill(a);
        }
        QSignalSpy removed(&t.service, &ProfileService::removed);
        t.service.removeProfile(p.id, false);
        QVERIFY(removed.wait(10000));
        const auto r = removed.first().first().value<ProfileRemoval>();
        QVERIFY2(r.ok(), qPrintable(r.problems.join(u'\n')));
        QVERIFY(!r.archiveDeleted);
        QVERIFY(QFile::exists(path));
        QVERIFY(!t.store.profile(p.id));
    }

    void unknownProfileIsReported()
    {
        ProfileStore store;
        SecretStore secrets;
        ProfileService service(&store, &secrets);
        QSignalSpy removed(&service, &ProfileService::removed);
        service.removeProfile(u"nope"_s, true);
        QVERIFY(removed.wait(10000));
        const auto r = removed.first().first().value<ProfileRemoval>();
        QVERIFY(!r.ok());
        QVERIFY(r.problems.join(u' ').contains(u"nope"_s));
    }
};

QTEST_GUILESS_MAIN(TestProfileService)
#include "tst_profileservice.moc"
