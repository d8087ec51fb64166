#include "app/sync/RequestRateMeter.h"

#include <algorithm>

namespace ledger {

void RequestRateMeter::record(qint64 nowMs)
{
    m_times.push_back(nowMs);
    expire(nowMs);
}

void RequestRateMeter::expire(qint64 nowMs)
{
    while (!m_times.empty() && m_times.front() <= nowMs - m_window)
        m_times.pop_front();
}

double RequestRateMeter::rate(qint64 nowMs)
{
    expire(nowMs);
    const qint64 span = std::min(m_window, std::max<qint64>(nowMs - m_start, 250));
    return double(m_times.size()) * 1000.0 / double(span);
}

} // namespace ledger
