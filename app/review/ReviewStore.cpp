#include "app/review/ReviewStore.h"
#include "app/archive/ActivityLog.h"
#include "app/archive/Archive.h"
#include "app/archive/ArchiveColumns.h"
#include "app/archive/ArchiveSql.h"
#include "app/model/Interaction.h"

#include <QJsonArray>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace ledger {

namespace {

QSqlDatabase dbOf(const Archive &a) { return QSqlDatabase::database(a.connectionName(), false); }

QString kindKey(ReviewKind k) { return k == ReviewKind::Session ? u"session"_s : u"turn"_s; }

QJsonObject refDetails(const ReviewRef &r)
{
    QJsonObject o{{u"user_id"_s, r.userId}, {u"item_kind"_s, kindKey(r.kind)}, {u"item_id"_s, r.itemId}};
    if (!r.sessionKey.isEmpty())
        o.insert(u"session_key"_s, r.sessionKey);
    return o;
}

// Binds the three columns that name a review item (user_id, kind, item_id), in that order.
void bindRef(QSqlQuery &q, const ReviewRef &ref)
{
    q.addBindValue(ref.userId);
    q.addBindValue(int(ref.kind));
    q.addBindValue(ref.itemId);
}

// Runs one statement of a decision; on failure says "<what> failed: <SQLite's reason>".
bool execChange(QSqlQuery &q, const QString &what, QString *message)
{
    if (q.exec())
        return true;
    *message = what + u" failed: "_s + q.lastError().text();
    return false;
}

void sortCases(QStringList &cases)
{
    std::sort(cases.begin(), cases.end(), [](const QString &a, const QString &b) {
        const int c = a.compare(b, Qt::CaseInsensitive);
        return c != 0 ? c < 0 : a < b;
    });
}

// Turns whose prompt id or response id is the reviewed item's id: the turn keeps its review when
// a later sync adds the prompt of a turn that had only a response when it was reviewed.
constexpr auto kTurnMatch = "t.user_id = r.user_id AND r.kind = 1 AND (t.prompt_id = r.item_id"
                            " OR (t.response_id = r.item_id AND t.response_id <> ''))"_L1;


// The sorted case names of one review item, through the prepared query `cases` (its binds:
// user_id, kind, item_id).
QStringList readCases(QSqlQuery &cases, const QVariant &userId, int kind, const QVariant &itemId)
{
    cases.addBindValue(userId);
    cases.addBindValue(kind);
    cases.addBindValue(itemId);
    QStringList names;
    if (cases.exec())
        while (cases.next())
            names << cases.value(0).toString();
    cases.finish();
    sortCases(names);
    return names;
}

} // namespace

QString reviewStatusKey(ReviewStatus s)
{
    switch (s) {
    case ReviewStatus::Unreviewed: return u"unreviewed"_s;
    case ReviewStatus::Flagged: return u"flagged"_s;
    case ReviewStatus::Escalated: return u"escalated"_s;
    case ReviewStatus::Cleared: return u"cleared"_s;
    }
    return u"unreviewed"_s;
}

ReviewStatus reviewStatusFromKey(const QString &key, bool *ok)
{
    for (ReviewStatus s : allReviewStatuses()) {
        if (key.compare(reviewStatusKey(s), Qt::CaseInsensitive) == 0) {
            if (ok)
                *ok = true;
            return s;
        }
    }
    if (ok)
        *ok = false;
    return ReviewStatus::Unreviewed;
}

QList<ReviewStatus> allReviewStatuses()
{
    return {ReviewStatus::Unreviewed, ReviewStatus::Flagged, ReviewStatus::Escalated, ReviewStatus::Cleared};
}

ReviewRef ReviewStore::turnRef(const TurnRow &t)
{
    ReviewRef r;
    r.userId = t.userId;
    r.kind = ReviewKind::Turn;
    r.itemId = t.promptId.isEmpty() ? t.responseId : t.promptId;
    r.sessionKey = t.sessionKey;
    return r;
}

ReviewRef ReviewStore::sessionRef(const SessionRow &s)
{
    ReviewRef r;
    r.userId = s.userId;
    r.kind = ReviewKind::Session;
    r.itemId = s.sessionKey;
    r.sessionKey = s.sessionKey;
    return r;
}

