#pragma once
// The Users tab: every directory user with the outcome of reading their history.
#include "ui/models/ArchiveRowModel.h"

namespace ledger::gui {

class UsersModel : public ArchiveRowModel<ledger::UserRow> {
    Q_OBJECT
public:
    using Column = ledger::UserRow::Column;
    explicit UsersModel(QObject *parent = nullptr);

    static QString statusText(ledger::UserStatus status);

protected:
    // The user scope chosen in this very table must not hide the other users.
    ledger::ArchiveFilter effectiveFilter() const override;
};

} // namespace ledger::gui
