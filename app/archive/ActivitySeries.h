#pragma once
// The numbers behind the Activity view, computed once from the archive's aggregates (never in
// paintEvent): one column per day (gaps filled with zeros), apps stacked largest first, a "nice"
// y axis, and the top users. The same shape holds the findings series: findings per day stacked
// by detector / watchlist (computeFindings). No widgets: part of ledger_core.
#include "app/archive/ArchiveTypes.h"
#include <QDate>
#include <QList>
#include <QStringList>

namespace ledger {

struct ActivitySeries {
    // Interactions: the stacks are apps. Findings: the stacks are detectors and watchlists;
    // appClasses then holds their keys ("sensitive:credit_card", "watchlist:Code Names", as
    // ArchiveFilter::findings) and appNames the detector or list name.
    enum Measure { Interactions, Findings };
    Measure measure = Interactions;
    QList<QDate> days;                 // continuous, oldest first
    QStringList appClasses;            // stacking order: largest total first (bottom of the stack)
    QStringList appNames;              // friendly names, same order
    QList<qint64> appTotals;           // same order
    QList<QList<qint64>> counts;       // counts[day][app]
    QList<qint64> dayTotals;
    qint64 total = 0;
    qint64 maxDayTotal = 0;
    qint64 axisMax = 0;                // top of the y axis (multiple of axisStep, ≥ maxDayTotal)
    qint64 axisStep = 0;               // grid line spacing (1, 2, 5 × 10^n)

    QList<UserActivity> topUsers;      // highest count first
    qint64 maxUserCount = 0;

    bool isEmpty() const { return total == 0 && topUsers.isEmpty(); }
    int dayIndex(const QDate &d) const;   // -1 if outside

    // `first`/`last` (inclusive) widen the day range to the filter's range when valid; at most
    // maxDays columns are kept (the newest).
    static ActivitySeries compute(const QList<DayActivity> &days, const QList<UserActivity> &users,
                                  const QDate &first = {}, const QDate &last = {}, int maxDays = 731);
    // Findings per day of the series keys in `selected` (DayFindings::key(); empty = every key),
    // stacked largest first; users = the users with the most of those findings.
    static ActivitySeries computeFindings(const QList<DayFindings> &days, const QList<UserActivity> &users,
                                          const QStringList &selected = {}, const QDate &first = {},
                                          const QDate &last = {}, int maxDays = 731);
    // The keys of a findings aggregate: detectors first (registry order is not known here:
    // alphabetical), then watchlists, each sorted.
    static QStringList findingKeys(const QList<DayFindings> &days);
    // A y axis for values up to maxValue with about `ticks` grid lines: step 1/2/5×10^n.
    static void niceScale(qint64 maxValue, int ticks, qint64 *axisMax, qint64 *step);
};

} // namespace ledger
