#pragma once
// The Users tab: every directory user with the outcome of reading their history.
#include "ui/models/ArchiveTableModel.h"

namespace ledger::gui {

class UsersModel : public ArchiveTableModel {
    Q_OBJECT
public:
    using Column = ledger::UserRow::Column;
    explicit UsersModel(QObject *parent = nullptr);

    QVariant data(const QModelIndex &index, int role) const override;
    QString columnTitle(int column) const override;
    const ledger::UserRow *rowAt(int row) const { return rowIn(row, &Block::users); }

    static QString statusText(ledger::UserStatus status);

protected:
    // The user scope chosen in this very table must not hide the other users.
    ledger::ArchiveFilter effectiveFilter() const override;
};

} // namespace ledger::gui
