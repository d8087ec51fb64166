#pragma once
// Retry rules (docs/GRAPH.md): 429/503/504 and transport errors are retried; Retry-After is honoured
// exactly; without it exponential backoff with jitter; a per-request budget.
#include <QtGlobal>
#include <optional>

namespace ledger {

struct RetryPolicy {
    int maxRetries = 6;            // per request
    int baseDelayMs = 500;         // first backoff without Retry-After
    int maxDelayMs = 60000;
    double jitter = 0.25;          // ± fraction

    bool isRetryableStatus(int httpStatus) const;   // 429, 503, 504 (and 500? no)
    // Delay before retry number `retry` (1-based); retryAfterSeconds when the server sent one.
    int delayMs(int retry, std::optional<int> retryAfterSeconds, quint32 randomSeed) const;
};

} // namespace ledger
