#include "app/graph/GraphClient.h"
#include "app/graph/GraphClient_p.h"

#include "app/auth/CloudEndpoints.h"
#include <QCoreApplication>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QUuid>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace ledger {

namespace {
bool isRetryableTransport(int e)
{
    switch (e) {
    case QNetworkReply::RemoteHostClosedError:
    case QNetworkReply::TimeoutError:
    case QNetworkReply::OperationCanceledError:     // transfer timeout
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
    case QNetworkReply::UnknownNetworkError:
    case QNetworkReply::ProxyTimeoutError:
    case QNetworkReply::ProtocolFailure:            // truncated / garbled HTTP
        return true;
    default:
        return false;
    }
}

GraphError localError(int networkError, const QString &code, const QString &message, const QUrl &url)
{
    GraphError e;
    e.networkError = networkError;
    e.code = code;
    e.message = message;
    e.url = url;
    e.attempts = 0;
    return e;
}
} // namespace

// ---------------------------------------------------------------- GraphReply

GraphReply::~GraphReply()
{
    if (m_request)
        m_request->client->d->cancel(m_request, false);
}

QJsonObject GraphReply::json() const
{
    return QJsonDocument::fromJson(m_body).object();
}

void GraphReply::cancel()
{
    if (m_request)
        m_request->client->d->cancel(m_request, true);
}

// ---------------------------------------------------------------- GraphClient::Private

QUrl GraphClient::Private::effectiveBase() const
{
    if (!base.isEmpty())
        return base;
    return tokens ? tokens->settings().endpoints().graph : QUrl();
}

QString GraphClient::Private::checkUrl(const QUrl &url) const
{
    const QString problem = validateEndpointUrl(url.adjusted(QUrl::RemoveQuery | QUrl::RemoveFragment));
    if (!problem.isEmpty())
        return problem;
    const QUrl b = effectiveBase();
    if (b.isValid() && !b.isEmpty()) {
        if (url.scheme().compare(b.scheme(), Qt::CaseInsensitive) != 0
            || url.host().compare(b.host(), Qt::CaseInsensitive) != 0
            || url.port(url.scheme() == u"https" ? 443 : 80) != b.port(b.scheme() == u"https" ? 443 : 80))
            return tr("Refused to send the sign-in token to %1: it is not the Microsoft Graph address %2.")
                .arg(url.host(), b.host());
    }
    return QString();
}

void GraphClient::Private::schedulePump(qint64 ms)
{
    ms = std::max<qint64>(0, ms);
    if (pumpTimer.isActive()) {
        const qint64 remaining = pumpTimer.remainingTime();
        if (remaining >= 0 && remaining <= ms)
            return;
    }
    pumpTimer.start(int(std::min<qint64>(ms, std::numeric_limits<int>::max())));
}

void GraphClient::Private::pump()
{
    while (!queue.isEmpty() && inFlight < maxConcurrent) {
        const auto token = tokens->cachedToken();
        if (!token) {
            if (!waitingForToken) {
                waitingForToken = true;
                tokens->requestToken();
            }
            return;
        }
        const qint64 wait = limiter.waitMs();
        if (wait > 0) {
            schedulePump(wait);
            return;
        }
        limiter.tryAcquire();
        send(queue.takeFirst(), *token);
    }
}

void GraphClient::Private::send(GraphClientRequest *r, const AccessToken &token)
{
    r->clientRequestId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    r->tokenUsed = token.value;
    QNetworkRequest req(r->url);
    req.setRawHeader("Authorization", "Bearer " + token.value.toLatin1());
    req.setRawHeader("client-request-id", r->clientRequestId.toLatin1());
    req.setRawHeader("return-client-request-id", "true");
    req.setRawHeader("Accept", "application/json");
    req.setHeader(QNetworkRequest::UserAgentHeader, QByteArrayLiteral("copilot-ledger"));
    req.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    req.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    req.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    req.setTransferTimeout(timeoutMs);
    ++r->sends;
    ++stats.requests;
    ++inFlight;
    r->state = GraphClientRequest::InFlight;
    QNetworkReply *net = tokens->networkAccessManager()->get(req);
    r->net = net;
    // The transfer timeout only measures silence: a server trickling a byte every few seconds
    // would keep the attempt alive forever. The overall deadline ends it (and it is retried).
    r->deadlineHit = false;
    if (deadlineMs > 0) {
        if (!r->deadlineTimer) {
            r->deadlineTimer = new QTimer;
            r->deadlineTimer->setSingleShot(true);
        }
        QObject::disconnect(r->deadlineTimer, nullptr, nullptr, nullptr);
        QObject::connect(r->deadlineTimer, &QTimer::timeout, q, [r, net] {
            if (r->net == net) {
                r->deadlineHit = true;
                net->abort();
            }
        });
        r->deadlineTimer->start(deadlineMs);
    }
    QObject::connect(net, &QNetworkReply::finished, q, [this, r, net] { onFinished(r, net); });
    emit q->requestSent();
}

