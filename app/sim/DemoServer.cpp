#include "app/sim/DemoServer.h"

#include "app/sim/DemoErrors.h"
#include "app/sim/DemoGraphApi.h"
#include "app/sim/DemoTokenEndpoint.h"
#include "app/sim/DemoTokens.h"
#include "app/sim/HttpRequestParser.h"
#include "app/sim/SplitMix64.h"

#include <QElapsedTimer>
#include <QPointer>
#include <QRegularExpression>
#include <QSet>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <cmath>
#include <map>

namespace ledger {

using namespace sim;

struct DemoServer::Private {
    struct Connection {
        HttpRequestParser parser;
        bool busy = false;       // a response is being prepared / delayed
        bool closing = false;
    };
    struct Bucket {
        double tokens = 0;
        qint64 lastMs = 0;
    };

    DemoServer *q;
    DemoTenant tenant;
    DemoServerOptions options;
    DemoServerStats stats;
    QTcpServer *server;
    DemoTokens tokens;
    DemoTokenEndpoint tokenEndpoint;
    DemoGraphApi graph;
    QSet<QByteArray> faultedUrls;
    QHash<QString, Bucket> buckets;
    QHash<QByteArray, qint64> retryNotBefore;   // URL → clock ms before which a retry is early
    SplitMix64 latencyRng{0x1a7e9c7ULL};
    int inFlight = 0;
    qint64 busySince = 0;
    bool graphAnswerPending = false;   // the request being handled is a Graph request
    QElapsedTimer clock;
    std::map<QTcpSocket *, Connection> connections;

    Private(DemoServer *owner, const DemoTenantSpec &spec)
        : q(owner), tenant(spec), server(new QTcpServer(owner)), tokenEndpoint(tenant, tokens),
          graph(tenant, tenant.spec().seed)
    {
        clock.start();
    }

