#include "ui/models/UsersModel.h"

#include "app/archive/Archive.h"
#include "ui/common/TimeFormat.h"

#include <QLocale>

namespace ledger::gui {

UsersModel::UsersModel(QObject *parent)
    : ArchiveTableModel(ledger::ArchiveView::Users, int(Column::ColumnCount), parent)
{
    setBlockSize(100000);   // tenants have thousands of users: one block holds them all
}

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

QVariant UsersModel::data(const QModelIndex &index, int role) const
{
    const UserRow *r = index.isValid() ? rowAt(index.row()) : nullptr;
    if (!r)
        return index.isValid() ? placeholder(index, role) : QVariant();
    const auto col = Column(index.column());
    switch (role) {
    case Qt::DisplayRole:
        switch (col) {
        case Column::Name: return r->user.displayName;
        case Column::Upn: return r->user.userPrincipalName;
        case Column::Department: return r->user.department;
        case Column::JobTitle: return r->user.jobTitle;
        case Column::Enabled: return r->user.accountEnabled ? tr("Yes") : tr("No");
        case Column::Status: return statusCell(*r);
        case Column::Interactions: return QLocale().toString(r->interactionCount);
        case Column::Sessions: return QLocale().toString(r->sessionCount);
        case Column::LastActivity: return displayTime(r->lastActivity, showUtc());
        case Column::Findings: return r->findingCount ? QLocale().toString(r->findingCount) : QString();
        case Column::ColumnCount: break;
        }
        break;
    case RawRole:
        switch (col) {
        case Column::Name: return r->user.displayName;
        case Column::Upn: return r->user.userPrincipalName;
        case Column::Department: return r->user.department;
        case Column::JobTitle: return r->user.jobTitle;
        case Column::Enabled: return r->user.accountEnabled;
        case Column::Status: return userStatusKey(r->status);
        case Column::Interactions: return r->interactionCount;
        case Column::Sessions: return r->sessionCount;
        case Column::LastActivity: return r->lastActivity;
        case Column::Findings: return r->findingCount;
        case Column::ColumnCount: break;
        }
        break;
    case Qt::ToolTipRole:
        if (col == Column::Status) {
            const QString why = statusTooltip(*r);
            if (!r->user.isDeleted())
                return why;
            const QString when = r->user.deletedDateTime.toMSecsSinceEpoch() > 0
                ? displayTime(r->user.deletedDateTime, showUtc()) : tr("an unknown date");
            return tr("Deleted from the directory on %1. %2").arg(when, why);
        }
        if (col == Column::LastActivity)
            return utcTooltip(r->lastActivity);
        if (col == Column::Findings)
            return tr("Sensitive information and watchlist terms found in this user's prompts and responses");
        if (col == Column::Upn && !r->user.mail.isEmpty())
            return r->user.mail;
        break;
    case Qt::TextAlignmentRole:
        if (col == Column::Interactions || col == Column::Sessions || col == Column::Findings)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case Qt::AccessibleTextRole:
        if (col == Column::Status)
            return statusCell(*r);
        break;
    case UserIdRole:
        return r->user.id;
    default:
        break;
    }
    return {};
}

QString UsersModel::columnTitle(int column) const
{
    switch (Column(column)) {
    case Column::Name: return tr("Name");
    case Column::Upn: return tr("User principal name");
    case Column::Department: return tr("Department");
    case Column::JobTitle: return tr("Job title");
    case Column::Enabled: return tr("Enabled");
    case Column::Status: return tr("Status");
    case Column::Interactions: return tr("Interactions");
    case Column::Sessions: return tr("Sessions");
    case Column::LastActivity: return tr("Last activity");
    case Column::Findings: return tr("Findings");
    case Column::ColumnCount: break;
    }
    return {};
}


ledger::ArchiveFilter UsersModel::effectiveFilter() const
{
    ArchiveFilter f = filter();
    f.userIds.clear();
    return f;
}

} // namespace ledger::gui
