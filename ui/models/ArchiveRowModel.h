#pragma once
// The role switch of the Users, Sessions and Prompts models, once (docs/ARCHITECTURE.md, Modules
// "ui/"). A model lists its columns — title, what a cell shows, what it sorts and copies as,
// its tooltip, alignment and search highlighting — and the ids of a row; data() answers every
// role from that list, the "Loading…" placeholder of rows not read yet included.
#include "app/model/AppClass.h"
#include "ui/models/ArchiveTableModel.h"
#include "ui/review/ReviewText.h"

#include <QCoreApplication>
#include <QLocale>
#include <vector>

namespace ledger::gui {

template <typename Row>
class ArchiveRowModel : public ArchiveTableModel {
public:
    using Text = QVariant (*)(const Row &row, bool utc);   // utc: the view shows UTC times
    struct ColumnSpec {
        const char *title;                 // QT_TRANSLATE_NOOP in the model's class context
        Text display;                      // Qt::DisplayRole
        QVariant (*raw)(const Row &row);   // RawRole: sorting, copying
        Text toolTip = nullptr;            // none: no tooltip
        bool rightAligned = false;         // numbers
        bool highlighted = false;          // HighlightRole: search matches are painted
        Text accessible = nullptr;         // Qt::AccessibleTextRole, when the display needs one
    };
    // UserIdRole, SessionIdRole and FocusIdRole of a row (an invalid QVariant: the model has none).
    using Ids = QVariant (*)(const Row &row, int role);

    const Row *rowAt(int row) const { return rowIn(row, m_list); }

    QVariant data(const QModelIndex &index, int role) const override
    {
        const Row *r = index.isValid() ? rowAt(index.row()) : nullptr;
        if (!r)
            return index.isValid() ? placeholder(index, role) : QVariant();
        if (index.column() < 0 || size_t(index.column()) >= m_table.size())
            return {};
        const ColumnSpec &c = m_table[size_t(index.column())];
        switch (role) {
        case Qt::DisplayRole: return c.display(*r, showUtc());
        case RawRole: return c.raw(*r);
        case Qt::ToolTipRole: return c.toolTip ? c.toolTip(*r, showUtc()) : QVariant();
        case Qt::AccessibleTextRole: return c.accessible ? c.accessible(*r, showUtc()) : QVariant();
        case Qt::TextAlignmentRole:
            return c.rightAligned ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
        case HighlightRole: return c.highlighted;
        case UserIdRole:
        case SessionIdRole:
        case FocusIdRole: return m_ids(*r, role);
        default: return {};
        }
    }

    QString columnTitle(int column) const override
    {
        if (column < 0 || size_t(column) >= m_table.size())
            return {};
        return QCoreApplication::translate(metaObject()->className(), m_table[size_t(column)].title);
    }

protected:
    ArchiveRowModel(ledger::ArchiveView view, QList<Row> Block::*list, std::vector<ColumnSpec> table, Ids ids,
                    QObject *parent)
        : ArchiveTableModel(view, int(table.size()), parent), m_list(list), m_table(std::move(table)), m_ids(ids)
    {
    }

private:
    QList<Row> Block::*m_list;
    std::vector<ColumnSpec> m_table;
    Ids m_ids;
};

// What the Sessions and Prompts tables share: their rows have the same owner fields.
namespace rowcolumns {

template <typename Row>
QString userName(const Row &r)
{
    return r.userDisplayName.isEmpty() ? r.userPrincipalName : r.userDisplayName;
}

// The User and App columns.
template <typename Row>
typename ArchiveRowModel<Row>::ColumnSpec user(const char *title)
{
    return {title, [](const Row &r, bool) -> QVariant { return userName(r); },
            [](const Row &r) -> QVariant { return userName(r); },
            [](const Row &r, bool) -> QVariant { return r.userPrincipalName; }};
}
template <typename Row>
typename ArchiveRowModel<Row>::ColumnSpec app(const char *title)
{
    return {title, [](const Row &r, bool) -> QVariant { return appNameForClass(r.appClass); },
            [](const Row &r) -> QVariant { return r.appClass; },
            [](const Row &r, bool) -> QVariant { return r.appClass; }};
}
// The Findings column: the count (empty when none), right-aligned, with the model's tooltip.
template <typename Row>
typename ArchiveRowModel<Row>::ColumnSpec findings(const char *title, typename ArchiveRowModel<Row>::Text toolTip)
{
    return {title,
            [](const Row &r, bool) -> QVariant { return r.findingCount ? QLocale().toString(r.findingCount) : QString(); },
            [](const Row &r) -> QVariant { return r.findingCount; }, toolTip, true};
}
// The Review, Note and Cases columns (docs/USER-GUIDE.md "Reviewing"): the row's own review
// record; an unreviewed row shows an empty Review cell.
template <typename Row>
typename ArchiveRowModel<Row>::ColumnSpec reviewStatus(const char *title)
{
    return {title,
            [](const Row &r, bool) -> QVariant {
                return r.reviewStatus == QLatin1String("unreviewed") ? QString() : ReviewText::statusName(r.reviewStatus);
            },
            [](const Row &r) -> QVariant { return r.reviewStatus; },
            [](const Row &r, bool) -> QVariant { return ReviewText::statusName(r.reviewStatus); }};
}
template <typename Row>
typename ArchiveRowModel<Row>::ColumnSpec reviewNote(const char *title)
{
    return {title, [](const Row &r, bool) -> QVariant { return ArchiveTableModel::oneLine(r.reviewNote, 200); },
            [](const Row &r) -> QVariant { return r.reviewNote; },
            [](const Row &r, bool) -> QVariant { return r.reviewNote.left(1500); }};
}
template <typename Row>
typename ArchiveRowModel<Row>::ColumnSpec reviewCases(const char *title)
{
    return {title, [](const Row &r, bool) -> QVariant { return ReviewText::casesCell(r.reviewCases); },
            [](const Row &r) -> QVariant { return r.reviewCases.join(QLatin1Char('\n')); },
            [](const Row &r, bool) -> QVariant { return r.reviewCases.join(QLatin1Char('\n')); }};
}
// The owner and the session of a row (the key the conversation view looks a session up by,
// null session ids too).
template <typename Row>
QVariant ownerIds(const Row &r, int role)
{
    if (role == ArchiveTableModel::UserIdRole)
        return r.userId;
    if (role == ArchiveTableModel::SessionIdRole)
        return r.sessionKey.isEmpty() ? r.sessionId : r.sessionKey;
    return {};
}

} // namespace rowcolumns

} // namespace ledger::gui
