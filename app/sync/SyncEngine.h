#pragma once
// Users, then every user's interaction history, through GraphClient's rate and concurrency
// limits, into the Archive (docs/GRAPH.md; docs/ARCHITECTURE.md, Sync). Incremental per-user watermarks with an
// overlapping window; de-duplication on (user id, interaction id); a user whose chain failed
// keeps its old watermark; $filter answered 400 → unfiltered paging + client-side filter.
// Threading: runs on the caller's thread (GUI or CLI). Each step is small and bounded — one page
// (≤ 100 interactions) is parsed and stored in one short transaction — so the event loop is
// never blocked for long; a kill at any moment loses no stored page. docs/CLI.md describes the
// watermark and status rules ("ok" = the archive holds ≥ 1 interaction of the user in range).
#include "app/archive/ArchiveTypes.h"
#include "app/auth/AuthError.h"
#include "app/graph/GraphError.h"
#include "app/model/User.h"
#include <QDateTime>
#include <QObject>
#include <QStringList>

namespace ledger {

class Archive;
class GraphClient;
class TokenProvider;

struct SyncOptions {
    QDateTime from;                 // UTC; invalid = the archive's watermark / 1 year back
    QDateTime to;                   // UTC; invalid = now
    QStringList appClasses;         // empty = all apps
    QStringList userScope;          // UPNs or ids; empty = every user
    bool incremental = true;        // start at the per-user watermark minus the overlap
    int overlapMinutes = 60;
    int maxConcurrentUsers = 8;
    // Licence targeting: users whose directory entry shows no readable Graph-grounded chat plan
    // are not_licensed at zero requests, unless probeUnlicensed. A user without a readable plan
    // that answered 403 less than reprobeDays ago is not asked again (0 = always ask).
    bool probeUnlicensed = false;
    int reprobeDays = 7;
    // Also list deleted users (GET /directory/deletedItems/microsoft.graph.user) and read their
    // history like anyone else's, whatever their licence (a deleted user's plans are released).
    bool includeDeleted = false;
    double requestsPerSecond = 30;  // the documented budget per app and tenant; adapts down on 429
};

struct SyncProgress {
    int usersTotal = 0;
    int usersDone = 0;
    qint64 interactionsNew = 0;     // newly stored this run
    qint64 interactionsSeen = 0;
    double requestsPerSecond = 0;
    qint64 throttled = 0;           // 429s so far
    qint64 etaSeconds = -1;         // -1 unknown
    int serverWaitSeconds = 0;      // > 0: waiting this long because Microsoft Graph asked (Retry-After)
};

struct UserOutcome {
    QString userId, userPrincipalName;
    UserStatus status = UserStatus::Unknown;
    qint64 interactions = 0;
    GraphError error;               // for Failed (and NotLicensed: the 403's ids)
};

struct SyncSummary {
    bool completed = false;         // every user processed (some may have failed)
    bool cancelled = false;
    bool authFailed = false;        // sign-in or permission failure (CLI exit 3)
    AuthError authError;            // set when signing in failed (invalid otherwise)
    QStringList missingRoles;       // the token lacks these application permissions
    GraphError fatalError;          // e.g. /users failed
    QString message;                // plain words
    QStringList unknownUsers;       // userScope entries that match no user: nothing was synced
    bool filterRejected = false;    // the tenant answered 400 to $filter: client-side filtering used
    qint64 requests = 0;            // HTTP requests sent by this run (incl. retries)
    int skippedUnlicensed = 0;      // not_licensed at zero requests (no plan, or a recent 403)
    qint64 throttled = 0;           // 429 answers during this run
    QList<UserOutcome> outcomes;
    qint64 interactionsNew = 0;
    int count(UserStatus s) const;
    // The technical detail of a failure for "Show Details" (the sign-in error, the missing
    // permissions or the failed request); empty when there is none.
    QString failureDetails() const;
};

class SyncEngine : public QObject {
    Q_OBJECT
public:
    SyncEngine(GraphClient *graph, Archive *archive, QObject *parent = nullptr);
    ~SyncEngine() override;

    // Optional: sign in first (a token failure ends the run with authFailed + AuthError before
    // any Graph request) and check the token's roles. Without it, a 401/403 on /users is
    // reported as authFailed with the GraphError only.
    void setTokenProvider(TokenProvider *tokens);

    void start(const SyncOptions &options);
    void cancel();                  // finished() follows with cancelled = true
    bool isRunning() const;

signals:
    void progress(const ledger::SyncProgress &p);
    void userFinished(const ledger::UserOutcome &outcome);
    void finished(const ledger::SyncSummary &summary);

private:
    struct Private;
    Private *d;
};

} // namespace ledger

Q_DECLARE_METATYPE(ledger::SyncProgress)
Q_DECLARE_METATYPE(ledger::UserOutcome)
Q_DECLARE_METATYPE(ledger::SyncSummary)
