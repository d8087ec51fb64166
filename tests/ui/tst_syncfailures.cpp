// A sync that fails in the window shows the same diagnosis as the connection check
// (`copilot-ledger check`, Connections → Test) for the same fault: a wrong secret with its AADSTS
// code, an unknown tenant or client, a missing permission by name, a transport failure. Both go
// through TenantConnection, so the window's sync signs in exactly like the check.
#include "ConnectionFaults.h"
#include "Fixtures.h"
#include "ModelWait.h"
#include "TestSupport.h"
#include "UiTestData.h"

#include "app/auth/ProfileStore.h"
#include "app/auth/TokenProvider.h"
#include "app/check/ConnectionCheck.h"
#include "app/graph/GraphClient.h"
#include "ui/main/MainWindow.h"
#include "ui/main/Workspace.h"
#include "ui/models/LedgerTableView.h"
#include "ui/models/PromptsModel.h"
#include "ui/models/UsersModel.h"
#include "app/tenant/TenantSession.h"
#include "app/sim/DemoEnvironment.h"
#include "app/sync/SyncEngine.h"

#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QtTest>
#include <memory>

using namespace Qt::StringLiterals;
using namespace ledger;
using namespace ledger::gui;

class TestSyncFailures : public QObject {
    Q_OBJECT
    std::unique_ptr<DemoEnvironment> env;

    // The failing step's summary of the connection check for these settings (its own stack, built
    // by hand: the oracle does not depend on the code under test).
    QString checkDiagnosis(const ConnectionSettings &cs, const QString &secret)
    {
        QNetworkAccessManager nam;
        TokenProvider tokens(&nam);
        tokens.setCredentials(cs, secret);
        GraphClient graph(&tokens);
        graph.setGraphBase(cs.endpoints().graph);
        ConnectionCheck check(&tokens, &graph);
        QSignalSpy done(&check, &ConnectionCheck::finished);
        check.start();
        if (!done.wait(30000))
            return u"(the check did not finish)"_s;
        for (const CheckStep &s : check.steps())
            if (s.state == CheckStep::Failed)
                return s.summary;
        return u"(the check passed)"_s;
    }

    // Saves the profile `name` with these settings in the window, opens it and gives its session
    // the secret (as the Connections dialog and the keychain would).
    static bool openConnection(MainWindow &w, const QString &name, const ConnectionSettings &cs, const QString &secret)
    {
        Profile p;
        p.name = name;
        p.connection = cs;
        p = w.profiles()->save(p);
        if (!w.openProfile(p.id))
            return false;
        w.session()->setSecret(secret);
        return true;
    }

private slots:
    void initTestCase()
    {
        test::isolateEnvironment();
        uitest::clearSettings();
        const DemoTenantSpec spec = test::demoTenant(12, 200);
        QString error;
        env = DemoEnvironment::start(spec, {}, 0, &error);
        QVERIFY2(env, qPrintable(error));
    }
    void cleanupTestCase() { env.reset(); }
    void cleanup() { env->setOptions({}); }   // a test that slowed the server, even if it failed

    // An empty table while a sync runs says so (not "Press Sync"), and says "Nothing archived
    // yet" again once a sync that stored nothing has ended.
    void emptyTablesSayASyncIsRunning()
    {
        ConnectionSettings cs = env->connection();
        QString secret = env->clientSecret();
        QVERIFY(test::applyConnectionFault(*env, u"secret"_s, &cs, &secret));
        MainWindow w;
        QVERIFY(openConnection(w, u"Contoso empty"_s, cs, secret));
        Workspace *ws = w.workspace();
        QVERIFY(uitest::waitLoaded(ws->promptsModel()));
        QVERIFY(uitest::waitLoaded(ws->usersModel()));
        QVERIFY2(ws->promptsView()->emptyText().contains(u"Nothing archived yet"_s), qPrintable(ws->promptsView()->emptyText()));

        QSignalSpy finished(&w, &MainWindow::syncFinished);
        QVERIFY(w.startSync(SyncOptions{}));
        for (LedgerTableView *view : {ws->usersView(), ws->sessionsView(), ws->promptsView()}) {
            QVERIFY2(view->emptyText().contains(u"Syncing"_s), qPrintable(view->emptyText()));
            QVERIFY2(!view->emptyText().contains(u"Press Sync"_s), qPrintable(view->emptyText()));
        }
        QVERIFY(finished.wait(60000));
        QVERIFY(uitest::waitLoaded(ws->promptsModel()));
        QVERIFY2(ws->promptsView()->emptyText().contains(u"Nothing archived yet"_s), qPrintable(ws->promptsView()->emptyText()));
        for (QMessageBox *box : w.findChildren<QMessageBox *>())
            box->close();
    }

