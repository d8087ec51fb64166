// The Review tab: the default queue (flagged + findings + newest sample, not cleared), the keys
// (J/K, F/E/C/U, N, A) recording decisions through ReviewStore, counts per status, the filters
// by status, case, user and detector, "Draw sample" adding to the queue; the review columns and
// the Review filter of the Prompts and Sessions tabs; the Review tab in the workspace.
#include "Fixtures.h"
#include "TestSupport.h"
#include "app/archive/ActivityLog.h"
#include "app/archive/Archive.h"
#include "ui/common/Dialogs.h"
#include "ui/conversation/ConversationView.h"
#include "ui/filter/FilterBar.h"
#include "ui/main/Workspace.h"
#include "ModelWait.h"
#include "ui/models/PromptsModel.h"
#include "ui/models/SessionsModel.h"
#include "ui/review/ReviewFilterButton.h"
#include "ui/review/ReviewQueueModel.h"
#include "app/review/ReviewSampling.h"
#include "app/review/ReviewStore.h"
#include "ui/review/ReviewView.h"
#include "ui/review/SampleDialog.h"

#include <QDateEdit>
#include <QDoubleSpinBox>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QTabWidget>
#include <QTableView>
#include <QtTest>

using namespace ledger;
using namespace ledger::gui;
using namespace Qt::StringLiterals;

namespace {

Interaction make(const QString &user, const QString &id, const QString &type, const QString &session, int day, int minute,
                 const QString &text)
{
    return test::interactionOf(user, test::interactionJson(id, session, QString(u"r-"_s + (type == u"aiResponse" ? id.chopped(1) : id)),
                                                           u"IPM.SkypeTeams.Message.Copilot.BizChat"_s, type,
                                                           QDateTime(QDate(2025, 6, day), QTime(9, minute), Qt::UTC),
                                                           u"text"_s, text));
}

// alice: 12 prompts on 2–6 June (one with a card number), bob: 2 prompts.
void fill(Archive &a)
{
    QList<Interaction> all;
    for (int k = 0; k < 12; ++k) {
        const QString id = u"a%1"_s.arg(k, 2, 10, QChar(u'0'));
        all << make(u"alice"_s, id, u"userPrompt"_s, u"sa%1"_s.arg(k / 4), 2 + k % 5, k,
                    k == 3 ? u"Book it on card 4111 1111 1111 1111 please"_s : u"Summarise the plan %1"_s.arg(k));
        all << make(u"alice"_s, id + u'x', u"aiResponse"_s, u"sa%1"_s.arg(k / 4), 2 + k % 5, k + 1, u"Here is the summary."_s);
    }
    all << make(u"bob"_s, u"b0"_s, u"userPrompt"_s, u"sb"_s, 3, 0, u"What is on the agenda?"_s);
    all << make(u"bob"_s, u"b1"_s, u"userPrompt"_s, u"sb"_s, 3, 5, u"And tomorrow?"_s);
    QCOMPARE(a.writer().insertInteractions(all), 26);
}

bool waitView(ReviewView &v)
{
    return QTest::qWaitFor([&] { return !v.isLoading(); }, 20000);
}

QStringList shownPrompts(const ReviewView &v)
{
    QStringList out;
    for (const ReviewQueueItem &i : v.model()->queue().items)
        out << i.promptId;
    return out;
}

} // namespace

