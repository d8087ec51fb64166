#pragma once
// The Review tab's queue as a table (review/ReviewQueue.h gives the rows, read in a worker
// thread by ReviewView). Decisions made in the tab update a row in place (setStatus / setNote /
// setCases) so that the queue does not jump while the officer works through it.
#include "app/review/ReviewQueue.h"
#include <QAbstractTableModel>

namespace ledger::gui {

class ReviewQueueModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Status, Time, User, App, Prompt, Findings, Sample, Note, Cases, ColumnCount };
    static constexpr int StatusKeyRole = Qt::UserRole + 10;

    explicit ReviewQueueModel(QObject *parent = nullptr);

    void setQueue(const ledger::ReviewQueue &queue);
    const ledger::ReviewQueue &queue() const { return m_queue; }
    const ledger::ReviewQueueItem *item(int row) const;
    int rowOf(const QString &refKey) const;          // -1 when not listed
    void setShowUtc(bool on);
    // "Name (upn)" for these display names (more than one user has them).
    void setSharedNames(const QStringList &names) { m_shared = names; }

    // A decision recorded for row: the row and the counts follow.
    void setStatus(int row, const QString &statusKey);
    void setNote(int row, const QString &note);
    void setCases(int row, const QStringList &cases);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

signals:
    void countsChanged();

private:
    void rowChanged(int row);
    ledger::ReviewQueue m_queue;
    QStringList m_shared;
    bool m_showUtc = false;
};

} // namespace ledger::gui
