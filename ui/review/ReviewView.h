#pragma once
// The Review tab (docs/USER-GUIDE.md "Reviewing"): the queue of turns to review — flagged and
// escalated ones, turns with findings and the current sample, not yet cleared — with counts per
// status, filters by status, case, user, detector and sample, and the conversation beside it
// with the turn focused and its findings highlighted. Keyboard-driven: J / K (or the arrow keys)
// next / previous, F flag, E escalate, C clear, U back to unreviewed, N note, A add to a case.
//
// The queue is read in an ArchiveWorker thread (docs/ARCHITECTURE.md "Threading"); a decision is
// one small write through ReviewStore on the window's archive, shown in place at once.
#include "app/archive/ArchiveTypes.h"
#include "app/review/ReviewQueue.h"
#include "app/review/ReviewSampling.h"
#include <QWidget>
#include <memory>

class QComboBox;
class QLabel;
class QPushButton;
class QSplitter;
class QTableView;

namespace ledger {
class Archive;
class ArchiveWorker;
}

namespace ledger::gui {

class ConversationView;
class ReviewQueueModel;

class ReviewView : public QWidget {
    Q_OBJECT
public:
    explicit ReviewView(QWidget *parent = nullptr);
    ~ReviewView() override;

    // The window's archive (decisions are written through it; the queue is read from its file).
    void setArchive(ledger::Archive *archive);
    // The filter bar's dates, apps, text, findings and user scope.
    void setScope(const ledger::ArchiveFilter &scope);
    const ledger::ArchiveFilter &scope() const { return m_scope; }
    void setShowUtc(bool on);
    void setSharedNames(const QStringList &names);
    void reload();                      // read the queue again (keeps the current item when listed)

    // The filters of the tab (tests and the window's shortcuts).
    void setStatusFilter(const QStringList &statusKeys);   // empty = everything but cleared
    void setCaseFilter(const QString &caseName);
    void setUserFilter(const QString &userId);
    void setDetectorFilter(const QString &findingsSpec);   // ArchiveFilter::findings syntax
    void setSampleFilter(qint64 sampleId);                 // ReviewQueueFilter::sampleId
    ledger::ReviewQueueFilter queueFilter() const;

    // Decisions on the current item (what the keys do). false when there is none or it failed.
    bool decide(const QString &statusKey);
    bool editNote();                    // asks for the note (Dialogs::text)
    bool addToCase();                   // asks for the case name (Dialogs::text)
    void next();
    void previous();
    // Draw sample…: the dialog, then the sample is computed in the worker and recorded.
    void drawSample();
    // Without a dialog (tests, the dialog's OK): plan in the worker, record, show it.
    void startSample(const ledger::SampleParameters &parameters);

    bool isLoading() const { return m_loading; }
    QString countsText() const;         // the queue's size and the count of every status
    QString queueCountText() const;     // "258 in the queue" (the filter bar's count)
    ReviewQueueModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    ConversationView *conversation() const { return m_conversation; }
    QLabel *countsLabel() const { return m_counts; }

signals:
    void loaded();                      // a queue read finished (also after a sample was recorded)
    void reviewsChanged();              // a decision, note, case or sample was recorded
    void countsChanged(const QString &text);
    void sampleFinished(bool ok, const QString &message);

private:
    void updateCounts();
    void updateEmptyText();
    void showCurrent();
    void fillCombos(const QStringList &cases, const QList<ledger::SampleInfo> &samples);
    void fillUsers();
    void reportError(const QString &message);
    void advance();

    ledger::Archive *m_archive = nullptr;
    ledger::ArchiveFilter m_scope;
    QString m_statusKey;                // the status combo's choice
    quint64 m_serial = 0;
    bool m_loading = false;
    bool m_filling = false;
    QString m_keepKey;                  // the item to keep current across a reload
    ReviewQueueModel *m_model;
    QLabel *m_counts;
    QComboBox *m_status;
    QComboBox *m_case;
    QComboBox *m_user;
    QComboBox *m_detector;
    QComboBox *m_sample;
    QPushButton *m_drawSample;
    QSplitter *m_splitter;
    QTableView *m_table;
    QLabel *m_empty;
    ConversationView *m_conversation;
    std::unique_ptr<ledger::ArchiveWorker> m_worker;   // last: dies (and joins) first
};

} // namespace ledger::gui
