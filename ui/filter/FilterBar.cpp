#include "ui/filter/FilterBar.h"
#include "ui/review/ReviewFilterButton.h"

#include "app/archive/SearchQuery.h"
#include "ui/common/Icons.h"
#include "app/detect/DetectorRegistry.h"
#include "ui/filter/SearchHelp.h"
#include "app/model/AppClass.h"

#include <QAction>
#include <QComboBox>
#include <QDateEdit>
#include <QLocale>
#include <QMouseEvent>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QTimer>
#include <QToolButton>

namespace ledger::gui {

FilterBar::FilterBar(QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 6, 8, 6);
    layout->setSpacing(8);

    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("filterSearch"));
    m_search->setPlaceholderText(tr("Search prompts and responses (Ctrl+F)"));
    m_search->setToolTip(m_search->placeholderText());
    m_search->setClearButtonEnabled(true);
    m_search->addAction(themedIcon(QStringLiteral("search")), QLineEdit::LeadingPosition);
    m_search->setAccessibleName(tr("Search text"));
    m_search->setMinimumWidth(260);
    layout->addWidget(m_search, 3);

    m_debounce = new QTimer(this);
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(250);
    connect(m_search, &QLineEdit::textChanged, m_debounce, qOverload<>(&QTimer::start));
    connect(m_debounce, &QTimer::timeout, this, &FilterBar::applyNow);

    m_searchHelp = new QToolButton(this);
    m_searchHelp->setObjectName(QStringLiteral("searchHelpButton"));
    m_searchHelp->setIcon(themedIcon(QStringLiteral("help")));
    m_searchHelp->setAutoRaise(true);
    m_searchHelp->setToolTip(tr("How to search: OR, \"phrases\", -excluded, word*"));
    m_searchHelp->setAccessibleName(tr("Search help"));
    connect(m_searchHelp, &QToolButton::clicked, this, [this] {
        auto *help = new SearchHelp(this);
        help->setAttribute(Qt::WA_DeleteOnClose);
        help->showBelow(m_search);
    });
    layout->addWidget(m_searchHelp);
    m_searchError = new QLabel(this);
    m_searchError->setObjectName(QStringLiteral("searchError"));
    m_searchError->setMinimumWidth(0);
    m_searchError->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);   // long messages: full text in the tooltip
    m_searchError->setForegroundRole(QPalette::BrightText);
    m_searchError->setAutoFillBackground(true);
    {
        QPalette pal = m_searchError->palette();
        pal.setColor(QPalette::Window, QColor(0xC6, 0x28, 0x28));
        pal.setColor(QPalette::BrightText, Qt::white);
        m_searchError->setPalette(pal);
    }
    m_searchError->setContentsMargins(6, 2, 6, 2);
    m_searchError->hide();
    layout->addWidget(m_searchError, 2);

    m_period = new QComboBox(this);
    m_period->setObjectName(QStringLiteral("filterPeriod"));
    m_period->setAccessibleName(tr("Date range"));
    m_period->addItem(themedIcon(QStringLiteral("calendar")), tr("Any time"), AnyTime);
    m_period->addItem(tr("Last 7 days"), Last7Days);
    m_period->addItem(tr("Last 30 days"), Last30Days);
    m_period->addItem(tr("Last 90 days"), Last90Days);
    m_period->addItem(tr("Custom range…"), CustomRange);
    layout->addWidget(m_period);

    m_from = new QDateEdit(this);
    m_to = new QDateEdit(this);
    for (QDateEdit *e : {m_from, m_to}) {
        e->setCalendarPopup(true);
        e->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
        e->setDate(QDate::currentDate());
        layout->addWidget(e);
        connect(e, &QDateEdit::dateChanged, this, &FilterBar::filterChanged);
    }
    m_from->setAccessibleName(tr("From date"));
    m_from->setToolTip(tr("First day (inclusive)"));
    m_to->setAccessibleName(tr("To date"));
    m_to->setToolTip(tr("Last day (inclusive)"));
    m_from->setDate(QDate::currentDate().addDays(-30));
    connect(m_period, &QComboBox::currentIndexChanged, this, [this] {
        updateDateEditsVisibility();
        emit filterChanged();
    });

    m_apps = new QToolButton(this);
    m_apps->setObjectName(QStringLiteral("filterApps"));
    m_apps->setAccessibleName(tr("Apps"));
    m_apps->setPopupMode(QToolButton::InstantPopup);
    m_apps->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_apps->setIcon(themedIcon(QStringLiteral("apps")));
    m_appsMenu = new QMenu(m_apps);
    m_appsMenu->installEventFilter(this);   // ticking an app keeps the menu open for the next
    const QStringList apps = knownAppNames();
    for (const QString &name : apps) {
        QAction *a = m_appsMenu->addAction(name);
        a->setCheckable(true);
        connect(a, &QAction::toggled, this, [this] {
            updateAppsButton();
            emit filterChanged();
        });
    }
    m_appsMenu->addSeparator();
    m_appsMenu->addAction(tr("All apps"), this, [this] { setSelectedApps({}); });
    m_apps->setMenu(m_appsMenu);
    layout->addWidget(m_apps);

    m_status = new QComboBox(this);
    m_status->setObjectName(QStringLiteral("filterStatus"));
    m_status->setAccessibleName(tr("User status"));
    m_status->addItem(tr("All statuses"), -1);
    m_status->addItem(tr("OK"), int(UserStatus::Ok));
    m_status->addItem(tr("No interactions"), int(UserStatus::NoInteractions));
    m_status->addItem(tr("Not licensed"), int(UserStatus::NotLicensed));
    m_status->addItem(tr("Failed"), int(UserStatus::Failed));
    m_status->addItem(tr("Not synced"), int(UserStatus::Unknown));
    m_status->setSizeAdjustPolicy(QComboBox::AdjustToContents);   // never cut a status name
    connect(m_status, &QComboBox::currentIndexChanged, this, [this] {
        updateStatusTip();
        emit filterChanged();
    });
    updateStatusTip();
    layout->addWidget(m_status);

    m_findings = new QComboBox(this);
    m_findings->setObjectName(QStringLiteral("filterFindings"));
    m_findings->setAccessibleName(tr("Findings"));
    m_findings->setToolTip(tr("Show only rows with sensitive information or watchlist terms"));
    setWatchlistNames({});
    connect(m_findings, &QComboBox::currentIndexChanged, this, &FilterBar::filterChanged);
    layout->addWidget(m_findings);
    auto *editLists = new QToolButton(this);
    editLists->setObjectName(QStringLiteral("editWatchlists"));
    editLists->setText(tr("Watchlists…"));
    editLists->setToolTip(tr("Terms and phrases to find (stored with this connection)"));
    connect(editLists, &QToolButton::clicked, this, &FilterBar::editWatchlistsRequested);
    layout->addWidget(editLists);
    m_review = new ReviewFilterButton(this);
    connect(m_review, &ReviewFilterButton::changed, this, &FilterBar::filterChanged);
    layout->addWidget(m_review);

    m_chip = new QFrame(this);
    m_chip->setObjectName(QStringLiteral("userScopeChip"));
    m_chip->setFrameShape(QFrame::StyledPanel);
    m_chip->setAutoFillBackground(true);
    m_chip->setBackgroundRole(QPalette::AlternateBase);
    auto *chipLayout = new QHBoxLayout(m_chip);
    chipLayout->setContentsMargins(8, 1, 2, 1);
    chipLayout->setSpacing(4);
    m_chipLabel = new QLabel(m_chip);
    chipLayout->addWidget(m_chipLabel);
    m_chipClose = new QToolButton(m_chip);
    m_chipClose->setObjectName(QStringLiteral("userScopeChipClose"));
    m_chipClose->setIcon(themedIcon(QStringLiteral("close")));
    m_chipClose->setAutoRaise(true);
    m_chipClose->setToolTip(tr("Show all users again"));
    m_chipClose->setAccessibleName(tr("Remove user filter"));
    chipLayout->addWidget(m_chipClose);
    connect(m_chipClose, &QToolButton::clicked, this, &FilterBar::clearUserScope);
    m_chip->hide();
    layout->addWidget(m_chip);

    layout->addStretch(1);
    m_count = new QLabel(this);
    m_count->setObjectName(QStringLiteral("filterCount"));
    m_count->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_count);

    updateAppsButton();
    updateDateEditsVisibility();
}