    void accept();
    void readFrom(QTcpSocket *socket);
    void processNext(QTcpSocket *socket);
    void deliver(QTcpSocket *socket, const HttpResponse &response, bool keepAlive);
    void arrived();
    void answered();
    int nextLatency();
    HttpResponse handle(const HttpRequest &request, const RequestIds &ids);
    HttpResponse handleGraph(const HttpRequest &request, const RequestIds &ids);
    bool takeRateToken(const QString &key, int *retryAfter);
};

DemoServer::DemoServer(const DemoTenantSpec &spec, QObject *parent)
    : QObject(parent), d(std::make_unique<Private>(this, spec))
{
    connect(d->server, &QTcpServer::newConnection, this, [this] { d->accept(); });
}

DemoServer::~DemoServer()
{
    close();
}

bool DemoServer::listen(quint16 port, const QHostAddress &address)
{
    if (!address.isLoopback())
        return false;   // the demo tenant never listens beyond this machine
    return d->server->listen(address, port);
}

void DemoServer::close()
{
    d->server->close();
    const auto sockets = d->connections;
    for (const auto &c : sockets)
        c.first->abort();
    d->connections.clear();
}

quint16 DemoServer::port() const { return d->server->serverPort(); }

QUrl DemoServer::baseUrl() const
{
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    const QHostAddress a = d->server->serverAddress();
    url.setHost(a.isNull() || a == QHostAddress::AnyIPv4 || a == QHostAddress::Any ? QStringLiteral("127.0.0.1")
                                                                                   : a.toString());
    url.setPort(port());
    return url;
}

QUrl DemoServer::authorityUrl() const { return baseUrl(); }
QUrl DemoServer::graphUrl() const { return baseUrl(); }
void DemoServer::setOptions(const DemoServerOptions &options) { d->options = options; }
DemoServerOptions DemoServer::options() const { return d->options; }
DemoServerStats DemoServer::stats() const
{
    DemoServerStats s = d->stats;
    if (d->inFlight > 0)
        s.busyMs += d->clock.elapsed() - d->busySince;
    return s;
}
void DemoServer::resetStats()
{
    d->stats = {};
    d->busySince = d->clock.elapsed();
    d->retryNotBefore.clear();
}
DemoTenant &DemoServer::tenant() { return d->tenant; }
const DemoTenant &DemoServer::tenant() const { return d->tenant; }

void DemoServer::Private::accept()
{
    while (QTcpSocket *socket = server->nextPendingConnection()) {
        ++stats.connections;
        connections.emplace(socket, Connection());
        QObject::connect(socket, &QTcpSocket::readyRead, q, [this, socket] { readFrom(socket); });
        QObject::connect(socket, &QTcpSocket::disconnected, q, [this, socket] {
            connections.erase(socket);
            socket->deleteLater();
        });
        if (socket->bytesAvailable() > 0)
            readFrom(socket);
    }
}

void DemoServer::Private::readFrom(QTcpSocket *socket)
{
    auto it = connections.find(socket);
    if (it == connections.end())
        return;
    it->second.parser.feed(socket->readAll());
    processNext(socket);
}

void DemoServer::Private::processNext(QTcpSocket *socket)
{
    auto it = connections.find(socket);
    if (it == connections.end() || it->second.busy || it->second.closing)
        return;
    Connection &c = it->second;
    const auto state = c.parser.state();
    if (state == HttpRequestParser::State::NeedMore)
        return;
    RequestIds ids;
    ids.requestId = newGuid();
    if (state == HttpRequestParser::State::Error) {
        HttpResponse r = graphError(c.parser.errorStatus(), QStringLiteral("BadRequest"),
                                    QStringLiteral("The HTTP request could not be parsed."), ids);
        r.setHeader("request-id", ids.requestId);
        c.busy = true;
        arrived();
        deliver(socket, r, false);
        return;
    }
    const HttpRequest request = *c.parser.take();
    ids.clientRequestId = request.header("client-request-id");
    arrived();
    if (const auto early = retryNotBefore.constFind(request.target); early != retryNotBefore.cend()) {
        if (clock.elapsed() < *early)
            ++stats.earlyRetries;
        else
            retryNotBefore.erase(early);
    }
    graphAnswerPending = false;
    HttpResponse response = handle(request, ids);
    const int latency = nextLatency();
    if (graphAnswerPending)
        response.graphAnswer = true;
    if (response.status == 429) {
        bool ok = false;
        const int seconds = response.header("Retry-After").toInt(&ok);
        if (ok)
            retryNotBefore.insert(request.target, clock.elapsed() + latency + qint64(seconds) * 1000);
    }
    response.setHeader("request-id", ids.requestId);
    if (!ids.clientRequestId.isEmpty())
        response.setHeader("client-request-id", ids.clientRequestId);
    const bool keepAlive = request.keepAlive() && response.delivery == HttpResponse::Delivery::Normal;
    c.busy = true;
    if (latency > 0) {
        QPointer<QTcpSocket> guard(socket);
        QTimer::singleShot(latency, Qt::PreciseTimer, q, [this, guard, response, keepAlive] {
            if (guard)
                deliver(guard, response, keepAlive);
            else
                answered();
        });
    } else {
        deliver(socket, response, keepAlive);
    }
}

void DemoServer::Private::arrived()
{
    if (inFlight++ == 0)
        busySince = clock.elapsed();
}

void DemoServer::Private::answered()
{
    if (inFlight > 0 && --inFlight == 0)
        stats.busyMs += clock.elapsed() - busySince;
}

int DemoServer::Private::nextLatency()
{
    if (options.latencyMaxMs > options.latencyMs)
        return latencyRng.range(std::max(0, options.latencyMs), options.latencyMaxMs);
    return std::max(0, options.latencyMs);
}

void DemoServer::Private::deliver(QTcpSocket *socket, const HttpResponse &response, bool keepAlive)
{
    answered();
    if (response.graphAnswer)
        stats.lastGraphMs = clock.elapsed();
    auto it = connections.find(socket);
    if (it == connections.end())
        return;
    if (response.delivery == HttpResponse::Delivery::DropMidBody) {
        socket->write(response.serializeHead(false) + response.body.left(response.body.size() / 2));
        it->second.closing = true;
        socket->disconnectFromHost();   // flushes what was written, then closes: the body stays short
        return;
    }
    socket->write(response.serializeHead(keepAlive) + response.body);
    it->second.busy = false;
    if (!keepAlive) {
        it->second.closing = true;
        socket->disconnectFromHost();
        return;
    }
    // Next pipelined request (queued: no recursion, keeps the answer order).
    QPointer<QTcpSocket> guard(socket);
    QMetaObject::invokeMethod(q, [this, guard] {
        if (guard)
            processNext(guard);
    }, Qt::QueuedConnection);
}

HttpResponse DemoServer::Private::handle(const HttpRequest &request, const RequestIds &ids)
{
    ++stats.requests;
    const QString path = request.path();
    static const QRegularExpression tokenPath(QStringLiteral("^/([^/]+)/oauth2/v2\\.0/token/?$"),
                                              QRegularExpression::CaseInsensitiveOption);
    const auto m = tokenPath.match(path);
    if (m.hasMatch()) {
        ++stats.tokenRequests;
        return tokenEndpoint.handle(request, m.captured(1), q->baseUrl(), options.tokenLifetimeSeconds, ids);
    }
    if (path.startsWith(u"/v1.0/", Qt::CaseInsensitive) || path.compare(u"/v1.0", Qt::CaseInsensitive) == 0) {
        ++stats.graphRequests;
        if (stats.firstGraphMs < 0)
            stats.firstGraphMs = clock.elapsed();
        graphAnswerPending = true;
        return handleGraph(request, ids);
    }
    return graphError(404, QStringLiteral("NotFound"), QStringLiteral("No endpoint at '%1'.").arg(path), ids);
}

bool DemoServer::Private::takeRateToken(const QString &key, int *retryAfter)
{
    const double rate = options.rateLimit;
    const double capacity = std::max(1.0, rate);
    const qint64 now = clock.elapsed();
    auto it = buckets.find(key);
    if (it == buckets.end())
        it = buckets.insert(key, {capacity, now});
    it->tokens = std::min(capacity, it->tokens + double(now - it->lastMs) * rate / 1000.0);
    it->lastMs = now;
    if (it->tokens >= 1.0) {
        it->tokens -= 1.0;
        return true;
    }
    *retryAfter = std::clamp(int(std::ceil((1.0 - it->tokens) / rate)), 1, 2);
    return false;
}

HttpResponse DemoServer::Private::handleGraph(const HttpRequest &request, const RequestIds &ids)
{
    const QByteArray authorization = request.header("Authorization");
    const IssuedToken *token = nullptr;
    const auto check = tokens.check(authorization, &token);
    if (check != DemoTokens::Check::Ok) {
        QString message;
        switch (check) {
        case DemoTokens::Check::Missing: message = QStringLiteral("Access token is empty."); break;
        case DemoTokens::Check::Malformed:
            message = QStringLiteral("IDX14100: JWT is not well formed, there are no dots (.).");
            break;
        case DemoTokens::Check::Unknown: message = QStringLiteral("Access token validation failure. Invalid signature."); break;
        case DemoTokens::Check::Revoked:
            faultedUrls.insert(request.target);   // counts as this URL's one fault
            Q_FALLTHROUGH();
        case DemoTokens::Check::Expired:
        case DemoTokens::Check::Ok: message = QStringLiteral("Lifetime validation failed, the token is expired."); break;
        }
        HttpResponse r = graphError(401, QStringLiteral("InvalidAuthenticationToken"), message, ids);
        r.setHeader("WWW-Authenticate",
                    "Bearer realm=\"\", authorization_uri=\"https://login.microsoftonline.com/common/oauth2/authorize\", "
                    "client_id=\"00000003-0000-0000-c000-000000000000\"");
        return r;
    }
    int retryAfter = 1;
    if (options.rateLimit > 0 && !takeRateToken(token->clientId, &retryAfter)) {
        ++stats.throttled;
        HttpResponse r = graphError(429, QStringLiteral("TooManyRequests"),
                                    QStringLiteral("Too many requests. Please retry after %1 seconds.").arg(retryAfter), ids);
        r.setHeader("Retry-After", QByteArray::number(retryAfter));
        return r;
    }
    if (options.faults && request.method == "GET" && !faultedUrls.contains(request.target)) {
        const quint64 h = SplitMix64::hash(tenant.spec().seed, request.target.constData(), request.target.size());
        const double u = double(h >> 11) * (1.0 / 9007199254740992.0);
        if (u < options.faultRate) {
            faultedUrls.insert(request.target);
            ++stats.faultsInjected;
            const auto fault = DemoFault((h & 0xffff) % 5);
            switch (fault) {
            case DemoFault::ServiceUnavailable503: {
                ++stats.faults503;
                HttpResponse r = graphError(503, QStringLiteral("ServiceUnavailable"),
                                            QStringLiteral("The service is temporarily unavailable. Please retry later."), ids);
                r.setHeader("Retry-After", "1");
                return r;
            }
            case DemoFault::GatewayTimeout504:
                ++stats.faults504;
                return graphError(504, QStringLiteral("GatewayTimeout"),
                                  QStringLiteral("The gateway did not receive a response from the service in time."), ids);
            case DemoFault::DropMidBody: {
                ++stats.faultsDropped;
                HttpResponse r = graph.handle(request, *token, q->baseUrl(), options.rejectFilter, ids);
                if (r.body.size() < 2)
                    r.body = "{\"value\":[]}";
                r.delivery = HttpResponse::Delivery::DropMidBody;
                return r;
            }
            case DemoFault::MalformedJson: {
                ++stats.faultsMalformed;
                HttpResponse r = graph.handle(request, *token, q->baseUrl(), options.rejectFilter, ids);
                r.status = 200;
                r.body = r.body.left(r.body.size() / 2) + "<!-- upstream truncated -->";
                return r;
            }
            case DemoFault::EarlyExpiredToken: {
                ++stats.faultsEarlyExpired;
                tokens.revoke(authorization);
                HttpResponse r = graphError(401, QStringLiteral("InvalidAuthenticationToken"),
                                            QStringLiteral("Lifetime validation failed, the token is expired."), ids);
                r.setHeader("WWW-Authenticate", "Bearer realm=\"\", error=\"invalid_token\"");
                return r;
            }
            }
        }
    }
    return graph.handle(request, *token, q->baseUrl(), options.rejectFilter, ids);
}

} // namespace ledger