void GraphClient::Private::onFinished(GraphClientRequest *r, QNetworkReply *net)
{
    net->deleteLater();
    --inFlight;
    schedulePump();
    if (!all.contains(r) || r->net != net)
        return;
    r->net = nullptr;
    if (r->deadlineTimer)
        r->deadlineTimer->stop();
    const int status = net->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const int netError = net->error();
    const QByteArray body = net->isOpen() ? net->readAll() : QByteArray();
    const bool transport = netError != QNetworkReply::NoError && (status == 0 || netError < 200);

    if (!transport && status != 401 && status != 0) {
        // Any HTTP answer but a 401 means Graph accepted the token: the credentials work.
        tokenAccepted = true;
        rejectedTokens = 0;
    }
    GraphError err;
    bool retryable = false;
    std::optional<int> retryAfter;
    if (transport) {
        err = localError(netError, QString(), tokens->scrub(net->errorString()), r->url);
        if (r->deadlineHit) {
            err.networkError = QNetworkReply::TimeoutError;
            err.code = u"RequestDeadline"_s;
            err.message = tr("Microsoft Graph did not finish its answer within %n second(s).", nullptr,
                             deadlineMs / 1000);
        }
        retryable = isRetryableTransport(netError);
    } else if (status >= 200 && status < 300) {
        QJsonParseError pe;
        if (!body.isEmpty())
            QJsonDocument::fromJson(body, &pe);
        if (body.isEmpty() || pe.error == QJsonParseError::NoError) {
            finish(r, status, body, GraphError());
            return;
        }
        err = localError(QNetworkReply::ProtocolFailure, u"MalformedResponse"_s,
                         tr("Microsoft Graph sent an incomplete or invalid answer."), r->url);
        retryable = true;
    } else {
        err = GraphError::fromBody(status, body);
        // Server text (or a proxy's echo of the request) never carries a secret or token onwards.
        err.code = tokens->scrub(err.code);
        err.message = tokens->scrub(err.message);
        if (err.requestId.isEmpty())
            err.requestId = QString::fromLatin1(net->rawHeader("request-id"));
        if (err.date.isEmpty())
            err.date = QString::fromLatin1(net->rawHeader("Date"));
        if (status == 401 && (err.code == u"InvalidAuthenticationToken" || err.code.isEmpty())
            && handleUnauthorized(r))
            return;
        retryable = policy.isRetryableStatus(status);
        if (retryable)
            retryAfter = RetryPolicy::parseRetryAfter(net->rawHeader("Retry-After"), net->rawHeader("Date"),
                                                      QDateTime::currentDateTimeUtc());
        if (retryAfter && r->retries < policy.maxRetries)
            emit q->serverAskedToWait(*retryAfter);
        if (status == 429) {
            ++stats.throttled;
            const int ms = retryAfter ? *retryAfter * 1000 : policy.delayMs(r->retries + 1, std::nullopt, seed);
            limiter.pauseFor(ms);
            emit q->throttled(ms);
        } else if (status == 503 && retryAfter) {
            limiter.pauseFor(qint64(*retryAfter) * 1000);
        }
    }
    if (!all.contains(r))
        return;   // a throttled() handler cancelled it
    err.clientRequestId = r->clientRequestId;
    err.url = r->url;
    err.attempts = r->sends;
    // A 429 is the tenant's budget speaking, not a failure of this request: the limiter slows
    // every request down, and the retry does not use up the ordinary retry budget (sustained
    // throttling must slow the run, not fail users). kMaxThrottledRetries still ends a request
    // that is throttled without end.
    const bool throttledAnswer = !transport && status == 429;
    const bool budgetLeft = throttledAnswer ? r->throttledRetries < kMaxThrottledRetries
                                            : r->retries < policy.maxRetries;
    if (retryable && budgetLeft) {
        seed = seed * 1664525u + 1013904223u;
        qint64 delay = policy.delayMs((throttledAnswer ? r->throttledRetries : r->retries) + 1, retryAfter, seed);
        if (retryAfter)
            delay += 5;   // clock granularity: never a millisecond early
        if (throttledAnswer) {
            ++r->throttledRetries;
            --r->retries;   // retryLater counts every retry; this one is not from the budget
        }
        retryLater(r, delay);
        return;
    }
    finish(r, transport ? 0 : status, body, err);
}

