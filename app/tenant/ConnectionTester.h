#pragma once
// Runs one ConnectionCheck over its own TenantConnection (the same stack a sync uses) so a
// dialog can test settings that are not saved yet.
#include "app/auth/ConnectionSettings.h"
#include "app/check/ConnectionCheck.h"
#include <QObject>
#include <memory>

namespace ledger {
class TenantConnection;
}

namespace ledger {

class ConnectionTester : public QObject {
    Q_OBJECT
public:
    explicit ConnectionTester(QObject *parent = nullptr);
    ~ConnectionTester() override;

    void start(const ledger::ConnectionSettings &settings, const QString &secret);
    void cancel();
    bool isRunning() const { return m_running; }
    const ledger::ConnectionCheck *check() const { return m_check; }

signals:
    void stepChanged(int index, const ledger::CheckStep &step);
    void finished(bool passed, const QString &supportDetails);

private:
    void teardown();
    std::unique_ptr<ledger::TenantConnection> m_connection;
    ledger::ConnectionCheck *m_check = nullptr;   // deleted before m_connection
    bool m_running = false;
};

} // namespace ledger
