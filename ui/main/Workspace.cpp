#include "ui/main/Workspace.h"

#include "app/archive/Archive.h"
#include "app/archive/FindingsRescan.h"
#include "ui/common/Icons.h"
#include "ui/filter/FilterBar.h"
#include "ui/filter/NoMatchPanel.h"
#include "ui/main/UserDetailsPanel.h"
#include "ui/watchlist/WatchlistDialog.h"
#include "ui/models/HighlightDelegate.h"
#include "ui/models/LedgerTableView.h"
#include "ui/models/PromptsModel.h"
#include "ui/models/SessionsModel.h"
#include "ui/models/UsersModel.h"
#include "ui/review/ReviewFilterButton.h"
#include "app/review/ReviewStore.h"
#include "ui/review/ReviewView.h"
#include "ui/filter/SavedSearchPanel.h"

#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QSettings>
#include <QSplitter>
#include <QTabWidget>
#include <QVBoxLayout>

#include "ui/activity/ActivityView.h"
#include "ui/conversation/ConversationView.h"

namespace ledger::gui {

Workspace::Workspace(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("workspace"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);

    m_filter = new FilterBar(this);
    layout->addWidget(m_filter);

    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setObjectName(QStringLiteral("mainSplitter"));
    m_splitter->setChildrenCollapsible(false);
    layout->addWidget(m_splitter, 1);

    // Saved searches: a side list left of the tables (docs/USER-GUIDE.md "Saved searches").
    m_savedSearches = new SavedSearchPanel(m_splitter);
    m_savedSearches->setMinimumWidth(150);
    m_savedSearches->setCurrentSearchProvider([this] { return m_filter->currentSearch(); });
    connect(m_savedSearches, &SavedSearchPanel::applyRequested, m_filter, &FilterBar::applySearch);

    m_tabs = new QTabWidget(m_splitter);
    m_tabs->setObjectName(QStringLiteral("mainTabs"));
    m_tabs->setDocumentMode(true);

    m_users = new UsersModel(this);
    m_sessions = new SessionsModel(this);
    m_prompts = new PromptsModel(this);
    m_highlight = new HighlightDelegate(this);

    // One table view: its settings key (column widths and order), names, first sort, default
    // column widths (in "M" widths) and model.
    const auto tableView = [this](const QString &key, const QString &name, const QString &accessible, int sortColumn,
                                  Qt::SortOrder order, const QList<int> &widths, QAbstractItemModel *model) {
        auto *view = new LedgerTableView(QStringLiteral("tables/") + key, m_tabs);
        view->setObjectName(name);
        view->setAccessibleName(accessible);
        view->setDefaultSort(sortColumn, order);
        view->setDefaultWidths(widths);
        view->setModel(model);
        return view;
    };
    m_usersView = tableView(QStringLiteral("users"), QStringLiteral("usersView"), tr("Users"), int(UserRow::Name), Qt::AscendingOrder,
                            {12, 16, 9, 10, 5, 9, 7, 6, 17}, m_users);
    m_sessionsView = tableView(QStringLiteral("sessions"), QStringLiteral("sessionsView"), tr("Sessions"), int(SessionRow::Started),
                               Qt::DescendingOrder, {11, 9, 15, 15, 5, 26, 6, 8, 12, 8}, m_sessions);
    m_sessionsView->setItemDelegate(m_highlight);
    m_sessionsView->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_promptsView = tableView(QStringLiteral("prompts"), QStringLiteral("promptsView"), tr("Prompts"), int(TurnRow::Time), Qt::DescendingOrder,
                              {13, 10, 7, 20, 20, 5, 7, 10, 7}, m_prompts);
    m_promptsView->setItemDelegate(m_highlight);

    m_tabs->addTab(m_usersView, themedIcon(QStringLiteral("users")), tr("&Users"));
    // "S&essions": Alt+S is the Sync menu.
    m_tabs->addTab(m_sessionsView, themedIcon(QStringLiteral("sessions")), tr("S&essions"));
    m_tabs->addTab(m_promptsView, themedIcon(QStringLiteral("prompts")), tr("&Prompts"));
    m_activity = new ActivityView(m_tabs);
    m_tabs->addTab(m_activity, themedIcon(QStringLiteral("activity")), tr("&Activity"));
    m_review = new ReviewView(m_tabs);
    m_tabs->addTab(m_review, themedIcon(QStringLiteral("eye")), tr("Revie&w"));
    connect(m_review, &ReviewView::countsChanged, this, [this] {
        if (currentTab() == ReviewTab)
            updateCounts();
    });
    connect(m_review, &ReviewView::reviewsChanged, this, [this] {
        // The Sessions and Prompts tabs show review columns and filter on them: re-read them.
        m_stale[SessionsTab] = m_stale[PromptsTab] = true;
        updateCaseNames();
    });

    m_conversation = new ConversationView(m_splitter);
    m_conversationPane = m_conversation;
    connect(m_conversation, &ConversationView::previousRequested, this, [this] { step(-1); });
    connect(m_conversation, &ConversationView::nextRequested, this, [this] { step(+1); });
    m_conversationPane->setObjectName(QStringLiteral("conversationPane"));
    // Never narrower than its own tool row (find field, match count, Copy, Export): squeezed
    // below that, the widgets would overlap.
    m_conversationPane->setMinimumWidth(qMax(320, m_conversationPane->minimumSizeHint().width()));
    m_details = new UserDetailsPanel(m_splitter);
    m_details->setMinimumWidth(280);
    m_details->hide();
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 3);
    m_splitter->setStretchFactor(2, 2);

