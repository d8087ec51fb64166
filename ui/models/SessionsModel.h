#pragma once
// The Sessions tab: one row per conversation (user + session id).
#include "ui/models/ArchiveRowModel.h"

namespace ledger::gui {

class SessionsModel : public ArchiveRowModel<ledger::SessionRow> {
    Q_OBJECT
public:
    using Column = ledger::SessionRow::Column;
    explicit SessionsModel(QObject *parent = nullptr);
};

} // namespace ledger::gui
