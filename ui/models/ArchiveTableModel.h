#pragma once
// Base of the Users / Sessions / Prompts table models (docs/ARCHITECTURE.md, Threading). Nothing here
// runs SQL on the GUI thread: an ArchiveWorker (its own thread and connection) reads the ordered
// keys of every matching row (so rowCount() is the real total and the scroll bar covers all rows),
// then rows are read in blocks of keys when a view first asks for them; a block not read yet
// shows "Loading…" and is filled in by dataChanged. Only a bounded number of blocks is kept.
// Sorting is done by SQL through SortSpec; the raw value of every cell is on RawRole.
//
// After a sort or filter without text (Mode::Reset), the worker first reads the count and the
// first block of keys through the sort indexes (ArchiveReader::firstRowKeys), so the rows on screen do
// not wait for the ordered keys of the whole result; those follow in a second job, and until they
// are there rows beyond the first block show "Loading…" (keysComplete() is false).
//
// reload() after a sync keeps the rows the views show: the new keys are mapped onto the
// persistent indexes (selection, current row, the top row a view anchors to) by layoutChanged.
#include "app/archive/ArchiveTypes.h"
#include <QAbstractTableModel>
#include <QHash>
#include <QSet>
#include <atomic>
#include <memory>
#include <vector>

namespace ledger {
class Archive;
class ArchiveWorker;
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

    ArchiveTableModel(ledger::ArchiveView view, int columns, QObject *parent = nullptr);
    ~ArchiveTableModel() override;

    // The archive is read by its path() through a connection of the model's own (in a worker
    // thread); `archive` itself is only used for bounded reads the user asks for (loadRowsNow).
    void setArchive(ledger::Archive *archive);
    ledger::Archive *archive() const { return m_archive; }
    void setFilter(const ledger::ArchiveFilter &filter);
    // One query; none (false) when neither the archive nor the filter as this model applies it
    // changed and rows are shown (a user scope chosen in the Users tab doesn't reload it).
    bool setSource(ledger::Archive *archive, const ledger::ArchiveFilter &filter);
    const ledger::ArchiveFilter &filter() const { return m_filter; }
    void setBlockSize(int rows) { m_blockSize = qMax(1, rows); }
    int blockSize() const { return m_blockSize; }
    void setPageSize(int rows) { setBlockSize(rows); }
    // The archive's content changed (a sync stored more): re-read, keeping the rows views show.
    void reload();

    void setShowUtc(bool on);
    bool showUtc() const { return m_showUtc; }

    bool isLoading() const { return m_loading; }          // a query is running (counts may be stale)
    bool keysComplete() const { return m_keysComplete; }  // every row's key is known (see above)
    qint64 totalMatching() const { return m_keys.size(); }   // rows that match the filter
    qint64 totalUnfiltered() const { return m_unfiltered; }   // rows with no filter at all
    SortSpec sortSpec() const { return m_sort; }
    bool isRowLoaded(int row) const;
    // Workers still finishing a query that a newer one superseded (they go when it ends).
    int supersededQueries() const { return int(m_abandoned.size()); }
    // Reads the rows [first, last] now, on the calling thread, if they are not loaded yet (for an
    // action the user asked for, such as copying a selection). At most maxRows; false if more.
    bool loadRowsNow(int first, int last, int maxRows = 20000);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    virtual QString columnTitle(int column) const = 0;
    void sort(int column, Qt::SortOrder order) override;
    // One-line text for a cell: newlines folded, long text cut (the tooltip has more).
    static QString oneLine(const QString &text, int maxChars = 400);

signals:
    void countsChanged();
    void loaded();                       // the current query's rows are known (rowCount is final)
    void rowsLoaded(int first, int last);   // rows read in, dataChanged was emitted for them

protected:
    // What a cell shows while its row is being read.
    QVariant placeholder(const QModelIndex &index, int role) const;
    // The filter as this model applies it (the Users model ignores the user scope).
    virtual ledger::ArchiveFilter effectiveFilter() const { return m_filter; }

    // The rows of one block: only the list of this model's view is used.
    struct Block {
        QList<ledger::UserRow> users;
        QList<ledger::SessionRow> sessions;
        QList<ledger::TurnRow> turns;
    };
    // The block holding `row` (asks the worker for it when it is not here yet) and the row's
    // position in it; nullptr while it is being read.
    const Block *blockFor(int row, int *offset) const;
    template <typename Row>
    const Row *rowIn(int row, QList<Row> Block::*list) const
    {
        int offset = 0;
        const Block *b = blockFor(row, &offset);
        return b ? &(b->*list).at(offset) : nullptr;
    }

private:
    enum class Mode { Reset, Refresh };
    struct Query;
    void startQuery(Mode mode);
    void applyKeys(Mode mode, QList<qint64> keys, qint64 unfiltered, Block first);
    void applyAllKeys(QList<qint64> keys);
    void requestBlock(int block) const;
    void storeBlock(int block, Block rows) const;
    static Block readBlock(const ledger::Archive *archive, ledger::ArchiveView view,
                           const ledger::ArchiveFilter &filter, const QList<qint64> &keys);

    ledger::ArchiveView m_view;
    int m_columns;
    ledger::Archive *m_archive = nullptr;
    ledger::ArchiveFilter m_filter;
    SortSpec m_sort;
    QList<qint64> m_keys;
    qint64 m_unfiltered = 0;
    bool m_unfilteredKnown = false;
    int m_blockSize = 100;
    int m_maxBlocks = 64;
    bool m_showUtc = false;
    bool m_loading = false;
    bool m_keysComplete = true;
    quint64 m_lastKeyQuery = 0;                            // serial of the latest key query
    quint64 m_serial = 0;                                  // this model's query number
    std::shared_ptr<std::atomic<quint64>> m_current;      // read by jobs to drop stale work
    std::shared_ptr<std::atomic<quint64>> m_keyQuery;     // read by key jobs: the latest key query
    std::shared_ptr<std::atomic<int>> m_wantedBlock;      // the block the view asked for last
    mutable QHash<int, Block> m_blocks;
    mutable QSet<int> m_pending;
    int m_keyQueries = 0;                                  // key queries posted to m_worker, not answered yet
    std::vector<std::unique_ptr<ledger::ArchiveWorker>> m_abandoned;   // finishing superseded queries
    std::unique_ptr<ledger::ArchiveWorker> m_worker;      // last: dies (and joins) first
};

} // namespace ledger::gui
