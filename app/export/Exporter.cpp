#include "app/export/Exporter.h"
#include "app/model/PrivateFiles.h"

#include "app/about/AppIdentity.h"
#include "app/archive/ActivityLog.h"
#include "app/export/CsvWriter.h"
#include "app/export/FindingsCsv.h"
#include "app/export/HashingDevice.h"
#include "app/export/JsonlLine.h"
#include "app/detect/DetectorRegistry.h"
#include "app/model/AppClass.h"
#include "app/export/Pseudonymizer.h"
#include "app/review/ReviewStore.h"
#include "app/transcript/TranscriptSession.h"
#include "app/model/JsonQuote.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <QTemporaryDir>
#include <QCryptographicHash>
#include <algorithm>
#include <memory>
#include <utility>
#include <vector>

using namespace Qt::StringLiterals;

namespace ledger {

namespace {

int g_failCommitAt = -1;
std::atomic_int g_progressIntervalMs{100};
constexpr int kFormatVersion = 1;

const QString kPrompts = u"prompts.csv"_s;
const QString kSessions = u"sessions.csv"_s;
const QString kUsers = u"users.csv"_s;
const QString kJsonl = u"interactions.jsonl"_s;
const QString kFindings = u"findings.csv"_s;
const QString kReviews = u"reviews.csv"_s;
const QString kManifest = u"export.json"_s;
const QString kSums = u"SHA256SUMS"_s;

// appNameForClass for every row is a linear, case-insensitive search: remember the answers.
QString appName(const QString &appClass)
{
    thread_local QHash<QString, QString> cache;
    auto it = cache.constFind(appClass);
    if (it == cache.constEnd())
        it = cache.insert(appClass, appNameForClass(appClass));
    return it.value();
}

// A pseudonymised row (docs/EXPORT-FORMAT.md "Pseudonymised exports"): the name columns of the
// row's user become the user's pseudonym, every other cell has the tenant's ids, UPNs and mails
// replaced. Unchanged without an active pseudonymizer.
QStringList pseudonymized(const Pseudonymizer *p, QStringList cells, const QString &userId,
                          std::initializer_list<int> nameColumns)
{
    if (!p || !p->isActive())
        return cells;
    for (int k = 0; k < cells.size(); ++k) {
        const bool name = std::find(nameColumns.begin(), nameColumns.end(), k) != nameColumns.end();
        cells[k] = name ? p->nameCell(userId, cells.at(k)) : p->scrub(cells.at(k));
    }
    return cells;
}

QStringList promptCells(const TurnRow &t)
{
    return {t.userId, t.userPrincipalName, t.userDisplayName, t.sessionId, t.requestId, appName(t.appClass),
            t.appClass, t.conversationType, t.promptId, formatUtc(t.promptCreated), t.promptText, t.responseId,
            formatUtc(t.responseCreated), t.responseText, t.attachments, t.links, t.contexts, t.locale};
}

QStringList sessionCells(const SessionRow &s)
{
    return {s.userId, s.userPrincipalName, s.userDisplayName, s.sessionId, appName(s.appClass), s.appClass,
            formatUtc(s.started), formatUtc(s.ended), QString::number(s.promptCount), QString::number(s.responseCount),
            s.firstPrompt};
}

QStringList userCells(const UserRow &r)
{
    const User &u = r.user;
    return {u.id, u.displayName, u.userPrincipalName, u.mail, u.department, u.jobTitle,
            u.accountEnabled ? u"true"_s : u"false"_s, u.userType, userStatusKey(r.status),
            QString::number(r.interactionCount), QString::number(r.sessionCount), formatUtc(r.firstActivity),
            formatUtc(r.lastActivity), r.statusError, u.isDeleted() ? u"true"_s : u"false"_s,
            u.isDeleted() && u.deletedDateTime.toMSecsSinceEpoch() > 0 ? formatUtc(u.deletedDateTime) : QString()};
}

// The users of the export: never-synced users (no status) are left out and counted separately.
ArchiveFilter syncedUsersFilter(const ArchiveFilter &f)
{
    ArchiveFilter u = f;
    if (u.statuses.isEmpty())
        u.statuses = {UserStatus::Ok, UserStatus::NoInteractions, UserStatus::NotLicensed, UserStatus::Failed,
                      UserStatus::Partial};
    u.statuses.removeAll(UserStatus::Unknown);
    return u;
}

struct Run {
    Run(Archive &a, Exporter::Progress p, const std::atomic_bool *c) : archive(a), progress(std::move(p)), cancel(c) {}
    Archive &archive;
    const Exporter::Progress progress;
    const std::atomic_bool *cancel;
    const Pseudonymizer *pseudo = nullptr;   // the folder's pseudonymised export, else none
    const SortSpec *order = nullptr;   // single CSVs: the table's order instead of the export order
    qint64 done = 0, total = 0;
    QString error;
    bool cancelled = false;
    QElapsedTimer sinceReport;

    void begin()
    {
        if (progress)
            progress(0, total);
        sinceReport.start();
    }
    bool cancelRequested()
    {
        if (cancel && cancel->load(std::memory_order_relaxed))
            cancelled = true;
        return cancelled;
    }
    // After every row: stop when cancelled; report progress at most every interval (the clock is
    // only read every 64 rows). The archive may grow while we write: done never exceeds total.
    bool tick()
    {
        ++done;
        if (cancelRequested())
            return false;
        if (progress && (done & 63) == 0 && sinceReport.elapsed() >= g_progressIntervalMs.load(std::memory_order_relaxed)) {
            sinceReport.start();
            progress(qMin(done, total), total);
        }
        return true;
    }
    void readFailed() { error = u"Reading the archive failed: "_s + archive.lastError(); }
    void writeFailed(const QIODevice *dev, const QString &name)
    {
        error = u"Writing %1 failed: %2"_s.arg(name, dev->errorString());
    }

