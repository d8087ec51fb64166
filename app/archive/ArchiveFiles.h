#pragma once
// The files of one archive on disk (the database and its SQLite side files) and the count of
// connections open on it in this process, so deleting an archive can refuse while anything
// (the GUI's Archive, an ArchiveWorker thread, an export) still has it open — on Windows an open
// handle would make the deletion fail, elsewhere the still-open connection would keep writing a
// file nobody can see (docs/ARCHITECTURE.md, Archive schema).
#include <QString>
#include <QStringList>

namespace ledger::archivefiles {

// The database and every side file SQLite may leave next to it (-wal, -shm, -journal).
QStringList filesOf(const QString &archivePath);

// Called by Archive::open / Archive::close (any thread).
void connectionOpened(const QString &archivePath);
void connectionClosed(const QString &archivePath);
int openConnections(const QString &archivePath);

// Deletes the database and all its side files. Refuses (false, *error in plain words) while a
// connection is open on it in this process; reports every file that could not be deleted.
// A missing archive is not an error.
bool remove(const QString &archivePath, QString *error = nullptr);

} // namespace ledger::archivefiles
