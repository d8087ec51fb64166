#pragma once
// "Export everything" says what everything is: the filter in one sentence, e.g.
// "19 of 14,664 prompts: text 'GDPR', 1–30 Nov, Word and Teams".
#include "app/archive/ArchiveTypes.h"
#include <QString>

namespace ledger::gui {

// userLabel: what the user chip says ("User: Adele Vance", "3 users"), empty without a chip.
QString describeExportScope(const ledger::ArchiveFilter &filter, const QString &userLabel, qint64 matching,
                            qint64 total);

} // namespace ledger::gui
