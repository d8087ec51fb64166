// Saved searches in the window (filter/SavedSearchPanel.h): the filter bar's whole state is
// saved by name (through the Save… button and its name dialog), listed beside the tables with
// its current count (counted in a worker thread), applied with one click, renamed and deleted;
// every change is in the archive's activity log. Also: the Activity tab's findings series
// (detectors and watchlists, selectable) and the conversation view marking what the parsed
// search finds. Screenshots (grabbed) go to $LEDGER_SCREENSHOT_DIR or the temp dir.
#include "ModelWait.h"
#include "TestSupport.h"
#include "UiTestData.h"
#include "ui/activity/ActivityView.h"
#include "app/archive/ActivityLog.h"
#include "app/archive/Archive.h"
#include "ui/common/Dialogs.h"
#include "ui/conversation/ConversationView.h"
#include "ui/filter/FilterBar.h"
#include "ui/filter/SavedSearchPanel.h"
#include "ui/filter/SearchHelp.h"
#include "ui/main/Workspace.h"
#include "ui/models/PromptsModel.h"

#include <QComboBox>
#include <QLineEdit>
#include <QMenu>
#include <QSignalSpy>
#include <QToolButton>
#include <QTreeWidget>
#include <QtTest>

using namespace ledger;
using namespace ledger::gui;
using namespace ledger::uitest;
using namespace Qt::StringLiterals;

namespace {

QString shot(const QString &name)
{
    return qEnvironmentVariable("LEDGER_SCREENSHOT_DIR", test::tempDir()) + u'/' + name;
}

bool waitCounts(SavedSearchPanel *panel)
{
    return QTest::qWaitFor([panel] { return !panel->isCounting(); }, 20000);
}

} // namespace

