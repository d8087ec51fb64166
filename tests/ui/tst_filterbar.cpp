// The filter bar alone (debounce, apps, dates) and wired into the workspace: text / app / date
// changes change the model counts; selecting users shows a chip that scopes the other tabs;
// removing the chip restores them.
#include "ModelWait.h"
#include "UiTestData.h"
#include "TestSupport.h"

#include "app/archive/Archive.h"
#include "ui/conversation/ConversationView.h"
#include "ui/filter/FilterBar.h"
#include "ui/main/Workspace.h"
#include "ui/models/LedgerTableView.h"
#include "ui/models/PromptsModel.h"
#include "ui/models/SessionsModel.h"
#include "ui/models/UsersModel.h"

#include <QDir>
#include <QItemSelectionModel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTabWidget>
#include <QToolButton>
#include <QtTest>

using namespace ledger;
using namespace ledger::gui;

class TestFilterBar : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(uitest::startWithFilledArchive(m_archive, QStringLiteral("filter.sqlite"), &m_expected, &error),
                 qPrintable(error));
    }

    void debouncedText()
    {
        FilterBar bar;
        QSignalSpy changed(&bar, &FilterBar::filterChanged);
        QTest::keyClicks(bar.searchField(), QStringLiteral("budget"));
        QCOMPARE(changed.count(), 0);          // not on every key stroke
        QVERIFY(changed.wait(2000));            // after the pause
        QCOMPARE(changed.count(), 1);
        QCOMPARE(bar.filter().text, QStringLiteral("budget"));
    }

    void appsAndDates()
    {
        FilterBar bar;
        QSignalSpy changed(&bar, &FilterBar::filterChanged);
        bar.setSelectedApps({QStringLiteral("Word")});
        QCOMPARE(changed.count(), 1);
        QCOMPARE(bar.filter().appClasses, QStringList{QString::fromLatin1(uitest::kWord)});
        bar.setCustomRange(QDate(2026, 10, 1), QDate(2026, 10, 3));
        const ArchiveFilter f = bar.filter();
        QVERIFY(f.from.isValid() && f.to.isValid());
        QCOMPARE(f.from.secsTo(f.to), qint64(3 * 24 * 3600));   // "to" day is inclusive
        bar.setToday(QDate(2026, 11, 20));
        bar.setPeriod(FilterBar::Last7Days);
        QCOMPARE(bar.filter().from.toLocalTime().date(), QDate(2026, 11, 14));
        QVERIFY(!bar.filter().to.isValid());
        bar.reset();
        QVERIFY(bar.filter().isEmpty());
    }

    void workspaceCountsFollowTheFilter()
    {
        Workspace ws;
        ws.setCurrentTab(Workspace::PromptsTab);
        ws.setArchive(&m_archive);
        auto settled = [&ws] { return uitest::waitLoaded(ws.promptsModel()); };
        QCOMPARE(ws.filterBar()->countText(), QStringLiteral("Counting…"));
        QVERIFY(settled());
        const QString all = QString::number(m_expected.turns);
        QCOMPARE(ws.filterBar()->countText(), QStringLiteral("%1 prompts").arg(all));

        ws.filterBar()->setSearchText(QStringLiteral("budget"));
        ws.filterBar()->applyNow();
        QVERIFY(settled());
        QCOMPARE(ws.promptsModel()->totalMatching(), qint64(m_expected.budgetTurns));
        QCOMPARE(ws.filterBar()->countText(),
                 QStringLiteral("%1 of %2 prompts").arg(m_expected.budgetTurns).arg(all));
        ws.filterBar()->setSearchText({});
        ws.filterBar()->applyNow();

        ws.filterBar()->setSelectedApps({QStringLiteral("Word")});
        QVERIFY(settled());
        QCOMPARE(ws.promptsModel()->totalMatching(), qint64(m_expected.wordTurns));
        ws.filterBar()->setSelectedApps({});

        // A date range before any data: nothing, and an explaining empty text.
        ws.filterBar()->setCustomRange(QDate(2020, 1, 1), QDate(2020, 1, 31));
        QVERIFY(settled());
        QCOMPARE(ws.promptsModel()->totalMatching(), qint64(0));
        ws.filterBar()->setPeriod(FilterBar::AnyTime);
        QVERIFY(settled());
        QCOMPARE(ws.promptsModel()->totalMatching(), qint64(m_expected.turns));
    }

    void userSelectionScopesOtherTabsWithChip()
    {
        Workspace ws;
        ws.show();
        ws.setCurrentTab(Workspace::UsersTab);
        ws.setArchive(&m_archive);
        UsersModel *users = ws.usersModel();
        users->sort(int(UserRow::Name), Qt::AscendingOrder);
        QVERIFY(uitest::waitLoaded(users));
        QCOMPARE(users->index(1, int(UserRow::Name)).data().toString(), QStringLiteral("Alex Wilber"));
        QVERIFY(ws.filterBar()->scopeChip()->isHidden());

        ws.usersView()->selectionModel()->select(users->index(1, 0),
                                                 QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        QCOMPARE(ws.filterBar()->userScope(), QStringList{uitest::userId(1)});
        QVERIFY(ws.filterBar()->scopeChip()->isVisible());
        QVERIFY(!users->isLoading());   // the Users tab itself is not narrowed, not even re-read
        QCOMPARE(users->rowCount(), m_expected.users);
        QCOMPARE(ws.usersView()->selectionModel()->selectedRows().size(), 1);

        ws.setCurrentTab(Workspace::PromptsTab);
        QVERIFY(uitest::waitLoaded(ws.promptsModel()));
        QCOMPARE(ws.promptsModel()->totalMatching(), qint64(m_expected.turnsPerUser.value(uitest::userId(1))));
        ws.setCurrentTab(Workspace::SessionsTab);
        QVERIFY(uitest::waitLoaded(ws.sessionsModel()));
        QCOMPARE(ws.sessionsModel()->totalMatching(), qint64(3));

        // Remove the chip: every user again, and the Users selection is cleared.
        auto *close = ws.filterBar()->findChild<QToolButton *>(QStringLiteral("userScopeChipClose"));
        QVERIFY(close);
        QTest::mouseClick(close, Qt::LeftButton);
        QVERIFY(ws.filterBar()->scopeChip()->isHidden());
        QVERIFY(ws.filterBar()->userScope().isEmpty());
        QVERIFY(uitest::waitLoaded(ws.sessionsModel()));
        QCOMPARE(ws.sessionsModel()->totalMatching(), qint64(m_expected.sessions));
        QVERIFY(!ws.usersView()->selectionModel()->hasSelection());
    }

    void conversationFollowsRowsNotReadYet()
    {
        // Blocks of 3 rows: row 20 is not read when it becomes current; the conversation pane
        // shows it once its block arrives, and Next moves on to row 21.
        Workspace ws;
        ws.promptsModel()->setPageSize(3);
        ws.setCurrentTab(Workspace::PromptsTab);
        ws.setArchive(&m_archive);
        QVERIFY(uitest::waitLoaded(ws.promptsModel()));
        auto *conversation = qobject_cast<ConversationView *>(ws.conversationPane());
        QVERIFY(conversation);
        QVERIFY(!ws.promptsModel()->isRowLoaded(20));
        ws.promptsView()->setCurrentIndex(ws.promptsModel()->index(20, 0));
        QVERIFY(conversation->isEmpty());   // not read yet: nothing wrong is shown meanwhile
        QTRY_VERIFY(!conversation->isEmpty());
        const QString prompt20 = ws.promptsModel()->index(20, int(TurnRow::Prompt)).data(Qt::UserRole).toString();
        QVERIFY(!prompt20.isEmpty());
        QVERIFY2(conversation->plainText().contains(prompt20), qPrintable(prompt20));

        emit conversation->nextRequested();
        QCOMPARE(ws.promptsView()->currentIndex().row(), 21);
        QVERIFY(uitest::waitRows(ws.promptsModel(), 21, 21));
        const QString prompt21 = ws.promptsModel()->index(21, int(TurnRow::Prompt)).data(Qt::UserRole).toString();
        QTRY_VERIFY2(conversation->plainText().contains(prompt21), qPrintable(prompt21));
    }

private:
    Archive m_archive;
    uitest::Expected m_expected;
};

QTEST_MAIN(TestFilterBar)
#include "tst_filterbar.moc"
