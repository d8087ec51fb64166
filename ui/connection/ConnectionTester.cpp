#include "connection/ConnectionTester.h"

#include "auth/TokenProvider.h"
#include "graph/GraphClient.h"

#include <QNetworkAccessManager>

namespace ledger::gui {

ConnectionTester::ConnectionTester(QObject *parent)
    : QObject(parent)
{
}

ConnectionTester::~ConnectionTester()
{
    teardown();
}

void ConnectionTester::teardown()
{
    if (m_check) {
        m_check->disconnect(this);
        if (m_running)
            m_check->cancel();
    }
    // Children in dependency order: the check uses the client which uses the token provider.
    delete m_check;
    delete m_graph;
    delete m_tokens;
    delete m_nam;
    m_check = nullptr;
    m_graph = nullptr;
    m_tokens = nullptr;
    m_nam = nullptr;
    m_running = false;
}

void ConnectionTester::start(const ledger::ConnectionSettings &settings, const QString &secret)
{
    teardown();
    m_nam = new QNetworkAccessManager;
    m_tokens = new TokenProvider(m_nam);
    m_tokens->setCredentials(settings, secret);
    m_graph = new GraphClient(m_tokens);
    m_graph->setGraphBase(settings.endpoints().graph);
    m_check = new ConnectionCheck(m_tokens, m_graph);
    connect(m_check, &ConnectionCheck::stepChanged, this, &ConnectionTester::stepChanged);
    connect(m_check, &ConnectionCheck::finished, this, [this](bool passed) {
        m_running = false;
        emit finished(passed, m_check->supportDetails());
    });
    m_running = true;
    m_check->start();
}

void ConnectionTester::cancel()
{
    if (m_check && m_running)
        m_check->cancel();
}

} // namespace ledger::gui
