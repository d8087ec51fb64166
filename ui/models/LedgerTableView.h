#pragma once
// The table used by the Users / Sessions / Prompts tabs: SQL-sorted columns, movable and
// hidable columns (header context menu), remembered layout, Ctrl+C copies the selection as TSV.
#include <QHash>
#include <QPersistentModelIndex>
#include <QTableView>

namespace ledger::gui {

class LedgerTableView : public QTableView {
    Q_OBJECT
public:
    // settingsKey: where the header layout is remembered, e.g. "tables/prompts".
    explicit LedgerTableView(const QString &settingsKey, QWidget *parent = nullptr);

    // The sort used when no layout was saved yet (call before setModel).
    void setDefaultSort(int column, Qt::SortOrder order) { m_defaultColumn = column; m_defaultOrder = order; }
    void setDefaultWidths(const QList<int> &widths) { m_defaultWidths = widths; }   // in "M" widths
    void setModel(QAbstractItemModel *model) override;
    void restoreLayout();
    void saveLayout() const;
    // Selected cells as tab-separated text (whole rows when rows are selected), raw text values.
    // Rows not read yet are read first; at most MaxCopyRows rows (more: use Export view to CSV).
    QString selectionAsTsv() const;
    bool copySelection();   // false (and a message) when the selection is too big
    static constexpr int MaxCopyRows = 20000;
    void setEmptyText(const QString &text);
    QString emptyText() const { return m_emptyText; }
    // A widget shown over the empty table instead of the empty text (e.g. the active filters with
    // a clear button each); the view places it, the owner shows and hides it.
    void setEmptyOverlay(QWidget *overlay);
    void updateOverlayGeometry();
    // Columns keep their proportions and grow to fill a wide window (never below their widths).
    void fitColumnsToWidth();

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void showHeaderMenu(const QPoint &pos);
    QPersistentModelIndex m_anchor;   // top row while the model re-sorts its rows (a refresh)
    QList<QMetaObject::Connection> m_modelConnections;
    QString m_key;
    QString m_emptyText;
    QWidget *m_overlay = nullptr;
    QHash<int, int> m_baseWidths;   // column widths before fitColumnsToWidth() widened them
    bool m_fitting = false;
    QList<int> m_defaultWidths;
    int m_defaultColumn = 0;
    Qt::SortOrder m_defaultOrder = Qt::AscendingOrder;
};

} // namespace ledger::gui
