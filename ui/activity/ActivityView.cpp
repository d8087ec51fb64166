#include "ui/activity/ActivityView.h"

#include "app/archive/ArchiveWorker.h"

#include "ui/activity/DailyActivityChart.h"
#include "ui/activity/TopUsersChart.h"
#include "app/archive/Archive.h"
#include "ui/common/Dialogs.h"
#include "app/export/CsvWriter.h"
#include "ui/filter/SearchHelp.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QMenu>
#include <QToolButton>
#include <QDir>
#include <QResizeEvent>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QImage>
#include <QLabel>
#include <QLocale>
#include <QPainter>
#include <QPushButton>
#include <QSaveFile>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace ledger::gui {

namespace {

// Hidden widgets get their resize events (and so their layouts) only when shown; a PNG saved
// before the view was ever shown needs them now.
void sendPendingResizeEvents(QWidget *w)
{
    if (w->testAttribute(Qt::WA_PendingResizeEvent)) {
        QResizeEvent e(w->size(), QSize());
        QCoreApplication::sendEvent(w, &e);
        w->setAttribute(Qt::WA_PendingResizeEvent, false);
    }
    for (QObject *child : w->children())
        if (auto *cw = qobject_cast<QWidget *>(child); cw && !cw->isWindow())
            sendPendingResizeEvents(cw);
}

QLabel *sectionTitle(const QString &text, QWidget *parent)
{
    auto *l = new QLabel(text, parent);
    l->setTextFormat(Qt::PlainText);
    QFont f = l->font();
    f.setWeight(QFont::DemiBold);
    l->setFont(f);
    return l;
}

} // namespace

ActivityView::ActivityView(QWidget *parent)
    : QWidget(parent)
{
    auto *v = new QVBoxLayout(this);
    v->setContentsMargins(8, 8, 8, 8);

    auto *top = new QHBoxLayout;
    m_summary = new QLabel(this);
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setForegroundRole(QPalette::PlaceholderText);
    m_save = new QPushButton(tr("Save as PNG…"), this);
    m_save->setToolTip(tr("Save both charts as a PNG image"));
    m_measureBox = new QComboBox(this);
    m_measureBox->setObjectName(QStringLiteral("activityMeasure"));
    m_measureBox->setAccessibleName(tr("What the charts count"));
    m_measureBox->addItem(tr("Interactions by app"), int(ActivitySeries::Interactions));
    m_measureBox->addItem(tr("Findings by detector and watchlist"), int(ActivitySeries::Findings));
    m_measureBox->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    connect(m_measureBox, &QComboBox::currentIndexChanged, this, [this] {
        setMeasure(ActivitySeries::Measure(m_measureBox->currentData().toInt()));
    });
    m_seriesButton = new QToolButton(this);
    m_seriesButton->setObjectName(QStringLiteral("activitySeries"));
    m_seriesButton->setPopupMode(QToolButton::InstantPopup);
    m_seriesButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_seriesButton->setToolTip(tr("Choose the detectors and watchlists the charts show"));
    m_seriesButton->setText(tr("All detectors and watchlists"));
    m_seriesButton->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    m_seriesMenu = new QMenu(m_seriesButton);
    m_seriesButton->setMenu(m_seriesMenu);
    m_seriesButton->hide();
    top->addWidget(m_measureBox);
    top->addWidget(m_seriesButton);
    top->addWidget(m_summary, 1);
    top->addWidget(m_save);
    v->addLayout(top);

    m_stack = new QStackedWidget(this);
    v->addWidget(m_stack, 1);

    m_canvas = new QWidget(m_stack);
    auto *h = new QHBoxLayout(m_canvas);
    h->setContentsMargins(0, 4, 0, 0);
    h->setSpacing(16);
    auto *left = new QVBoxLayout;
    m_dailyTitle = sectionTitle(tr("Interactions per day, by app"), m_canvas);
    left->addWidget(m_dailyTitle);
    m_daily = new DailyActivityChart(m_canvas);
    left->addWidget(m_daily, 1);
    auto *right = new QVBoxLayout;
    m_usersTitle = sectionTitle(tr("Most active users"), m_canvas);
    right->addWidget(m_usersTitle);
    m_users = new TopUsersChart(m_canvas);
    right->addWidget(m_users);
    right->addStretch(1);
    h->addLayout(left, 5);
    h->addLayout(right, 2);
    m_stack->addWidget(m_canvas);

    m_empty = new QLabel(m_stack);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setTextFormat(Qt::PlainText);
    m_empty->setForegroundRole(QPalette::PlaceholderText);
    m_stack->addWidget(m_empty);

    connect(m_save, &QPushButton::clicked, this, &ActivityView::saveWithDialog);
    connect(m_daily, &DailyActivityChart::dayClicked, this, [this](int day) {
        if (day >= 0 && day < m_series.days.size())
            emit dayActivated(m_series.days.at(day));
    });
    connect(m_users, &TopUsersChart::userClicked, this, [this](int row) {
        if (row >= 0 && row < m_series.topUsers.size())
            emit userActivated(m_series.topUsers.at(row).userId, m_series.topUsers.at(row).displayName);
    });
    setData({}, {});
}

