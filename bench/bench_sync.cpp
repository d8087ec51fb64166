// bench_sync: the sync engine against the demo Graph server (app/sim) on a large tenant, side by
// side with two baselines in the same run (docs/PERFORMANCE.md "Sync against the request budget"):
//  - engine: SyncEngine with its defaults (licence targeting, 8 users at a time, 30 requests/s
//    adapting on 429);
//  - sequential: the same engine run like today's scripts: one user after the other
//    (maxConcurrentUsers = 1), every user asked (probeUnlicensed, no re-probe interval). At 100–200 ms
//    per request this takes ~25 minutes for 10,000 users, so it runs on the first
//    --sequential-users users and the full-tenant figure is projected (and labelled so);
//  - parallel: an 8-way script-style client (8 workers, each GETs one user's pages after the
//    other, sleeps Retry-After on 429 and retries, moves on after 403) with no rate control.
// Each runs a full sync (empty archive) and then an incremental one after new interactions were
// added to some users. The server counts requests, 429s, early retries (a URL asked again
// before the Retry-After of its 429 had elapsed) and the span of the Graph traffic (first request
// to last answer): requests / span is the rate while requests are in flight.
//
// Usage: bench_sync [--users 10000] [--licensed-share 0.3] [--interactions 60000]
//                   [--latency-ms 100] [--latency-max-ms 200] [--limit 30]
//                   [--sequential-users 1000] [--only engine,parallel,sequential]
#include "app/archive/Archive.h"
#include "app/auth/TokenProvider.h"
#include "app/graph/GraphClient.h"
#include "app/sim/DemoEnvironment.h"
#include "app/sync/SyncEngine.h"
#include "app/sync/SyncQuery.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>
#include <algorithm>
#include <cmath>
#include <functional>

using namespace ledger;
using namespace Qt::StringLiterals;

namespace {

QTextStream out(stdout);

double loadAverage()
{
    QFile f(u"/proc/loadavg"_s);
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    return f.readAll().split(' ').value(0).toDouble();
}

struct RunResult {
    QString client, kind;
    int usersAsked = 0;          // users in scope
    int licensedInScope = 0;
    double wallS = 0;
    qint64 graphRequests = 0, throttled = 0, earlyRetries = 0, tokenRequests = 0;
    double busyS = 0;
    qint64 items = 0;            // interactions stored (engine) / received (script)
    qint64 minimumRequests = 0;  // licensed users + extra pages + user-list pages
    int failedUsers = 0;
    double load1 = 0;
    QString note;
};

// The stats difference of one run (the server lives in its own thread).
struct ServerWindow {
    explicit ServerWindow(DemoEnvironment *env) : env(env)
    {
        env->resetStats();
        clock.start();
    }
    void finish(RunResult &r)
    {
        const DemoServerStats after = env->stats();
        r.wallS = double(clock.nsecsElapsed()) / 1e9;
        r.graphRequests = after.graphRequests;
        r.throttled = after.throttled;
        r.earlyRetries = after.earlyRetries;
        r.tokenRequests = after.tokenRequests;
        // The span of the run's Graph traffic: first request to last answer.
        r.busyS = after.firstGraphMs >= 0 ? double(after.lastGraphMs - after.firstGraphMs) / 1000.0 : 0;
        r.load1 = loadAverage();
    }
    DemoEnvironment *env;
    QElapsedTimer clock;
};

// ---------------------------------------------------------------- the engine (and "sequential")

struct EngineRig {
    EngineRig(DemoEnvironment *env, const QString &archivePath) : tokens(&nam), graph(&tokens)
    {
        tokens.setCredentials(env->connection(), env->clientSecret());
        graph.setGraphBase(env->baseUrl());
        archive.open(archivePath);
    }
    QNetworkAccessManager nam;
    TokenProvider tokens;
    GraphClient graph;
    Archive archive;

    SyncSummary sync(const SyncOptions &opt)
    {
        SyncEngine engine(&graph, &archive);
        engine.setTokenProvider(&tokens);
        QEventLoop loop;
        SyncSummary summary;
        QObject::connect(&engine, &SyncEngine::finished, &loop, [&](const SyncSummary &s) {
            summary = s;
            loop.quit();
        });
        engine.start(opt);
        loop.exec();
        return summary;
    }
};

// ---------------------------------------------------------------- the 8-way script-style client

class ScriptClient {
public:
    ScriptClient(DemoEnvironment *env, int workers) : m_tokens(&m_nam), m_urls(&m_tokens), m_workers(workers)
    {
        m_tokens.setCredentials(env->connection(), env->clientSecret());
        m_base = env->baseUrl();
        m_urls.setGraphBase(m_base);   // only to build the same URLs as the engine
    }

