#pragma once
// Runs an ExportJob in a worker thread with its own Archive connection (an Archive belongs to
// the thread that opened it).
#include "app/export/ExportJob.h"
#include <QObject>
#include <atomic>
#include <functional>

namespace ledger {

class ExportWorker : public QObject {
    Q_OBJECT
public:
    explicit ExportWorker(const ExportJob &job) : m_job(job) {}
    void run();                    // call in the worker thread
    void cancel() { m_cancel = true; }
    static ExportOutcome runJob(const ExportJob &job, const ledger::Exporter::Progress &progress,
                                const std::atomic_bool *cancel);
    // Test hook, called in the worker thread right after each progress() emission (e.g. to hold
    // the export at a known row until the test has pressed Cancel). Set it before start().
    static void setProgressHookForTesting(std::function<void(qint64 done, qint64 total)> hook);

signals:
    void progress(qint64 done, qint64 total);
    void finished(const ledger::ExportOutcome &outcome);

private:
    static std::function<void(qint64, qint64)> &testHook();
    ExportJob m_job;
    std::atomic_bool m_cancel{false};
};

} // namespace ledger
