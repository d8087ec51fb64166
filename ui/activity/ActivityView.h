#pragma once
// Activity: interactions per day stacked by app, and the most active users, for
// the current filter; hover for values; save as PNG. Data from ArchiveReader::activityByDay/topUsers,
// computed once per load (ActivitySeries), drawn with QPainter.
#include "app/archive/ActivitySeries.h"
#include "app/archive/ArchiveTypes.h"

#include <QWidget>
#include <functional>
#include <memory>

class QComboBox;
class QLabel;
class QMenu;
class QPushButton;
class QToolButton;
class QStackedWidget;

namespace ledger {
class Archive;
class ArchiveWorker;
}

namespace ledger::gui {

class DailyActivityChart;
class TopUsersChart;

class ActivityView : public QWidget {
    Q_OBJECT
public:
    explicit ActivityView(QWidget *parent = nullptr);
    ~ActivityView() override;

    void setArchive(ledger::Archive *archive);
    void setFilter(const ledger::ArchiveFilter &filter);
    // Shows the given aggregates (what a reload does after querying the archive).
    void setData(const QList<DayActivity> &days, const QList<UserActivity> &users, const QDate &first = {},
                 const QDate &last = {});
    // The findings series (detectors and watchlists): findings per day stacked by detector or
    // watchlist, and the users with the most of them (what setData shows for interactions).
    void setFindingsData(const QList<DayFindings> &days, const QList<UserActivity> &users, const QDate &first = {},
                         const QDate &last = {});
    // What the charts count: interactions by app, or findings by detector / watchlist.
    void setMeasure(ActivitySeries::Measure measure);
    ActivitySeries::Measure measure() const { return m_measure; }
    // The findings series shown (DayFindings::key(); empty = all) and those the data has.
    void setSelectedSeries(const QStringList &keys);
    QStringList selectedSeries() const { return m_selected; }
    QStringList availableSeries() const { return m_available; }
    QComboBox *measureBox() const { return m_measureBox; }
    QToolButton *seriesButton() const { return m_seriesButton; }
    // Queries the archive in a worker thread (its own connection); loaded() when shown.
    void reload();
    bool isLoading() const { return m_loading; }

    bool savePng(const QString &path);
    // The chart's numbers as CSV (the rules of docs/EXPORT-FORMAT.md, "activity.csv"): one row
    // per day and app of the shown range, zeros included.
    bool saveCsv(const QString &path, QString *error = nullptr) const;
    static QStringList csvHeader();
    static QStringList findingsCsvHeader();   // the findings series: day_utc,kind,detector,findings
    QSize pngSize() const;                           // pixel size savePng() writes
    QString lastError() const { return m_lastError; }

    const ActivitySeries &series() const { return m_series; }
    DailyActivityChart *dailyChart() const { return m_daily; }
    TopUsersChart *topUsersChart() const { return m_users; }

    using SaveFileNameHook = std::function<QString(const QString &suggestedPath)>;
    void setSaveFileNameHook(SaveFileNameHook hook) { m_saveFileName = std::move(hook); }
    using ErrorHook = std::function<void(const QString &message)>;
    void setErrorHook(ErrorHook hook) { m_error = std::move(hook); }

    static constexpr int TopUserCount = 10;
    static constexpr int PngMargin = 12;   // logical pixels around the picture

signals:
    void pngSaved(const QString &path);
    void loaded();
    void dayActivated(const QDate &dayUtc);                                  // a day's bar was clicked
    void userActivated(const QString &userId, const QString &label);        // a top user was clicked

protected:
    void showEvent(QShowEvent *event) override;

private:
    void saveWithDialog();
    void updateSummary();
    // Shows m_series in both charts (counting findings or interactions), or the empty page with
    // `nothingMatches` (with an archive open) when it has nothing.
    void showSeries(bool findings, const QString &nothingMatches);
    qreal pngScale() const;
    int pngHeadingHeight() const;

    ledger::Archive *m_archive = nullptr;
    void updateSeriesMenu();
    void updateTitles();
    ledger::ArchiveFilter m_filter;
    ActivitySeries::Measure m_measure = ActivitySeries::Interactions;
    QStringList m_selected, m_available;
    QList<DayFindings> m_findingDays;   // the last findings aggregate (re-filtered by the selection)
    QList<UserActivity> m_findingUsers;
    QDate m_first, m_last;
    QComboBox *m_measureBox = nullptr;
    QToolButton *m_seriesButton = nullptr;
    QMenu *m_seriesMenu = nullptr;
    QLabel *m_dailyTitle = nullptr;
    QLabel *m_usersTitle = nullptr;
    bool m_dirty = false;
    ActivitySeries m_series;
    QString m_lastError;
    SaveFileNameHook m_saveFileName;
    ErrorHook m_error;

    QLabel *m_summary = nullptr;
    QPushButton *m_save = nullptr;
    QStackedWidget *m_stack = nullptr;
    QWidget *m_canvas = nullptr;
    QLabel *m_empty = nullptr;
    DailyActivityChart *m_daily = nullptr;
    TopUsersChart *m_users = nullptr;
    bool m_loading = false;
    quint64 m_serial = 0;
    std::unique_ptr<ledger::ArchiveWorker> m_worker;   // last: joins before the rest goes
};

} // namespace ledger::gui