bool GraphClient::Private::handleUnauthorized(GraphClientRequest *r)
{
    // Drop the rejected token (unless it was already replaced), once per distinct token.
    const auto current = tokens->cachedToken(0);
    if (current && current->value == r->tokenUsed) {
        tokens->invalidate();
        ++rejectedTokens;
    }
    // The first 401 of a request always gets a fresh token. Later ones too when the token was
    // revoked after Graph had accepted this client's tokens (an early-expired or revoked token
    // while the request was in flight): that costs a retry from the budget. A client whose fresh
    // tokens are never accepted (wrong audience, tenant, …) stops after one refresh, and one
    // whose tokens keep being rejected stops after kMaxRejectedTokens in a row.
    const bool again = r->authRetried && tokenAccepted && rejectedTokens <= kMaxRejectedTokens
        && r->retries < policy.maxRetries;
    if (r->authRetried && !again)
        return false;
    if (r->authRetried)
        ++r->retries;
    r->authRetried = true;
    ++stats.retries;
    r->state = GraphClientRequest::Queued;
    queue.prepend(r);
    schedulePump();
    return true;
}

void GraphClient::Private::retryLater(GraphClientRequest *r, qint64 delayMs)
{
    ++r->retries;
    ++stats.retries;
    r->state = GraphClientRequest::Waiting;
    r->notBefore = clock.elapsed() + delayMs;
    if (!r->retryTimer) {
        r->retryTimer = new QTimer;
        r->retryTimer->setSingleShot(true);
        r->retryTimer->setTimerType(Qt::PreciseTimer);
        QObject::connect(r->retryTimer, &QTimer::timeout, q, [this, r] {
            const qint64 left = r->notBefore - clock.elapsed();
            if (left > 0) {
                r->retryTimer->start(int(left));
                return;
            }
            r->state = GraphClientRequest::Queued;
            queue.prepend(r);
            pump();
        });
    }
    r->retryTimer->start(int(std::min<qint64>(delayMs, std::numeric_limits<int>::max())));
}

void GraphClient::Private::finish(GraphClientRequest *r, int status, const QByteArray &body, GraphError error)
{
    GraphReply *reply = r->reply;
    all.remove(r);
    queue.removeAll(r);
    delete r;
    if (error.isValid())
        ++stats.failures;
    if (!reply)
        return;
    reply->m_request = nullptr;
    reply->m_finished = true;
    reply->m_status = status;
    reply->m_body = body;
    reply->m_error = error;
    emit reply->finished();
}

void GraphClient::Private::cancel(GraphClientRequest *r, bool emitFinished)
{
    if (!all.contains(r))
        return;
    if (r->net) {
        QNetworkReply *net = r->net;
        r->net = nullptr;
        QObject::disconnect(net, nullptr, q, nullptr);
        net->abort();
        net->deleteLater();
        --inFlight;
        schedulePump();
    }
    GraphError e;
    e.cancelled = true;
    e.url = r->url;
    e.clientRequestId = r->clientRequestId;
    e.attempts = r->sends;
    if (!emitFinished)
        r->reply = nullptr;
    finish(r, 0, QByteArray(), e);
}

void GraphClient::Private::failQueued(const AuthError &authError)
{
    const QList<GraphClientRequest *> waiting = queue;
    for (GraphClientRequest *r : waiting) {
        if (!all.contains(r))
            continue;
        GraphError e;
        e.httpStatus = authError.httpStatus ? authError.httpStatus : 401;
        e.code = u"TokenRequestFailed"_s;
        e.message = authError.plainText();
        e.url = r->url;
        e.attempts = r->sends;
        finish(r, 0, QByteArray(), e);
    }
}

