#include "ui/models/LedgerTableView.h"

#include "ui/models/ArchiveTableModel.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QHeaderView>
#include <QKeyEvent>
#include <QMap>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QScrollBar>
#include <QPainter>
#include <QSettings>

namespace ledger::gui {

LedgerTableView::LedgerTableView(const QString &settingsKey, QWidget *parent)
    : QTableView(parent)
    , m_key(settingsKey)
{
    setSortingEnabled(true);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setAlternatingRowColors(true);
    setWordWrap(false);
    setTextElideMode(Qt::ElideRight);
    setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    setShowGrid(false);
    // Tab leaves the table for the next widget (arrow keys move inside it): walking cell by cell
    // would wrap to the next row and silently change the selected user.
    setTabKeyNavigation(false);
    verticalHeader()->hide();
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 10);
    verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    QHeaderView *h = horizontalHeader();
    h->setSectionsMovable(true);
    h->setHighlightSections(false);
    h->setStretchLastSection(false);   // fitColumnsToWidth() shares the room among all columns
    h->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    h->setContextMenuPolicy(Qt::CustomContextMenu);
    h->setSortIndicatorShown(true);
    connect(h, &QHeaderView::customContextMenuRequested, this, &LedgerTableView::showHeaderMenu);
    connect(h, &QHeaderView::sectionMoved, this, [this] { saveLayout(); });
    connect(h, &QHeaderView::sectionResized, this, [this](int logical, int, int newSize) {
        if (m_fitting)
            return;
        m_baseWidths.insert(logical, newSize);   // the user's own width is the new base
        saveLayout();
    });
    connect(h, &QHeaderView::sortIndicatorChanged, this, [this] { saveLayout(); });
    setContextMenuPolicy(Qt::ActionsContextMenu);
    auto *copy = new QAction(tr("&Copy"), this);
    copy->setShortcut(QKeySequence::Copy);
    copy->setShortcutContext(Qt::WidgetShortcut);
    connect(copy, &QAction::triggered, this, [this] { copySelection(); });
    addAction(copy);
}

void LedgerTableView::setModel(QAbstractItemModel *model)
{
    // Sort nothing until the saved layout (or the default) says so: sorting is an SQL query.
    for (const QMetaObject::Connection &c : std::as_const(m_modelConnections))
        disconnect(c);
    m_modelConnections.clear();
    QTableView::setModel(model);
    if (model) {
        // A refresh after a sync moves rows (new ones sorted in): keep the top row in view, unless
        // the view was at the very top, where the newest rows should appear.
        m_modelConnections << connect(model, &QAbstractItemModel::layoutAboutToBeChanged, this, [this] {
            m_anchor = verticalScrollBar()->value() > 0 ? QPersistentModelIndex(indexAt(QPoint(1, 1)))
                                                        : QPersistentModelIndex();
        });
        m_modelConnections << connect(model, &QAbstractItemModel::layoutChanged, this, [this] {
            if (m_anchor.isValid())
                scrollTo(m_anchor, QAbstractItemView::PositionAtTop);
            m_anchor = QPersistentModelIndex();
        });
    }
    restoreLayout();
}

void LedgerTableView::restoreLayout()
{
    QSettings s;
    const QByteArray state = s.value(m_key + QStringLiteral("/header")).toByteArray();
    QHeaderView *h = horizontalHeader();
    const QSignalBlocker block(h);
    if (state.isEmpty() || !h->restoreState(state)) {
        const int em = fontMetrics().horizontalAdvance(QLatin1Char('M'));
        for (int c = 0; model() && c < model()->columnCount(); ++c) {
            const int w = c < m_defaultWidths.size() ? m_defaultWidths.at(c) * em
                                                     : qMax(h->sectionSizeHint(c) + 24, 110);
            h->resizeSection(c, w);
        }
        h->setSortIndicator(m_defaultColumn, m_defaultOrder);
    }
    m_baseWidths.clear();
    const QVariantList base = s.value(m_key + QStringLiteral("/baseWidths")).toList();
    for (int c = 0; model() && c < model()->columnCount(); ++c) {
        const int saved = base.size() == model()->columnCount() ? base.at(c).toInt() : 0;
        m_baseWidths.insert(c, saved > 0 ? saved : h->sectionSize(c));
    }
    fitColumnsToWidth();
    if (model())
        model()->sort(h->sortIndicatorSection(), h->sortIndicatorOrder());
}

void LedgerTableView::fitColumnsToWidth()
{
    QHeaderView *h = horizontalHeader();
    if (!model() || m_baseWidths.isEmpty())
        return;
    QList<int> visible;
    qint64 sum = 0;
    for (int v = 0; v < h->count(); ++v) {
        const int c = h->logicalIndex(v);
        if (h->isSectionHidden(c))
            continue;
        visible << c;
        sum += m_baseWidths.value(c, h->sectionSize(c));
    }
    const int room = viewport()->width();
    if (visible.isEmpty() || sum <= 0)
        return;
    const double factor = room > sum ? double(room) / double(sum) : 1.0;
    m_fitting = true;
    int used = 0;
    for (int i = 0; i < visible.size(); ++i) {
        const int c = visible.at(i);
        int w = int(m_baseWidths.value(c, h->sectionSize(c)) * factor);
        if (i == visible.size() - 1 && factor > 1.0)
            w = qMax(w, room - used);   // the rounding goes to the last column
        h->resizeSection(c, w);
        used += w;
    }
    m_fitting = false;
}

void LedgerTableView::resizeEvent(QResizeEvent *event)
{
    QTableView::resizeEvent(event);
    fitColumnsToWidth();
    updateOverlayGeometry();
}

