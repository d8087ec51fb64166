#include "app/tenant/TenantSession.h"

#include "app/archive/Archive.h"
#include "app/tenant/TenantConnection.h"

#include <QDir>
#include <QFileInfo>

namespace ledger {

TenantSession::TenantSession(QObject *parent)
    : QObject(parent)
{
}

TenantSession::~TenantSession()
{
    close();
}

bool TenantSession::open(const ledger::Profile &profile, const QString &archivePath, QString *error)
{
    close();
    m_profile = profile;
    m_archivePath = archivePath;
    QDir().mkpath(QFileInfo(archivePath).absolutePath());
    m_archive = std::make_unique<Archive>();
    if (!m_archive->open(archivePath, error)) {
        m_archive.reset();
        return false;
    }
    return true;
}

void TenantSession::close()
{
    teardownNetwork();
    if (m_archive)
        m_archive->close();
    m_archive.reset();
    m_secret.clear();
    m_demo = false;
}

bool TenantSession::isOpen() const
{
    return m_archive && m_archive->isOpen();
}

void TenantSession::setSecret(const QString &secret)
{
    m_secret = secret;
}

void TenantSession::teardownNetwork()
{
    if (m_engine) {
        m_engine->disconnect(this);
        if (m_engine->isRunning())
            m_engine->cancel();
    }
    delete m_engine;
    m_engine = nullptr;
    m_connection.reset();
}

bool TenantSession::startSync(const ledger::SyncOptions &options, QString *error)
{
    if (!isOpen()) {
        if (error)
            *error = tr("No archive is open.");
        return false;
    }
    if (isSyncing()) {
        if (error)
            *error = tr("A sync is already running.");
        return false;
    }
    if (m_secret.isEmpty()) {
        if (error)
            *error = tr("No client secret is available for this profile.");
        return false;
    }
    teardownNetwork();
    m_connection = std::make_unique<TenantConnection>(m_profile.connection, m_secret);
    m_engine = m_connection->createSync(m_archive.get());
    connect(m_engine, &SyncEngine::progress, this, &TenantSession::syncProgress);
    connect(m_engine, &SyncEngine::userFinished, this, &TenantSession::userFinished);
    connect(m_engine, &SyncEngine::finished, this, &TenantSession::syncFinished);
    m_engine->start(options);
    emit syncStarted();
    return true;
}

void TenantSession::cancelSync()
{
    if (m_engine && m_engine->isRunning())
        m_engine->cancel();
}

bool TenantSession::isSyncing() const
{
    return m_engine && m_engine->isRunning();
}

} // namespace ledger
