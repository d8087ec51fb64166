#include "ui/export/ExportController.h"

#include "app/export/ExportWorker.h"

#include <QProgressDialog>
#include <QThread>

namespace ledger::gui {

ExportController::ExportController(QWidget *dialogParent, QObject *parent)
    : QObject(parent)
    , m_parent(dialogParent)
{
    qRegisterMetaType<ledger::ExportOutcome>();
}

ExportController::~ExportController()
{
    if (m_thread) {
        m_worker->cancel();
        m_thread->quit();
        m_thread->wait();   // the worker checks the cancel flag between rows
        delete m_worker;
        delete m_thread;
    }
}

bool ExportController::start(const ExportJob &job)
{
    if (m_thread)
        return false;
    m_thread = new QThread;
    m_thread->setObjectName(QStringLiteral("export"));
    m_worker = new ExportWorker(job);
    m_worker->moveToThread(m_thread);
    connect(m_thread, &QThread::started, m_worker, &ExportWorker::run);
    connect(m_worker, &ExportWorker::finished, this, &ExportController::onFinished, Qt::QueuedConnection);

    m_dialog = new QProgressDialog(m_parent);
    m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_dialog->setWindowTitle(tr("Export"));
    m_dialog->setLabelText(job.kind == ExportJob::Folder ? tr("Exporting everything…") : tr("Writing the CSV file…"));
    m_dialog->setRange(0, 0);
    m_dialog->setMinimumDuration(400);
    m_dialog->setAutoClose(false);
    m_dialog->setAutoReset(false);
    m_dialog->setWindowModality(Qt::WindowModal);
    // Cancel works for every kind: the worker stops before its next row and the QSaveFile is
    // discarded, so no file appears (an existing file at that path keeps its bytes).
    connect(m_dialog, &QProgressDialog::canceled, this, &ExportController::cancel);
    connect(m_worker, &ExportWorker::progress, m_dialog, [dlg = m_dialog](qint64 done, qint64 total) {
        if (!dlg || total <= 0)
            return;
        // Scale to int range for very large exports.
        const double f = double(done) / double(total);
        dlg->setRange(0, 1000);
        dlg->setValue(int(f * 1000));
    }, Qt::QueuedConnection);
    m_dialog->setValue(0);
    m_thread->start();
    return true;
}

QProgressDialog *ExportController::progressDialog() const
{
    return m_dialog;
}

void ExportController::cancel()
{
    if (m_worker)
        m_worker->cancel();
    if (m_dialog)
        m_dialog->setLabelText(tr("Cancelling…"));
}

void ExportController::onFinished(const ExportOutcome &outcome)
{
    m_last = outcome;
    if (m_thread) {
        m_thread->quit();
        m_thread->wait();
        delete m_worker;
        delete m_thread;
        m_worker = nullptr;
        m_thread = nullptr;
    }
    if (m_dialog)
        m_dialog->close();
    emit finished(outcome);
}

} // namespace ledger::gui
