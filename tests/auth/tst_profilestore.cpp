// ProfileStore: QSettings round trip, index, last used; never the secret.
#include "app/auth/ProfileStore.h"
#include "TestSupport.h"

#include <QDirIterator>
#include <QSettings>
#include <QSignalSpy>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace ledger;

class TestProfileStore : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { test::isolateEnvironment(); }
    void init()
    {
        QSettings().clear();
    }

    void roundTrip()
    {
        ProfileStore store;
        QSignalSpy changed(&store, &ProfileStore::profilesChanged);
        Profile p;
        p.name = u"  Contoso  "_s;
        p.connection.tenant = u"contoso.onmicrosoft.com"_s;
        p.connection.clientId = u"1b2c3d4e-0000-1111-2222-333344445555"_s;
        p.connection.cloud = Cloud::UsGov;
        const Profile saved = store.save(p);
        QCOMPARE(changed.count(), 1);
        QVERIFY(!saved.id.isEmpty());
        QCOMPARE(saved.name, u"Contoso"_s);

        ProfileStore other;   // a fresh instance reads the same settings
        const auto back = other.profile(saved.id);
        QVERIFY(back);
        QCOMPARE(back->name, u"Contoso"_s);
        QCOMPARE(back->connection, p.connection);
        QCOMPARE(back->connection.cloud, Cloud::UsGov);
        QVERIFY(other.profileByName(u"contoso"_s));
        QVERIFY(!other.profileByName(u"fabrikam"_s));
        QVERIFY(!other.profile(u"nope"_s));

        // Update in place keeps the id.
        Profile upd = *back;
        upd.connection.cloud = Cloud::Custom;
        upd.connection.authorityUrl = QUrl(u"http://127.0.0.1:9000"_s);
        upd.connection.graphUrl = QUrl(u"http://127.0.0.1:9001"_s);
        QCOMPARE(store.save(upd).id, saved.id);
        QCOMPARE(store.profiles().size(), 1);
        QCOMPARE(store.profile(saved.id)->connection.graphUrl, QUrl(u"http://127.0.0.1:9001"_s));
    }

    void sortingRenameRemoveLastUsed()
    {
        ProfileStore store;
        Profile a; a.name = u"zeta"_s;
        Profile b; b.name = u"Alpha"_s;
        Profile c; c.name = u"midway"_s;
        const QString idA = store.save(a).id;
        const QString idB = store.save(b).id;
        const QString idC = store.save(c).id;
        QStringList names;
        for (const Profile &p : store.profiles())
            names << p.name;
        QCOMPARE(names, (QStringList{u"Alpha"_s, u"midway"_s, u"zeta"_s}));

        QVERIFY(store.rename(idA, u"Beta"_s));
        QCOMPARE(store.profile(idA)->name, u"Beta"_s);
        QVERIFY(!store.rename(u"missing"_s, u"x"_s));
        QVERIFY(!store.rename(idA, u"  "_s));

        QVERIFY(store.lastUsedProfileId().isEmpty());
        store.setLastUsedProfileId(idC);
        QCOMPARE(ProfileStore().lastUsedProfileId(), idC);
        QVERIFY(store.remove(idC));
        QVERIFY(!store.remove(idC));
        QVERIFY(store.lastUsedProfileId().isEmpty());
        QCOMPARE(store.profiles().size(), 2);
        QVERIFY(!QSettings().childGroups().isEmpty());
        QSettings s;
        s.beginGroup(u"profiles"_s);
        QVERIFY(!s.childGroups().contains(idC));
        QVERIFY(s.childGroups().contains(idB));
    }

    void neverStoresSecretLikeFields()
    {
        ProfileStore store;
        Profile p;
        p.name = u"Secretless"_s;
        p.connection.tenant = u"t.onmicrosoft.com"_s;
        p.connection.clientId = u"1b2c3d4e-0000-1111-2222-333344445555"_s;
        store.save(p);
        QSettings s;
        for (const QString &k : s.allKeys())
            QVERIFY2(!k.contains(u"secret"_s, Qt::CaseInsensitive), qPrintable(k));
    }
};

QTEST_GUILESS_MAIN(TestProfileStore)
#include "tst_profilestore.moc"
