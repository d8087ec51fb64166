#include "models/ArchiveTableModel.h"

#include "archive/Archive.h"

namespace ledger::gui {

ArchiveTableModel::ArchiveTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void ArchiveTableModel::setArchive(ledger::Archive *archive)
{
    m_archive = archive;
    reload();
}

void ArchiveTableModel::setFilter(const ledger::ArchiveFilter &filter)
{
    m_filter = filter;
    reload();
}

void ArchiveTableModel::setSource(ledger::Archive *archive, const ledger::ArchiveFilter &filter)
{
    m_archive = archive;
    m_filter = filter;
    reload();
}

void ArchiveTableModel::reload()
{
    m_resetting = true;
    beginResetModel();
    clearRows();
    m_total = 0;
    m_unfiltered = 0;
    if (m_archive && m_archive->isOpen()) {
        const ArchiveFilter f = effectiveFilter();
        m_total = countRows(f);
        m_unfiltered = f.isEmpty() ? m_total : countRows(ArchiveFilter{});
        if (m_total > 0) {
            readPage(f, m_sort, 0, int(qMin<qint64>(m_pageSize, m_total)));
            commitPage();
        }
    }
    endResetModel();
    m_resetting = false;
    emit countsChanged();
}

int ArchiveTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : loadedRows();
}

bool ArchiveTableModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_resetting && m_archive && loadedRows() < m_total;
}

void ArchiveTableModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    const int offset = loadedRows();
    const int n = int(qMin<qint64>(m_pageSize, m_total - offset));
    if (n <= 0)
        return;
    // The page is read first so beginInsertRows announces exactly what arrives.
    const int got = readPage(effectiveFilter(), m_sort, offset, n);
    if (got < n)
        m_total = offset + got;   // fewer rows than counted (archive changed): stop paging here
    if (got <= 0)
        return;
    m_resetting = true;   // views and testers may ask for more from inside endInsertRows()
    beginInsertRows({}, offset, offset + got - 1);
    commitPage();
    endInsertRows();
    m_resetting = false;
}

void ArchiveTableModel::setShowUtc(bool on)
{
    if (m_showUtc == on)
        return;
    m_showUtc = on;
    if (loadedRows() > 0)
        emit dataChanged(index(0, 0), index(loadedRows() - 1, columnCount() - 1));
}

QString ArchiveTableModel::oneLine(const QString &text, int maxChars)
{
    QString s = text.left(maxChars + 1);
    for (QChar &c : s) {
        if (c == QLatin1Char('\n') || c == QLatin1Char('\r') || c == QLatin1Char('\t'))
            c = QLatin1Char(' ');
    }
    s = s.simplified();
    if (s.size() > maxChars || text.size() > maxChars + 1)
        s = s.left(maxChars) + QChar(0x2026);
    return s;
}

void ArchiveTableModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= columnCount())
        return;
    if (m_sort.column == column && m_sort.order == order && loadedRows() > 0)
        return;
    m_sort.column = column;
    m_sort.order = order;
    reload();
}

} // namespace ledger::gui
