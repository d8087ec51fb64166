// The window's transcript actions (docs/USER-GUIDE.md "Transcripts"): the Users tab's context
// menu ("Transcripts of this user…", "Transcript of a case"), written as one PDF or HTML file
// by transcript/TranscriptRenderer. Reading the sessions and rendering run in a thread of their
// own with an Archive connection of their own (docs/ARCHITECTURE.md "Threading"): the window keeps
// painting while a user with many sessions is written; a modal busy dialog stands in meanwhile.
#include "ui/main/Workspace.h"

#include "app/archive/Archive.h"
#include "ui/common/Dialogs.h"
#include "ui/conversation/ConversationView.h"
#include "ui/filter/FilterBar.h"
#include "ui/filter/SearchHelp.h"
#include "ui/models/ArchiveTableModel.h"
#include "ui/models/LedgerTableView.h"
#include "ui/models/UsersModel.h"
#include "app/review/ReviewStore.h"
#include "app/transcript/TranscriptRenderer.h"
#include "app/transcript/TranscriptWriter.h"

#include <QApplication>
#include <QDir>
#include <QFileInfo>
#include <QEventLoop>
#include <QMenu>
#include <QProgressDialog>
#include <QThread>
#include <QRegularExpression>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace ledger::gui {

namespace {

QString fileSafe(QString name)
{
    static const QRegularExpression unsafe(QStringLiteral(R"([\\/:*?"<>|\x00-\x1f]+)"));
    return name.replace(unsafe, QStringLiteral("_"));
}

// Runs work() in a thread of its own and waits for it with a local event loop behind a modal busy
// dialog (so the window repaints and takes no other command meanwhile); returns its result.
template <typename Work>
auto offGuiThread(QWidget *parent, const QString &label, Work work) -> decltype(work())
{
    decltype(work()) result{};
    QProgressDialog busy(label, QString(), 0, 0, parent);
    busy.setWindowModality(Qt::WindowModal);
    busy.setMinimumDuration(400);
    busy.setCancelButton(nullptr);
    QEventLoop loop;
    QThread *thread = QThread::create([&result, &work] { result = work(); });
    QObject::connect(thread, &QThread::finished, &loop, &QEventLoop::quit);
    QApplication::setOverrideCursor(Qt::WaitCursor);
    thread->start();
    loop.exec(QEventLoop::ExcludeUserInputEvents);
    thread->wait();
    delete thread;
    QApplication::restoreOverrideCursor();
    return result;
}

FindingLabeler windowLabels()
{
    return [](bool watchlist, const QString &detector) {
        return watchlist ? SearchHelp::tr("Watchlist %1").arg(detector) : detectorLabel(detector);
    };
}

// The sessions that read(builder) gives, read through an Archive opened on `path` in the calling
// (worker) thread; *error when the archive cannot be opened there.
template <typename Read>
QList<TranscriptSession> readSessions(const QString &path, QString *error, Read read)
{
    Archive archive;
    if (!archive.open(path, error))
        return {};
    archive.setCacheSizeKiB(8 * 1024);
    TranscriptBuilder builder(archive);
    builder.setFindingLabeler(windowLabels());
    return read(builder);
}

} // namespace

void Workspace::setTenantName(const QString &tenant)
{
    m_tenant = tenant;
    m_conversation->setTenantName(tenant);
}

QStringList Workspace::caseNames() const
{
    if (!m_archive || !m_archive->isOpen())
        return {};
    return ReviewStore(*m_archive).caseNames();
}

QMenu *Workspace::usersContextMenu(const QModelIndex &index)
{
    if (!m_archive || !m_archive->isOpen())
        return nullptr;
    auto *menu = new QMenu(m_usersView);
    if (index.isValid()) {
        const QString userId = index.data(ArchiveTableModel::UserIdRole).toString();
        QAction *user = menu->addAction(tr("Transcripts of this user…"));
        user->setObjectName(u"userTranscriptsAction"_s);
        user->setToolTip(tr("Save every conversation of this user in the filter's date range as one PDF or HTML file"));
        user->setEnabled(!userId.isEmpty());
        connect(user, &QAction::triggered, this, [this, userId] { saveUserTranscripts(userId); });
    }
    const QStringList cases = caseNames();
    if (!cases.isEmpty()) {
        QMenu *sub = menu->addMenu(tr("Transcript of a case"));
        sub->setObjectName(u"caseTranscriptMenu"_s);
        for (const QString &name : cases) {
            QAction *a = sub->addAction(name);
            connect(a, &QAction::triggered, this, [this, name] { saveCaseTranscript(name); });
        }
    }
    if (menu->isEmpty()) {
        delete menu;
        return nullptr;
    }
    return menu;
}

