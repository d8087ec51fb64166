// GUI responsiveness on a big archive: the real Workspace (tables, filter bar,
// activity) on an archive written by make-archive, under the offscreen platform. For every
// operation an officer does, two numbers side by side:
//  - baseline: how long the GUI thread was blocked by the previous design, which counted and read
//    the first page on the GUI thread (the same Archive calls, timed here on this thread);
//  - now: the longest the GUI thread went without processing events while the operation ran
//    (a 1 ms heartbeat timer), and how long until the rows on screen were there.
// Usage: bench_gui --db PATH   (QT_QPA_PLATFORM=offscreen is set if no platform is given)
#include "SyntheticData.h"
#include "ui/activity/ActivityView.h"
#include "app/archive/Archive.h"
#include "ui/filter/FilterBar.h"
#include "ui/main/Workspace.h"
#include "ui/models/LedgerTableView.h"
#include "ui/models/PromptsModel.h"
#include "ui/models/SessionsModel.h"
#include "ui/models/UsersModel.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QScrollBar>
#include <QTabWidget>
#include <QTextStream>
#include <QTimer>
#include <functional>

using namespace ledger;
using namespace ledger::gui;
using namespace Qt::StringLiterals;

namespace {

QTextStream out(stdout);

// The longest gap between two turns of the event loop while something runs.
class Heartbeat : public QObject {
public:
    Heartbeat()
    {
        m_timer.setInterval(1);
        QObject::connect(&m_timer, &QTimer::timeout, this, [this] {
            const qint64 now = m_clock.nsecsElapsed();
            m_max = qMax(m_max, now - m_last);
            m_last = now;
        });
    }
    void start()
    {
        m_clock.start();
        m_last = 0;
        m_max = 0;
        m_timer.start();
    }
    double stop()   // ms
    {
        m_timer.stop();
        const qint64 now = m_clock.nsecsElapsed();
        return double(qMax(m_max, now - m_last)) / 1e6;
    }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0, m_max = 0;
};

bool visibleRowsLoaded(LedgerTableView *view)
{
    auto *m = qobject_cast<ArchiveTableModel *>(view->model());
    if (m->isLoading())
        return false;
    if (m->rowCount() == 0)
        return true;
    const int top = qMax(0, view->rowAt(0));
    int bottom = view->rowAt(view->viewport()->height() - 1);
    if (bottom < 0)
        bottom = m->rowCount() - 1;
    for (int r = top; r <= bottom; ++r)
        if (!m->isRowLoaded(r))
            return false;
    return true;
}

// Runs `action`, then turns the event loop until `done` says so; returns {done after ms, max stall ms}.
std::pair<double, double> measure(Heartbeat &hb, const std::function<void()> &action, const std::function<bool()> &done)
{
    QElapsedTimer t;
    t.start();
    hb.start();
    action();
    while (!done() && t.elapsed() < 120000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    QCoreApplication::processEvents();   // the paint of what arrived
    const double ms = double(t.nsecsElapsed()) / 1e6;
    return {ms, hb.stop()};
}

double timeMs(const std::function<void()> &f)
{
    QElapsedTimer t;
    t.start();
    f();
    return double(t.nsecsElapsed()) / 1e6;
}

// This process's resident memory (VmRSS) and its peak so far (VmHWM), in MB (Linux; -1 elsewhere).
std::pair<double, double> residentMb()
{
    QFile f(u"/proc/self/status"_s);
    double rss = -1, peak = -1;
    if (f.open(QIODevice::ReadOnly)) {
        for (const QByteArray &line : f.readAll().split('\n')) {
            const QList<QByteArray> parts = line.simplified().split(' ');
            if (parts.size() >= 2 && parts.at(0) == "VmRSS:")
                rss = parts.at(1).toDouble() / 1024.0;
            if (parts.size() >= 2 && parts.at(0) == "VmHWM:")
                peak = parts.at(1).toDouble() / 1024.0;
        }
    }
    return {rss, peak};
}

void row(const QString &what, double baseline, std::pair<double, double> now)
{
    out << "| " << what << " | " << QString::number(baseline, 'f', 0) << " ms | " << QString::number(now.second, 'f', 0)
        << " ms | " << QString::number(now.first, 'f', 0) << " ms | "
        << (now.second > 0 ? QString::number(baseline / now.second, 'f', 1) + u"×"_s : u"–"_s) << " | "
        << QString::number(residentMb().first, 'f', 0) << " MB |" << Qt::endl;
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(u"CopilotLedgerBench"_s);
    QCommandLineParser p;
    p.addHelpOption();
    p.addOption({u"db"_s, u"Archive written by make-archive."_s, u"PATH"_s});
    p.process(app);
    const QString path = p.value(u"db"_s);
    if (path.isEmpty()) {
        out << "bench_gui: --db PATH is required (make-archive --count 1000000 --out PATH)" << Qt::endl;
        return 2;
    }

    Heartbeat hb;
    Archive archive;   // the GUI thread's own connection (TenantSession opens it like this)
    const double openMs = timeMs([&] { archive.open(path); });
    Archive baseline;  // a second connection for the baseline's synchronous calls
    baseline.open(path);
    const qint64 turns = baseline.reader().countTurns({});
    out << "bench_gui: " << path << ", " << turns << " turns, " << baseline.reader().countUsers({}) << " users" << Qt::endl << Qt::endl;
    out << "| operation | baseline: GUI thread blocked (count + first page on the GUI thread) "
           "| now: longest GUI-thread stall | now: rows on screen after | stall ratio | resident memory after |"
        << Qt::endl << "|---|---|---|---|---|---|" << Qt::endl;
    out << "| open the archive (schema check, FTS probe; on the GUI thread in both) | " << QString::number(openMs, 'f', 0)
        << " ms | " << QString::number(openMs, 'f', 0) << " ms | | 1.0× | "
        << QString::number(residentMb().first, 'f', 0) << " MB |" << Qt::endl;

    Workspace ws;
    ws.resize(1400, 900);
    ws.setCurrentTab(Workspace::PromptsTab);
    ws.show();
    QCoreApplication::processEvents();
    LedgerTableView *prompts = ws.promptsView();
    auto promptsReady = [&] { return visibleRowsLoaded(prompts); };
    const SortSpec newest{TurnRow::Time, Qt::DescendingOrder};
    auto oldReload = [&](const ArchiveFilter &f, SortSpec s, bool unfiltered) {
        return timeMs([&] {
            baseline.reader().countTurns(f);
            if (unfiltered)
                baseline.reader().countTurns({});
            baseline.reader().turns(f, s, 0, 200);
        });
    };

    row(u"Prompts tab opens (all turns, newest first)"_s, oldReload({}, newest, false),
        measure(hb, [&] { ws.setArchive(&archive); }, promptsReady));

    const char *names[] = {"time", "user", "app", "prompt", "response", "findings"};
    for (int c = TurnRow::Time; c < TurnRow::ColumnCount; ++c) {
        const SortSpec s{c, Qt::AscendingOrder};
        row(u"sort Prompts by %1"_s.arg(QString::fromLatin1(names[c])), oldReload({}, s, false),
            measure(hb, [&] { prompts->sortByColumn(c, Qt::AscendingOrder); }, promptsReady));
    }
    for (int c : {int(TurnRow::User), int(TurnRow::Prompt)}) {
        const SortSpec s{c, Qt::DescendingOrder};
        row(u"sort Prompts by %1, descending"_s.arg(QString::fromLatin1(names[c])), oldReload({}, s, false),
            measure(hb, [&] { prompts->sortByColumn(c, Qt::DescendingOrder); }, promptsReady));
    }
    row(u"sort by prompt, then at once by time (the slow sort is superseded)"_s,
        oldReload({}, {TurnRow::Prompt, Qt::AscendingOrder}, false) + oldReload({}, newest, false),
        measure(hb, [&] {
            prompts->sortByColumn(TurnRow::Prompt, Qt::AscendingOrder);
            QCoreApplication::processEvents();
            prompts->sortByColumn(TurnRow::Time, Qt::DescendingOrder);
        }, promptsReady));
    QScrollBar *bar = prompts->verticalScrollBar();
    row(u"scroll Prompts to the last row (baseline: reading the page at that offset)"_s,
        timeMs([&] { baseline.reader().turns({}, newest, int(turns) - 200, 200); }),
        measure(hb, [&] { bar->setValue(bar->maximum()); }, promptsReady));
    row(u"scroll Prompts to the middle"_s, timeMs([&] { baseline.reader().turns({}, newest, int(turns / 2), 200); }),
        measure(hb, [&] { bar->setValue(bar->maximum() / 2); }, promptsReady));
    row(u"refresh while reading the middle (what a running sync does every 4 s)"_s, oldReload({}, newest, true),
        measure(hb, [&] { ws.reloadAll(); }, promptsReady));
    bar->setValue(0);
    {
        // The conversation pane reads the whole session on the GUI thread (an index lookup); the
        // longest conversation of the first rows is the worst case shown here.
        measure(hb, [] {}, promptsReady);
        const QModelIndex first = prompts->model()->index(0, 0);
        const QString user = first.data(ArchiveTableModel::UserIdRole).toString();
        const QString session = first.data(ArchiveTableModel::SessionIdRole).toString();
        const double old = timeMs([&] { baseline.reader().sessionInteractions(user, session); });
        row(u"open a conversation (select a prompt; %1 interactions)"_s.arg(baseline.reader().sessionInteractions(user, session).size()),
            old, measure(hb, [&] { prompts->setCurrentIndex(first); }, [] { return true; }));
    }

    FilterBar *filter = ws.filterBar();
    auto textRow = [&](const QString &words, const QString &label) {
        ArchiveFilter f;
        f.text = words;
        const double old = oldReload(f, newest, true);
        row(label, old, measure(hb, [&] { filter->setSearchText(words); filter->applyNow(); }, promptsReady));
    };
    textRow(bench::SyntheticData::needle(), u"full-text filter, a rare word (\"%1\")"_s.arg(bench::SyntheticData::needle()));
    textRow(u"kalo mi"_s, u"full-text filter, two very frequent prefixes (\"kalo mi\")"_s);
    filter->setSearchText({});
    filter->applyNow();
    measure(hb, [] {}, promptsReady);
    {
        ArchiveFilter f;
        f.appClasses = {u"IPM.SkypeTeams.Message.Copilot.Word"_s};
        row(u"app filter (Word)"_s, oldReload(f, newest, true),
            measure(hb, [&] { filter->setSelectedApps({u"Word"_s}); }, promptsReady));
        filter->setSelectedApps({});
        measure(hb, [] {}, promptsReady);
    }
    {
        const double old = timeMs([&] {
            baseline.reader().countSessions({});
            baseline.reader().sessions({}, {SessionRow::Started, Qt::DescendingOrder}, 0, 200);
        });
        row(u"Sessions tab opens"_s, old, measure(hb, [&] { ws.setCurrentTab(Workspace::SessionsTab); },
                                                  [&] { return visibleRowsLoaded(ws.sessionsView()); }));
        for (int c : {int(SessionRow::User), int(SessionRow::FirstPrompt)}) {
            const double oldSort = timeMs([&] {
                baseline.reader().countSessions({});
                baseline.reader().sessions({}, {c, Qt::AscendingOrder}, 0, 200);
            });
            row(c == SessionRow::User ? u"sort Sessions by user"_s : u"sort Sessions by first prompt"_s, oldSort,
                measure(hb, [&] { ws.sessionsView()->sortByColumn(c, Qt::AscendingOrder); },
                        [&] { return visibleRowsLoaded(ws.sessionsView()); }));
        }
    }
    {
        const double old = timeMs([&] { baseline.reader().countUsers({}); baseline.reader().users({}, {UserRow::Name, Qt::AscendingOrder}); });
        row(u"Users tab opens (every user with counts)"_s, old,
            measure(hb, [&] { ws.setCurrentTab(Workspace::UsersTab); }, [&] { return visibleRowsLoaded(ws.usersView()); }));
        const double oldSort = timeMs([&] { baseline.reader().users({}, {UserRow::Interactions, Qt::DescendingOrder}); });
        row(u"sort Users by interactions"_s, oldSort,
            measure(hb, [&] { ws.usersView()->sortByColumn(UserRow::Interactions, Qt::DescendingOrder); },
                    [&] { return visibleRowsLoaded(ws.usersView()); }));
    }
    {
        auto *activity = ws.findChild<ActivityView *>();
        const double old = timeMs([&] { baseline.reader().activityByDay({}); baseline.reader().topUsers({}, 10); });
        row(u"Activity tab opens (per-day chart, top users)"_s, old,
            measure(hb, [&] { ws.setCurrentTab(Workspace::ActivityTab); }, [&] { return !activity->isLoading(); }));
    }
    // Let every background key read finish, then the resident memory at rest and its peak.
    measure(hb, [] {}, [&] {
        for (auto *m : {qobject_cast<ArchiveTableModel *>(prompts->model()),
                        qobject_cast<ArchiveTableModel *>(ws.sessionsView()->model())})
            if (!m->keysComplete() || m->supersededQueries() > 0)
                return false;
        return true;
    });
    const auto [rss, peak] = residentMb();
    out << Qt::endl << "resident memory (VmRSS) at the end: " << QString::number(rss, 'f', 0)
        << " MB; peak (VmHWM) during the run: " << QString::number(peak, 'f', 0) << " MB" << Qt::endl;
    return 0;
}
