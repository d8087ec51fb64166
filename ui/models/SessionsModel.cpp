#include "models/SessionsModel.h"

#include "archive/Archive.h"
#include "common/TimeFormat.h"
#include "review/ReviewText.h"
#include "model/AppClass.h"

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
        case Column::Review: return r->reviewStatus == QLatin1String("unreviewed") ? QString() : ReviewText::statusName(r->reviewStatus);
        case Column::Note: return oneLine(r->reviewNote, 200);
        case Column::Cases: return ReviewText::casesCell(r->reviewCases);
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
        case Column::Review: return r->reviewStatus;
        case Column::Note: return r->reviewNote;
        case Column::Cases: return r->reviewCases.join(QLatin1Char('\n'));
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
        case Column::Review: return ReviewText::statusName(r->reviewStatus);
        case Column::Note: return r->reviewNote.left(1500);
        case Column::Cases: return r->reviewCases.join(QLatin1Char('\n'));
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
    case Column::Review: return tr("Review");
    case Column::Note: return tr("Note");
    case Column::Cases: return tr("Cases");
    case Column::ColumnCount: break;
    }
    return {};
}


} // namespace ledger::gui
