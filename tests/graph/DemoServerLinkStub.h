#pragma once
// Until the demo simulator (app/sim/DemoServer.cpp, another worker's branch) is merged, ledger_core's
// moc output still references DemoServer's constructor/destructor. This stub satisfies the linker
// for test programs that use QObject classes of ledger_core; it disappears by itself once the
// real implementation exists.
#if !__has_include("sim/DemoServer.cpp")
#include "sim/DemoServer.h"
namespace ledger {
struct DemoServer::Private {};
DemoServer::DemoServer(const DemoTenantSpec &, QObject *parent) : QObject(parent) {}
DemoServer::~DemoServer() = default;
} // namespace ledger
#endif
