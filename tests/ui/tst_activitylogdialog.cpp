// Help → Activity log: the table (time, operator, action, details), its filters (text, date
// range, action), the verification on opening and the banner that names the entry that fails.
// LEDGER_TEST_SCREENSHOT_DIR=DIR saves both states as PNGs (for docs/screenshots/).
#include "SqlFile.h"
#include "TestSupport.h"
#include "app/archive/ActivityLog.h"
#include "app/archive/Archive.h"
#include "ui/log/ActivityLogDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QFile>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTableView>
#include <QtTest>

using namespace ledger;
using namespace Qt::StringLiterals;

namespace {

const QDateTime kT0(QDate(2026, 3, 2), QTime(9, 30), Qt::UTC);

void fill(Archive &a)
{
    auto at = [](int day) { ActivityLog::setClockForTesting(kT0.addDays(day)); };
    at(0);
    ActivityLog::append(a, u"profile"_s,
                        {{u"action"_s, u"created"_s}, {u"profile_id"_s, u"p1"_s}, {u"name"_s, u"Contoso"_s},
                         {u"tenant"_s, u"contoso.onmicrosoft.com"_s}, {u"client_id"_s, u"aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee"_s},
                         {u"cloud"_s, u"global"_s}});
    at(1);
    ActivityLog::append(a, u"sync"_s,
                        {{u"from"_s, u"2026-01-01T00:00:00.000Z"_s}, {u"to"_s, u"2026-03-03T00:00:00.000Z"_s},
                         {u"apps"_s, QJsonArray{}}, {u"users"_s, QJsonArray{}}, {u"users_synced"_s, 150},
                         {u"interactions_new"_s, 30000}, {u"outcome"_s, u"completed"_s}});
    at(2);
    ActivityLog::append(a, u"watchlist"_s,
                        {{u"action"_s, u"created"_s}, {u"watchlist"_s, u"Projects"_s},
                         {u"members"_s, QJsonArray{u"Falcon"_s, u"Eagle*"_s}}});
    at(3);
    ActivityLog::append(a, u"case.created"_s, {{u"case"_s, u"Falcon leak"_s}});
    at(3);
    ActivityLog::append(a, u"review.status"_s,
                        {{u"user_id"_s, u"adele@contoso.com"_s}, {u"item_kind"_s, u"turn"_s}, {u"item_id"_s, u"p-4711"_s},
                         {u"status"_s, u"escalated"_s}, {u"previous_status"_s, u"flagged"_s}});
    at(4);
    ActivityLog::append(a, u"review.note"_s,
                        {{u"user_id"_s, u"adele@contoso.com"_s}, {u"item_kind"_s, u"turn"_s}, {u"item_id"_s, u"p-4711"_s},
                         {u"note"_s, u"Shared the Falcon budget with an external address; legal informed."_s}});
    at(5);
    ActivityLog::append(a, u"export"_s,
                        {{u"folder"_s, u"/srv/audit/2026-03"_s}, {u"scope"_s, QJsonObject{{u"scope"_s, u"all"_s}}},
                         {u"row_counts"_s, QJsonObject{{u"prompts.csv"_s, 15000}}},
                         {u"checksums"_s, QJsonObject{{u"prompts.csv"_s, QString(64, u'a')}}}});
    ActivityLog::setClockForTesting({});
}

void saveShot(QWidget *w, const QString &name)
{
    const QString dir = qEnvironmentVariable("LEDGER_TEST_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    w->show();
    QVERIFY(QTest::qWaitForWindowExposed(w));
    QVERIFY(w->grab().save(dir + u'/' + name));
}

} // namespace

class TestActivityLogDialog : public QObject {
    Q_OBJECT
    QString m_path;

private slots:
    void initTestCase()
    {
        test::isolateEnvironment();
        m_path = test::tempDir() + u"/log.sqlite"_s;
        Archive a;
        QVERIFY(a.open(m_path));
        fill(a);
        QCOMPARE(ActivityLog::entries(a).size(), 7);
    }