void LedgerTableView::setEmptyOverlay(QWidget *overlay)
{
    m_overlay = overlay;
    if (overlay) {
        overlay->setParent(viewport());
        overlay->hide();
    }
}

void LedgerTableView::updateOverlayGeometry()
{
    if (!m_overlay)
        return;
    const QRect area = viewport()->rect().adjusted(24, 24, -24, -24);
    const int w = qMin(area.width(), qMax(m_overlay->sizeHint().width(), 320));
    const int hh = m_overlay->hasHeightForWidth() ? m_overlay->heightForWidth(w) : m_overlay->sizeHint().height();
    m_overlay->setGeometry(area.left() + (area.width() - w) / 2, area.top(), w, qMin(hh, area.height()));
    viewport()->update();
}

void LedgerTableView::saveLayout() const
{
    QSettings s;
    s.setValue(m_key + QStringLiteral("/header"), horizontalHeader()->saveState());
    QVariantList base;
    for (int c = 0; model() && c < model()->columnCount(); ++c)
        base << m_baseWidths.value(c, horizontalHeader()->sectionSize(c));
    s.setValue(m_key + QStringLiteral("/baseWidths"), base);
}

void LedgerTableView::showHeaderMenu(const QPoint &pos)
{
    if (!model())
        return;
    QMenu menu(this);
    QHeaderView *h = horizontalHeader();
    int visible = 0;
    for (int c = 0; c < model()->columnCount(); ++c)
        visible += h->isSectionHidden(c) ? 0 : 1;
    for (int c = 0; c < model()->columnCount(); ++c) {
        QAction *a = menu.addAction(model()->headerData(c, Qt::Horizontal).toString());
        a->setCheckable(true);
        a->setChecked(!h->isSectionHidden(c));
        a->setEnabled(h->isSectionHidden(c) || visible > 1);   // never hide the last column
        connect(a, &QAction::toggled, this, [this, c](bool on) {
            horizontalHeader()->setSectionHidden(c, !on);
            fitColumnsToWidth();
            saveLayout();
        });
    }
    menu.addSeparator();
    menu.addAction(tr("Reset columns"), this, [this] {
        QSettings().remove(m_key + QStringLiteral("/header"));
        QSettings().remove(m_key + QStringLiteral("/baseWidths"));
        QHeaderView *hh = horizontalHeader();
        for (int c = 0; c < model()->columnCount(); ++c) {
            hh->setSectionHidden(c, false);
            hh->moveSection(hh->visualIndex(c), c);
        }
        restoreLayout();
    });
    menu.exec(h->mapToGlobal(pos));
}

QString LedgerTableView::selectionAsTsv() const
{
    if (!model() || !selectionModel())
        return {};
    QMap<int, QMap<int, QString>> cells;   // row → visual column → text
    const QHeaderView *h = horizontalHeader();
    for (const QModelIndex &i : selectionModel()->selectedIndexes()) {
        if (h->isSectionHidden(i.column()))
            continue;
        QVariant v = i.data(ArchiveTableModel::RawRole);
        QString text = v.typeId() == QMetaType::QDateTime ? i.data(Qt::DisplayRole).toString()
                                                           : v.toString();
        if (text.isEmpty())
            text = i.data(Qt::DisplayRole).toString();
        text.replace(QLatin1Char('\t'), QLatin1Char(' '));
        text.replace(QLatin1Char('\n'), QLatin1Char(' '));
        text.remove(QLatin1Char('\r'));
        cells[i.row()][h->visualIndex(i.column())] = text;
    }
    QStringList lines;
    for (auto row = cells.cbegin(); row != cells.cend(); ++row)
        lines << QStringList(row->values()).join(QLatin1Char('\t'));
    return lines.join(QLatin1Char('\n'));
}

bool LedgerTableView::copySelection()
{
    if (!selectionModel())
        return false;
    qint64 rows = 0;
    const QItemSelection selection = selectionModel()->selection();
    for (const QItemSelectionRange &r : selection)
        rows += r.height();
    auto *archiveModel = qobject_cast<ArchiveTableModel *>(model());
    if (rows > MaxCopyRows) {
        QMessageBox::information(this, tr("Copy"),
                                 tr("%1 rows are selected; copying is limited to %2 rows. Use Export view to CSV "
                                    "(Ctrl+E) for more.")
                                     .arg(QLocale().toString(rows), QLocale().toString(MaxCopyRows)));
        return false;
    }
    if (archiveModel) {   // rows never scrolled to are read now (bounded above)
        for (const QItemSelectionRange &r : selection)
            archiveModel->loadRowsNow(r.top(), r.bottom(), MaxCopyRows);
    }
    const QString tsv = selectionAsTsv();
    if (!tsv.isEmpty())
        QApplication::clipboard()->setText(tsv);
    return !tsv.isEmpty();
}

void LedgerTableView::setEmptyText(const QString &text)
{
    m_emptyText = text;
    viewport()->update();
}

void LedgerTableView::keyPressEvent(QKeyEvent *event)
{
    if (event->matches(QKeySequence::Copy)) {
        copySelection();
        event->accept();
        return;
    }
    QTableView::keyPressEvent(event);
}

void LedgerTableView::paintEvent(QPaintEvent *event)
{
    QTableView::paintEvent(event);
    if (model() && model()->rowCount() == 0 && !m_emptyText.isEmpty() && !(m_overlay && m_overlay->isVisible())) {
        QPainter p(viewport());
        p.setPen(palette().color(QPalette::Disabled, QPalette::Text));
        p.drawText(viewport()->rect().adjusted(24, 24, -24, -24),
                   Qt::AlignHCenter | Qt::AlignTop | Qt::TextWordWrap, m_emptyText);
    }
}

} // namespace ledger::gui
