#include "ui/models/ArchiveTableModel.h"

#include "app/archive/Archive.h"
#include "app/archive/ArchiveWorker.h"

#include <cstdlib>
#include <optional>

namespace ledger::gui {

namespace {

// Blocks asked for while the view was elsewhere (a fast scroll) are skipped by the worker when
// the view has moved more than this many blocks away since; the view asks again if it returns.
constexpr int kSkipDistance = 4;
// At most this many superseded queries run on in the background at a time.
constexpr size_t kMaxSuperseded = 2;

int rowsIn(ArchiveView view, const QList<UserRow> &u, const QList<SessionRow> &s, const QList<TurnRow> &t)
{
    switch (view) {
    case ArchiveView::Users: return int(u.size());
    case ArchiveView::Sessions: return int(s.size());
    case ArchiveView::Turns: return int(t.size());
    }
    return 0;
}

qint64 countAll(const Archive *archive, ArchiveView view, const ArchiveFilter &filter = {})
{
    switch (view) {
    case ArchiveView::Users: return archive->reader().countUsers(filter);
    case ArchiveView::Sessions: return archive->reader().countSessions(filter);
    case ArchiveView::Turns: return archive->reader().countTurns(filter);
    }
    return 0;
}

} // namespace

struct ArchiveTableModel::Query {
    quint64 serial = 0;
    bool stale = false;
    QList<qint64> keys;
    qint64 unfiltered = -1;
    Block first;
    qint64 count = -1;   // >= 0: keys are only the first block of `count` rows (the rest follows)
};

ArchiveTableModel::ArchiveTableModel(ArchiveView view, int columns, QObject *parent)
    : QAbstractTableModel(parent)
    , m_view(view)
    , m_columns(columns)
    , m_current(std::make_shared<std::atomic<quint64>>(0))
    , m_keyQuery(std::make_shared<std::atomic<quint64>>(0))
    , m_wantedBlock(std::make_shared<std::atomic<int>>(0))
    , m_worker(std::make_unique<ArchiveWorker>())
{
}

ArchiveTableModel::~ArchiveTableModel()
{
    m_current->store(~quint64(0));   // a running key query stops at its next poll
    m_keyQuery->store(~quint64(0));
    m_worker.reset();
    m_abandoned.clear();
}

void ArchiveTableModel::setArchive(ledger::Archive *archive)
{
    setSource(archive, m_filter);
}

void ArchiveTableModel::setFilter(const ledger::ArchiveFilter &filter)
{
    m_filter = filter;
    startQuery(Mode::Reset);
}

bool ArchiveTableModel::setSource(ledger::Archive *archive, const ledger::ArchiveFilter &filter)
{
    const QString path = archive && archive->isOpen() ? archive->path() : QString();
    const bool sameArchive = archive == m_archive && path == m_worker->path();
    const ArchiveFilter before = effectiveFilter();
    m_filter = filter;
    if (sameArchive && before == effectiveFilter() && (m_loading || !m_keys.isEmpty()))
        return false;
    if (!sameArchive) {
        m_archive = archive;
        m_worker->setPath(path);
        m_unfilteredKnown = false;
    }
    startQuery(Mode::Reset);
    return true;
}

void ArchiveTableModel::reload()
{
    m_unfilteredKnown = false;
    startQuery(Mode::Refresh);
}

void ArchiveTableModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= columnCount())
        return;
    if (m_sort.column == column && m_sort.order == order && (m_loading || !m_keys.isEmpty()))
        return;
    m_sort.column = column;
    m_sort.order = order;
    startQuery(Mode::Reset);
}

