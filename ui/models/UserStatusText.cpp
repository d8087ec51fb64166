#include "models/UserStatusText.h"

#include "models/UsersModel.h"

#include <QCoreApplication>

namespace ledger::gui {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("UserStatusText", text);
}
} // namespace

QString userStatusSentence(ledger::UserStatus status, const QString &reason)
{
    QString why;
    switch (status) {
    case UserStatus::Ok: why = tr("the history was read completely"); break;
    case UserStatus::NoInteractions: why = tr("read successfully; this user has no Copilot interactions in the synced range"); break;
    case UserStatus::NotLicensed:
        why = tr("no Microsoft 365 Copilot licence with the Graph-grounded chat plan, so Microsoft Graph keeps no "
                 "Copilot history for this user");
        break;
    case UserStatus::Failed: why = tr("the history could not be read; the next sync tries again"); break;
    case UserStatus::Unknown: why = tr("run a sync to read this user's history"); break;
    }
    if (!reason.isEmpty())
        why = reason;
    return UsersModel::statusText(status) + QStringLiteral(" — ") + why;
}

} // namespace ledger::gui
