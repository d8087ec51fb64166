#pragma once
// A shared token-bucket limiter (requests/s) plus a pause for the whole client after a 429.
// Time source is injectable for unit tests.
#include <QtGlobal>
#include <functional>

namespace ledger {

class RateLimiter {
public:
    using Clock = std::function<qint64()>;   // milliseconds, monotonic
    explicit RateLimiter(double requestsPerSecond = 25.0, int burst = 5, Clock clock = {});

    void setRate(double requestsPerSecond, int burst);
    double rate() const { return m_rate; }
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
    bool m_lastPause = false;
public:
    qint64 pausedUntil() const { return m_pausedUntil; }   // clock ms; 0 = never paused
    double configuredRate() const { return m_baseRate; }
};

} // namespace ledger