QDate FilterBar::today() const
{
    return m_today.isValid() ? m_today : QDate::currentDate();
}

void FilterBar::setReviewFilterVisible(bool visible)
{
    m_review->setVisible(visible);
}

ledger::ArchiveFilter FilterBar::filter() const
{
    ArchiveFilter f;
    f.text = m_appliedText;
    auto startOf = [](const QDate &d) { return QDateTime(d, QTime(0, 0), Qt::LocalTime).toUTC(); };
    const auto period = Period(m_period->currentData().toInt());
    switch (period) {
    case AnyTime: break;
    case Last7Days: f.from = startOf(today().addDays(-6)); break;
    case Last30Days: f.from = startOf(today().addDays(-29)); break;
    case Last90Days: f.from = startOf(today().addDays(-89)); break;
    case CustomRange:
        f.from = startOf(m_from->date());
        f.to = startOf(m_to->date().addDays(1));
        break;
    }
    for (const QAction *a : m_appsMenu->actions()) {
        if (a->isCheckable() && a->isChecked()) {
            const QString cls = appClassForName(a->text());
            if (!cls.isEmpty())
                f.appClasses << cls;
        }
    }
    const int s = m_status->currentData().toInt();   // the main window applies it to Users only
    if (s >= 0)
        f.statuses << UserStatus(s);
    f.findings = m_findings->currentData().toString();
    m_review->apply(f);   // the main window applies it to Sessions and Prompts only
    return f;
}

