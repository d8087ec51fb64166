#pragma once
// The local archive: one SQLite database per profile (DESIGN §1, issue 3). WAL, owner-only file
// permissions, versioned schema with migrations, FTS5 when the SQLite build has it.
//
// Threading: an Archive object belongs to the thread that opened it (it owns a named
// QSqlDatabase connection). Other threads open their own Archive on the same path; WAL lets
// readers run while the sync engine writes.
#include "archive/ArchiveTypes.h"
#include "model/Interaction.h"
#include "model/User.h"
#include <QList>
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
    QList<UserRow> usersByKeys(const ArchiveFilter &f, const QList<qint64> &keys) const;   // f: activity range
    QList<SessionRow> sessionsByKeys(const QList<qint64> &keys) const;
    QList<TurnRow> turnsByKeys(const QList<qint64> &keys) const;
    // Streams interactions matching f in (userId, created, id) order; callback returns false to stop.
    // The Interaction has raw and the extracted columns; json is NOT parsed (parse raw if needed).
    bool forEachInteraction(const ArchiveFilter &f, const std::function<bool(const Interaction &)> &cb) const;
    // Streams the rows of the Sessions / Turns views (export order: user id, time) without
    // loading them all; callback returns false to stop.
    bool forEachSession(const ArchiveFilter &f, const std::function<bool(const SessionRow &)> &cb) const;
    bool forEachTurn(const ArchiveFilter &f, const std::function<bool(const TurnRow &)> &cb) const;
    // The whole conversation, oldest first (json filled). sessionId may also be a SessionRow::sessionKey.
    QList<Interaction> sessionInteractions(const QString &userId, const QString &sessionId) const;
    std::optional<User> user(const QString &userId) const;
    QList<DayActivity> activityByDay(const ArchiveFilter &f) const;
    QList<UserActivity> topUsers(const ArchiveFilter &f, int limit) const;

    // Test hook: behave as if the SQLite build had no FTS5 (LIKE fallback). Affects later open().
    static void setFullTextSearchDisabledForTesting(bool disabled);
    static constexpr int kSchemaVersion = 6;
    struct Private;   // implementation detail (archive/ArchivePrivate.h)

private:
    bool migrate(QString *error);
    void setupFullText();
    Private *d;
};

} // namespace ledger