    connect(m_filter, &FilterBar::filterChanged, this, &Workspace::onFilterChanged);
    connect(m_filter, &FilterBar::editWatchlistsRequested, this, &Workspace::editWatchlists);
    connect(m_filter, &FilterBar::userScopeChanged, this, [this] {
        if (m_filter->userScope().isEmpty() && !m_updatingSelection) {
            m_updatingSelection = true;
            m_usersView->clearSelection();
            m_updatingSelection = false;
        }
        onFilterChanged();
    });
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int i) {
        m_filter->setStatusFilterVisible(i == UsersTab);
        m_filter->setReviewFilterVisible(i == SessionsTab || i == PromptsTab);
        updateSearchPlaceholder();
        ensureFresh(Tab(i));
        updatePanes();
        updateCounts();
        if (i != ActivityTab && i != ReviewTab)
            updateEmptyText(viewFor(Tab(i)), modelFor(Tab(i)));
    });
    connect(m_usersView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &Workspace::onUsersSelectionChanged);
    connect(m_usersView->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &Workspace::updateUserDetails);
    for (LedgerTableView *v : {m_sessionsView, m_promptsView}) {
        connect(v->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this, v](const QModelIndex &current) {
            if (viewFor(currentTab()) == v)
                showConversationFor(current);
        });
    }
    // The pane always belongs to the current row: a new query (filter, chip) or a re-read that
    // drops the current row leaves it empty instead of showing the previous conversation.
    for (ArchiveTableModel *m : {static_cast<ArchiveTableModel *>(m_sessions), static_cast<ArchiveTableModel *>(m_prompts)}) {
        connect(m, &QAbstractItemModel::modelReset, this, &Workspace::syncConversation);
        connect(m, &ArchiveTableModel::loaded, this, &Workspace::syncConversation);
    }
    connect(m_users, &QAbstractItemModel::modelReset, this, &Workspace::updateUserDetails);
    connect(m_users, &ArchiveTableModel::rowsLoaded, this, &Workspace::updateUserDetails);
    for (int t = 0; t < 3; ++t) {
        m_noMatch[t] = new NoMatchPanel(this);
        viewFor(Tab(t))->setEmptyOverlay(m_noMatch[t]);
        connect(m_noMatch[t], &NoMatchPanel::clearRequested, m_filter, &FilterBar::clearPart);
        connect(m_noMatch[t], &NoMatchPanel::clearAllRequested, m_filter, &FilterBar::reset);
    }
    connect(m_activity, &ActivityView::loaded, this, &Workspace::updateCounts);
    connect(m_activity, &ActivityView::dayActivated, this, [this](const QDate &day) {
        m_filter->setCustomRange(day, day);
        setCurrentTab(PromptsTab);
    });
    connect(m_activity, &ActivityView::userActivated, this, [this](const QString &userId, const QString &label) {
        m_filter->setUserScope({userId}, tr("User: %1").arg(label));
        setCurrentTab(PromptsTab);
    });
    for (Tab tab : {UsersTab, SessionsTab, PromptsTab}) {
        ArchiveTableModel *m = modelFor(tab);
        LedgerTableView *view = viewFor(tab);
        connect(m, &ArchiveTableModel::countsChanged, this, &Workspace::updateCounts);
        connect(m, &ArchiveTableModel::loaded, this, [this, view, m] { updateEmptyText(view, m); });
        connect(m, &ArchiveTableModel::rowsLoaded, this, [this, m](int first, int last) {
            // The current row of the Sessions / Prompts tab arrived: show its conversation now.
            const QPersistentModelIndex waiting = m_waitingConversation;
            if (waiting.isValid() && waiting.model() == m && waiting.row() >= first && waiting.row() <= last)
                showConversationFor(waiting);
        });
        updateEmptyText(view, m);
    }
    connect(m_users, &ArchiveTableModel::loaded, this, &Workspace::selectScopedUsers);
    m_usersView->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_usersView, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        if (QMenu *menu = usersContextMenu(m_usersView->indexAt(pos))) {
            menu->setAttribute(Qt::WA_DeleteOnClose);
            menu->popup(m_usersView->viewport()->mapToGlobal(pos));
        }
    });
    m_filter->setStatusFilterVisible(true);
    restoreLayout();
    m_filter->setStatusFilterVisible(currentTab() == UsersTab);
    m_filter->setReviewFilterVisible(currentTab() == SessionsTab || currentTab() == PromptsTab);
    updateSearchPlaceholder();
    updatePanes();
}

