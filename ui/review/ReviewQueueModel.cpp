#include "ui/review/ReviewQueueModel.h"

#include "ui/common/TimeFormat.h"
#include "app/model/AppClass.h"
#include "ui/review/ReviewText.h"

#include <QFont>
#include <QGuiApplication>
#include <QPalette>

namespace ledger::gui {

ReviewQueueModel::ReviewQueueModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void ReviewQueueModel::setQueue(const ledger::ReviewQueue &queue)
{
    beginResetModel();
    m_queue = queue;
    endResetModel();
    emit countsChanged();
}

const ledger::ReviewQueueItem *ReviewQueueModel::item(int row) const
{
    return row >= 0 && row < m_queue.items.size() ? &m_queue.items.at(row) : nullptr;
}

int ReviewQueueModel::rowOf(const QString &refKey) const
{
    for (int r = 0; r < m_queue.items.size(); ++r)
        if (m_queue.items.at(r).ref.key() == refKey)
            return r;
    return -1;
}

void ReviewQueueModel::setShowUtc(bool on)
{
    if (on == m_showUtc)
        return;
    m_showUtc = on;
    if (!m_queue.items.isEmpty())
        emit dataChanged(index(0, Time), index(rowCount() - 1, Time));
}

void ReviewQueueModel::setStatus(int row, const QString &statusKey)
{
    if (!item(row))
        return;
    ReviewQueueItem &it = m_queue.items[row];
    --m_queue.statusCounts[it.status];
    it.status = statusKey;
    ++m_queue.statusCounts[it.status];
    rowChanged(row);
    emit countsChanged();
}

void ReviewQueueModel::setNote(int row, const QString &note)
{
    if (!item(row))
        return;
    m_queue.items[row].note = note;
    rowChanged(row);
}

void ReviewQueueModel::setCases(int row, const QStringList &cases)
{
    if (!item(row))
        return;
    m_queue.items[row].cases = cases;
    rowChanged(row);
}

void ReviewQueueModel::rowChanged(int row)
{
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

int ReviewQueueModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_queue.items.size());
}

int ReviewQueueModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(ColumnCount);
}

QVariant ReviewQueueModel::data(const QModelIndex &index, int role) const
{
    const ReviewQueueItem *it = index.isValid() ? item(index.row()) : nullptr;
    if (!it)
        return {};
    const auto col = Column(index.column());
    QString user = it->userDisplayName.isEmpty() ? it->userPrincipalName : it->userDisplayName;
    if (!it->userPrincipalName.isEmpty() && m_shared.contains(it->userDisplayName, Qt::CaseInsensitive))
        user = tr("%1 (%2)").arg(it->userDisplayName, it->userPrincipalName);
    switch (role) {
    case Qt::DisplayRole:
        switch (col) {
        case Status: return ReviewText::statusName(it->status);
        case Time: return displayTime(it->time, m_showUtc);
        case User: return user;
        case App: return appNameForClass(it->appClass);
        case Prompt: {
            QString s = it->snippet.simplified();
            return s.isEmpty() ? tr("(no text)") : s;
        }
        case Findings: return it->findingCount ? QString::number(it->findingCount) : QString();
        case Sample: return it->inSample ? tr("Sample") : QString();
        case Note: return it->note.simplified().left(200);
        case Cases: return ReviewText::casesCell(it->cases);
        case ColumnCount: break;
        }
        break;
    case Qt::ToolTipRole:
        switch (col) {
        case Time: return utcTooltip(it->time);
        case User: return it->userPrincipalName;
        case Prompt: return it->snippet;
        case Findings: return tr("Sensitive information and watchlist terms found in this prompt and its response");
        case Sample: return it->inSample ? tr("Picked by the sample shown") : QString();
        case Note: return it->note.left(1500);
        default: break;
        }
        break;
    case Qt::FontRole:
        if (col == Status && (it->status == QLatin1String("flagged") || it->status == QLatin1String("escalated"))) {
            QFont f;
            f.setBold(true);
            return f;
        }
        break;
    case Qt::ForegroundRole:
        if (it->status == QLatin1String("cleared"))   // decided: shown until the queue is read again
            return QGuiApplication::palette().brush(QPalette::Disabled, QPalette::Text);
        break;
    case Qt::TextAlignmentRole:
        if (col == Findings)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case StatusKeyRole:
        return it->status;
    default:
        break;
    }
    return {};
}

QVariant ReviewQueueModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case Status: return tr("Status");
    case Time: return tr("Time");
    case User: return tr("User");
    case App: return tr("App");
    case Prompt: return tr("Prompt");
    case Findings: return tr("Findings");
    case Sample: return tr("Sample");
    case Note: return tr("Note");
    case Cases: return tr("Cases");
    case ColumnCount: break;
    }
    return {};
}

} // namespace ledger::gui
