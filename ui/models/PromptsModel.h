#pragma once
// The Prompts tab: one row per turn (a prompt with its response), like prompts.csv.
#include "models/ArchiveTableModel.h"

namespace ledger::gui {

class PromptsModel : public ArchiveTableModel {
    Q_OBJECT
public:
    using Column = ledger::TurnRow::Column;
    explicit PromptsModel(QObject *parent = nullptr);

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    const ledger::TurnRow *rowAt(int row) const;
};

} // namespace ledger::gui
