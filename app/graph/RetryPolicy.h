#pragma once
// Retry rules (docs/GRAPH.md): 429/503/504 and transport errors are retried; Retry-After is honoured
// exactly; without it exponential backoff with jitter; a per-request budget.
#include <QByteArray>
#include <QDateTime>
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

    // The longest single wait a Retry-After can ask for; a longer value waits this long.
    static constexpr int kMaxRetryAfterSeconds = 600;
    // Retry-After as delta-seconds ("120") or an HTTP-date ("Wed, 21 Oct 2026 07:28:00 GMT",
    // measured from the response's Date header when it parses, else from `now`). Negative,
    // empty or unreadable values are absent (nullopt); the result is capped at
    // kMaxRetryAfterSeconds and rounded up to whole seconds.
    static std::optional<int> parseRetryAfter(const QByteArray &value, const QByteArray &dateHeader,
                                              const QDateTime &now);
    // An HTTP-date of RFC 7231 (IMF-fixdate, plus the obsolete RFC 850 and asctime forms, and
    // leniently an RFC 2822 date with a numeric zone); invalid when it does not parse.
    static QDateTime parseHttpDate(const QByteArray &value);
};

} // namespace ledger
