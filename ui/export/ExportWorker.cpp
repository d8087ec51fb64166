#include "export/ExportWorker.h"

#include "archive/Archive.h"

#include <QCoreApplication>
#include <QFileInfo>

namespace ledger::gui {

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
    if (job.kind == ExportJob::Folder) {
        ExportRequest req = job.request;
        req.outDir = job.path;
        req.filter = job.filter;
        const ExportResult r = exporter.exportFolder(req, progress, cancel);
        out.ok = r.ok;
        out.cancelled = r.cancelled;
        out.files = r.files;
        out.rows = r.prompts;
        out.message = r.ok ? QCoreApplication::translate("ExportWorker", "Exported %1 prompts, %2 sessions and %3 users to %4.")
                                 .arg(r.prompts).arg(r.sessions).arg(r.users).arg(job.path)
                           : (r.cancelled ? QCoreApplication::translate("ExportWorker", "The export was cancelled; no partial files were left.")
                                          : r.error);
        return out;
    }
    bool ok = false;
    switch (job.kind) {
    case ExportJob::PromptsCsv: ok = exporter.exportPromptsCsv(job.filter, job.path, &error); break;
    case ExportJob::SessionsCsv: ok = exporter.exportSessionsCsv(job.filter, job.path, &error); break;
    case ExportJob::UsersCsv: ok = exporter.exportUsersCsv(job.filter, job.path, &error); break;
    case ExportJob::Folder: break;
    }
    out.ok = ok;
    out.files = ok ? QStringList{job.path} : QStringList{};
    out.message = ok ? QCoreApplication::translate("ExportWorker", "Saved %1.").arg(QFileInfo(job.path).fileName())
                     : QCoreApplication::translate("ExportWorker", "The CSV could not be written: %1").arg(error);
    return out;
}

void ExportWorker::run()
{
    const ExportOutcome out = runJob(m_job, [this](qint64 done, qint64 total) { emit progress(done, total); },
                                     &m_cancel);
    emit finished(out);
}

} // namespace ledger::gui
