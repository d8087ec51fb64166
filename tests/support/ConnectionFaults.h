#pragma once
// The connection faults that `check` and the window's sync are both tested with, by name, so the
// two sides of "the window says what check says" break the connection in the same ways.
#include "app/auth/ConnectionSettings.h"

#include <QString>

namespace ledger {
class DemoEnvironment;
}

namespace ledger::test {

// Breaks the demo environment's working connection (*cs, *secret, as env gives them) by one
// fault: "secret" (a wrong client secret), "tenant" (an unknown tenant), "client" (an unknown
// client ID), "expired" (a client whose secret has expired), "norole" / "nouserrole" (a client
// without AiEnterpriseInteraction.Read.All / User.Read.All), "transport" (nothing listens where
// the sign-in server should be). False, and nothing changed, for any other name.
bool applyConnectionFault(const DemoEnvironment &env, const QString &fault, ConnectionSettings *cs, QString *secret);

} // namespace ledger::test