// ---------------------------------------------------------------- GraphClient

GraphClient::GraphClient(TokenProvider *tokens, QObject *parent)
    : QObject(parent)
    , d(new Private)
{
    d->q = this;
    d->tokens = tokens;
    d->clock.start();
    d->seed ^= quint32(QDateTime::currentMSecsSinceEpoch());
    d->pumpTimer.setSingleShot(true);
    d->pumpTimer.setTimerType(Qt::PreciseTimer);
    connect(&d->pumpTimer, &QTimer::timeout, this, [this] { d->pump(); });
    connect(tokens, &TokenProvider::tokenReady, this, [this] {
        d->waitingForToken = false;
        d->schedulePump();
    });
    connect(tokens, &TokenProvider::tokenFailed, this, [this](const AuthError &e) {
        if (!d->waitingForToken)
            return;
        d->waitingForToken = false;
        d->failQueued(e);
    });
}

GraphClient::~GraphClient()
{
    disconnect(d->tokens, nullptr, this, nullptr);
    d->pumpTimer.stop();
    cancelAll();
    delete d;
    d = nullptr;
}

void GraphClient::setGraphBase(const QUrl &base)
{
    d->base = base.adjusted(QUrl::StripTrailingSlash);
}

QUrl GraphClient::graphBase() const
{
    return d->effectiveBase();
}

QUrl GraphClient::url(const QString &path, const QList<QPair<QString, QString>> &query) const
{
    QUrl u = d->effectiveBase();
    QString p = u.path();
    while (p.endsWith(u'/'))
        p.chop(1);
    QString rel = path;
    while (rel.startsWith(u'/'))
        rel.remove(0, 1);
    if (rel.startsWith(u"v1.0/"))
        rel.remove(0, 5);
    u.setPath(p + u"/v1.0/"_s + rel, QUrl::StrictMode);
    if (!query.isEmpty()) {
        static const QByteArray keep = "$,'():@/";
        QByteArray q;
        for (const auto &item : query) {
            if (!q.isEmpty())
                q += '&';
            q += QUrl::toPercentEncoding(item.first, keep) + '=' + QUrl::toPercentEncoding(item.second, keep);
        }
        u.setQuery(QString::fromLatin1(q), QUrl::StrictMode);
    }
    return u;
}

QString GraphClient::pathSegment(const QString &value)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(value));
}

void GraphClient::setRetryPolicy(const RetryPolicy &policy)
{
    d->policy = policy;
}

void GraphClient::setRateLimit(double requestsPerSecond, int burst)
{
    d->limiter.setRate(requestsPerSecond, burst);
}

void GraphClient::setMaxConcurrent(int n)
{
    d->maxConcurrent = std::max(1, n);
    d->schedulePump();
}

void GraphClient::setTransferTimeoutMs(int ms)
{
    d->timeoutMs = ms;
}

void GraphClient::setRequestDeadlineMs(int ms)
{
    d->deadlineMs = std::max(0, ms);
}

void GraphClient::setMaxPagesPerCollection(int pages)
{
    d->maxPages = std::max(1, pages);
}

int GraphClient::maxPagesPerCollection() const
{
    return d->maxPages;
}

GraphReply *GraphClient::get(const QUrl &url)
{
    auto *reply = new GraphReply(url, this);
    auto *r = new GraphClientRequest;
    r->client = this;
    r->reply = reply;
    r->url = url;
    reply->m_request = r;
    d->all.insert(r);
    const QString problem = d->checkUrl(url);
    if (!problem.isEmpty()) {
        QTimer::singleShot(0, reply, [this, r, problem] {
            if (d->all.contains(r))
                d->finish(r, 0, QByteArray(), localError(QNetworkReply::ProtocolUnknownError,
                                                         u"UnsafeUrl"_s, problem, r->url));
        });
        return reply;
    }
    d->queue.append(r);
    d->schedulePump();
    return reply;
}

void GraphClient::cancelAll()
{
    const QList<GraphClientRequest *> live(d->all.cbegin(), d->all.cend());
    for (GraphClientRequest *r : live)
        d->cancel(r, true);
}

GraphStats GraphClient::stats() const
{
    return d->stats;
}

int GraphClient::inFlight() const
{
    return d->inFlight;
}

} // namespace ledger
