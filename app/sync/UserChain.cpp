#include "app/sync/UserChain.h"

#include "app/archive/Archive.h"
#include "app/graph/GraphClient.h"
#include "app/model/Interaction.h"
#include "app/sync/SyncQuery.h"

using namespace Qt::StringLiterals;

namespace ledger {

UserChain::UserChain(GraphClient *graph, Archive *archive, const Params &params, QObject *parent)
    : QObject(parent), m_graph(graph), m_archive(archive), m_params(params)
{
}

UserChain::~UserChain()
{
    if (m_pager) {
        m_pager->disconnect(this);
        m_pager->cancel();
        m_pager->deleteLater();
    }
}

void UserChain::start()
{
    startPager(m_params.useFilter);
}

// Stops the pager of this chain, if any, and forgets it (it deletes itself later).
void UserChain::dropPager()
{
    if (!m_pager)
        return;
    m_pager->disconnect(this);
    m_pager->cancel();
    m_pager->deleteLater();
    m_pager = nullptr;
}

void UserChain::cancel()
{
    m_cancelled = true;
    dropPager();
}

void UserChain::startPager(bool withFilter)
{
    m_usingFilter = withFilter;
    const QUrl url = m_graph->url(syncquery::interactionsPath(m_params.user.id),
                                  syncquery::interactionsQuery(m_params.start, m_params.end,
                                                               m_params.appClasses, withFilter));
    m_pager = m_graph->getAll(url);
    connect(m_pager, &GraphPager::page, this, &UserChain::onPage);
    connect(m_pager, &GraphPager::finished, this, &UserChain::onPagerFinished);
}

void UserChain::onPage(const GraphPage &page)
{
    if (m_cancelled || m_failed)
        return;
    QList<Interaction> batch;
    QList<QPair<QByteArray, QString>> unreadable;
    batch.reserve(page.rawItems.size());
    for (const QByteArray &raw : page.rawItems) {
        Interaction it = Interaction::fromRaw(m_params.user.id, raw);
        if (!it.unreadableReason.isEmpty()) {
            // Nothing is dropped silently: kept raw with the reason, the user becomes partial.
            unreadable.append({raw, it.unreadableReason});
            continue;
        }
        // Server-side filtering uses whole-second bounds (and none at all after a rejected
        // $filter): the exact range and app filter are applied here.
        if (!syncquery::inRange(it.created, it.appClass, m_params.start, m_params.end,
                                m_params.appClasses))
            continue;
        if (!m_newest.isValid() || it.created > m_newest)
            m_newest = it.created;
        batch.append(std::move(it));
    }
    if (!unreadable.isEmpty()) {
        if (m_archive->writer().storeUnreadableItems(m_params.user.id, unreadable) < 0) {
            m_localError = u"The local archive could not store the data: "_s + m_archive->lastError();
            finish(true);
            return;
        }
        if (m_unreadableReason.isEmpty())
            m_unreadableReason = unreadable.first().second;
        m_unreadable += unreadable.size();
    }
    qint64 added = 0;
    if (!batch.isEmpty()) {
        const int n = m_archive->writer().insertInteractions(batch);
        if (n < 0) {
            m_localError = u"The local archive could not store the data: "_s + m_archive->lastError();
            finish(true);
            return;
        }
        added = n;
    }
    m_new += added;
    m_seen += batch.size();
    emit pageStored(added, batch.size());
}

void UserChain::onPagerFinished()
{
    GraphPager *pager = m_pager;
    if (!pager || m_cancelled || m_done)
        return;
    m_pager = nullptr;
    pager->disconnect(this);
    pager->deleteLater();
    if (pager->ok()) {
        finish(false);
        return;
    }
    const GraphError err = pager->error();
    if (m_usingFilter && err.httpStatus == 400) {
        // Some tenants answer 400 to any $filter: page through everything, filter here.
        m_filterRejected = true;
        startPager(false);
        return;
    }
    m_error = err;
    finish(true);
}

void UserChain::finish(bool failed)
{
    if (m_done)
        return;
    m_done = true;
    m_failed = failed;
    dropPager();
    emit finished();
}

} // namespace ledger
