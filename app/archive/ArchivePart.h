#pragma once
// The common base of the parts an Archive hands out (ArchiveReader, ArchiveWriter,
// FindingsStore, ExportLog): each works on the connection state of the Archive that owns it and
// lives as long as that Archive (docs/ARCHITECTURE.md, Modules, "archive/").

namespace ledger {

struct ArchiveState;

class ArchivePart {
public:
    explicit ArchivePart(ArchiveState *state) : d(state) {}
    ArchivePart(const ArchivePart &) = delete;
    ArchivePart &operator=(const ArchivePart &) = delete;

protected:
    ~ArchivePart() = default;
    ArchiveState *d;
};

} // namespace ledger
