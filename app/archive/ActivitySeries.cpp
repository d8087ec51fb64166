#include "app/archive/ActivitySeries.h"

#include "app/model/AppClass.h"

#include <QHash>
#include <algorithm>
#include <numeric>

namespace ledger {

int ActivitySeries::dayIndex(const QDate &d) const
{
    if (days.isEmpty() || !d.isValid())
        return -1;
    const qint64 i = days.constFirst().daysTo(d);
    return (i >= 0 && i < days.size()) ? int(i) : -1;
}

void ActivitySeries::niceScale(qint64 maxValue, int ticks, qint64 *axisMax, qint64 *step)
{
    ticks = qMax(1, ticks);
    if (maxValue <= 0) {
        *step = 1;
        *axisMax = ticks;
        return;
    }
    const double raw = double(maxValue) / ticks;
    double magnitude = 1;
    while (magnitude * 10 <= raw)
        magnitude *= 10;
    qint64 s = qint64(magnitude);
    for (const int m : {1, 2, 5, 10}) {
        s = qint64(magnitude) * m;
        if (double(s) >= raw)
            break;
    }
    s = qMax<qint64>(1, s);
    *step = s;
    *axisMax = ((maxValue + s - 1) / s) * s;
}

ActivitySeries ActivitySeries::compute(const QList<DayActivity> &input, const QList<UserActivity> &users,
                                       const QDate &first, const QDate &last, int maxDays)
{
    ActivitySeries s;

    QDate lo = first, hi = last;
    QHash<QString, qint64> appTotal;
    for (const DayActivity &a : input) {
        if (!a.day.isValid() || a.count <= 0)
            continue;
        appTotal[a.appClass] += a.count;
        if (!first.isValid() && (!lo.isValid() || a.day < lo))
            lo = a.day;
        if (!last.isValid() && (!hi.isValid() || a.day > hi))
            hi = a.day;
    }
    if (lo.isValid() && hi.isValid() && lo <= hi) {
        if (lo.daysTo(hi) >= maxDays)
            lo = hi.addDays(-(maxDays - 1));
        for (QDate d = lo; d <= hi; d = d.addDays(1))
            s.days << d;
    }

    s.appClasses = appTotal.keys();
    std::sort(s.appClasses.begin(), s.appClasses.end(), [&appTotal](const QString &a, const QString &b) {
        const qint64 ta = appTotal.value(a), tb = appTotal.value(b);
        return ta != tb ? ta > tb : a < b;
    });
    QHash<QString, int> appIndex;
    for (int i = 0; i < s.appClasses.size(); ++i) {
        appIndex.insert(s.appClasses[i], i);
        s.appNames << (s.appClasses[i].isEmpty() ? QStringLiteral("(unknown)") : appNameForClass(s.appClasses[i]));
        s.appTotals << 0;
    }

    s.counts = QList<QList<qint64>>(s.days.size(), QList<qint64>(s.appClasses.size(), 0));
    for (const DayActivity &a : input) {
        const int di = s.dayIndex(a.day);
        if (di < 0 || a.count <= 0)
            continue;
        const int ai = appIndex.value(a.appClass);
        s.counts[di][ai] += a.count;
        s.appTotals[ai] += a.count;
    }
    for (const QList<qint64> &row : std::as_const(s.counts)) {
        const qint64 t = std::accumulate(row.cbegin(), row.cend(), qint64(0));
        s.dayTotals << t;
        s.total += t;
        s.maxDayTotal = qMax(s.maxDayTotal, t);
    }
    // Drop apps that only had activity outside the kept range.
    for (int i = int(s.appClasses.size()) - 1; i >= 0; --i) {
        if (s.appTotals[i] > 0)
            continue;
        s.appClasses.removeAt(i);
        s.appNames.removeAt(i);
        s.appTotals.removeAt(i);
        for (QList<qint64> &row : s.counts)
            row.removeAt(i);
    }
    niceScale(s.maxDayTotal, 5, &s.axisMax, &s.axisStep);

    s.topUsers = users;
    std::stable_sort(s.topUsers.begin(), s.topUsers.end(),
                     [](const UserActivity &a, const UserActivity &b) { return a.count > b.count; });
    for (const UserActivity &u : std::as_const(s.topUsers))
        s.maxUserCount = qMax(s.maxUserCount, u.count);
    return s;
}

ActivitySeries ActivitySeries::computeFindings(const QList<DayFindings> &input, const QList<UserActivity> &users,
                                               const QStringList &selected, const QDate &first, const QDate &last,
                                               int maxDays)
{
    QList<DayActivity> days;
    days.reserve(input.size());
    for (const DayFindings &f : input) {
        const QString key = f.key();
        if (selected.isEmpty() || selected.contains(key))
            days.append(DayActivity{f.day, key, f.count});
    }
    ActivitySeries s = compute(days, users, first, last, maxDays);
    s.measure = Findings;
    for (int i = 0; i < s.appClasses.size(); ++i)
        s.appNames[i] = s.appClasses.at(i).section(QLatin1Char(':'), 1);
    return s;
}

QStringList ActivitySeries::findingKeys(const QList<DayFindings> &days)
{
    QStringList sensitive, watchlists;
    for (const DayFindings &f : days) {
        QStringList &into = f.kind == QLatin1String("watchlist") ? watchlists : sensitive;
        if (!into.contains(f.key()))
            into << f.key();
    }
    sensitive.sort();
    watchlists.sort(Qt::CaseInsensitive);
    return sensitive + watchlists;
}

} // namespace ledger
