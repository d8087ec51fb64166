// The window's transcript actions (docs/USER-GUIDE.md "Transcripts"): the Users tab's context
// menu ("Transcripts of this user…", "Transcript of a case"), written as one PDF or HTML file
// by transcript/TranscriptRenderer.
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
#include <QMenu>
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

FindingLabeler windowLabels()
{
    return [](bool watchlist, const QString &detector) {
        return watchlist ? SearchHelp::tr("Watchlist %1").arg(detector) : detectorLabel(detector);
    };
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
    QString error;
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const bool ok = TranscriptRenderer::save(sessions, path,
                                             suffix == "html"_L1 || suffix == "htm"_L1 ? TranscriptFormat::Html
                                                                                       : TranscriptFormat::Pdf,
                                             options, &error);
    QApplication::restoreOverrideCursor();
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
    TranscriptBuilder builder(*m_archive);
    builder.setFindingLabeler(windowLabels());
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const QList<TranscriptSession> sessions = builder.forUser(userId, f.from, f.to);
    QApplication::restoreOverrideCursor();
    QString who = userId;
    if (const std::optional<User> u = m_archive->user(userId))
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
    TranscriptBuilder builder(*m_archive);
    builder.setFindingLabeler(windowLabels());
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const QList<TranscriptSession> sessions = builder.forSessions(builder.caseSessions(caseName));
    QApplication::restoreOverrideCursor();
    return saveTranscriptFile(sessions, tr("Case - %1").arg(caseName), tr("Case: %1").arg(caseName), savedPath);
}

} // namespace ledger::gui
