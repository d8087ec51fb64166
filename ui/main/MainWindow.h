#pragma once
// The application window: toolbar (profile switcher, Sync, Cancel, Export),
// welcome page or workspace, status bar with counts and sync progress, menus and shortcuts.
// It composes the widgets; it does not implement them.
#include "app/sync/SyncEngine.h"
#include <QMainWindow>
#include <memory>

class QAction;
class QComboBox;
class QLabel;
class QPushButton;
class QStackedWidget;
class QTimer;

namespace ledger {
class ProfileStore;
class SecretStore;
class DemoEnvironment;
class ArchiveWorker;
struct ExportOutcome;
struct Profile;
class TenantSession;
}

namespace ledger::gui {

class ConnectionDialog;
class ExportController;
class SyncStatusWidget;
class WelcomePage;
class Workspace;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Opens the saved profile (archive at once; the secret from the keychain asynchronously).
    bool openProfile(const QString &profileId);
    // Starts the built-in demo tenant and opens its archive; syncs it when the archive is empty.
    bool openDemo(QString *error = nullptr);
    // What to show first: the last used profile, else the welcome page.
    void openInitial();

    bool startSync(const ledger::SyncOptions &options);
    void exportView();          // "Export view to CSV…" for the current tab
    void exportEverything();    // the export folder of docs/EXPORT-FORMAT.md
    void exportCase();          // "Export case…": the export folder of one review case

    Workspace *workspace() const { return m_workspace; }
    WelcomePage *welcomePage() const { return m_welcome; }
    TenantSession *session() const { return m_session; }
    ExportController *exporter() const { return m_export; }
    SyncStatusWidget *syncStatus() const { return m_syncStatus; }
    QComboBox *profileSwitcher() const { return m_profileCombo; }
    ledger::ProfileStore *profiles() const { return m_profiles; }
    ledger::SecretStore *secrets() const { return m_secrets; }
    bool isShowingWelcome() const;
    QString lastStatusMessage() const { return m_lastMessage; }
    QString archiveSummaryText() const;   // the status bar's "<profile> · N users · M interactions archived"
    // Test hook: how often the tables take in new rows during a sync (default 4 s).
    void setLiveRefreshIntervalForTesting(int milliseconds);

public slots:
    void showConnections();
    void showSetupGuide();
    void showSyncDialog();
    void cancelSync();
    void showAbout();
    void showActivityLog();   // Help → Activity log (ui/log/ActivityLogDialog)

signals:
    void syncFinished(const ledger::SyncSummary &summary);
    void exportFinished(bool ok);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void createMenus();
    void createToolBar();
    void reloadProfileSwitcher();
    void activateSession(const QString &title);
    void closeSession();
    void updateActions();
    void updateArchiveSummary();
    void setStatus(const QString &message, int timeoutMs = 0);
    void onSyncFinished(const ledger::SyncSummary &summary);
    void onExportFinished(const ExportOutcome &outcome);
    void showExportNotice(const QString &message, const QString &folder);
    void exportActivityCsv();
    // The export folder's options (pseudonymise), its folder, then the export (the pseudonym key
    // is read from the keychain first). folderPrefix names the new sub-folder.
    void startFolderExport(const ledger::ArchiveFilter &filter, const QString &scope, const QString &title,
                           const QString &folderPrefix);
    void showArchiveCounts();
    QString proposedExportFolder() const;
    void onProfileRemoved(const QString &id, bool forget);
    ConnectionDialog *connectionDialog();

    ledger::ProfileStore *m_profiles;
    ledger::SecretStore *m_secrets;
    TenantSession *m_session;
    ExportController *m_export;
    std::unique_ptr<ledger::DemoEnvironment> m_demo;

    QStackedWidget *m_stack;
    WelcomePage *m_welcome;
    Workspace *m_workspace;
    QComboBox *m_profileCombo;
    QLabel *m_countLabel;
    QLabel *m_exportNotice;
    QPushButton *m_openFolder;
    QString m_exportFolder;             // where the last export went (Open folder)
    SyncStatusWidget *m_syncStatus;
    QTimer *m_liveRefresh;
    ConnectionDialog *m_connections = nullptr;
    QString m_lastMessage;

    QAction *m_actConnections, *m_actSync, *m_actCancel, *m_actExportView, *m_actExportAll,
        *m_actExportCase = nullptr;
    QAction *m_actFind, *m_actShowUtc, *m_actResetFilters, *m_actQuit, *m_actAbout, *m_actGuide;
    QAction *m_actActivityLog = nullptr;
    std::unique_ptr<ledger::ArchiveWorker> m_summaryWorker;   // status-bar counts, off the GUI thread
    quint64 m_summarySerial = 0;
    // The status bar's counts: what the last count found, and during a sync the count at its
    // start plus what the sync stored since, so that "archived" is never below "new".
    qint64 m_countedUsers = -1, m_countedInteractions = -1;
    qint64 m_syncBase = -1, m_syncNew = 0;
    bool m_countPending = false;
    bool m_syncUsersCounted = false;   // this sync's stored user list was counted
};

} // namespace ledger::gui
