#include "GuiMain.h"

#include "app/about/AppIdentity.h"
#include "ui/common/Dialogs.h"
#include "ui/common/Translations.h"
#include "ui/filter/FilterBar.h"
#include "ui/main/MainWindow.h"
#include "ui/main/Workspace.h"
#include "ui/models/ArchiveTableModel.h"
#include "ui/models/LedgerTableView.h"
#include "ui/review/ReviewFilterButton.h"
#include "ui/activity/ActivityView.h"

#include <QApplication>
#include <QStringList>
#include <QTimer>

namespace ledger::gui {

namespace {

// Hidden switches for documentation screenshots (docs/USER-GUIDE.md, "Screenshots").
void applyScreenshotEnvironment(MainWindow &w)
{
    const QString tab = qEnvironmentVariable("LEDGER_SCREENSHOT_TAB").toLower();
    const QStringList tabs = {QStringLiteral("users"), QStringLiteral("sessions"),
                              QStringLiteral("prompts"), QStringLiteral("activity"), QStringLiteral("review")};
    if (tabs.contains(tab))
        w.workspace()->setCurrentTab(Workspace::Tab(tabs.indexOf(tab)));
    if (qEnvironmentVariable("LEDGER_SCREENSHOT_ACTIVITY").toLower() == u"findings")
        w.workspace()->activityView()->setMeasure(ActivitySeries::Findings);
    // The filter bar's Review filter: comma-separated status keys (flagged,escalated).
    const QString review = qEnvironmentVariable("LEDGER_SCREENSHOT_REVIEW");
    if (!review.isEmpty())
        w.workspace()->filterBar()->reviewFilter()->setStatuses(review.split(QLatin1Char(','), Qt::SkipEmptyParts));
    const int row = qEnvironmentVariableIntValue("LEDGER_SCREENSHOT_ROW");   // 1-based; 0 = none
    const QString search = qEnvironmentVariable("LEDGER_SCREENSHOT_SEARCH");
    if (!search.isEmpty()) {
        w.workspace()->filterBar()->setSearchText(search);
        w.workspace()->filterBar()->applyNow();
    }
    LedgerTableView *view = w.workspace()->currentTab() == Workspace::SessionsTab ? w.workspace()->sessionsView()
                                                                                   : w.workspace()->promptsView();
    if (row > 0) {
        // The rows arrive from a worker thread: select once the table has them.
        auto select = [view, row] {
            if (view->model() && view->model()->rowCount() >= row && !view->currentIndex().isValid())
                view->setCurrentIndex(view->model()->index(row - 1, 0));
        };
        if (auto *m = qobject_cast<ArchiveTableModel *>(view->model()))
            QObject::connect(m, &ArchiveTableModel::loaded, view, select);
        select();
    }
    const QString dialog = qEnvironmentVariable("LEDGER_SCREENSHOT_DIALOG").toLower();
    if (dialog == u"connect")
        QTimer::singleShot(300, &w, &MainWindow::showConnections);
    else if (dialog == u"guide")
        QTimer::singleShot(300, &w, &MainWindow::showSetupGuide);
    else if (dialog == u"activitylog")
        QTimer::singleShot(300, &w, &MainWindow::showActivityLog);
    else if (dialog == u"export")
        QTimer::singleShot(300, &w, &MainWindow::exportEverything);
}

} // namespace

int run(int argc, char **argv)
{
    QApplication app(argc, argv);
    appidentity::apply();
    installTranslations(&app);

    const QStringList args = QApplication::arguments();
    MainWindow window;
    if (args.contains(QStringLiteral("--demo"))) {
        QString error;
        if (!window.openDemo(&error)) {
            window.openInitial();
            Dialogs::error(&window, QObject::tr("Demo tenant"),
                           QObject::tr("The demo tenant could not be started."), error);
        }
    } else {
        window.openInitial();
    }
    applyScreenshotEnvironment(window);
    window.show();
    return app.exec();
}

} // namespace ledger::gui
