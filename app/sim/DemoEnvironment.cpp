#include "app/sim/DemoEnvironment.h"
#include "app/sim/DemoServer.h"

#include <QMetaObject>
#include <QSemaphore>
#include <QThread>

namespace ledger {

std::unique_ptr<DemoEnvironment> DemoEnvironment::start(const DemoTenantSpec &spec, const DemoServerOptions &options,
                                                        quint16 port, QString *error)
{
    std::unique_ptr<DemoEnvironment> env(new DemoEnvironment);
    env->m_thread = new QThread;
    env->m_thread->setObjectName(QStringLiteral("DemoTenant"));
    env->m_thread->start();
    QSemaphore ready;
    bool ok = false;
    QString failure;
    DemoEnvironment *e = env.get();
    // The server is created in its thread (generation included) so its sockets belong there.
    auto *context = new QObject;
    context->moveToThread(env->m_thread);
    QMetaObject::invokeMethod(context, [&, e, context] {
        e->m_server = new DemoServer(spec);
        e->m_server->setOptions(options);
        ok = e->m_server->listen(port);
        if (ok)
            e->m_baseUrl = e->m_server->baseUrl();
        else
            failure = QStringLiteral("The demo tenant could not listen on 127.0.0.1:%1: %2")
                          .arg(port)
                          .arg(QStringLiteral("address in use or not permitted"));
        delete context;
        ready.release();
    }, Qt::QueuedConnection);
    ready.acquire();
    if (!ok) {
        if (error)
            *error = failure;
        return nullptr;
    }
    return env;
}

DemoEnvironment::~DemoEnvironment()
{
    if (!m_thread)
        return;
    if (m_server) {
        DemoServer *server = m_server;
        QMetaObject::invokeMethod(server, [server] { delete server; }, Qt::BlockingQueuedConnection);
        m_server = nullptr;
    }
    m_thread->quit();
    m_thread->wait();
    delete m_thread;
}

QUrl DemoEnvironment::baseUrl() const { return m_baseUrl; }

ConnectionSettings DemoEnvironment::connection() const
{
    ConnectionSettings c;
    c.tenant = m_server->tenant().tenantId();
    c.clientId = m_server->tenant().fullClient().clientId;
    c.cloud = Cloud::Custom;
    c.authorityUrl = m_baseUrl;
    c.graphUrl = m_baseUrl;
    return c;
}

QString DemoEnvironment::clientSecret() const { return m_server->tenant().fullClient().secret; }
const DemoTenant &DemoEnvironment::tenant() const { return m_server->tenant(); }

void DemoEnvironment::addInteractions(const QString &userId, int n)
{
    DemoServer *server = m_server;
    QMetaObject::invokeMethod(server, [server, userId, n] { server->tenant().addInteractions(userId, n); },
                              Qt::BlockingQueuedConnection);
}

void DemoEnvironment::setOptions(const DemoServerOptions &options)
{
    DemoServer *server = m_server;
    QMetaObject::invokeMethod(server, [server, options] { server->setOptions(options); }, Qt::BlockingQueuedConnection);
}

void DemoEnvironment::resetStats()
{
    DemoServer *server = m_server;
    QMetaObject::invokeMethod(server, [server] { server->resetStats(); }, Qt::BlockingQueuedConnection);
}

DemoServerStats DemoEnvironment::stats() const
{
    DemoServerStats s;
    DemoServer *server = m_server;
    QMetaObject::invokeMethod(server, [server, &s] { s = server->stats(); }, Qt::BlockingQueuedConnection);
    return s;
}

} // namespace ledger
