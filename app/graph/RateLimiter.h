#pragma once
// A shared token-bucket limiter (requests/s) that adapts to the tenant's real budget, plus a
// pause for the whole client after a 429 (docs/ARCHITECTURE.md, Sync).
//  - The configured rate (default 30/s, Microsoft's documented budget per app and tenant) is a
//    ceiling, not a promise.
//  - A 429 halves the current rate at once (at most once per congestion window, so the replies
//    of requests already in flight count as one event) and pauses every request until its
//    Retry-After has elapsed: no request starts before that.
//  - After a quiet period without 429s the rate recovers slowly (additively) to the ceiling.
//    There is no fixed floor above the server's limit: sustained throttling keeps lowering the
//    rate until the server stops answering 429 (down to kMinRate).
// Time source is injectable for unit tests.
#include <QtGlobal>
#include <functional>

namespace ledger {

class RateLimiter {
public:
    using Clock = std::function<qint64()>;   // milliseconds, monotonic
    static constexpr double kDefaultRate = 30.0;      // requests/s
    static constexpr double kMinRate = 0.2;           // the adaptive rate never goes below this
    static constexpr qint64 kCongestionWindowMs = 1000;   // 429s within this count once
    static constexpr qint64 kQuietBeforeRecoveryMs = 3000;
    static constexpr double kRecoveryShareOfCeilingPerSecond = 0.05;   // +1.5/s per s at 30/s

    explicit RateLimiter(double requestsPerSecond = kDefaultRate, int burst = 5, Clock clock = {});

    void setRate(double requestsPerSecond, int burst);
    double rate() const;                       // the current (adapted) rate
    // Milliseconds to wait before the next request may start (0 = now). Does not consume.
    qint64 waitMs() const;
    // Consumes one token if available now; returns false otherwise.
    bool tryAcquire();
    // After a 429 with Retry-After: no request starts before now+ms, and the rate is lowered.
    void pauseFor(qint64 ms);

private:
    void refill() const;
    mutable double m_rate;
    int m_burst;
    Clock m_clock;
    mutable double m_tokens;
    mutable qint64 m_last;
    qint64 m_pausedUntil = 0;
    double m_baseRate;          // the configured rate (m_rate is lowered after a 429)
    qint64 m_lastDecrease = -1; // clock ms of the last lowering; -1 = never
    mutable qint64 m_lastRecovery = 0;
public:
    qint64 pausedUntil() const { return m_pausedUntil; }   // clock ms; 0 = never paused
    double configuredRate() const { return m_baseRate; }
};

} // namespace ledger
