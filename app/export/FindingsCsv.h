#pragma once
// findings.csv (docs/EXPORT-FORMAT.md): one row per stored finding of the exported
// interactions, the match masked (all but its last four characters replaced by '*').
#include "app/archive/ArchiveTypes.h"
#include <QStringList>

namespace ledger {

QStringList findingsHeader();
QStringList findingCells(const FindingRow &row);

} // namespace ledger