    // The rows of a view in a table's order: its keys, then the rows a block of keys at a time.
    template <typename Row, typename ByKeys, typename Callback>
    bool inViewOrder(ArchiveView view, const ArchiveFilter &f, ByKeys byKeys, const Callback &cb)
    {
        const QString errorBefore = archive.lastError();
        const QList<qint64> keys = archive.reader().rowKeys(view, f, *order, [this] { return cancelRequested(); });
        if (cancelled)
            return true;
        if (keys.isEmpty() && archive.lastError() != errorBefore)
            return false;   // the keys could not be read
        constexpr qsizetype kBlock = 500;
        for (qsizetype at = 0; at < keys.size(); at += kBlock) {
            const QList<Row> rows = (archive.reader().*byKeys)(keys.mid(at, kBlock));
            for (const Row &r : rows)
                if (!cb(r))
                    return true;   // stopped by a write error or a cancel (both reported by the caller)
        }
        return true;
    }

    // One CSV file: its byte order mark, its header, then the rows `stream` hands to its `write`
    // (false from write: a failed write or a cancel, stop); `stream` returns whether it could
    // read. -1 on a failure (said in `error`: readError, or "Reading the archive failed") or a
    // cancel; else the number of rows.
    template <typename Stream>
    qint64 csvFile(QIODevice *dev, bool guard, const QString &name, const QStringList &header, Stream stream,
                   const std::function<QString()> &readError = {})
    {
        CsvWriter w(dev, guard);
        w.writeBom();
        bool ok = w.writeRow(header);
        const auto write = [&](const QStringList &cells) { return (ok = w.writeRow(cells)) && tick(); };
        const bool read = ok && stream(write);
        if (!ok)
            writeFailed(dev, name);
        else if (!read && readError)
            error = readError();
        else if (!read)
            readFailed();
        return ok && read && !cancelled ? w.rowsWritten() - 1 : -1;
    }
    using RowWrite = std::function<bool(const QStringList &)>;

    qint64 prompts(QIODevice *dev, const ArchiveFilter &f, bool guard)
    {
        return csvFile(dev, guard, kPrompts, Exporter::promptsHeader(), [&](const RowWrite &write) {
            const auto row = [&](const TurnRow &t) { return write(pseudonymized(pseudo, promptCells(t), t.userId, {0, 1, 2})); };
            return order ? inViewOrder<TurnRow>(ArchiveView::Turns, f, &ArchiveReader::turnsByKeys, row)
                         : archive.reader().forEachTurn(f, row);
        });
    }
    qint64 sessions(QIODevice *dev, const ArchiveFilter &f, bool guard)
    {
        return csvFile(dev, guard, kSessions, Exporter::sessionsHeader(), [&](const RowWrite &write) {
            const auto row = [&](const SessionRow &s) { return write(pseudonymized(pseudo, sessionCells(s), s.userId, {0, 1, 2})); };
            return order ? inViewOrder<SessionRow>(ArchiveView::Sessions, f, &ArchiveReader::sessionsByKeys, row)
                         : archive.reader().forEachSession(f, row);
        });
    }
    qint64 users(QIODevice *dev, const ArchiveFilter &f, bool guard)
    {
        return csvFile(dev, guard, kUsers, Exporter::usersHeader(), [&](const RowWrite &write) {
            const SortSpec sort = order ? *order : SortSpec{UserRow::Upn, Qt::AscendingOrder};
            for (const UserRow &r : archive.reader().users(syncedUsersFilter(f), sort))
                if (!write(pseudonymized(pseudo, userCells(r), r.user.id, {0, 1, 2, 3})))
                    break;
            return true;   // a few thousand rows, read before the first is written
        });
    }
    qint64 findings(QIODevice *dev, const ArchiveFilter &f, bool guard)
    {
        return csvFile(dev, guard, kFindings, findingsHeader(), [&](const RowWrite &write) {
            return archive.findings().forEachFinding(f, [&](const FindingRow &r) {
                return write(pseudonymized(pseudo, findingCells(r), r.userId, {1, 2}));
            });
        });
    }
    // reviews.csv: one row per reviewed turn in scope (review/ReviewStore.h forEachReviewedTurn).
    qint64 reviews(QIODevice *dev, const ArchiveFilter &f, bool guard)
    {
        const ReviewStore store(archive);
        return csvFile(dev, guard, kReviews, Exporter::reviewsHeader(), [&](const RowWrite &write) {
            return store.forEachReviewedTurn(f, [&](const ReviewStore::ExportRow &r) {
                QStringList cells{r.interactionId, r.sessionId, r.userPrincipalName, r.status, r.cases, r.note,
                                  r.reviewedBy, formatUtc(r.reviewedUtc)};
                cells = pseudonymized(pseudo, cells, r.userId, {2});
                if (pseudo && pseudo->isActive())
                    cells[6] = pseudo->reviewerPseudonym(r.reviewedBy);
                return write(cells);
            });
        }, [&store] { return u"Reading the reviews failed: "_s + store.lastError(); });
    }
    // Sees every interaction written to interactions.jsonl with its line number (1-based), e.g.
    // the transcripts; false stops the export (with `error` set).
    std::function<bool(const Interaction &, qint64 line)> observer;
    std::function<bool()> observerDone;