// One decision: BEGIN IMMEDIATE, make sure the item's row exists, apply the change (which also
// appends its activity-log entry), stamp reviewer and time, COMMIT — or roll everything back.
bool ReviewStore::fail(const QString &message, QString *error) const
{
    m_error = message;
    if (error)
        *error = message;
    return false;
}

bool ReviewStore::write(const ReviewRef &ref, const std::function<bool(QString *)> &change, QString *error)
{
    const auto fail = [&](const QString &message) { return ReviewStore::fail(message, error); };
    if (!m_archive.isOpen())
        return fail(u"No archive is open."_s);
    if (!ref.isValid())
        return fail(u"Nothing to review: the item has no id."_s);
    QSqlDatabase db = dbOf(m_archive);
    QSqlQuery q(db);
    if (!q.exec(u"BEGIN IMMEDIATE"_s))
        return fail(u"Recording the review failed: "_s + q.lastError().text());
    auto rollback = [&](const QString &message) {
        QSqlQuery(db).exec(u"ROLLBACK"_s);
        return fail(message);
    };
    q.prepare(u"INSERT OR IGNORE INTO review_items(user_id, kind, item_id, session_key) VALUES (?,?,?,?)"_s);
    bindRef(q, ref);
    q.addBindValue(ref.sessionKey);
    if (!q.exec())
        return rollback(u"Recording the review failed: "_s + q.lastError().text());
    QString message;
    if (!change(&message))
        return rollback(message);
    q.prepare(u"UPDATE review_items SET reviewed_by = ?, reviewed_utc = ? WHERE user_id = ? AND kind = ? AND item_id = ?"_s);
    q.addBindValue(ActivityLog::currentOperator());
    q.addBindValue(QDateTime::currentMSecsSinceEpoch());
    bindRef(q, ref);
    if (!q.exec())
        return rollback(u"Recording the review failed: "_s + q.lastError().text());
    if (!q.exec(u"COMMIT"_s))
        return rollback(u"Recording the review failed: "_s + q.lastError().text());
    m_error.clear();
    return true;
}

bool ReviewStore::setStatus(const ReviewRef &ref, ReviewStatus status, QString *error)
{
    const ReviewRecord before = record(ref);
    return write(ref, [&](QString *message) {
        QSqlQuery q(dbOf(m_archive));
        q.prepare(u"UPDATE review_items SET status = ? WHERE user_id = ? AND kind = ? AND item_id = ?"_s);
        q.addBindValue(reviewStatusKey(status));
        bindRef(q, ref);
        if (!execChange(q, u"Recording the review status"_s, message))
            return false;
        QJsonObject details = refDetails(ref);
        details.insert(u"status"_s, reviewStatusKey(status));
        details.insert(u"previous_status"_s, reviewStatusKey(before.status));
        return !ActivityLog::append(m_archive, u"review.status"_s, details, message, true).isEmpty();
    }, error);
}

bool ReviewStore::setNote(const ReviewRef &ref, const QString &note, QString *error)
{
    return write(ref, [&](QString *message) {
        QSqlQuery q(dbOf(m_archive));
        q.prepare(u"UPDATE review_items SET note = ? WHERE user_id = ? AND kind = ? AND item_id = ?"_s);
        q.addBindValue(note);
        bindRef(q, ref);
        if (!execChange(q, u"Recording the note"_s, message))
            return false;
        QJsonObject details = refDetails(ref);
        details.insert(u"note"_s, note);
        return !ActivityLog::append(m_archive, u"review.note"_s, details, message, true).isEmpty();
    }, error);
}