    // Lists every user, then reads everyone's history in [from, to) with `workers` in parallel.
    void run(const QDateTime &from, const QDateTime &to)
    {
        m_from = from;
        m_to = to;
        m_items = 0;
        m_failed = 0;
        m_users.clear();
        m_next = 0;
        m_active = 0;
        QEventLoop loop;
        m_loop = &loop;
        QObject::connect(&m_tokens, &TokenProvider::tokenReady, &loop, [this](const AccessToken &t) {
            if (!m_token.isEmpty())
                return;
            m_token = t.value.toLatin1();
            QUrl users = m_base;
            users.setPath(u"/v1.0/users"_s);
            users.setQuery(u"$select=id,userPrincipalName&$top=999"_s);
            listUsers(users);
        }, Qt::SingleShotConnection);
        m_token.clear();
        m_tokens.requestToken();
        loop.exec();
        m_loop = nullptr;
    }
    qint64 items() const { return m_items; }
    int failed() const { return m_failed; }
    int users() const { return int(m_users.size()); }
    QDateTime newest() const { return m_newest; }

private:
    // GET with the script's only error handling: 429 → sleep Retry-After, retry; 5xx/transport →
    // sleep 1 s, retry (at most 5 times); anything else is the answer.
    void get(const QUrl &url, std::function<void(int, const QByteArray &)> done, int attempt = 0)
    {
        QNetworkRequest req(url);
        req.setRawHeader("Authorization", "Bearer " + m_token);
        QNetworkReply *reply = m_nam.get(req);
        QObject::connect(reply, &QNetworkReply::finished, reply, [this, reply, url, done, attempt] {
            reply->deleteLater();
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            const QByteArray body = reply->readAll();
            if (status == 429) {
                const int seconds = std::max(1, reply->rawHeader("Retry-After").toInt());
                QTimer::singleShot(seconds * 1000, Qt::PreciseTimer, &m_nam, [this, url, done, attempt] { get(url, done, attempt); });
                return;
            }
            if ((status == 0 || status >= 500) && attempt < 5) {
                QTimer::singleShot(1000, &m_nam, [this, url, done, attempt] { get(url, done, attempt + 1); });
                return;
            }
            done(status, body);
        });
    }

    void listUsers(const QUrl &url)
    {
        get(url, [this](int status, const QByteArray &body) {
            const QJsonObject o = QJsonDocument::fromJson(body).object();
            if (status != 200) {
                out << "script client: the user list failed (" << status << ")" << Qt::endl;
                m_loop->quit();
                return;
            }
            for (const QJsonValue &v : o.value(u"value"_s).toArray())
                m_users << v.toObject().value(u"id"_s).toString();
            const QString next = o.value(u"@odata.nextLink"_s).toString();
            if (!next.isEmpty()) {
                listUsers(QUrl(next));
                return;
            }
            for (int i = 0; i < m_workers; ++i)
                startNextUser();
        });
    }

    void startNextUser()
    {
        if (m_next >= m_users.size()) {
            if (m_active == 0)
                m_loop->quit();
            return;
        }
        const QString id = m_users.at(m_next++);
        ++m_active;
        readPages(m_urls.url(syncquery::interactionsPath(id), syncquery::interactionsQuery(m_from, m_to, {}, true)));
    }

    void readPages(const QUrl &url)
    {
        get(url, [this](int status, const QByteArray &body) {
            if (status == 200) {
                const QJsonObject o = QJsonDocument::fromJson(body).object();
                const QJsonArray items = o.value(u"value"_s).toArray();
                m_items += items.size();
                for (const QJsonValue &v : items) {
                    const QDateTime t = QDateTime::fromString(v.toObject().value(u"createdDateTime"_s).toString(), Qt::ISODateWithMs);
                    if (t.isValid() && (!m_newest.isValid() || t > m_newest))
                        m_newest = t;
                }
                const QString next = o.value(u"@odata.nextLink"_s).toString();
                if (!next.isEmpty()) {
                    readPages(QUrl(next));
                    return;
                }
            } else if (status != 403) {
                ++m_failed;
            }
            --m_active;
            startNextUser();
        });
    }

