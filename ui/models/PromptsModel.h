#pragma once
// The Prompts tab: one row per turn (a prompt with its response), like prompts.csv.
#include "ui/models/ArchiveTableModel.h"

namespace ledger::gui {

class PromptsModel : public ArchiveTableModel {
    Q_OBJECT
public:
    using Column = ledger::TurnRow::Column;
    explicit PromptsModel(QObject *parent = nullptr);

    QVariant data(const QModelIndex &index, int role) const override;
    QString columnTitle(int column) const override;
    const ledger::TurnRow *rowAt(int row) const { return rowIn(row, &Block::turns); }
};

} // namespace ledger::gui
