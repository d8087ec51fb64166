// The archive's Users view (every directory user with its sync outcome and activity counts).
#include "app/archive/ArchiveReader.h"
#include "app/archive/ArchivePrivate.h"
#include "app/archive/ArchiveSql.h"

#include <QHash>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace ledger {

// ---- users ----------------------------------------------------------------------------------------

namespace {

constexpr int kUserRowIdColumn = 15;

// Prepares and executes the Users view's query; `extra` is one more condition on u (or empty).
bool prepareUsers(ArchiveState *d, QSqlQuery &q, const ArchiveFilter &f, SortSpec sort, const QString &extra,
                  int offset, int limit)
{
    // Activity columns count within the filter's date range and apps (not its text or users).
    ArchiveFilter range;
    range.from = f.from;
    range.to = f.to;
    range.appClasses = f.appClasses;
    ArchiveSql ia(d->fullText), sa(d->fullText), w(d->fullText), ac(d->fullText);
    const bool summary = ac.activityConditions(range);
    ia.interactionConditions(range);
    sa.sessionConditions(range);
    w.userConditions(f);
    if (!extra.isEmpty())
        w.add(extra);
    const QString inRange = ia.andConditions();
    const QString sql =
        u"SELECT u.id, u.display_name, u.upn, u.mail, u.department, u.job_title, u.account_enabled, u.user_type,"
        " COALESCE(ss.status, ''), COALESCE(ss.last_error, ''), COALESCE(ss.last_request_id, ''),"
        + (summary ? QString(u" (SELECT COALESCE(sum(a.n), 0) FROM activity_daily a WHERE a.user_id = u.id"_s + ac.andConditions())
                   : QString(u" (SELECT count(*) FROM interactions i WHERE i.user_id = u.id"_s + inRange)) + u") AS n_interactions,"
        " (SELECT count(*) FROM sessions s WHERE s.user_id = u.id"_s + sa.andConditions() + u") AS n_sessions,"
        " (SELECT min(i.created) FROM interactions i WHERE i.user_id = u.id"_s + inRange + u"),"
        " (SELECT max(i.created) FROM interactions i WHERE i.user_id = u.id"_s + inRange + u") AS last_activity,"
        " u.rowid, (SELECT count(*) FROM findings fd WHERE fd.user_id = u.id) AS n_findings, u.deleted_utc"
        " FROM users u LEFT JOIN sync_state ss ON ss.user_id = u.id"_s + w.where();
    QString order;
    switch (sort.column) {
    case UserRow::Upn: order = u"u.upn COLLATE NOCASE"_s; break;
    case UserRow::Department: order = u"u.department COLLATE NOCASE"_s; break;
    case UserRow::JobTitle: order = u"u.job_title COLLATE NOCASE"_s; break;
    case UserRow::Enabled: order = u"u.account_enabled"_s; break;
    case UserRow::Status: order = u"COALESCE(ss.status, '')"_s; break;
    case UserRow::Interactions: order = u"n_interactions"_s; break;
    case UserRow::Sessions: order = u"n_sessions"_s; break;
    case UserRow::LastActivity: order = u"last_activity"_s; break;
    case UserRow::Findings: order = u"n_findings"_s; break;
    case UserRow::Name:
    default: order = u"u.display_name COLLATE NOCASE"_s; break;
    }
    q.setForwardOnly(true);
    q.prepare(sql + u" ORDER BY "_s + order + ArchiveSql::direction(sort) + u", u.id"_s + ArchiveSql::direction(sort) + ArchiveSql::pageClause(offset, limit));
    if (summary)
        ac.bindTo(q);
    else
        ia.bindTo(q);
    sa.bindTo(q);
    ia.bindTo(q);
    ia.bindTo(q);
    w.bindTo(q);
    return d->exec(q, u"Reading users"_s);
}

// The users table's one row mapper: its columns 0–7 as the Users view and ArchiveReader::user() select
// them ("u.id, u.display_name, u.upn, u.mail, u.department, u.job_title, u.account_enabled,
// u.user_type"), and deleted_utc at `deletedColumn`.
User directoryUserFrom(const QSqlQuery &q, int deletedColumn)
{
    User u;
    u.id = q.value(0).toString();
    u.displayName = q.value(1).toString();
    u.userPrincipalName = q.value(2).toString();
    u.mail = q.value(3).toString();
    u.department = q.value(4).toString();
    u.jobTitle = q.value(5).toString();
    u.accountEnabled = q.value(6).toInt() != 0;
    u.userType = q.value(7).toString();
    u.deletedDateTime = timeFromValue(q.value(deletedColumn));
    return u;
}

UserRow userFrom(const QSqlQuery &q)
{
    UserRow r;
    r.user = directoryUserFrom(q, kUserRowIdColumn + 2);
    r.status = userStatusFromKey(q.value(8).toString());
    r.statusError = q.value(9).toString();
    const QString rid = q.value(10).toString();
    if (!rid.isEmpty() && !r.statusError.contains(rid))
        r.statusError += (r.statusError.isEmpty() ? QString() : u" "_s) + u"(request-id "_s + rid + u")"_s;
    r.interactionCount = q.value(11).toLongLong();
    r.sessionCount = q.value(12).toLongLong();
    r.firstActivity = timeFromValue(q.value(13));
    r.lastActivity = timeFromValue(q.value(14));
    r.findingCount = q.value(kUserRowIdColumn + 1).toLongLong();
    return r;
}

} // namespace

