#pragma once
// The archive's export log (docs/ARCHITECTURE.md, Modules, "archive/"): one entry per export made from
// this archive (when, where, the query, the files with their row counts and SHA-256), newest
// last. Reached through Archive::exportLog(); it belongs to the Archive's thread.
#include "app/archive/ArchivePart.h"
#include "app/archive/ArchiveTypes.h"

#include <QList>

namespace ledger {

class ExportLog : public ArchivePart {
public:
    using ArchivePart::ArchivePart;

    bool append(const ExportLogEntry &entry);
    QList<ExportLogEntry> entries() const;
};

} // namespace ledger
