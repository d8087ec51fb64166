#include "app/graph/GraphClient.h"
#include "app/graph/GraphClient_p.h"
#include "app/graph/JsonScanner.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QNetworkReply>

using namespace Qt::StringLiterals;

namespace ledger {

GraphPager::GraphPager(GraphClient *client)
    : QObject(client)
    , m_client(client)
{
}

GraphPager *GraphClient::getAll(const QUrl &firstPage)
{
    auto *pager = new GraphPager(this);
    pager->m_seen.append(firstPage.toString(QUrl::FullyEncoded));
    pager->fetch(firstPage);
    return pager;
}

void GraphPager::fetch(const QUrl &url)
{
    GraphReply *reply = m_client->get(url);
    m_current = reply;
    connect(reply, &GraphReply::finished, this, [this, reply] { onReply(reply); });
}

void GraphPager::cancel()
{
    if (m_done)
        return;
    m_cancelled = true;
    if (m_current) {
        m_current->cancel();   // → onReply with a cancelled error → finished()
        return;
    }
    m_error = GraphError();
    m_error.cancelled = true;
    finish();
}

void GraphPager::finish()
{
    if (m_done)
        return;
    m_done = true;
    emit finished();
}

void GraphPager::onReply(GraphReply *reply)
{
    reply->deleteLater();
    if (m_current == reply)
        m_current = nullptr;
    if (m_done)
        return;
    if (!reply->ok()) {
        m_error = reply->error();
        finish();
        return;
    }
    if (m_cancelled) {
        m_error = GraphError();
        m_error.cancelled = true;
        m_error.url = reply->url();
        finish();
        return;
    }
    auto fail = [this, reply](const QString &code, const QString &message) {
        m_error = GraphError();
        m_error.networkError = QNetworkReply::ProtocolFailure;
        m_error.code = code;
        m_error.message = message;
        m_error.url = reply->url();
        finish();
    };
    const QByteArray &body = reply->body();
    const QJsonObject obj = QJsonDocument::fromJson(body).object();
    const QJsonValue value = obj.value(u"value");
    if (!value.isArray())
        return fail(u"NotACollection"_s, tr("Microsoft Graph's answer did not contain a list of items."));
    const auto raw = JsonScanner::arrayElements(body, "value");
    GraphPage page;
    page.items = value.toArray();
    if (!raw || raw->size() != page.items.size())
        return fail(u"UnreadablePage"_s, tr("A page from Microsoft Graph could not be split into its items."));
    page.rawItems = *raw;
    page.url = reply->url();
    const QString link = obj.value(u"@odata.nextLink").toString();
    if (!link.isEmpty()) {
        page.nextLink = QUrl::fromEncoded(link.toUtf8(), QUrl::StrictMode);
        if (!page.nextLink.isValid())
            page.nextLink = QUrl(link);
    }
    ++m_pages;
    QPointer<GraphPager> guard(this);
    emit this->page(page);
    if (!guard || m_done)
        return;
    if (m_cancelled) {
        m_error = GraphError();
        m_error.cancelled = true;
        finish();
        return;
    }
    if (page.nextLink.isEmpty()) {
        finish();
        return;
    }
    if (m_pages >= m_client->maxPagesPerCollection())
        return fail(u"TooManyPages"_s,
                    tr("Microsoft Graph kept sending next-page links: paging was stopped after %n page(s), the "
                       "limit for one list.", nullptr, m_pages));
    const QString key = page.nextLink.toString(QUrl::FullyEncoded);
    if (m_seen.contains(key))
        return fail(u"RepeatedNextLink"_s,
                    tr("Microsoft Graph sent a next-page link that was already read; paging was stopped to avoid an endless loop."));
    m_seen.append(key);
    fetch(page.nextLink);
}

} // namespace ledger