void FilterBar::setUserScope(const QStringList &userIds, const QString &label)
{
    if (userIds.isEmpty()) {
        clearUserScope();
        return;
    }
    m_scopeIds = userIds;
    m_chipLabel->setText(label);
    m_chip->setToolTip(tr("Sessions, Prompts and Activity show only these users"));
    m_chip->show();
    emit userScopeChanged();
}

void FilterBar::clearUserScope()
{
    if (m_scopeIds.isEmpty() && m_chip->isHidden())
        return;
    m_scopeIds.clear();
    m_chip->hide();
    emit userScopeChanged();
}

QString FilterBar::userScopeLabel() const
{
    return m_scopeIds.isEmpty() ? QString() : m_chipLabel->text();
}

QWidget *FilterBar::scopeChip() const
{
    return m_chip;
}

void FilterBar::setStatusFilterVisible(bool visible)
{
    m_status->setVisible(visible);
}

void FilterBar::setCountText(const QString &text)
{
    m_count->setText(text);
}

QString FilterBar::countText() const
{
    return m_count->text();
}

void FilterBar::setSearchText(const QString &text)
{
    m_search->setText(text);
}

QString FilterBar::searchText() const
{
    return m_appliedText;
}

void FilterBar::applyNow()
{
    m_debounce->stop();
    const QString t = m_search->text().trimmed();
    // A syntax error is shown next to the field; the rows stay as they were until it is fixed.
    SearchQuery parsed;
    QString error;
    if (!SearchQuery::parse(t, &parsed, &error)) {
        m_searchError->setText(error);
        m_searchError->setToolTip(error);
        m_searchError->show();
        m_search->setToolTip(error);
        return;
    }
    m_searchError->hide();
    m_searchError->clear();
    m_search->setToolTip(QString());
    if (t == m_appliedText)
        return;
    m_appliedText = t;
    emit filterChanged();
}

void FilterBar::setPeriod(Period p)
{
    m_period->setCurrentIndex(m_period->findData(p));
}

void FilterBar::setCustomRange(const QDate &from, const QDate &toInclusive)
{
    {
        const QSignalBlocker b1(m_from), b2(m_to), b3(m_period);
        m_from->setDate(from);
        m_to->setDate(toInclusive);
        m_period->setCurrentIndex(m_period->findData(CustomRange));
    }
    updateDateEditsVisibility();
    emit filterChanged();
}

void FilterBar::setSelectedApps(const QStringList &appNames)
{
    for (QAction *a : m_appsMenu->actions()) {
        if (!a->isCheckable())
            continue;
        const QSignalBlocker b(a);
        a->setChecked(appNames.contains(a->text(), Qt::CaseInsensitive));
    }
    updateAppsButton();
    emit filterChanged();
}

QStringList FilterBar::selectedApps() const
{
    QStringList r;
    for (const QAction *a : m_appsMenu->actions())
        if (a->isCheckable() && a->isChecked())
            r << a->text();
    return r;
}

void FilterBar::setStatuses(const QList<ledger::UserStatus> &statuses)
{
    const int idx = statuses.size() == 1 ? m_status->findData(int(statuses.first())) : 0;
    m_status->setCurrentIndex(qMax(0, idx));
}

