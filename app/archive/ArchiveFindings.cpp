// Archive: findings of the sensitive-information detectors and the watchlists (schema v5,
// docs/DETECTION.md). Computed when interactions are stored (insertInteractions calls
// storeFindings for every new row) and recomputed by rescanFindings when the detectors or the
// watchlists change.
#include "app/archive/ActivityLog.h"
#include "app/archive/Archive.h"
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
int locationCode(FindingLocation l) { return l == FindingLocation::Prompt ? 0 : l == FindingLocation::Response ? 1 : 2; }
FindingLocation locationFromCode(int c)
{
    return c == 0 ? FindingLocation::Prompt : c == 1 ? FindingLocation::Response : FindingLocation::Attachment;
}

const QString kMetaDetectors = u"findings_detectors"_s;
const QString kMetaWatchlists = u"findings_watchlists"_s;

// Bump when a detector's rules change: stored sensitive findings are then recomputed.
constexpr int kDetectorRulesVersion = 1;

QString detectorSignature()
{
    return QString::number(kDetectorRulesVersion) + u':' + detect::DetectorRegistry::names().join(u',');
}

int scopeOf(int scope)
{
    return (scope & Archive::RescanSensitive ? FindingScanner::SensitiveOnly : 0)
        | (scope & Archive::RescanWatchlists ? FindingScanner::WatchlistsOnly : 0);
}

} // namespace

bool Archive::Private::storeFindings(const Interaction &i, qint64 rowid, int scope)
{
    const QList<Finding> found = scanner->scan(i, FindingScanner::Scope(scopeOf(scope)));
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

void Archive::setWatchlists(const QList<Watchlist> &lists)
{
    d->scanner = std::make_shared<FindingScanner>(lists);
}

QList<Watchlist> Archive::watchlists() const { return d->scanner->watchlists(); }

QList<Watchlist> Archive::storedWatchlists() const
{
    QList<Watchlist> out;
    if (!isOpen())
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

bool Archive::saveWatchlists(const QList<Watchlist> &lists)
{
    if (!isOpen())
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
    if (ok && !ActivityLog::recordWatchlistsSaved(*this, before, after, &d->lastError))
        ok = false;
    if (!ok || !d->db.commit()) {
        d->db.rollback();
        return false;
    }
    setWatchlists(lists);
    return true;
}

int Archive::findingsRescanNeeded() const
{
    if (!isOpen())
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

bool Archive::rescanFindings(int scope, const std::function<bool()> &cancelled,
                             const std::function<void(qint64, qint64)> &progress)
{
    if (!isOpen() || scope == RescanNone)
        return isOpen();
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
                 " WHERE rowid > ? AND rowid <= ? ORDER BY rowid LIMIT 4000"_s);
    del.prepare(u"DELETE FROM findings WHERE irow > ? AND irow <= ? AND kind IN ("_s + kindList + u")"_s);
    const unsigned workers = qBound(1u, std::thread::hardware_concurrency(), 4u);
    qint64 pos = 0, done = 0;
    if (progress)
        progress(0, total);
    struct Item {
        qint64 rowid;
        Interaction i;
        QList<Finding> found;
    };
    QList<Item> batch;
    while (pos < maxRow) {
        if (cancelled && cancelled())
            return false;
        read.bindValue(0, pos);
        read.bindValue(1, maxRow);
        if (!d->exec(read, u"Rescanning findings"_s))
            return false;
        batch.clear();
        while (read.next()) {
            Item it;
            it.rowid = read.value(0).toLongLong();
            it.i.userId = read.value(1).toString();
            it.i.id = read.value(2).toString();
            it.i.sessionId = read.value(3).toString();
            it.i.type = typeFromCode(read.value(4).toInt());
            it.i.bodyText = read.value(5).toString();
            it.i.attachments = read.value(6).toString().split(u'\n', Qt::SkipEmptyParts);
            batch << it;
        }
        read.finish();
        if (batch.isEmpty())
            break;
        // Scanning is the expensive part: spread it over the cores (the scanner is const and
        // thread-safe), then write in one short transaction.
        std::vector<std::thread> threads;
        for (unsigned w = 0; w < workers; ++w) {
            threads.emplace_back([&, w] {
                for (qsizetype k = w; k < batch.size(); k += workers)
                    batch[k].found = scanner->scan(batch[k].i, FindingScanner::Scope(kinds));
            });
        }
        for (std::thread &t : threads)
            t.join();
        const qint64 last = batch.last().rowid;
        if (!d->db.transaction()) {
            d->lastError = d->db.lastError().text();
            return false;
        }
        del.bindValue(0, pos);
        del.bindValue(1, last);
        bool ok = d->exec(del, u"Rescanning findings"_s);
        if (ok && d->findingInsert.lastQuery().isEmpty()) {
            d->findingInsert = QSqlQuery(d->db);
            d->findingInsert.prepare(u"INSERT INTO findings(irow, user_id, interaction_id, session_key, kind, detector,"
                                     " location, start, length, match) VALUES (?,?,?,?,?,?,?,?,?,?)"_s);
        }
        for (qsizetype k = 0; ok && k < batch.size(); ++k) {
            const Item &it = batch.at(k);
            const QString key = it.i.sessionKey();
            for (const Finding &f : it.found) {
                QSqlQuery &ins = d->findingInsert;
                ins.bindValue(0, it.rowid);
                ins.bindValue(1, it.i.userId);
                ins.bindValue(2, it.i.id);
                ins.bindValue(3, key);
                ins.bindValue(4, kindCode(f.kind));
                ins.bindValue(5, f.detector);
                ins.bindValue(6, locationCode(f.location));
                ins.bindValue(7, qint64(f.start));
                ins.bindValue(8, qint64(f.length));
                ins.bindValue(9, f.match);
                if (!(ok = d->exec(ins, u"Storing findings"_s)))
                    break;
            }
        }
        if (!ok || !d->db.commit()) {
            d->db.rollback();
            return false;
        }
        pos = last;
        done += batch.size();
        if (progress)
            progress(qMin(done, total), total);
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

QList<Finding> Archive::interactionFindings(const QString &userId, const QString &interactionId) const
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

bool Archive::forEachFinding(const ArchiveFilter &f, const std::function<bool(const FindingRow &)> &cb) const
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
        r.kind = q.value(5).toInt() == 1 ? u"watchlist"_s : u"sensitive"_s;
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

qint64 Archive::countFindings(const ArchiveFilter &f) const
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

QStringList Archive::findingWatchlistNames() const
{
    QStringList out;
    QSqlQuery q(d->db);
    if (q.exec(u"SELECT DISTINCT detector FROM findings WHERE kind = 1 ORDER BY detector"_s))
        while (q.next())
            out << q.value(0).toString();
    return out;
}

} // namespace ledger
