// The archive's findings of the sensitive-information detectors and the watchlists (schema v5,
// docs/DETECTION.md). Computed when interactions are stored (ArchiveWriter::insertInteractions
// calls ArchiveState::storeFindings for every new row) and recomputed by FindingsStore::rescan
// when the detectors or the watchlists change.
#include "app/archive/FindingsStore.h"

#include "app/archive/ActivityLog.h"
#include "app/archive/ArchivePrivate.h"
#include "app/archive/ArchiveSql.h"
#include "app/detect/DetectorRegistry.h"

#include <QSqlError>
#include <thread>

using namespace Qt::StringLiterals;

namespace ledger {

using detect::Finding;
using detect::FindingKind;
using detect::FindingLocation;
using detect::FindingScanner;
using detect::Watchlist;

namespace {

// Stored codes (the findings table): kind 0 sensitive / 1 watchlist; location 0/1/2.
int kindCode(FindingKind k) { return k == FindingKind::Watchlist ? 1 : 0; }
QString kindName(int code) { return code == 1 ? u"watchlist"_s : u"sensitive"_s; }   // findings.csv "kind"
int locationCode(FindingLocation l) { return l == FindingLocation::Prompt ? 0 : l == FindingLocation::Response ? 1 : 2; }
FindingLocation locationFromCode(int c)
{
    return c == 0 ? FindingLocation::Prompt : c == 1 ? FindingLocation::Response : FindingLocation::Attachment;
}

const QString kMetaDetectors = u"findings_detectors"_s;
const QString kMetaWatchlists = u"findings_watchlists"_s;

// Bump when a detector's rules change: stored sensitive findings are then recomputed.
constexpr int kDetectorRulesVersion = 1;

// Interactions per rescan batch: one short write transaction each (a sync can write in between).
constexpr int kRescanBatch = 4000;

// Benchmark hook (bench/bench_detect --sequential): read, scan and write one batch after the
// other, as before the pipeline, to measure what the overlap gains on the same machine.
bool g_sequentialRescan = false;

QString detectorSignature()
{
    return QString::number(kDetectorRulesVersion) + u':' + detect::DetectorRegistry::names().join(u',');
}

int scopeOf(int scope)
{
    return (scope & FindingsStore::RescanSensitive ? FindingScanner::SensitiveOnly : 0)
        | (scope & FindingsStore::RescanWatchlists ? FindingScanner::WatchlistsOnly : 0);
}

} // namespace

bool ArchiveState::storeFindings(const Interaction &i, qint64 rowid, int scope)
{
    return insertFindings(rowid, i, scanner->scan(i, FindingScanner::Scope(scopeOf(scope))));
}

bool ArchiveState::insertFindings(qint64 rowid, const Interaction &i, const QList<Finding> &found)
{
    if (found.isEmpty())
        return true;
    if (findingInsert.lastQuery().isEmpty()) {
        findingInsert = QSqlQuery(db);
        findingInsert.prepare(u"INSERT INTO findings(irow, user_id, interaction_id, session_key, kind, detector, location,"
                              " start, length, match) VALUES (?,?,?,?,?,?,?,?,?,?)"_s);
    }
    const QString key = i.sessionKey();
    for (const Finding &f : found) {
        findingInsert.bindValue(0, rowid);
        findingInsert.bindValue(1, i.userId);
        findingInsert.bindValue(2, i.id);
        findingInsert.bindValue(3, key);
        findingInsert.bindValue(4, kindCode(f.kind));
        findingInsert.bindValue(5, f.detector);
        findingInsert.bindValue(6, locationCode(f.location));
        findingInsert.bindValue(7, qint64(f.start));
        findingInsert.bindValue(8, qint64(f.length));
        findingInsert.bindValue(9, f.match);
        if (!exec(findingInsert, u"Storing findings"_s))
            return false;
    }
    return true;
}

void FindingsStore::setWatchlists(const QList<Watchlist> &lists)
{
    d->scanner = std::make_shared<FindingScanner>(lists);
}

QList<Watchlist> FindingsStore::watchlists() const { return d->scanner->watchlists(); }

QList<Watchlist> FindingsStore::storedWatchlists() const
{
    QList<Watchlist> out;
    if (!d->isOpen())
        return out;
    QSqlQuery q(d->db);
    if (!q.exec(u"SELECT name, source FROM watchlists ORDER BY position, name"_s))
        return out;
    while (q.next()) {
        Watchlist w;
        QString error;
        if (Watchlist::parse(q.value(0).toString(), q.value(1).toString(), &w, &error))
            out << w;
        else
            qWarning().noquote() << "Ignoring the stored watchlist" << q.value(0).toString() << ":" << error;
    }
    return out;
}

bool FindingsStore::saveWatchlists(const QList<Watchlist> &lists)
{
    if (!d->isOpen())
        return false;
    // The activity log records what changed, in the same transaction (ActivityLog.h).
    QList<QPair<QString, QString>> before, after;
    for (const Watchlist &w : storedWatchlists())
        before.append({w.name(), w.source()});
    for (const Watchlist &w : lists)
        after.append({w.name(), w.source()});
    if (!d->db.transaction())
        return false;
    bool ok = d->execSql(u"DELETE FROM watchlists"_s);
    QSqlQuery q(d->db);
    q.prepare(u"INSERT INTO watchlists(name, source, position) VALUES (?,?,?)"_s);
    for (int k = 0; ok && k < lists.size(); ++k) {
        q.bindValue(0, lists.at(k).name());
        q.bindValue(1, lists.at(k).source());
        q.bindValue(2, k);
        ok = d->exec(q, u"Storing watchlists"_s);
    }
    if (ok && !ActivityLog::recordWatchlistsSaved(*d->owner, before, after, &d->lastError))
        ok = false;
    if (!ok || !d->db.commit()) {
        d->db.rollback();
        return false;
    }
    setWatchlists(lists);
    return true;
}

int FindingsStore::rescanNeeded() const
{
    if (!d->isOpen())
        return RescanNone;
    QHash<QString, QString> meta;
    QSqlQuery q(d->db);
    if (q.exec(u"SELECT key, value FROM meta WHERE key IN ('findings_detectors', 'findings_watchlists')"_s))
        while (q.next())
            meta.insert(q.value(0).toString(), q.value(1).toString());
    int scope = RescanNone;
    if (meta.value(kMetaDetectors) != detectorSignature())
        scope |= RescanSensitive;
    // Never computed and no lists: nothing to do (the signature of no lists is "").
    if (meta.value(kMetaWatchlists) != FindingScanner::signature(watchlists()))
        scope |= RescanWatchlists;
    return scope;
}

void FindingsStore::setSequentialRescanForBenchmark(bool on) { g_sequentialRescan = on; }

bool FindingsStore::rescan(int scope, const std::function<bool()> &cancelled,
                             const std::function<void(qint64, qint64)> &progress)
{
    if (!d->isOpen() || scope == RescanNone)
        return d->isOpen();
    qint64 maxRow = 0, total = 0;
    {
        QSqlQuery q(d->db);
        if (!q.exec(u"SELECT COALESCE(max(rowid), 0), count(*) FROM interactions"_s) || !q.next()) {
            d->lastError = q.lastError().text();
            return false;
        }
        maxRow = q.value(0).toLongLong();
        total = q.value(1).toLongLong();
    }
    const std::shared_ptr<const FindingScanner> scanner = d->scanner;
    const int kinds = scopeOf(scope);
    const QString kindList = scope == (RescanSensitive | RescanWatchlists) ? u"0,1"_s
        : scope & RescanSensitive                                           ? u"0"_s
                                                                            : u"1"_s;
    QSqlQuery read(d->db), del(d->db);
    read.setForwardOnly(true);
    read.prepare(u"SELECT rowid, user_id, id, session_id, type, body_text, attachments FROM interactions"
                 " WHERE rowid > ? AND rowid <= ? ORDER BY rowid LIMIT %1"_s.arg(kRescanBatch));
    del.prepare(u"DELETE FROM findings WHERE irow > ? AND irow <= ? AND kind IN ("_s + kindList + u")"_s);
    // A pipeline of three stages (docs/PERFORMANCE.md "Detection and watchlists"): while the
    // scanner threads scan batch k, this thread (which owns the connection) writes the findings
    // of batch k-1 and reads batch k+1. Batches are reused, so a row costs no allocation beyond
    // its strings.
    const int workers = int(qBound(1u, std::thread::hardware_concurrency(), 4u));
    struct Item {
        qint64 rowid = 0;
        Interaction i;
        QList<Finding> found;
    };
    struct Batch {
        std::vector<Item> items;
        qsizetype size = 0;
        qint64 first = 0, last = 0;   // (first, last]: the rowid range it covers
    };
    Batch batches[3];
    qint64 pos = 0, done = 0;
    bool readFailed = false;
    auto readInto = [&](Batch &b) {
        b.size = 0;
        b.first = pos;
        if (pos >= maxRow)
            return;
        read.bindValue(0, pos);
        read.bindValue(1, maxRow);
        if (!d->exec(read, u"Rescanning findings"_s)) {
            readFailed = true;
            return;
        }
        if (b.items.size() < size_t(kRescanBatch))
            b.items.resize(size_t(kRescanBatch));
        while (read.next() && b.size < kRescanBatch) {
            Item &it = b.items[size_t(b.size++)];
            it.rowid = read.value(0).toLongLong();
            it.i.userId = read.value(1).toString();
            it.i.id = read.value(2).toString();
            it.i.sessionId = read.value(3).toString();
            it.i.type = typeFromCode(read.value(4).toInt());
            it.i.bodyText = read.value(5).toString();
            const QString attachments = read.value(6).toString();
            if (attachments.isEmpty())
                it.i.attachments.clear();
            else
                it.i.attachments = attachments.split(u'\n', Qt::SkipEmptyParts);
            it.found.clear();
        }
        read.finish();
        if (b.size > 0) {
            b.last = b.items[size_t(b.size - 1)].rowid;
            pos = b.last;
        }
    };
    auto scanAsync = [&](Batch &b) {
        std::vector<std::thread> threads;
        for (int w = 0; w < workers; ++w) {
            threads.emplace_back([&b, &scanner, kinds, w, workers] {
                for (qsizetype k = w; k < b.size; k += workers) {
                    Item &it = b.items[size_t(k)];
                    it.found = scanner->scan(it.i, FindingScanner::Scope(kinds));
                }
            });
        }
        return threads;
    };
    auto write = [&](const Batch &b) {
        if (!d->db.transaction()) {
            d->lastError = d->db.lastError().text();
            return false;
        }
        del.bindValue(0, b.first);
        del.bindValue(1, b.last);
        bool ok = d->exec(del, u"Rescanning findings"_s);
        for (qsizetype k = 0; ok && k < b.size; ++k) {
            const Item &it = b.items[size_t(k)];
            ok = d->insertFindings(it.rowid, it.i, it.found);
        }
        if (!ok || !d->db.commit()) {
            d->db.rollback();
            return false;
        }
        return true;
    };
    auto joinAll = [](std::vector<std::thread> &threads) {
        for (std::thread &t : threads)
            t.join();
        threads.clear();
    };

    if (progress)
        progress(0, total);
    int scanning = 0;   // batches[scanning] is being scanned; the next is read into the one after
    readInto(batches[0]);
    std::vector<std::thread> threads;
    if (batches[0].size > 0)
        threads = scanAsync(batches[0]);
    if (g_sequentialRescan)
        joinAll(threads);
    const Batch *toWrite = nullptr;
    while (true) {
        if (readFailed || (cancelled && cancelled())) {
            joinAll(threads);
            return false;
        }
        // This thread's share while the scanners work: write the previous batch, read the next.
        if (toWrite && !write(*toWrite)) {
            joinAll(threads);
            return false;
        }
        if (toWrite) {
            done += toWrite->size;
            if (progress)
                progress(qMin(done, total), total);
        }
        Batch &next = batches[(scanning + 1) % 3];
        if (batches[scanning].size > 0)
            readInto(next);
        else
            next.size = 0;
        joinAll(threads);
        if (readFailed)
            return false;
        if (batches[scanning].size == 0)
            break;
        toWrite = &batches[scanning];
        scanning = (scanning + 1) % 3;
        if (next.size > 0)
            threads = scanAsync(next);
        if (g_sequentialRescan)
            joinAll(threads);
    }
    QSqlQuery meta(d->db);
    meta.prepare(u"INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)"_s);
    if (scope & RescanSensitive) {
        meta.bindValue(0, kMetaDetectors);
        meta.bindValue(1, detectorSignature());
        if (!d->exec(meta, u"Recording the findings state"_s))
            return false;
    }
    if (scope & RescanWatchlists) {
        meta.bindValue(0, kMetaWatchlists);
        meta.bindValue(1, FindingScanner::signature(scanner->watchlists()));
        if (!d->exec(meta, u"Recording the findings state"_s))
            return false;
    }
    if (progress)
        progress(total, total);
    return true;
}

QList<Finding> FindingsStore::interactionFindings(const QString &userId, const QString &interactionId) const
{
    QList<Finding> out;
    QSqlQuery q(d->db);
    q.prepare(u"SELECT kind, detector, location, start, length, match FROM findings WHERE user_id = ? AND interaction_id = ?"
              " ORDER BY location, start, fid"_s);
    q.addBindValue(userId);
    q.addBindValue(interactionId);
    if (!d->exec(q, u"Reading findings"_s))
        return out;
    while (q.next()) {
        Finding f;
        f.kind = q.value(0).toInt() == 1 ? FindingKind::Watchlist : FindingKind::Sensitive;
        f.detector = q.value(1).toString();
        f.location = locationFromCode(q.value(2).toInt());
        f.start = q.value(3).toLongLong();
        f.length = q.value(4).toLongLong();
        f.match = q.value(5).toString();
        out << f;
    }
    return out;
}

bool FindingsStore::forEachFinding(const ArchiveFilter &f, const std::function<bool(const FindingRow &)> &cb) const
{
    ArchiveSql w(d->fullText);
    w.interactionConditions(f);
    const QString findingCond = ArchiveSql::findingMatch(u"fd"_s, f.findings);
    QSqlQuery q(d->db);
    q.setForwardOnly(true);
    q.prepare(u"SELECT fd.interaction_id, fd.user_id, COALESCE(u.upn, ''), i.app_class, i.created, fd.kind, fd.detector,"
              " fd.location, fd.match, fd.start, fd.length FROM findings fd JOIN interactions i ON i.rowid = fd.irow"
              " LEFT JOIN users u ON u.id = fd.user_id"_s
              + w.where() + (findingCond.isEmpty() ? QString() : (w.where().isEmpty() ? u" WHERE "_s : u" AND "_s) + findingCond)
              + u" ORDER BY fd.user_id, i.created, fd.interaction_id, fd.location, fd.start, fd.fid"_s);
    w.bindTo(q);
    if (!d->exec(q, u"Reading findings"_s))
        return false;
    while (q.next()) {
        FindingRow r;
        r.interactionId = q.value(0).toString();
        r.userId = q.value(1).toString();
        r.userPrincipalName = q.value(2).toString();
        r.appClass = q.value(3).toString();
        r.created = timeFromValue(q.value(4));
        r.kind = kindName(q.value(5).toInt());
        r.detector = q.value(6).toString();
        r.location = detect::findingLocationKey(locationFromCode(q.value(7).toInt()));
        r.match = q.value(8).toString();
        r.start = q.value(9).toLongLong();
        r.length = q.value(10).toLongLong();
        if (!cb(r))
            break;
    }
    return !q.lastError().isValid();
}

qint64 FindingsStore::countFindings(const ArchiveFilter &f) const
{
    ArchiveSql w(d->fullText);
    w.interactionConditions(f);
    const QString findingCond = ArchiveSql::findingMatch(u"fd"_s, f.findings);
    QSqlQuery q(d->db);
    q.prepare(u"SELECT count(*) FROM findings fd JOIN interactions i ON i.rowid = fd.irow"_s + w.where()
              + (findingCond.isEmpty() ? QString() : (w.where().isEmpty() ? u" WHERE "_s : u" AND "_s) + findingCond));
    w.bindTo(q);
    if (!d->exec(q, u"Counting findings"_s) || !q.next())
        return -1;
    return q.value(0).toLongLong();
}

QStringList FindingsStore::watchlistNames() const
{
    QStringList out;
    QSqlQuery q(d->db);
    if (q.exec(u"SELECT DISTINCT detector FROM findings WHERE kind = 1 ORDER BY detector"_s))
        while (q.next())
            out << q.value(0).toString();
    return out;
}

namespace {

// The conditions of the findings series: the interactions of f (without its findings part), and
// the findings themselves of f.findings and of the chosen series keys.
QString seriesConditions(ArchiveSql &w, const ArchiveFilter &f, const QStringList &keys)
{
    ArchiveFilter base = f;
    base.findings.clear();
    w.interactionConditions(base);
    QStringList conds;
    const QString own = ArchiveSql::findingMatch(u"fd"_s, f.findings);
    if (!own.isEmpty())
        conds << own;
    QStringList anyOf;
    for (const QString &k : keys) {
        const QString c = ArchiveSql::findingMatch(u"fd"_s, k);
        if (!c.isEmpty())
            anyOf << u"("_s + c + u")"_s;
    }
    if (!anyOf.isEmpty())
        conds << u"("_s + anyOf.join(u" OR "_s) + u")"_s;
    QString where = w.where();
    for (const QString &c : std::as_const(conds))
        where += (where.isEmpty() ? u" WHERE "_s : u" AND "_s) + c;
    return where;
}

} // namespace

QList<DayFindings> FindingsStore::findingsByDay(const ArchiveFilter &f) const
{
    ArchiveSql w(d->fullText);
    const QString where = seriesConditions(w, f, {});
    QSqlQuery q(d->db);
    q.setForwardOnly(true);
    q.prepare(u"SELECT i.created / 86400000 AS day, fd.kind, fd.detector, count(*) FROM findings fd"
              " JOIN interactions i ON i.rowid = fd.irow"_s
              + where + (where.isEmpty() ? u" WHERE"_s : u" AND"_s)
              + u" i.created IS NOT NULL GROUP BY day, fd.kind, fd.detector ORDER BY day, fd.kind, fd.detector"_s);
    w.bindTo(q);
    return d->rows(q, u"Reading the findings per day"_s, [](const QSqlQuery &row) {
        DayFindings r;
        r.day = QDate(1970, 1, 1).addDays(row.value(0).toLongLong());
        r.kind = kindName(row.value(1).toInt());
        r.detector = row.value(2).toString();
        r.count = row.value(3).toLongLong();
        return r;
    });
}

QList<UserActivity> FindingsStore::topFindingUsers(const ArchiveFilter &f, const QStringList &keys, int limit) const
{
    ArchiveSql w(d->fullText);
    const QString where = seriesConditions(w, f, keys);
    QSqlQuery q(d->db);
    q.setForwardOnly(true);
    q.prepare(u"SELECT fd.user_id, COALESCE(NULLIF(u.display_name, ''), u.upn, fd.user_id), count(*) AS n FROM findings fd"
              " JOIN interactions i ON i.rowid = fd.irow LEFT JOIN users u ON u.id = fd.user_id"_s
              + where + u" GROUP BY fd.user_id ORDER BY n DESC, fd.user_id LIMIT %1"_s.arg(qMax(0, limit)));
    w.bindTo(q);
    return d->rows(q, u"Reading the users with the most findings"_s, userActivityFrom);
}

} // namespace ledger
