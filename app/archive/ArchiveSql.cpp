#include "app/archive/ArchiveSql.h"
#include "app/archive/SearchQuery.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace ledger {

namespace {
// A LIKE pattern for "contains w" (to use with ESCAPE '\'): LIKE's own characters escaped.
QString containsPattern(QString w)
{
    w.replace(u'\\', "\\\\"_L1).replace(u'%', "\\%"_L1).replace(u'_', "\\_"_L1);
    return u"%"_s + w + u"%"_s;
}

// The review-note part of a filter (ArchiveFilter::reviewNote: "*" = has a note, other text = the
// note contains it) over the SQL expression of the note; "" = no condition.
QString noteCondition(const QString &noteExpr, const QString &note, QVariantList &binds)
{
    if (note.isEmpty())
        return QString();
    if (note == u"*")
        return u"COALESCE("_s + noteExpr + u", '') <> ''"_s;
    binds << containsPattern(note);
    return u"COALESCE("_s + noteExpr + u", '') LIKE ? ESCAPE '\\'"_s;
}
} // namespace

QString ArchiveSql::direction(const SortSpec &s)
{
    return s.order == Qt::DescendingOrder ? u" DESC"_s : u" ASC"_s;
}

QString ArchiveSql::pageClause(int offset, int limit)
{
    if (limit < 0 && offset <= 0)
        return QString();
    return u" LIMIT %1 OFFSET %2"_s.arg(limit < 0 ? -1 : limit).arg(qMax(0, offset));
}

QStringList ArchiveSql::words(const QString &text)
{
    return text.simplified().split(u' ', Qt::SkipEmptyParts);
}

QString ArchiveSql::ftsExpression(const QString &text)
{
    // The positive word and prefix terms of the search language as one FTS5 expression (every
    // token quoted: nothing typed is FTS syntax); phrases and exclusions are left out (they are
    // SQL conditions of their own, see textCondition). "" when there is no such term.
    SearchQuery q;
    if (!SearchQuery::parse(text, &q))
        return QString();
    QStringList clauses;
    for (const QList<SearchTerm> &clause : q.clauses()) {
        QStringList alternatives;
        bool plain = true;
        for (const SearchTerm &t : clause) {
            plain = plain && !t.negated && t.kind != SearchTerm::Phrase;
            alternatives << SearchQuery::ftsTerm(t);
        }
        if (plain)
            clauses << (alternatives.size() > 1 ? u"("_s + alternatives.join(u" OR "_s) + u")"_s : alternatives.first());
    }
    return clauses.join(u" AND "_s);
}

void ArchiveSql::add(const QString &cond, const QVariantList &binds)
{
    m_conds << cond;
    m_binds << binds;
}

void ArchiveSql::bindTo(QSqlQuery &q) const
{
    for (const QVariant &v : m_binds)
        q.addBindValue(v);
}

QString ArchiveSql::inList(const QString &column, const QStringList &values)
{
    QStringList marks;
    for (const QString &v : values) {
        marks << u"?"_s;
        m_binds << v;
    }
    return column + u" IN ("_s + marks.join(u',') + u")"_s;
}

