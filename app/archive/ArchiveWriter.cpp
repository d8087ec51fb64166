// The archive's write side: users, interactions and their derived sessions, turns and daily
// activity, unreadable items, the sync state.
#include "app/archive/ArchiveWriter.h"

#include "app/archive/ArchivePrivate.h"
#include "app/model/Conversation.h"

#include <QCryptographicHash>
#include <QHash>
#include <QSqlError>

using namespace Qt::StringLiterals;

namespace ledger {

namespace {
QString joinLines(const QStringList &l) { return l.join(u'\n'); }
} // namespace

bool ArchiveWriter::upsertUsers(const QList<User> &users)
{
    if (!d->isOpen())
        return false;
    if (!d->db.transaction())
        return false;
    QSqlQuery q(d->db);
    q.prepare(u"INSERT INTO users(id, display_name, upn, mail, department, job_title, account_enabled, user_type, updated,"
              " deleted_utc) VALUES (?,?,?,?,?,?,?,?,?,?) ON CONFLICT(id) DO UPDATE SET display_name = excluded.display_name,"
              " upn = excluded.upn, mail = excluded.mail, department = excluded.department, job_title = excluded.job_title,"
              " account_enabled = excluded.account_enabled, user_type = excluded.user_type, updated = excluded.updated,"
              " deleted_utc = excluded.deleted_utc"_s);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (const User &u : users) {
        q.addBindValue(u.id);
        q.addBindValue(u.displayName);
        q.addBindValue(u.userPrincipalName);
        q.addBindValue(u.mail);
        q.addBindValue(u.department);
        q.addBindValue(u.jobTitle);
        q.addBindValue(u.accountEnabled ? 1 : 0);
        q.addBindValue(u.userType);
        q.addBindValue(now);
        q.addBindValue(timeValue(u.deletedDateTime));   // a restored user is listed again without it
        if (!d->exec(q, u"Storing users"_s)) {
            d->db.rollback();
            return false;
        }
    }
    return d->db.commit();
}

int ArchiveWriter::insertInteractions(const QList<Interaction> &interactions)
{
    if (!d->isOpen())
        return -1;
    if (!d->db.transaction()) {
        d->lastError = d->db.lastError().text();
        return -1;
    }
    auto failed = [this]() {
        d->db.rollback();
        return -1;
    };
    QSqlQuery ins(d->db);
    ins.prepare(u"INSERT OR IGNORE INTO interactions(user_id, id, session_id, session_key, request_id, app_class, type,"
                " conversation_type, created, locale, etag, body_content_type, body_text, attachments, links, contexts, raw)"
                " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,CAST(? AS TEXT))"_s);
    int added = 0;
    // Per-day activity of the new interactions (summary table, schema v2).
    QHash<QString, qint64> activity;
    // New interactions grouped by the (user, session) pair they touch.
    QHash<QString, QList<const Interaction *>> touched;
    QStringList order;
    for (const Interaction &i : interactions) {
        if (i.id.isEmpty() || i.userId.isEmpty())
            continue;
        const QString key = i.sessionKey();
        ins.bindValue(0, i.userId);
        ins.bindValue(1, i.id);
        ins.bindValue(2, i.sessionId);
        ins.bindValue(3, key);
        ins.bindValue(4, i.requestId);
        ins.bindValue(5, i.appClass);
        ins.bindValue(6, typeCode(i.type));
        ins.bindValue(7, i.conversationType);
        ins.bindValue(8, timeValue(i.created));
        ins.bindValue(9, i.locale);
        ins.bindValue(10, i.etag);
        ins.bindValue(11, i.bodyContentType);
        ins.bindValue(12, i.bodyText);
        ins.bindValue(13, joinLines(i.attachments));
        ins.bindValue(14, joinLines(i.links));
        ins.bindValue(15, joinLines(i.contexts));
        ins.bindValue(16, i.raw);   // UTF-8 bytes stored as TEXT without a UTF-16 round trip
        if (!d->exec(ins, u"Storing interactions"_s))
            return failed();
        if (ins.numRowsAffected() > 0) {
            ++added;
            if (!d->storeFindings(i, ins.lastInsertId().toLongLong(), FindingsStore::RescanSensitive | FindingsStore::RescanWatchlists))
                return failed();
            if (i.created.isValid())
                ++activity[i.userId + QChar(0x1F) + QString::number(i.created.toMSecsSinceEpoch() / 86400000) + QChar(0x1F) + i.appClass];
            const QString pair = i.userId + QChar(0x1F) + key;
            auto it = touched.find(pair);
            if (it == touched.end()) {
                order << pair;
                touched.insert(pair, {&i});
            } else {
                it->append(&i);
            }
        }
    }
    QSqlQuery act(d->db);
    act.prepare(u"INSERT INTO activity_daily(user_id, day, app_class, n) VALUES (?,?,?,?)"
                " ON CONFLICT(user_id, day, app_class) DO UPDATE SET n = n + excluded.n"_s);
    for (auto it = activity.cbegin(); it != activity.cend(); ++it) {
        const QStringList parts = it.key().split(QChar(0x1F));
        act.bindValue(0, parts.at(0));
        act.bindValue(1, parts.at(1).toLongLong());
        act.bindValue(2, parts.at(2));
        act.bindValue(3, it.value());
        if (!d->exec(act, u"Storing activity"_s))
            return failed();
    }
    // Refresh the derived sessions and turns of the touched pairs, in the same transaction.
    QSqlQuery delSession(d->db), delTurns(d->db), load(d->db), insSession(d->db), insTurn(d->db);
    delSession.prepare(u"DELETE FROM sessions WHERE user_id = ? AND session_key = ?"_s);
    delTurns.prepare(u"DELETE FROM turns WHERE user_id = ? AND session_key = ?"_s);
    load.prepare(interactionColumns(false) + u" WHERE i.user_id = ? AND i.session_key = ?"_s);
    insSession.prepare(u"INSERT INTO sessions(user_id, session_key, session_id, app_class, started, ended, prompt_count,"
                       " response_count, first_prompt) VALUES (?,?,?,?,?,?,?,?,?)"_s);
    insTurn.prepare(u"INSERT INTO turns(user_id, session_key, session_id, request_id, app_class, conversation_type, locale,"
                    " prompt_id, prompt_created, prompt_text, response_id, response_created, response_text, attachments,"
                    " links, contexts, time) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"_s);
    load.setForwardOnly(true);
    QList<Interaction> all;
    for (const QString &pair : std::as_const(order)) {
        const QList<const Interaction *> &fresh = touched[pair];
        const QString userId = fresh.first()->userId;
        const QString key = fresh.first()->sessionKey();
        delSession.bindValue(0, userId);
        delSession.bindValue(1, key);
        if (!d->exec(delSession, u"Refreshing sessions"_s))
            return failed();
        all.clear();
        if (delSession.numRowsAffected() > 0) {
            // The pair existed before: rebuild it from everything stored.
            delTurns.bindValue(0, userId);
            delTurns.bindValue(1, key);
            load.bindValue(0, userId);
            load.bindValue(1, key);
            if (!d->exec(delTurns, u"Refreshing turns"_s) || !d->exec(load, u"Refreshing turns"_s))
                return failed();
            while (load.next())
                all << interactionFrom(load);
            load.finish();
        } else {
            all.reserve(fresh.size());
            for (const Interaction *i : fresh)
                all << *i;
        }
        for (const Session &s : buildSessions(all)) {
            insSession.bindValue(0, s.userId);
            insSession.bindValue(1, key);
            insSession.bindValue(2, s.sessionId);
            insSession.bindValue(3, s.appClass);
            insSession.bindValue(4, timeValue(s.started));
            insSession.bindValue(5, timeValue(s.ended));
            insSession.bindValue(6, s.promptCount);
            insSession.bindValue(7, s.responseCount);
            insSession.bindValue(8, s.firstPrompt);
            if (!d->exec(insSession, u"Storing sessions"_s))
                return failed();
        }
        for (const Turn &t : buildTurns(all)) {
            insTurn.bindValue(0, t.userId);
            insTurn.bindValue(1, key);
            insTurn.bindValue(2, t.sessionId);
            insTurn.bindValue(3, t.requestId);
            insTurn.bindValue(4, t.appClass);
            insTurn.bindValue(5, t.conversationType);
            insTurn.bindValue(6, t.locale);
            insTurn.bindValue(7, t.promptId);
            insTurn.bindValue(8, timeValue(t.promptCreated));
            insTurn.bindValue(9, t.promptText);
            insTurn.bindValue(10, t.responseId);
            insTurn.bindValue(11, timeValue(t.responseCreated));
            insTurn.bindValue(12, t.responseText);
            insTurn.bindValue(13, joinLines(t.attachments));
            insTurn.bindValue(14, joinLines(t.links));
            insTurn.bindValue(15, joinLines(t.contexts));
            insTurn.bindValue(16, timeValue(t.promptCreated.isValid() ? t.promptCreated : t.responseCreated));
            if (!d->exec(insTurn, u"Storing turns"_s))
                return failed();
        }
    }
    if (!d->db.commit()) {
        d->lastError = d->db.lastError().text();
        return failed();
    }
    return added;
}

int ArchiveWriter::storeUnreadableItems(const QString &userId, const QList<QPair<QByteArray, QString>> &rawAndReason)
{
    if (!d->isOpen())
        return -1;
    if (!d->db.transaction()) {
        d->lastError = d->db.lastError().text();
        return -1;
    }
    QSqlQuery q(d->db);
    q.prepare(u"INSERT OR IGNORE INTO unreadable_items(user_id, item_key, reason, raw, seen) VALUES (?,?,?,CAST(? AS TEXT),?)"_s);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    int added = 0;
    for (const auto &[raw, reason] : rawAndReason) {
        q.bindValue(0, userId);
        q.bindValue(1, QString::fromLatin1(QCryptographicHash::hash(raw, QCryptographicHash::Sha256).toHex()));
        q.bindValue(2, reason);
        q.bindValue(3, raw);
        q.bindValue(4, now);
        if (!d->exec(q, u"Storing unreadable items"_s)) {
            d->db.rollback();
            return -1;
        }
        added += q.numRowsAffected() > 0 ? 1 : 0;
    }
    if (!d->db.commit()) {
        d->lastError = d->db.lastError().text();
        d->db.rollback();
        return -1;
    }
    return added;
}

bool ArchiveWriter::setSyncState(const SyncState &s)
{
    if (!d->isOpen())
        return false;
    QSqlQuery q(d->db);
    q.prepare(u"INSERT OR REPLACE INTO sync_state(user_id, status, watermark, last_run, last_error, last_request_id,"
              " last_client_request_id, last_error_date, last_forbidden) VALUES (?,?,?,?,?,?,?,?,?)"_s);
    q.addBindValue(s.userId);
    q.addBindValue(userStatusKey(s.status));
    q.addBindValue(timeValue(s.watermark));
    q.addBindValue(timeValue(s.lastRun));
    q.addBindValue(s.lastError);
    q.addBindValue(s.lastRequestId);
    q.addBindValue(s.lastClientRequestId);
    q.addBindValue(s.lastErrorDate);
    q.addBindValue(timeValue(s.lastForbidden));
    return d->exec(q, u"Storing the sync state"_s);
}

namespace {
SyncState syncStateFrom(const QSqlQuery &q)
{
    SyncState s;
    s.userId = q.value(0).toString();
    s.status = userStatusFromKey(q.value(1).toString());
    s.watermark = timeFromValue(q.value(2));
    s.lastRun = timeFromValue(q.value(3));
    s.lastError = q.value(4).toString();
    s.lastRequestId = q.value(5).toString();
    s.lastClientRequestId = q.value(6).toString();
    s.lastErrorDate = q.value(7).toString();
    s.lastForbidden = timeFromValue(q.value(8));
    return s;
}
constexpr auto kSyncColumns = "SELECT user_id, status, watermark, last_run, last_error, last_request_id,"
                              " last_client_request_id, last_error_date, last_forbidden FROM sync_state"_L1;
} // namespace

SyncState ArchiveWriter::syncState(const QString &userId) const
{
    QSqlQuery q(d->db);
    q.prepare(kSyncColumns + u" WHERE user_id = ?"_s);
    q.addBindValue(userId);
    if (d->exec(q, u"Reading the sync state"_s) && q.next())
        return syncStateFrom(q);
    SyncState s;
    s.userId = userId;
    return s;
}

QList<SyncState> ArchiveWriter::syncStates() const
{
    QList<SyncState> out;
    QSqlQuery q(d->db);
    q.prepare(kSyncColumns + u" ORDER BY user_id"_s);
    if (d->exec(q, u"Reading the sync state"_s))
        while (q.next())
            out << syncStateFrom(q);
    return out;
}

} // namespace ledger