void ActivityView::setArchive(ledger::Archive *archive)
{
    m_archive = archive;
    m_dirty = true;
    if (isVisible())
        reload();
}

void ActivityView::setFilter(const ledger::ArchiveFilter &filter)
{
    m_filter = filter;
    m_dirty = true;
    if (isVisible())
        reload();
}

void ActivityView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_dirty)
        reload();
}

ActivityView::~ActivityView() = default;

void ActivityView::reload()
{
    m_dirty = false;
    const quint64 serial = ++m_serial;
    if (!m_archive || !m_archive->isOpen()) {
        m_loading = false;
        setData({}, {});
        emit loaded();
        return;
    }
    if (!m_worker)
        m_worker = std::make_unique<ArchiveWorker>();
    if (m_worker->path() != m_archive->path())
        m_worker->setPath(m_archive->path());
    m_loading = true;
    m_summary->setText(tr("Reading the archive…"));
    const ArchiveFilter filter = m_filter;
    const bool findings = m_measure == ActivitySeries::Findings;
    const QStringList selected = m_selected;
    struct Aggregates {
        QList<DayActivity> days;
        QList<DayFindings> findingDays;
        QList<UserActivity> users;
    };
    m_worker->run(
        [filter, findings, selected](const Archive *archive) {
            Aggregates a;
            if (archive) {
                if (findings) {
                    a.findingDays = archive->findings().findingsByDay(filter);
                    a.users = archive->findings().topFindingUsers(filter, selected, TopUserCount);
                } else {
                    a.days = archive->reader().activityByDay(filter);
                    a.users = archive->reader().topUsers(filter, TopUserCount);
                }
                // Two people with one name: the bar says which one.
                const QStringList shared = archive->reader().sharedDisplayNames();
                for (UserActivity &u : a.users) {
                    if (!shared.contains(u.displayName, Qt::CaseInsensitive))
                        continue;
                    if (const auto user = archive->reader().user(u.userId); user && !user->userPrincipalName.isEmpty())
                        u.displayName = tr("%1 (%2)").arg(u.displayName, user->userPrincipalName);
                }
            }
            return a;
        },
        [this, serial, filter, findings](Aggregates a) {
            if (serial != m_serial)
                return;   // a newer filter is being read
            m_loading = false;
            const QDate first = filter.from.isValid() ? filter.from.toUTC().date() : QDate();
            const QDate last = filter.to.isValid() ? filter.to.toUTC().addMSecs(-1).date() : QDate();
            if (findings)
                setFindingsData(a.findingDays, a.users, first, last);
            else
                setData(a.days, a.users, first, last);
            emit loaded();
        });
}

void ActivityView::setData(const QList<DayActivity> &days, const QList<UserActivity> &users, const QDate &first,
                           const QDate &last)
{
    m_series = ActivitySeries::compute(days, users, first, last);
    showSeries(false, tr("No Copilot interactions match the current filter."));
    updateSummary();
}

void ActivityView::showSeries(bool findings, const QString &nothingMatches)
{
    m_daily->setSeries(m_series);
    m_users->setCountingFindings(findings);
    m_users->setUsers(m_series.topUsers);
    const bool empty = m_series.total == 0;
    m_empty->setText(m_archive && m_archive->isOpen() ? nothingMatches
                                                       : tr("No activity to show yet. Open an archive or run a sync."));
    m_stack->setCurrentWidget(empty ? static_cast<QWidget *>(m_empty) : m_canvas);
    m_save->setEnabled(!empty);
}

void ActivityView::setFindingsData(const QList<DayFindings> &days, const QList<UserActivity> &users, const QDate &first,
                                   const QDate &last)
{
    m_findingDays = days;
    m_findingUsers = users;
    m_first = first;
    m_last = last;
    m_available = ActivitySeries::findingKeys(days);
    m_series = ActivitySeries::computeFindings(days, users, m_selected, first, last);
    for (int i = 0; i < m_series.appClasses.size(); ++i) {
        const QString &key = m_series.appClasses.at(i);
        if (key.startsWith(QLatin1String("sensitive:")))
            m_series.appNames[i] = detectorLabel(key.mid(10));
    }
    showSeries(true, tr("No findings match the current filter and the chosen detectors and watchlists."));
    updateSeriesMenu();
    updateTitles();
    updateSummary();
}

