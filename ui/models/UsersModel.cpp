#include "ui/models/UsersModel.h"

#include "app/archive/Archive.h"
#include "ui/common/TimeFormat.h"

#include <QLocale>

namespace ledger::gui {

QString UsersModel::statusText(ledger::UserStatus status)
{
    switch (status) {
    case UserStatus::Ok: return tr("OK");
    case UserStatus::NoInteractions: return tr("No interactions");
    case UserStatus::NotLicensed: return tr("Not licensed");
    case UserStatus::Failed: return tr("Failed");
    case UserStatus::Partial: return tr("Partial");
    case UserStatus::Unknown: break;
    }
    return tr("Not synced yet");
}

namespace {
// A deleted user (read from the directory's recycle bin) keeps its read outcome; the Status
// column says both, so a failed read of a departed employee is never hidden.
QString statusCell(const UserRow &r)
{
    const QString s = UsersModel::statusText(r.status);
    return r.user.isDeleted() ? UsersModel::tr("%1 (deleted user)").arg(s) : s;
}
QString statusTooltip(const UserRow &r)
{
    switch (r.status) {
    case UserStatus::Failed:
        return r.statusError.isEmpty() ? UsersModel::tr("The history of this user could not be read.") : r.statusError;
    case UserStatus::NotLicensed:
        return r.statusError.isEmpty()
            ? UsersModel::tr("Microsoft Graph refused this user's history (403): usually no Microsoft 365 Copilot licence.")
            : r.statusError;
    case UserStatus::NoInteractions: return UsersModel::tr("Read successfully; this user has no Copilot interactions in the synced range.");
    case UserStatus::Ok: return UsersModel::tr("History read completely.");
    case UserStatus::Partial:
        return r.statusError.isEmpty()
            ? UsersModel::tr("History read, but some items could not be read; they are kept as received.")
            : r.statusError;
    case UserStatus::Unknown: break;
    }
    return UsersModel::tr("Run a sync to read this user's history.");
}
} // namespace

namespace {

using R = ledger::UserRow;

QVariant count(qint64 n) { return QLocale().toString(n); }
QVariant tooltip(const R &r, bool utc)
{
    const QString why = statusTooltip(r);
    if (!r.user.isDeleted())
        return why;
    const QString when = r.user.deletedDateTime.toMSecsSinceEpoch() > 0
        ? displayTime(r.user.deletedDateTime, utc) : UsersModel::tr("an unknown date");
    return UsersModel::tr("Deleted from the directory on %1. %2").arg(when, why);
}

// In the order of UserRow::Column.
std::vector<UsersModel::ColumnSpec> userColumns()
{
    return {
        {QT_TRANSLATE_NOOP("ledger::gui::UsersModel", "Name"),
         [](const R &r, bool) -> QVariant { return r.user.displayName; },
         [](const R &r) -> QVariant { return r.user.displayName; }},
        {QT_TRANSLATE_NOOP("ledger::gui::UsersModel", "User principal name"),
         [](const R &r, bool) -> QVariant { return r.user.userPrincipalName; },
         [](const R &r) -> QVariant { return r.user.userPrincipalName; },
         [](const R &r, bool) -> QVariant { return r.user.mail.isEmpty() ? QVariant() : r.user.mail; }},
        {QT_TRANSLATE_NOOP("ledger::gui::UsersModel", "Department"),
         [](const R &r, bool) -> QVariant { return r.user.department; },
         [](const R &r) -> QVariant { return r.user.department; }},
        {QT_TRANSLATE_NOOP("ledger::gui::UsersModel", "Job title"),
         [](const R &r, bool) -> QVariant { return r.user.jobTitle; },
         [](const R &r) -> QVariant { return r.user.jobTitle; }},
        {QT_TRANSLATE_NOOP("ledger::gui::UsersModel", "Enabled"),
         [](const R &r, bool) -> QVariant { return r.user.accountEnabled ? UsersModel::tr("Yes") : UsersModel::tr("No"); },
         [](const R &r) -> QVariant { return r.user.accountEnabled; }},
        {QT_TRANSLATE_NOOP("ledger::gui::UsersModel", "Status"),
         [](const R &r, bool) -> QVariant { return statusCell(r); },
         [](const R &r) -> QVariant { return userStatusKey(r.status); }, tooltip, false, false,
         [](const R &r, bool) -> QVariant { return statusCell(r); }},
        {QT_TRANSLATE_NOOP("ledger::gui::UsersModel", "Interactions"),
         [](const R &r, bool) -> QVariant { return count(r.interactionCount); },
         [](const R &r) -> QVariant { return r.interactionCount; }, nullptr, true},
        {QT_TRANSLATE_NOOP("ledger::gui::UsersModel", "Sessions"),
         [](const R &r, bool) -> QVariant { return count(r.sessionCount); },
         [](const R &r) -> QVariant { return r.sessionCount; }, nullptr, true},
        {QT_TRANSLATE_NOOP("ledger::gui::UsersModel", "Last activity"),
         [](const R &r, bool utc) -> QVariant { return displayTime(r.lastActivity, utc); },
         [](const R &r) -> QVariant { return r.lastActivity; },
         [](const R &r, bool) -> QVariant { return utcTooltip(r.lastActivity); }},
        {QT_TRANSLATE_NOOP("ledger::gui::UsersModel", "Findings"),
         [](const R &r, bool) -> QVariant { return r.findingCount ? count(r.findingCount) : QString(); },
         [](const R &r) -> QVariant { return r.findingCount; },
         [](const R &, bool) -> QVariant {
             return UsersModel::tr("Sensitive information and watchlist terms found in this user's prompts and responses");
         },
         true},
    };
}

QVariant userIds(const R &r, int role)
{
    return role == ArchiveTableModel::UserIdRole ? QVariant(r.user.id) : QVariant();
}

} // namespace

UsersModel::UsersModel(QObject *parent)
    : ArchiveRowModel(ledger::ArchiveView::Users, &Block::users, userColumns(), userIds, parent)
{
    Q_ASSERT(columnCount() == int(Column::ColumnCount));
    setBlockSize(100000);   // tenants have thousands of users: one block holds them all
}

ledger::ArchiveFilter UsersModel::effectiveFilter() const
{
    ArchiveFilter f = filter();
    f.userIds.clear();
    return f;
}

} // namespace ledger::gui
