// make-archive: writes a big synthetic archive (for the GUI's 1M-row responsiveness checks).
//   make-archive --count N --out PATH
#include "SyntheticData.h"
#include "app/archive/Archive.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QTextStream>

using namespace Qt::StringLiterals;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser p;
    p.setApplicationDescription(u"Writes a synthetic Copilot Ledger archive."_s);
    p.addHelpOption();
    p.addOption({u"count"_s, u"Interactions (default 1000000)."_s, u"N"_s, u"1000000"_s});
    p.addOption({u"out"_s, u"Archive file to create (replaced if it exists)."_s, u"PATH"_s});
    p.process(app);
    QTextStream out(stdout);
    if (!p.isSet(u"out"_s)) {
        out << "--out PATH is required" << Qt::endl;
        return 2;
    }
    const QString path = p.value(u"out"_s);
    for (const QString &s : {QString(), u"-wal"_s, u"-shm"_s})
        QFile::remove(path + s);
    QString error;
    const qint64 count = p.value(u"count"_s).toLongLong();
    double cpu = 0;
    if (qEnvironmentVariableIsSet("LEDGER_BENCH_NOFTS"))
        ledger::Archive::setFullTextSearchDisabledForTesting(true);
    const double seconds = ledger::bench::buildArchive(path, count, 1000, nullptr, &error, &cpu);
    if (seconds < 0) {
        out << "failed: " << error << Qt::endl;
        return 1;
    }
    out << "wrote " << count << " interactions to " << path << " (" << QString::number(double(count) / seconds, 'f', 0)
        << " interactions/s wall, " << QString::number(double(count) / cpu, 'f', 0) << "/s CPU)" << Qt::endl;
    return 0;
}
