// GraphClient + TokenProvider against the real demo Graph server (DemoEnvironment, own thread):
// token caching, paging all users, 429 + Retry-After with the server's rate limit, every injected
// fault ending in complete data within the retry budget, backoff without Retry-After, cancellation.
#include "app/auth/TokenProvider.h"
#include "app/graph/GraphClient.h"
#include "app/sim/DemoEnvironment.h"
#include "Fixtures.h"
#include "TestSupport.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QtTest>
#include <memory>

using namespace Qt::StringLiterals;
using namespace ledger;

namespace {
// Records every HTTP request the client sends: when, and how it ended.
class RecordingNam : public QNetworkAccessManager {
public:
    struct Sent {
        QUrl url;
        qint64 sentMs = 0;
        qint64 doneMs = -1;
        int status = 0;
        int retryAfter = -1;
    };
    QList<Sent> log;
    QElapsedTimer clock;
    RecordingNam() { clock.start(); }

protected:
    QNetworkReply *createRequest(Operation op, const QNetworkRequest &req, QIODevice *data) override
    {
        QNetworkReply *reply = QNetworkAccessManager::createRequest(op, req, data);
        const qsizetype idx = log.size();
        log.append({req.url(), clock.elapsed()});
        connect(reply, &QNetworkReply::finished, this, [this, idx, reply] {
            Sent &s = log[idx];
            s.doneMs = clock.elapsed();
            s.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            bool ok = false;
            const int ra = reply->rawHeader("Retry-After").toInt(&ok);
            s.retryAfter = ok ? ra : -1;
        });
        return reply;
    }
};

struct Client {
    RecordingNam nam;
    TokenProvider tokens{&nam};
    GraphClient graph{&tokens};
};
} // namespace

class TestGraphDemo : public QObject {
    Q_OBJECT
    std::unique_ptr<DemoEnvironment> env;

    std::unique_ptr<Client> makeClient(int maxRetries = 6, int baseDelayMs = 50)
    {
        auto c = std::make_unique<Client>();
        c->tokens.setCredentials(env->connection(), env->clientSecret());
        c->graph.setGraphBase(env->baseUrl());
        RetryPolicy p;
        p.maxRetries = maxRetries;
        p.baseDelayMs = baseDelayMs;
        p.maxDelayMs = 2000;
        c->graph.setRetryPolicy(p);
        c->graph.setRateLimit(200, 20);
        return c;
    }

    // Fetches every page; returns the raw items (empty + failure message on error).
    static QList<QByteArray> fetchAll(GraphClient &g, const QUrl &url, QString *error = nullptr)
    {
        GraphPager *pager = g.getAll(url);
        QList<QByteArray> raw;
        QObject::connect(pager, &GraphPager::page, pager, [&raw](const GraphPage &p) { raw += p.rawItems; });
        QSignalSpy done(pager, &GraphPager::finished);
        if (!done.wait(60000) && error)
            *error = u"timeout"_s;
        if (!pager->ok() && error)
            *error = pager->error().details();
        pager->deleteLater();
        return raw;
    }

private slots:
    void initTestCase()
    {
        test::isolateEnvironment();
        const DemoTenantSpec spec = test::demoTenant(120, 6000);
        QString error;
        env = DemoEnvironment::start(spec, {}, 0, &error);
        QVERIFY2(env, qPrintable(error));
    }
    void cleanupTestCase() { env.reset(); }
    void init() { env->setOptions({}); }

