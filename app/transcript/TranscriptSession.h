#pragma once
// What a printed or saved transcript shows of one session (docs/EXPORT-FORMAT.md "transcripts/"):
// the conversation, the SHA-256 of its lines of interactions.jsonl, its findings and its review
// records, and who the user is (through a naming hook, so that a pseudonymised export can name
// users its own way). TranscriptBuilder reads them from the archive in its thread.
#include "app/review/ReviewTypes.h"
#include "app/transcript/FindingMarks.h"
#include "app/transcript/Transcript.h"

#include <QByteArray>
#include <QDate>
#include <QHash>
#include <QList>
#include <functional>

namespace ledger {

class Archive;

// How a transcript names a user: in the heading, the footer and the file name.
struct TranscriptPerson {
    QString name;   // display name ("" when unknown)
    QString upn;    // user principal name ("" when unknown)
};
// userId → the person; the default (no hook) is the archive's directory entry.
using UserNamer = std::function<TranscriptPerson(const QString &userId)>;

struct TranscriptSession {
    Transcript transcript;
    TranscriptPerson person;
    QString sessionId;              // Graph sessionId; "" for the user's interactions without one
    QDate day;                      // UTC day of the first interaction (names the file)
    // SHA-256 (64 lowercase hex digits) of the session's lines of interactions.jsonl, in the
    // file's order, each with its LF (export/JsonlLine.h).
    QString rawSha256;
    int interactionCount = 0;
    QList<qint64> jsonlLines;       // 1-based line numbers in the export's interactions.jsonl (export only)
    QHash<QString, QList<FindingMark>> findings;    // message id → marks
    QHash<QString, ReviewRecord> turnReviews;       // message id → its turn's record (existing only)
    QList<ReviewRecord> sessionReviews;             // the session's own records (existing only)
};

class TranscriptBuilder {
public:
    explicit TranscriptBuilder(Archive &archive) : m_archive(archive) {}
    void setUserNamer(UserNamer namer) { m_namer = std::move(namer); }
    void setFindingLabeler(FindingLabeler labeler) { m_labeler = std::move(labeler); }
    void setIncludeReviews(bool on) { m_reviews = on; }

    // The transcript of these interactions without the archive: no findings, no reviews (what a
    // view that was handed interactions can print).
    static TranscriptSession basic(const QList<Interaction> &interactions, const TranscriptPerson &person,
                                   const QList<qint64> &lines = {});
    // One transcript of exactly these interactions (one user, in interactions.jsonl order:
    // time, then id). lines: their line numbers in an export's interactions.jsonl, if known.
    TranscriptSession build(const QList<Interaction> &interactions, const QList<qint64> &lines = {}) const;

    // One user's interactions (jsonl order) in transcript groups: one per sessionId, and the
    // interactions without a sessionId one group per UTC day; groups ordered by their first
    // interaction. Each group keeps the input order; the indexes are into `interactions`.
    static QList<QList<int>> groupSessions(const QList<Interaction> &interactions);

    // The whole session (sessionKey as in SessionRow: a sessionId or "#<id>").
    TranscriptSession forSession(const QString &userId, const QString &sessionKey) const;
    // Everything of one user with from <= time < to (invalid = open), one transcript per group.
    QList<TranscriptSession> forUser(const QString &userId, const QDateTime &from, const QDateTime &to) const;
    // A list of sessions (a case): (user id, session key) pairs, in this order, each once.
    QList<TranscriptSession> forSessions(const QList<QPair<QString, QString>> &userAndSessionKeys) const;
    // The sessions of a case (ReviewStore): every session in it and every session with a turn
    // in it, ordered by time.
    QList<QPair<QString, QString>> caseSessions(const QString &caseName) const;

    QString lastError() const;

private:
    TranscriptPerson personFor(const QString &userId) const;
    Archive &m_archive;
    UserNamer m_namer;
    FindingLabeler m_labeler;
    bool m_reviews = true;
    mutable QHash<QString, TranscriptPerson> m_people;
};

// SHA-256 hex of the interactions.jsonl lines of these interactions (in this order).
QString interactionsSha256(const QList<Interaction> &interactions);

} // namespace ledger
