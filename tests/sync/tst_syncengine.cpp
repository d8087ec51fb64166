// SyncEngine against the real in-process DemoServer (docs/GRAPH.md): the archive
// must equal the DemoTenant ground truth byte for byte, whatever the server throws at it.
#include "TestSupport.h"

#include "app/archive/Archive.h"
#include "app/auth/TokenProvider.h"
#include "app/graph/GraphClient.h"
#include "app/check/LicencePlans.h"
#include "app/sim/DemoServer.h"
#include "app/sync/SyncEngine.h"
#include "app/sync/SyncQuery.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>
#include <algorithm>
#include <memory>

using namespace ledger;
using namespace Qt::StringLiterals;

namespace {

const QDateTime kFrom(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC);
const QDateTime kTo(QDate(2027, 1, 1), QTime(0, 0), Qt::UTC);

struct Rig {
    explicit Rig(const DemoTenantSpec &spec) : server(spec), tokens(&nam), graph(&tokens) {}
    DemoServer server;
    QNetworkAccessManager nam;
    TokenProvider tokens;
    GraphClient graph;
    Archive archive;

    bool setUp(const DemoClient &client, const QString &secretOverride = {})
    {
        if (!server.listen())
            return false;
        ConnectionSettings cs;
        cs.tenant = server.tenant().tenantId();
        cs.clientId = client.clientId;
        cs.cloud = Cloud::Custom;
        cs.authorityUrl = server.authorityUrl();
        cs.graphUrl = server.graphUrl();
        tokens.setCredentials(cs, secretOverride.isEmpty() ? client.secret : secretOverride);
        graph.setGraphBase(server.graphUrl());
        return archive.open(ledger::test::tempDir() + u"/archive.sqlite"_s);
    }

    QList<SyncProgress> progressLog;
    bool signInFirst = true;   // false: like the GUI, no TokenProvider given to the engine

    SyncSummary sync(SyncOptions opt, int timeoutMs = 120000,
                     const std::function<void(SyncEngine &)> &whileRunning = {})
    {
        SyncEngine engine(&graph, &archive);
        if (signInFirst)
            engine.setTokenProvider(&tokens);
        progressLog.clear();
        QObject::connect(&engine, &SyncEngine::progress, &engine,
                         [this](const SyncProgress &p) { progressLog.append(p); });
        QSignalSpy spy(&engine, &SyncEngine::finished);
        engine.start(opt);
        if (whileRunning)
            whileRunning(engine);
        if (spy.isEmpty() && !spy.wait(timeoutMs))
            return {};
        return spy.first().first().value<SyncSummary>();
    }
};

SyncOptions wideOptions()
{
    SyncOptions o;
    o.from = kFrom;
    o.to = kTo;
    o.requestsPerSecond = 1000;
    return o;
}

QString userId(const DemoTenant::DemoUser &u)
{
    return u.json.value(u"id"_s).toString();
}

// The tenant's interactions of one user within [from, to) and apps, as raw bytes.
QList<QByteArray> expectedFor(const DemoTenant &t, const DemoTenant::DemoUser &u, const QDateTime &from,
                              const QDateTime &to, const QStringList &apps = {})
{
    QList<QByteArray> out;
    if (!u.licensed)
        return out;
    for (const QByteArray &raw : t.interactions(userId(u))) {
        const Interaction it = Interaction::fromRaw(userId(u), raw);
        if (syncquery::inRange(it.created, it.appClass, from, to, apps))
            out << raw;
    }
    return out;
}

QList<QByteArray> storedFor(const Archive &a, const QString &uid)
{
    QList<QByteArray> out;
    ArchiveFilter f;
    f.userIds = {uid};
    a.reader().forEachInteraction(f, [&out](const Interaction &it) {
        out << it.raw;
        return true;
    });
    return out;
}

// Every interaction exactly once, bytes identical; returns the number compared.
qint64 compareArchive(const Archive &a, const DemoTenant &t, const QDateTime &from = kFrom,
                      const QDateTime &to = kTo, const QStringList &apps = {})
{
    qint64 total = 0;
    for (const auto &u : t.users()) {
        QList<QByteArray> expected = expectedFor(t, u, from, to, apps);
        QList<QByteArray> actual = storedFor(a, userId(u));
        std::sort(expected.begin(), expected.end());
        std::sort(actual.begin(), actual.end());
        if (expected != actual) {
            qWarning("user %s: expected %lld interactions, archive has %lld", qPrintable(userId(u)),
                     qint64(expected.size()), qint64(actual.size()));
            return -1;
        }
        total += expected.size();
    }
    return total;
}

} // namespace

class SyncEngineTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { ledger::test::isolateEnvironment(); }

    void filterExpression()
    {
        const QDateTime a(QDate(2025, 1, 1), QTime(0, 0), Qt::UTC);
        const QDateTime b(QDate(2025, 2, 1), QTime(10, 0, 0, 500), Qt::UTC);
        QCOMPARE(syncquery::filterExpression(a, b, {}),
                 u"createdDateTime gt 2024-12-31T23:59:59Z and createdDateTime lt 2025-02-01T10:00:01Z"_s);
        QCOMPARE(syncquery::filterExpression(a, a.addDays(1), {u"IPM.SkypeTeams.Message.Copilot.Word"_s, u"X'Y"_s}),
                 u"createdDateTime gt 2024-12-31T23:59:59Z and createdDateTime lt 2025-01-02T00:00:00Z and "
                 "(appClass eq 'IPM.SkypeTeams.Message.Copilot.Word' or appClass eq 'X''Y')"_s);
        QVERIFY(syncquery::inRange(a, u"w"_s, a, b, {}));
        QVERIFY(!syncquery::inRange(b, u"w"_s, a, b, {}));
        QVERIFY(!syncquery::inRange(a, u"w"_s, a, b, {u"x"_s}));
    }

    void fullSyncEqualsTenant()   // the full-size default tenant
    {
        Rig rig{DemoTenantSpec{}};
        QVERIFY(rig.setUp(rig.server.tenant().fullClient()));
        const SyncSummary s = rig.sync(wideOptions());
        QVERIFY2(s.completed, qPrintable(s.message));
        const DemoTenant &t = rig.server.tenant();
        QCOMPARE(s.outcomes.size(), t.users().size());
        QCOMPARE(compareArchive(rig.archive, t), t.totalInteractions());
        QCOMPARE(s.interactionsNew, t.totalInteractions());
        int unlicensed = 0, empty = 0;
        for (const auto &u : t.users()) {
            const SyncState st = rig.archive.writer().syncState(userId(u));
            if (!u.licensed) {
                ++unlicensed;
                QCOMPARE(st.status, UserStatus::NotLicensed);
                QVERIFY(!st.watermark.isValid());
            } else if (t.interactions(userId(u)).isEmpty()) {
                ++empty;
                QCOMPARE(st.status, UserStatus::NoInteractions);
            } else {
                QCOMPARE(st.status, UserStatus::Ok);
                QCOMPARE(st.watermark, Interaction::fromRaw(userId(u), t.interactions(userId(u)).last()).created);
            }
        }
        QVERIFY(unlicensed > 0);
        QCOMPARE(s.count(UserStatus::NotLicensed), unlicensed);
        QCOMPARE(s.count(UserStatus::NoInteractions), empty);
        QCOMPARE(s.count(UserStatus::Failed), 0);
        QCOMPARE(rig.archive.reader().countUsers({}), qint64(t.users().size()));
        // Progress: users done/total and interactions counted up to the end.
        QVERIFY(rig.progressLog.size() > t.users().size());
        const SyncProgress &last = rig.progressLog.last();
        QCOMPARE(last.usersTotal, int(t.users().size()));
        QCOMPARE(last.usersDone, last.usersTotal);
        QCOMPARE(last.interactionsNew, t.totalInteractions());
        QCOMPARE(last.interactionsSeen, t.totalInteractions());
        QCOMPARE(last.etaSeconds, qint64(0));
        QVERIFY(std::any_of(rig.progressLog.cbegin(), rig.progressLog.cend(),
                            [](const SyncProgress &p) { return p.requestsPerSecond > 0; }));
        for (int i = 1; i < rig.progressLog.size(); ++i)
            QVERIFY(rig.progressLog.at(i).usersDone >= rig.progressLog.at(i - 1).usersDone);
    }

    void rangeAndAppFilter()
    {
        Rig rig{DemoTenantSpec{7, 25, 3000, 60, {}}};
        QVERIFY(rig.setUp(rig.server.tenant().fullClient()));
        const DemoTenant &t = rig.server.tenant();
        // Bounds on exact interaction times: from is inclusive, to exclusive.
        const auto &all = t.interactions(userId(t.users().first()));
        QVERIFY(all.size() > 10);
        SyncOptions o = wideOptions();
        o.from = Interaction::fromRaw({}, all.at(2)).created;
        o.to = Interaction::fromRaw({}, all.at(all.size() - 3)).created;
        o.appClasses = {u"IPM.SkypeTeams.Message.Copilot.Word"_s, u"IPM.SkypeTeams.Message.Copilot.BizChat"_s};
        const SyncSummary s = rig.sync(o);
        QVERIFY2(s.completed, qPrintable(s.message));
        QVERIFY(!s.filterRejected);
        QVERIFY(compareArchive(rig.archive, t, o.from, o.to, o.appClasses) > 0);
    }

    void rejectedFilterFallsBack()
    {
        Rig rig{DemoTenantSpec{7, 25, 3000, 60, {}}};
        QVERIFY(rig.setUp(rig.server.tenant().fullClient()));
        DemoServerOptions so;
        so.rejectFilter = true;
        rig.server.setOptions(so);
        const DemoTenant &t = rig.server.tenant();
        SyncOptions o = wideOptions();
        o.from = t.users().isEmpty() ? kFrom : Interaction::fromRaw({}, t.interactions(userId(t.users().first())).at(5)).created;
        o.appClasses = {u"IPM.SkypeTeams.Message.Copilot.Teams"_s};
        const SyncSummary s = rig.sync(o);
        QVERIFY2(s.completed, qPrintable(s.message));
        QVERIFY(s.filterRejected);
        QCOMPARE(s.count(UserStatus::Failed), 0);
        QVERIFY(compareArchive(rig.archive, t, o.from, o.to, o.appClasses) > 0);
    }

    void faultsAndRateLimitGiveSameArchive()
    {
        Rig rig{DemoTenantSpec{11, 20, 2000, 60, {}}};
        QVERIFY(rig.setUp(rig.server.tenant().fullClient()));
        DemoServerOptions so;
        so.rateLimit = 3;   // low enough that even a slow, loaded machine exceeds it
        so.faults = true;
        so.faultRate = 0.15;
        rig.server.setOptions(so);
        SyncOptions o = wideOptions();
        o.requestsPerSecond = 200;   // far faster than the server allows: 429s must be handled
        o.maxConcurrentUsers = 4;
        RetryPolicy patient;         // enough budget that 429s + faults always end in complete data
        patient.maxRetries = 100;   // Retry-After waits bound the time; the budget must not cut a user off
        rig.graph.setRetryPolicy(patient);
        const SyncSummary s = rig.sync(o);
        QString failed;   // what gave up, for the failure message
        for (const UserOutcome &out : s.outcomes)
            if (out.status == UserStatus::Failed)
                failed += u"\nuser "_s + out.userId + u":\n"_s + out.error.details();
        QVERIFY2(s.completed, qPrintable(s.message));
        QVERIFY2(failed.isEmpty(), qPrintable(failed));
        QVERIFY(rig.server.stats().faultsInjected > 0);
        QVERIFY(rig.server.stats().throttled > 0);
        QVERIFY(s.throttled > 0);
        QCOMPARE(compareArchive(rig.archive, rig.server.tenant()), rig.server.tenant().totalInteractions());
    }

    void licenceStates()
    {
        auto user = [](const char *status) {
            QJsonObject p{{u"servicePlanId"_s, QString::fromLatin1(kCopilotChatPlanId)}, {u"service"_s, u"M365CopilotChat"_s},
                          {u"capabilityStatus"_s, QString::fromLatin1(status)}};
            return QJsonObject{{u"id"_s, u"x"_s}, {u"assignedPlans"_s, QJsonArray{p}}};
        };
        QCOMPARE(LicencePlans::chatLicence(user("Enabled")), ChatLicence::Readable);
        QCOMPARE(LicencePlans::chatLicence(user("Warning")), ChatLicence::Readable);   // grace period: still works
        QCOMPARE(LicencePlans::chatLicence(user("Suspended")), ChatLicence::NoChatPlan);
        QCOMPARE(LicencePlans::chatLicence(user("Deleted")), ChatLicence::NoChatPlan);
        QCOMPARE(LicencePlans::chatLicence(user("LockedOut")), ChatLicence::NoChatPlan);
        QCOMPARE(LicencePlans::chatLicence(QJsonObject{{u"id"_s, u"x"_s}, {u"assignedPlans"_s, QJsonArray{}}}),
                 ChatLicence::NoChatPlan);
        QCOMPARE(LicencePlans::chatLicence(QJsonObject{{u"id"_s, u"x"_s}}), ChatLicence::Unknown);
        QVERIFY(syncquery::usersQuery().first().second.split(u',').contains(u"assignedPlans"_s));
    }

    void licenceTargetingSkipsUnlicensedAtZeroRequests()
    {
        Rig rig{DemoTenantSpec{7, 40, 2000, 60, {}}};
        QVERIFY(rig.setUp(rig.server.tenant().fullClient()));
        const DemoTenant &t = rig.server.tenant();
        int unlicensed = 0;
        for (const auto &u : t.users())
            unlicensed += u.licensed ? 0 : 1;
        QVERIFY(unlicensed > 0);
        auto run = [&rig](bool probe, int reprobeDays, SyncSummary *out) {
            SyncOptions o = wideOptions();
            o.incremental = false;
            o.probeUnlicensed = probe;
            o.reprobeDays = reprobeDays;
            const qint64 before = rig.server.stats().graphRequests;
            *out = rig.sync(o);
            return rig.server.stats().graphRequests - before;
        };
        auto reasons = [&rig, &t] {
            QStringList r;
            for (const auto &u : t.users())
                if (!u.licensed)
                    r << rig.archive.writer().syncState(userId(u)).lastError;
            return r;
        };
        SyncSummary s;
        // Default: the directory decides, zero requests for users without the plan.
        const qint64 targeted = run(false, 7, &s);
        QVERIFY2(s.completed, qPrintable(s.message));
        QCOMPARE(s.count(UserStatus::NotLicensed), unlicensed);
        QCOMPARE(s.skippedUnlicensed, unlicensed);
        QCOMPARE(s.count(UserStatus::Failed), 0);
        QCOMPARE(compareArchive(rig.archive, t), t.totalInteractions());
        for (const QString &r : reasons())
            QCOMPARE(r, QString::fromLatin1(kNoChatPlanReason));
        for (const auto &u : t.users())
            if (!u.licensed)
                QVERIFY(!rig.archive.writer().syncState(userId(u)).lastForbidden.isValid());
        // The Users tab and users.csv give the same status and reason.
        ArchiveFilter uf;
        uf.statuses = {UserStatus::NotLicensed};
        const QList<UserRow> rows = rig.archive.reader().users(uf, {});
        QCOMPARE(rows.size(), qsizetype(unlicensed));
        for (const UserRow &row : rows)
            QCOMPARE(row.statusError, QString::fromLatin1(kNoChatPlanReason));

        // Probing anyway: one more request per such user, each answered 403.
        const qint64 probed = run(true, 7, &s);
        QCOMPARE(probed - targeted, qint64(unlicensed));
        QCOMPARE(s.skippedUnlicensed, 0);
        QCOMPARE(s.count(UserStatus::NotLicensed), unlicensed);
        for (const auto &u : t.users())
            if (!u.licensed)
                QVERIFY(rig.archive.writer().syncState(userId(u)).lastForbidden.isValid());
        // Within the re-probe interval they are not asked again…
        QCOMPARE(run(true, 7, &s), targeted);
        QCOMPARE(s.skippedUnlicensed, unlicensed);
        for (const QString &r : reasons())
            QVERIFY2(r.startsWith(u"answered 403 on "_s), qPrintable(r));
        // …and with an interval of 0 they are asked every time.
        QCOMPARE(run(true, 0, &s), probed);
    }

    void deletedUsersAreReadWhenAsked()
    {
        Rig rig{DemoTenantSpec{7, 20, 1500, 60, {}}};
        QVERIFY(rig.setUp(rig.server.tenant().fullClient()));
        const DemoTenant &t = rig.server.tenant();
        QVERIFY(t.deletedUsers().size() >= 2);
        QVERIFY(t.totalDeletedInteractions() > 0);
        // Not asked: the deleted users are not listed and not read.
        SyncSummary s = rig.sync(wideOptions());
        QVERIFY2(s.completed, qPrintable(s.message));
        QCOMPARE(s.outcomes.size(), t.users().size());
        for (const auto &u : t.deletedUsers())
            QVERIFY(!rig.archive.reader().user(userId(u)));
        // Asked: listed from deletedItems, read whatever their (released) licences, marked deleted.
        SyncOptions o = wideOptions();
        o.includeDeleted = true;
        s = rig.sync(o);
        QVERIFY2(s.completed, qPrintable(s.message));
        QCOMPARE(s.outcomes.size(), t.users().size() + t.deletedUsers().size());
        qint64 stored = 0;
        for (const auto &u : t.deletedUsers()) {
            const auto user = rig.archive.reader().user(userId(u));
            QVERIFY(user);
            QVERIFY(user->isDeleted());
            QCOMPARE(user->deletedDateTime,
                     QDateTime::fromString(u.json.value(u"deletedDateTime"_s).toString(), Qt::ISODate));
            QList<QByteArray> expected = t.interactions(userId(u));
            QList<QByteArray> actual = storedFor(rig.archive, userId(u));
            std::sort(expected.begin(), expected.end());
            std::sort(actual.begin(), actual.end());
            QCOMPARE(actual, expected);
            stored += actual.size();
            QCOMPARE(rig.archive.writer().syncState(userId(u)).status, UserStatus::Ok);
        }
        QCOMPARE(stored, t.totalDeletedInteractions());
        ArchiveFilter all;
        int deletedRows = 0;
        for (const UserRow &row : rig.archive.reader().users(all, {}))
            deletedRows += row.user.isDeleted() ? 1 : 0;
        QCOMPARE(deletedRows, int(t.deletedUsers().size()));
        QCOMPARE(compareArchive(rig.archive, t), t.totalInteractions());   // the others unchanged
    }

    void serverLimitOfFivePerSecondCompletesEveryUser()
    {
        // Default settings (rate, concurrency, retry policy) against a tenant whose real budget
        // is far below the documented 30/s: the run gets slower, but no user fails.
        Rig rig{DemoTenantSpec{5, 150, 1500, 60, {}}};
        QVERIFY(rig.setUp(rig.server.tenant().fullClient()));
        DemoServerOptions so;
        so.rateLimit = 5;
        rig.server.setOptions(so);
        SyncOptions o;
        o.from = kFrom;
        o.to = kTo;
        const SyncSummary s = rig.sync(o, 600000);
        QString failed;
        for (const UserOutcome &out : s.outcomes)
            if (out.status == UserStatus::Failed)
                failed += u"\nuser "_s + out.userId + u": "_s + out.error.plainText();
        QVERIFY2(s.completed, qPrintable(s.message));
        QVERIFY2(failed.isEmpty(), qPrintable(failed));
        QVERIFY(rig.server.stats().throttled > 0);
        QCOMPARE(compareArchive(rig.archive, rig.server.tenant()), rig.server.tenant().totalInteractions());
    }

    void incrementalReadsOnlyNewData()
    {
        Rig rig{DemoTenantSpec{5, 30, 6000, 60, {}}};
        QVERIFY(rig.setUp(rig.server.tenant().fullClient()));
        SyncSummary s = rig.sync(wideOptions());
        QVERIFY2(s.completed, qPrintable(s.message));
        const qint64 firstRequests = rig.server.stats().graphRequests;

        DemoTenant &t = rig.server.tenant();
        const QString a = userId(t.users().at(0));
        QString b;
        for (const auto &u : t.users()) {
            if (u.licensed && userId(u) != a && t.interactions(userId(u)).size() > 150) {
                b = userId(u);
                break;
            }
        }
        QVERIFY(!b.isEmpty());
        t.addInteractions(a, 7);
        t.addInteractions(b, 5);
        rig.server.resetStats();
        s = rig.sync(wideOptions());
        QVERIFY2(s.completed, qPrintable(s.message));
        QCOMPARE(s.interactionsNew, qint64(12));
        const qint64 secondRequests = rig.server.stats().graphRequests;
        // One page per user plus the user list — not the whole history again.
        QVERIFY2(secondRequests <= t.users().size() + 1,
                 qPrintable(u"%1 requests (first run %2)"_s.arg(secondRequests).arg(firstRequests)));
        QVERIFY(secondRequests * 2 < firstRequests);
        QCOMPARE(compareArchive(rig.archive, t), t.totalInteractions());

        // --full reads everything again but stores nothing twice.
        SyncOptions full = wideOptions();
        full.incremental = false;
        s = rig.sync(full);
        QVERIFY(s.completed);
        QCOMPARE(s.interactionsNew, qint64(0));
        QCOMPARE(compareArchive(rig.archive, t), t.totalInteractions());
    }

    void failedUserKeepsWatermark()
    {
        Rig rig{DemoTenantSpec{9, 30, 3000, 60, {}}};
        QVERIFY(rig.setUp(rig.server.tenant().fullClient()));
        SyncSummary s = rig.sync(wideOptions());
        QVERIFY(s.completed);
        DemoTenant &t = rig.server.tenant();
        QHash<QString, QDateTime> before;
        for (const auto &u : t.users()) {
            before.insert(userId(u), rig.archive.writer().syncState(userId(u)).watermark);
            if (u.licensed)
                t.addInteractions(userId(u), 3);
        }
        // Faults without retries: some chains fail. (Each URL gets at most one fault, so a
        // failed user list just needs another attempt.)
        DemoServerOptions so;
        so.faults = true;
        so.faultRate = 0.5;
        rig.server.setOptions(so);
        RetryPolicy noRetries;
        noRetries.maxRetries = 0;
        rig.graph.setRetryPolicy(noRetries);
        s = rig.sync(wideOptions());
        for (int attempt = 0; attempt < 3 && !s.completed; ++attempt)
            s = rig.sync(wideOptions());
        QVERIFY2(s.completed, qPrintable(s.message));
        int failed = 0, advanced = 0;
        for (const UserOutcome &o : s.outcomes) {
            const SyncState st = rig.archive.writer().syncState(o.userId);
            QCOMPARE(st.status, o.status);
            if (o.status == UserStatus::Failed) {
                ++failed;
                QCOMPARE(st.watermark, before.value(o.userId));
                QVERIFY(o.error.isValid());
                QVERIFY(!o.error.clientRequestId.isEmpty());
                QCOMPARE(st.lastClientRequestId, o.error.clientRequestId);
                QVERIFY(!st.lastError.isEmpty());
            } else if (o.status == UserStatus::Ok && st.watermark != before.value(o.userId)) {
                ++advanced;
                QVERIFY(st.watermark > before.value(o.userId));
            }
        }
        QVERIFY2(failed > 0, "no chain failed: the fault injection did not bite");
        QVERIFY(advanced > 0);

        // Healthy again: the next incremental run completes the job, nothing twice.
        rig.server.setOptions({});
        rig.graph.setRetryPolicy({});
        s = rig.sync(wideOptions());
        QVERIFY2(s.completed, qPrintable(s.message));
        QCOMPARE(s.count(UserStatus::Failed), 0);
        QCOMPARE(compareArchive(rig.archive, t), t.totalInteractions());
    }

    void cancelKeepsWhatWasStored()
    {
        Rig rig{DemoTenantSpec{3, 40, 6000, 60, {}}};
        QVERIFY(rig.setUp(rig.server.tenant().fullClient()));
        DemoServerOptions so;
        so.latencyMs = 20;
        rig.server.setOptions(so);
        SyncOptions o = wideOptions();
        o.maxConcurrentUsers = 2;
        SyncSummary s = rig.sync(o, 60000, [](SyncEngine &engine) {
            QSignalSpy users(&engine, &SyncEngine::userFinished);
            QVERIFY(users.wait(30000));
            engine.cancel();
            QVERIFY(!engine.isRunning());
        });
        QVERIFY(s.cancelled);
        QVERIFY(!s.completed);
        QVERIFY(s.outcomes.size() < rig.server.tenant().users().size());
        const qint64 stored = rig.archive.reader().countInteractions({});
        QVERIFY(stored < rig.server.tenant().totalInteractions());

        rig.server.setOptions({});
        s = rig.sync(wideOptions());
        QVERIFY2(s.completed, qPrintable(s.message));
        QCOMPARE(compareArchive(rig.archive, rig.server.tenant()), rig.server.tenant().totalInteractions());
    }

    void userScope()
    {
        Rig rig{DemoTenantSpec{7, 25, 3000, 60, {}}};
        QVERIFY(rig.setUp(rig.server.tenant().fullClient()));
        const DemoTenant &t = rig.server.tenant();
        SyncOptions o = wideOptions();
        o.userScope = {u"nobody@example.invalid"_s, t.users().at(0).json.value(u"userPrincipalName"_s).toString()};
        SyncSummary s = rig.sync(o);
        QVERIFY(!s.completed);
        QCOMPARE(s.unknownUsers, QStringList{u"nobody@example.invalid"_s});
        QVERIFY(s.message.contains(u"nobody@example.invalid"_s));
        QVERIFY(rig.archive.writer().syncStates().isEmpty());
        QCOMPARE(rig.archive.reader().countInteractions({}), qint64(0));

        o.userScope = {t.users().at(0).json.value(u"userPrincipalName"_s).toString().toUpper(), userId(t.users().at(2))};
        s = rig.sync(o);
        QVERIFY2(s.completed, qPrintable(s.message));
        QCOMPARE(s.outcomes.size(), 2);
        const qint64 expected = expectedFor(t, t.users().at(0), kFrom, kTo).size()
            + expectedFor(t, t.users().at(2), kFrom, kTo).size();
        QCOMPARE(rig.archive.reader().countInteractions({}), expected);
    }

    void wrongSecretIsAuthFailure()
    {
        Rig rig{DemoTenantSpec{7, 5, 100, 30, {}}};
        QVERIFY(rig.setUp(rig.server.tenant().fullClient(), u"not-the-secret"_s));
        const SyncSummary s = rig.sync(wideOptions());
        QVERIFY(s.authFailed);
        QVERIFY(!s.completed);
        QCOMPARE(s.authError.primaryCode(), 7000215);
        QCOMPARE(rig.server.stats().graphRequests, qint64(0));
    }

    void usersForbiddenIsPermissionFailure()
    {
        for (const bool signInFirst : {true, false}) {
            Rig rig{DemoTenantSpec{7, 5, 100, 30, {}}};
            QVERIFY(rig.setUp(rig.server.tenant().clientWithoutUserRole()));
            rig.signInFirst = signInFirst;   // false: the 403 on /users itself decides
            const SyncSummary s = rig.sync(wideOptions());
            QVERIFY(s.authFailed);
            QVERIFY(!s.completed);
            QVERIFY2(s.message.contains(u"User.Read.All"_s), qPrintable(s.message));
            QCOMPARE(rig.archive.reader().countUsers({}), qint64(0));
        }
    }

    void missingRoleIsPermissionFailure()
    {
        Rig rig{DemoTenantSpec{7, 5, 100, 30, {}}};
        QVERIFY(rig.setUp(rig.server.tenant().clientWithoutInteractionRole()));
        for (const bool signInFirst : {true, false}) {
            // Without the token check, the first 403 (not UnknownError) on an interaction call
            // stops the run: no user is wrongly marked not_licensed.
            rig.signInFirst = signInFirst;
            const SyncSummary s = rig.sync(wideOptions());
            QVERIFY(s.authFailed);
            QVERIFY2(s.message.contains(u"AiEnterpriseInteraction.Read.All"_s), qPrintable(s.message));
            // (Users the directory shows without the plan are not_licensed at zero requests,
            // whatever the permission: that is not a conclusion drawn from a 403.)
            for (const UserOutcome &o : s.outcomes)
                if (o.status == UserStatus::NotLicensed)
                    QCOMPARE(o.error.message, QString::fromLatin1(kNoChatPlanReason));
            QCOMPARE(rig.archive.reader().countInteractions({}), qint64(0));
        }
    }
};

QTEST_GUILESS_MAIN(SyncEngineTest)
#include "tst_syncengine.moc"
