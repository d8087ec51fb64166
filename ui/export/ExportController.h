#pragma once
// Starts exports off the GUI thread (QThread + worker object with its own Archive) and shows a
// progress dialog with Cancel.
#include "app/export/ExportJob.h"
#include <QObject>
#include <QPointer>

class QProgressDialog;
class QThread;
class QWidget;

namespace ledger {
class ExportWorker;
}

namespace ledger::gui {

class ExportController : public QObject {
    Q_OBJECT
public:
    explicit ExportController(QWidget *dialogParent, QObject *parent = nullptr);
    ~ExportController() override;

    bool start(const ExportJob &job);   // false when an export is already running
    bool isRunning() const { return m_thread != nullptr; }
    void cancel();
    const ExportOutcome &lastOutcome() const { return m_last; }
    QProgressDialog *progressDialog() const;   // while running (tests)

signals:
    void finished(const ledger::ExportOutcome &outcome);

private:
    void onFinished(const ExportOutcome &outcome);
    QWidget *m_parent;
    QThread *m_thread = nullptr;
    ExportWorker *m_worker = nullptr;
    QPointer<QProgressDialog> m_dialog;
    ExportOutcome m_last;
};

} // namespace ledger::gui
