#pragma once
// The browsing area of the main window: the filter bar over the Users / Sessions / Prompts /
// Activity tabs, and the conversation pane beside them. Composes the models and views; filter
// changes reload the visible tab at once and the others when they are shown.
#include "app/archive/ArchiveTypes.h"
#include "app/transcript/TranscriptSession.h"
#include <QPersistentModelIndex>
#include <QWidget>

class QMenu;
class QSplitter;
class QTabWidget;

namespace ledger {
class Archive;
class FindingsRescan;
}

namespace ledger::gui {

class FilterBar;
class HighlightDelegate;
class LedgerTableView;
class UsersModel;
class SessionsModel;
class PromptsModel;
class ArchiveTableModel;
class ConversationView;
class ActivityView;
class NoMatchPanel;
class SavedSearchPanel;
class UserDetailsPanel;
class ReviewView;

class Workspace : public QWidget {
    Q_OBJECT
public:
    enum Tab { UsersTab, SessionsTab, PromptsTab, ActivityTab, ReviewTab };
    Q_ENUM(Tab)

    explicit Workspace(QWidget *parent = nullptr);
    ~Workspace() override;

    void setArchive(ledger::Archive *archive);
    void reloadAll();
    void setShowUtc(bool on);
    // A sync is running: an empty table says that its rows are on the way, not "Press Sync".
    void setSyncRunning(bool running);

    Tab currentTab() const;
    void setCurrentTab(Tab tab);
    // The filter a tab applies (what its "Export view to CSV…" writes).
    ledger::ArchiveFilter filterFor(Tab tab) const;
    QString countsText() const;

    FilterBar *filterBar() const { return m_filter; }
    UsersModel *usersModel() const { return m_users; }
    SessionsModel *sessionsModel() const { return m_sessions; }
    PromptsModel *promptsModel() const { return m_prompts; }
    LedgerTableView *usersView() const { return m_usersView; }
    LedgerTableView *sessionsView() const { return m_sessionsView; }
    LedgerTableView *promptsView() const { return m_promptsView; }
    QTabWidget *tabs() const { return m_tabs; }
    QWidget *conversationPane() const { return m_conversationPane; }
    UserDetailsPanel *userDetails() const { return m_details; }
    ActivityView *activityView() const { return m_activity; }
    SavedSearchPanel *savedSearches() const { return m_savedSearches; }
    ReviewView *reviewView() const { return m_review; }
    // "Name (upn)" when another user has the same display name, else the name.
    QString distinctName(const QString &displayName, const QString &upn) const;
    QStringList sharedDisplayNames() const { return m_sharedNames; }
    void saveLayout() const;
    void restoreLayout();

    // Transcripts (ui/main/WorkspaceTranscripts.cpp, docs/USER-GUIDE.md "Transcripts"): the tenant
    // their footers name; a user's sessions in the date range of the filter; a case's sessions.
    void setTenantName(const QString &tenant);
    bool saveUserTranscripts(const QString &userId, QString *savedPath = nullptr);
    bool saveCaseTranscript(const QString &caseName, QString *savedPath = nullptr);
    QStringList caseNames() const;
    // The Users tab's context menu for the row at pos (tests open it without a popup).
    QMenu *usersContextMenu(const QModelIndex &index);

signals:
    void countsChanged(const QString &text);

private:
    void onFilterChanged();
    void startFindingsRescan();   // after setArchive or a watchlist change
    void editWatchlists();        // the Watchlists… dialog; saved lists are rescanned
    void ensureFresh(Tab tab);
    void updateCounts();
    void updateEmptyText(LedgerTableView *view, ArchiveTableModel *model);
    void updatePanes();
    void syncConversation();
    void updateUserDetails();
    void updateSearchPlaceholder();
    void updateCaseNames();       // the filter bar's Review ▸ Case list
    void onUsersSelectionChanged();
    void showConversationFor(const QModelIndex &index);
    void step(int delta);
    void selectScopedUsers();
    ArchiveTableModel *modelFor(Tab tab) const;
    LedgerTableView *viewFor(Tab tab) const;

    ledger::Archive *m_archive = nullptr;
    // Recomputes out-of-date findings in the background when an archive is shown.
    ledger::FindingsRescan *m_rescan = nullptr;
    FilterBar *m_filter;
    QTabWidget *m_tabs;
    QSplitter *m_splitter;
    UsersModel *m_users;
    SessionsModel *m_sessions;
    PromptsModel *m_prompts;
    LedgerTableView *m_usersView;
    LedgerTableView *m_sessionsView;
    LedgerTableView *m_promptsView;
    HighlightDelegate *m_highlight;
    QWidget *m_conversationPane;
    ConversationView *m_conversation = nullptr;
    ActivityView *m_activity = nullptr;
    ReviewView *m_review = nullptr;
    UserDetailsPanel *m_details = nullptr;
    SavedSearchPanel *m_savedSearches = nullptr;
    NoMatchPanel *m_noMatch[3] = {nullptr, nullptr, nullptr};
    QStringList m_sharedNames;   // display names more than one user has
    // Per tab: the filter changed (new query, back to the top) / only the data changed (a sync
    // stored more: re-read keeping the rows in view).
    bool m_dirty[5] = {true, true, true, true, true};
    bool m_stale[5] = {false, false, false, false, false};
    QPersistentModelIndex m_waitingConversation;   // current row whose data was still being read
    bool m_updatingSelection = false;
    bool m_syncRunning = false;
    QString m_tenant;
    bool saveTranscriptFile(const QList<ledger::TranscriptSession> &sessions, const QString &suggestedName,
                            const QString &title, QString *savedPath);
};

} // namespace ledger::gui
