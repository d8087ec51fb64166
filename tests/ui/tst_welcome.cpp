// First run: the welcome page with its two choices; "Explore the demo tenant" starts the
// in-process demo, syncs it into its own archive and shows the data. The demo secret is never
// saved as a profile.
#include "ModelWait.h"
#include "TestSupport.h"
#include "UiTestData.h"

#include "app/auth/ProfileStore.h"
#include "ui/main/MainWindow.h"
#include "ui/main/SyncStatusWidget.h"
#include "app/tenant/TenantSession.h"
#include "ui/main/WelcomePage.h"
#include "ui/main/Workspace.h"
#include "ui/models/PromptsModel.h"
#include "ui/models/UsersModel.h"

#include <QAction>
#include <QPushButton>
#include <QSignalSpy>
#include <QtTest>

using namespace ledger;
using namespace ledger::gui;

class TestWelcome : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        test::isolateEnvironment();
        uitest::clearSettings();
    }

    void firstRunShowsWelcome()
    {
        MainWindow w;
        w.openInitial();
        QVERIFY(w.isShowingWelcome());
        QVERIFY(!w.session()->isOpen());
        const auto actions = w.findChildren<QAction *>();
        for (QAction *a : actions) {
            if (a->shortcut() == QKeySequence(QKeySequence::Refresh))
                QVERIFY(!a->isEnabled());   // nothing to sync yet
        }
        QVERIFY(w.welcomePage()->connectButton()->isVisibleTo(&w));
        QVERIFY(!w.welcomePage()->demoButton()->accessibleName().isEmpty());
    }

    void exploreDemo()
    {
        MainWindow w;
        w.openInitial();
        QSignalSpy synced(&w, &MainWindow::syncFinished);
        QTest::mouseClick(w.welcomePage()->demoButton(), Qt::LeftButton);
        QVERIFY(!w.isShowingWelcome());
        QVERIFY(w.session()->isDemo());
        QVERIFY(w.session()->isSyncing());   // empty archive → first sync starts by itself
        QVERIFY(synced.wait(120000));
        const auto summary = synced.first().at(0).value<SyncSummary>();
        QVERIFY(summary.completed);
        QVERIFY(summary.interactionsNew > 0);
        w.workspace()->setCurrentTab(Workspace::UsersTab);
        QVERIFY(uitest::waitLoaded(w.workspace()->usersModel()));
        QVERIFY(w.workspace()->usersModel()->totalMatching() > 100);
        w.workspace()->setCurrentTab(Workspace::PromptsTab);
        QVERIFY(uitest::waitLoaded(w.workspace()->promptsModel()));
        QVERIFY(w.workspace()->promptsModel()->totalMatching() > 1000);
        QVERIFY(w.workspace()->countsText().endsWith(QStringLiteral("prompts")));
        QVERIFY(ProfileStore().profiles().isEmpty());   // the demo is never saved as a profile
    }
};

QTEST_MAIN(TestWelcome)
#include "tst_welcome.moc"