    QNetworkAccessManager m_nam;
    TokenProvider m_tokens;
    GraphClient m_urls;
    int m_workers;
    QUrl m_base;
    QByteArray m_token;
    QDateTime m_from, m_to, m_newest;
    QStringList m_users;
    qsizetype m_next = 0;
    int m_active = 0;
    qint64 m_items = 0;
    int m_failed = 0;
    QEventLoop *m_loop = nullptr;
};

RunResult make(const QString &client, const QString &kind, int users, int licensed, qint64 minimum)
{
    RunResult r;
    r.client = client;
    r.kind = kind;
    r.usersAsked = users;
    r.licensedInScope = licensed;
    r.minimumRequests = minimum;
    return r;
}

QString fmt(double v, int decimals = 1) { return QString::number(v, 'f', decimals); }

void printTable(const QList<RunResult> &rows, double limit)
{
    out << Qt::endl
        << "| client | run | users asked | wall time | Graph requests | minimum (licensed + extra pages + user-list pages) "
           "| requests per licensed user | 429s | 429 share | early retries | requests/s while requests are in flight (share of "
        << limit << "/s) | answered (non-429)/s (share) | interactions new (engine) / received (script) | failed users | load avg |" << Qt::endl
        << "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|" << Qt::endl;
    for (const RunResult &r : rows) {
        const double rate = r.busyS > 0 ? double(r.graphRequests) / r.busyS : 0;
        const double answered = r.busyS > 0 ? double(r.graphRequests - r.throttled) / r.busyS : 0;
        out << "| " << r.client << " | " << r.kind << " | " << r.usersAsked << " | " << fmt(r.wallS) << " s | "
            << r.graphRequests << " (+" << r.tokenRequests << " sign-in) | " << r.minimumRequests << " | "
            << fmt(r.licensedInScope > 0 ? double(r.graphRequests) / r.licensedInScope : 0, 2) << " | " << r.throttled
            << " | " << fmt(r.graphRequests > 0 ? 100.0 * double(r.throttled) / double(r.graphRequests) : 0, 2)
            << " % | " << r.earlyRetries << " | " << fmt(rate) << " (" << fmt(100.0 * rate / limit, 0) << " %) | "
            << fmt(answered) << " (" << fmt(100.0 * answered / limit, 0) << " %) | " << r.items << " | "
            << r.failedUsers << " | " << fmt(r.load1, 1) << " |" << (r.note.isEmpty() ? QString() : u" "_s + r.note)
            << Qt::endl;
    }
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser p;
    p.setApplicationDescription(u"The sync engine against the demo Graph server, with two baselines."_s);
    p.addHelpOption();
    p.addOption({u"users"_s, u"Users in the tenant."_s, u"N"_s, u"10000"_s});
    p.addOption({u"licensed-share"_s, u"Share of users with the Graph-grounded chat plan."_s, u"F"_s, u"0.3"_s});
    p.addOption({u"interactions"_s, u"Interactions in the tenant."_s, u"N"_s, u"60000"_s});
    p.addOption({u"latency-ms"_s, u"Least latency per answer."_s, u"MS"_s, u"100"_s});
    p.addOption({u"latency-max-ms"_s, u"Greatest latency per answer."_s, u"MS"_s, u"200"_s});
    p.addOption({u"limit"_s, u"Server limit, requests/s per app (429 + Retry-After above)."_s, u"N"_s, u"30"_s});
    p.addOption({u"sequential-users"_s, u"Users the sequential baseline reads (its subset)."_s, u"N"_s, u"1000"_s});
    p.addOption({u"new-users"_s, u"Users that get new interactions before the incremental run."_s, u"N"_s, u"300"_s});
    p.addOption({u"only"_s, u"Comma-separated: engine, parallel, sequential."_s, u"LIST"_s,
                 u"engine,parallel,sequential"_s});
    p.process(app);

    DemoTenantSpec spec;
    spec.users = p.value(u"users"_s).toInt();
    spec.licensedShare = p.value(u"licensed-share"_s).toDouble();
    spec.interactions = p.value(u"interactions"_s).toInt();
    DemoServerOptions so;
    so.latencyMs = p.value(u"latency-ms"_s).toInt();
    so.latencyMaxMs = p.value(u"latency-max-ms"_s).toInt();
    so.rateLimit = p.value(u"limit"_s).toDouble();
    const QStringList only = p.value(u"only"_s).split(u',', Qt::SkipEmptyParts);
    const int seqUsers = std::min(spec.users, p.value(u"sequential-users"_s).toInt());

    QElapsedTimer gen;
    gen.start();
    QString error;
    auto env = DemoEnvironment::start(spec, so, 0, &error);
    if (!env) {
        out << "bench_sync: " << error << Qt::endl;
        return 1;
    }
    const DemoTenant &tenant = env->tenant();
    int licensed = 0, licensedSubset = 0;
    for (int i = 0; i < tenant.users().size(); ++i) {
        if (tenant.users().at(i).licensed) {
            ++licensed;
            if (i < seqUsers)
                ++licensedSubset;
        }
    }
    const qint64 userListPages = (tenant.users().size() + 998) / 999;
    out << "bench_sync: " << tenant.users().size() << " users, " << licensed << " licensed ("
        << fmt(100.0 * licensed / tenant.users().size()) << " %), " << tenant.totalInteractions()
        << " interactions; latency " << so.latencyMs << "–" << so.latencyMaxMs << " ms; limit " << so.rateLimit
        << " requests/s; tenant generated in " << fmt(gen.elapsed() / 1000.0) << " s; load average " << fmt(loadAverage())
        << Qt::endl;

    // The least number of Graph requests a client needs: one page per licensed user (more for
    // users whose range holds > 100 items) plus the user-list pages. `sinceMs(id)` = the start of
    // the user's range (0 = everything).
    auto minimum = [&](int firstUsers, const std::function<qint64(const QString &)> &sinceMs) {
        qint64 n = userListPages;
        for (int i = 0; i < firstUsers; ++i) {
            const auto &u = tenant.users().at(i);
            if (!u.licensed)
                continue;
            const QString id = u.json.value(u"id"_s).toString();
            const qint64 since = sinceMs(id);
            qint64 inRange = 0;
            for (const auto &m : tenant.interactionMeta(id))
                inRange += m.createdMs >= since ? 1 : 0;
            n += std::max<qint64>(1, (inRange + 99) / 100);
        }
        return n;
    };
    // Before the incremental run: each user's newest interaction (the engine's watermark).
    QHash<QString, qint64> newestBefore;
    for (const auto &u : tenant.users()) {
        const QString id = u.json.value(u"id"_s).toString();
        qint64 newest = -1;
        for (const auto &m : tenant.interactionMeta(id))
            newest = std::max(newest, m.createdMs);
        newestBefore.insert(id, newest);
    }
    const qint64 fullMinimum = minimum(int(tenant.users().size()), [](const QString &) { return 0; });
    const qint64 fullMinimumSubset = minimum(seqUsers, [](const QString &) { return 0; });

    QTemporaryDir dir;
    const QDateTime from = tenant.spec().end.addDays(-tenant.spec().days - 1);
    SyncOptions engineOptions;   // the defaults, over the tenant's whole history
    engineOptions.from = from;
    SyncOptions seqOptions = engineOptions;
    seqOptions.maxConcurrentUsers = 1;
    seqOptions.probeUnlicensed = true;
    seqOptions.reprobeDays = 0;
    for (int i = 0; i < seqUsers; ++i)
        seqOptions.userScope << tenant.users().at(i).json.value(u"id"_s).toString();

    std::unique_ptr<EngineRig> engine, sequential;
    std::unique_ptr<ScriptClient> script;
    QList<RunResult> rows;
    QDateTime scriptNewest;
    auto engineRun = [&](EngineRig &rig, const SyncOptions &opt, RunResult r) {
        ServerWindow w(env.get());
        const SyncSummary s = rig.sync(opt);
        w.finish(r);
        r.failedUsers = s.count(UserStatus::Failed);
        r.items = s.interactionsNew;
        if (!s.completed)
            r.note = u"(not completed: "_s + s.message + u")"_s;
        rows << r;
        out << r.client << " " << r.kind << ": " << fmt(r.wallS) << " s, " << r.graphRequests << " requests, "
            << r.throttled << " 429s — " << s.message << Qt::endl;
    };
    auto scriptRun = [&](const QDateTime &since, RunResult r) {
        ServerWindow w(env.get());
        script->run(since, QDateTime::currentDateTimeUtc());
        w.finish(r);
        r.items = script->items();
        r.failedUsers = script->failed();
        rows << r;
        out << r.client << " " << r.kind << ": " << fmt(r.wallS) << " s, " << r.graphRequests << " requests, "
            << r.throttled << " 429s" << Qt::endl;
    };

    // Full runs.
    if (only.contains(u"engine"_s)) {
        engine = std::make_unique<EngineRig>(env.get(), dir.filePath(u"engine.sqlite"_s));
        engineRun(*engine, engineOptions,
                  make(u"engine (defaults)"_s, u"full"_s, int(tenant.users().size()), licensed, fullMinimum));
    }
    if (only.contains(u"parallel"_s)) {
        script = std::make_unique<ScriptClient>(env.get(), 8);
        scriptRun(from, make(u"8-way script-style"_s, u"full"_s, int(tenant.users().size()), licensed, fullMinimum));
        scriptNewest = script->newest();
    }
    if (only.contains(u"sequential"_s)) {
        sequential = std::make_unique<EngineRig>(env.get(), dir.filePath(u"sequential.sqlite"_s));
        engineRun(*sequential, seqOptions,
                  make(u"sequential (engine, 1 user at a time, no targeting)"_s, u"full"_s, seqUsers, licensedSubset, fullMinimumSubset));
    }

    // New interactions for some licensed users (spread over the tenant, the subset included).
    const int newUsers = p.value(u"new-users"_s).toInt();
    int added = 0;
    for (int i = 0; i < tenant.users().size() && added < newUsers; i += 7) {
        if (!tenant.users().at(i).licensed)
            continue;
        env->addInteractions(tenant.users().at(i).json.value(u"id"_s).toString(), 3);
        ++added;
    }
    out << "added 3 interactions to each of " << added << " users" << Qt::endl;
    const qint64 overlapMs = qint64(engineOptions.overlapMinutes) * 60 * 1000;
    auto sinceWatermark = [&](const QString &id) {
        const qint64 n = newestBefore.value(id, -1);
        return n < 0 ? 0 : n - overlapMs;
    };
    const qint64 incMinimum = minimum(int(tenant.users().size()), sinceWatermark);
    const qint64 incMinimumSubset = minimum(seqUsers, sinceWatermark);

    if (engine)
        engineRun(*engine, engineOptions,
                  make(u"engine (defaults)"_s, u"incremental"_s, int(tenant.users().size()), licensed, incMinimum));
    if (script)
        scriptRun(scriptNewest.isValid() ? scriptNewest.addMSecs(-overlapMs) : from,
                  make(u"8-way script-style"_s, u"incremental (from its newest item − 60 min)"_s,
                       int(tenant.users().size()), licensed, incMinimum));
    if (sequential)
        engineRun(*sequential, seqOptions,
                  make(u"sequential (engine, 1 user at a time, no targeting)"_s, u"incremental"_s, seqUsers, licensedSubset, incMinimumSubset));

    printTable(rows, so.rateLimit);
    // The sequential baseline over the whole tenant, projected from its subset (per user asked;
    // the user list is paged once either way).
    for (const RunResult &r : rows) {
        if (!r.client.startsWith(u"sequential"_s) || r.usersAsked <= 0)
            continue;
        const double factor = double(tenant.users().size()) / double(r.usersAsked);
        out << "projection, sequential " << r.kind << " over all " << tenant.users().size() << " users: ~"
            << fmt(r.wallS * factor / 60.0) << " min, ~" << qint64(double(r.graphRequests - userListPages) * factor + userListPages)
            << " requests (measured on the first " << r.usersAsked << " users × " << fmt(factor, 1) << ")" << Qt::endl;
    }
    for (const QString &kind : {u"full"_s, u"incremental"_s}) {
        double eng = 0, par = 0;
        for (const RunResult &r : rows) {
            if (!r.kind.startsWith(kind))
                continue;
            if (r.client.startsWith(u"engine"_s))
                eng = r.wallS;
            if (r.client.startsWith(u"8-way"_s))
                par = r.wallS;
        }
        if (eng > 0 && par > 0)
            out << "ratio engine / 8-way script-style, " << kind << ": " << fmt(eng / par, 2) << "×" << Qt::endl;
    }
    return 0;
}
