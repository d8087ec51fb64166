#pragma once
// Review statuses, notes and cases of turns and sessions, kept in the archive's own review
// tables (review/ReviewSchema.cpp) — a sync never touches them. Every decision is written
// together with its activity-log entry in one transaction: a decision without its log entry
// cannot exist. Use in the thread that opened the archive.
#include "app/archive/ArchiveTypes.h"
#include "app/review/ReviewTypes.h"
#include <QHash>
#include <QList>
#include <functional>
#include <optional>

namespace ledger {

class Archive;

class ReviewStore {
public:
    explicit ReviewStore(Archive &archive) : m_archive(archive) {}

    static ReviewRef turnRef(const TurnRow &t);          // prompt id, else response id
    static ReviewRef sessionRef(const SessionRow &s);    // session key

    bool setStatus(const ReviewRef &ref, ReviewStatus status, QString *error = nullptr);
    bool setNote(const ReviewRef &ref, const QString &note, QString *error = nullptr);
    // Adds the item to a case, creating the case when it is new. Names are trimmed; empty = error.
    bool addToCase(const ReviewRef &ref, const QString &caseName, QString *error = nullptr);
    bool removeFromCase(const ReviewRef &ref, const QString &caseName, QString *error = nullptr);
    bool createCase(const QString &caseName, QString *error = nullptr);   // no-op when it exists
    QStringList caseNames() const;                       // sorted, case-insensitively
    static QStringList caseNames(const Archive &archive);   // the same, for a reader's archive

    ReviewRecord record(const ReviewRef &ref) const;
    // The records of these refs (missing ones are default records), keyed by ReviewRef::key().
    QHash<QString, ReviewRecord> records(const QList<ReviewRef> &refs) const;
    // Every turn or session with a record (any status, note or case).
    QList<ReviewRecord> allRecords(ReviewKind kind) const;
    // Per status: the number of turns with a record of that status (unreviewed: records reset to it).
    QHash<ReviewStatus, qint64> statusCounts(ReviewKind kind) const;

    // The turns (one row each) of refs, in the refs' order; a ref whose turn is no longer in the
    // archive is left out. ids of the derived turns table (for the tables' key-based reads).
    QList<qint64> turnKeys(const QList<ReviewRef> &refs) const;

    // reviews.csv: every reviewed turn in scope of f (a record with a status other than
    // unreviewed, a note or a case), in (user id, time) order. cb returns false to stop.
    struct ExportRow {
        QString interactionId, sessionId, userPrincipalName, status, cases, note, reviewedBy;
        QString userId;                   // whose turn (not a column: for pseudonymised exports)
        QDateTime reviewedUtc;
    };
    bool forEachReviewedTurn(const ArchiveFilter &f, const std::function<bool(const ExportRow &)> &cb) const;

    QString lastError() const { return m_error; }

private:
    // Records the message as lastError() (and in *error) and returns false.
    bool fail(const QString &message, QString *error) const;
    bool write(const ReviewRef &ref, const std::function<bool(QString *)> &change, QString *error);
    Archive &m_archive;
    mutable QString m_error;
};

} // namespace ledger