    // dev: interactions.jsonl; none in a pseudonymised export, whose transcripts are still fed
    // every interaction (with line 0: there is no file to point into).
    qint64 interactions(QIODevice *dev, const ArchiveFilter &f)
    {
        if (!dev && !observer)
            return 0;   // a pseudonymised export has no interactions.jsonl
        qint64 n = 0;
        bool ok = true, observed = true;
        QByteArray line;
        const bool read = archive.reader().forEachInteraction(f, [&](const Interaction &i) {
            if (dev) {
                line = interactionsJsonlLine(i.userId, i.raw);
                ok = dev->write(line) == line.size();
                ++n;
            }
            if (ok && observer && !(observed = observer(i, n)))
                return false;
            return ok && tick();
        });
        if (ok && read && observed && observerDone && !cancelled)
            observed = observerDone();
        if (!observed)
            return -1;   // the observer said why in `error`
        if (!dev) {
            if (!read)
                readFailed();
            return read && !cancelled ? 0 : -1;
        }
        // Items that could not be read as interactions (no string id, no readable date): every
        // one of the exported users, whatever the date range and apps (their date is unknown).
        bool readUnreadable = true;
        if (ok && read && !cancelled && f.reviewCase.isEmpty()) {   // never in a case
            readUnreadable = archive.reader().forEachUnreadableItem(f.userIds, [&](const QString &userId, const QByteArray &bytes,
                                                                          const QString &reason) {
                line = unreadableJsonlLine(userId, reason, bytes);
                ok = dev->write(line) == line.size();
                ++n;
                return ok && tick();
            });
        }
        if (!ok)
            writeFailed(dev, kJsonl);
        else if (!read || !readUnreadable)
            readFailed();
        return ok && read && readUnreadable && !cancelled ? n : -1;
    }
};

// One transcript of a pseudonymised export: the user named by pseudonym only (heading, footer,
// "User id", prompts' author, folder name); every other text passes scrub(), as the CSVs' cells
// do; reviewers by their reviewer pseudonyms. The findings' marks are scrubbed the same way, so a
// mark still finds its (scrubbed) text.
void pseudonymizeTranscript(const Pseudonymizer &p, TranscriptSession *s)
{
    Transcript &t = s->transcript;
    const QString pseudonym = p.userPseudonym(t.userId);
    const auto scrubAll = [&p](QStringList *list) {
        for (QString &x : *list)
            x = p.scrub(x);
    };
    s->person = {pseudonym, QString()};
    t.userId = t.userName = pseudonym;
    t.userPrincipalName.clear();
    t.sessionId = p.scrub(t.sessionId);
    s->sessionId = p.scrub(s->sessionId);
    for (TranscriptMessage &m : t.messages) {
        m.author = m.role == MessageRole::Prompt ? pseudonym : p.scrub(m.author);
        m.text = p.scrub(m.text);
        m.markdown = p.scrub(m.markdown);
        for (TranscriptCitation &c : m.citations) {
            c.url = p.scrub(c.url);
            c.title = p.scrub(c.title);
        }
        for (TranscriptLink &l : m.links) {
            l.text = p.scrub(l.text);
            l.url = p.scrub(l.url);
        }
        scrubAll(&m.attachments);
        scrubAll(&m.mentions);
        scrubAll(&m.contexts);
    }
    for (QList<FindingMark> &marks : s->findings) {
        for (FindingMark &mark : marks) {
            mark.needle = p.scrub(mark.needle);
            mark.label = p.scrub(mark.label);
        }
    }
    const auto review = [&p, &scrubAll](ReviewRecord *r) {
        r->note = p.scrub(r->note);
        scrubAll(&r->cases);
        r->reviewedBy = p.reviewerPseudonym(r->reviewedBy);
        r->ref.userId = p.userPseudonym(r->ref.userId);
        r->ref.sessionKey = p.scrub(r->ref.sessionKey);
    };
    for (ReviewRecord &r : s->turnReviews)
        review(&r);
    for (ReviewRecord &r : s->sessionReviews)
        review(&r);
}

// The transcripts of an export (docs/EXPORT-FORMAT.md "transcripts/"): fed the interactions as
// they are written to interactions.jsonl (user id, time, id order: a user's are contiguous), it
// renders one user's sessions at a time into a staging folder inside the export folder; the
// files are moved into transcripts/ only when the whole export is complete.
struct TranscriptCollector {
    TranscriptCollector(Archive &archive, const ExportRequest &req, const QString &staging)
        : builder(archive), format(req.transcriptFormat), stagingDir(staging)
    {
        builder.setUserNamer(req.userNamer);
        options.tenant = req.tenant;
        options.generatedAt = QDateTime::currentDateTimeUtc();
    }
    // A pseudonymised export (docs/EXPORT-FORMAT.md "Pseudonymised exports"): every transcript
    // names its user by pseudonym only, its free text is scrubbed like the CSVs' cells, and the
    // footer's hash is labelled as that of lines this export does not contain.
    void pseudonymize(const Pseudonymizer *p)
    {
        pseudo = p;
        options.generatedBy = p->reviewerPseudonym(options.generatedBy.isEmpty() ? ActivityLog::currentOperator()
                                                                                  : options.generatedBy);
        options.omittedJsonl = true;
    }
    TranscriptBuilder builder;
    const Pseudonymizer *pseudo = nullptr;
    TranscriptFileNames names;
    TranscriptRenderOptions options;
    TranscriptFormat format;
    QString stagingDir;
    QList<Interaction> pending;
    QList<qint64> lines;
    struct Written {
        QString relativePath;   // transcripts/<user>/<file>
        QByteArray sha256;      // hex
    };
    std::vector<Written> written;
    QString error;

