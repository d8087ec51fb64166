// The archive's read side (views, export streams, charts).
#include "app/archive/ArchiveReader.h"
#include "app/archive/ArchivePrivate.h"
#include "app/archive/ArchiveSql.h"

#include <QHash>
#include <QJsonDocument>
#include <QSqlError>
#include <algorithm>
#include <functional>

using namespace Qt::StringLiterals;

namespace ledger {

namespace {

QString direction(const SortSpec &s) { return ArchiveSql::direction(s); }
QString pageClause(int offset, int limit) { return ArchiveSql::pageClause(offset, limit); }

qint64 countWith(const ArchiveState *d, const QString &sql, const ArchiveSql &w)
{
    QSqlQuery q(d->db);
    q.prepare(sql);
    w.bindTo(q);
    if (!const_cast<ArchiveState *>(d)->exec(q, u"Counting"_s) || !q.next())
        return -1;
    return q.value(0).toLongLong();
}

// The rows of `from` that match f under `conditions` (an ArchiveSql member or a callable).
template <typename Conditions>
qint64 countWhere(const ArchiveState *d, const QString &from, const ArchiveFilter &f, Conditions conditions)
{
    ArchiveSql w(d->fullText);
    std::invoke(conditions, w, f);
    return countWith(d, u"SELECT count(*) FROM "_s + from + w.where(), w);
}

// Shared SELECT lists and row readers.
constexpr auto kTurnColumns =
    "SELECT t.user_id, COALESCE(u.display_name, ''), COALESCE(u.upn, ''), t.session_id, t.request_id, t.app_class,"
    " t.conversation_type, t.locale, t.prompt_id, t.prompt_created, t.prompt_text, t.response_id, t.response_created,"
    " t.response_text, t.attachments, t.links, t.contexts, t.session_key, t.tid,"
    " (SELECT count(*) FROM findings fd WHERE fd.user_id = t.user_id AND fd.interaction_id IN (t.prompt_id, t.response_id))"_L1;

// The review record's status, note and cases (ArchiveSql::turnReviewField) after the columns above.
QString turnColumns()
{
    return QString(kTurnColumns) + u", "_s + ArchiveSql::turnReviewField(u"t"_s, u"status"_s) + u", "_s
        + ArchiveSql::turnReviewField(u"t"_s, u"note"_s) + u", "_s + ArchiveSql::turnReviewCases(u"t"_s)
        + u" FROM turns t LEFT JOIN users u ON u.id = t.user_id"_s;
}

void readReview(const QSqlQuery &q, int first, QString *status, QString *note, QStringList *cases)
{
    const QString st = q.value(first).toString();
    *status = st.isEmpty() ? u"unreviewed"_s : st;
    *note = q.value(first + 1).toString();
    *cases = q.value(first + 2).toString().split(u'\n', Qt::SkipEmptyParts);
    std::sort(cases->begin(), cases->end(), [](const QString &a, const QString &b) {
        const int c = a.compare(b, Qt::CaseInsensitive);
        return c != 0 ? c < 0 : a < b;
    });
}

// The first four columns of kTurnColumns and kSessionColumns: the row's user and session.
template <typename Row>
Row ownedRowFrom(const QSqlQuery &q)
{
    Row r;
    r.userId = q.value(0).toString();
    r.userDisplayName = q.value(1).toString();
    r.userPrincipalName = q.value(2).toString();
    r.sessionId = q.value(3).toString();
    return r;
}

TurnRow turnFrom(const QSqlQuery &q)
{
    TurnRow r = ownedRowFrom<TurnRow>(q);
    r.requestId = q.value(4).toString();
    r.appClass = q.value(5).toString();
    r.conversationType = q.value(6).toString();
    r.locale = q.value(7).toString();
    r.promptId = q.value(8).toString();
    r.promptCreated = timeFromValue(q.value(9));
    r.promptText = q.value(10).toString();
    r.responseId = q.value(11).toString();
    r.responseCreated = timeFromValue(q.value(12));
    r.responseText = q.value(13).toString();
    r.attachments = q.value(14).toString();
    r.links = q.value(15).toString();
    r.contexts = q.value(16).toString();
    r.sessionKey = q.value(17).toString();
    r.findingCount = q.value(19).toInt();
    readReview(q, 20, &r.reviewStatus, &r.reviewNote, &r.reviewCases);
    return r;
}

constexpr auto kSessionColumns =
    "SELECT s.user_id, COALESCE(u.display_name, ''), COALESCE(u.upn, ''), s.session_id, s.app_class, s.started,"
    " s.ended, s.prompt_count, s.response_count, s.first_prompt, s.session_key, s.sid,"
    " (SELECT count(*) FROM findings fd WHERE fd.user_id = s.user_id AND fd.session_key = s.session_key)"_L1;

QString sessionColumns()
{
    return QString(kSessionColumns) + u", "_s + ArchiveSql::sessionReviewField(u"s"_s, u"status"_s) + u", "_s
        + ArchiveSql::sessionReviewField(u"s"_s, u"note"_s) + u", "_s + ArchiveSql::sessionReviewCases(u"s"_s)
        + u" FROM sessions s LEFT JOIN users u ON u.id = s.user_id"_s;
}

SessionRow sessionFrom(const QSqlQuery &q)
{
    SessionRow r = ownedRowFrom<SessionRow>(q);
    r.appClass = q.value(4).toString();
    r.started = timeFromValue(q.value(5));
    r.ended = timeFromValue(q.value(6));
    r.promptCount = q.value(7).toInt();
    r.responseCount = q.value(8).toInt();
    r.firstPrompt = q.value(9).toString();
    r.sessionKey = q.value(10).toString();
    r.findingCount = q.value(12).toInt();
    readReview(q, 13, &r.reviewStatus, &r.reviewNote, &r.reviewCases);
    return r;
}

} // namespace

// The one mapper of the interactions table (ArchivePrivate.h): every read of interactions selects
// interactionColumns() and maps each row with interactionFrom().
QString interactionColumns(bool withRaw)
{
    return u"SELECT i.user_id, i.id, i.session_id, i.request_id, i.app_class, i.type, i.conversation_type, i.created,"
           " i.locale, i.etag, i.body_content_type, i.body_text, i.attachments, i.links, i.contexts, "_s
        + (withRaw ? u"CAST(i.raw AS BLOB)"_s : u"NULL"_s) + u" FROM interactions i"_s;
}

Interaction interactionFrom(const QSqlQuery &q)
{
    Interaction i;
    i.userId = q.value(0).toString();
    i.id = q.value(1).toString();
    i.sessionId = q.value(2).toString();
    i.requestId = q.value(3).toString();
    i.appClass = q.value(4).toString();
    i.type = typeFromCode(q.value(5).toInt());
    i.conversationType = q.value(6).toString();
    i.created = timeFromValue(q.value(7));
    i.locale = q.value(8).toString();
    i.etag = q.value(9).toString();
    i.bodyContentType = q.value(10).toString();
    i.bodyText = q.value(11).toString();
    i.attachments = q.value(12).toString().split(u'\n', Qt::SkipEmptyParts);
    i.links = q.value(13).toString().split(u'\n', Qt::SkipEmptyParts);
    i.contexts = q.value(14).toString().split(u'\n', Qt::SkipEmptyParts);
    i.raw = q.value(15).toByteArray();
    return i;
}

namespace {


// One derived table read the same way by the Sessions and Prompts views and the exporter.
struct SortExpr {
    QString expr;         // what ORDER BY sorts on (before the direction)
    bool needsUsers = false;   // the expression reads u (users joined)
};

struct RowSource {
    QString columns;      // "SELECT … FROM <table> <alias>" with the row id at idColumn
    QString table;        // "<table> <alias>"
    QString alias;        // "s" / "t"
    QString idName;       // "sid" / "tid"
    int idColumn;
    QString label;        // for error messages
    SortExpr (*sort)(const SortSpec &);                        // the view's column → SQL
    void (*conditions)(ArchiveSql &, const ArchiveFilter &);   // the view's filter → SQL
    QString exportOrder;  // ORDER BY of the export streams (user, time)
    int userColumn;       // the view's "user" column (sorted by owner name, see userGroupedKeys)
    QString userIndex;    // the (user_id, …) index of the table

