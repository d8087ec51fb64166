#pragma once
// The archive's findings (docs/DETECTION.md; docs/ARCHITECTURE.md, Modules, "archive/"): what the
// detectors and watchlists found in the stored interactions, the watchlists stored with the
// profile, and the rescans that bring stored findings up to date. Reached through
// Archive::findings(); it belongs to the Archive's thread. New interactions are scanned as
// ArchiveWriter::insertInteractions stores them, with this connection's watchlists.
#include "app/archive/ArchivePart.h"
#include "app/archive/ArchiveTypes.h"
#include "app/detect/Watchlist.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <functional>

namespace ledger {

class FindingsStore : public ArchivePart {
public:
    using ArchivePart::ArchivePart;

    // The watchlists this connection scans new interactions with (Archive::open loads the stored ones).
    void setWatchlists(const QList<detect::Watchlist> &lists);
    QList<detect::Watchlist> watchlists() const;
    // The watchlists stored with the profile's archive (the window's lists); saving also makes
    // them this connection's lists. The stored findings then need a rescan (rescanNeeded).
    QList<detect::Watchlist> storedWatchlists() const;
    bool saveWatchlists(const QList<detect::Watchlist> &lists);
    enum RescanScope { RescanNone = 0, RescanSensitive = 1, RescanWatchlists = 2 };
    // Which stored findings are out of date: sensitive ones after an upgrade or a detector change,
    // watchlist ones when this connection's lists differ from those they were computed with.
    int rescanNeeded() const;
    // Recomputes the findings of `scope` for every interaction stored when it starts, in batches
    // (one short transaction each, so a sync can write in between); rows stored meanwhile are
    // scanned by ArchiveWriter::insertInteractions. cancelled is polled between batches;
    // progress(done, total).
    bool rescan(int scope, const std::function<bool()> &cancelled = {},
                const std::function<void(qint64, qint64)> &progress = {});
    // Benchmark hook: no overlap of reading, scanning and writing in rescan().
    static void setSequentialRescanForBenchmark(bool on);
    // The findings of one interaction (conversation view), in location/start order.
    QList<detect::Finding> interactionFindings(const QString &userId, const QString &interactionId) const;
    // Streams the findings of the interactions matching f (export order: user, time, interaction).
    bool forEachFinding(const ArchiveFilter &f, const std::function<bool(const FindingRow &)> &cb) const;
    qint64 countFindings(const ArchiveFilter &f) const;
    // The watchlist names that have stored findings (Findings filter), sorted.
    QStringList watchlistNames() const;
    // The Activity tab's findings series: findings per UTC day of their interaction's time and
    // per detector / watchlist, of the interactions matching f (f.findings narrows the findings
    // themselves). topFindingUsers: the users with the most such findings, of the series keys
    // given (DayFindings::key(); empty = all), highest first.
    QList<DayFindings> findingsByDay(const ArchiveFilter &f) const;
    QList<UserActivity> topFindingUsers(const ArchiveFilter &f, const QStringList &keys, int limit) const;
};

} // namespace ledger