    bool add(const Interaction &i, qint64 line)
    {
        if (!pending.isEmpty() && pending.constFirst().userId != i.userId && !flush())
            return false;
        pending << i;
        if (line > 0)
            lines << line;
        return true;
    }
    bool flush()
    {
        const QList<Interaction> all = std::exchange(pending, {});
        const QList<qint64> allLines = std::exchange(lines, {});
        for (const QList<int> &group : TranscriptBuilder::groupSessions(all)) {
            QList<Interaction> part;
            QList<qint64> partLines;
            for (int k : group) {
                part << all.at(k);
                if (k < allLines.size())
                    partLines << allLines.at(k);
            }
            TranscriptSession session = builder.build(part, partLines);
            if (pseudo)
                pseudonymizeTranscript(*pseudo, &session);
            const QString folder = names.folderFor(session.transcript.userId, session.person.upn);
            const QString file = names.fileFor(folder, session, TranscriptRenderer::formatSuffix(format));
            QString why;
            const QByteArray bytes = TranscriptRenderer::render({session}, format, options, &why);
            const QString relative = u"transcripts/"_s + folder + u'/' + file;
            if (bytes.isEmpty()) {
                error = u"Writing %1 failed: %2"_s.arg(relative, why);
                return false;
            }
            const QString path = QDir(stagingDir).filePath(relative);
            QDir().mkpath(QFileInfo(path).absolutePath());
            QFile out(path);
            if (!out.open(QIODevice::WriteOnly) || out.write(bytes) != bytes.size() || !out.flush()) {
                error = u"Writing %1 failed: %2"_s.arg(relative, out.errorString());
                return false;
            }
            written.push_back({relative, QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex()});
        }
        return true;
    }
};

// Moves the staged transcripts into the export folder. A file of that name may be replaced only
// when it is a regular file (with --force); a link or anything else on the way is refused. On
// failure the files moved so far are removed again and *error says why.
bool moveTranscripts(const TranscriptCollector &c, const QDir &dir, QStringList *moved, QString *error)
{
    for (const TranscriptCollector::Written &w : c.written) {
        const QString target = dir.filePath(w.relativePath);
        QString problem = Exporter::unsafeTarget(target);
        for (QString up = QFileInfo(w.relativePath).path(); problem.isEmpty() && up != u"."_s; up = QFileInfo(up).path()) {
            const QFileInfo folder(dir.filePath(up));
            if (folder.isSymLink() || folder.isShortcut() || folder.isJunction() || (folder.exists() && !folder.isDir()))
                problem = u"%1 is not a plain folder (a link or a file); the export never writes through it."_s.arg(
                    QDir::toNativeSeparators(folder.filePath()));
        }
        const QString source = QDir(c.stagingDir).filePath(w.relativePath);
        bool ok = problem.isEmpty() && QDir().mkpath(QFileInfo(target).absolutePath());
        if (ok && QFileInfo::exists(target))
            ok = QFile::remove(target);
        if (ok)
            ok = QFile::rename(source, target);
        if (!ok) {
            *error = !problem.isEmpty() ? problem : u"Cannot write %1."_s.arg(QDir::toNativeSeparators(target));
            for (const QString &m : std::as_const(*moved))
                QFile::remove(m);
            moved->clear();
            return false;
        }
        privatefiles::tightenFile(target);
        *moved << target;
    }
    return true;
}

struct OutFile {
    QString name;
    bool existed = false;
    std::unique_ptr<QSaveFile> file;
    std::unique_ptr<HashingDevice> dev;
};

QJsonValue timeOrNull(const QDateTime &t) { return t.isValid() ? QJsonValue(formatUtc(t)) : QJsonValue(QJsonValue::Null); }

// One CSV of the window's Export view through QSaveFile, in the table's order when one is given:
// nothing appears at `path` (and a file already there keeps its bytes) unless every row was
// written and the export was not cancelled. `total` is the row count progress is reported
// against (0 without progress).
bool writeSingleCsv(Archive &archive, const SortSpec *order, const Exporter::Progress &progress,
                    const std::atomic_bool *cancel, qint64 total, const QString &path, QString *error,
                    bool *cancelled, const std::function<qint64(Run &, QIODevice *)> &write)
{
    Run run(archive, progress, cancel);
    run.order = order;
    run.total = total;
    if (cancelled)
        *cancelled = false;
    privatefiles::restrictNewFiles();
    if (const QString problem = Exporter::unsafeTarget(path); !problem.isEmpty()) {
        if (error)
            *error = problem;
        return false;
    }
    if (QFileInfo::exists(path))
        privatefiles::tightenFile(path);   // QSaveFile keeps the old file's permissions
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = u"Cannot write %1: %2"_s.arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    run.begin();
    if (write(run, &file) < 0 || run.cancelRequested()) {
        file.cancelWriting();
        if (cancelled)
            *cancelled = run.cancelled;
        if (error)
            *error = run.cancelled ? u"The export was cancelled; no file was written."_s : run.error;
        return false;
    }
    if (!file.commit()) {
        if (error)
            *error = u"Cannot write %1: %2"_s.arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    if (run.progress)
        run.progress(run.total, run.total);
    return true;
}

} // namespace

void Exporter::setFailCommitAtForTesting(int fileIndex) { g_failCommitAt = fileIndex; }

void Exporter::setProgressIntervalForTesting(int milliseconds) { g_progressIntervalMs = qMax(0, milliseconds); }

qint64 Exporter::promptsRows(const ArchiveFilter &f) const { return m_archive.reader().countTurns(f); }

qint64 Exporter::sessionsRows(const ArchiveFilter &f) const { return m_archive.reader().countSessions(f); }

qint64 Exporter::usersRows(const ArchiveFilter &f) const { return m_archive.reader().countUsers(syncedUsersFilter(f)); }

QStringList Exporter::promptsHeader()
{
    return {u"user_id"_s, u"user_principal_name"_s, u"user_display_name"_s, u"session_id"_s, u"request_id"_s,
            u"app"_s, u"app_class"_s, u"conversation_type"_s, u"prompt_id"_s, u"prompt_created_utc"_s,
            u"prompt_text"_s, u"response_id"_s, u"response_created_utc"_s, u"response_text"_s, u"attachments"_s,
            u"links"_s, u"contexts"_s, u"locale"_s};
}

QStringList Exporter::sessionsHeader()
{
    return {u"user_id"_s, u"user_principal_name"_s, u"user_display_name"_s, u"session_id"_s, u"app"_s,
            u"app_class"_s, u"started_utc"_s, u"ended_utc"_s, u"prompt_count"_s, u"response_count"_s,
            u"first_prompt"_s};
}

QStringList Exporter::usersHeader()
{
    return {u"user_id"_s, u"display_name"_s, u"user_principal_name"_s, u"mail"_s, u"department"_s, u"job_title"_s,
            u"account_enabled"_s, u"user_type"_s, u"status"_s, u"interaction_count"_s, u"session_count"_s,
            u"first_activity_utc"_s, u"last_activity_utc"_s, u"status_reason"_s,
            u"deleted"_s, u"deleted_utc"_s};
}

QStringList Exporter::reviewsHeader()
{
    return {u"interaction_id"_s, u"session_id"_s, u"user_principal_name"_s, u"status"_s, u"cases"_s, u"note"_s,
            u"reviewed_by"_s, u"reviewed_utc"_s};
}

QStringList Exporter::fileNames() { return fileNames(false); }

QStringList Exporter::fileNames(bool pseudonymisedExport)
{
    QStringList names{kPrompts, kSessions, kUsers, kJsonl, kFindings, kReviews, kManifest, kSums};
    if (pseudonymisedExport)
        names.removeAll(kJsonl);   // the raw JSON carries the identities
    return names;
}

QString Exporter::pseudonymMapProblem(const QString &mapPath, const QString &outDir)
{
    if (mapPath.trimmed().isEmpty())
        return u"No file was given for the pseudonym map."_s;
#if defined(Q_OS_WIN) || defined(Q_OS_MACOS)
    const Qt::CaseSensitivity cs = Qt::CaseInsensitive;
#else
    const Qt::CaseSensitivity cs = Qt::CaseSensitive;
#endif
    // Both as written and with links resolved (the folders that exist already).
    auto forms = [](const QString &path) {
        QStringList out{QDir::cleanPath(QFileInfo(path).absoluteFilePath())};
        QFileInfo existing(out.first());
        QString rest;
        while (!existing.exists() && existing.absoluteFilePath() != existing.absolutePath()) {
            rest = existing.fileName() + (rest.isEmpty() ? QString() : u"/"_s + rest);
            existing = QFileInfo(existing.absolutePath());
        }
        const QString canonical = existing.canonicalFilePath();
        if (!canonical.isEmpty())
            out << QDir::cleanPath(rest.isEmpty() ? canonical : canonical + u'/' + rest);
        return out;
    };
    const QStringList maps = forms(mapPath), dirs = forms(outDir);
    for (const QString &m : maps) {
        for (const QString &d : dirs) {
            const QString prefix = d.endsWith(u'/') ? d : d + u'/';
            if (m.compare(d, cs) == 0 || m.startsWith(prefix, cs))
                return u"The pseudonym map %1 would be inside the export folder %2. It re-identifies every user: "
                       "write it to a separate place, outside the export folder."_s
                    .arg(QDir::toNativeSeparators(mapPath), QDir::toNativeSeparators(outDir));
        }
    }
    return unsafeTarget(mapPath);
}

ExportResult Exporter::exportFolder(const ExportRequest &req, const Progress &progress, const std::atomic_bool *cancel)
{
    ExportResult result;
    if (req.outDir.isEmpty()) {
        result.error = u"No export folder was given."_s;
        return result;
    }
    const bool pseudonymize = !req.pseudonymKey.isEmpty();
    if (!pseudonymize && !req.pseudonymMapPath.isEmpty()) {
        result.error = u"A pseudonym map is only written with a pseudonymised export."_s;
        return result;
    }
    if (pseudonymize && !req.pseudonymMapPath.isEmpty()) {
        if (const QString problem = pseudonymMapProblem(req.pseudonymMapPath, req.outDir); !problem.isEmpty()) {
            result.error = problem;
            return result;
        }
    }
    if (!req.filter.reviewCase.isEmpty() && !ReviewStore(m_archive).caseNames().contains(req.filter.reviewCase)) {
        result.error = u"There is no case named \"%1\"."_s.arg(req.filter.reviewCase);
        return result;
    }
    const QString nativeDir = QDir::toNativeSeparators(req.outDir);
    privatefiles::restrictNewFiles();   // a folder created here is 0700, every file 0600
    if (const QFileInfo outInfo(req.outDir); outInfo.isSymLink() && !outInfo.exists()) {
        result.error = u"The folder %1 is a symbolic link to nothing (its target does not exist)."_s.arg(nativeDir);
        return result;
    }
    QDir dir(req.outDir);
    bool createdDir = false;
    if (!dir.exists()) {
        if (!QDir().mkpath(req.outDir)) {
            result.error = u"Cannot create the folder %1. Check that the location exists and is writable."_s.arg(nativeDir);
            return result;
        }
        createdDir = true;
    } else if (!dir.entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System).isEmpty() && !req.force) {
        result.error = u"The folder %1 is not empty. Choose an empty folder, or allow replacing the export's files "
                       "(--force replaces only prompts.csv, sessions.csv, users.csv, interactions.jsonl, findings.csv, "
                       "reviews.csv, export.json and SHA256SUMS)."_s.arg(nativeDir);
        return result;
    }

