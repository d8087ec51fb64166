#pragma once
// Paints cells whose model returns true for HighlightRole with what the full-text filter matches
// marked (prompt and response text while a filter is active): the parsed query's words, phrases
// and prefixes (SearchQuery::matchRanges), never its operators or excluded terms.
#include "app/archive/SearchQuery.h"
#include <QStringList>
#include <QStyledItemDelegate>

namespace ledger::gui {

class HighlightDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    explicit HighlightDelegate(QObject *parent = nullptr);
    // The filter's text (the search language of archive/SearchQuery.h; a text with a syntax
    // error marks nothing).
    void setSearchText(const QString &text);
    // The terms that are marked, as typed (phrases without quotes, prefixes without '*').
    QStringList terms() const { return m_terms; }
    // [start, length) ranges the current query marks in text, merged and sorted.
    QList<QPair<int, int>> ranges(const QString &text) const { return m_query.matchRanges(text); }
    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;

private:
    ledger::SearchQuery m_query;
    QStringList m_terms;
};

} // namespace ledger::gui
