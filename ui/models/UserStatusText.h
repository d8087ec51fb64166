#pragma once
// A user's sync status in plain words: first what it means for the officer, the technical detail
// (HTTP status, request-id) kept apart. One function per wording so that a new status or a more
// precise reason slots in at one place.
#include "app/model/User.h"
#include <QString>

namespace ledger::gui {

// One sentence: "Not licensed — no Microsoft 365 Copilot licence with the Graph-grounded chat
// plan". `reason`, when the sync recorded a more precise one (plain words), replaces the usual
// explanation after the dash.
QString userStatusSentence(ledger::UserStatus status, const QString &reason = {});

} // namespace ledger::gui