    std::vector<OutFile> files;
    std::unique_ptr<QSaveFile> mapFile;
    bool mapExisted = false;
    std::unique_ptr<QTemporaryDir> staging;          // the transcripts until the commit
    std::unique_ptr<TranscriptCollector> transcripts;
    auto abandon = [&](ExportResult &r) {
        for (OutFile &f : files) {
            if (f.file)
                f.file->cancelWriting();
        }
        files.clear();
        if (mapFile)
            mapFile->cancelWriting();
        transcripts.reset();
        staging.reset();   // removes the staged transcripts (before the folder itself)
        if (createdDir)
            QDir().rmdir(req.outDir);
        r.ok = false;
        r.files.clear();
        r.pseudonymMap.clear();
        return r;
    };
    const QStringList names = fileNames(pseudonymize);
    for (const QString &name : names) {
        OutFile f;
        f.name = name;
        const QString path = dir.filePath(name);
        const QString problem = Exporter::unsafeTarget(path);
        if (!problem.isEmpty()) {
            result.error = problem;
            return abandon(result);
        }
        f.existed = QFileInfo::exists(path);
        if (f.existed)
            privatefiles::tightenFile(path);   // QSaveFile keeps the old file's permissions
        f.file = std::make_unique<QSaveFile>(path);
        if (!f.file->open(QIODevice::WriteOnly)) {
            result.error = u"Cannot write %1: %2"_s.arg(QDir::toNativeSeparators(path), f.file->errorString());
            return abandon(result);
        }
        f.dev = std::make_unique<HashingDevice>(f.file.get());
        files.push_back(std::move(f));
    }
    // A pseudonymised export into a folder of an earlier export (--force): that export's
    // interactions.jsonl (identities in the raw JSON) must not stay beside the new files.
    const QString staleJsonl = dir.filePath(kJsonl);
    if (pseudonymize && QFileInfo::exists(staleJsonl)) {
        if (const QString problem = unsafeTarget(staleJsonl); !problem.isEmpty()) {
            result.error = problem;
            return abandon(result);
        }
    }
    if (pseudonymize && !req.pseudonymMapPath.isEmpty()) {
        mapExisted = QFileInfo::exists(req.pseudonymMapPath);
        if (mapExisted)
            privatefiles::tightenFile(req.pseudonymMapPath);
        mapFile = std::make_unique<QSaveFile>(req.pseudonymMapPath);
        if (!mapFile->open(QIODevice::WriteOnly)) {
            result.error = u"Cannot write the pseudonym map %1: %2"_s.arg(QDir::toNativeSeparators(req.pseudonymMapPath),
                                                                          mapFile->errorString());
            return abandon(result);
        }
    }
    auto device = [&](const QString &name) -> HashingDevice * {
        for (OutFile &f : files)
            if (f.name == name)
                return f.dev.get();
        return nullptr;
    };

