#include "graph/RateLimiter.h"

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
constexpr qint64 kRecoverAfterMs = 30000;   // back to the configured rate after a quiet period
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
}

void RateLimiter::refill() const
{
    const qint64 now = m_clock();
    if (m_lastPause && m_rate < m_baseRate && now - m_pausedUntil >= kRecoverAfterMs)
        m_rate = m_baseRate;
    if (now > m_last) {
        if (m_rate > 0)
            m_tokens = std::min<double>(m_burst, m_tokens + double(now - m_last) * m_rate / 1000.0);
        m_last = now;
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
    m_lastPause = true;
    if (m_rate > 0)
        m_rate = std::max(m_baseRate * 0.25, m_rate * 0.8);
    // After the pause, start with one token: no burst right after throttling.
    m_tokens = std::min(m_tokens, 1.0);
}

} // namespace ledger
