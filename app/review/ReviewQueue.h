#pragma once
// The Review tab's queue (docs/USER-GUIDE.md "Reviewing"): the turns an officer still has to
// look at — flagged or escalated ones, turns with findings, the turns of a sample, and (when a
// case is chosen) the case's turns — with their review records and counts per status. A read
// only (run it in an ArchiveWorker thread, docs/ARCHITECTURE.md "Threading").
#include "app/archive/ArchiveTypes.h"
#include "app/review/ReviewTypes.h"
#include <QHash>
#include <QList>

namespace ledger {

class Archive;

struct ReviewQueueFilter {
    // Dates, apps, users, text; `scope.findings` is the detector filter (only turns with such a
    // finding). Its review fields are ignored (the fields below say what the queue shows).
    ArchiveFilter scope;
    bool flagged = true;                  // flagged and escalated turns
    bool findings = true;                 // turns with findings
    static constexpr qint64 kNewestSample = 0, kNoSample = -1, kAllSamples = -2;
    qint64 sampleId = kNewestSample;      // a sample's id, or one of the constants
    // Statuses shown; empty = every status but cleared (the counts cover every status).
    QStringList statuses;
    QString caseName;                     // only this case's turns (and they join the queue)
};

struct ReviewQueueItem {
    qint64 tid = 0;                       // the turn's key (ArchiveReader::turnsByKeys)
    ReviewRef ref;
    QString userDisplayName, userPrincipalName, appClass, promptId, responseId;
    QDateTime time;
    QString snippet;                      // the prompt (else the response), first 300 characters
    int findingCount = 0;
    QString status = QStringLiteral("unreviewed"), note;
    QStringList cases;
    bool inSample = false;
    QString focusId() const { return promptId.isEmpty() ? responseId : promptId; }
};

struct ReviewQueue {
    QList<ReviewQueueItem> items;         // oldest first
    QHash<QString, qint64> statusCounts;  // status key → turns of the queue before the status filter
    qint64 sampleId = 0;                  // the sample shown (0 = none)
    bool truncated = false;               // more than the limit matched
    QString error;

    static ReviewQueue read(const Archive &archive, const ReviewQueueFilter &filter, int limit = 50000);
};

} // namespace ledger