    QString orderBy(const SortSpec &s, bool *needsUsers) const
    {
        const SortExpr e = sort(s);
        *needsUsers = e.needsUsers;
        return u" ORDER BY "_s + e.expr + direction(s) + u", "_s + alias + u'.' + idName + direction(s);
    }
};

// The row ids matching w in `orderBy` order (a page of them when offset/limit are given).
// `cancelled` is polled between rows: an abandoned query stops early (the caller drops the result).
QList<qint64> readKeys(ArchiveState *d, const ArchiveSql &w, const RowSource &src, const QString &orderBy,
                       bool joinUsers, int offset, int limit, const std::function<bool()> &cancelled = {})
{
    QList<qint64> keys;
    QSqlQuery ids(d->db);
    ids.setForwardOnly(true);
    ids.prepare(u"SELECT "_s + src.alias + u'.' + src.idName + u" FROM "_s + src.table
                + (joinUsers ? u" LEFT JOIN users u ON u.id = "_s + src.alias + u".user_id"_s : QString())
                + w.where() + orderBy + pageClause(offset, limit));
    w.bindTo(ids);
    if (!d->exec(ids, src.label))
        return keys;
    int polled = 0;
    while (ids.next()) {
        keys << ids.value(0).toLongLong();
        if (cancelled && polled++ % 4096 == 0 && cancelled())
            break;
    }
    return keys;
}

// The rows with these ids, in the order of `keys` (a default row where an id no longer exists).
template <typename Row, typename Make>
QList<Row> rowsByKeys(ArchiveState *d, const RowSource &src, const QList<qint64> &keys, Make make)
{
    QList<Row> out;
    if (keys.isEmpty())
        return out;
    QStringList list;
    list.reserve(keys.size());
    for (qint64 id : keys)
        list << QString::number(id);
    QSqlQuery q(d->db);
    q.setForwardOnly(true);
    if (!q.exec(src.columns + u" WHERE "_s + src.alias + u'.' + src.idName + u" IN ("_s + list.join(u',') + u")"_s)) {
        d->lastError = q.lastError().text();
        return out;
    }
    QHash<qint64, Row> rows;
    while (q.next())
        rows.insert(q.value(src.idColumn).toLongLong(), make(q));
    out.reserve(keys.size());
    for (qint64 id : keys)
        out << rows.value(id);
    return out;
}

// Rows matching w in `orderBy` order. A page first finds the row ids (skipping `offset` rows in
// an index, not in the wide rows), then reads just those rows.
template <typename Row, typename Make>
QList<Row> readRows(ArchiveState *d, const ArchiveSql &w, const RowSource &src, const QString &orderBy,
                    bool joinUsers, int offset, int limit, Make make)
{
    QList<Row> out;
    if (limit < 0 && offset <= 0) {
        QSqlQuery q(d->db);
        q.setForwardOnly(true);
        q.prepare(src.columns + w.where() + orderBy);
        w.bindTo(q);
        if (d->exec(q, src.label))
            while (q.next())
                out << make(q);
        return out;
    }
    return rowsByKeys<Row>(d, src, readKeys(d, w, src, orderBy, joinUsers, offset, limit), make);
}

// Streams rows matching w in `orderBy` order; cb returns false to stop.
template <typename Row, typename Make>
bool forEachRow(ArchiveState *d, const ArchiveSql &w, const RowSource &src, const QString &orderBy, Make make,
                const std::function<bool(const Row &)> &cb)
{
    QSqlQuery q(d->db);
    q.setForwardOnly(true);
    q.prepare(src.columns + w.where() + orderBy);
    w.bindTo(q);
    if (!d->exec(q, src.label))
        return false;
    while (q.next())
        if (!cb(make(q)))
            break;
    return !q.lastError().isValid();
}

// ---- sorting through indexes (docs/ARCHITECTURE.md "Archive schema", sort indexes) ----------------

// The text columns the views sort by are indexed by their first kSortPrefix characters under
// NOCASE. ORDER BY prefix NOCASE, text NOCASE, id gives exactly the order of ORDER BY text NOCASE,
// id (the prefixes of two texts compare like the texts unless they are equal), and SQLite reads it
// in index order, sorting only the rows of equal prefix: a first page needs no sort of all rows.
constexpr int kSortPrefix = 40;

QString prefixSort(const QString &column, const SortSpec &sort)
{
    return u"substr(%1, 1, %2) COLLATE NOCASE"_s.arg(column).arg(kSortPrefix) + direction(sort) + u", "_s + column
        + u" COLLATE NOCASE"_s;
}

// Equal under SQLite's NOCASE collation: same bytes after folding ASCII letters.
bool nocaseEqual(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i) {
        char x = a.at(i), y = b.at(i);
        if (x >= 'A' && x <= 'Z')
            x = char(x - 'A' + 'a');
        if (y >= 'A' && y <= 'Z')
            y = char(y - 'A' + 'a');
        if (x != y)
            return false;
    }
    return true;
}

// ORDER BY COALESCE(u.display_name, user_id) COLLATE NOCASE, id — without sorting every row: the
// owners of the view's rows in name order (a few thousand), then for each group of owners whose
// names are equal under NOCASE their matching rows in id order (one index lookup per group).
// The same order as the join sort; the caller uses it only when the filter has no text (the
// full-text condition would be evaluated once per group). limit < 0: all keys.
QList<qint64> userGroupedKeys(ArchiveState *d, const RowSource &src, const ArchiveFilter &f, const SortSpec &sort,
                              int limit, const std::function<bool()> &cancelled)
{
    QList<qint64> keys;
    const QString dir = direction(sort);
    const QString table = src.table.section(u' ', 0, 0);
    QSqlQuery owners(d->db);
    owners.setForwardOnly(true);
    if (!owners.exec(u"SELECT x.user_id, COALESCE(u.display_name, x.user_id) FROM (SELECT DISTINCT user_id FROM "_s + table
                     + u") x LEFT JOIN users u ON u.id = x.user_id ORDER BY COALESCE(u.display_name, x.user_id) COLLATE NOCASE"_s
                     + dir)) {
        d->lastError = owners.lastError().text();
        return keys;
    }
    QList<QStringList> groups;
    QByteArray groupName;
    while (owners.next()) {
        const QByteArray name = owners.value(1).toString().toUtf8();
        if (groups.isEmpty() || !nocaseEqual(name, groupName)) {
            groups.append(QStringList());
            groupName = name;
        }
        groups.last() << owners.value(0).toString();
    }
    owners.finish();
    ArchiveSql w(d->fullText);
    src.conditions(w, f);
    const QString a = src.alias;
    for (const QStringList &group : std::as_const(groups)) {
        if (limit >= 0 && keys.size() >= limit)
            break;
        if (cancelled && cancelled())
            break;
        QSqlQuery q(d->db);
        q.setForwardOnly(true);
        q.prepare(u"SELECT "_s + a + u'.' + src.idName + u" FROM "_s + src.table + u" INDEXED BY "_s + src.userIndex
                  + u" WHERE "_s + a + u".user_id IN ("_s + QStringList(group.size(), u"?"_s).join(u',') + u')'
                  + w.andConditions() + u" ORDER BY "_s + a + u'.' + src.idName + dir
                  + (limit >= 0 ? u" LIMIT %1"_s.arg(limit - keys.size()) : QString()));
        for (const QString &id : group)
            q.addBindValue(id);
        w.bindTo(q);
        if (!d->exec(q, src.label))
            return keys;
        while (q.next())
            keys << q.value(0).toLongLong();
    }
    return keys;
}

bool groupedByUser(const RowSource &src, const ArchiveFilter &f, const SortSpec &sort)
{
    return sort.column == src.userColumn && f.text.trimmed().isEmpty();
}

// Review status order: unreviewed, cleared, flagged, escalated (most urgent last).
QString reviewRank(const QString &status)
{
    return u"(CASE COALESCE("_s + status + u", 'unreviewed') WHEN 'cleared' THEN 1 WHEN 'flagged' THEN 2"
           " WHEN 'escalated' THEN 3 ELSE 0 END)"_s;
}

SortExpr sessionSort(const SortSpec &sort)
{
    switch (sort.column) {
    case SessionRow::User: return {u"COALESCE(u.display_name, s.user_id) COLLATE NOCASE"_s, true};
    case SessionRow::App: return {u"s.app_class"_s + direction(sort) + u", s.started"_s};
    case SessionRow::Ended: return {u"s.ended"_s};
    case SessionRow::Turns: return {u"s.prompt_count"_s};
    case SessionRow::FirstPrompt: return {prefixSort(u"s.first_prompt"_s, sort)};   // ix_sessions_first_prompt_sort
    case SessionRow::Findings:
        return {u"(SELECT count(*) FROM findings fd WHERE fd.user_id = s.user_id AND fd.session_key = s.session_key)"_s};
    case SessionRow::Review: return {reviewRank(ArchiveSql::sessionReviewField(u"s"_s, u"status"_s))};
    case SessionRow::Note: return {u"COALESCE("_s + ArchiveSql::sessionReviewField(u"s"_s, u"note"_s) + u", '') COLLATE NOCASE"_s};
    case SessionRow::Cases: return {u"COALESCE("_s + ArchiveSql::sessionReviewCases(u"s"_s) + u", '') COLLATE NOCASE"_s};
    case SessionRow::Started:
    default: return {u"s.started"_s};
    }
}

SortExpr turnSort(const SortSpec &sort)
{
    switch (sort.column) {
    case TurnRow::User: return {u"COALESCE(u.display_name, t.user_id) COLLATE NOCASE"_s, true};
    case TurnRow::App: return {u"t.app_class"_s + direction(sort) + u", t.time"_s};   // index (app_class, time)
    case TurnRow::Prompt: return {prefixSort(u"t.prompt_text"_s, sort)};       // ix_turns_prompt_sort
    case TurnRow::Response: return {prefixSort(u"t.response_text"_s, sort)};   // ix_turns_response_sort
    case TurnRow::Findings:
        return {u"(SELECT count(*) FROM findings fd WHERE fd.user_id = t.user_id AND fd.interaction_id IN (t.prompt_id, t.response_id))"_s};
    case TurnRow::Review: return {reviewRank(ArchiveSql::turnReviewField(u"t"_s, u"status"_s))};
    case TurnRow::Note: return {u"COALESCE("_s + ArchiveSql::turnReviewField(u"t"_s, u"note"_s) + u", '') COLLATE NOCASE"_s};
    case TurnRow::Cases: return {u"COALESCE("_s + ArchiveSql::turnReviewCases(u"t"_s) + u", '') COLLATE NOCASE"_s};
    case TurnRow::Time:
    default: return {u"t.time"_s};
    }
}

RowSource sessionSource()
{
    return {sessionColumns(), u"sessions s"_s, u"s"_s, u"sid"_s, 11, u"Reading sessions"_s, sessionSort,
            [](ArchiveSql &w, const ArchiveFilter &f) { w.sessionConditions(f); },
            u" ORDER BY s.user_id, s.started, s.sid"_s, SessionRow::User, u"ix_sessions_user"_s};
}

RowSource turnSource()
{
    return {turnColumns(), u"turns t"_s, u"t"_s, u"tid"_s, 18, u"Reading turns"_s, turnSort,
            [](ArchiveSql &w, const ArchiveFilter &f) { w.turnConditions(f); },
            u" ORDER BY t.user_id, t.time, t.tid"_s, TurnRow::User, u"ix_turns_user"_s};
}

// A view's rows (a page of them when offset/limit are given), its keys, its export stream.
template <typename Row, typename Make>
QList<Row> viewRows(ArchiveState *d, const RowSource &src, const ArchiveFilter &f, SortSpec sort, int offset,
                    int limit, Make make)
{
    ArchiveSql w(d->fullText);
    src.conditions(w, f);
    bool needsUsers = false;
    const QString orderBy = src.orderBy(sort, &needsUsers);
    return readRows<Row>(d, w, src, orderBy, needsUsers, offset, limit, make);
}

QList<qint64> viewKeys(ArchiveState *d, const RowSource &src, const ArchiveFilter &f, SortSpec sort,
                       const std::function<bool()> &cancelled, int limit = -1)
{
    if (groupedByUser(src, f, sort))
        return userGroupedKeys(d, src, f, sort, limit, cancelled);
    ArchiveSql w(d->fullText);
    src.conditions(w, f);
    bool needsUsers = false;
    const QString orderBy = src.orderBy(sort, &needsUsers);
    return readKeys(d, w, src, orderBy, needsUsers, 0, limit, cancelled);
}

template <typename Row, typename Make>
bool viewStream(ArchiveState *d, const RowSource &src, const ArchiveFilter &f, Make make,
                const std::function<bool(const Row &)> &cb)
{
    ArchiveSql w(d->fullText);
    src.conditions(w, f);
    return forEachRow(d, w, src, src.exportOrder, make, cb);
}

} // namespace

