#pragma once
// A connection check wired as the app wires it, for the tests of app/check: a token provider and
// a Graph client on a network access manager of their own.
#include "app/auth/TokenProvider.h"
#include "app/check/ConnectionCheck.h"
#include "app/graph/GraphClient.h"

#include <QNetworkAccessManager>
#include <QString>

namespace ledger::test {

struct CheckRun {
    QNetworkAccessManager nam;
    TokenProvider tokens{&nam};
    GraphClient graph{&tokens};
    ConnectionCheck check{&tokens, &graph};
};

// The step `id` of the check that `r` ran; a step that is not there ends the test program.
inline const CheckStep &step(const CheckRun &r, const QString &id)
{
    for (const CheckStep &s : r.check.steps())
        if (s.id == id)
            return s;
    qFatal("no step");
}

} // namespace ledger::test
