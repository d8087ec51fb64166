#include "ui/models/SessionsModel.h"

#include "app/archive/Archive.h"
#include "ui/common/TimeFormat.h"
#include "app/model/AppClass.h"

#include <QLocale>

namespace ledger::gui {

SessionsModel::SessionsModel(QObject *parent)
    : ArchiveTableModel(ledger::ArchiveView::Sessions, int(Column::ColumnCount), parent)
{
}

QVariant SessionsModel::data(const QModelIndex &index, int role) const
{
    const SessionRow *r = index.isValid() ? rowAt(index.row()) : nullptr;
    if (!r)
        return index.isValid() ? placeholder(index, role) : QVariant();
    const auto col = Column(index.column());
    const QString user = r->userDisplayName.isEmpty() ? r->userPrincipalName : r->userDisplayName;
    switch (role) {
    case Qt::DisplayRole:
        switch (col) {
        case Column::User: return user;
        case Column::App: return appNameForClass(r->appClass);
        case Column::Started: return displayTime(r->started, showUtc());
        case Column::Ended: return displayTime(r->ended, showUtc());
        case Column::Turns: return QLocale().toString(qMax(r->promptCount, r->responseCount));
        case Column::FirstPrompt: return oneLine(r->firstPrompt);
        case Column::Findings: return r->findingCount ? QLocale().toString(r->findingCount) : QString();
        case Column::ColumnCount: break;
        }
        break;
    case RawRole:
        switch (col) {
        case Column::User: return user;
        case Column::App: return r->appClass;
        case Column::Started: return r->started;
        case Column::Ended: return r->ended;
        case Column::Turns: return qMax(r->promptCount, r->responseCount);
        case Column::FirstPrompt: return r->firstPrompt;
        case Column::Findings: return r->findingCount;
        case Column::ColumnCount: break;
        }
        break;
    case Qt::ToolTipRole:
        switch (col) {
        case Column::User: return r->userPrincipalName;
        case Column::App: return r->appClass;
        case Column::Started: return utcTooltip(r->started);
        case Column::Ended: return utcTooltip(r->ended);
        case Column::Turns: return tr("%1 prompts, %2 responses").arg(r->promptCount).arg(r->responseCount);
        case Column::FirstPrompt: return r->firstPrompt.left(1500);
        case Column::Findings: return tr("Sensitive information and watchlist terms found in this session");
        case Column::ColumnCount: break;
        }
        break;
    case Qt::TextAlignmentRole:
        if (col == Column::Turns || col == Column::Findings)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case HighlightRole:
        return col == Column::FirstPrompt;
    case UserIdRole:
        return r->userId;
    case SessionIdRole:   // the key the conversation view looks the session up by (null ids too)
        return r->sessionKey.isEmpty() ? r->sessionId : r->sessionKey;
    default:
        break;
    }
    return {};
}

QString SessionsModel::columnTitle(int column) const
{
    switch (Column(column)) {
    case Column::User: return tr("User");
    case Column::App: return tr("App");
    case Column::Started: return tr("Started");
    case Column::Ended: return tr("Ended");
    case Column::Turns: return tr("Turns");
    case Column::FirstPrompt: return tr("First prompt");
    case Column::Findings: return tr("Findings");
    case Column::ColumnCount: break;
    }
    return {};
}


} // namespace ledger::gui
