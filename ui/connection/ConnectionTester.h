#pragma once
// Runs one ConnectionCheck with its own network stack (QNAM, TokenProvider, GraphClient) so a
// dialog can test settings that are not saved yet.
#include "auth/ConnectionSettings.h"
#include "check/ConnectionCheck.h"
#include <QObject>
#include <memory>

class QNetworkAccessManager;

namespace ledger {
class TokenProvider;
class GraphClient;
}

namespace ledger::gui {

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
    QNetworkAccessManager *m_nam = nullptr;
    ledger::TokenProvider *m_tokens = nullptr;
    ledger::GraphClient *m_graph = nullptr;
    ledger::ConnectionCheck *m_check = nullptr;
    bool m_running = false;
};

} // namespace ledger::gui