void ActivityView::setMeasure(ActivitySeries::Measure measure)
{
    if (measure == m_measure)
        return;
    m_measure = measure;
    {
        const QSignalBlocker block(m_measureBox);
        m_measureBox->setCurrentIndex(qMax(0, m_measureBox->findData(int(measure))));
    }
    m_seriesButton->setVisible(measure == ActivitySeries::Findings);
    if (measure == ActivitySeries::Interactions)
        m_users->setCountingFindings(false);
    updateTitles();
    m_dirty = true;
    if (isVisible())
        reload();
}

void ActivityView::setSelectedSeries(const QStringList &keys)
{
    if (keys == m_selected)
        return;
    m_selected = keys;
    if (m_measure != ActivitySeries::Findings) {
        updateSeriesMenu();
        return;
    }
    // The per-day numbers are re-cut from the last aggregate at once; the top users (counted
    // for the chosen series in SQL) follow from the worker.
    setFindingsData(m_findingDays, m_findingUsers, m_first, m_last);
    m_dirty = true;
    if (isVisible())
        reload();
}

void ActivityView::updateSeriesMenu()
{
    QStringList keys = m_available;
    for (const QString &k : std::as_const(m_selected))
        if (!keys.contains(k))
            keys << k;
    QStringList shown;
    for (const QAction *x : m_seriesMenu->actions())
        if (x->isCheckable())
            shown << x->data().toString();
    m_seriesButton->setText(m_selected.isEmpty() ? tr("All detectors and watchlists")
                                                 : tr("%1 of %2 series").arg(m_selected.size()).arg(keys.size()));
    m_seriesButton->updateGeometry();
    if (shown == keys) {
        // The same series: only the ticks change (the menu may be open while they are clicked).
        for (QAction *x : m_seriesMenu->actions()) {
            if (!x->isCheckable())
                continue;
            const QSignalBlocker block(x);
            x->setChecked(m_selected.isEmpty() || m_selected.contains(x->data().toString()));
        }
        return;
    }
    m_seriesMenu->clear();
    for (const QString &key : std::as_const(keys)) {
        const bool sensitive = key.startsWith(QLatin1String("sensitive:"));
        const QString label = sensitive ? detectorLabel(key.mid(10)) : tr("Watchlist: %1").arg(key.mid(10));
        QAction *a = m_seriesMenu->addAction(label);
        a->setCheckable(true);
        a->setChecked(m_selected.isEmpty() || m_selected.contains(key));
        a->setData(key);
        connect(a, &QAction::toggled, this, [this] {
            QStringList chosen;
            bool all = true;
            for (const QAction *x : m_seriesMenu->actions()) {
                if (!x->isCheckable())
                    continue;
                if (x->isChecked())
                    chosen << x->data().toString();
                else
                    all = false;
            }
            setSelectedSeries(all ? QStringList() : chosen);
        }, Qt::QueuedConnection);   // never rebuild the menu inside its own action's signal
    }
    if (!keys.isEmpty()) {
        m_seriesMenu->addSeparator();
        QAction *all = m_seriesMenu->addAction(tr("All detectors and watchlists"));
        connect(all, &QAction::triggered, this, [this] { setSelectedSeries({}); }, Qt::QueuedConnection);
    }
}

void ActivityView::updateTitles()
{
    const bool findings = m_measure == ActivitySeries::Findings;
    m_dailyTitle->setText(findings ? tr("Findings per day, by detector and watchlist") : tr("Interactions per day, by app"));
    m_usersTitle->setText(findings ? tr("Users with the most findings") : tr("Most active users"));
}

void ActivityView::updateSummary()
{
    if (m_series.total == 0) {
        m_summary->clear();
        return;
    }
    const QLocale locale;
    const qsizetype days = m_series.days.size();
    if (m_series.measure == ActivitySeries::Findings) {
        m_summary->setText(tr("%1 findings over %2 days from %3 detectors and watchlists · busiest day %4")
                               .arg(locale.toString(m_series.total), locale.toString(days),
                                    locale.toString(m_series.appClasses.size()), locale.toString(m_series.maxDayTotal)));
        return;
    }
    m_summary->setText(tr("%1 interactions over %2 days in %3 apps · busiest day %4")
                           .arg(locale.toString(m_series.total), locale.toString(days),
                                locale.toString(m_series.appClasses.size()), locale.toString(m_series.maxDayTotal)));
}