// ---- counts -------------------------------------------------------------------------------------

qint64 ArchiveReader::countUsers(const ArchiveFilter &f) const
{
    return countWhere(d, u"users u LEFT JOIN sync_state ss ON ss.user_id = u.id"_s, f, &ArchiveSql::userConditions);
}

qint64 ArchiveReader::countSessions(const ArchiveFilter &f) const
{
    return countWhere(d, u"sessions s"_s, f, &ArchiveSql::sessionConditions);
}

qint64 ArchiveReader::countTurns(const ArchiveFilter &f) const
{
    return countWhere(d, u"turns t"_s, f, [](ArchiveSql &w, const ArchiveFilter &filter) { w.turnConditions(filter); });
}

qint64 ArchiveReader::countInteractions(const ArchiveFilter &f) const
{
    return countWhere(d, u"interactions i"_s, f, &ArchiveSql::interactionConditions);
}

// ---- sessions and turns -------------------------------------------------------------------------

QList<SessionRow> ArchiveReader::sessions(const ArchiveFilter &f, SortSpec sort, int offset, int limit) const
{
    return viewRows<SessionRow>(d, sessionSource(), f, sort, offset, limit, sessionFrom);
}

QList<SessionRow> ArchiveReader::sessionsByKeys(const QList<qint64> &keys) const
{
    return rowsByKeys<SessionRow>(d, sessionSource(), keys, sessionFrom);
}