Workspace::~Workspace()
{
    saveLayout();
}

void Workspace::saveLayout() const
{
    QSettings s;
    s.setValue(QStringLiteral("main/splitter2"), m_splitter->saveState());   // 2: with the saved searches
    s.setValue(QStringLiteral("main/tab"), m_tabs->currentIndex());
}

void Workspace::restoreLayout()
{
    QSettings s;
    const QByteArray state = s.value(QStringLiteral("main/splitter2")).toByteArray();
    if (state.isEmpty() || !m_splitter->restoreState(state))
        m_splitter->setSizes({230, 1000, 440});
    m_tabs->setCurrentIndex(qBound(0, s.value(QStringLiteral("main/tab"), int(PromptsTab)).toInt(), int(ReviewTab)));
}

ArchiveTableModel *Workspace::modelFor(Tab tab) const
{
    switch (tab) {
    case UsersTab: return m_users;
    case SessionsTab: return m_sessions;
    case PromptsTab: return m_prompts;
    case ActivityTab:
    case ReviewTab: break;
    }
    return nullptr;
}

LedgerTableView *Workspace::viewFor(Tab tab) const
{
    switch (tab) {
    case UsersTab: return m_usersView;
    case SessionsTab: return m_sessionsView;
    case PromptsTab: return m_promptsView;
    case ActivityTab:
    case ReviewTab: break;
    }
    return nullptr;
}

void Workspace::setArchive(ledger::Archive *archive)
{
    m_archive = archive;
    for (bool &d : m_dirty)
        d = true;
    for (bool &d : m_stale)
        d = true;
    m_filter->clearUserScope();
    m_conversation->clear();
    m_conversation->setArchive(archive);
    m_activity->setArchive(archive);
    m_review->setArchive(archive);
    updateCaseNames();
    m_details->clear();
    m_savedSearches->setArchive(archive);
    startFindingsRescan();
    reloadAll();
}

