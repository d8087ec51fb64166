#pragma once
// Everything that belongs to the tenant currently shown: its profile, its archive and the
// connection that syncs it (TenantConnection, the same stack the command line uses).
#include "app/auth/ConnectionSettings.h"
#include "app/sync/SyncEngine.h"
#include <QObject>
#include <memory>

namespace ledger {
class Archive;
class TenantConnection;
}

namespace ledger {

class TenantSession : public QObject {
    Q_OBJECT
public:
    explicit TenantSession(QObject *parent = nullptr);
    ~TenantSession() override;

    // Opens the archive (created when missing). The secret may be empty: browsing works
    // offline; a sync then asks for it.
    bool open(const ledger::Profile &profile, const QString &archivePath, QString *error);
    void close();
    bool isOpen() const;
    void setSecret(const QString &secret);
    bool hasSecret() const { return !m_secret.isEmpty(); }
    void setDemo(bool demo) { m_demo = demo; }
    bool isDemo() const { return m_demo; }

    const ledger::Profile &profile() const { return m_profile; }
    ledger::Archive *archive() const { return m_archive.get(); }
    QString archivePath() const { return m_archivePath; }

    bool startSync(const ledger::SyncOptions &options, QString *error = nullptr);
    void cancelSync();
    bool isSyncing() const;

signals:
    void syncStarted();
    void syncProgress(const ledger::SyncProgress &progress);
    void userFinished(const ledger::UserOutcome &outcome);
    void syncFinished(const ledger::SyncSummary &summary);

private:
    void teardownNetwork();

    ledger::Profile m_profile;
    QString m_secret;
    QString m_archivePath;
    bool m_demo = false;
    std::unique_ptr<ledger::Archive> m_archive;
    std::unique_ptr<ledger::TenantConnection> m_connection;
    ledger::SyncEngine *m_engine = nullptr;   // deleted before m_connection
};

} // namespace ledger