class TestReviewView : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { test::isolateEnvironment(); }
    void cleanup() { Dialogs::resetSeams(); }

    void keyboardDecisions()
    {
        Archive a;
        QVERIFY(a.open(test::tempDir() + u"/keys.sqlite"_s));
        fill(a);
        ReviewView v;
        v.resize(1300, 700);
        v.show();
        QVERIFY(QTest::qWaitForWindowExposed(&v));
        QSignalSpy loaded(&v, &ReviewView::loaded);
        v.setArchive(&a);
        QVERIFY(loaded.wait(20000) || !v.isLoading());
        // By default: the turn with a finding (nothing flagged, no sample yet).
        QCOMPARE(shownPrompts(v), QStringList{u"a03"_s});
        QCOMPARE(v.table()->currentIndex().row(), 0);
        // The conversation beside it: the session with the finding highlighted.
        QVERIFY(v.conversation()->plainText().contains(u"4111 1111 1111 1111"_s));

        // F flags the current item (recorded with its log entry), the counts follow.
        v.table()->setFocus();
        QTest::keyClick(v.table(), Qt::Key_F);
        ReviewStore store(a);
        const ReviewRef ref = v.model()->item(0)->ref;
        QCOMPARE(store.record(ref).status, ReviewStatus::Flagged);
        QCOMPARE(v.model()->item(0)->status, u"flagged"_s);
        QVERIFY2(v.countsText().contains(u"Flagged 1"_s), qPrintable(v.countsText()));
        QCOMPARE(ActivityLog::entries(a, {}, {}, u"review.status"_s).size(), 1);

        // N: a note; A: a case (the answers come through the dialog seam).
        Dialogs::setNextText(u"Card number pasted into Copilot"_s);
        QTest::keyClick(v.table(), Qt::Key_N);
        QCOMPARE(store.record(ref).note, u"Card number pasted into Copilot"_s);
        Dialogs::setNextText(u"PCI 2025"_s);
        QTest::keyClick(v.table(), Qt::Key_A);
        QCOMPARE(store.record(ref).cases, QStringList{u"PCI 2025"_s});
        QCOMPARE(v.model()->item(0)->cases, QStringList{u"PCI 2025"_s});
        // A cancelled note changes nothing.
        Dialogs::setNextText(u"ignored"_s, false);
        QTest::keyClick(v.table(), Qt::Key_N);
        QCOMPARE(store.record(ref).note, u"Card number pasted into Copilot"_s);

        // A sample joins the queue (seed and parameters recorded).
        SampleParameters p;
        p.percentHundredths = 2500;
        p.from = QDate(2025, 6, 1);
        p.to = QDate(2025, 6, 30);
        p.seed = 77;
        QSignalSpy sampled(&v, &ReviewView::sampleFinished);
        v.startSample(p);
        QVERIFY(sampled.wait(20000));
        QVERIFY2(sampled.first().at(0).toBool(), qPrintable(sampled.first().at(1).toString()));
        QVERIFY(QTest::qWaitFor([&] { return !v.isLoading() && v.model()->queue().sampleId > 0; }, 20000));
        SamplePlan plan;
        QVERIFY(ReviewSampling::plan(a, [&] { SampleParameters q = p; q.includeSampled = true; return q; }(), &plan, nullptr));
        // alice: ceil(12 × 25 %) = 3, bob: 1 (all of June is one ISO-week-or-more each; weeks of 2 June only).
        QCOMPARE(ReviewSampling::items(a, v.model()->queue().sampleId).size(), plan.items.size());
        QSet<QString> expected{u"a03"_s};
        for (const ReviewRef &r : plan.items)
            expected.insert(r.itemId);
        const QStringList shown = shownPrompts(v);
        QCOMPARE(QSet<QString>(shown.begin(), shown.end()), expected);

        // J / K move, E escalates, C clears (and moves on); the conversation follows.
        v.table()->setCurrentIndex(v.model()->index(0, 0));
        QTest::keyClick(v.table(), Qt::Key_J);
        QCOMPARE(v.table()->currentIndex().row(), 1);
        QTest::keyClick(v.table(), Qt::Key_K);
        QCOMPARE(v.table()->currentIndex().row(), 0);
        const int rows = v.model()->rowCount();
        QVERIFY(rows >= 3);
        v.table()->setCurrentIndex(v.model()->index(1, 0));
        const ReviewRef second = v.model()->item(1)->ref;
        QTest::keyClick(v.table(), Qt::Key_E);
        QCOMPARE(store.record(second).status, ReviewStatus::Escalated);
        QCOMPARE(v.table()->currentIndex().row(), 2);
        const ReviewRef third = v.model()->item(2)->ref;
        QTest::keyClick(v.table(), Qt::Key_C);
        QCOMPARE(store.record(third).status, ReviewStatus::Cleared);
        QVERIFY(v.conversation()->plainText().contains(v.model()->item(v.table()->currentIndex().row())->snippet.left(10)));

        // Read again: the cleared item has left the queue; the status filter shows it.
        v.reload();
        QVERIFY(waitView(v));
        QCOMPARE(v.model()->rowCount(), rows - 1);
        QCOMPARE(v.model()->queue().statusCounts.value(u"cleared"_s), qint64(1));
        v.setStatusFilter({u"cleared"_s});
        QVERIFY(waitView(v));
        QCOMPARE(v.model()->rowCount(), 1);
        QCOMPARE(v.model()->item(0)->ref.itemId, third.itemId);
        v.setStatusFilter({u"flagged"_s, u"escalated"_s});
        QVERIFY(waitView(v));
        QCOMPARE(v.model()->rowCount(), 2);
        v.setStatusFilter({});
        QVERIFY(waitView(v));

        // Filters: case, user, detector.
        v.setCaseFilter(u"PCI 2025"_s);
        QVERIFY(waitView(v));
        QCOMPARE(shownPrompts(v), QStringList{u"a03"_s});
        v.setCaseFilter({});
        QVERIFY(waitView(v));
        v.setUserFilter(u"bob"_s);
        QVERIFY(waitView(v));
        for (const ReviewQueueItem &i : v.model()->queue().items)
            QCOMPARE(i.ref.userId, u"bob"_s);
        v.setUserFilter({});
        QVERIFY(waitView(v));
        v.setDetectorFilter(u"sensitive:credit_card"_s);
        QVERIFY(waitView(v));
        QCOMPARE(shownPrompts(v), QStringList{u"a03"_s});
        v.setDetectorFilter(u"sensitive:iban"_s);
        QVERIFY(waitView(v));
        QCOMPARE(v.model()->rowCount(), 0);
        QVERIFY(ActivityLog::verify(a).ok);
    }

    void sampleDialog()
    {
        SampleDialog d;
        d.setPeriod(QDate(2025, 6, 1), QDate(2025, 6, 30));
        d.setPercent(12.5);
        d.setSeedText(u"123"_s);
        d.setPerMonth(true);
        auto p = d.parameters();
        QVERIFY(p);
        QCOMPARE(p->percentHundredths, 1250);
        QCOMPARE(p->seed, qint64(123));
        QCOMPARE(p->period, SampleParameters::Period::Month);
        // A blank seed: a random one, the same every time the dialog is asked.
        d.setSeedText({});
        const auto r1 = d.parameters(), r2 = d.parameters();
        QVERIFY(r1 && r2);
        QCOMPARE(r1->seed, r2->seed);
        // The period backwards: an error in the dialog, which stays open.
        d.setPeriod(QDate(2025, 6, 30), QDate(2025, 6, 1));
        QString error;
        QVERIFY(!d.parameters(&error));
        QVERIFY(!error.isEmpty());
        d.show();
        d.accept();
        QVERIFY(d.isVisible());
        QVERIFY(d.findChild<QLabel *>(u"sampleError"_s)->isVisible());
    }

    // The Prompts and Sessions tabs: Review, Note and Cases columns; the filter bar's Review filter.
    void tablesAndFilterBar()
    {
        Archive a;
        QVERIFY(a.open(test::tempDir() + u"/tables.sqlite"_s));
        fill(a);
        ReviewStore store(a);
        const QList<TurnRow> turns = a.reader().turns({});
        TurnRow bob;
        for (const TurnRow &t : turns)
            if (t.promptId == u"b1")
                bob = t;
        QVERIFY(store.setStatus(ReviewStore::turnRef(bob), ReviewStatus::Escalated));
        QVERIFY(store.setNote(ReviewStore::turnRef(bob), u"Ask HR"_s));
        QVERIFY(store.addToCase(ReviewStore::turnRef(bob), u"HR-7"_s));

        FilterBar bar;
        ReviewFilterButton *review = bar.reviewFilter();
        QVERIFY(review);
        QVERIFY(!bar.filter().hasReviewConditions());
        review->setStatuses({u"escalated"_s});
        QCOMPARE(bar.filter().reviewStatuses, QStringList{u"escalated"_s});
        QVERIFY(review->text().contains(u"escalated"_s));
        bool listed = false;
        for (const FilterBar::ActivePart &part : bar.activeParts(false))
            listed = listed || part.part == FilterBar::ReviewPart;
        QVERIFY(listed);

        PromptsModel prompts;
        prompts.setSource(&a, bar.filter());
        QVERIFY(uitest::loadAll(&prompts));
        QCOMPARE(prompts.rowCount(), 1);
        QCOMPARE(prompts.headerData(TurnRow::Review, Qt::Horizontal, Qt::DisplayRole).toString(), u"Review"_s);
        QCOMPARE(prompts.index(0, TurnRow::Review).data().toString(), u"Escalated"_s);
        QCOMPARE(prompts.index(0, TurnRow::Note).data().toString(), u"Ask HR"_s);
        QCOMPARE(prompts.index(0, TurnRow::Cases).data().toString(), u"HR-7"_s);

        SessionsModel sessions;
        sessions.setSource(&a, bar.filter());
        QVERIFY(uitest::loadAll(&sessions));
        QCOMPARE(sessions.rowCount(), 1);   // the session of the escalated turn
        QCOMPARE(sessions.headerData(SessionRow::Cases, Qt::Horizontal, Qt::DisplayRole).toString(), u"Cases"_s);

        review->reset();
        review->setCaseNames({u"HR-7"_s});
        review->setCase(u"HR-7"_s);
        QCOMPARE(bar.filter().reviewCase, u"HR-7"_s);
        prompts.setSource(&a, bar.filter());
        QVERIFY(uitest::loadAll(&prompts));
        QCOMPARE(prompts.rowCount(), 1);
        review->setCase({});
        review->setNote(u"*"_s);
        QCOMPARE(bar.filter().reviewNote, u"*"_s);
        bar.clearPart(FilterBar::ReviewPart);
        QVERIFY(!bar.filter().hasReviewConditions());
        // Unfiltered: every turn, unreviewed ones with an empty Review cell.
        prompts.setSource(&a, bar.filter());
        QVERIFY(uitest::loadAll(&prompts));
        QCOMPARE(prompts.rowCount(), 14);
    }

    void workspaceTab()
    {
        Archive a;
        QVERIFY(a.open(test::tempDir() + u"/workspace.sqlite"_s));
        fill(a);
        Workspace w;
        w.resize(1400, 800);
        w.setArchive(&a);
        QCOMPARE(w.tabs()->count(), 5);
        QCOMPARE(w.tabs()->widget(Workspace::ReviewTab), static_cast<QWidget *>(w.reviewView()));
        w.setCurrentTab(Workspace::ReviewTab);
        QVERIFY(QTest::qWaitFor([&] { return !w.reviewView()->isLoading() && w.reviewView()->model()->rowCount() == 1; }, 20000));
        QVERIFY(!w.conversationPane()->isVisible());              // the tab has its own
        QVERIFY(!w.filterBar()->reviewFilter()->isVisibleTo(&w));  // and its own review filters
        QVERIFY(w.reviewView()->countsText().contains(u"Unreviewed 1"_s));
        QCOMPARE(w.countsText(), u"1 in the queue"_s);
        // The filter bar's user scope narrows the queue.
        w.filterBar()->setUserScope({u"bob"_s}, u"User: bob"_s);
        QVERIFY(QTest::qWaitFor([&] { return !w.reviewView()->isLoading() && w.reviewView()->model()->rowCount() == 0; }, 20000));
        w.filterBar()->clearUserScope();
        // A decision in the Review tab reaches the Prompts tab's review column.
        QVERIFY(QTest::qWaitFor([&] { return !w.reviewView()->isLoading() && w.reviewView()->model()->rowCount() == 1; }, 20000));
        w.reviewView()->table()->setCurrentIndex(w.reviewView()->model()->index(0, 0));
        QVERIFY(w.reviewView()->decide(u"flagged"_s));
        w.setCurrentTab(Workspace::PromptsTab);
        QVERIFY(w.filterBar()->reviewFilter()->isVisibleTo(&w));
        w.filterBar()->reviewFilter()->setStatuses({u"flagged"_s});
        QVERIFY(QTest::qWaitFor([&] { return !w.promptsModel()->isLoading() && w.promptsModel()->rowCount() == 1; }, 20000));
        QVERIFY(uitest::loadAll(w.promptsModel()));
        QCOMPARE(w.promptsModel()->index(0, TurnRow::Review).data().toString(), u"Flagged"_s);
        QCOMPARE(w.filterFor(Workspace::UsersTab).reviewStatuses, QStringList());
    }
};

QTEST_MAIN(TestReviewView)
#include "tst_reviewview.moc"
