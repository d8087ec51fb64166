#pragma once
// The export folder of docs/EXPORT-FORMAT.md: prompts.csv, sessions.csv, users.csv, interactions.jsonl,
// findings.csv, reviews.csv, export.json, SHA256SUMS (a pseudonymised export leaves interactions.jsonl
// out; a case export is the folder for the turns of one review case, ArchiveFilter::reviewCase). Every file is written with QSaveFile (a failed export leaves no half
// file); the export is recorded in the archive's export log. Runs in the calling thread: the GUI
// calls it from a worker thread with its own Archive.
#include "app/archive/Archive.h"
#include "app/transcript/TranscriptRenderer.h"
#include <QJsonObject>
#include <QString>
#include <atomic>
#include <functional>

namespace ledger {

struct ExportRequest {
    QString outDir;
    ArchiveFilter filter;
    bool force = false;              // allow a non-empty folder (files of ours are replaced)
    bool formulaGuard = true;
    // What was asked, for export.json: tenant, user scope, date range, app filter.
    QString tenant;
    QString clientId;
    QStringList userScope;           // UPNs as given, empty = all users
    // export.json "scope": "all" (the whole archive was asked for) or "as_filtered" (the filter
    // above narrowed it). Empty: derived from the filter ("all" when it is empty).
    QString scope;
    // export.json "saved_search": {"name", "definition"} of the saved search the filter came
    // from (export --search); empty = null.
    QJsonObject savedSearch;
    // A pseudonymised export (docs/EXPORT-FORMAT.md "Pseudonymised exports"): the profile's
    // pseudonym key (export/PseudonymKeyStore.h); empty = not pseudonymised.
    QByteArray pseudonymKey;
    // With a pseudonym key: also write the pseudonym map to this file, which must be outside
    // outDir ("" = no map).
    QString pseudonymMapPath;
    // Also write a transcript of every exported session (docs/EXPORT-FORMAT.md "transcripts/"):
    // transcripts/<user_principal_name>/<YYYY-MM-DD>_<session>.pdf|.html.
    bool transcripts = false;
    TranscriptFormat transcriptFormat = TranscriptFormat::Pdf;
    // How the transcripts name users (heading, footer, folder); empty = the directory's names.
    UserNamer userNamer;
};

struct ExportResult {
    bool ok = false;
    bool cancelled = false;
    QString error;                   // plain words
    QStringList files;
    qint64 prompts = 0, sessions = 0, users = 0, interactions = 0, findings = 0, reviews = 0;
    bool pseudonymized = false;      // interactions.jsonl left out, users replaced by pseudonyms
    QString pseudonymMap;            // the map file written ("" = none)
    qint64 transcripts = 0;          // transcript files written (with ExportRequest::transcripts)
};

class Exporter {
public:
    using Progress = std::function<void(qint64 done, qint64 total)>;
    explicit Exporter(Archive &archive) : m_archive(archive) {}
    ExportResult exportFolder(const ExportRequest &request, const Progress &progress = {},
                              const std::atomic_bool *cancel = nullptr);
    // Single CSVs for the GUI's "Export view to CSV…" (same columns as the folder's files).
    // Progress: (0, total) first, then at most ~10 calls a second, (total, total) once the file
    // is committed; total = the rows of that view for f. A set *cancel stops before the next row:
    // the file is not written (a file already at `path` keeps its bytes), false is returned,
    // *cancelled (when given) is set and *error says so in plain words.
    bool exportPromptsCsv(const ArchiveFilter &f, const QString &path, QString *error, bool formulaGuard = true,
                          const Progress &progress = {}, const std::atomic_bool *cancel = nullptr,
                          bool *cancelled = nullptr);
    bool exportSessionsCsv(const ArchiveFilter &f, const QString &path, QString *error, bool formulaGuard = true,
                           const Progress &progress = {}, const std::atomic_bool *cancel = nullptr,
                           bool *cancelled = nullptr);
    bool exportUsersCsv(const ArchiveFilter &f, const QString &path, QString *error, bool formulaGuard = true,
                        const Progress &progress = {}, const std::atomic_bool *cancel = nullptr,
                        bool *cancelled = nullptr);
    // Single CSVs only: write the rows in this order (a table's sort, SortSpec of that view's
    // columns) instead of the export order (user id, time).
    void setViewOrder(const SortSpec &sort) { m_viewOrder = sort; m_hasViewOrder = true; }
    // The rows each single CSV (and the folder's file of that name) has for f.
    qint64 promptsRows(const ArchiveFilter &f) const;
    qint64 sessionsRows(const ArchiveFilter &f) const;
    qint64 usersRows(const ArchiveFilter &f) const;

    static QStringList promptsHeader();
    static QStringList sessionsHeader();
    static QStringList usersHeader();
    static QStringList reviewsHeader();
    // The eight files an export folder can have, in the order they are written (a pseudonymised
    // export writes all but interactions.jsonl).
    static QStringList fileNames();
    static QStringList fileNames(bool pseudonymized);
    // Why `mapPath` cannot take the pseudonym map of an export into `outDir` (inside that folder,
    // the folder itself, a link, …); empty when it can.
    static QString pseudonymMapProblem(const QString &mapPath, const QString &outDir);
    // Why the export must not write to `path` (a symbolic link, a folder, a pipe, socket or
    // device); empty when it is absent or a regular file.
    static QString unsafeTarget(const QString &path);
    // Test hook: make the commit of file number `fileIndex` (0-based, fileNames() order) fail; -1 = off.
    static void setFailCommitAtForTesting(int fileIndex);
    // Test hook: the least time between two progress calls (default 100 ms). 0 = a call every
    // 64 rows, so that tests can act deterministically mid-way (e.g. set the cancel flag).
    static void setProgressIntervalForTesting(int milliseconds);
private:
    Archive &m_archive;
    SortSpec m_viewOrder;
    bool m_hasViewOrder = false;
};

} // namespace ledger
