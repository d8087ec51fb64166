#pragma once
// Runs an ExportJob in a worker thread with its own Archive connection (an Archive belongs to
// the thread that opened it).
#include "export/ExportJob.h"
#include <QObject>
#include <atomic>

namespace ledger::gui {

class ExportWorker : public QObject {
    Q_OBJECT
public:
    explicit ExportWorker(const ExportJob &job) : m_job(job) {}
    void run();                    // call in the worker thread
    void cancel() { m_cancel = true; }
    static ExportOutcome runJob(const ExportJob &job, const ledger::Exporter::Progress &progress,
                                const std::atomic_bool *cancel);

signals:
    void progress(qint64 done, qint64 total);
    void finished(const ledger::gui::ExportOutcome &outcome);

private:
    ExportJob m_job;
    std::atomic_bool m_cancel{false};
};

} // namespace ledger::gui
