// SecretStore against the real OS keychain (Secret Service on Linux) and its in-memory fallback.
// With LEDGER_REQUIRE_KEYCHAIN=1 (the README/setup.sh test command runs ctest inside
// dbus-run-session with an unlocked gnome-keyring) an unusable keychain is a failure; without it
// the real round trip is skipped.
#include "app/auth/ProfileStore.h"
#include "app/auth/SecretStore.h"
#include "TestSupport.h"

#include <QDirIterator>
#include <QProcess>
#include <QSettings>
#include <QStandardPaths>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace ledger;

namespace {
SecretStore::Result waitFor(SecretStore &store, const std::function<void(SecretStore::Callback)> &call)
{
    SecretStore::Result out;
    int calls = 0;
    call([&](const SecretStore::Result &r) {
        out = r;
        ++calls;
    });
    for (int i = 0; i < 3000 && calls == 0; ++i)
        QTest::qWait(10);
    QTest::qWait(20);
    if (calls != 1)
        qWarning("callback called %d times", calls);
    Q_UNUSED(store);
    return out;
}

bool fileTreeContains(const QString &dir, const QByteArray &needle)
{
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile f(it.next());
        if (f.open(QIODevice::ReadOnly) && f.readAll().contains(needle))
            return true;
    }
    return false;
}
} // namespace

class TestSecretStore : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { test::isolateEnvironment(); }

    void keyFormat()
    {
        QCOMPARE(SecretStore::keyFor(u"abc-123"_s), u"copilot-ledger/abc-123/client-secret"_s);
    }

    void realRoundTrip()
    {
        if (qEnvironmentVariableIsSet("LEDGER_SECRETSTORE_CHILD"))
            QSKIP("child process run");
        const bool required = qEnvironmentVariableIntValue("LEDGER_REQUIRE_KEYCHAIN") == 1;
        SecretStore store;
        const QString profile = u"test-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces);
        const QString secret1 = u"Abc8Q~first.secret-value_"_s + QString::number(QRandomGenerator::global()->generate());
        const QString secret2 = u"Xyz8Q~second.secret-value_"_s + QString::number(QRandomGenerator::global()->generate());

        SecretStore::Result w = waitFor(store, [&](auto cb) { store.writeSecret(profile, secret1, cb); });
        if (!w.ok || w.inMemoryOnly) {
            const QByteArray why = (u"keychain unusable: "_s + w.error).toUtf8();
            if (required)
                QFAIL(why.constData());
            QSKIP(why.constData());
        }
        QVERIFY(store.keychainAvailable());
        QVERIFY(!w.error.contains(secret1));

        SecretStore::Result r = waitFor(store, [&](auto cb) { store.readSecret(profile, cb); });
        QVERIFY2(r.ok, qPrintable(r.error));
        QVERIFY(!r.inMemoryOnly);
        QCOMPARE(r.secret, secret1);

        // A second instance (a later run) sees the same secret: it really is in the keychain.
        SecretStore other;
        r = waitFor(other, [&](auto cb) { other.readSecret(profile, cb); });
        QCOMPARE(r.secret, secret1);

        w = waitFor(store, [&](auto cb) { store.writeSecret(profile, secret2, cb); });
        QVERIFY(w.ok && !w.inMemoryOnly);
        r = waitFor(store, [&](auto cb) { store.readSecret(profile, cb); });
        QCOMPARE(r.secret, secret2);

        SecretStore::Result del = waitFor(store, [&](auto cb) { store.deleteSecret(profile, cb); });
        QVERIFY2(del.ok, qPrintable(del.error));
        r = waitFor(store, [&](auto cb) { store.readSecret(profile, cb); });
        QVERIFY(!r.ok);
        QVERIFY(r.secret.isEmpty());
        QVERIFY(!r.error.isEmpty());
        QVERIFY(!r.inMemoryOnly);

        // Nothing secret in the settings files.
        ProfileStore profiles;
        Profile p;
        p.id = profile;
        p.name = u"Round trip"_s;
        profiles.save(p);
        QSettings().sync();
        const QString config = QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation);
        QVERIFY(!fileTreeContains(config, secret1.toUtf8()));
        QVERIFY(!fileTreeContains(config, secret2.toUtf8()));
    }

    // Re-runs this program with no reachable D-Bus session: the keychain cannot work, the secret
    // must stay in memory for this run only and the error must say why (without the secret).
    void fallbackWithoutKeychain()
    {
        if (qEnvironmentVariableIsSet("LEDGER_SECRETSTORE_CHILD"))
            QSKIP("child process run");
        QProcess child;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"LEDGER_SECRETSTORE_CHILD"_s, u"1"_s);
        env.insert(u"DBUS_SESSION_BUS_ADDRESS"_s, u"unix:path=/nonexistent/ledger-no-bus"_s);
        env.remove(u"DISPLAY"_s);
        env.remove(u"WAYLAND_DISPLAY"_s);
        env.insert(u"XDG_RUNTIME_DIR"_s, test::tempDir());
        child.setProcessEnvironment(env);
        child.start(QCoreApplication::applicationFilePath(), {u"fallbackChild"_s});
        QVERIFY(child.waitForFinished(50000));
        const QByteArray out = child.readAllStandardOutput() + child.readAllStandardError();
        QVERIFY2(child.exitStatus() == QProcess::NormalExit && child.exitCode() == 0, out.constData());
        QVERIFY2(out.contains("PASS   : TestSecretStore::fallbackChild()"), out.constData());
        QVERIFY(!out.contains("Child-Secret"));
    }

    void fallbackChild()
    {
        if (!qEnvironmentVariableIsSet("LEDGER_SECRETSTORE_CHILD"))
            QSKIP("runs only in the child process started by fallbackWithoutKeychain");
        SecretStore store;
        const QString secret = u"Child-Secret~Value.1234567890"_s;
        SecretStore::Result w = waitFor(store, [&](auto cb) { store.writeSecret(u"p1"_s, secret, cb); });
        QVERIFY(w.ok);
        QVERIFY(w.inMemoryOnly);
        QVERIFY(!store.keychainAvailable());
        QVERIFY(!store.keychainProblem().isEmpty());
        QVERIFY(w.error.contains(u"memory"_s));
        QVERIFY(!w.error.contains(secret));
        QVERIFY(!store.keychainProblem().contains(secret));

        SecretStore::Result r = waitFor(store, [&](auto cb) { store.readSecret(u"p1"_s, cb); });
        QVERIFY(r.ok);
        QVERIFY(r.inMemoryOnly);
        QCOMPARE(r.secret, secret);
        // Shared by every SecretStore of this run.
        SecretStore other;
        r = waitFor(other, [&](auto cb) { other.readSecret(u"p1"_s, cb); });
        QCOMPARE(r.secret, secret);

        r = waitFor(store, [&](auto cb) { store.readSecret(u"unknown"_s, cb); });
        QVERIFY(!r.ok);
        QVERIFY(!r.error.isEmpty());

        SecretStore::Result del = waitFor(store, [&](auto cb) { store.deleteSecret(u"p1"_s, cb); });
        QVERIFY(del.ok);
        r = waitFor(store, [&](auto cb) { store.readSecret(u"p1"_s, cb); });
        QVERIFY(!r.ok);
        QVERIFY(r.secret.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestSecretStore)
#include "tst_secretstore.moc"
