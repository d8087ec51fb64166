#pragma once
// The demo tenant running in its own thread (so the GUI thread is never blocked by it): used by
// `--demo`, by `check --demo` / `export --demo` and by integration tests.
#include "app/auth/ConnectionSettings.h"
#include "app/sim/DemoServerOptions.h"
#include "app/sim/DemoTenant.h"
#include <QString>
#include <QUrl>
#include <memory>

class QThread;

namespace ledger {

class DemoServer;

class DemoEnvironment {
public:
    // Generates the tenant and starts listening on 127.0.0.1:port (0 = any free port) in a new
    // thread; blocks until listening (or failed: nullptr, *error says why).
    static std::unique_ptr<DemoEnvironment> start(const DemoTenantSpec &spec = {},
                                                  const DemoServerOptions &options = {}, quint16 port = 0,
                                                  QString *error = nullptr);
    ~DemoEnvironment();   // stops the server and its thread

    QUrl baseUrl() const;
    // Tenant GUID, the fully permitted client's ID, Cloud::Custom, authority = graph = baseUrl.
    ConnectionSettings connection() const;
    QString clientSecret() const;        // of the fully permitted client
    // The ground truth. Read it freely; to change it (addInteractions) use the method below.
    const DemoTenant &tenant() const;

    // Thread-safe wrappers (run in the server's thread and wait).
    void addInteractions(const QString &userId, int n);
    void setOptions(const DemoServerOptions &options);
    DemoServerStats stats() const;
    void resetStats();
    DemoServer *server() const { return m_server; }   // lives in the server thread

    DemoEnvironment(const DemoEnvironment &) = delete;
    DemoEnvironment &operator=(const DemoEnvironment &) = delete;

private:
    DemoEnvironment() = default;
    QThread *m_thread = nullptr;
    DemoServer *m_server = nullptr;
    QUrl m_baseUrl;
};

} // namespace ledger
