#pragma once
// The built-in demo tenant (docs/ARCHITECTURE.md, Modules): a loopback HTTP/1.1 server on
// QTcpServer speaking the token endpoint and the Graph endpoints of docs/GRAPH.md, as strict as the
// real service. Works in any thread with an event loop.
#include "app/sim/DemoServerOptions.h"
#include "app/sim/DemoTenant.h"
#include <QHostAddress>
#include <QObject>
#include <QUrl>
#include <memory>

namespace ledger {

// No Q_OBJECT on purpose: it has no signals or slots, and without moc its users (tests, tools)
// link only the sim/ objects they need from the static library.
class DemoServer : public QObject {
public:
    explicit DemoServer(const DemoTenantSpec &spec = {}, QObject *parent = nullptr);
    ~DemoServer() override;

    // Loopback addresses only (anything else → false).
    bool listen(quint16 port = 0, const QHostAddress &address = QHostAddress::LocalHost);
    void close();
    quint16 port() const;
    QUrl baseUrl() const;            // http://127.0.0.1:<port>
    QUrl authorityUrl() const;       // = baseUrl (token at /{tenant}/oauth2/v2.0/token)
    QUrl graphUrl() const;           // = baseUrl (Graph at /v1.0/…)

    void setOptions(const DemoServerOptions &options);
    DemoServerOptions options() const;
    DemoServerStats stats() const;
    void resetStats();

    DemoTenant &tenant();            // ground truth; tests may add interactions between syncs
    const DemoTenant &tenant() const;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace ledger
