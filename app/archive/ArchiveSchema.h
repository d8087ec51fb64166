#pragma once
// The archive's schema and its migrations (docs/ARCHITECTURE.md, "Archive schema"): internal to
// app/archive, used by Archive::open.
#include <QString>

namespace ledger {
struct ArchiveState;
namespace archiveschema {

// Brings the open database up to Archive::kSchemaVersion, one transaction per version step;
// refuses (with the reason in *error) an archive of a newer schema. Sets state.version.
bool migrate(ArchiveState &state, QString *error);
// Creates the full-text index of the turns (FTS5) or repairs its triggers; without FTS5 (or
// `disabled`), removes the triggers so that writes keep working. Sets state.fullText.
void setupFullText(ArchiveState &state, bool disabled);

} // namespace archiveschema
} // namespace ledger
