#pragma once
// The local archive: one SQLite database per profile (docs/ARCHITECTURE.md, Archive schema). WAL, owner-only file
// permissions, versioned schema with migrations, FTS5 when the SQLite build has it.
//
// Threading: an Archive object belongs to the thread that opened it (it owns a named
// QSqlDatabase connection). Other threads open their own Archive on the same path; WAL lets
// readers run while the sync engine writes.
#include "app/archive/ArchiveTypes.h"
#include "app/detect/Watchlist.h"
#include "app/model/Interaction.h"
#include "app/model/User.h"
#include <QList>
#include <QPair>
#include <QString>
#include <functional>
#include <optional>

namespace ledger {

class Archive {
public:
    Archive();
    ~Archive();
    Archive(const Archive &) = delete;
    Archive &operator=(const Archive &) = delete;

    // <AppDataLocation>/archives/<profileId>.sqlite
    static QString defaultPath(const QString &profileId);

    bool open(const QString &path, QString *error = nullptr);   // creates / migrates
    void close();
    // The SQLite page cache of this connection (default 64 MiB). Read-only connections of the
    // GUI's table workers use less: the OS caches the file anyway, and every window holds several
    // (docs/PERFORMANCE.md, the window's resident memory).
    void setCacheSizeKiB(int kib);
    bool isOpen() const;
    QString path() const;
    int schemaVersion() const;
    bool hasFullTextSearch() const;        // false → LIKE fallback (a warning was logged)
    QString lastError() const;
    // The name of this archive's QSqlDatabase connection (valid while open, in the opening
    // thread), for the modules that keep their own tables in the archive (review, activity log).
    QString connectionName() const;

    // ---- writes (sync engine) -------------------------------------------------------------
    bool upsertUsers(const QList<User> &users);
    // Inserts interactions (raw JSON + extracted columns + plain text), skipping any
    // (userId, id) already present, in one transaction; then refreshes the derived sessions and
    // turns of the touched (user, session) pairs. Returns the number of new rows, -1 on error.
    int insertInteractions(const QList<Interaction> &interactions);
    bool setSyncState(const SyncState &state);
    SyncState syncState(const QString &userId) const;
    QList<SyncState> syncStates() const;
    // Deletes every row and the file's content for this tenant ("forget this tenant's data"):
    // closes, removes the database and its -wal/-shm files, reopens empty.
    bool forgetAll(QString *error = nullptr);
    bool logExport(const ExportLogEntry &entry);
    QList<ExportLogEntry> exportLog() const;

    // ---- reads (views, export) -----------------------------------------------------------
    qint64 countUsers(const ArchiveFilter &f) const;
    qint64 countSessions(const ArchiveFilter &f) const;
    qint64 countTurns(const ArchiveFilter &f) const;
    qint64 countInteractions(const ArchiveFilter &f) const;
    // keys (optional): each row's key, as rowKeys(ArchiveView::Users) gives it.
    QList<UserRow> users(const ArchiveFilter &f, SortSpec sort = {}, int offset = 0, int limit = -1,
                         QList<qint64> *keys = nullptr) const;
    QList<SessionRow> sessions(const ArchiveFilter &f, SortSpec sort = {}, int offset = 0, int limit = -1) const;
    QList<TurnRow> turns(const ArchiveFilter &f, SortSpec sort = {}, int offset = 0, int limit = -1) const;
    // The GUI's tables: the ordered keys of every row of a view (users: rowid, sessions: sid,
    // turns: tid), then the rows of a few keys at a time, in the keys' order (a default row for a
    // key that no longer exists). `cancelled` is polled while the keys are read.
    QList<qint64> rowKeys(ArchiveView view, const ArchiveFilter &f, SortSpec sort = {},
                          const std::function<bool()> &cancelled = {}) const;
    // The first `limit` keys of rowKeys() (the same order), read through the sort indexes
    // (docs/ARCHITECTURE.md "Archive schema"): the rows on screen after a sort do not wait for the
    // ordered keys of the whole result. Sessions and turns; users: the first keys of rowKeys().
    QList<qint64> firstRowKeys(ArchiveView view, const ArchiveFilter &f, SortSpec sort, int limit) const;
    QList<UserRow> usersByKeys(const ArchiveFilter &f, const QList<qint64> &keys) const;   // f: activity range
    QList<SessionRow> sessionsByKeys(const QList<qint64> &keys) const;
    QList<TurnRow> turnsByKeys(const QList<qint64> &keys) const;
    // Streams interactions matching f in (userId, created, id) order; callback returns false to stop.
    // The Interaction has raw and the extracted columns; json is NOT parsed (parse raw if needed).
    bool forEachInteraction(const ArchiveFilter &f, const std::function<bool(const Interaction &)> &cb) const;
    // Items of a user's history that could not be stored as interactions (no string id, a
    // createdDateTime that is not a date): kept with their raw bytes and the reason, once per
    // distinct item (schema v3). Returns the number newly stored, -1 on failure.
    int storeUnreadableItems(const QString &userId, const QList<QPair<QByteArray, QString>> &rawAndReason);
    // Those items of the filter's users (every date and app: their date is unknown).
    bool forEachUnreadableItem(const QStringList &userIds,
                               const std::function<bool(const QString &userId, const QByteArray &raw, const QString &reason)> &cb) const;
    // Streams the rows of the Sessions / Turns views (export order: user id, time) without
    // loading them all; callback returns false to stop.
    bool forEachSession(const ArchiveFilter &f, const std::function<bool(const SessionRow &)> &cb) const;
    bool forEachTurn(const ArchiveFilter &f, const std::function<bool(const TurnRow &)> &cb) const;
    // The whole conversation, oldest first (json filled). sessionId may also be a SessionRow::sessionKey.
    QList<Interaction> sessionInteractions(const QString &userId, const QString &sessionId) const;
    std::optional<User> user(const QString &userId) const;
    // Display names that more than one user of the directory has (compared case-insensitively):
    // wherever a person is named, these need the UPN as well.
    QStringList sharedDisplayNames() const;
    QList<DayActivity> activityByDay(const ArchiveFilter &f) const;
    QList<UserActivity> topUsers(const ArchiveFilter &f, int limit) const;