    void pagingAllUsersWithOneToken()
    {
        auto c = makeClient();
        const qint64 tokensBefore = env->stats().tokenRequests;
        QString error;
        const QList<QByteArray> raw = fetchAll(c->graph, c->graph.url(u"users"_s, {{u"$select"_s, u"id,userPrincipalName"_s}, {u"$top"_s, u"25"_s}}), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(raw.size(), env->tenant().users().size());
        QSet<QString> ids;
        for (const QByteArray &b : raw)
            ids.insert(QJsonDocument::fromJson(b).object().value(u"id"_s).toString());
        for (const auto &u : env->tenant().users())
            QVERIFY(ids.contains(u.json.value(u"id"_s).toString()));
        QCOMPARE(env->stats().tokenRequests - tokensBefore, 1);
    }

    void interactionsRawBytesExact()
    {
        auto c = makeClient();
        const QString uid = env->tenant().heavyUserId();
        QString error;
        const QList<QByteArray> raw = fetchAll(c->graph,
            c->graph.url(u"copilot/users/"_s + uid + u"/interactionHistory/getAllEnterpriseInteractions"_s, {{u"$top"_s, u"100"_s}}), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const QList<QByteArray> &truth = env->tenant().interactions(uid);
        QCOMPARE(raw.size(), truth.size());
        QSet<QByteArray> want(truth.cbegin(), truth.cend());
        for (const QByteArray &b : raw)
            QVERIFY(want.contains(b));
    }

    void throttlingHonoursRetryAfter()
    {
        DemoServerOptions o;
        o.rateLimit = 15;
        env->setOptions(o);
        auto c = makeClient(12);
        c->graph.setRateLimit(100, 20);
        QList<GraphReply *> replies;
        const auto &users = env->tenant().users();
        for (int i = 0; i < 60; ++i)
            replies << c->graph.get(c->graph.url(u"users/"_s + users.at(i % users.size()).json.value(u"id"_s).toString(),
                                                 {{u"$select"_s, u"id,displayName"_s}}));
        QTRY_VERIFY_WITH_TIMEOUT(std::all_of(replies.begin(), replies.end(), [](GraphReply *r) { return r->isFinished(); }), 60000);
        for (GraphReply *r : replies)
            QVERIFY2(r->ok(), qPrintable(r->error().details()));
        QVERIFY(c->graph.stats().throttled > 0);
        // Per URL: never sent again before Retry-After elapsed after a 429.
        QHash<QString, QList<RecordingNam::Sent>> byUrl;
        for (const auto &s : c->nam.log)
            byUrl[s.url.toString()].append(s);
        for (auto it = byUrl.cbegin(); it != byUrl.cend(); ++it) {
            const auto &sends = it.value();
            for (int i = 0; i + 1 < sends.size(); ++i) {
                if (sends.at(i).status == 429 && sends.at(i).retryAfter >= 0) {
                    const qint64 gap = sends.at(i + 1).sentMs - sends.at(i).doneMs;
                    QVERIFY2(gap >= sends.at(i).retryAfter * 1000, qPrintable(it.key() + u" gap "_s + QString::number(gap)));
                }
            }
        }
        // After a 429 the whole client pauses: no request of any URL starts inside a pause.
        for (const auto &t : c->nam.log) {
            if (t.status != 429 || t.retryAfter < 0)
                continue;
            for (const auto &s : c->nam.log) {
                if (s.url.path().endsWith(u"/token"))
                    continue;
                QVERIFY2(!(s.sentMs > t.doneMs && s.sentMs < t.doneMs + t.retryAfter * 1000 - 1),
                         qPrintable(u"request started inside a Retry-After pause"_s));
            }
        }
        // Bounded: far fewer than one 429 per request per retry.
        QVERIFY2(c->graph.stats().requests <= 60 * 3, qPrintable(QString::number(c->graph.stats().requests)));
    }

    void faultsEndInCompleteData()
    {
        DemoServerOptions o;
        o.faults = true;
        o.faultRate = 0.35;
        o.tokenLifetimeSeconds = 3599;
        env->setOptions(o);
        const qint64 faultsBefore = env->stats().faultsInjected;
        auto c = makeClient(4, 30);
        c->graph.setTransferTimeoutMs(10000);
        int checkedUsers = 0;
        for (const auto &u : env->tenant().users()) {
            if (!u.licensed || checkedUsers >= 12)
                continue;
            ++checkedUsers;
            const QString uid = u.json.value(u"id"_s).toString();
            QString error;
            const QList<QByteArray> raw = fetchAll(c->graph,
                c->graph.url(u"copilot/users/"_s + uid + u"/interactionHistory/getAllEnterpriseInteractions"_s, {{u"$top"_s, u"20"_s}}), &error);
            QVERIFY2(error.isEmpty(), qPrintable(error));
            QCOMPARE(raw.size(), env->tenant().interactions(uid).size());
        }
        QVERIFY(env->stats().faultsInjected > faultsBefore);
        QVERIFY(c->graph.stats().retries > 0);
        QHash<QString, int> sends;
        for (const auto &s : c->nam.log)
            if (!s.url.path().endsWith(u"/token"))
                ++sends[s.url.toString()];
        for (auto it = sends.cbegin(); it != sends.cend(); ++it)
            QVERIFY2(it.value() <= 1 + 4, qPrintable(it.key()));
        // 504 (no Retry-After) → exponential backoff, not an immediate resend.
        QHash<QString, QList<RecordingNam::Sent>> byUrl;
        for (const auto &s : c->nam.log)
            byUrl[s.url.toString()].append(s);
        for (const auto &list : byUrl)
            for (int i = 0; i + 1 < list.size(); ++i)
                if (list.at(i).status == 504)
                    QVERIFY(list.at(i + 1).sentMs - list.at(i).doneMs >= 22);   // 30 ms − 25 % jitter
    }

    void cancellation()
    {
        DemoServerOptions o;
        o.latencyMs = 3000;
        env->setOptions(o);
        auto c = makeClient();
        GraphReply *r = c->graph.get(c->graph.url(u"users"_s));
        GraphPager *p = c->graph.getAll(c->graph.url(u"users"_s));
        QTRY_VERIFY_WITH_TIMEOUT(c->graph.inFlight() == 2, 10000);
        QSignalSpy rf(r, &GraphReply::finished);
        QSignalSpy pf(p, &GraphPager::finished);
        c->graph.cancelAll();
        QCOMPARE(rf.count(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(pf.count(), 1, 5000);
        QVERIFY(r->error().cancelled);
        QVERIFY(p->error().cancelled);
        QCOMPARE(c->graph.inFlight(), 0);
    }
};

QTEST_GUILESS_MAIN(TestGraphDemo)
#include "tst_graphdemo.moc"