void Workspace::editWatchlists()
{
    if (!m_archive || !m_archive->isOpen())
        return;
    WatchlistDialog dialog(m_archive->findings().storedWatchlists(), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    if (!m_archive->findings().saveWatchlists(dialog.watchlists())) {
        qWarning().noquote() << "Saving the watchlists failed:" << m_archive->lastError();
        return;
    }
    startFindingsRescan();   // recomputes the watchlist findings in the background
}

void Workspace::updateCaseNames()
{
    m_filter->reviewFilter()->setCaseNames(m_archive && m_archive->isOpen() ? ReviewStore(*m_archive).caseNames() : QStringList());
}

void Workspace::startFindingsRescan()
{
    if (!m_rescan) {
        m_rescan = new FindingsRescan(this);
        connect(m_rescan, &FindingsRescan::finished, this, [this](bool ok, const QString &error) {
            if (!ok)
                qWarning().noquote() << "Updating the findings failed:" << error;
            reloadAll();
        });
    }
    QStringList names;
    if (m_archive) {
        for (const detect::Watchlist &w : m_archive->findings().watchlists())
            names << w.name();
    }
    m_filter->setWatchlistNames(names);
    if (m_archive && m_archive->isOpen())
        m_rescan->start(m_archive->path(), m_archive->findings().watchlists(), m_archive->findings().rescanNeeded());
}

void Workspace::reloadAll()
{
    m_sharedNames = m_archive && m_archive->isOpen() ? m_archive->reader().sharedDisplayNames() : QStringList();
    m_review->setSharedNames(m_sharedNames);
    for (bool &d : m_stale)
        d = true;
    ensureFresh(currentTab());
    updateCounts();
    m_savedSearches->refreshCounts();
}

void Workspace::setShowUtc(bool on)
{
    for (ArchiveTableModel *m : {static_cast<ArchiveTableModel *>(m_users),
                                 static_cast<ArchiveTableModel *>(m_sessions),
                                 static_cast<ArchiveTableModel *>(m_prompts)})
        m->setShowUtc(on);
    m_conversation->setShowUtc(on);
    m_review->setShowUtc(on);
}

Workspace::Tab Workspace::currentTab() const
{
    return Tab(qMax(0, m_tabs->currentIndex()));
}

void Workspace::setCurrentTab(Tab tab)
{
    m_tabs->setCurrentIndex(int(tab));
}

ledger::ArchiveFilter Workspace::filterFor(Tab tab) const
{
    ArchiveFilter f = m_filter->filter();
    if (tab == UsersTab) {
        // The Users tab searches people (name, UPN, mail, department), not what they asked.
        f.userText = f.text;
        f.text.clear();
        f.reviewStatuses.clear();
        f.reviewCase.clear();
        f.reviewNote.clear();
        return f;
    }
    f.statuses.clear();
    f.userIds = m_filter->userScope();
    if (tab == ActivityTab || tab == ReviewTab) {
        // The review filter is the Sessions and Prompts tabs' (the Review tab has its own).
        f.reviewStatuses.clear();
        f.reviewCase.clear();
        f.reviewNote.clear();
    }
    return f;
}

void Workspace::onFilterChanged()
{
    m_highlight->setSearchText(m_filter->filter().text);
    m_conversation->setSearchQuery(m_filter->filter().text);
    m_savedSearches->setActiveSearch(m_filter->currentSearch());
    for (bool &d : m_dirty)
        d = true;
    ensureFresh(currentTab());
    updateCounts();
}

void Workspace::ensureFresh(Tab tab)
{
    if (!m_dirty[tab] && !m_stale[tab])
        return;
    const bool newQuery = m_dirty[tab], dataChanged = m_stale[tab];
    m_dirty[tab] = m_stale[tab] = false;
    if (tab == ActivityTab) {
        m_activity->setFilter(filterFor(ActivityTab));
        return;
    }
    if (tab == ReviewTab) {
        const ArchiveFilter scope = filterFor(ReviewTab);
        const bool sameScope = m_review->scope() == scope;
        m_review->setScope(scope);   // reads the queue when the scope changed
        if (sameScope && dataChanged)
            m_review->reload();
        return;
    }
    ArchiveTableModel *model = modelFor(tab);
    // A new query starts at the top; the same query over more data keeps the rows in view.
    const bool started = newQuery && model->setSource(m_archive, filterFor(tab));
    if (!started && dataChanged) {
        if (model->isLoading())
            m_stale[tab] = true;   // a slow query is still running: refresh on the next tick
        else
            model->reload();
    }
    updateEmptyText(viewFor(tab), model);
}

void Workspace::selectScopedUsers()
{
    // Re-select the scoped users that are listed so the chip and the table agree.
    if (m_filter->userScope().isEmpty())
        return;
    m_updatingSelection = true;
    const QStringList ids = m_filter->userScope();
    QItemSelection sel;
    for (int r = 0; r < m_users->rowCount(); ++r) {
        if (ids.contains(m_users->index(r, 0).data(ArchiveTableModel::UserIdRole).toString()))
            sel.select(m_users->index(r, 0), m_users->index(r, m_users->columnCount() - 1));
    }
    m_usersView->selectionModel()->select(sel, QItemSelectionModel::ClearAndSelect);
    m_updatingSelection = false;
}

void Workspace::setSyncRunning(bool running)
{
    m_syncRunning = running;
    for (Tab tab : {UsersTab, SessionsTab, PromptsTab})
        updateEmptyText(viewFor(tab), modelFor(tab));
}

void Workspace::updateEmptyText(LedgerTableView *view, ArchiveTableModel *model)
{
    if (!m_archive)
        view->setEmptyText(tr("No archive is open. Connect to a tenant or explore the demo tenant."));
    else if (model->isLoading())
        view->setEmptyText(tr("Reading the archive…"));
    else if (model->totalUnfiltered() == 0 && m_syncRunning)
        view->setEmptyText(tr("Syncing… The first rows appear here within a few seconds."));
    else if (model->totalUnfiltered() == 0)
        view->setEmptyText(tr("Nothing archived yet. Press Sync (F5) to read this tenant's Copilot history."));
    else
        view->setEmptyText(tr("Nothing matches the filter. Clear the search, widen the dates or remove the user chip."));
    // Over an empty result: every active filter with its own clear button.
    const int t = view == m_usersView ? 0 : view == m_sessionsView ? 1 : 2;
    const bool show = m_archive && !model->isLoading() && model->rowCount() == 0 && model->totalUnfiltered() > 0;
    const QList<FilterBar::ActivePart> parts = show ? m_filter->activeParts(t == 0) : QList<FilterBar::ActivePart>();
    m_noMatch[t]->setParts(parts);
    m_noMatch[t]->setVisible(!parts.isEmpty());
    view->updateOverlayGeometry();
}

QString Workspace::distinctName(const QString &displayName, const QString &upn) const
{
    if (displayName.isEmpty())
        return upn;
    if (upn.isEmpty() || !m_sharedNames.contains(displayName, Qt::CaseInsensitive))
        return displayName;
    return tr("%1 (%2)").arg(displayName, upn);
}

void Workspace::updateSearchPlaceholder()
{
    switch (currentTab()) {
    case UsersTab: m_filter->setSearchPlaceholder(tr("Find users by name, UPN or department (Ctrl+F)")); break;
    case SessionsTab: m_filter->setSearchPlaceholder(tr("Find sessions whose prompts or responses contain these words (Ctrl+F)")); break;
    case PromptsTab: m_filter->setSearchPlaceholder(tr("Search prompts and responses (Ctrl+F)")); break;
    case ActivityTab: m_filter->setSearchPlaceholder(tr("Count only interactions whose prompt or response contains these words (Ctrl+F)")); break;
    case ReviewTab: m_filter->setSearchPlaceholder(tr("Review only prompts and responses containing these words (Ctrl+F)")); break;
    }
}

void Workspace::updatePanes()
{
    // Sessions / Prompts: the conversation of the current row. Users: the selected user's
    // summary. Activity: neither (the charts use the room).
    const Tab tab = currentTab();
    m_conversationPane->setVisible(tab == SessionsTab || tab == PromptsTab);
    m_details->setVisible(tab == UsersTab);
    if (tab == SessionsTab || tab == PromptsTab)
        syncConversation();
    else
        m_conversation->clear();
    if (tab == UsersTab)
        updateUserDetails();
}

void Workspace::syncConversation()
{
    const Tab tab = currentTab();
    if (tab != SessionsTab && tab != PromptsTab)
        return;
    LedgerTableView *view = viewFor(tab);
    const QModelIndex current = view->selectionModel()->currentIndex();
    if (!current.isValid() || current.row() >= view->model()->rowCount()) {
        m_waitingConversation = QPersistentModelIndex();
        m_conversation->clear();
        return;
    }
    showConversationFor(current);
}

void Workspace::updateUserDetails()
{
    const QModelIndex current = m_usersView->selectionModel()->currentIndex();
    const UserRow *row = current.isValid() ? m_users->rowAt(current.row()) : nullptr;
    if (!row || row->user.id.isEmpty()) {
        m_details->clear();
        return;
    }
    m_details->showUser(*row, m_sharedNames.contains(row->user.displayName, Qt::CaseInsensitive));
}

QString Workspace::countsText() const
{
    if (currentTab() == ReviewTab)
        return m_review->queueCountText();
    const Tab tab = currentTab() == ActivityTab ? PromptsTab : currentTab();
    const ArchiveTableModel *m = modelFor(tab);
    if (!m_archive)
        return {};
    const QLocale loc;
    if (currentTab() == ActivityTab) {
        // The charts count interactions (a prompt and its response are two): say so, with the
        // prompts beside, so that the header and the chart's total agree.
        if (m_activity->isLoading())
            return tr("Counting…");
        if (m_activity->series().measure == ActivitySeries::Findings)
            return tr("%1 findings (%2 prompts)").arg(loc.toString(m_activity->series().total), loc.toString(m->totalMatching()));
        return tr("%1 interactions (%2 prompts)").arg(loc.toString(m_activity->series().total), loc.toString(m->totalMatching()));
    }
    if (m->isLoading() && m->rowCount() == 0)
        return tr("Counting…");
    const qint64 n = m->totalMatching(), total = m->totalUnfiltered();
    switch (tab) {
    case UsersTab:
        return n == total ? tr("%1 users").arg(loc.toString(total))
                          : tr("%1 of %2 users").arg(loc.toString(n), loc.toString(total));
    case SessionsTab:
        return n == total ? tr("%1 sessions").arg(loc.toString(total))
                          : tr("%1 of %2 sessions").arg(loc.toString(n), loc.toString(total));
    default:
        return n == total ? tr("%1 prompts").arg(loc.toString(total))
                          : tr("%1 of %2 prompts").arg(loc.toString(n), loc.toString(total));
    }
}

void Workspace::updateCounts()
{
    if (currentTab() == ActivityTab)
        ensureFresh(PromptsTab);   // the counts shown under Activity are the prompts'
    const QString text = countsText();
    m_filter->setCountText(text);
    emit countsChanged(text);
}

void Workspace::onUsersSelectionChanged()
{
    if (m_updatingSelection)
        return;
    QStringList ids, names;
    for (const QModelIndex &i : m_usersView->selectionModel()->selectedRows()) {
        ids << i.data(ArchiveTableModel::UserIdRole).toString();
        names << distinctName(m_users->index(i.row(), int(UserRow::Name)).data().toString(),
                              m_users->index(i.row(), int(UserRow::Upn)).data().toString());
    }
    m_updatingSelection = true;
    if (ids.isEmpty())
        m_filter->clearUserScope();
    else if (ids.size() == 1)
        m_filter->setUserScope(ids, tr("User: %1").arg(names.first()));
    else
        m_filter->setUserScope(ids, tr("%n users", nullptr, int(ids.size())));
    m_updatingSelection = false;
}

void Workspace::showConversationFor(const QModelIndex &index)
{
    m_waitingConversation = QPersistentModelIndex();
    const LedgerTableView *shown = viewFor(currentTab());
    if (index.isValid() && (!shown || index.model() != shown->model()))
        return;   // a row of a tab that is not shown
    if (!index.isValid()) {
        m_conversation->clear();
        return;
    }
    const auto *model = qobject_cast<const ArchiveTableModel *>(index.model());
    if (model && !model->isRowLoaded(index.row())) {
        m_waitingConversation = index;   // shown when the row's block arrives (rowsLoaded)
        index.data();                    // asks for it
        return;
    }
    m_conversation->showSession(index.data(ArchiveTableModel::UserIdRole).toString(),
                                index.data(ArchiveTableModel::SessionIdRole).toString(),
                                index.data(ArchiveTableModel::FocusIdRole).toString());
}

void Workspace::step(int delta)
{
    LedgerTableView *view = currentTab() == SessionsTab ? m_sessionsView : m_promptsView;
    QAbstractItemModel *model = view->model();
    int row = view->currentIndex().isValid() ? view->currentIndex().row() + delta : 0;
    row = qBound(0, row, model->rowCount() - 1);
    if (row < 0)
        return;
    const QModelIndex idx = model->index(row, qMax(0, view->currentIndex().column()));
    view->setCurrentIndex(idx);
    view->scrollTo(idx);
}

} // namespace ledger::gui
