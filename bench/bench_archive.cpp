// bench_archive: ingest rate, open time, full-text filter time and sorted page time of a large
// archive (goals, docs/PERFORMANCE.md: ≥ 50,000 interactions/s; open < 0.5 s; full-text filter < 150 ms).
//   bench_archive [--count N] [--batch B] [--db PATH] [--keep]
#include "SyntheticData.h"
#include "app/archive/Archive.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTextStream>
#include <functional>

using namespace ledger;
using namespace Qt::StringLiterals;

namespace {

QTextStream out(stdout);

double timeMs(const std::function<void()> &f)
{
    QElapsedTimer t;
    t.start();
    f();
    return double(t.nsecsElapsed()) / 1e6;
}

void row(const QString &what, double value, const QString &unit, const QString &goal = QString())
{
    out << "| " << what << " | " << QString::number(value, 'f', value < 10 ? 2 : 0) << ' ' << unit << " | " << goal
        << " |" << Qt::endl;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser p;
    p.addHelpOption();
    p.addOption({u"count"_s, u"Interactions to generate (default 1000000)."_s, u"N"_s, u"1000000"_s});
    p.addOption({u"batch"_s, u"Interactions per insertInteractions call (default 1000)."_s, u"B"_s, u"1000"_s});
    p.addOption({u"db"_s, u"Archive path (default: a temporary file)."_s, u"PATH"_s});
    p.addOption({u"keep"_s, u"Keep the archive file."_s});
    p.addOption({u"reuse"_s, u"Do not ingest: measure the queries on the existing --db."_s});
    p.process(app);
    const qint64 count = p.value(u"count"_s).toLongLong();
    const int batch = p.value(u"batch"_s).toInt();
    QTemporaryDir tmp;
    const QString path = p.isSet(u"db"_s) ? p.value(u"db"_s) : tmp.filePath(u"bench.sqlite"_s);
    const bool reuse = p.isSet(u"reuse"_s) && p.isSet(u"db"_s) && QFile::exists(path);
    if (!reuse)
        for (const QString &s : {QString(), u"-wal"_s, u"-shm"_s})
            QFile::remove(path + s);
    if (p.isSet(u"keep"_s))
        tmp.setAutoRemove(false);

    out << "bench_archive: " << count << " interactions, batch " << batch << ", " << path << Qt::endl;
    double parseSeconds = 0;
    QString error;
    double insertCpu = 0;
    const double insertSeconds = reuse ? 0 : bench::buildArchive(path, count, batch, &parseSeconds, &error, &insertCpu);
    if (insertSeconds < 0) {
        out << "failed: " << error << Qt::endl;
        return 1;
    }
    out << Qt::endl << "| measurement | result | goal |" << Qt::endl << "|---|---|---|" << Qt::endl;
    if (!reuse) {
    row(u"ingest (insertInteractions incl. sessions/turns/FTS)"_s, double(count) / insertSeconds, u"interactions/s"_s, u"≥ 50,000/s"_s);
    row(u"ingest, process CPU time only (shared machine: excludes waiting for a core)"_s, double(count) / insertCpu,
        u"interactions/s"_s, u"≥ 50,000/s"_s);
    row(u"parse (Interaction::fromRaw incl. body text)"_s, double(count) / parseSeconds, u"interactions/s"_s);
    }
    out << "| file size | " << QFile(path).size() / (1024 * 1024) << " MiB | |" << Qt::endl;

    Archive a;
    const double openMs = timeMs([&] { a.open(path); });
    row(u"open (cold process, schema check, FTS probe)"_s, openMs, u"ms"_s, u"< 500 ms"_s);
    ArchiveFilter none;
    double firstPage = timeMs([&] { a.reader().countTurns(none); a.reader().turns(none, {TurnRow::Time, Qt::DescendingOrder}, 0, 100); });
    row(u"open + count + first 100 turns (what the GUI shows first)"_s, openMs + firstPage, u"ms"_s, u"< 500 ms"_s);

    ArchiveFilter text;
    text.text = bench::SyntheticData::needle();
    qint64 hits = 0;
    const double ftsCount = timeMs([&] { hits = a.reader().countTurns(text); });
    const double ftsPage = timeMs([&] { a.reader().turns(text, {TurnRow::Time, Qt::DescendingOrder}, 0, 100); });
    row(u"full-text filter \"%1\": count (%2 turns)"_s.arg(text.text).arg(hits), ftsCount, u"ms"_s, u"< 150 ms"_s);
    row(u"full-text filter: first page of 100, newest first"_s, ftsPage, u"ms"_s, u"< 150 ms"_s);
    text.text = u"kalo mi"_s;   // two frequent prefixes
    const double ftsBroad = timeMs([&] { hits = a.reader().countTurns(text); a.reader().turns(text, {}, 0, 100); });
    row(u"full-text filter, 2 frequent prefixes \"kalo mi\" (%1 turns): count + page"_s.arg(hits), ftsBroad, u"ms"_s, u"< 150 ms"_s);
    ArchiveFilter sessText;
    sessText.text = bench::SyntheticData::needle();
    row(u"full-text filter, Sessions view: count + page"_s,
        timeMs([&] { a.reader().countSessions(sessText); a.reader().sessions(sessText, {SessionRow::Started, Qt::DescendingOrder}, 0, 100); }), u"ms"_s);
    row(u"full-text filter, Users view: count + page"_s,
        timeMs([&] { a.reader().countUsers(sessText); a.reader().users(sessText, {}, 0, 100); }), u"ms"_s);

    row(u"sorted page: turns by time desc, offset 0, 100 rows"_s,
        timeMs([&] { a.reader().turns(none, {TurnRow::Time, Qt::DescendingOrder}, 0, 100); }), u"ms"_s);
    const qint64 turns = a.reader().countTurns(none);
    row(u"sorted page: turns by time, offset %1 (middle)"_s.arg(turns / 2),
        timeMs([&] { a.reader().turns(none, {TurnRow::Time, Qt::AscendingOrder}, int(turns / 2), 100); }), u"ms"_s);
    row(u"sorted page: turns by app, offset 0"_s, timeMs([&] { a.reader().turns(none, {TurnRow::App, Qt::AscendingOrder}, 0, 100); }), u"ms"_s);
    row(u"sorted page: turns by user name (join sort)"_s, timeMs([&] { a.reader().turns(none, {TurnRow::User, Qt::AscendingOrder}, 0, 100); }), u"ms"_s);
    ArchiveFilter month;
    month.from = QDateTime(QDate(2025, 3, 1), QTime(0, 0), Qt::UTC);
    month.to = QDateTime(QDate(2025, 4, 1), QTime(0, 0), Qt::UTC);
    month.appClasses = {u"IPM.SkypeTeams.Message.Copilot.Word"_s};
    row(u"date + app filter: count + first page"_s,
        timeMs([&] { a.reader().countTurns(month); a.reader().turns(month, {}, 0, 100); }), u"ms"_s);
    row(u"sessions by started desc, first page"_s,
        timeMs([&] { a.reader().sessions(none, {SessionRow::Started, Qt::DescendingOrder}, 0, 100); }), u"ms"_s);
    row(u"users by interaction count (all users' counts)"_s,
        timeMs([&] { a.reader().users(none, {UserRow::Interactions, Qt::DescendingOrder}, 0, 100); }), u"ms"_s);
    row(u"activity by day (chart)"_s, timeMs([&] { a.reader().activityByDay(none); }), u"ms"_s);
    a.close();

    Archive::setFullTextSearchDisabledForTesting(true);
    Archive like;
    like.open(path);
    text.text = bench::SyntheticData::needle();
    row(u"LIKE fallback (no FTS5): count \"%1\""_s.arg(text.text), timeMs([&] { like.reader().countTurns(text); }), u"ms"_s);
    like.close();
    Archive::setFullTextSearchDisabledForTesting(false);
    Archive again;
    again.open(path);   // restores the FTS triggers for later use of this archive
    return 0;
}
