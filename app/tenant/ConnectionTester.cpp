#include "app/tenant/ConnectionTester.h"

#include "app/tenant/TenantConnection.h"

namespace ledger {

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
    // The check uses the connection's client and token provider: it goes first.
    delete m_check;
    m_check = nullptr;
    m_connection.reset();
    m_running = false;
}

void ConnectionTester::start(const ledger::ConnectionSettings &settings, const QString &secret)
{
    teardown();
    m_connection = std::make_unique<TenantConnection>(settings, secret);
    m_check = m_connection->createCheck();
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

} // namespace ledger
