#include "ui/models/SessionsModel.h"

#include "app/archive/Archive.h"
#include "ui/common/TimeFormat.h"
#include "ui/review/ReviewText.h"
#include "app/model/AppClass.h"

#include <QLocale>

namespace ledger::gui {

namespace {

using R = ledger::SessionRow;

int turns(const R &r) { return qMax(r.promptCount, r.responseCount); }

// In the order of SessionRow::Column.
std::vector<SessionsModel::ColumnSpec> sessionColumns()
{
    return {
        rowcolumns::user<R>(QT_TRANSLATE_NOOP("ledger::gui::SessionsModel", "User")),
        rowcolumns::app<R>(QT_TRANSLATE_NOOP("ledger::gui::SessionsModel", "App")),
        {QT_TRANSLATE_NOOP("ledger::gui::SessionsModel", "Started"),
         [](const R &r, bool utc) -> QVariant { return displayTime(r.started, utc); },
         [](const R &r) -> QVariant { return r.started; },
         [](const R &r, bool) -> QVariant { return utcTooltip(r.started); }},
        {QT_TRANSLATE_NOOP("ledger::gui::SessionsModel", "Ended"),
         [](const R &r, bool utc) -> QVariant { return displayTime(r.ended, utc); },
         [](const R &r) -> QVariant { return r.ended; },
         [](const R &r, bool) -> QVariant { return utcTooltip(r.ended); }},
        {QT_TRANSLATE_NOOP("ledger::gui::SessionsModel", "Turns"),
         [](const R &r, bool) -> QVariant { return QLocale().toString(turns(r)); },
         [](const R &r) -> QVariant { return turns(r); },
         [](const R &r, bool) -> QVariant {
             return SessionsModel::tr("%1 prompts, %2 responses").arg(r.promptCount).arg(r.responseCount);
         },
         true},
        {QT_TRANSLATE_NOOP("ledger::gui::SessionsModel", "First prompt"),
         [](const R &r, bool) -> QVariant { return SessionsModel::oneLine(r.firstPrompt); },
         [](const R &r) -> QVariant { return r.firstPrompt; },
         [](const R &r, bool) -> QVariant { return r.firstPrompt.left(1500); }, false, true},
        rowcolumns::findings<R>(QT_TRANSLATE_NOOP("ledger::gui::SessionsModel", "Findings"), [](const R &, bool) -> QVariant {
            return SessionsModel::tr("Sensitive information and watchlist terms found in this session");
        }),
        rowcolumns::reviewStatus<R>(QT_TRANSLATE_NOOP("ledger::gui::SessionsModel", "Review")),
        rowcolumns::reviewNote<R>(QT_TRANSLATE_NOOP("ledger::gui::SessionsModel", "Note")),
        rowcolumns::reviewCases<R>(QT_TRANSLATE_NOOP("ledger::gui::SessionsModel", "Cases")),
    };
}

} // namespace

SessionsModel::SessionsModel(QObject *parent)
    : ArchiveRowModel(ledger::ArchiveView::Sessions, &Block::sessions, sessionColumns(), rowcolumns::ownerIds<R>,
                      parent)
{
    Q_ASSERT(columnCount() == int(Column::ColumnCount));
}

} // namespace ledger::gui