QString ArchiveSql::textCondition(const QString &t, const QString &text)
{
    SearchQuery q;
    if (!SearchQuery::parse(text, &q))
        return u"0"_s;   // the window and the CLI check the syntax first; a bad query finds nothing
    if (q.isEmpty())
        return QString();
    auto inText = [&](const QString &needle) -> QString {
        const QString pattern = containsPattern(needle);
        m_binds << pattern << pattern;
        // COALESCE: a turn without a response has NULL there, and NOT (… OR NULL) would drop it.
        return u"(COALESCE("_s + t + u".prompt_text, '') LIKE ? ESCAPE '\\' OR COALESCE("_s + t
            + u".response_text, '') LIKE ? ESCAPE '\\')"_s;
    };
    auto ftsMatch = [&](const QString &expr) -> QString {
        m_binds << expr;
        return t + u".tid IN (SELECT rowid FROM turns_fts WHERE turns_fts MATCH ?)"_s;
    };
    QStringList parts;
    if (m_fullText) {
        // Every clause of positive words in one MATCH (fast path, the common case).
        const QString plain = ftsExpression(text);
        if (!plain.isEmpty())
            parts << ftsMatch(plain);
    }
    for (const QList<SearchTerm> &clause : q.clauses()) {
        bool plain = true;
        for (const SearchTerm &term : clause)
            plain = plain && !term.negated && term.kind != SearchTerm::Phrase;
        if (plain && m_fullText)
            continue;   // in the MATCH above
        QStringList alternatives;
        for (const SearchTerm &term : clause) {
            QString c;
            if (!m_fullText) {
                // LIKE fallback: a word or phrase anywhere in the text (A–Z case ignored).
                if (term.kind == SearchTerm::Phrase) {
                    c = inText(term.text);
                } else {
                    QStringList each;
                    for (const QString &tok : term.tokens)
                        each << inText(tok);
                    c = each.join(" AND "_L1);
                }
            } else if (term.kind == SearchTerm::Phrase) {
                // The index has no positions (detail=none): its words through the index, their
                // order through the text.
                SearchTerm words = term;
                words.kind = SearchTerm::Word;
                const QString indexed = ftsMatch(SearchQuery::ftsTerm(words));   // binds in this order
                const QString ordered = inText(term.text);
                c = u"("_s + indexed + u" AND "_s + ordered + u")"_s;
            } else {
                c = ftsMatch(SearchQuery::ftsTerm(term));
            }
            alternatives << (term.negated ? u"NOT "_s + c : c);
        }
        parts << (alternatives.size() > 1 ? u"("_s + alternatives.join(" OR "_L1) + u")"_s : alternatives.first());
    }
    return parts.join(" AND "_L1);
}

QString ArchiveSql::findingMatch(const QString &a, const QString &spec)
{
    auto literal = [](QString v) -> QString { return u"'"_s + v.replace(u'\'', u"''"_s) + u"'"_s; };
    if (spec.isEmpty() || spec == u"any")
        return QString();
    if (spec == u"sensitive")
        return a + u".kind = 0"_s;
    if (spec == u"watchlist")
        return a + u".kind = 1"_s;
    if (spec.startsWith(u"sensitive:"))
        return a + u".kind = 0 AND "_s + a + u".detector = "_s + literal(spec.mid(10));
    if (spec.startsWith(u"watchlist:"))
        return a + u".kind = 1 AND "_s + a + u".detector = "_s + literal(spec.mid(10));
    return u"0"_s;   // not a findings filter: matches nothing rather than everything
}

void ArchiveSql::findingsCondition(const QString &user, const QString &interactionMatch, const QString &spec)
{
    if (spec.isEmpty())
        return;
    const QString m = findingMatch(u"fd"_s, spec);
    m_conds << u"EXISTS (SELECT 1 FROM findings fd WHERE fd.user_id = "_s + user + u" AND "_s + interactionMatch
            + (m.isEmpty() ? QString() : u" AND "_s + m) + u")"_s;
}

namespace {
// A turn's review is recorded under its prompt's id, or its response's when it had no prompt
// (ReviewStore::turnRef); the prompt's record wins when both exist.
QString turnItemMatch(const QString &r, const QString &t)
{
    return r + u".user_id = "_s + t + u".user_id AND "_s + r + u".kind = 1 AND ("_s + r + u".item_id = "_s + t
        + u".prompt_id OR ("_s + r + u".item_id = "_s + t + u".response_id AND "_s + t + u".response_id <> ''))"_s;
}
} // namespace

QString ArchiveSql::turnReviewField(const QString &t, const QString &field)
{
    // The prompt's record first (SQLite does not allow an outer column in a subquery's ORDER BY).
    const QString own = u"(SELECT r."_s + field + u" FROM review_items r WHERE r.user_id = "_s + t + u".user_id AND r.kind = 1 AND r.item_id = "_s;
    return u"COALESCE("_s + own + t + u".prompt_id), "_s + own + t + u".response_id AND "_s + t + u".response_id <> ''))"_s;
}

QString ArchiveSql::turnReviewCases(const QString &t)
{
    return u"(SELECT group_concat(rc.case_name, char(10)) FROM review_item_cases rc WHERE "_s + turnItemMatch(u"rc"_s, t) + u")"_s;
}

QString ArchiveSql::sessionReviewField(const QString &s, const QString &field)
{
    return u"(SELECT r."_s + field + u" FROM review_items r WHERE r.user_id = "_s + s + u".user_id AND r.kind = 2"
           " AND r.item_id = "_s + s + u".session_key)"_s;
}

