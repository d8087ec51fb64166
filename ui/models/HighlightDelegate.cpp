#include "ui/models/HighlightDelegate.h"

#include "ui/models/ArchiveTableModel.h"

#include <QApplication>
#include <QPainter>
#include <algorithm>

namespace ledger::gui {

HighlightDelegate::HighlightDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{
}

void HighlightDelegate::setSearchText(const QString &text)
{
    m_terms.clear();
    m_query = SearchQuery();
    if (!SearchQuery::parse(text.trimmed(), &m_query))
        m_query = SearchQuery();
    for (const QList<SearchTerm> &clause : m_query.clauses())
        for (const SearchTerm &t : clause)
            if (!t.negated)
                m_terms << t.text;
}

void HighlightDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                              const QModelIndex &index) const
{
    if (m_terms.isEmpty() || !index.data(ArchiveTableModel::HighlightRole).toBool()) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString text = opt.text;
    opt.text.clear();
    const QWidget *widget = opt.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    const QRect textRect = style->subElementRect(QStyle::SE_ItemViewItemText, &opt, widget)
                               .adjusted(3, 0, -3, 0);
    const QFontMetrics fm(opt.font);
    const QString shown = fm.elidedText(text, Qt::ElideRight, textRect.width());
    const bool selected = opt.state & QStyle::State_Selected;
    const QPalette::ColorGroup group = (opt.state & QStyle::State_Enabled) ? QPalette::Normal
                                                                            : QPalette::Disabled;

    painter->save();
    painter->setClipRect(textRect);
    QColor mark = selected ? opt.palette.color(group, QPalette::HighlightedText)
                           : opt.palette.color(group, QPalette::Highlight);
    mark.setAlpha(selected ? 70 : 90);
    const int baseX = textRect.left();
    const int y = textRect.top() + (textRect.height() - fm.height()) / 2;
    for (const auto &r : m_query.matchRanges(shown)) {
        const int x1 = baseX + fm.horizontalAdvance(shown.left(r.first));
        const int w = fm.horizontalAdvance(shown.mid(r.first, r.second));
        painter->fillRect(QRect(x1, y, w, fm.height()), mark);
    }
    painter->setPen(opt.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Text));
    painter->setFont(opt.font);
    painter->drawText(textRect, Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine, shown);
    painter->restore();
}

} // namespace ledger::gui
