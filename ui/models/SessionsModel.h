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
};

} // namespace ledger::gui