QString FilterBar::searchError() const
{
    return m_searchError->text();
}

void FilterBar::setFindings(const QString &spec)
{
    m_findings->setCurrentIndex(qMax(0, m_findings->findData(spec)));
}

void FilterBar::setWatchlistNames(const QStringList &names)
{
    const QString current = m_findings->currentData().toString();
    const QSignalBlocker block(m_findings);
    m_findings->clear();
    m_findings->addItem(tr("All rows"), QString());
    m_findings->addItem(tr("Any finding"), QStringLiteral("any"));
    m_findings->insertSeparator(m_findings->count());
    m_findings->addItem(tr("Any sensitive information"), QStringLiteral("sensitive"));
    for (const QString &d : ledger::detect::DetectorRegistry::names())
        m_findings->addItem(QString(QStringLiteral("    ") + detectorLabel(d)), QString(QStringLiteral("sensitive:") + d));
    if (!names.isEmpty()) {
        m_findings->insertSeparator(m_findings->count());
        m_findings->addItem(tr("Any watchlist term"), QStringLiteral("watchlist"));
        for (const QString &n : names)
            m_findings->addItem(QString(QStringLiteral("    ") + tr("Watchlist: %1").arg(n)), QString(QStringLiteral("watchlist:") + n));
    }
    m_findings->setCurrentIndex(qMax(0, m_findings->findData(current)));
}

void FilterBar::reset()
{
    m_search->clear();
    applyNow();
    setPeriod(AnyTime);
    setSelectedApps({});
    m_status->setCurrentIndex(0);
    m_findings->setCurrentIndex(0);
    m_review->reset();
    clearUserScope();
}

void FilterBar::clearPart(Part part)
{
    switch (part) {
    case TextPart:
        m_search->clear();
        applyNow();
        break;
    case DatePart: setPeriod(AnyTime); break;
    case AppsPart: setSelectedApps({}); break;
    case UserPart: clearUserScope(); break;
    case StatusPart: m_status->setCurrentIndex(0); break;
    case ReviewPart: m_review->reset(); break;
    }
}

QList<FilterBar::ActivePart> FilterBar::activeParts(bool usersTab) const
{
    QList<ActivePart> parts;
    const ArchiveFilter f = filter();
    if (!f.text.isEmpty())
        parts.append({TextPart, tr("Text “%1”").arg(f.text)});
    const QString dates = describeDates(f);
    if (!dates.isEmpty())
        parts.append({DatePart, dates});
    const QStringList apps = selectedApps();
    if (!apps.isEmpty())
        parts.append({AppsPart, joinNames(apps)});
    if (!usersTab && !m_scopeIds.isEmpty())
        parts.append({UserPart, m_chipLabel->text()});
    if (usersTab && m_status->currentIndex() > 0)
        parts.append({StatusPart, tr("Status: %1").arg(m_status->currentText())});
    if (!usersTab && m_review->isActive())
        parts.append({ReviewPart, m_review->describe()});
    return parts;
}

void FilterBar::setSearchPlaceholder(const QString &text)
{
    m_search->setPlaceholderText(text);
    m_search->setToolTip(text);
}

QString FilterBar::describeDates(const ledger::ArchiveFilter &f)
{
    if (!f.from.isValid() && !f.to.isValid())
        return {};
    const QLocale loc;
    const QDate first = f.from.isValid() ? f.from.toLocalTime().date() : QDate();
    const QDate last = f.to.isValid() ? f.to.toLocalTime().addMSecs(-1).date() : QDate();
    const QString dm = QStringLiteral("d MMM"), dmy = QStringLiteral("d MMM yyyy");
    if (!first.isValid())
        return tr("until %1").arg(loc.toString(last, dmy));
    if (!last.isValid())
        return tr("from %1").arg(loc.toString(first, dmy));
    if (first == last)
        return loc.toString(first, dmy);
    if (first.year() == last.year() && first.month() == last.month())
        return QStringLiteral("%1–%2").arg(first.day()).arg(loc.toString(last, dm));
    if (first.year() == last.year())
        return QStringLiteral("%1 – %2").arg(loc.toString(first, dm), loc.toString(last, dm));
    return QStringLiteral("%1 – %2").arg(loc.toString(first, dmy), loc.toString(last, dmy));
}

