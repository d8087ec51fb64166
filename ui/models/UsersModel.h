#pragma once
// The Users tab: every directory user with the outcome of reading their history.
#include "models/ArchiveTableModel.h"

namespace ledger::gui {

class UsersModel : public ArchiveTableModel {
    Q_OBJECT
public:
    using Column = ledger::UserRow::Column;
    explicit UsersModel(QObject *parent = nullptr);

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    const ledger::UserRow *rowAt(int row) const;

    static QString statusText(ledger::UserStatus status);

protected:
    qint64 countRows(const ledger::ArchiveFilter &f) const override;
    int readPage(const ledger::ArchiveFilter &f, SortSpec sort, int offset, int limit) override;
    void commitPage() override;
    void clearRows() override { m_rows.clear(); }
    int loadedRows() const override { return int(m_rows.size()); }
    // The user scope chosen in this very table must not hide the other users.
    ledger::ArchiveFilter effectiveFilter() const override;

private:
    QList<ledger::UserRow> m_rows;
    QList<ledger::UserRow> m_pending;
};

} // namespace ledger::gui
