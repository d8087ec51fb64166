#pragma once
// Paints cells whose model returns true for HighlightRole with every match of the search terms
// marked (prompt and response text while a full-text filter is active).
#include <QStringList>
#include <QStyledItemDelegate>

namespace ledger::gui {

class HighlightDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    explicit HighlightDelegate(QObject *parent = nullptr);
    // Words of the free-text filter (quotes and FTS operators removed).
    void setSearchText(const QString &text);
    QStringList terms() const { return m_terms; }
    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;

    // [start, length) ranges of every term in text, merged and sorted (for tests, too).
    static QList<QPair<int, int>> matchRanges(const QString &text, const QStringList &terms);

private:
    QStringList m_terms;
};

} // namespace ledger::gui
