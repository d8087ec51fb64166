// MainWindow: the export actions (a view's CSV, the Activity chart's CSV, the export folder with
// its scope question) and the notice that says where an export went.
#include "ui/main/MainWindow.h"
#include "ui/models/PromptsModel.h"

#include "ui/activity/ActivityView.h"
#include "app/archive/Archive.h"
#include "ui/common/Dialogs.h"
#include "ui/export/ExportController.h"
#include "ui/export/ExportScope.h"
#include "app/export/PseudonymKeyStore.h"
#include "ui/filter/FilterBar.h"
#include "app/tenant/TenantSession.h"
#include "ui/main/Workspace.h"
#include "ui/models/LedgerTableView.h"
#include "app/review/ReviewStore.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>

namespace ledger::gui {

void MainWindow::exportView()
{
    if (!m_session->isOpen() || m_export->isRunning())
        return;
    Workspace::Tab tab = m_workspace->currentTab();
    if (tab == Workspace::ActivityTab) {
        exportActivityCsv();   // the chart's numbers, not the prompts
        return;
    }
    ExportJob job;
    job.archivePath = m_session->archivePath();
    job.filter = m_workspace->filterFor(tab);
    QString base;
    switch (tab) {
    case Workspace::UsersTab: job.kind = ExportJob::UsersCsv; base = QStringLiteral("users"); break;
    case Workspace::SessionsTab: job.kind = ExportJob::SessionsCsv; base = QStringLiteral("sessions"); break;
    default: job.kind = ExportJob::PromptsCsv; base = QStringLiteral("prompts"); break;
    }
    // The file lists the rows in the order the table shows them.
    const QHeaderView *header = (tab == Workspace::UsersTab ? m_workspace->usersView()
                                 : tab == Workspace::SessionsTab ? m_workspace->sessionsView()
                                                                 : m_workspace->promptsView())->horizontalHeader();
    job.hasViewOrder = true;
    job.viewOrder = SortSpec{header->sortIndicatorSection(), header->sortIndicatorOrder()};
    const QString suggested = QDir(proposedExportFolder()).filePath(
        base + QLatin1Char('-') + QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmm")) + QStringLiteral(".csv"));
    job.path = Dialogs::saveFileName(this, tr("Export view to CSV"), suggested, tr("CSV files (*.csv)"));
    if (job.path.isEmpty())
        return;
    if (!job.path.endsWith(QStringLiteral(".csv"), Qt::CaseInsensitive))
        job.path += QStringLiteral(".csv");
    m_export->start(job);
    updateActions();
}

void MainWindow::exportActivityCsv()
{
    ActivityView *activity = m_workspace->activityView();
    const QString suggested = QDir(proposedExportFolder()).filePath(
        QStringLiteral("activity-") + QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmm")) + QStringLiteral(".csv"));
    QString path = Dialogs::saveFileName(this, tr("Export the activity chart's data to CSV"), suggested, tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    if (!path.endsWith(QStringLiteral(".csv"), Qt::CaseInsensitive))
        path += QStringLiteral(".csv");
    QString error;
    if (!activity->saveCsv(path, &error)) {
        setStatus(error);
        Dialogs::error(this, tr("Export"), error);
        emit exportFinished(false);
        return;
    }
    showExportNotice(tr("Saved the chart's data (%1 interactions per day and app) to %2")
                         .arg(QLocale().toString(activity->series().total), QDir::toNativeSeparators(QFileInfo(path).absoluteFilePath())),
                     QFileInfo(path).absolutePath());
    emit exportFinished(true);
}

QString MainWindow::proposedExportFolder() const
{
    // The folder of the last export if it still exists, else Documents, else the home folder:
    // the picker never opens on a folder that is gone.
    const QString last = QSettings().value(QStringLiteral("export/lastFolder")).toString();
    const QString docs = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    for (const QString &candidate : {last, docs})
        if (!candidate.isEmpty() && QFileInfo(candidate).isDir())
            return candidate;
    return QDir::homePath();
}

void MainWindow::exportEverything()
{
    if (!m_session->isOpen() || m_export->isRunning())
        return;
    ArchiveFilter filtered = m_workspace->filterFor(Workspace::PromptsTab);
    // The folder's export.json records its scope (docs/EXPORT-FORMAT.md) and has no field for the
    // Review filter: the folder export leaves it out rather than narrow the files unrecorded.
    filtered.reviewStatuses.clear();
    filtered.reviewCase.clear();
    filtered.reviewNote.clear();
    QString scope = QStringLiteral("all");
    if (!filtered.isEmpty()) {
        // Say what "everything" is before writing: all, or what the filter shows.
        // The Prompts table has usually counted both already, in its worker thread; only when it
        // is still counting, or shows another filter, are the two counts read here.
        const PromptsModel *prompts = m_workspace->promptsModel();
        const bool counted = !prompts->isLoading() && prompts->filter() == filtered;
        const qint64 total = counted ? prompts->totalUnfiltered() : m_session->archive()->reader().countTurns(ArchiveFilter{});
        const qint64 matching = counted ? prompts->totalMatching() : m_session->archive()->reader().countTurns(filtered);
        const QString userLabel = m_workspace->filterBar()->userScopeLabel();
        const QString sentence = describeExportScope(filtered, userLabel, matching, total);
        const QLocale loc;
        const auto answer = Dialogs::choice(
            this, tr("Export everything"),
            tr("The current filter shows %1.\n\nExport the whole archive, or only what the filter shows?").arg(sentence),
            {{QMessageBox::YesToAll, tr("Export all %1 prompts").arg(loc.toString(total))},
             {QMessageBox::Apply, tr("Export as filtered (%1)").arg(loc.toString(matching))}});
        if (answer == QMessageBox::YesToAll)
            filtered = ArchiveFilter{};
        else if (answer == QMessageBox::Apply)
            scope = QStringLiteral("as_filtered");
        else
            return;
    }
    startFolderExport(filtered, scope, tr("Export everything"), QStringLiteral("copilot-ledger-export-"));
}

void MainWindow::exportCase()
{
    if (!m_session->isOpen() || m_export->isRunning())
        return;
    const QStringList cases = ReviewStore(*m_session->archive()).caseNames();
    if (cases.isEmpty()) {
        const QString why = tr("This archive has no cases yet. Add turns or sessions to a case in the review workflow first.");
        setStatus(why);
        Dialogs::error(this, tr("Export case"), why);
        return;
    }
    bool ok = false;
    const QString name = Dialogs::item(this, tr("Export case"), tr("The case to export (exactly its turns):"), cases, &ok);
    if (!ok || !cases.contains(name))
        return;
    ArchiveFilter f;
    f.reviewCase = name;
    // The folder is not named after the case: a case name may name a person.
    startFolderExport(f, QStringLiteral("as_filtered"), tr("Export case"), QStringLiteral("copilot-ledger-case-"));
}

void MainWindow::startFolderExport(const ArchiveFilter &filter, const QString &scope, const QString &title,
                                   const QString &folderPrefix)
{
    Dialogs::ExportOptions options;
    const QString what = filter.reviewCase.isEmpty()
        ? tr("The export folder: prompts, sessions, users, interactions, findings and reviews, with export.json and "
             "SHA256SUMS.")
        : tr("Export the folder for the turns of the case \"%1\".").arg(filter.reviewCase);
    if (!Dialogs::exportOptions(this, title, what, &options))
        return;
    const QString parentDir = Dialogs::existingDirectory(this, tr("%1 into a new folder in…").arg(title), proposedExportFolder());
    if (parentDir.isEmpty())
        return;
    ExportJob job;
    job.kind = ExportJob::Folder;
    job.archivePath = m_session->archivePath();
    job.filter = filter;
    // A fresh sub-folder: an export never mixes with older files.
    job.path = QDir(parentDir).filePath(folderPrefix + QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss")));
    job.request.tenant = m_session->profile().connection.tenant;
    job.request.clientId = m_session->profile().connection.clientId;
    job.request.userScope = job.filter.userIds;
    job.request.scope = scope;
    job.request.transcripts = !options.transcripts.isEmpty();
    job.request.transcriptFormat = options.transcripts == QLatin1String("html") ? TranscriptFormat::Html : TranscriptFormat::Pdf;
    if (!options.pseudonymize) {
        m_export->start(job);
        updateActions();
        return;
    }
    // The profile's pseudonym key (made on first use) from the keychain, then the export.
    setStatus(tr("Reading the pseudonym key from the system keychain…"));
    auto *keys = new PseudonymKeyStore(this);
    keys->obtain(m_session->profile().id, [this, keys, job, title](const PseudonymKeyStore::Result &r) mutable {
        keys->deleteLater();
        if (!r.ok) {
            setStatus(r.error);
            Dialogs::error(this, title, r.error);
            emit exportFinished(false);
            return;
        }
        if (!m_session->isOpen() || m_session->archivePath() != job.archivePath || m_export->isRunning())
            return;   // another tenant, or another export, meanwhile
        job.request.pseudonymKey = r.key;
        m_export->start(job);
        updateActions();
    });
}

void MainWindow::onExportFinished(const ExportOutcome &outcome)
{
    updateActions();
    if (!outcome.ok) {
        setStatus(outcome.message);
        if (!outcome.cancelled)
            Dialogs::error(this, tr("Export"), outcome.message);
        emit exportFinished(false);
        return;
    }
    const QLocale loc;
    const QFileInfo first(outcome.files.value(0));
    const bool folder = outcome.files.size() > 1;
    const QString where = QDir::toNativeSeparators(folder ? first.absolutePath() : first.absoluteFilePath());
    QSettings().setValue(QStringLiteral("export/lastFolder"), folder ? QFileInfo(first.absolutePath()).absolutePath() : first.absolutePath());
    QString message = folder ? tr("Exported %1 prompts with their sessions, users and interactions to %2").arg(loc.toString(outcome.rows), where)
                             : tr("Saved %1 rows to %2").arg(loc.toString(outcome.rows), where);
    if (outcome.transcripts > 0)
        message += tr(" · transcripts: %1 files").arg(loc.toString(outcome.transcripts));
    showExportNotice(message, first.absolutePath());
    emit exportFinished(true);
}

void MainWindow::showExportNotice(const QString &message, const QString &folder)
{
    m_lastMessage = message;
    statusBar()->clearMessage();
    m_exportFolder = folder;
    m_exportNotice->setText(message);
    m_exportNotice->setToolTip(message);
    m_exportNotice->show();
    m_openFolder->show();
}

} // namespace ledger::gui
