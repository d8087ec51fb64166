#include "ui/models/UserStatusText.h"

#include "ui/models/UsersModel.h"

#include <QCoreApplication>

namespace ledger::gui {

// A context lupdate can see (a local tr() helper would hide these strings from it).
struct UserStatusText {
    Q_DECLARE_TR_FUNCTIONS(UserStatusText)
};

QString userStatusSentence(ledger::UserStatus status, const QString &reason)
{
    QString why;
    switch (status) {
    case UserStatus::Ok: why = UserStatusText::tr("the history was read completely"); break;
    case UserStatus::NoInteractions: why = UserStatusText::tr("read successfully; this user has no Copilot interactions in the synced range"); break;
    case UserStatus::NotLicensed:
        why = UserStatusText::tr("no Microsoft 365 Copilot licence with the Graph-grounded chat plan, so Microsoft Graph keeps no "
                 "Copilot history for this user");
        break;
    case UserStatus::Partial:
        why = UserStatusText::tr("the history was read, but some items could not be read as interactions; they are "
                                 "kept as received");
        break;
    case UserStatus::Failed: why = UserStatusText::tr("the history could not be read; the next sync tries again"); break;
    case UserStatus::Unknown: why = UserStatusText::tr("run a sync to read this user's history"); break;
    }
    if (!reason.isEmpty())
        why = reason;
    return UsersModel::statusText(status) + QStringLiteral(" — ") + why;
}

} // namespace ledger::gui
