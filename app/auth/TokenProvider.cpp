#include "app/auth/TokenProvider.h"
#include "app/auth/SecretScrubber.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace ledger {

namespace {
QByteArray formField(const char *name, const QString &value)
{
    return QByteArray(name) + '=' + QUrl::toPercentEncoding(value);
}

AuthError parseError(int status, const QByteArray &body)
{
    AuthError e;
    e.httpStatus = status;
    const QJsonObject o = QJsonDocument::fromJson(body).object();
    e.error = o.value(u"error").toString();
    e.description = o.value(u"error_description").toString();
    for (const QJsonValue &c : o.value(u"error_codes").toArray())
        e.codes.append(c.toInt());
    if (e.codes.isEmpty()) {
        // Fall back to the AADSTS number in the description.
        const qsizetype at = e.description.indexOf(u"AADSTS");
        if (at >= 0) {
            qsizetype end = at + 6;
            while (end < e.description.size() && e.description.at(end).isDigit())
                ++end;
            bool ok = false;
            const int code = e.description.mid(at + 6, end - at - 6).toInt(&ok);
            if (ok)
                e.codes.append(code);
        }
    }
    e.traceId = o.value(u"trace_id").toString();
    e.correlationId = o.value(u"correlation_id").toString();
    const QJsonValue ts = o.value(u"timestamp");
    e.timestamp = ts.isString() ? ts.toString() : QString();
    return e;
}
} // namespace

struct TokenProvider::Private {
    QString secret;
    std::optional<AccessToken> cache;
    QDateTime refreshAt;                 // UTC: renew from here on
    QPointer<QNetworkReply> inFlight;
    int timeoutMs = 30000;
    int sent = 0;
};

TokenProvider::TokenProvider(QNetworkAccessManager *nam, QObject *parent)
    : QObject(parent)
    , d(new Private)
    , m_nam(nam)
{
    qRegisterMetaType<ledger::AccessToken>();
    qRegisterMetaType<ledger::AuthError>();
}

TokenProvider::~TokenProvider()
{
    if (d->inFlight) {
        d->inFlight->disconnect(this);
        d->inFlight->abort();
        d->inFlight->deleteLater();
    }
    delete d;
}

void TokenProvider::setCredentials(const ConnectionSettings &settings, const QString &clientSecret)
{
    m_settings = settings;
    d->secret = clientSecret;
    invalidate();
    if (d->inFlight) {
        QNetworkReply *r = d->inFlight;
        d->inFlight = nullptr;
        r->disconnect(this);
        r->abort();
        r->deleteLater();
    }
}

QString TokenProvider::scope() const
{
    QString graph = m_settings.endpoints().graph.toString(QUrl::StripTrailingSlash);
    return graph + u"/.default"_s;
}

std::optional<AccessToken> TokenProvider::cachedToken(int marginSeconds) const
{
    if (!d->cache)
        return std::nullopt;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    // Short-lived tokens: a margin of more than half the remaining lifetime is reduced.
    qint64 margin = marginSeconds;
    if (d->refreshAt.isValid() && now >= d->refreshAt && marginSeconds >= 300)
        return std::nullopt;
    if (d->refreshAt.isValid() && marginSeconds >= 300)
        margin = 0;   // refreshAt already encodes "5 min before expiry / half the lifetime"
    if (now.secsTo(d->cache->expiresAt) <= margin)
        return std::nullopt;
    return d->cache;
}

void TokenProvider::invalidate()
{
    d->cache.reset();
    d->refreshAt = QDateTime();
}

void TokenProvider::setTransferTimeoutMs(int ms)
{
    d->timeoutMs = ms;
}

int TokenProvider::networkRequestCount() const
{
    return d->sent;
}

QString TokenProvider::scrub(const QString &text) const
{
    QString out = scrubSecret(text, d->secret);
    if (d->cache)
        out = scrubSecret(out, d->cache->value);
    return out;
}

void TokenProvider::failWith(AuthError e)
{
    // The token endpoint (or a proxy or custom authority in front of it) may echo the request,
    // which carries the secret: nothing of its answer leaves here unscrubbed.
    for (QString *field : {&e.transportError, &e.error, &e.description, &e.traceId, &e.correlationId, &e.timestamp})
        *field = scrub(*field);
    emit tokenFailed(e);
}

void TokenProvider::requestToken(bool forceRefresh)
{
    if (forceRefresh)
        invalidate();
    if (auto t = cachedToken()) {
        QTimer::singleShot(0, this, [this] {
            if (auto tok = cachedToken())
                emit tokenReady(*tok);
            else
                requestToken();
        });
        return;
    }
    if (d->inFlight)
        return;   // shared: everyone gets the signal of the request already on its way

    const Endpoints ep = m_settings.endpoints();
    const QString problem = validateEndpointUrl(ep.authority);
    if (!problem.isEmpty() || m_settings.tenant.isEmpty() || !m_nam) {
        AuthError e;
        e.error = u"invalid_configuration"_s;
        e.transportError = problem.isEmpty() ? tr("Enter the Directory (tenant) ID.") : problem;
        QTimer::singleShot(0, this, [this, e] { emit tokenFailed(e); });
        return;
    }
    QUrl url = ep.authority;
    QString path = url.path();
    while (path.endsWith(u'/'))
        path.chop(1);
    url.setPath(path + u'/' + m_settings.tenant + u"/oauth2/v2.0/token"_s);

    QNetworkRequest req(url);
    req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/x-www-form-urlencoded"));
    req.setRawHeader("Accept", "application/json");
    req.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    req.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    req.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    req.setTransferTimeout(d->timeoutMs);
    const QByteArray body = formField("client_id", m_settings.clientId) + '&'
        + formField("client_secret", d->secret) + '&' + formField("scope", scope()) + '&'
        + formField("grant_type", u"client_credentials"_s);
    ++d->sent;
    QNetworkReply *reply = m_nam->post(req, body);
    d->inFlight = reply;
    const QDateTime sentAt = QDateTime::currentDateTimeUtc();
    connect(reply, &QNetworkReply::finished, this, [this, reply, sentAt] {
        reply->deleteLater();
        if (d->inFlight != reply)
            return;
        d->inFlight = nullptr;
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray data = reply->isOpen() ? reply->readAll() : QByteArray();
        if (status == 0) {
            AuthError e;
            e.networkError = int(reply->error());
            // The transfer timeout aborts the reply, which reports it as cancelled.
            e.timedOut = reply->error() == QNetworkReply::OperationCanceledError
                || reply->error() == QNetworkReply::TimeoutError;
            e.transportError = reply->errorString();
            failWith(e);
            return;
        }
        const QJsonObject o = QJsonDocument::fromJson(data).object();
        const QString value = o.value(u"access_token").toString();
        if (status != 200 || value.isEmpty()) {
            AuthError e = parseError(status, data);
            if (status == 200)
                e.description = u"The token answer contained no access_token."_s;
            failWith(e);
            return;
        }
        const QJsonValue ev = o.value(u"expires_in");
        qint64 lifetime = ev.isString() ? ev.toString().toLongLong() : qint64(ev.toDouble());
        if (lifetime <= 0)
            lifetime = 3599;
        AccessToken tok;
        tok.value = value;
        tok.expiresAt = sentAt.addSecs(lifetime);
        tok.claims = TokenClaims::decode(value);
        d->cache = tok;
        // Renew 5 min before expiry, or after half the lifetime for short tokens.
        const qint64 renewAfter = lifetime > 600 ? lifetime - 300 : lifetime / 2;
        d->refreshAt = sentAt.addSecs(renewAfter);
        emit tokenReady(tok);
    });
}

} // namespace ledger
