#pragma once
// The archive's append-only, hash-chained activity log (docs/ARCHITECTURE.md "Archive schema";
// the entry format and the hash rule are the contract of docs/EXPORT-FORMAT.md "Activity log",
// written so that an auditor can re-verify a copy of the archive without this program).
//
// Entry n: seq = n (1, 2, …), time_utc, operator (OS account), machine, app_version, kind and a
// details object. Its canonical content is the JSON object of those seven members, keys sorted,
// no white space, UTF-8, strings escaped like Python's json.dumps(ensure_ascii=False).
// hash(n) = SHA-256( hex(hash(n-1)) + "\n" + canonical content ), hex(hash(0)) = 64 zeros.
// The newest seq and hash are also kept in meta (activity_log_head) so that deleting the newest
// entries is noticed; BEFORE UPDATE / DELETE triggers refuse changes made through SQLite.
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace ledger {

class Archive;

struct ActivityEntry {
    qint64 seq = 0;
    QDateTime time;                 // UTC, millisecond precision
    QString operatorName, machine, appVersion;
    QString kind;                   // sync, export, review.status, review.note, review.cases, sample, case.created, watchlist, saved_search, profile, archive
    QJsonObject details;            // strings, integers, booleans, arrays and objects of those
    QString hash;                   // 64 lowercase hex digits
};

struct ActivityVerification {
    bool ok = true;
    qint64 entries = 0;
    qint64 firstBadSeq = 0;         // the first entry that does not verify (0 = none)
    QString message;                // plain words
    QString head;                   // the newest entry's stored hash ("" = empty log)
};

class ActivityLog {
public:
    static QString zeroHash();      // 64 zeros: the "previous hash" of the first entry
    // The canonical JSON text of a value (see above) and of an entry's content.
    static QByteArray canonicalJson(const QJsonValue &v);
    static QByteArray canonicalContent(const ActivityEntry &e);
    static QString chainHash(const QString &previousHash, const ActivityEntry &e);

    // The operator and machine of this process: the OS account and the host name.
    static QString currentOperator();
    static QString currentMachine();

    // Appends one entry (time = now, operator/machine/version of this process) in its own
    // transaction, or inside the caller's when one is open (pass inTransaction = true).
    // Returns the new entry's hash, "" on failure (*error set).
    static QString append(Archive &archive, const QString &kind, const QJsonObject &details,
                          QString *error = nullptr, bool inTransaction = false);

    // Entries with from <= time < to (invalid = open), oldest first; kind empty = all.
    static QList<ActivityEntry> entries(const Archive &archive, const QDateTime &from = {}, const QDateTime &to = {},
                                        const QString &kind = {});
    static QString head(const Archive &archive);   // the newest entry's hash, "" when empty
    static ActivityVerification verify(const Archive &archive);

    // For the features that keep watchlists: one entry of kind "watchlist" (action e.g.
    // "created", "renamed", "members_added", "members_removed", "deleted").
    static QString recordWatchlistChange(Archive &archive, const QString &action, const QString &watchlist,
                                         const QStringList &members = {}, QString *error = nullptr);

    // Test hook: a fixed clock for appends (invalid = the real clock).
    static void setClockForTesting(const QDateTime &now);
};

} // namespace ledger