QString FilterBar::joinNames(const QStringList &names)
{
    if (names.size() <= 1)
        return names.value(0);
    return tr("%1 and %2").arg(QStringList(names.mid(0, names.size() - 1)).join(QStringLiteral(", ")), names.last());
}

bool FilterBar::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_appsMenu && event->type() == QEvent::MouseButtonRelease) {
        auto *me = static_cast<QMouseEvent *>(event);
        QAction *a = m_appsMenu->actionAt(me->position().toPoint());
        if (a && a->isCheckable() && a->isEnabled()) {
            a->toggle();   // toggled() updates the filter; the menu stays open
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void FilterBar::updateStatusTip()
{
    m_status->setToolTip(tr("Show users whose sync status is: %1").arg(m_status->currentText()));
}

void FilterBar::focusSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

void FilterBar::updateAppsButton()
{
    const QStringList apps = selectedApps();
    if (apps.isEmpty())
        m_apps->setText(tr("All apps"));
    else if (apps.size() <= 2)
        m_apps->setText(apps.join(QStringLiteral(", ")));
    else
        m_apps->setText(tr("%n apps", nullptr, int(apps.size())));
    m_apps->setToolTip(apps.isEmpty() ? tr("Show every Copilot app") : apps.join(QStringLiteral(", ")));
}

ledger::SavedSearch FilterBar::currentSearch() const
{
    SavedSearch s;
    s.text = m_appliedText;
    s.period = SavedSearch::Period(m_period->currentData().toInt());   // the same order as Period
    if (s.period == SavedSearch::CustomRange) {
        s.from = m_from->date();
        s.to = m_to->date();
    }
    for (const QAction *a : m_appsMenu->actions()) {
        if (a->isCheckable() && a->isChecked()) {
            const QString cls = appClassForName(a->text());
            if (!cls.isEmpty())
                s.appClasses << cls;
        }
    }
    s.userIds = m_scopeIds;
    s.userLabel = userScopeLabel();
    const int st = m_status->currentData().toInt();
    if (st >= 0)
        s.status = UserStatus(st) == UserStatus::Unknown ? QStringLiteral("not_synced") : userStatusKey(UserStatus(st));
    s.findings = m_findings->currentData().toString();
    return s;
}

void FilterBar::applySearch(const ledger::SavedSearch &search)
{
    const QStringList scopeBefore = m_scopeIds;
    {
        const QSignalBlocker self(this);   // one filterChanged below, not one per part
        const QSignalBlocker text(m_search);
        m_debounce->stop();
        m_search->setText(search.text);
        m_searchError->hide();
        m_searchError->clear();
        SearchQuery parsed;
        QString error;
        m_appliedText = SearchQuery::parse(search.text.trimmed(), &parsed, &error) ? search.text.trimmed() : QString();
        if (search.period == SavedSearch::CustomRange && search.from.isValid() && search.to.isValid()) {
            setCustomRange(search.from, search.to);
        } else {
            const QSignalBlocker b(m_period);
            m_period->setCurrentIndex(qMax(0, m_period->findData(int(search.period))));
            updateDateEditsVisibility();
        }
        QStringList names;
        for (const QString &c : search.appClasses)
            names << appNameForClass(c);
        setSelectedApps(names);
        {
            const QSignalBlocker b(m_status);
            int idx = 0;
            if (search.status == QLatin1String("not_synced"))
                idx = m_status->findData(int(UserStatus::Unknown));
            else if (!search.status.isEmpty())
                idx = m_status->findData(int(userStatusFromKey(search.status)));
            m_status->setCurrentIndex(qMax(0, idx));
            updateStatusTip();
        }
        {
            const QSignalBlocker b(m_findings);
            setFindings(search.findings);
        }
        if (search.userIds.isEmpty()) {
            m_scopeIds.clear();
            m_chip->hide();
        } else {
            m_scopeIds = search.userIds;
            m_chipLabel->setText(search.userLabel.isEmpty() ? tr("%n users", nullptr, int(search.userIds.size()))
                                                            : search.userLabel);
            m_chip->setToolTip(tr("Sessions, Prompts and Activity show only these users"));
            m_chip->show();
        }
    }
    if (m_scopeIds != scopeBefore)
        emit userScopeChanged();
    emit filterChanged();
}

void FilterBar::updateDateEditsVisibility()
{
    const bool custom = m_period->currentData().toInt() == CustomRange;
    m_from->setVisible(custom);
    m_to->setVisible(custom);
}

} // namespace ledger::gui