bool ArchiveReader::forEachSession(const ArchiveFilter &f, const std::function<bool(const SessionRow &)> &cb) const
{
    return viewStream<SessionRow>(d, sessionSource(), f, sessionFrom, cb);
}

QList<TurnRow> ArchiveReader::turns(const ArchiveFilter &f, SortSpec sort, int offset, int limit) const
{
    return viewRows<TurnRow>(d, turnSource(), f, sort, offset, limit, turnFrom);
}

QList<TurnRow> ArchiveReader::turnsByKeys(const QList<qint64> &keys) const
{
    return rowsByKeys<TurnRow>(d, turnSource(), keys, turnFrom);
}

bool ArchiveReader::forEachTurn(const ArchiveFilter &f, const std::function<bool(const TurnRow &)> &cb) const
{
    return viewStream<TurnRow>(d, turnSource(), f, turnFrom, cb);
}

// ---- row keys (the GUI's tables page by these) ----------------------------------------------------

QList<qint64> ArchiveReader::rowKeys(ArchiveView view, const ArchiveFilter &f, SortSpec sort,
                               const std::function<bool()> &cancelled) const
{
    switch (view) {
    case ArchiveView::Turns: return viewKeys(d, turnSource(), f, sort, cancelled);
    case ArchiveView::Sessions: return viewKeys(d, sessionSource(), f, sort, cancelled);
    case ArchiveView::Users: {   // a few thousand rows: the keys come with the rows
        QList<qint64> keys;
        users(f, sort, 0, -1, &keys);
        return keys;
    }
    }
    return {};
}

