#pragma once
// One filter bar for every tab: free text (debounced full-text search), date
// range, apps, user status (Users tab only), the user-scope chip and the "n of m" count.
#include "app/archive/ArchiveTypes.h"
#include "app/archive/SavedSearch.h"
#include <QDate>
#include <QWidget>

class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QMenu;
class QTimer;
class QToolButton;
class QFrame;

namespace ledger::gui {

class ReviewFilterButton;

class FilterBar : public QWidget {
    Q_OBJECT
public:
    enum Period { AnyTime, Last7Days, Last30Days, Last90Days, CustomRange };
    Q_ENUM(Period)
    // The parts of the filter, each with its own one-click clear (the "nothing matches" hint).
    enum Part { TextPart, DatePart, AppsPart, UserPart, StatusPart, ReviewPart };
    Q_ENUM(Part)
    struct ActivePart {
        Part part;
        QString label;   // e.g. "Text “GDPR”", "1–30 Nov", "Word and Teams", "User: Adele Vance"
    };

    explicit FilterBar(QWidget *parent = nullptr);

    // The filter without the user scope (text, dates, apps, statuses).
    ledger::ArchiveFilter filter() const;
    // The user scope chosen in the Users tab (ids), shown as a removable chip.
    QStringList userScope() const { return m_scopeIds; }
    void setUserScope(const QStringList &userIds, const QString &label);
    void clearUserScope();
    QString userScopeLabel() const;   // what the chip says ("User: Adele Vance"), "" without one

    void setStatusFilterVisible(bool visible);
    // The review filter (statuses, case, note) applies to the Sessions and Prompts tabs only.
    void setReviewFilterVisible(bool visible);
    ReviewFilterButton *reviewFilter() const { return m_review; }
    void setCountText(const QString &text);
    QString countText() const;

    // Direct setters (used by shortcuts and tests).
    void setSearchText(const QString &text);      // debounced like typing
    QString searchText() const;
    void applyNow();                              // skip the debounce
    void setPeriod(Period p);
    void setCustomRange(const QDate &from, const QDate &toInclusive);
    void setSelectedApps(const QStringList &appNames);   // friendly names; empty = all
    QStringList selectedApps() const;
    void setStatuses(const QList<ledger::UserStatus> &statuses);
    // Findings filter: "" all rows, "any", "sensitive", "sensitive:<detector>", "watchlist",
    // "watchlist:<name>" (ArchiveFilter::findings); the watchlists offered in it.
    void setFindings(const QString &spec);
    void setWatchlistNames(const QStringList &names);
    QString searchError() const;   // the text filter's syntax error ("" when none)
    void setToday(const QDate &today) { m_today = today; }   // reference for "last N days"
    void reset();
    void clearPart(Part part);
    // The parts that narrow the view right now; the status counts only where it is shown (Users)
    // and the user chip only where it applies (not on Users).
    QList<ActivePart> activeParts(bool usersTab) const;
    // What the search field searches on the current tab (its placeholder).
    void setSearchPlaceholder(const QString &text);
    // "1–30 Nov", "from 3 Nov", "" for any time (local dates, like the date fields).
    static QString describeDates(const ledger::ArchiveFilter &filter);
    // "Word", "Word and Teams", "Word, Excel and Teams".
    static QString joinNames(const QStringList &names);

    // Saved searches (archive/SavedSearch.h): the bar's whole state — applied text, period or
    // custom days, apps, status, findings and the user chip — without a name; and applying one
    // (a single filterChanged / userScopeChanged at the end, no debounce).
    ledger::SavedSearch currentSearch() const;
    void applySearch(const ledger::SavedSearch &search);

    QLineEdit *searchField() const { return m_search; }
    QComboBox *findingsBox() const { return m_findings; }
    QToolButton *searchHelpButton() const { return m_searchHelp; }
    QWidget *scopeChip() const;

public slots:
    void focusSearch();

signals:
    void filterChanged();          // text (after the debounce), dates, apps or status changed
    void userScopeChanged();       // chip set or removed
    void editWatchlistsRequested();   // "Watchlists…" next to the Findings filter

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void updateAppsButton();
    void updateStatusTip();
    void updateDateEditsVisibility();
    QDate today() const;

    QLineEdit *m_search;
    QTimer *m_debounce;
    QComboBox *m_period;
    QDateEdit *m_from;
    QDateEdit *m_to;
    QToolButton *m_apps;
    QMenu *m_appsMenu;
    QComboBox *m_status;
    QComboBox *m_findings;
    ReviewFilterButton *m_review;
    QToolButton *m_searchHelp;
    QLabel *m_searchError;
    QFrame *m_chip;
    QLabel *m_chipLabel;
    QToolButton *m_chipClose;
    QLabel *m_count;
    QStringList m_scopeIds;
    QDate m_today;
    QString m_appliedText;
};

} // namespace ledger::gui
