#pragma once
// The Sessions tab: one row per conversation (user + session id).
#include "models/ArchiveTableModel.h"

namespace ledger::gui {

class SessionsModel : public ArchiveTableModel {
    Q_OBJECT
public:
    using Column = ledger::SessionRow::Column;
    explicit SessionsModel(QObject *parent = nullptr);

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    const ledger::SessionRow *rowAt(int row) const;

protected:
    qint64 countRows(const ledger::ArchiveFilter &f) const override;
    int readPage(const ledger::ArchiveFilter &f, SortSpec sort, int offset, int limit) override;
    void commitPage() override;
    void clearRows() override { m_rows.clear(); }
    int loadedRows() const override { return int(m_rows.size()); }

private:
    QList<ledger::SessionRow> m_rows;
    QList<ledger::SessionRow> m_pending;
};

} // namespace ledger::gui
