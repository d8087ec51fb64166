#pragma once
// `copilot-ledger check`: runs ConnectionCheck and prints each step as it ends
// ("[✓] Title — summary", "[✗] …" with the details indented), then the support bundle on
// failure. Exit code 0 / 1 / 3 (ConnectionCheck::exitCode).
#include "app/cli/CliOptions.h"
#include <QObject>
#include <QSet>
#include <memory>

namespace ledger {
class ConnectionCheck;
class TenantConnection;
struct CheckStep;
}

namespace ledger::cli {

class ConnectionSetup;

class CheckCommand : public QObject {
    Q_OBJECT
public:
    explicit CheckCommand(const CliOptions &options, QObject *parent = nullptr);
    ~CheckCommand() override;
    void start();

    static QString formatStep(const CheckStep &step);

signals:
    void done(int exitCode);

private:
    void run();
    void printStep(int index);
    void finished();

    CliOptions m_options;
    ConnectionSetup *m_setup = nullptr;
    std::unique_ptr<TenantConnection> m_net;
    ConnectionCheck *m_check = nullptr;
    QSet<int> m_printed;
};

} // namespace ledger::cli
