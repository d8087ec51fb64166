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

protected:
    qint64 countRows(const ledger::ArchiveFilter &f) const override;
    int readPage(const ledger::ArchiveFilter &f, SortSpec sort, int offset, int limit) override;
    void commitPage() override;
    void clearRows() override { m_rows.clear(); }
    int loadedRows() const override { return int(m_rows.size()); }

private:
    QList<ledger::TurnRow> m_rows;
    QList<ledger::TurnRow> m_pending;
};

} // namespace ledger::gui