    void showsAndFilters()
    {
        Archive a;
        QVERIFY(a.open(m_path));
        gui::ActivityLogDialog dialog(a);
        QVERIFY(dialog.verification().ok);
        auto *banner = dialog.findChild<QLabel *>(u"verificationBanner"_s);
        QVERIFY(banner);
        QVERIFY2(banner->text().contains(u"intact"_s), qPrintable(banner->text()));
        QCOMPARE(banner->property("failed").toBool(), false);
        auto *table = dialog.findChild<QTableView *>(u"activityLogTable"_s);
        QVERIFY(table);
        QCOMPARE(dialog.visibleRows(), 7);
        const QAbstractItemModel *m = table->model();
        QCOMPARE(m->columnCount(), 5);
        QCOMPARE(m->headerData(1, Qt::Horizontal).toString(), u"Time (UTC)"_s);
        QCOMPARE(m->headerData(2, Qt::Horizontal).toString(), u"Operator"_s);
        QCOMPARE(m->headerData(3, Qt::Horizontal).toString(), u"Action"_s);
        QCOMPARE(m->headerData(4, Qt::Horizontal).toString(), u"Details"_s);
        QCOMPARE(m->index(1, 1).data().toString(), u"2026-03-03 09:30:00"_s);
        QCOMPARE(m->index(1, 2).data().toString(), ActivityLog::currentOperator() + u'@' + ActivityLog::currentMachine());
        QCOMPARE(m->index(1, 3).data().toString(), u"Sync"_s);
        QVERIFY(m->index(5, 4).data().toString().contains(u"legal informed"_s));
        QCOMPARE(dialog.findChild<QLabel *>(u"logCount"_s)->text(), u"7 of 7 entries shown"_s);
        saveShot(&dialog, u"activity-log.png"_s);

        // Text: any column, case-insensitive.
        auto *text = dialog.findChild<QLineEdit *>(u"logSearch"_s);
        text->setText(u"FALCON"_s);
        QCOMPARE(dialog.visibleRows(), 3);   // the watchlist's terms, the case, the note
        text->clear();
        // Action.
        auto *action = dialog.findChild<QComboBox *>(u"logAction"_s);
        QCOMPARE(action->itemText(0), u"All actions"_s);
        const int review = action->findData(u"review.status"_s);
        QVERIFY(review > 0);
        QCOMPARE(action->itemText(review), u"Review status"_s);
        action->setCurrentIndex(review);
        QCOMPARE(dialog.visibleRows(), 1);
        QCOMPARE(m->index(0, 0).data().toLongLong(), 5);
        action->setCurrentIndex(0);
        // Date range (UTC days, both included).
        auto *useFrom = dialog.findChild<QCheckBox *>(u"logUseFrom"_s);
        auto *useTo = dialog.findChild<QCheckBox *>(u"logUseTo"_s);
        auto *from = dialog.findChild<QDateEdit *>(u"logFrom"_s);
        auto *to = dialog.findChild<QDateEdit *>(u"logTo"_s);
        QCOMPARE(from->date(), QDate(2026, 3, 2));   // the log's first and last day
        QCOMPARE(to->date(), QDate(2026, 3, 7));
        from->setDate(QDate(2026, 3, 4));
        QCOMPARE(dialog.visibleRows(), 7);           // not used until ticked
        useFrom->setChecked(true);
        QCOMPARE(dialog.visibleRows(), 5);
        to->setDate(QDate(2026, 3, 5));
        useTo->setChecked(true);
        QCOMPARE(dialog.visibleRows(), 3);           // 3/4 (watchlist), 3/5 (case, status)
        text->setText(u"escalated"_s);
        QCOMPARE(dialog.visibleRows(), 1);
        QCOMPARE(dialog.findChild<QLabel *>(u"logCount"_s)->text(), u"1 of 7 entries shown"_s);
    }

    void bannerNamesTheFailingEntry()
    {
        const QString copy = test::tempDir() + u"/tampered.sqlite"_s;
        QVERIFY(QFile::copy(m_path, copy));
        QString error;
        QVERIFY2(test::execSql(copy,
                               {u"DROP TRIGGER activity_log_no_update"_s,
                                u"UPDATE activity_log SET details = replace(details, 'escalated', 'cleared') WHERE seq = 5"_s},
                               &error),
                 qPrintable(error));
        Archive a;
        QVERIFY(a.open(copy));
        gui::ActivityLogDialog dialog(a);
        QVERIFY(!dialog.verification().ok);
        QCOMPARE(dialog.verification().firstBadSeq, 5);
        auto *banner = dialog.findChild<QLabel *>(u"verificationBanner"_s);
        QCOMPARE(banner->property("failed").toBool(), true);
        QVERIFY2(banner->text().contains(u"Verification FAILED"_s), qPrintable(banner->text()));
        QVERIFY2(banner->text().contains(u"Entry 5 (2026-03-05 09:30:00 UTC) does not verify"_s), qPrintable(banner->text()));
        QVERIFY(!banner->isHidden());
        // The entries are still shown, the failing one marked.
        QCOMPARE(dialog.visibleRows(), 7);
        const QAbstractItemModel *m = dialog.findChild<QTableView *>(u"activityLogTable"_s)->model();
        QVERIFY(m->index(4, 4).data(Qt::BackgroundRole).isValid());
        QVERIFY(!m->index(3, 4).data(Qt::BackgroundRole).isValid());
        saveShot(&dialog, u"activity-log-failed.png"_s);
    }

    void emptyLog()
    {
        Archive a;
        QVERIFY(a.open(test::tempDir() + u"/empty.sqlite"_s));
        gui::ActivityLogDialog dialog(a);
        QVERIFY(dialog.verification().ok);
        QCOMPARE(dialog.visibleRows(), 0);
        QVERIFY(dialog.findChild<QLabel *>(u"verificationBanner"_s)->text().contains(u"empty"_s));
    }
};

QTEST_MAIN(TestActivityLogDialog)
#include "tst_activitylogdialog.moc"
