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
#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QPair>
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
    qint64 firstBadSeq = 0;         // the first entry that does not verify (0 = none or unknown)
    QDateTime firstBadTime;         // its time as stored (invalid when unknown)
    QString problem;                // what is wrong with it, plain words ("" when ok)
    QString technical;              // the hashes involved, when they help ("stored hash …, computed …")
    QString message;                // the whole verdict in plain words
    QString head;                   // the newest entry's stored hash ("" = empty log)
};

// What an earlier export said about the log (docs/CLI.md "log"): the head it recorded
// (export.json's activity_log_head) and, when the export.json file itself is at hand, its
// SHA-256 (which the export's own log entry records). Both empty = no anchor.
struct ActivityAnchor {
    QString head;                   // 64 hex digits, or ""
    QString exportJsonSha256;       // 64 hex digits, or ""
    bool isEmpty() const { return head.isEmpty() && exportJsonSha256.isEmpty(); }
};

class ActivityLog {
    Q_DECLARE_TR_FUNCTIONS(ledger::ActivityLog)
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
    static ActivityVerification verify(const Archive &archive, const ActivityAnchor &anchor = {});

    // One line of plain words for an entry's details (the CLI's table, the window's dialog).
    static QString summary(const ActivityEntry &e);
    static QJsonObject toJson(const ActivityEntry &e);   // the members of docs/CLI.md "log --json"
    // The kinds this program writes (for filters), in a fixed order.
    static QStringList knownKinds();

    // For the features that keep watchlists: one entry of kind "watchlist" (action e.g.
    // "created", "renamed", "members_added", "members_removed", "deleted").
    static QString recordWatchlistChange(Archive &archive, const QString &action, const QString &watchlist,
                                         const QStringList &members = {}, QString *error = nullptr);
    // FindingsStore::saveWatchlists: one "watchlist" entry per list created, deleted or changed between
    // the stored lists `before` and `after` (by name, case-insensitively; terms compared as
    // written). Inside the caller's open transaction. False (*error set) when an append failed.
    static bool recordWatchlistsSaved(Archive &archive, const QList<QPair<QString, QString>> &before,
                                      const QList<QPair<QString, QString>> &after, QString *error = nullptr);

    // Test hook: a fixed clock for appends (invalid = the real clock).
    static void setClockForTesting(const QDateTime &now);
};

// A read-only view of an archive file's activity log, for `copilot-ledger log` and for anyone
// who must not create, upgrade or lock the archive (an auditor's copy): the SQLite file is opened
// read-only and never created. Use in the thread that opened it.
class ActivityLogFile {
public:
    ActivityLogFile();
    ~ActivityLogFile();
    ActivityLogFile(const ActivityLogFile &) = delete;
    ActivityLogFile &operator=(const ActivityLogFile &) = delete;

    enum class OpenResult { Opened, Missing, Unreadable };
    OpenResult open(const QString &path, QString *error = nullptr);
    bool hasLogTable() const;        // false: no activity_log table (removed, or an archive before schema 6)
    int schemaVersion() const;       // PRAGMA user_version

    QList<ActivityEntry> entries(const QDateTime &from = {}, const QDateTime &to = {}, const QString &kind = {}) const;
    ActivityVerification verify(const ActivityAnchor &anchor = {}) const;

private:
    QString m_connection;
};

} // namespace ledger