    if (req.transcripts) {
        const QFileInfo folder(dir.filePath(u"transcripts"_s));
        if (folder.isSymLink() || folder.isShortcut() || folder.isJunction() || (folder.exists() && !folder.isDir())) {
            result.error = u"%1 is not a plain folder (a link or a file); the export never writes through it."_s.arg(
                QDir::toNativeSeparators(folder.filePath()));
            return abandon(result);
        }
        staging = std::make_unique<QTemporaryDir>(dir.filePath(u".copilot-ledger-transcripts-XXXXXX"_s));
        if (!staging->isValid()) {
            result.error = u"Cannot write in %1: %2"_s.arg(nativeDir, staging->errorString());
            return abandon(result);
        }
        transcripts = std::make_unique<TranscriptCollector>(m_archive, req, staging->path());
    }

    // Findings out of date (an upgraded archive, changed watchlists): bring them up to date first,
    // so that findings.csv covers every exported interaction.
    if (const int rescan = m_archive.findings().rescanNeeded()) {
        if (!m_archive.findings().rescan(rescan, [cancel] { return cancel && cancel->load(std::memory_order_relaxed); })) {
            result.cancelled = cancel && cancel->load();
            result.error = result.cancelled ? u"The export was cancelled; no files were written."_s
                                            : u"Updating the findings failed: "_s + m_archive.lastError() + u" No files were written."_s;
            return abandon(result);
        }
    }
    Pseudonymizer pseudo;
    if (pseudonymize) {
        bool read = false;
        pseudo = Pseudonymizer::fromArchive(req.pseudonymKey, m_archive, &read);
        if (!read) {
            result.error = u"Reading the users for the pseudonyms failed: "_s + m_archive.lastError() + u" No files were written."_s;
            return abandon(result);
        }
    }
    if (transcripts && pseudonymize)
        transcripts->pseudonymize(&pseudo);
    Run run(m_archive, progress, cancel);
    run.pseudo = pseudonymize ? &pseudo : nullptr;
    const ArchiveFilter &flt = req.filter;
    run.total = promptsRows(flt) + sessionsRows(flt) + (pseudonymize && !transcripts ? 0 : m_archive.reader().countInteractions(flt))
        + usersRows(flt) + m_archive.findings().countFindings(flt);
    if (transcripts) {
        run.observer = [&](const Interaction &i, qint64 line) {
            if (transcripts->add(i, line))
                return true;
            run.error = transcripts->error;
            return false;
        };
        run.observerDone = [&] {
            if (transcripts->flush())
                return true;
            run.error = transcripts->error;
            return false;
        };
    }
    run.begin();
    result.pseudonymized = pseudonymize;
    result.prompts = run.prompts(device(kPrompts), flt, req.formulaGuard);
    if (result.prompts >= 0)
        result.sessions = run.sessions(device(kSessions), flt, req.formulaGuard);
    if (result.prompts >= 0 && result.sessions >= 0)
        result.users = run.users(device(kUsers), flt, req.formulaGuard);
    if (result.prompts >= 0 && result.sessions >= 0 && result.users >= 0)
        result.interactions = run.interactions(device(kJsonl), flt);
    if (result.prompts >= 0 && result.sessions >= 0 && result.users >= 0 && result.interactions >= 0)
        result.findings = run.findings(device(kFindings), flt, req.formulaGuard);
    if (result.prompts >= 0 && result.sessions >= 0 && result.users >= 0 && result.interactions >= 0
        && result.findings >= 0)
        result.reviews = run.reviews(device(kReviews), flt, req.formulaGuard);
    if (run.cancelled || result.prompts < 0 || result.sessions < 0 || result.users < 0 || result.interactions < 0
        || result.findings < 0 || result.reviews < 0) {
        result.cancelled = run.cancelled;
        result.error = run.cancelled ? u"The export was cancelled; no files were written."_s
                                     : run.error + u" No files were written."_s;
        return abandon(result);
    }

