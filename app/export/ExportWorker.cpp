#include "app/export/ExportWorker.h"

#include "app/archive/Archive.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <climits>

namespace ledger {

ExportOutcome ExportWorker::runJob(const ExportJob &job, const ledger::Exporter::Progress &progress,
                                   const std::atomic_bool *cancel)
{
    ExportOutcome out;
    Archive archive;
    QString error;
    if (!archive.open(job.archivePath, &error)) {
        out.message = QCoreApplication::translate("ExportWorker", "The archive could not be opened for the export: %1").arg(error);
        return out;
    }
    Exporter exporter(archive);
    if (job.hasViewOrder)
        exporter.setViewOrder(job.viewOrder);
    if (job.kind == ExportJob::Folder) {
        ExportRequest req = job.request;
        req.outDir = job.path;
        req.filter = job.filter;
        const ExportResult r = exporter.exportFolder(req, progress, cancel);
        out.ok = r.ok;
        out.cancelled = r.cancelled;
        out.files = r.files;
        out.rows = r.prompts;
        out.transcripts = r.transcripts;
        out.message = r.ok ? QCoreApplication::translate("ExportWorker", "Exported %1 prompts, %2 sessions and %3 users to %4.")
                                 .arg(r.prompts).arg(r.sessions).arg(r.users).arg(job.path)
                           : (r.cancelled ? QCoreApplication::translate("ExportWorker", "The export was cancelled; no partial files were left.")
                                          : r.error);
        return out;
    }
    bool ok = false;
    bool cancelled = false;
    qint64 rows = 0;
    // The final (total, total) call comes after the commit: it is the number of rows written.
    const Exporter::Progress counting = [&](qint64 done, qint64 total) {
        rows = done;
        if (progress)
            progress(done, total);
    };
    switch (job.kind) {
    case ExportJob::PromptsCsv:
        ok = exporter.exportPromptsCsv(job.filter, job.path, &error, true, counting, cancel, &cancelled);
        break;
    case ExportJob::SessionsCsv:
        ok = exporter.exportSessionsCsv(job.filter, job.path, &error, true, counting, cancel, &cancelled);
        break;
    case ExportJob::UsersCsv:
        ok = exporter.exportUsersCsv(job.filter, job.path, &error, true, counting, cancel, &cancelled);
        break;
    case ExportJob::Folder: break;
    }
    out.ok = ok;
    out.cancelled = cancelled;
    out.rows = ok ? rows : 0;
    out.files = ok ? QStringList{job.path} : QStringList{};
    const QString name = QFileInfo(job.path).fileName();
    const int shownRows = int(qMin<qint64>(rows, INT_MAX));   // outside translate(): lupdate 6.4 hangs on it
    if (ok)
        out.message = QCoreApplication::translate("ExportWorker", "Saved %1 (%n row(s)).", nullptr, shownRows).arg(name);
    else if (cancelled)
        out.message = QCoreApplication::translate("ExportWorker", "The export was cancelled; %1 was not written.").arg(name);
    else
        out.message = QCoreApplication::translate("ExportWorker", "The CSV could not be written: %1").arg(error);
    return out;
}

void ExportWorker::setProgressHookForTesting(std::function<void(qint64, qint64)> hook)
{
    testHook() = std::move(hook);
}

std::function<void(qint64, qint64)> &ExportWorker::testHook()
{
    static std::function<void(qint64, qint64)> hook;
    return hook;
}

void ExportWorker::run()
{
    const auto hook = testHook();
    const ExportOutcome out = runJob(m_job, [this, &hook](qint64 done, qint64 total) {
        emit progress(done, total);
        if (hook)
            hook(done, total);
    }, &m_cancel);
    emit finished(out);
}

} // namespace ledger
