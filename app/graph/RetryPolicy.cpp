#include "app/graph/RetryPolicy.h"

#include <QtGlobal>
#include <algorithm>
#include <cmath>
#include <limits>

namespace ledger {

bool RetryPolicy::isRetryableStatus(int httpStatus) const
{
    return httpStatus == 429 || httpStatus == 503 || httpStatus == 504;
}

namespace {
int monthNumber(const QByteArray &m)
{
    static const char *const kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    for (int i = 0; i < 12; ++i)
        if (m == kMonths[i])
            return i + 1;
    return 0;
}

bool number(const QByteArray &s, int digits, int *out)
{
    if (s.size() != digits)
        return false;
    int v = 0;
    for (char c : s) {
        if (c < '0' || c > '9')
            return false;
        v = v * 10 + (c - '0');
    }
    *out = v;
    return true;
}

QDateTime dateFrom(int y, const QByteArray &mon, int d, const QByteArray &hms)
{
    const QList<QByteArray> t = hms.split(':');
    int h = 0, mi = 0, s = 0;
    const int m = monthNumber(mon);
    if (m == 0 || t.size() != 3 || !number(t.at(0), 2, &h) || !number(t.at(1), 2, &mi) || !number(t.at(2), 2, &s))
        return {};
    const QDate date(y, m, d);
    const QTime time(h, mi, s == 60 ? 59 : s);
    if (!date.isValid() || !time.isValid())
        return {};
    return QDateTime(date, time, Qt::UTC);
}
} // namespace

QDateTime RetryPolicy::parseHttpDate(const QByteArray &value)
{
    const QList<QByteArray> p = value.simplified().split(' ');
    int d = 0, y = 0;
    // IMF-fixdate: "Sun, 06 Nov 1994 08:49:37 GMT"
    if (p.size() == 6 && p.at(0).endsWith(',') && p.at(5) == "GMT" && number(p.at(1), 2, &d) && number(p.at(3), 4, &y))
        return dateFrom(y, p.at(2), d, p.at(4));
    // RFC 850: "Sunday, 06-Nov-94 08:49:37 GMT" (two-digit years: 1970–2069)
    if (p.size() == 4 && p.at(0).endsWith(',') && p.at(3) == "GMT") {
        const QList<QByteArray> dmy = p.at(1).split('-');
        if (dmy.size() == 3 && number(dmy.at(0), 2, &d) && number(dmy.at(2), 2, &y))
            return dateFrom(y < 70 ? 2000 + y : 1900 + y, dmy.at(1), d, p.at(2));
        return {};
    }
    // asctime: "Sun Nov  6 08:49:37 1994"
    if (p.size() == 5 && (number(p.at(2), 1, &d) || number(p.at(2), 2, &d)) && number(p.at(4), 4, &y))
        return dateFrom(y, p.at(1), d, p.at(3));
    // Lenient: an RFC 2822 date with a numeric zone ("Wed, 21 Oct 2026 07:28:00 +0000").
    const QDateTime rfc2822 = QDateTime::fromString(QString::fromLatin1(value.simplified()), Qt::RFC2822Date);
    return rfc2822.isValid() ? rfc2822.toUTC() : QDateTime();
}

std::optional<int> RetryPolicy::parseRetryAfter(const QByteArray &value, const QByteArray &dateHeader,
                                                const QDateTime &now)
{
    const QByteArray v = value.trimmed();
    if (v.isEmpty())
        return std::nullopt;
    const bool digitsOnly = std::all_of(v.cbegin(), v.cend(), [](char c) { return c >= '0' && c <= '9'; });
    if (digitsOnly) {
        bool ok = false;
        const qint64 secs = v.toLongLong(&ok);
        // More digits than a qint64 holds is still "a very long time".
        return int(ok ? std::min<qint64>(secs, kMaxRetryAfterSeconds) : kMaxRetryAfterSeconds);
    }
    const QDateTime when = parseHttpDate(v);
    if (!when.isValid())
        return std::nullopt;   // "-5", "soon", …: as if absent (normal backoff)
    QDateTime ref = parseHttpDate(dateHeader);
    if (!ref.isValid())
        ref = now.toUTC();
    const qint64 delta = ref.msecsTo(when);
    // Round up: never earlier than the server asked. A date in the past means "now".
    return int(std::clamp<qint64>((delta + 999) / 1000, 0, kMaxRetryAfterSeconds));
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
