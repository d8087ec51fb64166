#pragma once
// Internals of GraphClient shared by GraphClient.cpp and GraphPager.cpp. Not public API.
#include "app/auth/TokenProvider.h"
#include "app/graph/GraphClient.h"
#include "app/graph/RateLimiter.h"
#include <QElapsedTimer>
#include <QList>
#include <QPointer>
#include <QSet>
#include <QTimer>

class QNetworkReply;

namespace ledger {

// One logical GET and its attempts.
class GraphClientRequest {
public:
    enum State { Queued, InFlight, Waiting };
    GraphClient *client = nullptr;
    GraphReply *reply = nullptr;
    QUrl url;
    State state = Queued;
    int sends = 0;
    int retries = 0;
    int throttledRetries = 0;         // 429s retried: not counted in `retries` (see onFinished)
    bool authRetried = false;         // re-authenticated after a 401 at least once
    QString tokenUsed;
    QString clientRequestId;          // of the latest attempt
    QPointer<QNetworkReply> net;
    QTimer *retryTimer = nullptr;     // owned; deleted with the request
    QTimer *deadlineTimer = nullptr;  // owned: the overall deadline of the attempt in flight
    bool deadlineHit = false;         // the latest attempt was aborted by that deadline
    qint64 notBefore = 0;             // client clock ms
    ~GraphClientRequest()
    {
        delete retryTimer;
        delete deadlineTimer;
    }
};

struct GraphClient::Private {
    GraphClient *q = nullptr;
    TokenProvider *tokens = nullptr;
    QUrl base;
    RetryPolicy policy;
    RateLimiter limiter{RateLimiter::kDefaultRate, 5};
    int maxConcurrent = 8;
    int timeoutMs = 60000;            // silence: no byte for this long ends the attempt
    int deadlineMs = 300000;          // overall: an attempt never takes longer than this
    int maxPages = 100000;            // per collection (GraphPager)
    QList<GraphClientRequest *> queue;    // ready to send, in order
    QSet<GraphClientRequest *> all;       // every live request
    int inFlight = 0;
    bool waitingForToken = false;
    QTimer pumpTimer;
    GraphStats stats;
    quint32 seed = 0x2545F491u;
    // 401 bookkeeping: a token Graph accepted can be revoked or expire early at any time (and
    // while other requests are in flight with it), so a request may re-authenticate once per
    // rejected token — but only while the credentials are known to work (some token was
    // accepted) and fresh tokens are not rejected over and over (see mayReauthenticate()).
    bool tokenAccepted = false;       // Graph answered something other than 401 at least once
    int rejectedTokens = 0;           // distinct tokens rejected since the last accepted answer
    static constexpr int kMaxRejectedTokens = 3;
    static constexpr int kMaxThrottledRetries = 100;   // 429s per request before it fails
    QElapsedTimer clock;

    QUrl effectiveBase() const;
    QString checkUrl(const QUrl &url) const;   // empty = acceptable
    void schedulePump(qint64 ms = 0);
    void pump();
    void send(GraphClientRequest *r, const AccessToken &token);
    void onFinished(GraphClientRequest *r, QNetworkReply *net);
    bool handleUnauthorized(GraphClientRequest *r);   // true: the request was re-queued
    void retryLater(GraphClientRequest *r, qint64 delayMs);
    void finish(GraphClientRequest *r, int status, const QByteArray &body, GraphError error);
    void cancel(GraphClientRequest *r, bool emitFinished);
    void failQueued(const AuthError &error);
};

} // namespace ledger
