#pragma once
// One user's interaction-history call chain (docs/GRAPH.md): pages through
// getAllEnterpriseInteractions, stores every page as it arrives (one Archive transaction per
// page, so a kill loses nothing already stored), and falls back to unfiltered paging with a
// client-side filter when the tenant answers 400 to $filter.
#include "app/graph/GraphError.h"
#include "app/model/User.h"
#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QStringList>

namespace ledger {

class Archive;
class GraphClient;
class GraphPager;
struct GraphPage;

class UserChain : public QObject {
    Q_OBJECT
public:
    struct Params {
        User user;
        QDateTime start, end;          // [start, end) UTC
        QStringList appClasses;        // empty = all
        bool useFilter = true;         // false: the tenant rejects $filter (known for this run)
    };
    UserChain(GraphClient *graph, Archive *archive, const Params &params, QObject *parent = nullptr);
    ~UserChain() override;

    void start();
    void cancel();                     // no finished() after this

    const Params &params() const { return m_params; }
    bool ok() const { return m_done && !m_failed; }
    bool failed() const { return m_failed; }
    bool notLicensed() const { return m_failed && m_error.isForbiddenUnknown(); }
    bool filterRejected() const { return m_filterRejected; }
    const GraphError &error() const { return m_error; }
    QString localError() const { return m_localError; }   // archive write failure (plain words)
    qint64 newItems() const { return m_new; }
    qint64 seenItems() const { return m_seen; }
    QDateTime newestSeen() const { return m_newest; }      // newest in-range item of this chain
    // Items that could not be read as interactions (kept raw in the archive) and the first reason.
    qint64 unreadableItems() const { return m_unreadable; }
    QString unreadableReason() const { return m_unreadableReason; }

signals:
    void pageStored(qint64 newItems, qint64 seenItems);
    void finished();

private:
    void startPager(bool withFilter);
    void dropPager();
    void onPage(const GraphPage &page);
    void onPagerFinished();
    void finish(bool failed);

    GraphClient *m_graph;
    Archive *m_archive;
    Params m_params;
    QPointer<GraphPager> m_pager;
    bool m_usingFilter = true;
    bool m_filterRejected = false;
    bool m_done = false;
    bool m_failed = false;
    bool m_cancelled = false;
    GraphError m_error;
    QString m_localError;
    qint64 m_new = 0, m_seen = 0;
    qint64 m_unreadable = 0;
    QString m_unreadableReason;
    QDateTime m_newest;
};

} // namespace ledger
