#pragma once
// Value types of the review workflow: statuses, the identity of a reviewed item, its record.
#include <QDateTime>
#include <QString>
#include <QStringList>

namespace ledger {

enum class ReviewStatus { Unreviewed, Flagged, Escalated, Cleared };

// "unreviewed", "flagged", "escalated", "cleared" (the words of reviews.csv and the CLI).
QString reviewStatusKey(ReviewStatus s);
ReviewStatus reviewStatusFromKey(const QString &key, bool *ok = nullptr);
QList<ReviewStatus> allReviewStatuses();

enum class ReviewKind { Turn = 1, Session = 2 };

// A reviewed turn is named by its prompt's id (or its response's when it has no prompt); a
// session by its session key. Both are Graph's ids, stable across re-syncs.
struct ReviewRef {
    QString userId;
    ReviewKind kind = ReviewKind::Turn;
    QString itemId;
    QString sessionKey;               // a turn's session (informative)
    bool isValid() const { return !userId.isEmpty() && !itemId.isEmpty(); }
    QString key() const { return userId + QChar(0x1F) + QString::number(int(kind)) + QChar(0x1F) + itemId; }
    friend bool operator==(const ReviewRef &a, const ReviewRef &b)
    {
        return a.userId == b.userId && a.kind == b.kind && a.itemId == b.itemId;
    }
};

struct ReviewRecord {
    ReviewRef ref;
    ReviewStatus status = ReviewStatus::Unreviewed;
    QString note;
    QStringList cases;                // sorted
    QString reviewedBy;               // operator of the latest decision
    QDateTime reviewedUtc;            // time of the latest decision
    bool exists = false;              // false: never reviewed (all defaults)
};

} // namespace ledger
