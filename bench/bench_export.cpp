// bench_export: exporting prompts.csv columns with the Exporter vs the sqlite3 shell on the same
// archive (goal, docs/PERFORMANCE.md: within 1.5× of `sqlite3 -csv -header`).
//   bench_export [--db PATH | --count N]
#include "SyntheticData.h"
#include "app/archive/Archive.h"
#include "app/export/Exporter.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextStream>

using namespace ledger;
using namespace Qt::StringLiterals;

namespace {

// The same 18 columns as prompts.csv, with the times formatted by SQLite (ISO UTC ms Z).
const QString kShellQuery = u"SELECT t.user_id, COALESCE(u.upn,''), COALESCE(u.display_name,''), t.session_id, t.request_id,"
    " t.app_class, t.app_class, t.conversation_type, t.prompt_id,"
    " strftime('%Y-%m-%dT%H:%M:%fZ', t.prompt_created / 1000.0, 'unixepoch'), t.prompt_text, t.response_id,"
    " strftime('%Y-%m-%dT%H:%M:%fZ', t.response_created / 1000.0, 'unixepoch'), t.response_text, t.attachments,"
    " t.links, t.contexts, t.locale FROM turns t LEFT JOIN users u ON u.id = t.user_id ORDER BY t.user_id, t.time, t.tid;"_s;

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser p;
    p.addHelpOption();
    p.addOption({u"db"_s, u"Existing archive (else one is generated)."_s, u"PATH"_s});
    p.addOption({u"count"_s, u"Interactions to generate when --db is not given (default 1000000)."_s, u"N"_s, u"1000000"_s});
    p.addOption({u"runs"_s, u"Repetitions; the best run counts (default 2)."_s, u"N"_s, u"2"_s});
    p.process(app);
    QTextStream out(stdout);
    QTemporaryDir tmp;
    QString path = p.value(u"db"_s);
    if (path.isEmpty()) {
        path = tmp.filePath(u"bench.sqlite"_s);
        QString error;
        out << "generating " << p.value(u"count"_s) << " interactions…" << Qt::endl;
        if (bench::buildArchive(path, p.value(u"count"_s).toLongLong(), 1000, nullptr, &error) < 0) {
            out << "failed: " << error << Qt::endl;
            return 1;
        }
    }
    const int runs = qMax(1, p.value(u"runs"_s).toInt());
    Archive archive;
    QString error;
    if (!archive.open(path, &error)) {
        out << "cannot open: " << error << Qt::endl;
        return 1;
    }
    Exporter exporter(archive);
    double best = 1e18;
    qint64 size = 0;
    for (int r = 0; r < runs; ++r) {
        const QString file = tmp.filePath(u"prompts.csv"_s);
        QElapsedTimer t;
        t.start();
        if (!exporter.exportPromptsCsv({}, file, &error)) {
            out << "export failed: " << error << Qt::endl;
            return 1;
        }
        best = qMin(best, double(t.nsecsElapsed()) / 1e6);
        size = QFile(file).size();
    }
    out << "Exporter prompts.csv: " << QString::number(best, 'f', 0) << " ms (" << size / (1024 * 1024) << " MiB)" << Qt::endl;

    const QString sqlite = QStandardPaths::findExecutable(u"sqlite3"_s);
    double shell = -1;
    if (sqlite.isEmpty()) {
        out << "sqlite3 shell not found: no comparison" << Qt::endl;
    } else {
        shell = 1e18;
        for (int r = 0; r < runs; ++r) {
            QProcess proc;
            proc.setStandardOutputFile(tmp.filePath(u"shell.csv"_s));
            QElapsedTimer t;
            t.start();
            proc.start(sqlite, {u"-csv"_s, u"-header"_s, u"-readonly"_s, path, kShellQuery});
            proc.waitForFinished(-1);
            shell = qMin(shell, double(t.nsecsElapsed()) / 1e6);
            if (proc.exitCode() != 0)
                out << "sqlite3 failed: " << proc.readAllStandardError() << Qt::endl;
        }
        out << "sqlite3 -csv -header: " << QString::number(shell, 'f', 0) << " ms ("
            << QFile(tmp.filePath(u"shell.csv"_s)).size() / (1024 * 1024) << " MiB)" << Qt::endl;
        out << "ratio Exporter / sqlite3: " << QString::number(best / shell, 'f', 2) << " (goal ≤ 1.5)" << Qt::endl;
    }

    // The whole export folder, for reference.
    ExportRequest req;
    req.outDir = tmp.filePath(u"folder"_s);
    QElapsedTimer t;
    t.start();
    const ExportResult res = exporter.exportFolder(req);
    out << "Exporter full folder (6 files): " << QString::number(double(t.nsecsElapsed()) / 1e6, 'f', 0) << " ms, "
        << (res.ok ? u"ok"_s : res.error) << ", " << res.prompts << " prompts, " << res.interactions
        << " interactions" << Qt::endl;
    return 0;
}