class TestSavedSearches : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        test::isolateEnvironment();
        clearSettings();
    }
    void cleanup() { Dialogs::resetSeams(); }

    void filterBarStateRoundTrips()
    {
        FilterBar bar;
        bar.setToday(QDate(2026, 12, 2));
        bar.setSearchText(u"budget OR \"annual report\""_s);
        bar.applyNow();
        bar.setCustomRange(QDate(2026, 10, 1), QDate(2026, 10, 31));
        bar.setSelectedApps({u"Word"_s, u"Teams"_s});
        bar.setStatuses({UserStatus::Failed});
        bar.setFindings(u"sensitive:credit_card"_s);
        bar.setUserScope({userId(1)}, u"User: Alex Wilber"_s);
        const SavedSearch s = bar.currentSearch();
        QCOMPARE(s.text, u"budget OR \"annual report\""_s);
        QCOMPARE(s.period, SavedSearch::CustomRange);
        QCOMPARE(s.to, QDate(2026, 10, 31));
        QCOMPARE(s.status, u"failed"_s);
        QCOMPARE(s.userLabel, u"User: Alex Wilber"_s);
        // The search resolves to exactly the filter the bar applies.
        ArchiveFilter expected = bar.filter();
        expected.userIds = bar.userScope();
        QCOMPARE(s.filter(QDate(2026, 12, 2), true), expected);

        FilterBar other;
        QSignalSpy changed(&other, &FilterBar::filterChanged);
        QSignalSpy scope(&other, &FilterBar::userScopeChanged);
        other.applySearch(s);
        QCOMPARE(changed.count(), 1);   // one reload, not one per part
        QCOMPARE(scope.count(), 1);
        QVERIFY(other.currentSearch().sameSearch(s));
        QCOMPARE(other.searchField()->text(), s.text);
        QCOMPARE(other.userScopeLabel(), u"User: Alex Wilber"_s);
        // A relative period stays relative.
        SavedSearch recent;
        recent.period = SavedSearch::Last7Days;
        other.applySearch(recent);
        QCOMPARE(other.currentSearch().period, SavedSearch::Last7Days);
        QVERIFY(other.userScope().isEmpty());
        QVERIFY(other.searchField()->text().isEmpty());
    }

    void saveApplyRenameDelete()
    {
        Archive archive;
        QVERIFY(archive.open(test::tempDir() + u"/saved-ui.sqlite"_s));
        const Expected e = fillArchive(archive);
        Workspace w;
        w.resize(1400, 800);
        w.setArchive(&archive);
        w.setCurrentTab(Workspace::PromptsTab);
        w.show();
        QVERIFY(waitLoaded(w.promptsModel()));
        SavedSearchPanel *panel = w.savedSearches();
        QVERIFY(panel);
        QVERIFY(panel->isVisible());
        QVERIFY(panel->searches().isEmpty());

        // Save… asks for a name and stores the filter bar's search.
        w.filterBar()->setSearchText(u"budget"_s);
        w.filterBar()->applyNow();
        w.filterBar()->setSelectedApps({u"Word"_s});
        QVERIFY(waitLoaded(w.promptsModel()));
        const qint64 wordBudget = w.promptsModel()->totalMatching();
        QVERIFY(wordBudget > 0 && wordBudget < e.turns);
        Dialogs::setNextText(u"Word budgets"_s);
        panel->findChild<QToolButton *>(u"saveSearch"_s)->click();
        QCOMPARE(panel->searches().size(), 1);
        QCOMPARE(panel->activeName(), u"Word budgets"_s);
        // Counted in the background: the list shows the same number as the table.
        QVERIFY(waitCounts(panel));
        QCOMPARE(panel->count(u"Word budgets"_s), wordBudget);
        QTreeWidget *list = panel->list();
        QCOMPARE(list->topLevelItemCount(), 1);
        QCOMPARE(list->topLevelItem(0)->text(0), u"Word budgets"_s);
        QCOMPARE(list->topLevelItem(0)->text(1), QLocale().toString(wordBudget));

        w.filterBar()->reset();
        QVERIFY(waitLoaded(w.promptsModel()));
        QCOMPARE(w.promptsModel()->totalMatching(), qint64(e.turns));
        QVERIFY(panel->activeName().isEmpty());   // the bar no longer shows a saved search
        QVERIFY(panel->saveAs(u"Everything"_s));
        QVERIFY(waitCounts(panel));
        QCOMPARE(panel->count(u"Everything"_s), qint64(e.turns));
        QCOMPARE(panel->activeName(), u"Everything"_s);

        // One click applies it: the filter bar and the table follow.
        QTreeWidgetItem *item = list->topLevelItem(1);   // sorted: Everything, Word budgets
        QCOMPARE(item->text(0), u"Word budgets"_s);
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualItemRect(item).center());
        QCOMPARE(w.filterBar()->searchField()->text(), u"budget"_s);
        QCOMPARE(w.filterBar()->selectedApps(), QStringList{u"Word"_s});
        QVERIFY(waitLoaded(w.promptsModel()));
        QCOMPARE(w.promptsModel()->totalMatching(), wordBudget);
        QCOMPARE(panel->activeName(), u"Word budgets"_s);
        QVERIFY(waitCounts(panel));
        list->grab().save(shot(u"saved-searches-list.png"_s));
        w.grab().save(shot(u"saved-searches-window.png"_s));

        // Rename and delete through the buttons (name dialog, confirmation).
        list->setCurrentItem(list->topLevelItem(1));
        Dialogs::setNextText(u"Budgets in Word"_s);
        panel->findChild<QToolButton *>(u"renameSearch"_s)->click();
        QVERIFY(waitCounts(panel));
        QCOMPARE(SavedSearchStore(archive).names(), (QStringList{u"Budgets in Word"_s, u"Everything"_s}));
        QCOMPARE(panel->activeName(), u"Budgets in Word"_s);
        QCOMPARE(panel->count(u"Budgets in Word"_s), wordBudget);
        list->setCurrentItem(list->topLevelItem(1));
        Dialogs::setNextQuestionAnswer(QMessageBox::Yes);
        panel->findChild<QToolButton *>(u"deleteSearch"_s)->click();
        QCOMPARE(SavedSearchStore(archive).names(), QStringList{u"Budgets in Word"_s});
        QCOMPARE(list->topLevelItemCount(), 1);
        // A refused rename says why and changes nothing.
        QString error;
        QVERIFY(!panel->renameSearch(u"Budgets in Word"_s, QString(), &error));
        QVERIFY(!error.isEmpty());

        // Every change is in the activity log.
        QStringList actions;
        for (const ActivityEntry &entry : ActivityLog::entries(archive, {}, {}, u"saved_search"_s))
            actions << entry.details.value(u"action"_s).toString();
        QCOMPARE(actions, (QStringList{u"created"_s, u"created"_s, u"renamed"_s, u"deleted"_s}));

        // A sync stored more: the counts follow.
        QList<Interaction> more;
        const QDateTime t(QDate(2026, 11, 20), QTime(9, 0), Qt::UTC);
        more << Interaction::fromRaw(userId(0), interactionJson(u"p-new"_s, userId(0), u"session-new"_s, u"req-new"_s,
                                                              QString::fromLatin1(kWord), true, t, u"budget again"_s));
        QCOMPARE(archive.writer().insertInteractions(more), 1);
        w.reloadAll();
        QVERIFY(QTest::qWaitFor([&] { return !panel->isCounting() && panel->count(u"Budgets in Word"_s) == wordBudget + 1; }, 20000));
    }

    void activityFindingsSeries()
    {
        Archive archive;
        QVERIFY(archive.open(test::tempDir() + u"/series-ui.sqlite"_s));
        detect::Watchlist list;
        QVERIFY(detect::Watchlist::parse(u"Offsite"_s, u"offsite\n"_s, &list, nullptr));
        QVERIFY(archive.findings().saveWatchlists({list}));
        fillArchive(archive);   // "offsite" in every other prompt; one card number below
        const QDateTime t(QDate(2026, 10, 3), QTime(9, 0), Qt::UTC);
        QCOMPARE(archive.writer().insertInteractions({Interaction::fromRaw(
                     userId(1), interactionJson(u"p-card"_s, userId(1), u"session-card"_s, u"req-card"_s,
                                                QString::fromLatin1(kTeams), true, t, u"my card 4111 1111 1111 1111"_s))}),
                 1);
        ActivityView view;
        view.resize(1200, 600);
        view.setArchive(&archive);
        view.show();
        QVERIFY(QTest::qWaitFor([&] { return !view.isLoading(); }, 20000));
        QCOMPARE(view.series().measure, ActivitySeries::Interactions);
        QVERIFY(!view.seriesButton()->isVisible());

        view.measureBox()->setCurrentIndex(view.measureBox()->findData(int(ActivitySeries::Findings)));
        QVERIFY(QTest::qWaitFor([&] { return !view.isLoading(); }, 20000));
        QCOMPARE(view.series().measure, ActivitySeries::Findings);
        QVERIFY(view.seriesButton()->isVisible());
        QCOMPARE(view.availableSeries(), (QStringList{u"sensitive:credit_card"_s, u"watchlist:Offsite"_s}));
        const qint64 all = view.series().total;
        QVERIFY(all > 1);
        QCOMPARE(archive.findings().countFindings({}), all);
        view.grab().save(shot(u"activity-findings-series.png"_s));

        // Selectable: untick the watchlist in the series menu → only the card number is left.
        QMenu *menu = view.seriesButton()->menu();
        QAction *offsite = nullptr;
        for (QAction *a : menu->actions())
            if (a->data().toString() == u"watchlist:Offsite")
                offsite = a;
        QVERIFY(offsite);
        offsite->setChecked(false);
        QTRY_COMPARE(view.selectedSeries(), QStringList{u"sensitive:credit_card"_s});
        QCOMPARE(view.series().total, qint64(1));
        QCOMPARE(view.series().appNames, QStringList{detectorLabel(u"credit_card"_s)});
        QVERIFY(QTest::qWaitFor([&] { return !view.isLoading(); }, 20000));
        QCOMPARE(view.series().topUsers.size(), 1);
        QCOMPARE(view.series().topUsers.first().userId, userId(1));

        // The CSV of the findings series.
        const QString csv = test::tempDir() + u"/activity-findings.csv"_s;
        QVERIFY(view.saveCsv(csv));
        const QByteArray bytes = test::readFile(csv);
        QVERIFY2(bytes.startsWith("\xEF\xBB\xBF" "day_utc,kind,detector,findings\r\n"), bytes.left(80).constData());
        QVERIFY(bytes.contains("2026-10-03,sensitive,credit_card,1\r\n"));
    }

    void conversationMarksWhatTheSearchFinds()
    {
        Archive archive;
        QVERIFY(archive.open(test::tempDir() + u"/conv-search.sqlite"_s));
        const QDateTime t(QDate(2026, 10, 3), QTime(9, 0), Qt::UTC);
        QCOMPARE(archive.writer().insertInteractions({
                     Interaction::fromRaw(userId(0), interactionJson(u"p1"_s, userId(0), u"s1"_s, u"r1"_s, QString::fromLatin1(kWord), true, t,
                                                                     u"Send the annual report OR the draft budget"_s)),
                     Interaction::fromRaw(userId(0), interactionJson(u"a1"_s, userId(0), u"s1"_s, u"r1"_s, QString::fromLatin1(kWord), false,
                                                                     t.addSecs(5), u"The report is annual; budgets follow."_s)),
                 }),
                 2);
        ConversationView view;
        view.resize(600, 500);
        view.setArchive(&archive);
        view.setSearchQuery(u"\"annual report\" OR budg* -draft"_s);
        view.showSession(userId(0), u"s1"_s, u"p1"_s);
        // "annual report" (the phrase, once: the answer has the words apart), "budget", "budgets";
        // never "OR", "draft" or the quotes.
        QCOMPARE(view.searchMarkCount(), 3);
        view.setSearchQuery(u"report OR"_s);   // a syntax error: nothing marked
        QCOMPARE(view.searchMarkCount(), 0);
        view.setSearchQuery(u"report"_s);
        QCOMPARE(view.searchMarkCount(), 2);
        view.setSearchQuery(QString());
        QCOMPARE(view.searchMarkCount(), 0);
    }
};

QTEST_MAIN(TestSavedSearches)
#include "tst_savedsearches.moc"
