#pragma once
// ConnectionCheck internals shared by ConnectionCheck.cpp and ConnectionCheckGraph.cpp.
#include "app/auth/AuthError.h"
#include "app/auth/TokenProvider.h"
#include "app/check/ConnectionCheck.h"
#include "app/graph/GraphClient.h"
#include <QJsonObject>
#include <QPointer>
#include <optional>

namespace ledger {

namespace checkstep {
enum Index { Token, Claims, Roles, Users, Interactions, Licence, StepCount };
}

struct ConnectionCheck::Private {
    TokenProvider *tokens = nullptr;
    GraphClient *graph = nullptr;
    QList<CheckStep> steps;
    QString probeUserWanted;
    bool running = false;
    bool finished = false;
    int exitCode = 0;
    std::optional<AccessToken> token;
    QJsonObject probeUser;             // id, userPrincipalName, userType, assignedPlans …
    GraphError lastGraphError;         // the failure support needs
    AuthError lastAuthError;
    bool haveGraphError = false, haveAuthError = false;
    QPointer<GraphReply> current;
    QMetaObject::Connection tokenOk, tokenFail;
};

} // namespace ledger
