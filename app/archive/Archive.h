#pragma once
// The local archive: one SQLite database per profile (docs/ARCHITECTURE.md, Modules, "archive/"). WAL,
// owner-only file permissions, versioned schema with migrations (archive/ArchiveSchema.cpp),
// FTS5 when the SQLite build has it.
//
// Archive owns the connection: opening (creates or migrates the file), closing, forgetting the
// tenant's data. What is done with the rows has a class of its own, reached through it:
//   writer()     the sync engine's side: users, interactions and their derived rows, sync state
//   reader()     the views, the export streams, the charts
//   findings()   the detectors' and watchlists' findings, the stored watchlists, rescans
//   exportLog()  the record of every export made from this archive
//
// Threading: an Archive object belongs to the thread that opened it (it owns a named
// QSqlDatabase connection), and so do the four parts it hands out. Other threads open their own
// Archive on the same path; WAL lets readers run while the sync engine writes.
#include "app/archive/ArchiveReader.h"
#include "app/archive/ArchiveWriter.h"
#include "app/archive/ExportLog.h"
#include "app/archive/FindingsStore.h"

#include <QString>

namespace ledger {

struct ArchiveState;

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
    // Deletes every row and the file's content for this tenant ("forget this tenant's data"):
    // closes, removes the database and its -wal/-shm files, reopens empty.
    bool forgetAll(QString *error = nullptr);

    ArchiveWriter &writer() { return m_writer; }
    const ArchiveReader &reader() const { return m_reader; }
    FindingsStore &findings() { return m_findings; }
    const FindingsStore &findings() const { return m_findings; }
    ExportLog &exportLog() { return m_exportLog; }
    const ExportLog &exportLog() const { return m_exportLog; }

    // Test hook: behave as if the SQLite build had no FTS5 (LIKE fallback). Affects later open().
    static void setFullTextSearchDisabledForTesting(bool disabled);
    static constexpr int kSchemaVersion = 7;

private:
    ArchiveState *d;
    ArchiveWriter m_writer;
    ArchiveReader m_reader;
    FindingsStore m_findings;
    ExportLog m_exportLog;
};

} // namespace ledger
