// Sampling (review/ReviewSampling.h): the rounding rule, per user per week/month, reproducible
// from the recorded seed and parameters, no item twice unless asked; the Review queue's sources,
// filters and counts; review filters and columns of the Prompts/Sessions reads.
#include "Fixtures.h"
#include "SqlFile.h"
#include "TestSupport.h"
#include "app/archive/ActivityLog.h"
#include "app/archive/Archive.h"
#include "app/review/ReviewQueue.h"
#include "app/review/ReviewSampling.h"
#include "app/review/ReviewStore.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QTimeZone>
#include <QtEndian>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>
#include <algorithm>

using namespace ledger;
using namespace ledger::test;
using namespace Qt::StringLiterals;

namespace {

// 2025-03-03 is a Monday.
const test::FixtureClock at{2025, 3, QTime(9, 0)};

Interaction make(const QString &user, const QString &id, InteractionType type, const QString &session, const QDateTime &when,
                 const QString &text = {})
{
    Interaction i;
    i.userId = user;
    i.id = id;
    i.sessionId = session;
    i.requestId = u"q-"_s + id;
    i.type = type;
    i.appClass = u"IPM.SkypeTeams.Message.Copilot.Teams"_s;
    i.created = when;
    i.bodyText = text.isEmpty() ? u"text "_s + id : text;
    i.raw = "{\"id\":\"" + id.toUtf8() + "\"}";
    return i;
}

// u1: 30 prompts in the week of 3 March and 3 in the week of 10 March; u2: 1 prompt on 4 March.
QList<Interaction> corpus()
{
    QList<Interaction> all;
    for (int k = 0; k < 30; ++k)
        all << make(u"u1"_s, u"a%1"_s.arg(k, 2, 10, QChar(u'0')), InteractionType::UserPrompt, u"s%1"_s.arg(k / 5), at(3 + k % 5, k));
    for (int k = 0; k < 3; ++k)
        all << make(u"u1"_s, u"b%1"_s.arg(k), InteractionType::UserPrompt, u"t1"_s, at(10, k));
    all << make(u"u2"_s, u"c0"_s, InteractionType::UserPrompt, u"v1"_s, at(4, 0));
    return all;
}

SampleParameters tenPercentMarch(qint64 seed)
{
    SampleParameters p;
    p.percentHundredths = 1000;
    p.period = SampleParameters::Period::Week;
    p.from = QDate(2025, 3, 1);
    p.to = QDate(2025, 3, 31);
    p.seed = seed;
    return p;
}

QStringList keys(const QList<ReviewRef> &refs)
{
    QStringList out;
    for (const ReviewRef &r : refs)
        out << r.userId + u'/' + r.itemId;
    return out;
}

} // namespace

