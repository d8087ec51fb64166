#include "app/graph/RateLimiter.h"

#include <QElapsedTimer>
#include <algorithm>
#include <cmath>

namespace ledger {

namespace {
qint64 monotonicMs()
{
    static QElapsedTimer timer = [] {
        QElapsedTimer t;
        t.start();
        return t;
    }();
    return timer.elapsed();
}
} // namespace

RateLimiter::RateLimiter(double requestsPerSecond, int burst, Clock clock)
    : m_rate(requestsPerSecond)
    , m_burst(std::max(1, burst))
    , m_clock(clock ? std::move(clock) : Clock(monotonicMs))
    , m_tokens(std::max(1, burst))
    , m_last(m_clock())
    , m_baseRate(requestsPerSecond)
{
}

void RateLimiter::setRate(double requestsPerSecond, int burst)
{
    refill();
    m_rate = requestsPerSecond;
    m_baseRate = requestsPerSecond;
    m_burst = std::max(1, burst);
    m_tokens = std::min<double>(m_tokens, m_burst);
    m_lastDecrease = -1;
}

double RateLimiter::rate() const
{
    refill();
    return m_rate;
}

void RateLimiter::refill() const
{
    const qint64 now = m_clock();
    if (now > m_last) {
        if (m_rate > 0)
            m_tokens = std::min<double>(m_burst, m_tokens + double(now - m_last) * m_rate / 1000.0);
        m_last = now;
    }
    // Slow additive recovery once the last pause is over and no 429 came for a while.
    if (m_lastDecrease >= 0 && m_rate > 0 && m_rate < m_baseRate) {
        const qint64 quietSince = std::max(m_pausedUntil, m_lastDecrease) + kQuietBeforeRecoveryMs;
        const qint64 from = std::max(quietSince, m_lastRecovery);
        if (now > from) {
            m_rate = std::min(m_baseRate, m_rate + m_baseRate * kRecoveryShareOfCeilingPerSecond
                                                      * double(now - from) / 1000.0);
            m_lastRecovery = now;
        }
    }
}

qint64 RateLimiter::waitMs() const
{
    refill();
    const qint64 now = m_clock();
    qint64 wait = std::max<qint64>(0, m_pausedUntil - now);
    if (m_rate > 0 && m_tokens < 1.0) {
        const qint64 refillWait = qint64(std::ceil((1.0 - m_tokens) * 1000.0 / m_rate));
        wait = std::max(wait, std::max<qint64>(1, refillWait));
    }
    return wait;
}

bool RateLimiter::tryAcquire()
{
    if (waitMs() > 0)
        return false;
    if (m_rate > 0)
        m_tokens -= 1.0;
    return true;
}

void RateLimiter::pauseFor(qint64 ms)
{
    refill();
    const qint64 now = m_clock();
    m_pausedUntil = std::max(m_pausedUntil, now + std::max<qint64>(0, ms));
    if (m_rate > 0 && (m_lastDecrease < 0 || now - m_lastDecrease >= kCongestionWindowMs)) {
        m_rate = std::max(kMinRate, m_rate * 0.5);
        m_lastDecrease = now;
    }
    m_lastRecovery = now;
    // After the pause, start with one token: no burst right after throttling.
    m_tokens = std::min(m_tokens, 1.0);
}

} // namespace ledger
