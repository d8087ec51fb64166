#include "models/PromptsModel.h"

#include "archive/Archive.h"
#include "common/TimeFormat.h"
#include "review/ReviewText.h"
#include "model/AppClass.h"

namespace ledger::gui {

PromptsModel::PromptsModel(QObject *parent)
    : ArchiveTableModel(ledger::ArchiveView::Turns, int(Column::ColumnCount), parent)
{
}

QVariant PromptsModel::data(const QModelIndex &index, int role) const
{
    const TurnRow *r = index.isValid() ? rowAt(index.row()) : nullptr;
    if (!r)
        return index.isValid() ? placeholder(index, role) : QVariant();
    const auto col = Column(index.column());
    const QString user = r->userDisplayName.isEmpty() ? r->userPrincipalName : r->userDisplayName;
    switch (role) {
    case Qt::DisplayRole:
        switch (col) {
        case Column::Time: return displayTime(r->time(), showUtc());
        case Column::User: return user;
        case Column::App: return appNameForClass(r->appClass);
        case Column::Prompt:
            return r->promptId.isEmpty() ? tr("(no prompt recorded)") : oneLine(r->promptText);
        case Column::Response:
            return r->responseId.isEmpty() ? tr("(no response)") : oneLine(r->responseText);
        case Column::Findings: return r->findingCount ? QString::number(r->findingCount) : QString();
        case Column::Review: return r->reviewStatus == QLatin1String("unreviewed") ? QString() : ReviewText::statusName(r->reviewStatus);
        case Column::Note: return oneLine(r->reviewNote, 200);
        case Column::Cases: return ReviewText::casesCell(r->reviewCases);
        case Column::ColumnCount: break;
        }
        break;
    case RawRole:
        switch (col) {
        case Column::Time: return r->time();
        case Column::User: return user;
        case Column::App: return r->appClass;
        case Column::Prompt: return r->promptText;
        case Column::Response: return r->responseText;
        case Column::Findings: return r->findingCount;
        case Column::Review: return r->reviewStatus;
        case Column::Note: return r->reviewNote;
        case Column::Cases: return r->reviewCases.join(QLatin1Char('\n'));
        case Column::ColumnCount: break;
        }
        break;
    case Qt::ToolTipRole:
        switch (col) {
        case Column::Time: return utcTooltip(r->time());
        case Column::User: return r->userPrincipalName;
        case Column::App: return r->appClass;
        case Column::Prompt: return r->promptText.left(1500);
        case Column::Response: return r->responseText.left(1500);
        case Column::Findings: return tr("Sensitive information and watchlist terms found in this prompt and its response");
        case Column::Review: return ReviewText::statusName(r->reviewStatus);
        case Column::Note: return r->reviewNote.left(1500);
        case Column::Cases: return r->reviewCases.join(QLatin1Char('\n'));
        case Column::ColumnCount: break;
        }
        break;
    case Qt::TextAlignmentRole:
        if (col == Column::Findings)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case HighlightRole:
        return col == Column::Prompt || col == Column::Response;
    case UserIdRole:
        return r->userId;
    case SessionIdRole:   // the key the conversation view looks the session up by (null ids too)
        return r->sessionKey.isEmpty() ? r->sessionId : r->sessionKey;
    case FocusIdRole:
        return r->promptId.isEmpty() ? r->responseId : r->promptId;
    default:
        break;
    }
    return {};
}

QString PromptsModel::columnTitle(int column) const
{
    switch (Column(column)) {
    case Column::Time: return tr("Time");
    case Column::User: return tr("User");
    case Column::App: return tr("App");
    case Column::Prompt: return tr("Prompt");
    case Column::Response: return tr("Response");
    case Column::Findings: return tr("Findings");
    case Column::Review: return tr("Review");
    case Column::Note: return tr("Note");
    case Column::Cases: return tr("Cases");
    case Column::ColumnCount: break;
    }
    return {};
}


} // namespace ledger::gui