    // export.json: what was asked and what was written.
    const qint64 neverSynced = m_archive.reader().countUsers([&] {
        ArchiveFilter f = flt;
        f.statuses = {UserStatus::Unknown};
        return f;
    }());
    QJsonArray appNames, userScope, fileList;
    for (const QString &c : flt.appClasses)
        appNames.append(appNameForClass(c));
    for (const QString &u : req.userScope)
        userScope.append(pseudonymize ? pseudo.pseudonymOfName(u) : u);
    // Every file but SHA256SUMS; the manifest and the checksums are the last two.
    const size_t manifestIndex = files.size() - 2, sumsIndex = files.size() - 1;
    for (size_t k = 0; k < manifestIndex; ++k)
        fileList.append(files[k].name);
    if (transcripts)
        for (const TranscriptCollector::Written &w : transcripts->written)
            fileList.append(w.relativePath);
    fileList.append(files[manifestIndex].name);
    QJsonObject counts{{kPrompts, result.prompts}, {kSessions, result.sessions}, {kUsers, result.users},
                       {kFindings, result.findings}, {kReviews, result.reviews}};
    if (!pseudonymize)
        counts.insert(kJsonl, result.interactions);
    QJsonArray watchlistNames;
    for (const detect::Watchlist &w : m_archive.findings().watchlists())
        watchlistNames.append(w.name());
    QJsonObject manifest{
        {u"format_version"_s, kFormatVersion},
        {u"application"_s, appidentity::applicationName()},
        {u"app_version"_s, QStringLiteral(LEDGER_VERSION)},
        {u"exported_at"_s, formatUtc(QDateTime::currentDateTimeUtc())},
        {u"tenant"_s, req.tenant},
        {u"client_id"_s, req.clientId},
        {u"user_scope"_s, userScope},
        {u"date_range"_s, QJsonObject{{u"from"_s, timeOrNull(flt.from)}, {u"to"_s, timeOrNull(flt.to)},
                                      {u"from_inclusive"_s, true}, {u"to_exclusive"_s, true}}},
        {u"app_filter"_s, QJsonObject{{u"names"_s, appNames}, {u"classes"_s, QJsonArray::fromStringList(flt.appClasses)}}},
        {u"text_filter"_s, pseudo.scrub(flt.text)},
        {u"scope"_s, !req.scope.isEmpty() ? req.scope : (flt.isEmpty() ? u"all"_s : u"as_filtered"_s)},
        {u"findings_filter"_s, flt.findings},
        // The saved search's definition may name users (its user chip): scrubbed like the text filter.
        {u"saved_search"_s, req.savedSearch.isEmpty()
             ? QJsonValue(QJsonValue::Null)
             : QJsonValue(pseudonymize ? QJsonDocument::fromJson(pseudo.scrub(QString::fromUtf8(QJsonDocument(req.savedSearch).toJson(QJsonDocument::Compact))).toUtf8()).object()
                                       : req.savedSearch)},
        // The review case this export is (a case export), else null.
        {u"case"_s, flt.reviewCase.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(pseudo.scrub(flt.reviewCase))},
        {u"pseudonymized"_s, pseudonymize},
        {u"detectors"_s, QJsonArray::fromStringList(detect::DetectorRegistry::names())},
        {u"watchlists"_s, watchlistNames},
        {u"formula_guard"_s, req.formulaGuard},
        {u"row_counts"_s, counts},
        {u"users_never_synced"_s, neverSynced},
        {u"files"_s, fileList},
        // The newest activity-log entry before this export ("" for an empty log): an auditor
        // holding this file can later check that the archive's log still contains it.
        {u"activity_log_head"_s, ActivityLog::head(m_archive)},
    };
    if (transcripts) {
        result.transcripts = qint64(transcripts->written.size());
        manifest.insert(u"transcripts"_s, QJsonObject{{u"format"_s, TranscriptRenderer::formatSuffix(req.transcriptFormat)},
                                                      {u"files"_s, result.transcripts}});
    }
    const QByteArray manifestBytes = QJsonDocument(manifest).toJson(QJsonDocument::Indented);
    if (files[manifestIndex].dev->write(manifestBytes) != manifestBytes.size()) {
        result.error = u"Writing export.json failed: "_s + files[manifestIndex].file->errorString();
        return abandon(result);
    }
    QByteArray sums;
    for (size_t k = 0; k < manifestIndex; ++k)
        sums += files[k].dev->hexDigest() + "  " + files[k].name.toUtf8() + "\n";
    if (transcripts)
        for (const TranscriptCollector::Written &w : transcripts->written)
            sums += w.sha256 + "  " + w.relativePath.toUtf8() + "\n";
    sums += files[manifestIndex].dev->hexDigest() + "  " + files[manifestIndex].name.toUtf8() + "\n";
    if (files[sumsIndex].dev->write(sums) != sums.size()) {
        result.error = u"Writing SHA256SUMS failed: "_s + files[sumsIndex].file->errorString();
        return abandon(result);
    }
    if (mapFile) {
        // The pseudonym map: same CSV rules as the export's files.
        CsvWriter w(mapFile.get(), req.formulaGuard);
        w.writeBom();
        bool ok = w.writeRow(Pseudonymizer::mapHeader());
        for (const Pseudonymizer::MapEntry &e : pseudo.usedEntries())
            ok = ok && w.writeRow({e.pseudonym, e.userId, e.userPrincipalName, e.displayName});
        if (!ok) {
            result.error = u"Writing the pseudonym map failed: "_s + mapFile->errorString();
            return abandon(result);
        }
    }

    // The last moment a cancel is honoured: once the files are being renamed into place the
    // export completes (a few renames), so the folder never mixes old and new files.
    if (run.cancelRequested()) {
        result.cancelled = true;
        result.error = u"The export was cancelled; no files were written."_s;
        return abandon(result);
    }

