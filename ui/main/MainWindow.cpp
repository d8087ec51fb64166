#include "ui/main/MainWindow.h"

#include "app/archive/ArchiveWorker.h"

#include "app/archive/Archive.h"
#include "app/auth/ProfileStore.h"
#include "ui/log/ActivityLogDialog.h"
#include "app/auth/SecretStore.h"
#include "ui/common/Dialogs.h"
#include "ui/common/Icons.h"
#include "ui/common/TimeFormat.h"
#include "ui/connection/ConnectionDialog.h"
#include "ui/activity/ActivityView.h"
#include "ui/export/ExportController.h"
#include "ui/export/ExportScope.h"
#include "ui/models/LedgerTableView.h"
#include "ui/models/PromptsModel.h"
#include "ui/filter/FilterBar.h"
#include "ui/main/SyncStatusWidget.h"
#include "app/tenant/TenantSession.h"
#include "ui/main/WelcomePage.h"
#include "ui/main/Workspace.h"
#include "ui/sync/SyncDialog.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QLocale>
#include <QMenuBar>
#include <QPointer>
#include <QScreen>
#include <QSettings>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>

#include "ui/AboutDialog.h"
#include "app/sim/DemoEnvironment.h"

namespace ledger::gui {

namespace {
const QString kDemoId = QStringLiteral("demo");
}

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_profiles(new ProfileStore(this))
    , m_secrets(new SecretStore(this))
    , m_session(new TenantSession(this))
    , m_export(new ExportController(this, this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Copilot Ledger"));
    setWindowIcon(appIcon());

    m_stack = new QStackedWidget(this);
    m_welcome = new WelcomePage(m_stack);
    m_workspace = new Workspace(m_stack);
    m_stack->addWidget(m_welcome);
    m_stack->addWidget(m_workspace);
    setCentralWidget(m_stack);

    // After an export: where it went, and a button that opens that folder.
    m_exportNotice = new QLabel(this);
    m_exportNotice->setObjectName(QStringLiteral("exportNotice"));
    m_exportNotice->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_exportNotice->setTextFormat(Qt::PlainText);
    m_exportNotice->setMinimumWidth(80);
    m_exportNotice->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_openFolder = new QPushButton(tr("Open folder"), this);
    m_openFolder->setObjectName(QStringLiteral("exportOpenFolder"));
    m_openFolder->setToolTip(tr("Show the exported files in the file manager"));
    connect(m_openFolder, &QPushButton::clicked, this, [this] { Dialogs::openFolder(m_exportFolder); });
    statusBar()->addWidget(m_exportNotice, 1);
    statusBar()->addWidget(m_openFolder);
    m_exportNotice->hide();
    m_openFolder->hide();
    m_countLabel = new QLabel(this);
    m_countLabel->setObjectName(QStringLiteral("statusCounts"));
    statusBar()->addPermanentWidget(m_countLabel);
    m_syncStatus = new SyncStatusWidget(this);
    statusBar()->addPermanentWidget(m_syncStatus);

    m_liveRefresh = new QTimer(this);
    m_liveRefresh->setInterval(4000);
    connect(m_liveRefresh, &QTimer::timeout, this, [this] {
        // While a sync runs, show arriving rows — but never yank a table the user is reading.
        if (QApplication::activeModalWidget())
            return;
        m_workspace->reloadAll();
        updateArchiveSummary();
    });

    createActions();
    createMenus();
    createToolBar();

    connect(m_welcome, &WelcomePage::connectRequested, this, &MainWindow::showConnections);
    connect(m_welcome, &WelcomePage::demoRequested, this, [this] {
        QString error;
        if (!openDemo(&error))
            Dialogs::error(this, tr("Demo tenant"), tr("The demo tenant could not be started."), error);
    });
    connect(m_session, &TenantSession::syncStarted, this, [this] {
        m_syncNew = 0;
        m_syncUsersCounted = false;
        m_syncBase = m_countPending ? -1 : m_countedInteractions;
        m_syncStatus->start();
        m_liveRefresh->start();
        m_workspace->setSyncRunning(true);
        showArchiveCounts();
        updateActions();
    });
    connect(m_session, &TenantSession::syncProgress, m_syncStatus, &SyncStatusWidget::setProgress);
    connect(m_session, &TenantSession::syncProgress, this, [this](const SyncProgress &p) {
        m_syncNew = p.interactionsNew;
        // The first progress with users: the sync has just stored the user list, so count again
        // now rather than show the users from before the sync until the next refresh.
        if (p.usersTotal > 0 && !m_syncUsersCounted) {
            m_syncUsersCounted = true;
            updateArchiveSummary();
        }
        showArchiveCounts();
    });
    connect(m_session, &TenantSession::syncFinished, this, &MainWindow::onSyncFinished);
    connect(m_export, &ExportController::finished, this, &MainWindow::onExportFinished);
    connect(m_profiles, &ProfileStore::profilesChanged, this, &MainWindow::reloadProfileSwitcher);

    m_workspace->setShowUtc(showUtcSetting());
    QSettings s;
    if (!restoreGeometry(s.value(QStringLiteral("main/geometry")).toByteArray())) {
        const QRect avail = screen() ? screen()->availableGeometry() : QRect(0, 0, 1440, 900);
        resize(qMin(1440, avail.width()), qMin(900, avail.height()));
    }
    restoreState(s.value(QStringLiteral("main/state")).toByteArray());
    reloadProfileSwitcher();
    m_stack->setCurrentWidget(m_welcome);
    updateActions();
}

MainWindow::~MainWindow()
{
    m_workspace->setArchive(nullptr);
    m_session->close();
}

void MainWindow::createActions()
{
    m_actConnections = new QAction(themedIcon(QStringLiteral("connect")), tr("&Connections…"), this);
    m_actConnections->setToolTip(tr("Add, edit and test tenant connections"));
    connect(m_actConnections, &QAction::triggered, this, &MainWindow::showConnections);

    m_actSync = new QAction(themedIcon(QStringLiteral("sync")), tr("&Sync…"), this);
    m_actSync->setShortcut(QKeySequence::Refresh);
    m_actSync->setToolTip(tr("Read new Copilot interactions from the tenant (F5)"));
    connect(m_actSync, &QAction::triggered, this, &MainWindow::showSyncDialog);

    m_actCancel = new QAction(themedIcon(QStringLiteral("cancel")), tr("&Cancel sync"), this);
    m_actCancel->setShortcut(Qt::Key_Escape);
    m_actCancel->setToolTip(tr("Stop the running sync; what was read so far is kept (Esc)"));
    connect(m_actCancel, &QAction::triggered, this, &MainWindow::cancelSync);

    m_actExportView = new QAction(themedIcon(QStringLiteral("export")), tr("Export &view to CSV…"), this);
    m_actExportView->setShortcut(tr("Ctrl+E"));
    m_actExportView->setToolTip(tr("Save what the current tab shows, with its filter, as CSV (Ctrl+E)"));
    connect(m_actExportView, &QAction::triggered, this, &MainWindow::exportView);

    m_actExportAll = new QAction(tr("Export &everything…"), this);
    m_actExportAll->setShortcut(tr("Ctrl+Shift+E"));
    m_actExportAll->setToolTip(tr("Write the full export folder for auditors (CSV, JSONL, manifest, checksums)"));
    connect(m_actExportAll, &QAction::triggered, this, &MainWindow::exportEverything);
    m_actExportCase = new QAction(tr("Export &case…"), this);
    m_actExportCase->setObjectName(QStringLiteral("actionExportCase"));
    m_actExportCase->setToolTip(tr("Write the export folder for exactly the turns of one review case"));
    connect(m_actExportCase, &QAction::triggered, this, &MainWindow::exportCase);

    m_actFind = new QAction(themedIcon(QStringLiteral("search")), tr("&Find…"), this);
    m_actFind->setShortcut(QKeySequence::Find);
    connect(m_actFind, &QAction::triggered, m_workspace->filterBar(), &FilterBar::focusSearch);

    m_actResetFilters = new QAction(tr("&Reset filters"), this);
    connect(m_actResetFilters, &QAction::triggered, m_workspace->filterBar(), &FilterBar::reset);

    m_actShowUtc = new QAction(tr("Show times in &UTC"), this);
    m_actShowUtc->setCheckable(true);
    m_actShowUtc->setChecked(showUtcSetting());
    connect(m_actShowUtc, &QAction::toggled, this, [this](bool on) {
        setShowUtcSetting(on);
        m_workspace->setShowUtc(on);
    });

    m_actQuit = new QAction(tr("&Quit"), this);
    // Ctrl+Q everywhere (Windows has no standard Quit shortcut), plus the platform's own.
    QList<QKeySequence> quitKeys{QKeySequence(tr("Ctrl+Q"))};
    for (const QKeySequence &k : QKeySequence::keyBindings(QKeySequence::Quit))
        if (!quitKeys.contains(k))
            quitKeys << k;
    m_actQuit->setShortcuts(quitKeys);
    connect(m_actQuit, &QAction::triggered, this, &QWidget::close);

    m_actGuide = new QAction(themedIcon(QStringLiteral("guide")), tr("&Setup guide"), this);
    connect(m_actGuide, &QAction::triggered, this, &MainWindow::showSetupGuide);
    m_actActivityLog = new QAction(tr("Activity &log…"), this);
    m_actActivityLog->setToolTip(tr("Who synced, exported and reviewed what, and when — verified on opening"));
    connect(m_actActivityLog, &QAction::triggered, this, &MainWindow::showActivityLog);
    m_actAbout = new QAction(tr("&About Copilot Ledger"), this);
    m_actAbout->setMenuRole(QAction::AboutRole);
    connect(m_actAbout, &QAction::triggered, this, &MainWindow::showAbout);

    for (QAction *a : {m_actSync, m_actCancel, m_actExportView, m_actExportAll, m_actFind})
        addAction(a);   // shortcuts work while the toolbar is hidden
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_actConnections);
    file->addSeparator();
    file->addAction(m_actExportView);
    file->addAction(m_actExportAll);
    file->addAction(m_actExportCase);
    file->addSeparator();
    file->addAction(m_actQuit);
    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(m_actFind);
    view->addAction(m_actResetFilters);
    view->addSeparator();
    view->addAction(m_actShowUtc);
    QMenu *sync = menuBar()->addMenu(tr("&Sync"));
    sync->addAction(m_actSync);
    sync->addAction(m_actCancel);
    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(m_actGuide);
    help->addAction(m_actActivityLog);
    help->addSeparator();
    help->addAction(m_actAbout);
}

void MainWindow::createToolBar()
{
    QToolBar *bar = addToolBar(tr("Main"));
    bar->setObjectName(QStringLiteral("mainToolBar"));
    bar->setMovable(false);
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->setIconSize(QSize(20, 20));

    auto *profileLabel = new QLabel(tr("Tenant:"), bar);
    profileLabel->setContentsMargins(6, 0, 4, 0);
    bar->addWidget(profileLabel);
    m_profileCombo = new QComboBox(bar);
    m_profileCombo->setObjectName(QStringLiteral("profileSwitcher"));
    m_profileCombo->setAccessibleName(tr("Tenant profile"));
    m_profileCombo->setMinimumContentsLength(18);
    m_profileCombo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    profileLabel->setBuddy(m_profileCombo);
    bar->addWidget(m_profileCombo);
    connect(m_profileCombo, &QComboBox::activated, this, [this](int index) {
        const QString id = m_profileCombo->itemData(index).toString();
        if (id == m_session->profile().id && m_session->isOpen())
            return;
        if (id == kDemoId) {
            QString error;
            if (!openDemo(&error))
                Dialogs::error(this, tr("Demo tenant"), tr("The demo tenant could not be started."), error);
        } else if (!id.isEmpty()) {
            openProfile(id);
        }
    });
    bar->addAction(m_actConnections);
    bar->addSeparator();
    bar->addAction(m_actSync);
    bar->addAction(m_actCancel);
    bar->addSeparator();
    auto *exportButton = new QToolButton(bar);
    exportButton->setObjectName(QStringLiteral("exportButton"));
    exportButton->setDefaultAction(m_actExportView);
    exportButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    exportButton->setPopupMode(QToolButton::MenuButtonPopup);
    auto *exportMenu = new QMenu(exportButton);
    exportMenu->addAction(m_actExportView);
    exportMenu->addAction(m_actExportAll);
    exportMenu->addAction(m_actExportCase);
    exportButton->setMenu(exportMenu);
    exportButton->setText(tr("Export"));
    bar->addWidget(exportButton);
}

void MainWindow::reloadProfileSwitcher()
{
    const QSignalBlocker block(m_profileCombo);
    m_profileCombo->clear();
    for (const Profile &p : m_profiles->profiles())
        m_profileCombo->addItem(themedIcon(QStringLiteral("connect")), p.name, p.id);
    m_profileCombo->addItem(themedIcon(QStringLiteral("demo")), tr("Demo tenant"), kDemoId);
    if (m_session->isOpen())
        m_profileCombo->setCurrentIndex(m_profileCombo->findData(m_session->profile().id));
    else
        m_profileCombo->setCurrentIndex(-1);
}

bool MainWindow::isShowingWelcome() const
{
    return m_stack->currentWidget() == m_welcome;
}

void MainWindow::closeSession()
{
    m_workspace->setArchive(nullptr);
    m_session->close();
    m_liveRefresh->stop();
    m_workspace->setSyncRunning(false);
    m_syncStatus->finish();
    updateArchiveSummary();
}

void MainWindow::activateSession(const QString &title)
{
    m_workspace->setArchive(m_session->archive());
    m_workspace->setTenantName(m_session->profile().connection.tenant);
    m_stack->setCurrentWidget(m_workspace);
    updateArchiveSummary();
    setWindowTitle(tr("%1 — Copilot Ledger").arg(title));
    reloadProfileSwitcher();
    updateActions();
}

bool MainWindow::openProfile(const QString &profileId)
{
    const auto p = m_profiles->profile(profileId);
    if (!p)
        return false;
    closeSession();
    QString error;
    if (!m_session->open(*p, Archive::defaultPath(p->id), &error)) {
        Dialogs::error(this, tr("Open archive"), tr("The archive of “%1” could not be opened.").arg(p->name), error);
        reloadProfileSwitcher();
        updateActions();
        return false;
    }
    m_profiles->setLastUsedProfileId(p->id);
    activateSession(p->name);
    QPointer<MainWindow> self(this);
    const QString id = p->id;
    m_secrets->readSecret(id, [self, id](const SecretStore::Result &r) {
        if (!self || self->m_session->profile().id != id)
            return;
        // A secret given while the keychain was being read (typed, or set by a test) is newer:
        // the late answer neither replaces it nor reports it missing.
        if (self->m_session->hasSecret()) {
            self->updateActions();
            return;
        }
        if (r.ok && !r.secret.isEmpty()) {
            self->m_session->setSecret(r.secret);
        } else {
            self->setStatus(tr("No client secret is stored for this profile: the archive can be browsed; "
                               "to sync, open Connections and type the secret."));
        }
        self->updateActions();
    });
    return true;
}

bool MainWindow::openDemo(QString *error)
{
    if (!m_demo) {
        QString why;
        m_demo = DemoEnvironment::start(DemoTenantSpec{}, DemoServerOptions{}, 0, &why);
        if (!m_demo) {
            if (error)
                *error = why;
            return false;
        }
    }
    closeSession();
    Profile demo;
    demo.id = kDemoId;
    demo.name = tr("Demo tenant");
    demo.connection = m_demo->connection();
    if (!m_session->open(demo, Archive::defaultPath(kDemoId), error))
        return false;
    m_session->setDemo(true);
    m_session->setSecret(m_demo->clientSecret());   // never written to the keychain
    activateSession(demo.name);
    if (m_session->archive()->reader().countInteractions(ArchiveFilter{}) == 0) {
        setStatus(tr("Reading the demo tenant for the first time…"));
        startSync(SyncOptions{});
    }
    return true;
}

void MainWindow::openInitial()
{
    const QString last = m_profiles->lastUsedProfileId();
    if (!last.isEmpty() && m_profiles->profile(last) && openProfile(last))
        return;
    m_stack->setCurrentWidget(m_welcome);
    updateActions();
}

void MainWindow::updateArchiveSummary()
{
    if (!m_session->isOpen()) {
        m_countLabel->clear();
        m_countedUsers = m_countedInteractions = -1;
        return;
    }
    // Counting a million interactions takes longer than a frame: a worker thread counts.
    if (!m_summaryWorker)
        m_summaryWorker = std::make_unique<ArchiveWorker>();
    const QString path = m_session->archive()->path();
    if (m_summaryWorker->path() != path)
        m_summaryWorker->setPath(path);
    const quint64 serial = ++m_summarySerial;
    m_countPending = true;
    m_summaryWorker->run(
        [](const Archive *a) {
            return a ? std::make_pair(a->reader().countUsers(ArchiveFilter{}), a->reader().countInteractions(ArchiveFilter{}))
                     : std::make_pair(qint64(0), qint64(0));
        },
        [this, serial](std::pair<qint64, qint64> n) {
            if (serial != m_summarySerial || !m_session->isOpen())
                return;
            m_countPending = false;
            m_countedUsers = n.first;
            m_countedInteractions = n.second;
            // No page was stored yet in this sync: the count is its starting point.
            if (m_session->isSyncing() && m_syncBase < 0 && m_syncNew == 0)
                m_syncBase = n.second;
            showArchiveCounts();
        });
}

QString MainWindow::archiveSummaryText() const { return m_countLabel->text(); }

void MainWindow::setLiveRefreshIntervalForTesting(int milliseconds) { m_liveRefresh->setInterval(milliseconds); }

void MainWindow::showArchiveCounts()
{
    if (!m_session->isOpen()) {
        m_countLabel->clear();
        return;
    }
    qint64 archived = qMax<qint64>(0, m_countedInteractions);
    if (m_session->isSyncing())
        archived = qMax(archived, qMax<qint64>(0, m_syncBase) + m_syncNew);
    const QLocale loc;
    const QString name = m_session->profile().name;
    if (m_countedUsers < 0 && !m_session->isSyncing()) {
        m_countLabel->setText(tr("%1 · counting…").arg(name));
        return;
    }
    m_countLabel->setText(tr("%1 · %2 users · %3 interactions archived")
                              .arg(name, loc.toString(qMax<qint64>(0, m_countedUsers)), loc.toString(archived)));
}

void MainWindow::updateActions()
{
    const bool open = m_session->isOpen();
    const bool syncing = m_session->isSyncing();
    m_actSync->setEnabled(open && !syncing);
    m_actCancel->setEnabled(syncing);
    m_actExportView->setEnabled(open && !m_export->isRunning());
    m_actExportAll->setEnabled(open && !m_export->isRunning());
    m_actExportCase->setEnabled(open && !m_export->isRunning());
    m_actFind->setEnabled(open);
    m_actResetFilters->setEnabled(open);
    m_actActivityLog->setEnabled(open);
}

void MainWindow::setStatus(const QString &message, int timeoutMs)
{
    m_lastMessage = message;
    m_exportNotice->hide();   // a newer message replaces the last export's notice
    m_openFolder->hide();
    statusBar()->showMessage(message, timeoutMs);
}

void MainWindow::showSyncDialog()
{
    if (!m_session->isOpen() || m_session->isSyncing())
        return;
    auto *dlg = new SyncDialog(this);
    dlg->setAttribute(Qt::WA_DeleteOnClose);
    connect(dlg, &QDialog::accepted, this, [this, dlg] { startSync(dlg->options()); });
    dlg->open();
}

bool MainWindow::startSync(const ledger::SyncOptions &options)
{
    SyncOptions o = options;
    if (m_session->isDemo())
        o.requestsPerSecond = qMax(o.requestsPerSecond, 200.0);   // the local demo has no budget
    QString error;
    if (m_session->isOpen() && !m_session->hasSecret())
        error = tr("No client secret is available for this profile. Open Connections and type it.");
    if (!error.isEmpty() || !m_session->startSync(o, &error)) {
        Dialogs::error(this, tr("Sync"), error);
        setStatus(error);
        return false;
    }
    setStatus(tr("Sync started."), 3000);
    return true;
}

void MainWindow::cancelSync()
{
    if (m_session->isSyncing()) {
        m_session->cancelSync();
        setStatus(tr("Cancelling the sync…"));
    }
}

void MainWindow::onSyncFinished(const ledger::SyncSummary &summary)
{
    m_liveRefresh->stop();
    m_syncStatus->finish();
    m_workspace->setSyncRunning(false);
    m_workspace->reloadAll();
    updateArchiveSummary();
    updateActions();
    QString message;
    const int failed = summary.count(UserStatus::Failed);
    if (summary.authFailed) {
        // The core's diagnosis, the same as the connection check's for the same fault: a sign-in
        // error by its AADSTS code or transport error, or a missing permission by name.
        message = summary.authError.isValid() ? tr("Sign-in failed: %1").arg(summary.message) : summary.message;
        Dialogs::error(this, tr("Sync"), message, summary.failureDetails());
    } else if (summary.cancelled) {
        message = tr("Sync cancelled; %Ln new interactions were kept.", nullptr, int(summary.interactionsNew));
    } else if (!summary.completed) {
        message = summary.message.isEmpty() ? tr("The sync stopped before every user was read.") : summary.message;
        Dialogs::error(this, tr("Sync"), message, summary.failureDetails());
    } else if (failed > 0) {
        message = tr("Sync finished: %1 new interactions; %Ln user(s) could not be read — see the Users tab "
                     "(status Failed).", nullptr, failed).arg(QLocale().toString(summary.interactionsNew));
    } else {
        message = tr("Sync finished: %Ln new interactions.", nullptr, int(summary.interactionsNew));
    }
    setStatus(message);
    emit syncFinished(summary);
}

ConnectionDialog *MainWindow::connectionDialog()
{
    if (!m_connections) {
        m_connections = new ConnectionDialog(m_profiles, m_secrets, this);
        connect(m_connections, &ConnectionDialog::profileSaved, this, [this](const Profile &p) {
            reloadProfileSwitcher();
            if (!m_session->isOpen() || m_session->profile().id == p.id || m_session->isDemo()) {
                if (!m_session->isSyncing())
                    openProfile(p.id);
            }
        });
        connect(m_connections, &ConnectionDialog::profileAboutToBeRemoved, this, [this](const QString &id) {
            if (m_session->profile().id == id)
                closeSession();   // before its archive is deleted
        });
        connect(m_connections, &ConnectionDialog::profileRemoved, this, &MainWindow::onProfileRemoved);
    }
    return m_connections;
}

void MainWindow::showConnections()
{
    ConnectionDialog *dlg = connectionDialog();
    if (m_session->isOpen() && !m_session->isDemo())
        dlg->selectProfile(m_session->profile().id);
    else if (m_profiles->profiles().isEmpty())
        dlg->startNewProfile();
    dlg->show();
    dlg->raise();
    dlg->activateWindow();
}

void MainWindow::showSetupGuide()
{
    showConnections();
    connectionDialog()->showSetupGuide(true);
}

void MainWindow::onProfileRemoved(const QString &id, bool)
{
    if (m_session->profile().id == id) {
        closeSession();
        m_stack->setCurrentWidget(m_welcome);
        setWindowTitle(tr("Copilot Ledger"));
    }
    reloadProfileSwitcher();
    updateActions();
}

void MainWindow::showAbout()
{
    auto *dlg = new AboutDialog(this);
    dlg->setAttribute(Qt::WA_DeleteOnClose);
    dlg->open();
}

void MainWindow::showActivityLog()
{
    if (!m_session->isOpen())
        return;
    auto *dlg = new ActivityLogDialog(*m_session->archive(), this);
    dlg->setAttribute(Qt::WA_DeleteOnClose);
    dlg->open();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    QSettings s;
    s.setValue(QStringLiteral("main/geometry"), saveGeometry());
    s.setValue(QStringLiteral("main/state"), saveState());
    m_workspace->saveLayout();
    if (m_session->isSyncing())
        m_session->cancelSync();   // what was read so far is already committed
    QMainWindow::closeEvent(event);
}

} // namespace ledger::gui
