#pragma once
// The archive's write side (docs/ARCHITECTURE.md, Modules, "archive/"): what the sync engine stores, and
// the per-user sync state it resumes from. Reached through Archive::writer(); it belongs to the
// Archive's thread.
#include "app/archive/ArchivePart.h"
#include "app/archive/ArchiveTypes.h"
#include "app/model/Interaction.h"
#include "app/model/User.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

namespace ledger {

class ArchiveWriter : public ArchivePart {
public:
    using ArchivePart::ArchivePart;

    bool upsertUsers(const QList<User> &users);
    // Inserts interactions (raw JSON + extracted columns + plain text), skipping any
    // (userId, id) already present, in one transaction; then refreshes the derived sessions and
    // turns of the touched (user, session) pairs and scans the new rows for findings
    // (FindingsStore). Returns the number of new rows, -1 on error.
    int insertInteractions(const QList<Interaction> &interactions);
    // Items of a user's history that could not be stored as interactions (no string id, a
    // createdDateTime that is not a date): kept with their raw bytes and the reason, once per
    // distinct item (schema v3). Returns the number newly stored, -1 on failure.
    int storeUnreadableItems(const QString &userId, const QList<QPair<QByteArray, QString>> &rawAndReason);
    bool setSyncState(const SyncState &state);
    SyncState syncState(const QString &userId) const;
    QList<SyncState> syncStates() const;
};

} // namespace ledger
