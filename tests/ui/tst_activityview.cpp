// ActivityView: stacks computed from a known data set, y scale, hover hit-testing and tooltips,
// top users, PNG export (size, content), empty state.
#include "TestPalettes.h"
#include "TestSupport.h"
#include "app/archive/Archive.h"
#include "ui/activity/ActivityView.h"
#include "ui/activity/AppColors.h"
#include "ui/activity/DailyActivityChart.h"
#include "ui/activity/TopUsersChart.h"

#include <QApplication>
#include <QImage>
#include <QJsonObject>
#include <QStyle>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QtTest>

using namespace ledger;
using namespace ledger::gui;
using namespace Qt::StringLiterals;

namespace {

const QString Word = u"IPM.SkypeTeams.Message.Copilot.Word"_s;
const QString Teams = u"IPM.SkypeTeams.Message.Copilot.Teams"_s;
const QString Chat = u"IPM.SkypeTeams.Message.Copilot.BizChat"_s;

QList<DayActivity> knownDays()
{
    return {
        {QDate(2026, 3, 1), Word, 3},
        {QDate(2026, 3, 1), Teams, 2},
        // 2 March: nothing
        {QDate(2026, 3, 3), Word, 1},
        {QDate(2026, 3, 3), Chat, 5},
    };
}

QList<UserActivity> knownUsers()
{
    return {{u"u2"_s, u"Megan Bowen"_s, 4}, {u"u1"_s, u"Adele Vance"_s, 7}, {u"u3"_s, QString(), 0}};
}

// The view over the known data set, shown (both charts laid out) at `size`.
bool showKnown(ActivityView &view, QSize size = QSize(1100, 600))
{
    view.resize(size);
    view.setData(knownDays(), knownUsers());
    view.show();
    return QTest::qWaitForWindowExposed(&view);
}

} // namespace

