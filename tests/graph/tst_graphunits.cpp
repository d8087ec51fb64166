// GraphError parsing, RetryPolicy and RateLimiter (injected clock).
#include "app/graph/GraphError.h"
#include "app/graph/RateLimiter.h"
#include "app/graph/RetryPolicy.h"
#include "TestSupport.h"

#include <QtTest>

using namespace Qt::StringLiterals;
using namespace ledger;

class TestGraphUnits : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { test::isolateEnvironment(); }

    void errorFromBody()
    {
        const QByteArray body = R"({"error":{"code":"Forbidden","message":"UnknownError",
            "innerError":{"date":"2026-11-25T10:00:00","request-id":"rid-1","client-request-id":"crid-1"}}})";
        const GraphError e = GraphError::fromBody(403, body);
        QCOMPARE(e.httpStatus, 403);
        QCOMPARE(e.code, u"Forbidden"_s);
        QCOMPARE(e.message, u"UnknownError"_s);
        QCOMPARE(e.requestId, u"rid-1"_s);
        QCOMPARE(e.clientRequestId, u"crid-1"_s);
        QCOMPARE(e.date, u"2026-11-25T10:00:00"_s);
        QVERIFY(e.isValid());
        QVERIFY(e.isForbiddenUnknown());
        QVERIFY(e.plainText().contains(u"licence"_s));
        QVERIFY(e.details().contains(u"rid-1"_s));
        QVERIFY(e.details().contains(u"crid-1"_s));
        QVERIFY(e.details().contains(u"403"_s));

        const GraphError lower = GraphError::fromBody(400, R"({"error":{"code":"BadRequest","message":"bad","innererror":{"request-id":"r2"}}})");
        QCOMPARE(lower.requestId, u"r2"_s);
        QVERIFY(!lower.isForbiddenUnknown());

        const GraphError other403 = GraphError::fromBody(403, R"({"error":{"code":"Authorization_RequestDenied","message":"Insufficient privileges"}})");
        QVERIFY(!other403.isForbiddenUnknown());
        QVERIFY(other403.plainText().contains(u"admin consent"_s));

        const GraphError garbage = GraphError::fromBody(500, "<html>oops</html>");
        QCOMPARE(garbage.httpStatus, 500);
        QVERIFY(garbage.code.isEmpty());
        QVERIFY(garbage.plainText().contains(u"500"_s));
    }

    void errorValidity()
    {
        GraphError e;
        QVERIFY(!e.isValid());
        e.cancelled = true;
        QVERIFY(e.isValid());
        QVERIFY(e.plainText().contains(u"cancelled"_s));
        GraphError t;
        t.networkError = 2;
        QVERIFY(t.isValid());
        QVERIFY(!t.plainText().isEmpty());
    }

    void retryableStatus()
    {
        RetryPolicy p;
        QVERIFY(p.isRetryableStatus(429));
        QVERIFY(p.isRetryableStatus(503));
        QVERIFY(p.isRetryableStatus(504));
        QVERIFY(!p.isRetryableStatus(500));
        QVERIFY(!p.isRetryableStatus(403));
        QVERIFY(!p.isRetryableStatus(400));
        QVERIFY(!p.isRetryableStatus(200));
    }

    void retryAfterExact()
    {
        RetryPolicy p;
        p.maxDelayMs = 1000;   // Retry-After is honoured even above the cap
        for (quint32 seed = 1; seed < 50; ++seed) {
            QCOMPARE(p.delayMs(1, 3, seed), 3000);
            QCOMPARE(p.delayMs(5, 0, seed), 0);
            QCOMPARE(p.delayMs(2, 120, seed), 120000);
        }
    }

    void backoffGrowthAndJitter()
    {
        RetryPolicy p;
        p.baseDelayMs = 100;
        p.maxDelayMs = 5000;
        p.jitter = 0.25;
        for (int retry = 1; retry <= 10; ++retry) {
            const double nominal = std::min(100.0 * std::pow(2.0, retry - 1), 5000.0);
            int minSeen = INT_MAX, maxSeen = 0;
            for (quint32 seed = 1; seed < 2000; seed += 7) {
                const int d = p.delayMs(retry, std::nullopt, seed);
                QVERIFY2(d >= std::floor(nominal * 0.75) && d <= std::min(5000.0, std::ceil(nominal * 1.25)),
                         qPrintable(QString::number(d)));
                minSeen = std::min(minSeen, d);
                maxSeen = std::max(maxSeen, d);
            }
            QVERIFY(maxSeen > minSeen);   // jitter actually varies
        }
        // Growth: the average doubles until the cap.
        auto avg = [&](int retry) {
            double s = 0;
            for (quint32 seed = 1; seed <= 500; ++seed)
                s += p.delayMs(retry, std::nullopt, seed);
            return s / 500;
        };
        QVERIFY(avg(2) > avg(1) * 1.6);
        QVERIFY(avg(3) > avg(2) * 1.6);
        QVERIFY(avg(12) <= 5000);
        p.jitter = 0;
        QCOMPARE(p.delayMs(1, std::nullopt, 9), 100);
        QCOMPARE(p.delayMs(4, std::nullopt, 9), 800);
        QCOMPARE(p.delayMs(40, std::nullopt, 9), 5000);
    }

    void limiterBucket()
    {
        qint64 now = 1000;
        RateLimiter l(10.0, 3, [&] { return now; });
        QCOMPARE(l.waitMs(), 0);
        QVERIFY(l.tryAcquire());
        QVERIFY(l.tryAcquire());
        QVERIFY(l.tryAcquire());
        QVERIFY(!l.tryAcquire());           // burst used up
        QCOMPARE(l.waitMs(), 100);          // 10/s → one token per 100 ms
        now += 50;
        QVERIFY(!l.tryAcquire());
        QCOMPARE(l.waitMs(), 50);
        now += 50;
        QVERIFY(l.tryAcquire());
        QVERIFY(!l.tryAcquire());
        now += 10000;                        // refill caps at burst
        QVERIFY(l.tryAcquire());
        QVERIFY(l.tryAcquire());
        QVERIFY(l.tryAcquire());
        QVERIFY(!l.tryAcquire());
    }

    void limiterSustainedRate()
    {
        qint64 now = 0;
        RateLimiter l(20.0, 1, [&] { return now; });
        int acquired = 0;
        for (now = 0; now < 10000; ++now) {
            if (l.tryAcquire())
                ++acquired;
        }
        QVERIFY2(acquired >= 199 && acquired <= 201, qPrintable(QString::number(acquired)));
    }

    void limiterPause()
    {
        qint64 now = 0;
        RateLimiter l(10.0, 5, [&] { return now; });
        l.pauseFor(2000);
        QCOMPARE(l.waitMs(), 2000);
        QVERIFY(!l.tryAcquire());
        now = 1999;
        QCOMPARE(l.waitMs(), 1);
        QVERIFY(!l.tryAcquire());
        now = 2000;
        QVERIFY(l.tryAcquire());
        QVERIFY(l.rate() < 10.0);            // slowed down after a 429
        QCOMPARE(l.configuredRate(), 10.0);
        // A shorter pause never shortens a longer one.
        l.pauseFor(5000);                    // until 7000
        l.pauseFor(10);
        QCOMPARE(l.waitMs(), 5000);
        // Recovers the configured rate after a quiet period.
        now = 7000 + 31000;
        QCOMPARE(l.waitMs(), 0);
        QCOMPARE(l.rate(), 10.0);
    }

    void limiterAdaptsBelowAQuarterOfTheCeiling()
    {
        // A tenant whose real budget is 5/s answers 429 while the client sends at 30/s: the rate
        // must keep falling until the 429s stop (a fixed floor at a share of the ceiling would
        // keep the client throttled and fail users).
        qint64 now = 0;
        RateLimiter l(30.0, 5, [&] { return now; });
        QCOMPARE(l.rate(), 30.0);
        for (int i = 0; i < 4; ++i) {
            l.pauseFor(1000);
            now += 1100;
        }
        QVERIFY2(l.rate() < 5.0, qPrintable(QString::number(l.rate())));
        QVERIFY(l.rate() >= RateLimiter::kMinRate);
    }

    void limiterLowersOncePerCongestionWindowAndRecoversSlowly()
    {
        qint64 now = 0;
        RateLimiter l(30.0, 5, [&] { return now; });
        // Eight replies of requests that were in flight together: one congestion event.
        for (int i = 0; i < 8; ++i)
            l.pauseFor(1000);
        QCOMPARE(l.rate(), 15.0);
        QCOMPARE(l.waitMs(), 1000);          // nothing before Retry-After has elapsed
        now = 1000 + RateLimiter::kQuietBeforeRecoveryMs;
        QCOMPARE(l.rate(), 15.0);            // no recovery during the quiet period
        now += 2000;
        QVERIFY(l.rate() > 15.0 && l.rate() < 20.0);   // slowly: +1.5/s per second at 30/s
        now += 60000;
        QCOMPARE(l.rate(), 30.0);            // back to the ceiling, never above
    }

    void limiterOff()
    {
        qint64 now = 0;
        RateLimiter l(0, 1, [&] { return now; });
        for (int i = 0; i < 1000; ++i)
            QVERIFY(l.tryAcquire());
        l.pauseFor(300);
        QCOMPARE(l.waitMs(), 300);
    }
};

QTEST_GUILESS_MAIN(TestGraphUnits)
#include "tst_graphunits.moc"
