#pragma once
// The numbers behind the Activity view, computed once from the archive's aggregates (never in
// paintEvent): one column per day (gaps filled with zeros), apps stacked largest first, a "nice"
// y axis, and the top users.
#include "app/archive/ArchiveTypes.h"
#include <QDate>
#include <QList>
#include <QStringList>

namespace ledger::gui {

struct ActivitySeries {
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
    // A y axis for values up to maxValue with about `ticks` grid lines: step 1/2/5×10^n.
    static void niceScale(qint64 maxValue, int ticks, qint64 *axisMax, qint64 *step);
};

} // namespace ledger::gui