QString ArchiveSql::sessionReviewCases(const QString &s)
{
    return u"(SELECT group_concat(rc.case_name, char(10)) FROM review_item_cases rc WHERE rc.user_id = "_s + s
        + u".user_id AND rc.kind = 2 AND rc.item_id = "_s + s + u".session_key)"_s;
}

QString ArchiveSql::turnReviewCondition(const QString &t, const ArchiveFilter &f)
{
    QStringList parts;
    if (!f.reviewStatuses.isEmpty())
        parts << inList(u"COALESCE("_s + turnReviewField(t, u"status"_s) + u", 'unreviewed')"_s, f.reviewStatuses);
    if (!f.reviewCase.isEmpty())
        parts << turnInCase(t, f.reviewCase);   // the turn, or its session, is in the case
    if (const QString note = noteCondition(turnReviewField(t, u"note"_s), f.reviewNote, m_binds); !note.isEmpty())
        parts << note;
    return parts.join(" AND "_L1);
}

QString ArchiveSql::sessionReviewCondition(const ArchiveFilter &f)
{
    // The session's own record, or one of its turns'.
    QStringList parts;
    if (!f.reviewStatuses.isEmpty())
        parts << inList(u"COALESCE("_s + sessionReviewField(u"s"_s, u"status"_s) + u", 'unreviewed')"_s, f.reviewStatuses);
    if (!f.reviewCase.isEmpty()) {
        parts << u"EXISTS (SELECT 1 FROM review_item_cases rc WHERE rc.user_id = s.user_id AND rc.kind = 2"
                 " AND rc.item_id = s.session_key AND rc.case_name = ?)"_s;
        m_binds << f.reviewCase;
    }
    if (const QString note = noteCondition(sessionReviewField(u"s"_s, u"note"_s), f.reviewNote, m_binds); !note.isEmpty())
        parts << note;
    const QString own = parts.join(" AND "_L1);
    const QString turn = turnReviewCondition(u"t2"_s, f);   // binds after the session's: same order as the SQL
    return u"(("_s + own + u") OR EXISTS (SELECT 1 FROM turns t2 WHERE t2.user_id = s.user_id"
           " AND t2.session_key = s.session_key AND "_s + turn + u"))"_s;
}

QString ArchiveSql::turnInCase(const QString &t, const QString &name)
{
    m_binds << name;
    // review_item_cases (review/ReviewSchema.cpp): kind 1 = a turn named by its prompt's id (or its
    // response's), kind 2 = a session named by its session key.
    return u"EXISTS (SELECT 1 FROM review_item_cases rc WHERE rc.case_name = ? AND rc.user_id = "_s + t
        + u".user_id AND ((rc.kind = 1 AND (rc.item_id = "_s + t + u".prompt_id OR (rc.item_id = "_s + t
        + u".response_id AND "_s + t + u".response_id <> ''))) OR (rc.kind = 2 AND rc.item_id = "_s + t
        + u".session_key)))"_s;
}

void ArchiveSql::rangeAppsUsers(const ArchiveFilter &f, const QString &endColumn, const QString &startColumn,
                                const QString &alias)
{
    if (f.from.isValid())
        add(endColumn + u" >= ?"_s, {f.from.toMSecsSinceEpoch()});
    if (f.to.isValid())
        add(startColumn + u" < ?"_s, {f.to.toMSecsSinceEpoch()});
    if (!f.appClasses.isEmpty())
        m_conds << inList(alias + u".app_class"_s, f.appClasses);
    if (!f.userIds.isEmpty())
        m_conds << inList(alias + u".user_id"_s, f.userIds);
}

void ArchiveSql::turnConditions(const ArchiveFilter &f, bool withText)
{
    rangeAppsUsers(f, u"t.time"_s, u"t.time"_s, u"t"_s);
    if (withText && !f.text.trimmed().isEmpty()) {
        const QString c = textCondition(u"t"_s, f.text);
        if (!c.isEmpty())
            m_conds << c;
    }
    findingsCondition(u"t.user_id"_s, u"fd.interaction_id IN (t.prompt_id, t.response_id)"_s, f.findings);
    if (f.hasReviewConditions())
        m_conds << turnReviewCondition(u"t"_s, f);
}