    // The user list is stored before any history is read: the status bar counts those users as
    // soon as the sync says how many there are, not only at the tables' next refresh.
    void usersCountedAsSoonAsListed()
    {
        DemoServerOptions slow;
        slow.latencyMs = 700;   // every user's history takes a while: the sync outlasts the count
        env->setOptions(slow);
        MainWindow w;
        w.setLiveRefreshIntervalForTesting(3600 * 1000);   // no table refresh during this test
        QVERIFY(openConnection(w, u"Contoso count"_s, env->connection(), env->clientSecret()));
        QTRY_VERIFY_WITH_TIMEOUT(w.archiveSummaryText().contains(u" 0 users"_s), 10000);
        const int users = int(env->tenant().users().size());
        const QString expected = u" %1 users"_s.arg(QLocale().toString(users));
        QSignalSpy finished(&w, &MainWindow::syncFinished);
        QVERIFY(w.startSync(SyncOptions{}));
        QTRY_VERIFY_WITH_TIMEOUT(w.archiveSummaryText().contains(expected) || !finished.isEmpty(), 30000);
        QVERIFY2(finished.isEmpty(), "the sync ended before the status bar counted its users");
        QVERIFY2(w.archiveSummaryText().contains(expected), qPrintable(w.archiveSummaryText()));
        QVERIFY(finished.wait(60000));
        for (QMessageBox *box : w.findChildren<QMessageBox *>())
            box->close();
    }

    void windowMatchesCheck_data()
    {
        QTest::addColumn<QString>("fault");
        QTest::addColumn<QString>("inText");      // in the message the window shows
        QTest::addColumn<QString>("inDetails");   // in its "Show Details…"
        QTest::newRow("wrong secret") << u"secret"_s << u"client secret is wrong"_s << u"AADSTS7000215"_s;
        QTest::newRow("unknown tenant") << u"tenant"_s << u"tenant was not found"_s << u"AADSTS90002"_s;
        QTest::newRow("unknown client") << u"client"_s << u"Application (client) ID"_s << u"AADSTS700016"_s;
        QTest::newRow("no interaction permission") << u"norole"_s << u"AiEnterpriseInteraction.Read.All"_s
                                                   << u"AiEnterpriseInteraction.Read.All"_s;
        QTest::newRow("no user permission") << u"nouserrole"_s << u"User.Read.All"_s << u"User.Read.All"_s;
        QTest::newRow("transport") << u"transport"_s << u"refused the connection"_s << u"QNetworkReply error"_s;
    }
    void windowMatchesCheck()
    {
        QFETCH(QString, fault);
        QFETCH(QString, inText);
        QFETCH(QString, inDetails);
        ConnectionSettings cs = env->connection();
        QString secret = env->clientSecret();
        QVERIFY(test::applyConnectionFault(*env, fault, &cs, &secret));
        const QString diagnosis = checkDiagnosis(cs, secret);

        MainWindow w;
        QVERIFY(openConnection(w, u"Contoso "_s + fault, cs, secret));
        QSignalSpy finished(&w, &MainWindow::syncFinished);
        QVERIFY(w.startSync(SyncOptions{}));
        QVERIFY(finished.wait(60000));
        const auto summary = finished.first().at(0).value<SyncSummary>();
        QVERIFY(summary.authFailed);

        const auto boxes = w.findChildren<QMessageBox *>();
        QCOMPARE(boxes.size(), 1);
        const QString text = boxes.first()->text();
        const QString details = boxes.first()->detailedText();
        QVERIFY2(text.contains(diagnosis), qPrintable(text + u"\n  check said: "_s + diagnosis));
        QVERIFY2(text.contains(inText), qPrintable(text));
        QVERIFY2(details.contains(inDetails), qPrintable(details));
        QVERIFY2(!text.contains(u"copilot-ledger"_s), qPrintable(text));   // no command for a window user
        QVERIFY(!text.contains(secret) && !details.contains(secret));
        QVERIFY2(w.lastStatusMessage().contains(inText), qPrintable(w.lastStatusMessage()));
    }
};

QTEST_MAIN(TestSyncFailures)
#include "tst_syncfailures.moc"
