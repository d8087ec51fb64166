#pragma once
// The one service that talks HTTP to Microsoft Graph (docs/ARCHITECTURE.md, Layers; docs/GRAPH.md): owns the
// QNetworkAccessManager use, bearer tokens (via TokenProvider), a fresh client-request-id per
// request, retries, the shared rate limiter and concurrency limit, transfer timeouts, paging and
// cancellation.
#include "app/graph/GraphError.h"
#include "app/graph/RetryPolicy.h"
#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QStringList>
#include <QUrl>

namespace ledger {

class TokenProvider;
class GraphClient;

// One logical GET (with its retries). Owned by the caller; deleteLater() it after finished().
class GraphReply : public QObject {
    Q_OBJECT
public:
    ~GraphReply() override;   // deleting an unfinished reply cancels it (no finished())
    bool isFinished() const { return m_finished; }
    bool ok() const { return m_finished && !m_error.isValid(); }
    int httpStatus() const { return m_status; }
    const QByteArray &body() const { return m_body; }
    QJsonObject json() const;               // parsed body (empty on failure/invalid JSON)
    const GraphError &error() const { return m_error; }
    QUrl url() const { return m_url; }
    void cancel();

signals:
    void finished();

private:
    friend class GraphClient;
    explicit GraphReply(const QUrl &url, QObject *parent) : QObject(parent), m_url(url) {}
    QUrl m_url;
    bool m_finished = false;
    int m_status = 0;
    QByteArray m_body;
    GraphError m_error;
    class GraphClientRequest *m_request = nullptr;  // internal
};

// One page of a collection: the parsed items and, for each item, its exact bytes as received
// (so archives and interactions.jsonl keep the object exactly as Graph returned it).
struct GraphPage {
    QJsonArray items;
    QList<QByteArray> rawItems;   // same order/size as items
    QUrl url;                     // the URL that produced this page
    QUrl nextLink;                // empty on the last page
};

// Follows @odata.nextLink verbatim until absent; fails on a link that repeats an earlier one.
// Emits page() for every page, then finished() exactly once (check error()).
class GraphPager : public QObject {
    Q_OBJECT
public:
    const GraphError &error() const { return m_error; }
    bool ok() const { return m_done && !m_error.isValid(); }
    int pageCount() const { return m_pages; }
    void cancel();

signals:
    void page(const ledger::GraphPage &page);
    void finished();

private:
    friend class GraphClient;
    explicit GraphPager(GraphClient *client);
    void fetch(const QUrl &url);
    void onReply(GraphReply *reply);
    void finish();
    GraphClient *m_client;
    QStringList m_seen;            // every page URL requested (repeat detection)
    GraphError m_error;
    bool m_done = false;
    int m_pages = 0;
    bool m_cancelled = false;
    class GraphReply *m_current = nullptr;
};

struct GraphStats {
    qint64 requests = 0;        // HTTP requests sent (incl. retries)
    qint64 retries = 0;
    qint64 throttled = 0;       // 429 answers
    qint64 failures = 0;        // logical requests that ended in error
};

class GraphClient : public QObject {
    Q_OBJECT
public:
    explicit GraphClient(TokenProvider *tokens, QObject *parent = nullptr);
    ~GraphClient() override;

    // Base of the Graph endpoint, e.g. https://graph.microsoft.com (no /v1.0).
    void setGraphBase(const QUrl &base);
    QUrl graphBase() const;
    // Builds {base}/v1.0/{path}?{query} (path without leading slash or /v1.0). The path is taken
    // as encoded: pass every variable part (a user id, a UPN) through pathSegment().
    QUrl url(const QString &path, const QList<QPair<QString, QString>> &query = {}) const;
    // One path segment, percent-encoded: "/", "?", "#", "%" and every non-ASCII character in an
    // id can never change the request's path or query.
    static QString pathSegment(const QString &value);

    void setRetryPolicy(const RetryPolicy &policy);
    void setRateLimit(double requestsPerSecond, int burst = 5);
    void setMaxConcurrent(int n);                 // default 8
    void setTransferTimeoutMs(int ms);            // default 60000: silence that ends an attempt
    // Overall deadline of one attempt, however slowly the bytes arrive (default 300000 = 5 min;
    // 0 = none). An attempt that hits it is retried like a timeout.
    void setRequestDeadlineMs(int ms);
    // A GraphPager stops after this many pages with the error TooManyPages (default 100000,
    // ten million interactions of one user at 100 per page): a server whose nextLinks never end
    // cannot keep a run alive forever.
    void setMaxPagesPerCollection(int pages);
    int maxPagesPerCollection() const;

    GraphReply *get(const QUrl &url);             // caller owns the reply
    GraphPager *getAll(const QUrl &firstPage);    // caller owns the pager

    void cancelAll();                             // every pending/in-flight request ends cancelled
    GraphStats stats() const;
    int inFlight() const;

signals:
    void throttled(int retryAfterMs);             // a 429 was answered
    // A 429/503 carried a Retry-After the request will honour (seconds, capped at
    // RetryPolicy::kMaxRetryAfterSeconds): progress displays say why the run pauses.
    void serverAskedToWait(int seconds);
    void requestSent();                           // for requests/s displays

private:
    friend class GraphReply;
    friend class GraphPager;
    friend class GraphClientRequest;
    struct Private;
    Private *d;
};

} // namespace ledger