class TestReviewSampling : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { isolateEnvironment(); }

    void roundingRule_data()
    {
        QTest::addColumn<qint64>("population");
        QTest::addColumn<int>("hundredths");
        QTest::addColumn<qint64>("picked");
        QTest::newRow("no turns") << qint64(0) << 1000 << qint64(0);
        QTest::newRow("one turn, 10 %") << qint64(1) << 1000 << qint64(1);
        QTest::newRow("3 turns, 10 %: at least one") << qint64(3) << 1000 << qint64(1);
        QTest::newRow("10 turns, 10 %") << qint64(10) << 1000 << qint64(1);
        QTest::newRow("11 turns, 10 %: rounded up") << qint64(11) << 1000 << qint64(2);
        QTest::newRow("7 turns, 50 %") << qint64(7) << 5000 << qint64(4);
        QTest::newRow("1000 turns, 2.5 %") << qint64(1000) << 250 << qint64(25);
        QTest::newRow("1001 turns, 2.5 %") << qint64(1001) << 250 << qint64(26);
        QTest::newRow("100 turns, 0.01 %") << qint64(100) << 1 << qint64(1);
        QTest::newRow("5 turns, 100 %") << qint64(5) << 10000 << qint64(5);
    }
    void roundingRule()
    {
        QFETCH(qint64, population);
        QFETCH(int, hundredths);
        QFETCH(qint64, picked);
        QCOMPARE(ReviewSampling::pickCount(population, hundredths), picked);
    }

    void perUserPerWeekAndMonth()
    {
        Archive a;
        QVERIFY(a.open(tempDir() + u"/buckets.sqlite"_s));
        QCOMPARE(a.writer().insertInteractions(corpus()), 34);
        SamplePlan plan;
        QString error;
        QVERIFY2(ReviewSampling::plan(a, tenPercentMarch(42), &plan, &error), qPrintable(error));
        QCOMPARE(plan.population, qint64(34));
        QCOMPARE(plan.buckets, qint64(3));
        // u1: ceil(30 × 10 %) = 3 in the first week, ceil(3 × 10 %) = 1 in the second; u2: 1.
        QCOMPARE(plan.items.size(), 5);
        int firstWeek = 0, secondWeek = 0, u2 = 0;
        for (const ReviewRef &r : plan.items) {
            if (r.userId == u"u2")
                ++u2;
            else if (r.itemId.startsWith(u'a'))
                ++firstWeek;
            else if (r.itemId.startsWith(u'b'))
                ++secondWeek;
        }
        QCOMPARE(firstWeek, 3);
        QCOMPARE(secondWeek, 1);
        QCOMPARE(u2, 1);

        SampleParameters month = tenPercentMarch(42);
        month.period = SampleParameters::Period::Month;
        QVERIFY(ReviewSampling::plan(a, month, &plan, &error));
        QCOMPARE(plan.buckets, qint64(2));
        QCOMPARE(plan.items.size(), 4 + 1);   // u1: ceil(33 × 10 %) = 4; u2: 1

        // Outside the period: nothing.
        SampleParameters april = tenPercentMarch(42);
        april.from = QDate(2025, 4, 1);
        april.to = QDate(2025, 4, 30);
        QVERIFY(ReviewSampling::plan(a, april, &plan, &error));
        QCOMPARE(plan.items.size(), 0);
        // One user only.
        SampleParameters onlyU2 = tenPercentMarch(42);
        onlyU2.userIds = {u"u2"_s};
        QVERIFY(ReviewSampling::plan(a, onlyU2, &plan, &error));
        QCOMPARE(keys(plan.items), QStringList{u"u2/c0"_s});
    }

    // The same seed and parameters give the same items, whatever order the archive was filled
    // in and whatever other users it holds; another seed gives other items.
    void reproducible()
    {
        QList<Interaction> forward = corpus(), backward = corpus();
        std::reverse(backward.begin(), backward.end());
        Archive a, b;
        QVERIFY(a.open(tempDir() + u"/repro-a.sqlite"_s));
        QVERIFY(b.open(tempDir() + u"/repro-b.sqlite"_s));
        QCOMPARE(a.writer().insertInteractions(forward), 34);
        for (const Interaction &i : backward)
            QCOMPARE(b.writer().insertInteractions({i}), 1);
        QVERIFY(b.writer().insertInteractions({make(u"u3"_s, u"d0"_s, InteractionType::UserPrompt, u"w"_s, at(5, 0))}) == 1);
        SamplePlan pa, pb, again, other;
        QVERIFY(ReviewSampling::plan(a, tenPercentMarch(7), &pa, nullptr));
        QVERIFY(ReviewSampling::plan(b, tenPercentMarch(7), &pb, nullptr));
        QVERIFY(ReviewSampling::plan(a, tenPercentMarch(7), &again, nullptr));
        QCOMPARE(keys(again.items), keys(pa.items));
        QStringList withoutU3 = keys(pb.items);
        withoutU3.removeAll(u"u3/d0"_s);
        QCOMPARE(withoutU3, keys(pa.items));
        QVERIFY(ReviewSampling::plan(a, tenPercentMarch(8), &other, nullptr));
        QCOMPARE(other.items.size(), pa.items.size());
        QVERIFY(keys(other.items) != keys(pa.items));
        // The score is SHA-256 of "<seed>\n<user>\n<item>" (documented for auditors).
        QCOMPARE(ReviewSampling::score(7, u"u1"_s, u"a00"_s),
                 qFromBigEndian<quint64>(QCryptographicHash::hash("7\nu1\na00", QCryptographicHash::Sha256).constData()));
    }

    // Recorded: seed and parameters in review_samples and in the "sample" log entry; a second
    // sample over the same period picks other items; re-drawing a sample gives its items.
    void recordedAndNotTwice()
    {
        const QString path = tempDir() + u"/record.sqlite"_s;
        Archive a;
        QVERIFY(a.open(path));
        QCOMPARE(a.writer().insertInteractions(corpus()), 34);
        SamplePlan first;
        QString error;
        QVERIFY(ReviewSampling::plan(a, tenPercentMarch(1234), &first, &error));
        QCOMPARE(first.parameters.excludedSamples.value(), QList<qint64>{});
        const qint64 id1 = ReviewSampling::record(a, first, &error);
        QVERIFY2(id1 > 0, qPrintable(error));
        QCOMPARE(keys(ReviewSampling::items(a, id1)), keys(first.items));

        const QList<SampleInfo> samples = ReviewSampling::samples(a);
        QCOMPARE(samples.size(), 1);
        QCOMPARE(samples.first().seed, qint64(1234));
        QCOMPARE(samples.first().picked, qint64(5));
        QCOMPARE(samples.first().parameters.percentHundredths, 1000);
        QCOMPARE(samples.first().parameters.from, QDate(2025, 3, 1));
        {
            QSqlQuery q(QSqlDatabase::database(a.connectionName()));
            QVERIFY(q.exec(u"SELECT seed, parameters FROM review_samples"_s) && q.next());
            QCOMPARE(q.value(0).toLongLong(), qint64(1234));
            const QJsonObject p = QJsonDocument::fromJson(q.value(1).toString().toUtf8()).object();
            QCOMPARE(p.value(u"period"_s).toString(), u"week"_s);
            QCOMPARE(p.value(u"percent"_s).toString(), u"10"_s);
            QCOMPARE(p.value(u"to"_s).toString(), u"2025-03-31"_s);
        }
        const QList<ActivityEntry> log = ActivityLog::entries(a, {}, {}, u"sample"_s);
        QCOMPARE(log.size(), 1);
        QCOMPARE(log.first().details.value(u"seed"_s).toInteger(), qint64(1234));
        QCOMPARE(log.first().details.value(u"sample_id"_s).toInteger(), id1);
        QCOMPARE(log.first().details.value(u"picked"_s).toInteger(), qint64(5));
        QCOMPARE(log.first().details.value(u"parameters"_s).toObject(), first.parameters.toJson());

        // A second sample with the same seed: other items, the first sample recorded as left out.
        SamplePlan second;
        QVERIFY(ReviewSampling::plan(a, tenPercentMarch(1234), &second, &error));
        QCOMPARE(second.parameters.excludedSamples.value(), QList<qint64>{id1});
        const QStringList firstList = keys(first.items);
        const QSet<QString> firstKeys(firstList.begin(), firstList.end());
        // u2 has one turn, already sampled: nothing left to pick for u2; u1's second week: 1 of 2 left.
        QCOMPARE(second.items.size(), 4);
        for (const QString &k : keys(second.items))
            QVERIFY2(!firstKeys.contains(k), qPrintable(k));
        const qint64 id2 = ReviewSampling::record(a, second, &error);
        QVERIFY(id2 > id1);
        // Asked to include sampled items: the first sample's pick again (same seed).
        SampleParameters again = tenPercentMarch(1234);
        again.includeSampled = true;
        SamplePlan third;
        QVERIFY(ReviewSampling::plan(a, again, &third, &error));
        QCOMPARE(keys(third.items), keys(first.items));

        // Each recorded sample is re-drawn exactly from what was recorded, also after reopening.
        a.close();
        QVERIFY(a.open(path));
        SamplePlan redo;
        QVERIFY(ReviewSampling::reproduce(a, id1, &redo, &error));
        QCOMPARE(keys(redo.items), keys(ReviewSampling::items(a, id1)));
        QVERIFY(ReviewSampling::reproduce(a, id2, &redo, &error));
        QCOMPARE(keys(redo.items), keys(ReviewSampling::items(a, id2)));
        QVERIFY(ActivityLog::verify(a).ok);
    }

    void badParameters_data()
    {
        QTest::addColumn<int>("hundredths");
        QTest::addColumn<QDate>("from");
        QTest::addColumn<QDate>("to");
        QTest::addColumn<qint64>("seed");
        QTest::newRow("0 %") << 0 << QDate(2025, 3, 1) << QDate(2025, 3, 31) << qint64(1);
        QTest::newRow("over 100 %") << 10001 << QDate(2025, 3, 1) << QDate(2025, 3, 31) << qint64(1);
        QTest::newRow("to before from") << 1000 << QDate(2025, 3, 31) << QDate(2025, 3, 1) << qint64(1);
        QTest::newRow("no period") << 1000 << QDate() << QDate() << qint64(1);
        QTest::newRow("negative seed") << 1000 << QDate(2025, 3, 1) << QDate(2025, 3, 31) << qint64(-1);
    }
    void badParameters()
    {
        QFETCH(int, hundredths);
        QFETCH(QDate, from);
        QFETCH(QDate, to);
        QFETCH(qint64, seed);
        Archive a;
        QVERIFY(a.open(tempDir() + u"/bad-"_s + QString::fromLatin1(QTest::currentDataTag()).replace(u' ', u'-') + u".sqlite"_s));
        SampleParameters p = tenPercentMarch(seed);
        p.percentHundredths = hundredths;
        p.from = from;
        p.to = to;
        SamplePlan plan;
        QString error;
        QVERIFY(!ReviewSampling::plan(a, p, &plan, &error));
        QVERIFY(!error.isEmpty());
        QCOMPARE(ReviewSampling::samples(a).size(), 0);
    }

    // The queue: flagged + findings + the newest sample, cleared ones left out; counts per status;
    // filters by status, case, user and detector.
    void queue()
    {
        Archive a;
        QVERIFY(a.open(tempDir() + u"/queue.sqlite"_s));
        QList<Interaction> all = corpus();
        all << make(u"u2"_s, u"c1"_s, InteractionType::UserPrompt, u"v2"_s, at(6, 0), u"Book it on card 4111 1111 1111 1111"_s);
        QCOMPARE(a.writer().insertInteractions(all), 35);
        ReviewStore store(a);
        auto refOf = [&](const QString &id) {
            for (const TurnRow &t : a.reader().turns({}))
                if (t.promptId == id)
                    return ReviewStore::turnRef(t);
            return ReviewRef{};
        };
        QVERIFY(store.setStatus(refOf(u"a05"_s), ReviewStatus::Flagged));
        QVERIFY(store.setStatus(refOf(u"a06"_s), ReviewStatus::Escalated));
        QVERIFY(store.setStatus(refOf(u"a07"_s), ReviewStatus::Cleared));
        QVERIFY(store.addToCase(refOf(u"a08"_s), u"Case X"_s));   // a case only: not in the default queue

        ReviewQueueFilter f;
        ReviewQueue q = ReviewQueue::read(a, f);
        QVERIFY2(q.error.isEmpty(), qPrintable(q.error));
        QCOMPARE(q.sampleId, qint64(0));
        QStringList ids;
        for (const ReviewQueueItem &i : q.items)
            ids << i.promptId;
        QCOMPARE(ids, (QStringList{u"a05"_s, u"a06"_s, u"c1"_s}));
        QCOMPARE(q.items.at(2).findingCount, 1);

        // A sample joins the queue (the newest by default).
        SamplePlan plan;
        QVERIFY(ReviewSampling::plan(a, tenPercentMarch(99), &plan, nullptr));
        const qint64 id = ReviewSampling::record(a, plan, nullptr);
        QVERIFY(id > 0);
        q = ReviewQueue::read(a, f);
        QCOMPARE(q.sampleId, id);
        QSet<QString> sampled;
        for (const ReviewRef &r : plan.items)
            sampled.insert(r.itemId);
        sampled.remove(u"a07"_s);   // cleared: not shown
        QSet<QString> shown;
        for (const ReviewQueueItem &i : q.items) {
            shown.insert(i.promptId);
            QCOMPARE(i.inSample, sampled.contains(i.promptId));
        }
        QVERIFY(shown.contains(u"a05"_s) && shown.contains(u"a06"_s) && shown.contains(u"c1"_s));
        QVERIFY(!shown.contains(u"a07"_s));
        for (const QString &s : sampled)
            QVERIFY(shown.contains(s));
        QCOMPARE(q.statusCounts.value(u"flagged"_s), qint64(1));
        QCOMPARE(q.statusCounts.value(u"escalated"_s), qint64(1));

        // Status filter (cleared only when asked).
        f.sampleId = ReviewQueueFilter::kNoSample;
        f.statuses = {u"cleared"_s};
        QCOMPARE(ReviewQueue::read(a, f).items.size(), 0);   // a07 is in no source without the sample
        f.statuses = {u"flagged"_s, u"escalated"_s};
        QCOMPARE(ReviewQueue::read(a, f).items.size(), 2);
        f.statuses.clear();
        // Case: the case's turns only.
        f.caseName = u"Case X"_s;
        q = ReviewQueue::read(a, f);
        QCOMPARE(q.items.size(), 1);
        QCOMPARE(q.items.first().promptId, u"a08"_s);
        QCOMPARE(q.items.first().cases, QStringList{u"Case X"_s});
        f.caseName.clear();
        // User and detector.
        f.scope.userIds = {u"u2"_s};
        QCOMPARE(ReviewQueue::read(a, f).items.size(), 1);
        f.scope.userIds.clear();
        f.scope.findings = u"sensitive:credit_card"_s;
        q = ReviewQueue::read(a, f);
        QCOMPARE(q.items.size(), 1);
        QCOMPARE(q.items.first().promptId, u"c1"_s);
        f.scope.findings = u"sensitive:iban"_s;
        QCOMPARE(ReviewQueue::read(a, f).items.size(), 0);
    }

    // The Prompts and Sessions reads carry the review record and filter on it.
    void tableColumnsAndFilters()
    {
        Archive a;
        QVERIFY(a.open(tempDir() + u"/tables.sqlite"_s));
        QCOMPARE(a.writer().insertInteractions(corpus()), 34);
        ReviewStore store(a);
        TurnRow flagged;
        for (const TurnRow &t : a.reader().turns({}))
            if (t.promptId == u"a03")
                flagged = t;
        QVERIFY(store.setStatus(ReviewStore::turnRef(flagged), ReviewStatus::Flagged));
        QVERIFY(store.setNote(ReviewStore::turnRef(flagged), u"Ask Legal about this"_s));
        QVERIFY(store.addToCase(ReviewStore::turnRef(flagged), u"Falcon"_s));
        QVERIFY(store.addToCase(ReviewStore::turnRef(flagged), u"alpha"_s));
        SessionRow session;
        for (const SessionRow &s : a.reader().sessions({}))
            if (s.sessionKey == u"t1")
                session = s;
        QVERIFY(store.setStatus(ReviewStore::sessionRef(session), ReviewStatus::Escalated));

        ArchiveFilter f;
        f.reviewStatuses = {u"flagged"_s};
        QList<TurnRow> turns = a.reader().turns(f);
        QCOMPARE(turns.size(), 1);
        QCOMPARE(turns.first().promptId, u"a03"_s);
        QCOMPARE(turns.first().reviewStatus, u"flagged"_s);
        QCOMPARE(turns.first().reviewNote, u"Ask Legal about this"_s);
        QCOMPARE(turns.first().reviewCases, (QStringList{u"alpha"_s, u"Falcon"_s}));
        QCOMPARE(a.reader().countTurns(f), qint64(1));
        f.reviewStatuses = {u"unreviewed"_s};
        QCOMPARE(a.reader().countTurns(f), qint64(33));
        QCOMPARE(a.reader().turnsByKeys(a.reader().rowKeys(ArchiveView::Turns, {})).value(0).reviewStatus.isEmpty(), false);
        f = {};
        f.reviewCase = u"Falcon"_s;
        QCOMPARE(a.reader().countTurns(f), qint64(1));
        f.reviewCase = u"Fal"_s;
        QCOMPARE(a.reader().countTurns(f), qint64(0));
        f = {};
        f.reviewNote = u"*"_s;
        QCOMPARE(a.reader().countTurns(f), qint64(1));
        f.reviewNote = u"legal"_s;
        QCOMPARE(a.reader().countTurns(f), qint64(1));
        f.reviewNote = u"100%"_s;
        QCOMPARE(a.reader().countTurns(f), qint64(0));

        // Sessions: the session's own record, or one of its turns'.
        f = {};
        f.reviewStatuses = {u"escalated"_s};
        QList<SessionRow> sessions = a.reader().sessions(f);
        QCOMPARE(sessions.size(), 1);
        QCOMPARE(sessions.first().reviewStatus, u"escalated"_s);
        f.reviewStatuses = {u"flagged"_s};
        sessions = a.reader().sessions(f);
        QCOMPARE(sessions.size(), 1);
        QCOMPARE(sessions.first().sessionKey, flagged.sessionKey);
        QCOMPARE(sessions.first().reviewStatus, u"unreviewed"_s);   // the column: the session's own
        f.reviewStatuses.clear();
        f.reviewCase = u"Falcon"_s;
        QCOMPARE(a.reader().countSessions(f), qint64(1));

        // Sorting by the review column puts escalated/flagged last (ascending).
        const QList<TurnRow> sorted = a.reader().turns({}, SortSpec{TurnRow::Review, Qt::DescendingOrder});
        QCOMPARE(sorted.first().reviewStatus, u"flagged"_s);
    }

    // Review records and samples survive a re-sync (the derived turns are rebuilt) and the
    // upgrade of an archive made before the review tables existed.
    void samplesSurviveResyncAndUpgrade()
    {
        const QString path = tempDir() + u"/survive.sqlite"_s;
        QStringList before;
        qint64 id = 0;
        {
            Archive a;
            QVERIFY(a.open(path));
            QCOMPARE(a.writer().insertInteractions(corpus()), 34);
            SamplePlan plan;
            QVERIFY(ReviewSampling::plan(a, tenPercentMarch(5), &plan, nullptr));
            id = ReviewSampling::record(a, plan, nullptr);
            before = keys(ReviewSampling::items(a, id));
            // Re-sync: the same items again plus new turns in the same sessions.
            QCOMPARE(a.writer().insertInteractions(corpus()), 0);
            QCOMPARE(a.writer().insertInteractions({make(u"u1"_s, u"a99"_s, InteractionType::UserPrompt, u"s0"_s, at(3, 50))}), 1);
            ReviewStore store(a);
            for (const TurnRow &t : a.reader().turns({}))
                if (t.promptId == u"a01")
                    QVERIFY(store.setStatus(ReviewStore::turnRef(t), ReviewStatus::Escalated));
        }
        // An archive upgrade runs the schema steps from version 5 on again over the review
        // tables (as a later step will run over them): nothing of the reviews is lost.
        QString error;
        QVERIFY2(test::execSql(path, {u"PRAGMA user_version = 5"_s}, &error), qPrintable(error));
        Archive a;
        QVERIFY2(a.open(path, &error), qPrintable(error));
        QCOMPARE(a.schemaVersion(), Archive::kSchemaVersion);
        QCOMPARE(keys(ReviewSampling::items(a, id)), before);
        QCOMPARE(ReviewSampling::samples(a).value(0).seed, qint64(5));
        ArchiveFilter escalated;
        escalated.reviewStatuses = {u"escalated"_s};
        QCOMPARE(a.reader().countTurns(escalated), qint64(1));
        QVERIFY(ActivityLog::verify(a).ok);
        ReviewQueueFilter f;
        f.findings = false;
        f.flagged = false;
        QCOMPARE(ReviewQueue::read(a, f).items.size(), before.size());
    }
};

QTEST_GUILESS_MAIN(TestReviewSampling)
#include "tst_reviewsampling.moc"
