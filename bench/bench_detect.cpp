// bench_detect: what sensitive-information detection and watchlists cost.
//  1. Sync overhead: process CPU of parsing + storing a batch of synthetic interactions (what a
//     sync does per item) with detection, against the CPU the scanner alone takes for the same
//     items (goal: detection adds at most 20 %).
//  2. Full rescan after a watchlist change: Archive::rescanFindings over a whole archive
//     (default 1,000,000 interactions; goal < 60 s on the 2-core build machine).
//   bench_detect [--count N] [--sample N] [--db PATH] [--reuse]
#include "SyntheticData.h"
#include "app/archive/Archive.h"
#include "app/detect/FindingScanner.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTextStream>
#include <ctime>

using namespace ledger;
using namespace Qt::StringLiterals;

namespace {

QTextStream out(stdout);

double cpuSeconds(std::clock_t from) { return double(std::clock() - from) / CLOCKS_PER_SEC; }

// The machine's load average (1, 5, 15 minutes) where the system says it (Linux), for the record.
QString loadAverage()
{
    QFile f(u"/proc/loadavg"_s);
    if (!f.open(QIODevice::ReadOnly))
        return u"unknown"_s;
    return QString::fromLatin1(f.readLine()).section(u' ', 0, 2);
}

// A realistic list: 40 names, code names and phrases, some with a prefix wildcard.
detect::Watchlist watchlist()
{
    QString text = u"# bench list\n"_s;
    for (int k = 0; k < 30; ++k)
        text += u"Project Codename%1\n"_s.arg(k);
    for (const char *t : {"confidential*", "Contoso", "Fabrikam", "merger talk*", "quarterly", "salary review",
                          "layoff*", "acquisition", "Northwind", "insider"})
        text += QString::fromLatin1(t) + u'\n';
    detect::Watchlist w;
    detect::Watchlist::parse(u"Bench"_s, text, &w, nullptr);
    return w;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser p;
    p.addHelpOption();
    p.addOption({u"count"_s, u"Interactions in the rescanned archive (default 1000000)."_s, u"N"_s, u"1000000"_s});
    p.addOption({u"sample"_s, u"Interactions for the sync-overhead measurement (default 50000)."_s, u"N"_s, u"50000"_s});
    p.addOption({u"db"_s, u"Archive path for the rescan (default: a temporary file)."_s, u"PATH"_s});
    p.addOption({u"reuse"_s, u"Do not build the rescan archive: use the existing --db."_s});
    p.addOption({u"sequential"_s, u"Also time the rescan without the read/scan/write overlap (the previous design)."_s});
    p.addOption({u"skip-sample"_s, u"Skip the sync-overhead measurement."_s});
    p.process(app);
    const qint64 count = p.value(u"count"_s).toLongLong();
    const int sample = p.value(u"sample"_s).toInt();
    QTemporaryDir tmp;
    const detect::Watchlist list = watchlist();

    out << "load average at the start: " << loadAverage() << Qt::endl;
    // 1. Sync overhead.
    if (!p.isSet(u"skip-sample"_s)) {
        Archive a;
        if (!a.open(tmp.filePath(u"sample.sqlite"_s)))
            return 1;
        a.findings().setWatchlists({list});
        bench::SyntheticData data(sample);
        a.writer().upsertUsers(data.users());
        QList<QList<QPair<QString, QByteArray>>> batches;
        while (!data.atEnd())
            batches << data.nextRaw(1000);
        const std::clock_t c0 = std::clock();
        QList<Interaction> all;
        for (const auto &batch : std::as_const(batches)) {
            QList<Interaction> items;
            for (const auto &r : batch) {
                Interaction i = Interaction::fromRaw(r.first, r.second);
                i.json = QJsonObject();
                items << i;
            }
            a.writer().insertInteractions(items);
            all << items;
        }
        const double syncCpu = cpuSeconds(c0);
        const detect::FindingScanner scanner({list});
        const std::clock_t c1 = std::clock();
        qint64 found = 0;
        for (const Interaction &i : std::as_const(all))
            found += scanner.scan(i).size();
        const double scanCpu = cpuSeconds(c1);
        const double overhead = 100.0 * scanCpu / qMax(1e-9, syncCpu - scanCpu);
        out << "| sync of " << sample << " interactions (parse + store), process CPU | "
            << QString::number(syncCpu, 'f', 2) << " s | |" << Qt::endl;
        out << "| of which detection (12 detectors + a 40-term watchlist, " << found << " findings) | "
            << QString::number(scanCpu, 'f', 2) << " s | |" << Qt::endl;
        out << "| detection overhead on the sync's CPU | " << QString::number(overhead, 'f', 1) << " % | ≤ 20 % |"
            << Qt::endl;
    }

    // 2. Full rescan.
    const QString path = p.isSet(u"db"_s) ? p.value(u"db"_s) : tmp.filePath(u"rescan.sqlite"_s);
    if (!(p.isSet(u"reuse"_s) && QFile::exists(path))) {
        for (const QString &s : {QString(), u"-wal"_s, u"-shm"_s})
            QFile::remove(path + s);
        QString error;
        out << "building " << count << " interactions at " << path << " …" << Qt::endl;
        if (bench::buildArchive(path, count, 2000, nullptr, &error) < 0) {
            out << "failed: " << error << Qt::endl;
            return 1;
        }
    }
    Archive a;
    if (!a.open(path))
        return 1;
    const qint64 stored = a.reader().countInteractions({});
    a.findings().setWatchlists({list});
    out << "load average before the rescan: " << loadAverage() << Qt::endl;
    QElapsedTimer wall;
    wall.start();
    const std::clock_t c2 = std::clock();
    const bool ok = a.findings().rescan(FindingsStore::RescanWatchlists);
    const double rescanWall = double(wall.nsecsElapsed()) / 1e9, rescanCpu = cpuSeconds(c2);
    out << "| rescan after a watchlist change, " << stored << " interactions (" << a.findings().countFindings({})
        << " findings), wall | " << QString::number(rescanWall, 'f', 1) << " s | < 60 s |" << Qt::endl;
    out << "| the same, process CPU (all threads) | " << QString::number(rescanCpu, 'f', 1) << " s | |" << Qt::endl;
    out << "load average after it: " << loadAverage() << Qt::endl;
    // After the pipelined run, so that the page cache it warmed favours the previous design.
    if (p.isSet(u"sequential"_s)) {
        FindingsStore::setSequentialRescanForBenchmark(true);
        QElapsedTimer seq;
        seq.start();
        const std::clock_t cs = std::clock();
        a.findings().rescan(FindingsStore::RescanWatchlists);
        out << "| rescan after a watchlist change, sequential (previous design), wall | "
            << QString::number(double(seq.nsecsElapsed()) / 1e9, 'f', 1) << " s | |" << Qt::endl;
        out << "| the same, process CPU | " << QString::number(cpuSeconds(cs), 'f', 1) << " s | |" << Qt::endl;
        FindingsStore::setSequentialRescanForBenchmark(false);
    }
    wall.restart();
    const bool ok2 = a.findings().rescan(FindingsStore::RescanSensitive | FindingsStore::RescanWatchlists);
    out << "| full rescan (detectors and watchlist), wall | " << QString::number(double(wall.nsecsElapsed()) / 1e9, 'f', 1)
        << " s | < 60 s |" << Qt::endl;
    out << "load average at the end: " << loadAverage() << Qt::endl;
    return ok && ok2 ? 0 : 1;
}