void ArchiveTableModel::startQuery(Mode mode)
{
    const quint64 serial = ++m_serial;
    m_current->store(serial);
    m_keyQuery->store(serial);
    m_lastKeyQuery = serial;
    m_loading = true;
    if (m_worker->path().isEmpty()) {
        applyKeys(mode, {}, 0, {});
        return;
    }
    emit countsChanged();
    if (m_keyQueries > 0 && m_abandoned.size() < kMaxSuperseded) {
        // The running query (a sort by a text column of a million rows takes seconds) can't be
        // interrupted: leave it to a worker of its own and start this one on a fresh connection.
        // (Beyond kMaxSuperseded, the new query waits for the running one: 2 cores.)
        auto fresh = std::make_unique<ArchiveWorker>();
        fresh->setPath(m_worker->path());
        m_abandoned.push_back(std::move(m_worker));
        m_worker = std::move(fresh);
        m_keyQueries = 0;
    }
    ++m_keyQueries;
    ArchiveWorker *worker = m_worker.get();
    const ArchiveView view = m_view;
    const ArchiveFilter filter = effectiveFilter();
    const SortSpec sort = m_sort;
    const bool needUnfiltered = !m_unfilteredKnown;
    const int firstRows = m_blockSize;
    const std::shared_ptr<std::atomic<quint64>> current = m_keyQuery;
    // A new sort or filter without text: the first block through the sort indexes first (the
    // full-text condition would be evaluated twice, so a text filter reads all keys at once).
    const bool firstBlockFirst = mode == Mode::Reset && view != ArchiveView::Users && filter.text.trimmed().isEmpty();
    m_worker->run(
        [=](const Archive *archive) {
            Query q;
            q.serial = serial;
            auto cancelled = [current, serial] { return current->load() != serial; };
            if (firstBlockFirst && !cancelled() && archive) {
                q.keys = archive->reader().firstRowKeys(view, filter, sort, firstRows);
                q.count = q.keys.size() < firstRows ? q.keys.size() : countAll(archive, view, filter);
                if (needUnfiltered)
                    q.unfiltered = filter.isEmpty() ? q.count : countAll(archive, view);
                q.first = readBlock(archive, view, filter, q.keys);
                return q;
            }
            if (cancelled()) {
                q.stale = true;
                return q;
            }
            if (!archive)
                return q;   // no archive (or it could not be opened): an empty table
            if (view == ArchiveView::Users) {
                // One query gives the keys and the rows (the users' counts cost the most).
                q.first.users = archive->reader().users(filter, sort, 0, -1, &q.keys);
                if (q.first.users.size() > firstRows)
                    q.first.users.resize(firstRows);
            } else {
                q.keys = archive->reader().rowKeys(view, filter, sort, cancelled);
            }
            if (cancelled()) {
                q.stale = true;
                return q;
            }
            if (needUnfiltered)
                q.unfiltered = filter.isEmpty() ? q.keys.size() : countAll(archive, view);
            if (view != ArchiveView::Users)
                q.first = readBlock(archive, view, filter, q.keys.mid(0, firstRows));
            return q;
        },
        [this, mode, worker, serial, current, view, filter, sort](Query q) {
            if (worker == m_worker.get()) {
                --m_keyQueries;
            } else {   // an abandoned worker finished its query: let it go
                for (auto it = m_abandoned.begin(); it != m_abandoned.end(); ++it) {
                    if (it->get() == worker) {
                        it->release()->deleteLater();   // we are inside its callback
                        m_abandoned.erase(it);
                        break;
                    }
                }
            }
            if (q.stale || q.serial != m_serial)
                return;
            if (q.count < 0) {
                applyKeys(mode, std::move(q.keys), q.unfiltered, std::move(q.first));
                return;
            }
            const bool complete = q.keys.size() >= q.count;
            QList<qint64> keys = std::move(q.keys);
            keys.resize(qMax<qsizetype>(keys.size(), q.count), -1);   // -1: not known yet
            applyKeys(mode, std::move(keys), q.unfiltered, std::move(q.first));
            m_keysComplete = complete;
            if (complete)
                return;
            // The ordered keys of every row, on the same worker (after this job).
            ++m_keyQueries;
            ArchiveWorker *w = m_worker.get();
            m_worker->run(
                [=](const Archive *archive) {
                    QList<qint64> all;
                    auto cancelled = [current, serial] { return current->load() != serial; };
                    if (archive && !cancelled())
                        all = archive->reader().rowKeys(view, filter, sort, cancelled);
                    return cancelled() ? std::optional<QList<qint64>>() : std::optional<QList<qint64>>(std::move(all));
                },
                [this, w, serial](std::optional<QList<qint64>> all) {
                    if (w == m_worker.get()) {
                        --m_keyQueries;
                    } else {
                        for (auto it = m_abandoned.begin(); it != m_abandoned.end(); ++it) {
                            if (it->get() == w) {
                                it->release()->deleteLater();
                                m_abandoned.erase(it);
                                break;
                            }
                        }
                    }
                    if (all && serial == m_lastKeyQuery && !m_keysComplete)
                        applyAllKeys(std::move(*all));
                });
        });
}