qreal ActivityView::pngScale() const
{
    return qMax<qreal>(2.0, devicePixelRatioF());
}

int ActivityView::pngHeadingHeight() const
{
    return QFontMetrics(font()).height() * 2 + 2 * PngMargin;
}

QSize ActivityView::pngSize() const
{
    const QSize logical(m_canvas->width() + 2 * PngMargin, m_canvas->height() + pngHeadingHeight() + PngMargin);
    return (QSizeF(logical) * pngScale()).toSize();
}

bool ActivityView::savePng(const QString &path)
{
    m_lastError.clear();
    if (m_series.total == 0) {
        m_lastError = tr("There is no activity to save.");
        return false;
    }
    // Never shown (e.g. saved from a menu before the tab was opened): give it a sensible size.
    if (!testAttribute(Qt::WA_WState_Visible) && (m_canvas->width() < 400 || m_canvas->height() < 250)) {
        resize(1100, 620);
        if (layout())
            layout()->activate();
        sendPendingResizeEvents(this);
    }
    const qreal scale = pngScale();
    QImage image(pngSize(), QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(scale);
    image.fill(palette().color(QPalette::Window));
    {
        QPainter p(&image);
        p.setRenderHint(QPainter::TextAntialiasing);
        const int headH = pngHeadingHeight();
        QFont title = font();
        title.setWeight(QFont::DemiBold);
        p.setFont(title);
        p.setPen(palette().color(QPalette::WindowText));
        const QFontMetrics fm(title);
        p.drawText(QPoint(PngMargin, PngMargin + fm.ascent()), tr("Copilot activity"));
        p.setFont(font());
        p.setPen(palette().color(QPalette::PlaceholderText));
        p.drawText(QPoint(PngMargin, PngMargin + fm.height() + QFontMetrics(font()).ascent()), m_summary->text());
        m_canvas->render(&p, QPoint(PngMargin, headH), QRegion(), QWidget::DrawChildren);
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        m_lastError = tr("Could not create %1: %2").arg(path, file.errorString());
        return false;
    }
    if (!image.save(&file, "PNG") || !file.commit()) {
        m_lastError = tr("Could not write %1: %2").arg(path, file.errorString());
        file.cancelWriting();
        return false;
    }
    emit pngSaved(path);
    return true;
}

QStringList ActivityView::csvHeader()
{
    return {u"day_utc"_s, u"app"_s, u"app_class"_s, u"interactions"_s};
}

QStringList ActivityView::findingsCsvHeader()
{
    return {u"day_utc"_s, u"kind"_s, u"detector"_s, u"findings"_s};
}

bool ActivityView::saveCsv(const QString &path, QString *error) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = tr("Could not create %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    CsvWriter w(&file);
    w.writeBom();
    const bool findings = m_series.measure == ActivitySeries::Findings;
    bool ok = w.writeRow(findings ? findingsCsvHeader() : csvHeader());
    for (int d = 0; ok && d < m_series.days.size(); ++d) {
        for (int a = 0; ok && a < m_series.appClasses.size(); ++a) {
            const QString &key = m_series.appClasses.at(a);
            ok = findings ? w.writeRow({m_series.days.at(d).toString(Qt::ISODate), key.section(u':', 0, 0),
                                        key.section(u':', 1), QString::number(m_series.counts.at(d).at(a))})
                          : w.writeRow({m_series.days.at(d).toString(Qt::ISODate), m_series.appNames.at(a), key,
                                        QString::number(m_series.counts.at(d).at(a))});
        }
    }
    if (!ok || !file.commit()) {
        if (error)
            *error = tr("Could not write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
        file.cancelWriting();
        return false;
    }
    return true;
}

void ActivityView::saveWithDialog()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::PicturesLocation);
    const QString suggested = QDir(dir).filePath(
        tr("Copilot activity %1.png").arg(QDate::currentDate().toString(Qt::ISODate)));
    QString path;
    if (m_saveFileName) {
        path = m_saveFileName(suggested);
    } else {
        path = Dialogs::saveFileName(this, tr("Save Activity Chart"), suggested, tr("PNG image (*.png)"));
        if (!path.isEmpty() && QFileInfo(path).suffix().isEmpty())
            path += ".png"_L1;
    }
    if (path.isEmpty())
        return;
    if (savePng(path))
        return;
    if (m_error) {
        m_error(m_lastError);
    } else {
        Dialogs::error(this, tr("Could not save the chart"), m_lastError);
    }
}

} // namespace ledger::gui