QList<qint64> ArchiveReader::firstRowKeys(ArchiveView view, const ArchiveFilter &f, SortSpec sort, int limit) const
{
    switch (view) {
    case ArchiveView::Turns: return viewKeys(d, turnSource(), f, sort, {}, std::max(0, limit));
    case ArchiveView::Sessions: return viewKeys(d, sessionSource(), f, sort, {}, std::max(0, limit));
    case ArchiveView::Users: return rowKeys(view, f, sort).mid(0, std::max(0, limit));
    }
    return {};
}

bool ArchiveState::ensureSortIndexes()
{
    // Idempotent, on every open; no schema version (an archive without them reads the same rows).
    static const char *const kSortIndexes[] = {
        "CREATE INDEX IF NOT EXISTS ix_turns_prompt_sort ON turns(substr(prompt_text, 1, 40) COLLATE NOCASE)",
        "CREATE INDEX IF NOT EXISTS ix_turns_response_sort ON turns(substr(response_text, 1, 40) COLLATE NOCASE)",
        "CREATE INDEX IF NOT EXISTS ix_sessions_first_prompt_sort ON sessions(substr(first_prompt, 1, 40) COLLATE NOCASE)",
    };
    static_assert(kSortPrefix == 40, "the index expressions above spell out kSortPrefix");
    for (const char *sql : kSortIndexes)
        if (!execSql(QString::fromLatin1(sql)))
            return false;
    return true;
}

