#pragma once
// The tables of the review workflow and the activity log (docs/ARCHITECTURE.md "Archive schema").
// They are the archive's own records, never derived from Graph data: a sync, a re-sync or the
// rebuild of the derived sessions/turns never writes them. Added by an additive migration step.
#include <QStringList>

namespace ledger {

// Idempotent statements (CREATE … IF NOT EXISTS), run by archiveschema::migrate in one transaction.
QStringList reviewSchemaStatements();

} // namespace ledger