bool Workspace::saveTranscriptFile(const QList<TranscriptSession> &sessions, const QString &suggestedName,
                                   const QString &title, QString *savedPath)
{
    if (sessions.isEmpty()) {
        Dialogs::error(this, tr("Save transcript"), tr("There is no conversation to save for this choice."));
        return false;
    }
    const QString start = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    QString path = Dialogs::saveFileName(this, tr("Save Transcript"), QDir(start).filePath(fileSafe(suggestedName) + ".pdf"_L1),
                                         tr("PDF document (*.pdf);;HTML page (*.html)"));
    if (path.isEmpty())
        return false;
    if (QFileInfo(path).suffix().isEmpty())
        path += ".pdf"_L1;
    const QString suffix = QFileInfo(path).suffix().toLower();
    TranscriptRenderOptions options;
    options.tenant = m_tenant;
    options.title = title;
    const TranscriptFormat format = suffix == "html"_L1 || suffix == "htm"_L1 ? TranscriptFormat::Html : TranscriptFormat::Pdf;
    QString error;
    const bool ok = offGuiThread(this, tr("Writing the transcript…"), [&] {
        return TranscriptRenderer::save(sessions, path, format, options, &error);
    });
    if (!ok) {
        Dialogs::error(this, tr("Save transcript"), error);
        return false;
    }
    if (savedPath)
        *savedPath = path;
    return true;
}

bool Workspace::saveUserTranscripts(const QString &userId, QString *savedPath)
{
    if (!m_archive || !m_archive->isOpen() || userId.isEmpty())
        return false;
    const ArchiveFilter f = m_filter->filter();
    QString error;
    const QList<TranscriptSession> sessions = offGuiThread(this, tr("Reading the conversations…"), [&] {
        return readSessions(m_archive->path(), &error, [&](const TranscriptBuilder &b) { return b.forUser(userId, f.from, f.to); });
    });
    if (!error.isEmpty()) {
        Dialogs::error(this, tr("Save transcript"), error);
        return false;
    }
    QString who = userId;
    if (const std::optional<User> u = m_archive->reader().user(userId))
        who = !u->userPrincipalName.isEmpty() ? u->userPrincipalName : u->displayName;
    QString range;
    if (f.from.isValid() || f.to.isValid())
        range = tr("%1 to %2 (UTC)")
                    .arg(f.from.isValid() ? f.from.toUTC().date().toString(Qt::ISODate) : u"…"_s,
                         f.to.isValid() ? f.to.toUTC().addMSecs(-1).date().toString(Qt::ISODate) : u"…"_s);
    const QString title = range.isEmpty() ? tr("Transcripts of %1").arg(who) : tr("Transcripts of %1, %2").arg(who, range);
    return saveTranscriptFile(sessions, title, title, savedPath);
}

bool Workspace::saveCaseTranscript(const QString &caseName, QString *savedPath)
{
    if (!m_archive || !m_archive->isOpen())
        return false;
    QString error;
    const QList<TranscriptSession> sessions = offGuiThread(this, tr("Reading the conversations…"), [&] {
        return readSessions(m_archive->path(), &error,
                            [&](const TranscriptBuilder &b) { return b.forSessions(b.caseSessions(caseName)); });
    });
    if (!error.isEmpty()) {
        Dialogs::error(this, tr("Save transcript"), error);
        return false;
    }
    return saveTranscriptFile(sessions, tr("Case - %1").arg(caseName), tr("Case: %1").arg(caseName), savedPath);
}

} // namespace ledger::gui