void ArchiveSql::sessionConditions(const ArchiveFilter &f)
{
    // A session is in a date range when it overlaps it: ended >= from and started < to.
    rangeAppsUsers(f, u"s.ended"_s, u"s.started"_s, u"s"_s);
    if (!f.text.trimmed().isEmpty()) {
        const QString c = textCondition(u"t"_s, f.text);
        if (!c.isEmpty())
            m_conds << u"(s.user_id, s.session_key) IN (SELECT t.user_id, t.session_key FROM turns t WHERE "_s + c + u")"_s;
    }
    findingsCondition(u"s.user_id"_s, u"fd.session_key = s.session_key"_s, f.findings);
    if (f.hasReviewConditions())
        m_conds << sessionReviewCondition(f);
}

void ArchiveSql::interactionConditions(const ArchiveFilter &f)
{
    rangeAppsUsers(f, u"i.created"_s, u"i.created"_s, u"i"_s);
    if (!f.text.trimmed().isEmpty()) {
        const QString c = textCondition(u"t"_s, f.text);
        if (!c.isEmpty())
            m_conds << u"EXISTS (SELECT 1 FROM turns t WHERE t.user_id = i.user_id AND t.session_key = i.session_key"
                       " AND (t.prompt_id = i.id OR t.response_id = i.id OR (i.request_id <> '' AND t.request_id = i.request_id))"
                       " AND "_s + c + u")"_s;
    }
    findingsCondition(u"i.user_id"_s, u"fd.interaction_id = i.id"_s, f.findings);
    if (!f.reviewCase.isEmpty()) {
        // The interactions of the case's turns: each turn's prompt and its response(s).
        const QString c = turnInCase(u"ct"_s, f.reviewCase);
        m_conds << u"EXISTS (SELECT 1 FROM turns ct WHERE ct.user_id = i.user_id AND ct.session_key = i.session_key"
                   " AND (ct.prompt_id = i.id OR ct.response_id = i.id OR (i.request_id <> '' AND ct.request_id = i.request_id))"
                   " AND "_s + c + u")"_s;
    }
}

bool ArchiveSql::activityConditions(const ArchiveFilter &f, const QString &a)
{
    constexpr qint64 kDay = 86400000;
    auto aligned = [](const QDateTime &t) { return !t.isValid() || t.toMSecsSinceEpoch() % kDay == 0; };
    if (!f.text.trimmed().isEmpty() || !f.findings.isEmpty() || !f.reviewCase.isEmpty() || !aligned(f.from)
        || !aligned(f.to))
        return false;
    if (f.from.isValid())
        add(a + u".day >= ?"_s, {f.from.toMSecsSinceEpoch() / kDay});
    if (f.to.isValid())
        add(a + u".day < ?"_s, {f.to.toMSecsSinceEpoch() / kDay});
    if (!f.appClasses.isEmpty())
        m_conds << inList(a + u".app_class"_s, f.appClasses);
    if (!f.userIds.isEmpty())
        m_conds << inList(a + u".user_id"_s, f.userIds);
    return true;
}

void ArchiveSql::userConditions(const ArchiveFilter &f)
{
    if (!f.statuses.isEmpty()) {
        QStringList keys;
        for (UserStatus s : f.statuses)
            keys << (s == UserStatus::Unknown ? u""_s : userStatusKey(s));   // never synced: '' (non-null)
        m_conds << inList(u"COALESCE(ss.status, '')"_s, keys);
    }
    if (!f.userIds.isEmpty())
        m_conds << inList(u"u.id"_s, f.userIds);
    for (const QString &w : words(f.userText)) {
        const QString pattern = containsPattern(w);
        QStringList any;
        for (const char *column : {"u.display_name", "u.upn", "u.mail", "u.department"}) {
            any << QLatin1StringView(column) + u" LIKE ? ESCAPE '\\'"_s;
            m_binds << pattern;
        }
        m_conds << u"("_s + any.join(" OR "_L1) + u")"_s;
    }
    if (!f.text.trimmed().isEmpty() || !f.findings.isEmpty() || !f.reviewCase.isEmpty()) {
        ArchiveFilter turnFilter = f;
        turnFilter.userIds.clear();
        ArchiveSql sub(m_fullText);
        sub.turnConditions(turnFilter);
        m_conds << u"u.id IN (SELECT t.user_id FROM turns t"_s + sub.where() + u")"_s;
        m_binds << sub.binds();
    }
}

} // namespace ledger
