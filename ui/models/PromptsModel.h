#pragma once
// The Prompts tab: one row per turn (a prompt with its response), like prompts.csv.
#include "ui/models/ArchiveRowModel.h"

namespace ledger::gui {

class PromptsModel : public ArchiveRowModel<ledger::TurnRow> {
    Q_OBJECT
public:
    using Column = ledger::TurnRow::Column;
    explicit PromptsModel(QObject *parent = nullptr);
};

} // namespace ledger::gui