// ---- interactions ---------------------------------------------------------------------------------

bool ArchiveReader::forEachInteraction(const ArchiveFilter &f, const std::function<bool(const Interaction &)> &cb) const
{
    ArchiveSql w(d->fullText);
    w.interactionConditions(f);
    QSqlQuery q(d->db);
    q.setForwardOnly(true);
    q.prepare(interactionColumns(true) + w.where() + u" ORDER BY i.user_id, i.created, i.id"_s);
    w.bindTo(q);
    if (!d->exec(q, u"Reading interactions"_s))
        return false;
    while (q.next())
        if (!cb(interactionFrom(q)))
            break;
    return !q.lastError().isValid();
}

QList<Interaction> ArchiveReader::sessionInteractions(const QString &userId, const QString &sessionId) const
{
    QSqlQuery q(d->db);
    q.setForwardOnly(true);
    q.prepare(interactionColumns(true) + u" WHERE i.user_id = ? AND i.session_key = ? ORDER BY i.created, i.id"_s);
    q.addBindValue(userId);
    q.addBindValue(sessionId);
    QList<Interaction> out;
    if (!d->exec(q, u"Reading a conversation"_s))
        return out;
    while (q.next()) {
        Interaction i = interactionFrom(q);
        i.json = QJsonDocument::fromJson(i.raw).object();
        out << i;
    }
    return out;
}