void ArchiveTableModel::applyAllKeys(QList<qint64> keys)
{
    bool same = keys.size() == m_keys.size();
    for (qsizetype i = 0; same && i < keys.size(); ++i)
        same = m_keys.at(i) < 0 || m_keys.at(i) == keys.at(i);
    if (!same) {
        // The archive changed in between (a sync stored more): as a refresh, keeping the rows shown.
        applyKeys(Mode::Refresh, std::move(keys), -1, {});
        return;
    }
    m_keys = std::move(keys);
    m_keysComplete = true;
    m_pending.clear();
    if (!m_keys.isEmpty())   // rows beyond the first block can be read now: views ask again
        emit dataChanged(index(0, 0), index(int(m_keys.size()) - 1, columnCount() - 1));
    // The block asked for while its keys were missing (requestBlock) is read now even when no
    // view repaints: e.g. the conversation pane waiting for the current row of a hidden table.
    const int wanted = m_wantedBlock->load();
    if (wanted >= 0 && qsizetype(wanted) * m_blockSize < m_keys.size() && !m_blocks.contains(wanted))
        requestBlock(wanted);
}

void ArchiveTableModel::applyKeys(Mode mode, QList<qint64> keys, qint64 unfiltered, Block first)
{
    m_loading = false;
    m_keysComplete = true;
    if (unfiltered >= 0) {
        m_unfiltered = unfiltered;
        m_unfilteredKnown = true;
    } else if (!m_unfilteredKnown) {
        m_unfiltered = 0;
    }
    ++m_serial;   // block reads asked for under the old keys are dropped when they arrive
    m_current->store(m_serial);
    m_pending.clear();
    const bool hasFirst = rowsIn(m_view, first.users, first.sessions, first.turns) > 0;

    if (mode == Mode::Reset || m_keys.isEmpty() || keys.isEmpty()) {
        beginResetModel();
        m_keys = std::move(keys);
        m_blocks.clear();
        if (hasFirst)
            m_blocks.insert(0, std::move(first));
        endResetModel();
    } else {
        // Refresh: rows keep their identity (key) for the selection, the current row and the
        // views' scroll anchors; new rows are appended first, vanished ones removed last.
        const int oldCount = int(m_keys.size());
        const int newCount = int(keys.size());
        if (newCount > oldCount) {
            beginInsertRows({}, oldCount, newCount - 1);
            m_keys.resize(newCount, -1);
            endInsertRows();
        }
        emit layoutAboutToBeChanged({}, QAbstractItemModel::NoLayoutChangeHint);
        const QModelIndexList from = persistentIndexList();
        QHash<qint64, int> rowOfKey;
        for (const QModelIndex &i : from) {
            const qint64 key = m_keys.value(i.row(), -1);
            if (key >= 0)
                rowOfKey.insert(key, -1);
        }
        qsizetype found = 0;
        for (int r = 0; r < newCount && found < rowOfKey.size(); ++r) {
            auto it = rowOfKey.find(keys.at(r));
            if (it != rowOfKey.end() && *it < 0) {
                *it = r;
                ++found;
            }
        }
        QModelIndexList to;
        to.reserve(from.size());
        for (const QModelIndex &i : from) {
            const int row = rowOfKey.value(m_keys.value(i.row(), -1), -1);
            to << (row >= 0 ? index(row, i.column()) : QModelIndex());
        }
        const int keep = qMax(oldCount, newCount);
        m_keys = std::move(keys);
        m_keys.resize(keep, -1);
        m_blocks.clear();
        if (hasFirst)
            m_blocks.insert(0, std::move(first));
        changePersistentIndexList(from, to);
        emit layoutChanged({}, QAbstractItemModel::NoLayoutChangeHint);
        if (newCount < oldCount) {
            beginRemoveRows({}, newCount, oldCount - 1);
            m_keys.resize(newCount);
            endRemoveRows();
        }
    }
    emit countsChanged();
    emit loaded();
}

ArchiveTableModel::Block ArchiveTableModel::readBlock(const Archive *archive, ArchiveView view,
                                                      const ArchiveFilter &filter, const QList<qint64> &keys)
{
    Block b;
    if (!archive || keys.isEmpty())
        return b;
    switch (view) {
    case ArchiveView::Users: b.users = archive->reader().usersByKeys(filter, keys); break;
    case ArchiveView::Sessions: b.sessions = archive->reader().sessionsByKeys(keys); break;
    case ArchiveView::Turns: b.turns = archive->reader().turnsByKeys(keys); break;
    }
    return b;
}

const ArchiveTableModel::Block *ArchiveTableModel::blockFor(int row, int *offset) const
{
    if (row < 0 || row >= m_keys.size())
        return nullptr;
    const int b = row / m_blockSize;
    const auto it = m_blocks.constFind(b);
    if (it == m_blocks.cend()) {
        requestBlock(b);
        return nullptr;
    }
    *offset = row - b * m_blockSize;
    return *offset < rowsIn(m_view, it->users, it->sessions, it->turns) ? &*it : nullptr;
}