QList<UserRow> ArchiveReader::users(const ArchiveFilter &f, SortSpec sort, int offset, int limit, QList<qint64> *keys) const
{
    QList<UserRow> out;
    QSqlQuery q(d->db);
    if (!prepareUsers(d, q, f, sort, QString(), offset, limit))
        return out;
    while (q.next()) {
        out << userFrom(q);
        if (keys)
            *keys << q.value(kUserRowIdColumn).toLongLong();
    }
    return out;
}

QList<UserRow> ArchiveReader::usersByKeys(const ArchiveFilter &f, const QList<qint64> &keys) const
{
    QList<UserRow> out;
    if (keys.isEmpty())
        return out;
    QStringList list;
    for (qint64 k : keys)
        list << QString::number(k);
    // Only the activity range of f matters here: the keys already are the filtered rows.
    ArchiveFilter range;
    range.from = f.from;
    range.to = f.to;
    range.appClasses = f.appClasses;
    QSqlQuery q(d->db);
    if (!prepareUsers(d, q, range, {}, u"u.rowid IN ("_s + list.join(u',') + u")"_s, 0, -1))
        return out;
    QHash<qint64, UserRow> rows;
    while (q.next())
        rows.insert(q.value(kUserRowIdColumn).toLongLong(), userFrom(q));
    out.reserve(keys.size());
    for (qint64 k : keys)
        out << rows.value(k);
    return out;
}

std::optional<User> ArchiveReader::user(const QString &userId) const
{
    QSqlQuery q(d->db);
    q.prepare(u"SELECT id, display_name, upn, mail, department, job_title, account_enabled, user_type, deleted_utc"
              " FROM users WHERE id = ?"_s);
    q.addBindValue(userId);
    if (!d->exec(q, u"Reading a user"_s) || !q.next())
        return std::nullopt;
    return directoryUserFrom(q, 8);
}

QStringList ArchiveReader::sharedDisplayNames() const
{
    QStringList out;
    QSqlQuery q(d->db);
    q.setForwardOnly(true);
    q.prepare(u"SELECT display_name FROM users WHERE display_name <> '' GROUP BY display_name COLLATE NOCASE"
              " HAVING count(*) > 1"_s);
    if (!d->exec(q, u"Reading shared display names"_s))
        return out;
    while (q.next())
        out << q.value(0).toString();
    return out;
}

} // namespace ledger
