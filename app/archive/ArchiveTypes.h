#pragma once
// Value types of the archive's query API (used by the sync engine, the exporter and the GUI's
// table models). All times UTC.
#include "app/model/Interaction.h"
#include "app/model/User.h"
#include <QDateTime>
#include <QList>
#include <QStringList>
#include <QtCore/qnamespace.h>

namespace ledger {

// One filter for every view (the GUI's filter bar, the CLI's export options).
// How each view applies it:
//  - Turns: everything; date on the turn's time (prompt time, else first response time).
//  - Sessions: users, apps (of the session's first interaction), date = the session OVERLAPS
//    [from, to) (ended >= from and started < to), text = sessions having a matching turn.
//  - Users: statuses, userIds, text = users having a matching turn (within date/apps); date and
//    apps only restrict the activity counts (every user stays listed).
//  - Interactions (export JSONL, charts): date on createdDateTime, apps, users, text = the
//    interactions of matching turns.
// Text: the search language of archive/SearchQuery.h (AND by default, OR, "phrase", -word,
// word*), words whole unless ending in '*' (FTS5); without FTS5 the LIKE fallback matches every
// word anywhere in the text. A query with a syntax error (SearchQuery::parse says what is
// wrong) matches nothing; it is never an SQL or FTS error.
struct ArchiveFilter {
    QString text;                 // full-text over prompt and response text (FTS5 when available)
    QDateTime from;               // inclusive, UTC; invalid = open
    QDateTime to;                 // exclusive, UTC; invalid = open
    QStringList appClasses;       // raw appClass values; empty = all
    QStringList userIds;          // empty = all users
    QList<UserStatus> statuses;   // Users view only; empty = all
    // Users view only: every whitespace-separated word is found (case-insensitively, anywhere) in
    // the display name, user principal name, mail or department. Empty = all users.
    QString userText;
    // Findings (docs/DETECTION.md): "" = no condition, "any" = rows with any finding,
    // "sensitive" / "watchlist" = any of that kind, "sensitive:<detector>" / "watchlist:<list name>".
    QString findings;
    // Review (docs/USER-GUIDE.md "Reviewing"; Sessions and Turns views): a turn matches by its own
    // record, a session by its own record or any of its turns'.
    //  reviewStatuses: "unreviewed" / "flagged" / "escalated" / "cleared"; empty = any.
    //  reviewCase: the name of a case (docs/EXPORT-FORMAT.md "Case exports"): a turn matches when it,
    //  or its session, was added to the case; a session when it or one of its turns was. Empty = any.
    //  reviewNote: "*" = has a note; other text = the note contains it (case-insensitively); empty = any.
    QStringList reviewStatuses;
    QString reviewCase;
    QString reviewNote;
    bool hasReviewConditions() const { return !reviewStatuses.isEmpty() || !reviewCase.isEmpty() || !reviewNote.isEmpty(); }
    bool isEmpty() const { return text.isEmpty() && userText.isEmpty() && !from.isValid() && !to.isValid() && appClasses.isEmpty() && userIds.isEmpty() && statuses.isEmpty() && findings.isEmpty() && !hasReviewConditions(); }
    friend bool operator==(const ArchiveFilter &a, const ArchiveFilter &b)
    {
        return a.text == b.text && a.from == b.from && a.to == b.to && a.appClasses == b.appClasses
            && a.userIds == b.userIds && a.statuses == b.statuses && a.userText == b.userText && a.findings == b.findings
            && a.reviewStatuses == b.reviewStatuses && a.reviewCase == b.reviewCase && a.reviewNote == b.reviewNote;
    }
    friend bool operator!=(const ArchiveFilter &a, const ArchiveFilter &b) { return !(a == b); }
};

enum class ArchiveView { Users, Sessions, Turns };

struct SortSpec {
    int column = 0;               // the view's column enum value (see below)
    Qt::SortOrder order = Qt::AscendingOrder;
};

struct UserRow {
    User user;
    UserStatus status = UserStatus::Unknown;
    QString statusError;          // failure: plain text + request-id
    qint64 interactionCount = 0;
    qint64 sessionCount = 0;
    QDateTime firstActivity, lastActivity;
    qint64 findingCount = 0;      // findings in the user's interactions (any date)
    enum Column { Name, Upn, Department, JobTitle, Enabled, Status, Interactions, Sessions, LastActivity, Findings, ColumnCount };
};

struct SessionRow {
    QString userId, userDisplayName, userPrincipalName;
    QString sessionId, appClass;
    QString sessionKey;           // sessionId, or "#<interaction id>" for a null sessionId (pass to sessionInteractions)
    QDateTime started, ended;
    int promptCount = 0, responseCount = 0;
    QString firstPrompt;
    int findingCount = 0;         // findings in the session's interactions
    // The session's own review record (review/ReviewStore.h): status key ("unreviewed" when it has
    // none), note, cases (sorted).
    QString reviewStatus = QStringLiteral("unreviewed"), reviewNote;
    QStringList reviewCases;
    enum Column { User, App, Started, Ended, Turns, FirstPrompt, Findings, Review, Note, Cases, ColumnCount };
};

struct TurnRow {   // one prompts.csv row
    QString userId, userDisplayName, userPrincipalName;
    QString sessionId, requestId, appClass, conversationType, locale;
    QString sessionKey;           // see SessionRow::sessionKey
    QString promptId;   QDateTime promptCreated;   QString promptText;
    QString responseId; QDateTime responseCreated; QString responseText;
    QString attachments, links, contexts;   // export strings (see docs/EXPORT-FORMAT.md)
    int findingCount = 0;         // findings in the prompt, the response and their attachments
    QDateTime time() const { return promptCreated.isValid() ? promptCreated : responseCreated; }
    // The turn's review record (review/ReviewStore.h), as SessionRow's.
    QString reviewStatus = QStringLiteral("unreviewed"), reviewNote;
    QStringList reviewCases;
    enum Column { Time, User, App, Prompt, Response, Findings, Review, Note, Cases, ColumnCount };
};

struct SyncState {
    QString userId;
    UserStatus status = UserStatus::Unknown;
    QDateTime watermark;           // newest createdDateTime fully read (UTC); invalid = never
    QDateTime lastRun;
    QString lastError;             // plain text
    QString lastRequestId, lastClientRequestId, lastErrorDate;
    QDateTime lastForbidden;       // last 403 to an actual request (re-probe interval); invalid = never
};

// One findings.csv row: a finding with its interaction's user, time and app.
struct FindingRow {
    QString interactionId, userId, userPrincipalName, appClass;
    QDateTime created;
    QString kind;                 // sensitive | watchlist
    QString detector;             // detector name or watchlist name
    QString location;             // prompt | response | attachment
    QString match;                // normalised, NOT masked
    qint64 start = 0, length = 0;
};

struct DayActivity { QDate day; QString appClass; qint64 count = 0; };
struct UserActivity { QString userId, displayName; qint64 count = 0; };
// Findings of one detector or watchlist on one UTC day (the Activity tab's findings series).
struct DayFindings {
    QDate day;
    QString kind;                 // sensitive | watchlist
    QString detector;             // detector name or watchlist name
    qint64 count = 0;
    QString key() const { return kind + QLatin1Char(':') + detector; }   // as ArchiveFilter::findings
};

struct ExportLogEntry {
    QDateTime when;
    QString folder;
    QString query;                 // JSON of the request (filter, scope)
    QStringList files;
    QString rowCounts;             // JSON {"prompts.csv":n,…}
    QString sha256;                // SHA256SUMS content
};

} // namespace ledger
