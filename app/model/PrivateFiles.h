#pragma once
// Personal data stays private to the user who runs Copilot Ledger: archives, their WAL/SHM files,
// settings and export files are created 0600 and the folders this program creates 0700, from
// the moment they exist (a process umask of 077, not a chmod after the fact). On Windows the
// files inherit the ACLs of the folder they are created in (the user profile for archives and
// settings); see docs/SECURITY.md.
#include <QString>

namespace ledger::privatefiles {

// Sets the process umask to 077 (once; POSIX only). Called by main() and, for programs that use
// the core library directly, by Archive::open and the Exporter before they create anything.
void restrictNewFiles();
// An existing folder → 0700, an existing file → 0600 (POSIX; no-op elsewhere). True on success.
bool tightenFolder(const QString &path);
bool tightenFile(const QString &path);

} // namespace ledger::privatefiles
