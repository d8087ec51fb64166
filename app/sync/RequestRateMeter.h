#pragma once
// Requests per second over a moving window (for progress displays).
#include <QtGlobal>
#include <deque>

namespace ledger {

class RequestRateMeter {
public:
    explicit RequestRateMeter(qint64 windowMs = 5000) : m_window(windowMs) {}
    void reset(qint64 nowMs) { m_times.clear(); m_start = nowMs; }
    void record(qint64 nowMs);
    double rate(qint64 nowMs);   // events/s within the window (or since reset, if shorter)

private:
    void expire(qint64 nowMs);
    qint64 m_window;
    qint64 m_start = 0;
    std::deque<qint64> m_times;
};

} // namespace ledger