class tst_ActivityView : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { ledger::test::isolateEnvironment(); }

    void computesStacksFromKnownData()
    {
        const ActivitySeries s = ActivitySeries::compute(knownDays(), knownUsers());
        QCOMPARE(s.days, (QList<QDate>{QDate(2026, 3, 1), QDate(2026, 3, 2), QDate(2026, 3, 3)}));
        // Stacking order: largest total first.
        QCOMPARE(s.appClasses, (QStringList{Chat, Word, Teams}));
        QCOMPARE(s.appNames, (QStringList{u"Copilot Chat"_s, u"Word"_s, u"Teams"_s}));
        QCOMPARE(s.appTotals, (QList<qint64>{5, 4, 2}));
        QCOMPARE(s.counts[0], (QList<qint64>{0, 3, 2}));
        QCOMPARE(s.counts[1], (QList<qint64>{0, 0, 0}));
        QCOMPARE(s.counts[2], (QList<qint64>{5, 1, 0}));
        QCOMPARE(s.dayTotals, (QList<qint64>{5, 0, 6}));
        QCOMPARE(s.total, 11);
        QCOMPARE(s.maxDayTotal, 6);
        QCOMPARE(s.axisStep, 2);
        QCOMPARE(s.axisMax, 6);
        // Top users sorted, highest first.
        QCOMPARE(s.topUsers.size(), 3);
        QCOMPARE(s.topUsers[0].displayName, u"Adele Vance"_s);
        QCOMPARE(s.maxUserCount, 7);
    }

    void filterRangeWidensTheDays()
    {
        const ActivitySeries s = ActivitySeries::compute(knownDays(), {}, QDate(2026, 2, 27), QDate(2026, 3, 5));
        QCOMPARE(s.days.size(), 7);
        QCOMPARE(s.dayIndex(QDate(2026, 3, 1)), 2);
        QCOMPARE(s.dayTotals[2], 5);
        QCOMPARE(s.dayTotals[6], 0);
        // Very long ranges keep the newest maxDays columns.
        const ActivitySeries longRange = ActivitySeries::compute(knownDays(), {}, QDate(2020, 1, 1), QDate(2026, 3, 3), 30);
        QCOMPARE(longRange.days.size(), 30);
        QCOMPARE(longRange.days.constLast(), QDate(2026, 3, 3));
    }

    void niceScale_data()
    {
        QTest::addColumn<qint64>("max");
        QTest::addColumn<qint64>("axisMax");
        QTest::addColumn<qint64>("step");
        QTest::newRow("zero") << qint64(0) << qint64(5) << qint64(1);
        QTest::newRow("one") << qint64(1) << qint64(1) << qint64(1);
        QTest::newRow("seven") << qint64(7) << qint64(8) << qint64(2);
        QTest::newRow("95") << qint64(95) << qint64(100) << qint64(20);
        QTest::newRow("100") << qint64(100) << qint64(100) << qint64(20);
        QTest::newRow("1234") << qint64(1234) << qint64(1500) << qint64(500);
        QTest::newRow("31000") << qint64(31000) << qint64(40000) << qint64(10000);
    }
    void niceScale()
    {
        QFETCH(qint64, max);
        QFETCH(qint64, axisMax);
        QFETCH(qint64, step);
        qint64 m = 0, s = 0;
        ActivitySeries::niceScale(max, 5, &m, &s);
        QCOMPARE(m, axisMax);
        QCOMPARE(s, step);
        QVERIFY(m >= max);
        QCOMPARE(m % s, 0);
    }

    void hoverHitTestingReturnsTheRightBar()
    {
        ActivityView view;
        QVERIFY(showKnown(view));
        DailyActivityChart *chart = view.dailyChart();
        QVERIFY(!chart->plotRect().isEmpty());

        const int word = int(view.series().appClasses.indexOf(Word));
        const int chat = int(view.series().appClasses.indexOf(Chat));
        const QRectF wordDay3 = chart->segmentRect(2, word);
        const QRectF chatDay3 = chart->segmentRect(2, chat);
        QVERIFY(!wordDay3.isEmpty());
        QVERIFY(!chatDay3.isEmpty());
        // Stacked: Copilot Chat (largest) at the bottom, Word on top of it; heights ∝ counts.
        QVERIFY(wordDay3.bottom() <= chatDay3.top() + 0.01);
        QVERIFY(qAbs(chatDay3.height() / wordDay3.height() - 5.0) < 0.3);
        QVERIFY(chart->segmentRect(1, word).isEmpty());   // empty day

        auto hit = chart->hitTest(wordDay3.center().toPoint());
        QCOMPARE(hit.day, 2);
        QCOMPARE(hit.app, word);
        QString tip = chart->toolTipFor(hit);
        QVERIFY2(tip.contains(u"Word: 1"_s), qPrintable(tip));
        QVERIFY2(tip.contains(u"All apps: 6"_s), qPrintable(tip));
        QVERIFY2(tip.contains(u"2026"_s), qPrintable(tip));

        hit = chart->hitTest(chatDay3.center().toPoint());
        QCOMPARE(hit.app, chat);
        QVERIFY(chart->toolTipFor(hit).contains(u"Copilot Chat: 5"_s));

        // Above the bars of a day: that day, no app.
        const QRectF plot = chart->plotRect();
        hit = chart->hitTest(QPoint(int(chart->segmentRect(0, word).center().x()), int(plot.top() + 2)));
        QCOMPARE(hit.day, 0);
        QCOMPARE(hit.app, -1);
        hit = chart->hitTest(QPoint(int(plot.left() + plot.width() / 2), int(plot.bottom() - 3)));
        QCOMPARE(hit.day, 1);
        QCOMPARE(hit.app, -1);
        // Outside the plot: nothing.
        hit = chart->hitTest(QPoint(1, 1));
        QCOMPARE(hit.day, -1);
        QVERIFY(chart->toolTipFor(hit).isEmpty());
    }

    // The charts' mouse handling (HoverChart): a hand over what a click opens, an arrow over an
    // empty day, a left click on a bar or a user reports it, a click on nothing does not.
    void chartsMouseHoverAndClick()
    {
        ActivityView view;
        QVERIFY(showKnown(view));
        DailyActivityChart *chart = view.dailyChart();
        const int word = int(view.series().appClasses.indexOf(Word));
        const QPoint onBar = chart->segmentRect(2, word).center().toPoint();
        const QRectF plot = chart->plotRect();
        const QPoint emptyDay(int(plot.left() + plot.width() / 2), int(plot.bottom() - 3));
        QCOMPARE(chart->hitTest(emptyDay).day, 1);

        QTest::mouseMove(chart, onBar);
        QTRY_COMPARE(chart->cursor().shape(), Qt::PointingHandCursor);
        QTest::mouseMove(chart, emptyDay);
        QTRY_COMPARE(chart->cursor().shape(), Qt::ArrowCursor);

        QSignalSpy days(chart, &DailyActivityChart::dayClicked);
        QTest::mouseClick(chart, Qt::LeftButton, {}, emptyDay);
        QTest::mouseClick(chart, Qt::RightButton, {}, onBar);
        QCOMPARE(days.size(), 0);
        QTest::mouseClick(chart, Qt::LeftButton, {}, onBar);
        QCOMPARE(days.size(), 1);
        QCOMPARE(days.at(0).at(0).toInt(), 2);

        TopUsersChart *users = view.topUsersChart();
        QSignalSpy rows(users, &TopUsersChart::userClicked);
        QTest::mouseMove(users, users->barRect(1).center().toPoint());
        QTRY_COMPARE(users->cursor().shape(), Qt::PointingHandCursor);
        QTest::mouseClick(users, Qt::LeftButton, {}, QPoint(1, 1));
        QCOMPARE(rows.size(), 0);
        QTest::mouseClick(users, Qt::LeftButton, {}, users->barRect(1).center().toPoint());
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.at(0).at(0).toInt(), 1);
    }

    void topUsersHitTesting()
    {
        ActivityView view;
        QVERIFY(showKnown(view));
        TopUsersChart *users = view.topUsersChart();
        const QRectF first = users->barRect(0), second = users->barRect(1);
        QVERIFY(!first.isEmpty());
        QVERIFY(first.width() > second.width());
        QVERIFY(qAbs(first.width() / second.width() - 7.0 / 4.0) < 0.05);
        QCOMPARE(users->hitTest(first.center().toPoint()), 0);
        QCOMPARE(users->hitTest(second.center().toPoint()), 1);
        QVERIFY(users->toolTipFor(0).contains(u"Adele Vance"_s));
        QVERIFY(users->toolTipFor(0).contains(u"7 interactions"_s));
        QVERIFY(users->toolTipFor(2).startsWith(u"u3"_s));   // no display name: the id
        QCOMPARE(users->hitTest(QPoint(5, users->height() - 1)), -1);
    }

    void savePngWritesAnImageOfTheRightSize()
    {
        ActivityView view;
        QVERIFY(showKnown(view, QSize(1000, 560)));
        const QString path = ledger::test::tempDir() + u"/activity.png"_s;
        QSignalSpy saved(&view, &ActivityView::pngSaved);
        QVERIFY2(view.savePng(path), qPrintable(view.lastError()));
        QCOMPARE(saved.size(), 1);
        QImage img(path);
        QVERIFY(!img.isNull());
        QCOMPARE(img.size(), view.pngSize());
        QVERIFY(img.width() >= 2 * 900);   // rendered at ≥ 2× for crisp reports

        // The bars are in the picture: the Word colour appears.
        const QColor wordColor = appColor(u"Word"_s, view.palette().color(QPalette::Window).lightnessF() < 0.5);
        bool found = false;
        for (int y = 0; y < img.height() && !found; y += 2)
            for (int x = 0; x < img.width() && !found; x += 2)
                found = img.pixelColor(x, y).rgb() == wordColor.rgb();
        QVERIFY(found);

        // The button goes through the file-name seam.
        const QString viaButton = ledger::test::tempDir() + u"/button.png"_s;
        view.setSaveFileNameHook([&](const QString &suggested) {
            return suggested.endsWith(u".png"_s) ? viaButton : QString();
        });
        for (QPushButton *b : view.findChildren<QPushButton *>())
            if (b->text().startsWith(u"Save as PNG"_s))
                b->click();
        QVERIFY(QFile::exists(viaButton));
        QCOMPARE(saved.size(), 2);

        // An unwritable place: false, an error, and no file.
        QVERIFY(!view.savePng(ledger::test::tempDir() + u"/no/such/dir/x.png"_s));
        QVERIFY(!view.lastError().isEmpty());
    }

    void savePngWorksBeforeTheViewWasShown()
    {
        ActivityView view;
        view.setData(knownDays(), knownUsers());
        const QString path = ledger::test::tempDir() + u"/hidden.png"_s;
        QVERIFY2(view.savePng(path), qPrintable(view.lastError()));
        const QImage img(path);
        QCOMPARE(img.size(), view.pngSize());
        QVERIFY(img.width() >= 800);
    }

    void emptyStateWithoutData()
    {
        ActivityView view;
        view.resize(800, 500);
        view.setData({}, {});
        auto *stack = view.findChild<QStackedWidget *>();
        QVERIFY(stack);
        auto *label = qobject_cast<QLabel *>(stack->currentWidget());
        QVERIFY(label);
        QVERIFY(!label->text().isEmpty());
        QVERIFY(!view.savePng(ledger::test::tempDir() + u"/empty.png"_s));
        // No archive: reload keeps the empty state.
        view.setArchive(nullptr);
        view.reload();
        QCOMPARE(view.series().total, 0);
    }

    // Real archive: the view queries activityByDay/topUsers with the filter when shown.
    void readsTheArchiveWithTheFilter()
    {
        Archive archive;
        QString error;
        QVERIFY2(archive.open(ledger::test::tempDir() + u"/activity.sqlite"_s, &error), qPrintable(error));
        User adele;
        adele.id = u"u1"_s;
        adele.displayName = u"Adele Vance"_s;
        User megan;
        megan.id = u"u2"_s;
        megan.displayName = u"Megan Bowen"_s;
        QVERIFY(archive.writer().upsertUsers({adele, megan}));
        QList<Interaction> list;
        auto add = [&list](const QString &user, const QString &id, const QString &app, const char *when) {
            const QJsonObject o{{u"id"_s, id}, {u"sessionId"_s, QString(u"s-"_s + id)}, {u"appClass"_s, app},
                                {u"interactionType"_s, u"userPrompt"_s}, {u"createdDateTime"_s, QString::fromLatin1(when)},
                                {u"body"_s, QJsonObject{{u"contentType"_s, u"text"_s}, {u"content"_s, u"hello"_s}}}};
            list << Interaction::fromJson(user, o);
        };
        add(u"u1"_s, u"a"_s, Word, "2026-03-01T09:00:00Z");
        add(u"u1"_s, u"b"_s, Word, "2026-03-01T10:00:00Z");
        add(u"u1"_s, u"c"_s, Teams, "2026-03-03T10:00:00Z");
        add(u"u2"_s, u"d"_s, Teams, "2026-03-03T11:00:00Z");
        QCOMPARE(archive.writer().insertInteractions(list), 4);

        ActivityView view;
        view.resize(1000, 560);
        view.setArchive(&archive);
        QCOMPARE(view.series().total, 0);   // hidden: nothing queried yet
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        auto settled = [&view] { return QTest::qWaitFor([&view] { return !view.isLoading(); }, 20000); };
        QVERIFY(view.isLoading());   // read in a worker thread, not while painting
        QVERIFY(settled());
        QCOMPARE(view.series().total, 4);
        QCOMPARE(view.series().days.size(), 3);
        QCOMPARE(view.series().dayTotals, (QList<qint64>{2, 0, 2}));
        QCOMPARE(view.series().topUsers.size(), 2);
        QCOMPARE(view.series().topUsers[0].displayName, u"Adele Vance"_s);
        QCOMPARE(view.series().topUsers[0].count, 3);

        ArchiveFilter teamsOnly;
        teamsOnly.appClasses = {Teams};
        view.setFilter(teamsOnly);
        QVERIFY(settled());
        QCOMPARE(view.series().total, 2);
        QCOMPARE(view.series().appClasses, QStringList{Teams});

        ArchiveFilter range;   // a wider date range widens the axis
        range.from = QDateTime(QDate(2026, 2, 27), QTime(0, 0), Qt::UTC);
        range.to = QDateTime(QDate(2026, 3, 6), QTime(0, 0), Qt::UTC);
        view.setFilter(range);
        QVERIFY(settled());
        QCOMPARE(view.series().days.size(), 7);
        QCOMPARE(view.series().days.constFirst(), QDate(2026, 2, 27));
        QCOMPARE(view.series().days.constLast(), QDate(2026, 3, 5));
        QCOMPARE(view.series().total, 4);
    }

    void colorsReadableInLightAndDark()
    {
        for (const QString &app : {u"Word"_s, u"Excel"_s, u"Teams"_s, u"Something new"_s}) {
            const QColor light = appColor(app, false), dark = appColor(app, true);
            QVERIFY(dark.lightnessF() > light.lightnessF());
            QVERIFY(light.lightnessF() < 0.7);
        }
        QVERIFY(appColor(u"Word"_s, false) != appColor(u"Excel"_s, false));
    }

    // LEDGER_SCREENSHOT_DIR=… writes the docs/screenshots pictures (light and dark palettes).
    void screenshots()
    {
        const QString dir = qEnvironmentVariable("LEDGER_SCREENSHOT_DIR");
        if (dir.isEmpty())
            QSKIP("set LEDGER_SCREENSHOT_DIR to write screenshots");
        const QStringList apps{Word, Teams, Chat, u"IPM.SkypeTeams.Message.Copilot.Excel"_s,
                               u"IPM.SkypeTeams.Message.Copilot.Outlook"_s, u"IPM.SkypeTeams.Message.Copilot.PowerPoint"_s,
                               u"IPM.SkypeTeams.Message.Copilot.WebChat"_s};
        const int weights[] = {22, 30, 45, 14, 18, 8, 6};
        QList<DayActivity> days;
        quint32 seed = 7;
        auto rnd = [&seed] { seed = seed * 1664525u + 1013904223u; return (seed >> 8) % 1000; };
        const QDate end(2026, 11, 19);
        for (int d = 0; d < 90; ++d) {
            const QDate day = end.addDays(-89 + d);
            const bool weekend = day.dayOfWeek() >= 6;
            for (int a = 0; a < apps.size(); ++a) {
                const qint64 n = (weights[a] * (weekend ? 2 : 10) * (60 + d / 2 + int(rnd() % 50))) / 600;
                if (n > 0)
                    days.append({day, apps[a], n});
            }
        }
        const QStringList names{u"Adele Vance"_s, u"Megan Bowen"_s, u"Alex Wilber"_s, u"Lee Gu"_s, u"Nestor Wilke"_s,
                                u"Isaiah Langer"_s, u"Lidia Holloway"_s, u"Johanna Lorenz"_s, u"Pradeep Gupta"_s,
                                u"Grady Archie (Finance & Operations, EMEA)"_s};
        QList<UserActivity> users;
        for (int i = 0; i < names.size(); ++i)
            users.append({u"u"_s + QString::number(i), names[i], qint64(1450 - i * 128)});
        for (const bool dark : {false, true}) {
            ActivityView view;
            view.setPalette(uitest::palette(dark));
            view.setAutoFillBackground(true);
            view.resize(1180, 520);
            view.setData(days, users);
            view.show();
            QVERIFY(QTest::qWaitForWindowExposed(&view));
            QVERIFY(view.grab().save(dir + (dark ? u"/activity-dark.png"_s : u"/activity-light.png"_s)));
            if (!dark)
                QVERIFY(view.savePng(dir + u"/activity-export.png"_s));
        }
    }
};

QTEST_MAIN(tst_ActivityView)
#include "tst_activityview.moc"
