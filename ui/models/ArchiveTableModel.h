#pragma once
// Base of the Users / Sessions / Prompts table models (DESIGN §5): rows come from the Archive's
// query API in pages (canFetchMore / fetchMore), sorting is done by SQL through SortSpec, the raw
// value of every cell is on Qt::UserRole for sorting and copying, never all rows in memory.
#include "archive/ArchiveTypes.h"
#include <QAbstractTableModel>

namespace ledger {
class Archive;
}

namespace ledger::gui {

class ArchiveTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    static constexpr int RawRole = Qt::UserRole;          // raw value (sorting, copying)
    static constexpr int UserIdRole = Qt::UserRole + 1;   // owner of the row
    static constexpr int SessionIdRole = Qt::UserRole + 2;
    static constexpr int FocusIdRole = Qt::UserRole + 3;  // interaction id to focus in a conversation
    static constexpr int HighlightRole = Qt::UserRole + 4;   // cell text gets search highlights

    explicit ArchiveTableModel(QObject *parent = nullptr);

    void setArchive(ledger::Archive *archive);
    ledger::Archive *archive() const { return m_archive; }
    void setFilter(const ledger::ArchiveFilter &filter);
    void setSource(ledger::Archive *archive, const ledger::ArchiveFilter &filter);   // one reload
    const ledger::ArchiveFilter &filter() const { return m_filter; }
    void setPageSize(int rows) { m_pageSize = rows; }
    // Re-reads counts and the first page (after a sync, a filter change, …).
    void reload();

    void setShowUtc(bool on);
    bool showUtc() const { return m_showUtc; }

    qint64 totalMatching() const { return m_total; }      // rows that match the filter
    qint64 totalUnfiltered() const { return m_unfiltered; }   // rows with no filter at all
    SortSpec sortSpec() const { return m_sort; }

    int rowCount(const QModelIndex &parent = {}) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    void sort(int column, Qt::SortOrder order) override;

signals:
    void countsChanged();

protected:
    // One-line text for a cell: newlines folded, long text cut (the tooltip has more).
    static QString oneLine(const QString &text, int maxChars = 400);
    // Subclasses: count with a filter; read one page into a pending buffer (returns its size);
    // append the pending buffer to the rows; drop all rows; the number of rows held.
    virtual qint64 countRows(const ledger::ArchiveFilter &f) const = 0;
    virtual int readPage(const ledger::ArchiveFilter &f, SortSpec sort, int offset, int limit) = 0;
    virtual void commitPage() = 0;
    virtual void clearRows() = 0;
    virtual int loadedRows() const = 0;
    // The filter as this model applies it (the Users model ignores the user scope).
    virtual ledger::ArchiveFilter effectiveFilter() const { return m_filter; }

private:
    ledger::Archive *m_archive = nullptr;
    ledger::ArchiveFilter m_filter;
    SortSpec m_sort;
    qint64 m_total = 0;
    qint64 m_unfiltered = 0;
    int m_pageSize = 200;
    bool m_showUtc = false;
    bool m_resetting = false;   // no paging while a reset or an insert is being announced
};

} // namespace ledger::gui
