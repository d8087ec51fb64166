#pragma once
// The Sessions tab: one row per conversation (user + session id).
#include "ui/models/ArchiveTableModel.h"

namespace ledger::gui {

class SessionsModel : public ArchiveTableModel {
    Q_OBJECT
public:
    using Column = ledger::SessionRow::Column;
    explicit SessionsModel(QObject *parent = nullptr);

    QVariant data(const QModelIndex &index, int role) const override;
    QString columnTitle(int column) const override;
    const ledger::SessionRow *rowAt(int row) const { return rowIn(row, &Block::sessions); }
};

} // namespace ledger::gui