    // Commit: only now do the files appear: the pseudonym map first, then the transcripts (moved
    // from the staging folder), then the files. A failure removes what this run created.
    if (mapFile && !mapFile->commit()) {
        result.error = u"Writing the pseudonym map %1 failed: %2 No files were written."_s.arg(
            QDir::toNativeSeparators(req.pseudonymMapPath), mapFile->errorString());
        mapFile.reset();
        return abandon(result);
    }
    QStringList movedTranscripts;
    if (transcripts) {
        QString why;
        if (!moveTranscripts(*transcripts, dir, &movedTranscripts, &why)) {
            result.error = why + u" No files were left behind."_s;
            return abandon(result);
        }
        staging.reset();
    }
    for (size_t k = 0; k < files.size(); ++k) {
        const bool ok = (g_failCommitAt != int(k)) && files[k].file->commit();
        if (!ok) {
            result.error = u"Writing %1 failed: %2 No files were left behind."_s.arg(
                files[k].name, g_failCommitAt == int(k) ? u"simulated failure."_s : files[k].file->errorString());
            for (size_t j = 0; j < k; ++j)
                if (!files[j].existed)
                    QFile::remove(dir.filePath(files[j].name));
            for (size_t j = k; j < files.size(); ++j)
                files[j].file->cancelWriting();
            for (const QString &m : std::as_const(movedTranscripts))
                QFile::remove(m);
            files.clear();
            if (mapFile && !mapExisted)
                QFile::remove(req.pseudonymMapPath);
            if (createdDir)
                QDir().rmdir(req.outDir);
            return result;
        }
    }
    if (pseudonymize && QFileInfo::exists(staleJsonl) && !QFile::remove(staleJsonl))
        qWarning("Exporter: the earlier export's interactions.jsonl could not be removed from the folder");
    if (progress)
        progress(run.total, run.total);
    result.ok = true;
    for (const OutFile &f : files)
        result.files << dir.filePath(f.name);
    if (mapFile)
        result.pseudonymMap = QFileInfo(req.pseudonymMapPath).absoluteFilePath();
    result.files << movedTranscripts;

    ExportLogEntry entry;
    entry.when = QDateTime::currentDateTimeUtc();
    entry.folder = QDir(req.outDir).absolutePath();
    QJsonObject query = manifest;
    query.remove(u"row_counts"_s);
    query.remove(u"files"_s);
    entry.query = QString::fromUtf8(QJsonDocument(query).toJson(QJsonDocument::Compact));
    entry.files = names;
    if (transcripts)
        for (const TranscriptCollector::Written &w : transcripts->written)
            entry.files << w.relativePath;
    entry.rowCounts = QString::fromUtf8(QJsonDocument(counts).toJson(QJsonDocument::Compact));
    entry.sha256 = QString::fromUtf8(sums);
    m_archive.exportLog().append(entry);
    QJsonObject checksums;
    for (size_t k = 0; k + 1 < files.size(); ++k)
        checksums.insert(files[k].name, QString::fromLatin1(files[k].dev->hexDigest()));
    if (transcripts)
        for (const TranscriptCollector::Written &w : transcripts->written)
            checksums.insert(w.relativePath, QString::fromLatin1(w.sha256));
    QJsonObject details{{u"folder"_s, entry.folder}, {u"scope"_s, query}, {u"row_counts"_s, counts},
                        {u"checksums"_s, checksums}};
    if (mapFile)
        details.insert(u"pseudonym_map"_s, result.pseudonymMap);
    ActivityLog::append(m_archive, u"export"_s, details);
    return result;
}

bool Exporter::exportPromptsCsv(const ArchiveFilter &f, const QString &path, QString *error, bool formulaGuard,
                                const Progress &progress, const std::atomic_bool *cancel, bool *cancelled)
{
    return writeSingleCsv(m_archive, m_hasViewOrder ? &m_viewOrder : nullptr, progress, cancel,
                          progress ? promptsRows(f) : 0, path, error, cancelled,
                          [&](Run &run, QIODevice *d) { return run.prompts(d, f, formulaGuard); });
}

bool Exporter::exportSessionsCsv(const ArchiveFilter &f, const QString &path, QString *error, bool formulaGuard,
                                 const Progress &progress, const std::atomic_bool *cancel, bool *cancelled)
{
    return writeSingleCsv(m_archive, m_hasViewOrder ? &m_viewOrder : nullptr, progress, cancel,
                          progress ? sessionsRows(f) : 0, path, error, cancelled,
                          [&](Run &run, QIODevice *d) { return run.sessions(d, f, formulaGuard); });
}

bool Exporter::exportUsersCsv(const ArchiveFilter &f, const QString &path, QString *error, bool formulaGuard,
                              const Progress &progress, const std::atomic_bool *cancel, bool *cancelled)
{
    return writeSingleCsv(m_archive, m_hasViewOrder ? &m_viewOrder : nullptr, progress, cancel,
                          progress ? usersRows(f) : 0, path, error, cancelled,
                          [&](Run &run, QIODevice *d) { return run.users(d, f, formulaGuard); });
}

// A name the export is about to write must be absent or a plain file: never a symbolic link (the
// write would land on its target, outside the folder), a folder, a FIFO, a socket or a device.
// Empty when the path is fine.
QString Exporter::unsafeTarget(const QString &path)
{
    const QFileInfo info(path);
    if (info.isSymLink() || info.isShortcut() || info.isJunction())
        return u"%1 is a symbolic link; the export never writes through a link. Remove it, or choose another folder."_s
            .arg(QDir::toNativeSeparators(path));
    if (info.exists() && info.isDir())
        return u"%1 is a folder; it cannot be replaced by the export's file."_s.arg(QDir::toNativeSeparators(path));
    if (info.exists() && !info.isFile())
        return u"%1 is not a regular file (a pipe, socket or device); the export does not write into it."_s
            .arg(QDir::toNativeSeparators(path));
    return {};
}

} // namespace ledger