bool ReviewStore::createCase(const QString &caseNameIn, QString *error)
{
    const QString name = caseNameIn.trimmed();
    if (name.isEmpty())
        return fail(u"A case needs a name."_s, error);
    QSqlDatabase db = dbOf(m_archive);
    QSqlQuery q(db);
    if (!q.exec(u"BEGIN IMMEDIATE"_s))
        return fail(q.lastError().text(), error);
    q.prepare(u"INSERT OR IGNORE INTO review_cases(name, created_utc, created_by) VALUES (?,?,?)"_s);
    q.addBindValue(name);
    q.addBindValue(QDateTime::currentMSecsSinceEpoch());
    q.addBindValue(ActivityLog::currentOperator());
    QString message;
    bool ok = q.exec();
    if (!ok)
        message = q.lastError().text();
    if (ok && q.numRowsAffected() > 0)
        ok = !ActivityLog::append(m_archive, u"case.created"_s, {{u"case"_s, name}}, &message, true).isEmpty();
    if (ok && !QSqlQuery(db).exec(u"COMMIT"_s))
        ok = false;
    if (!ok) {
        QSqlQuery(db).exec(u"ROLLBACK"_s);
        return fail(u"Creating the case failed: "_s + message, error);
    }
    return true;
}

bool ReviewStore::addToCase(const ReviewRef &ref, const QString &caseNameIn, QString *error)
{
    const QString name = caseNameIn.trimmed();
    if (name.isEmpty())
        return fail(u"A case needs a name."_s, error);
    if (!caseNames().contains(name) && !createCase(name, error))
        return false;
    return write(ref, [&](QString *message) {
        QSqlQuery q(dbOf(m_archive));
        q.prepare(u"INSERT OR IGNORE INTO review_item_cases(user_id, kind, item_id, case_name, added_utc) VALUES (?,?,?,?,?)"_s);
        bindRef(q, ref);
        q.addBindValue(name);
        q.addBindValue(QDateTime::currentMSecsSinceEpoch());
        if (!execChange(q, u"Adding to the case"_s, message))
            return false;
        QJsonObject details = refDetails(ref);
        details.insert(u"action"_s, u"added"_s);
        details.insert(u"case"_s, name);
        return !ActivityLog::append(m_archive, u"review.cases"_s, details, message, true).isEmpty();
    }, error);
}

bool ReviewStore::removeFromCase(const ReviewRef &ref, const QString &caseName, QString *error)
{
    return write(ref, [&](QString *message) {
        QSqlQuery q(dbOf(m_archive));
        q.prepare(u"DELETE FROM review_item_cases WHERE user_id = ? AND kind = ? AND item_id = ? AND case_name = ?"_s);
        bindRef(q, ref);
        q.addBindValue(caseName.trimmed());
        if (!execChange(q, u"Removing from the case"_s, message))
            return false;
        QJsonObject details = refDetails(ref);
        details.insert(u"action"_s, u"removed"_s);
        details.insert(u"case"_s, caseName.trimmed());
        return !ActivityLog::append(m_archive, u"review.cases"_s, details, message, true).isEmpty();
    }, error);
}

QStringList ReviewStore::caseNames() const
{
    return caseNames(m_archive);
}

QStringList ReviewStore::caseNames(const Archive &archive)
{
    QStringList out;
    QSqlQuery q(dbOf(archive));
    if (q.exec(u"SELECT name FROM review_cases"_s))
        while (q.next())
            out << q.value(0).toString();
    sortCases(out);
    return out;
}

ReviewRecord ReviewStore::record(const ReviewRef &ref) const
{
    return records({ref}).value(ref.key(), ReviewRecord{ref, ReviewStatus::Unreviewed, {}, {}, {}, {}, false});
}

QHash<QString, ReviewRecord> ReviewStore::records(const QList<ReviewRef> &refs) const
{
    QHash<QString, ReviewRecord> out;
    QSqlDatabase db = dbOf(m_archive);
    QSqlQuery item(db), cases(db);
    item.prepare(u"SELECT status, note, reviewed_by, reviewed_utc FROM review_items WHERE user_id = ? AND kind = ? AND item_id = ?"_s);
    cases.prepare(u"SELECT case_name FROM review_item_cases WHERE user_id = ? AND kind = ? AND item_id = ?"_s);
    for (const ReviewRef &ref : refs) {
        ReviewRecord r;
        r.ref = ref;
        bindRef(item, ref);
        if (item.exec() && item.next()) {
            r.exists = true;
            r.status = reviewStatusFromKey(item.value(0).toString());
            r.note = item.value(1).toString();
            r.reviewedBy = item.value(2).toString();
            r.reviewedUtc = timeFromValue(item.value(3));
        }
        item.finish();
        if (r.exists)
            r.cases = readCases(cases, ref.userId, int(ref.kind), ref.itemId);
        out.insert(ref.key(), r);
    }
    return out;
}

