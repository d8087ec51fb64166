#pragma once
// The archive's read side (docs/ARCHITECTURE.md, Modules, "archive/"): counts, pages and keys of the
// Users, Sessions and Prompts views, the export streams, a conversation, the charts' series.
// Reached through Archive::reader(); it belongs to the Archive's thread. Every row type has one
// mapper from its query (archive/ArchiveReads.cpp, archive/ArchiveUserReads.cpp).
#include "app/archive/ArchivePart.h"
#include "app/archive/ArchiveTypes.h"
#include "app/model/Interaction.h"
#include "app/model/User.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <functional>
#include <optional>

namespace ledger {

class ArchiveReader : public ArchivePart {
public:
    using ArchivePart::ArchivePart;

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
    // The items of these users that could not be stored as interactions (ArchiveWriter::
    // storeUnreadableItems; every date and app: their date is unknown).
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
};

} // namespace ledger