bool ArchiveTableModel::isRowLoaded(int row) const
{
    if (row < 0 || row >= m_keys.size())
        return false;
    const auto it = m_blocks.constFind(row / m_blockSize);
    return it != m_blocks.cend() && row % m_blockSize < rowsIn(m_view, it->users, it->sessions, it->turns);
}

void ArchiveTableModel::requestBlock(int block) const
{
    m_wantedBlock->store(block);
    if (m_pending.contains(block))
        return;
    const QList<qint64> keys = m_keys.mid(qsizetype(block) * m_blockSize, m_blockSize);
    if (!m_keysComplete && keys.contains(-1))
        return;   // asked again when the keys are there (applyAllKeys)
    m_pending.insert(block);
    const quint64 serial = m_serial;
    const ArchiveView view = m_view;
    const ArchiveFilter filter = effectiveFilter();
    const std::shared_ptr<std::atomic<quint64>> current = m_current;
    const std::shared_ptr<std::atomic<int>> wanted = m_wantedBlock;
    auto *self = const_cast<ArchiveTableModel *>(this);
    m_worker->run(
        [=](const Archive *archive) -> std::optional<Block> {
            if (current->load() != serial || std::abs(wanted->load() - block) > kSkipDistance)
                return std::nullopt;   // stale or scrolled past: the view asks again if needed
            return readBlock(archive, view, filter, keys);
        },
        [self, serial, block](std::optional<Block> rows) {
            if (serial != self->m_serial)
                return;
            self->m_pending.remove(block);
            if (rows)
                self->storeBlock(block, std::move(*rows));
        });
}

void ArchiveTableModel::storeBlock(int block, Block rows) const
{
    const int n = rowsIn(m_view, rows.users, rows.sessions, rows.turns);
    m_blocks.insert(block, std::move(rows));
    while (m_blocks.size() > m_maxBlocks) {   // drop the block farthest from this one
        int farthest = block;
        for (auto it = m_blocks.cbegin(); it != m_blocks.cend(); ++it)
            if (std::abs(it.key() - block) > std::abs(farthest - block))
                farthest = it.key();
        if (farthest == block)
            break;
        m_blocks.remove(farthest);
    }
    if (n <= 0)
        return;
    auto *self = const_cast<ArchiveTableModel *>(this);
    const int first = block * m_blockSize;
    const int last = qMin(first + n, int(m_keys.size())) - 1;
    emit self->dataChanged(index(first, 0), index(last, columnCount() - 1));
    emit self->rowsLoaded(first, last);
}

bool ArchiveTableModel::loadRowsNow(int first, int last, int maxRows)
{
    first = qMax(0, first);
    last = qMin(last, int(m_keys.size()) - 1);
    if (last < first)
        return true;
    if (last - first + 1 > maxRows || !m_archive || !m_archive->isOpen())
        return false;
    if (!m_keysComplete && m_keys.mid(first, last - first + 1).contains(-1)) {
        // The worker is still reading the keys: the first last + 1 of them now, in the same order.
        const QList<qint64> keys = m_archive->reader().firstRowKeys(m_view, effectiveFilter(), m_sort, last + 1);
        if (keys.size() != last + 1)
            return false;
        for (int r = first; r <= last; ++r)
            m_keys[r] = keys.at(r);
    }
    const int firstBlock = first / m_blockSize, lastBlock = last / m_blockSize;
    m_maxBlocks = qMax(m_maxBlocks, lastBlock - firstBlock + 1 + 8);
    for (int b = firstBlock; b <= lastBlock; ++b) {
        if (isRowLoaded(qMin(int(m_keys.size()) - 1, b * m_blockSize)))
            continue;
        storeBlock(b, readBlock(m_archive, m_view, effectiveFilter(),
                                m_keys.mid(qsizetype(b) * m_blockSize, m_blockSize)));
        m_pending.remove(b);
    }
    return true;
}

int ArchiveTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_keys.size());
}

int ArchiveTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_columns;
}

QVariant ArchiveTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::DisplayRole && section >= 0 && section < m_columns)
        return columnTitle(section);
    return QAbstractTableModel::headerData(section, orientation, role);
}

QVariant ArchiveTableModel::placeholder(const QModelIndex &index, int role) const
{
    if (role == Qt::DisplayRole && index.column() == 0)
        return tr("Loading…");
    return {};
}

void ArchiveTableModel::setShowUtc(bool on)
{
    if (m_showUtc == on)
        return;
    m_showUtc = on;
    if (rowCount() > 0)
        emit dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
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

} // namespace ledger::gui
