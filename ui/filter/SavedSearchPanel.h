#pragma once
// The "Saved searches" side list beside the tables (docs/USER-GUIDE.md "Saved searches"): every
// search saved in the archive with its current number of prompts, counted in a worker thread
// with its own connection (docs/ARCHITECTURE.md "Threading"). One click applies a search to the
// filter bar; Save…, Rename… and Delete change the archive's saved_searches table (each change
// is an activity-log entry, archive/SavedSearch.h).
#include "app/archive/SavedSearch.h"

#include <QHash>
#include <QWidget>
#include <functional>
#include <memory>

class QLabel;
class QToolButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace ledger {
class Archive;
class ArchiveWorker;
}

namespace ledger::gui {

class SavedSearchPanel : public QWidget {
    Q_OBJECT
public:
    explicit SavedSearchPanel(QWidget *parent = nullptr);
    ~SavedSearchPanel() override;

    // The archive whose searches are listed (nullptr: none). Reloads the list and the counts.
    void setArchive(ledger::Archive *archive);
    // What "Save current search…" saves: the filter bar's state (FilterBar::currentSearch).
    void setCurrentSearchProvider(std::function<ledger::SavedSearch()> provider) { m_current = std::move(provider); }
    // Marks the entry that is exactly the filter bar's search (none when it matches no entry).
    void setActiveSearch(const ledger::SavedSearch &current);
    // Counts again (a sync stored more, findings were recomputed).
    void refreshCounts();

    // The actions behind the buttons, without dialogs (tests and the buttons). False with *error
    // (also shown to the user by the buttons) when the archive refuses.
    bool saveAs(const QString &name, QString *error = nullptr);
    bool renameSearch(const QString &from, const QString &to, QString *error = nullptr);
    bool deleteSearch(const QString &name, QString *error = nullptr);
    // Applies the named search (what a click does).
    bool apply(const QString &name);

    QList<ledger::SavedSearch> searches() const { return m_searches; }
    // The prompts the search finds now; -1 while counting (or when there is no such search).
    qint64 count(const QString &name) const;
    bool isCounting() const { return m_counting; }
    QTreeWidget *list() const { return m_list; }
    QString activeName() const { return m_active; }

signals:
    void applyRequested(const ledger::SavedSearch &search);
    void countsUpdated();

private:
    void reload();                  // reads the list (small, on the GUI thread), then counts
    void rebuildItems();
    void askSave();
    void askRename();
    void askDelete();
    void updateButtons();
    QString selectedName() const;
    void showError(const QString &message);

    ledger::Archive *m_archive = nullptr;
    std::function<ledger::SavedSearch()> m_current;
    QList<ledger::SavedSearch> m_searches;
    QHash<QString, qint64> m_counts;   // by name (as stored)
    QString m_active;
    bool m_counting = false;
    bool m_recountPending = false;
    QString m_countedPath;
    quint64 m_serial = 0;
    QTreeWidget *m_list;
    QLabel *m_empty;
    QToolButton *m_save;
    QToolButton *m_rename;
    QToolButton *m_delete;
    std::unique_ptr<ledger::ArchiveWorker> m_worker;   // last: joins before the rest goes
};

} // namespace ledger::gui
