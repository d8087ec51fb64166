// The Activity tab's numbers without widgets (archive/ActivitySeries.h, part of ledger_core):
// the findings series — findings per UTC day per detector / watchlist from the archive, stacked
// largest first, narrowed to the chosen series — and the users with the most findings.
#include "Fixtures.h"
#include "TestSupport.h"
#include "app/archive/ActivitySeries.h"
#include "app/archive/Archive.h"

#include <QJsonDocument>
#include <QtTest>

using namespace ledger;
using namespace Qt::StringLiterals;

namespace {

Interaction make(const QString &user, const QString &id, const QDateTime &t, const QString &text,
                 const QString &app = u"IPM.SkypeTeams.Message.Copilot.Word"_s)
{
    return test::interactionOf(user, test::interactionJson(id, QString(u"s-"_s + id), QString(u"r-"_s + id), app,
                                                           u"userPrompt"_s, t, u"text"_s, text));
}

const QString kCard = u"card 4111 1111 1111 1111"_s;         // credit_card (Visa test number)
const QString kIban = u"IBAN DE89 3704 0044 0532 0130 00"_s;  // iban

} // namespace

class TestActivitySeries : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { test::isolateEnvironment(); }

    void findingsPerDayPerDetectorAndWatchlist()
    {
        Archive a;
        QVERIFY(a.open(test::tempDir() + u"/series.sqlite"_s));
        detect::Watchlist w;
        QVERIFY(detect::Watchlist::parse(u"Code Names"_s, u"Falcon\n"_s, &w, nullptr));
        a.findings().setWatchlists({w});
        User u1, u2;
        u1.id = u"u1"_s;
        u1.displayName = u"Adele Vance"_s;
        u2.id = u"u2"_s;
        u2.displayName = u"Alex Wilber"_s;
        QVERIFY(a.writer().upsertUsers({u1, u2}));
        const QDateTime d1(QDate(2026, 11, 2), QTime(23, 30), Qt::UTC), d3(QDate(2026, 11, 4), QTime(0, 15), Qt::UTC);
        QCOMPARE(a.writer().insertInteractions({
                     make(u"u1"_s, u"a"_s, d1, kCard + u" and " + kIban),
                     make(u"u1"_s, u"b"_s, d1.addSecs(60), u"Falcon "_s + kCard),
                     make(u"u2"_s, u"c"_s, d3, u"Falcon and Falcon"_s, u"IPM.SkypeTeams.Message.Copilot.Teams"_s),
                     make(u"u2"_s, u"d"_s, d3.addSecs(60), u"nothing to see, order 4111111111111112"_s),
                 }),
                 4);

        const QList<DayFindings> days = a.findings().findingsByDay({});
        QHash<QString, qint64> byKey;
        for (const DayFindings &d : days)
            byKey[d.day.toString(Qt::ISODate) + u' ' + d.key()] += d.count;
        QCOMPARE(byKey.value(u"2026-11-02 sensitive:credit_card"_s), qint64(2));
        QCOMPARE(byKey.value(u"2026-11-02 sensitive:iban"_s), qint64(1));
        QCOMPARE(byKey.value(u"2026-11-02 watchlist:Code Names"_s), qint64(1));
        QCOMPARE(byKey.value(u"2026-11-04 watchlist:Code Names"_s), qint64(2));   // UTC day of the interaction
        QCOMPARE(byKey.size(), 4);

        // The window's filter applies: apps, users, dates; and the Findings filter narrows the findings.
        ArchiveFilter teams;
        teams.appClasses = {u"IPM.SkypeTeams.Message.Copilot.Teams"_s};
        QCOMPARE(a.findings().findingsByDay(teams).size(), 1);
        ArchiveFilter cardsOnly;
        cardsOnly.findings = u"sensitive:credit_card"_s;
        const QList<DayFindings> cardDays = a.findings().findingsByDay(cardsOnly);
        QCOMPARE(cardDays.size(), 1);
        QCOMPARE(cardDays.first().count, qint64(2));

        // The series: continuous days, stacks largest first, keys and names.
        const ActivitySeries all = ActivitySeries::computeFindings(days, {});
        QCOMPARE(all.measure, ActivitySeries::Findings);
        QCOMPARE(all.days.size(), 3);   // 2, 3 (empty) and 4 November
        QCOMPARE(all.total, qint64(6));
        QCOMPARE(all.appClasses.first(), u"watchlist:Code Names"_s);   // 3 findings
        QCOMPARE(all.appNames.first(), u"Code Names"_s);
        QCOMPARE(all.dayTotals, (QList<qint64>{4, 0, 2}));
        QCOMPARE(ActivitySeries::findingKeys(days),
                 (QStringList{u"sensitive:credit_card"_s, u"sensitive:iban"_s, u"watchlist:Code Names"_s}));

        // Selectable: only the chosen detectors / watchlists.
        const ActivitySeries cards = ActivitySeries::computeFindings(days, {}, {u"sensitive:credit_card"_s});
        QCOMPARE(cards.appClasses, QStringList{u"sensitive:credit_card"_s});
        QCOMPARE(cards.total, qint64(2));
        QCOMPARE(cards.days.size(), 1);

        // Who: the users with the most findings of the chosen series.
        const QList<UserActivity> top = a.findings().topFindingUsers({}, {}, 10);
        QCOMPARE(top.size(), 2);
        QCOMPARE(top.at(0).userId, u"u1"_s);   // 4 findings
        QCOMPARE(top.at(0).count, qint64(4));
        QCOMPARE(top.at(0).displayName, u"Adele Vance"_s);
        const QList<UserActivity> watch = a.findings().topFindingUsers({}, {u"watchlist:Code Names"_s}, 10);
        QCOMPARE(watch.at(0).userId, u"u2"_s);
        QCOMPARE(watch.at(0).count, qint64(2));
        QCOMPARE(a.findings().topFindingUsers({}, {u"sensitive:iban"_s}, 10).size(), 1);
        QVERIFY(a.lastError().isEmpty());
    }

    void interactionsSeriesUnchanged()
    {
        // The interactions series is what it was in the window (moved, not changed).
        const QList<DayActivity> days{{QDate(2026, 3, 1), u"IPM.SkypeTeams.Message.Copilot.Word"_s, 3},
                                      {QDate(2026, 3, 3), u"IPM.SkypeTeams.Message.Copilot.Teams"_s, 5}};
        const ActivitySeries s = ActivitySeries::compute(days, {});
        QCOMPARE(s.measure, ActivitySeries::Interactions);
        QCOMPARE(s.days.size(), 3);
        QCOMPARE(s.appNames, (QStringList{u"Teams"_s, u"Word"_s}));
        QCOMPARE(s.total, qint64(8));
    }
};

QTEST_GUILESS_MAIN(TestActivitySeries)
#include "tst_activityseries.moc"