    // ---- findings (detectors and watchlists, docs/DETECTION.md; archive/ArchiveFindings.cpp) ----
    // The watchlists this connection scans new interactions with (open() loads the stored ones).
    void setWatchlists(const QList<detect::Watchlist> &lists);
    QList<detect::Watchlist> watchlists() const;
    // The watchlists stored with the profile's archive (the window's lists); saving also makes
    // them this connection's lists. The stored findings then need a rescan (findingsRescanNeeded).
    QList<detect::Watchlist> storedWatchlists() const;
    bool saveWatchlists(const QList<detect::Watchlist> &lists);
    enum RescanScope { RescanNone = 0, RescanSensitive = 1, RescanWatchlists = 2 };
    // Which stored findings are out of date: sensitive ones after an upgrade or a detector change,
    // watchlist ones when this connection's lists differ from those they were computed with.
    int findingsRescanNeeded() const;
    // Recomputes the findings of `scope` for every interaction stored when it starts, in batches
    // (one short transaction each, so a sync can write in between); rows stored meanwhile are
    // scanned by insertInteractions. cancelled is polled between batches; progress(done, total).
    bool rescanFindings(int scope, const std::function<bool()> &cancelled = {},
                        const std::function<void(qint64, qint64)> &progress = {});
    // Benchmark hook: no overlap of reading, scanning and writing in rescanFindings.
    static void setSequentialRescanForBenchmark(bool on);
    // The findings of one interaction (conversation view), in location/start order.
    QList<detect::Finding> interactionFindings(const QString &userId, const QString &interactionId) const;
    // Streams the findings of the interactions matching f (export order: user, time, interaction).
    bool forEachFinding(const ArchiveFilter &f, const std::function<bool(const FindingRow &)> &cb) const;
    qint64 countFindings(const ArchiveFilter &f) const;
    // The watchlist names that have stored findings (Findings filter), sorted.
    QStringList findingWatchlistNames() const;
    // The Activity tab's findings series: findings per UTC day of their interaction's time and
    // per detector / watchlist, of the interactions matching f (f.findings narrows the findings
    // themselves). topFindingUsers: the users with the most such findings, of the series keys
    // given (DayFindings::key(); empty = all), highest first.
    QList<DayFindings> findingsByDay(const ArchiveFilter &f) const;
    QList<UserActivity> topFindingUsers(const ArchiveFilter &f, const QStringList &keys, int limit) const;

    // Test hook: behave as if the SQLite build had no FTS5 (LIKE fallback). Affects later open().
    static void setFullTextSearchDisabledForTesting(bool disabled);
    static constexpr int kSchemaVersion = 7;
    struct Private;   // implementation detail (archive/ArchivePrivate.h)

private:
    bool migrate(QString *error);
    void setupFullText();
    Private *d;
};

} // namespace ledger