QList<DayActivity> ArchiveReader::activityByDay(const ArchiveFilter &f) const
{
    // (UTC day number, app, count) columns.
    const auto dayActivityFrom = [](const QSqlQuery &q) {
        return DayActivity{QDate(1970, 1, 1).addDays(q.value(0).toLongLong()), q.value(1).toString(), q.value(2).toLongLong()};
    };
    ArchiveSql w(d->fullText);
    QSqlQuery q(d->db);
    q.setForwardOnly(true);
    if (w.activityConditions(f)) {
        q.prepare(u"SELECT a.day, a.app_class, sum(a.n) FROM activity_daily a"_s + w.where()
                  + u" GROUP BY a.day, a.app_class ORDER BY a.day, a.app_class"_s);
    } else {
        w.interactionConditions(f);
        q.prepare(u"SELECT i.created / 86400000 AS day, i.app_class, count(*) FROM interactions i"_s + w.where()
                  + (w.where().isEmpty() ? u" WHERE"_s : u" AND"_s)
                  + u" i.created IS NOT NULL GROUP BY day, i.app_class ORDER BY day, i.app_class"_s);
    }
    w.bindTo(q);
    return d->rows(q, u"Reading activity"_s, dayActivityFrom);
}

QList<UserActivity> ArchiveReader::topUsers(const ArchiveFilter &f, int limit) const
{
    ArchiveSql w(d->fullText);
    QSqlQuery q(d->db);
    q.setForwardOnly(true);
    if (w.activityConditions(f)) {
        q.prepare(u"SELECT a.user_id, COALESCE(u.display_name, ''), sum(a.n) AS c FROM activity_daily a"
                  " LEFT JOIN users u ON u.id = a.user_id"_s + w.where()
                  + u" GROUP BY a.user_id ORDER BY c DESC, a.user_id LIMIT %1"_s.arg(qMax(0, limit)));
    } else {
        w.interactionConditions(f);
        q.prepare(u"SELECT i.user_id, COALESCE(u.display_name, ''), count(*) AS n FROM interactions i"
                  " LEFT JOIN users u ON u.id = i.user_id"_s + w.where()
                  + u" GROUP BY i.user_id ORDER BY n DESC, i.user_id LIMIT %1"_s.arg(qMax(0, limit)));
    }
    w.bindTo(q);
    return d->rows(q, u"Reading top users"_s, userActivityFrom);
}

bool ArchiveReader::forEachUnreadableItem(const QStringList &userIds,
                                          const std::function<bool(const QString &, const QByteArray &, const QString &)> &cb) const
{
    ArchiveSql w(false);
    ArchiveFilter only;
    only.userIds = userIds;
    w.interactionConditions(only);   // "i.user_id IN (…)" when userIds is not empty
    QSqlQuery q(d->db);
    q.setForwardOnly(true);
    q.prepare(u"SELECT i.user_id, CAST(i.raw AS BLOB), i.reason FROM unreadable_items i"_s + w.where()
              + u" ORDER BY i.user_id, i.seen, i.item_key"_s);
    w.bindTo(q);
    if (!d->exec(q, u"Reading unreadable items"_s))
        return false;
    while (q.next())
        if (!cb(q.value(0).toString(), q.value(1).toByteArray(), q.value(2).toString()))
            break;
    return !q.lastError().isValid();
}

} // namespace ledger
