#include "graph/RetryPolicy.h"

#include <QtGlobal>
#include <algorithm>
#include <cmath>
#include <limits>

namespace ledger {

bool RetryPolicy::isRetryableStatus(int httpStatus) const
{
    return httpStatus == 429 || httpStatus == 503 || httpStatus == 504;
}

int RetryPolicy::delayMs(int retry, std::optional<int> retryAfterSeconds, quint32 randomSeed) const
{
    if (retryAfterSeconds && *retryAfterSeconds >= 0) {
        // Honoured exactly: never earlier, and never shortened by maxDelayMs or jitter.
        const qint64 ms = qint64(*retryAfterSeconds) * 1000;
        return int(std::min<qint64>(ms, std::numeric_limits<int>::max()));
    }
    const int n = std::max(1, retry);
    const double cap = std::max(0, maxDelayMs);
    double base = double(std::max(0, baseDelayMs)) * std::pow(2.0, std::min(n - 1, 30));
    base = std::min(base, cap);
    // Deterministic jitter in [-jitter, +jitter] from the seed (xorshift32).
    quint32 x = randomSeed ? randomSeed : 0x9E3779B9u;
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    const double unit = double(x) / double(std::numeric_limits<quint32>::max()); // [0,1]
    const double j = std::clamp(jitter, 0.0, 1.0);
    double delay = base * (1.0 + j * (2.0 * unit - 1.0));
    delay = std::clamp(delay, 0.0, cap);
    return int(std::lround(delay));
}

} // namespace ledger