QList<ReviewRecord> ReviewStore::allRecords(ReviewKind kind) const
{
    QList<ReviewRef> refs;
    QSqlQuery q(dbOf(m_archive));
    q.prepare(u"SELECT user_id, item_id, session_key FROM review_items WHERE kind = ? ORDER BY user_id, item_id"_s);
    q.addBindValue(int(kind));
    if (q.exec()) {
        while (q.next())
            refs << ReviewRef{q.value(0).toString(), kind, q.value(1).toString(), q.value(2).toString()};
    }
    const QHash<QString, ReviewRecord> byKey = records(refs);
    QList<ReviewRecord> out;
    for (const ReviewRef &r : refs)
        out << byKey.value(r.key());
    return out;
}

QHash<ReviewStatus, qint64> ReviewStore::statusCounts(ReviewKind kind) const
{
    QHash<ReviewStatus, qint64> out;
    QSqlQuery q(dbOf(m_archive));
    q.prepare(u"SELECT status, count(*) FROM review_items WHERE kind = ? GROUP BY status"_s);
    q.addBindValue(int(kind));
    if (q.exec())
        while (q.next())
            out[reviewStatusFromKey(q.value(0).toString())] += q.value(1).toLongLong();
    return out;
}

QList<qint64> ReviewStore::turnKeys(const QList<ReviewRef> &refs) const
{
    QList<qint64> out;
    QSqlQuery q(dbOf(m_archive));
    q.prepare(u"SELECT tid FROM turns WHERE user_id = ? AND (prompt_id = ? OR (response_id = ? AND response_id <> ''))"
              " ORDER BY prompt_id = ? DESC LIMIT 1"_s);
    for (const ReviewRef &r : refs) {
        if (r.kind != ReviewKind::Turn || !r.isValid())
            continue;
        q.addBindValue(r.userId);
        q.addBindValue(r.itemId);
        q.addBindValue(r.itemId);
        q.addBindValue(r.itemId);
        if (q.exec() && q.next())
            out << q.value(0).toLongLong();
        q.finish();
    }
    return out;
}

bool ReviewStore::forEachReviewedTurn(const ArchiveFilter &f, const std::function<bool(const ExportRow &)> &cb) const
{
    ArchiveSql w(m_archive.hasFullTextSearch());
    w.turnConditions(f);
    w.add(u"(r.status <> 'unreviewed' OR r.note <> '' OR EXISTS (SELECT 1 FROM review_item_cases c"
          " WHERE c.user_id = r.user_id AND c.kind = r.kind AND c.item_id = r.item_id))"_s);
    QSqlDatabase db = dbOf(m_archive);
    QSqlQuery q(db), cases(db);
    q.setForwardOnly(true);
    q.prepare(u"SELECT CASE WHEN t.prompt_id <> '' THEN t.prompt_id ELSE t.response_id END, t.session_id,"
              " COALESCE(u.upn, ''), r.status, r.note, r.reviewed_by, r.reviewed_utc, r.user_id, r.item_id"
              " FROM review_items r JOIN turns t ON "_s + kTurnMatch + u" LEFT JOIN users u ON u.id = t.user_id"_s
              + w.where() + u" ORDER BY t.user_id, t.time, t.tid"_s);
    w.bindTo(q);
    cases.prepare(u"SELECT case_name FROM review_item_cases WHERE user_id = ? AND kind = ? AND item_id = ?"_s);
    if (!q.exec()) {
        m_error = u"Reading the reviews failed: "_s + q.lastError().text();
        return false;
    }
    while (q.next()) {
        ExportRow row;
        row.interactionId = q.value(0).toString();
        row.sessionId = q.value(1).toString();
        row.userPrincipalName = q.value(2).toString();
        row.status = q.value(3).toString();
        row.note = q.value(4).toString();
        row.reviewedBy = q.value(5).toString();
        row.reviewedUtc = timeFromValue(q.value(6));
        row.userId = q.value(7).toString();
        row.cases = readCases(cases, q.value(7), int(ReviewKind::Turn), q.value(8)).join(u'\n');
        if (!cb(row))
            break;
    }
    return true;
}

} // namespace ledger
