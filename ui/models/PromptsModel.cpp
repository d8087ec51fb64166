#include "ui/models/PromptsModel.h"

#include "app/archive/Archive.h"
#include "ui/common/TimeFormat.h"
#include "ui/review/ReviewText.h"
#include "app/model/AppClass.h"

namespace ledger::gui {

namespace {

using R = ledger::TurnRow;

// In the order of TurnRow::Column.
std::vector<PromptsModel::ColumnSpec> promptColumns()
{
    return {
        {QT_TRANSLATE_NOOP("ledger::gui::PromptsModel", "Time"),
         [](const R &r, bool utc) -> QVariant { return displayTime(r.time(), utc); },
         [](const R &r) -> QVariant { return r.time(); },
         [](const R &r, bool) -> QVariant { return utcTooltip(r.time()); }},
        rowcolumns::user<R>(QT_TRANSLATE_NOOP("ledger::gui::PromptsModel", "User")),
        rowcolumns::app<R>(QT_TRANSLATE_NOOP("ledger::gui::PromptsModel", "App")),
        {QT_TRANSLATE_NOOP("ledger::gui::PromptsModel", "Prompt"),
         [](const R &r, bool) -> QVariant {
             return r.promptId.isEmpty() ? PromptsModel::tr("(no prompt recorded)") : PromptsModel::oneLine(r.promptText);
         },
         [](const R &r) -> QVariant { return r.promptText; },
         [](const R &r, bool) -> QVariant { return r.promptText.left(1500); }, false, true},
        {QT_TRANSLATE_NOOP("ledger::gui::PromptsModel", "Response"),
         [](const R &r, bool) -> QVariant {
             return r.responseId.isEmpty() ? PromptsModel::tr("(no response)") : PromptsModel::oneLine(r.responseText);
         },
         [](const R &r) -> QVariant { return r.responseText; },
         [](const R &r, bool) -> QVariant { return r.responseText.left(1500); }, false, true},
        rowcolumns::findings<R>(QT_TRANSLATE_NOOP("ledger::gui::PromptsModel", "Findings"), [](const R &, bool) -> QVariant {
            return PromptsModel::tr("Sensitive information and watchlist terms found in this prompt and its response");
        }),
        rowcolumns::reviewStatus<R>(QT_TRANSLATE_NOOP("ledger::gui::PromptsModel", "Review")),
        rowcolumns::reviewNote<R>(QT_TRANSLATE_NOOP("ledger::gui::PromptsModel", "Note")),
        rowcolumns::reviewCases<R>(QT_TRANSLATE_NOOP("ledger::gui::PromptsModel", "Cases")),
    };
}

QVariant promptIds(const R &r, int role)
{
    if (role == ArchiveTableModel::FocusIdRole)   // the interaction a conversation scrolls to
        return r.promptId.isEmpty() ? r.responseId : r.promptId;
    return rowcolumns::ownerIds(r, role);
}

} // namespace

PromptsModel::PromptsModel(QObject *parent)
    : ArchiveRowModel(ledger::ArchiveView::Turns, &Block::turns, promptColumns(), promptIds, parent)
{
    Q_ASSERT(columnCount() == int(Column::ColumnCount));
}

} // namespace ledger::gui
