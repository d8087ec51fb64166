#pragma once
// Builds the WHERE clauses of the archive's views from an ArchiveFilter (internal helper).
#include "app/archive/ArchiveTypes.h"

#include <QSqlQuery>
#include <QVariantList>

namespace ledger {

class ArchiveSql {
public:
    explicit ArchiveSql(bool fullText) : m_fullText(fullText) {}

    // FTS5 MATCH expression of the search language's positive word/prefix clauses (archive/SearchQuery.h);
    // every token quoted. "" when there is none.
    static QString ftsExpression(const QString &text);
    static QStringList words(const QString &text);
    static QString direction(const SortSpec &s);              // " ASC" / " DESC"
    static QString pageClause(int offset, int limit);         // " LIMIT … OFFSET …" or ""

    // Conditions on turns t (date on t.time, apps, users, text).
    void turnConditions(const ArchiveFilter &f, bool withText = true);
    // Conditions on sessions s (date range overlaps [started, ended], apps, users, text).
    void sessionConditions(const ArchiveFilter &f);
    // Conditions on interactions i (date on i.created, apps, users, text via the turns).
    void interactionConditions(const ArchiveFilter &f);
    // Conditions on the per-day summary a (activity_daily) — only when the filter has no text and
    // its bounds fall on UTC midnights; returns false (and adds nothing) otherwise.
    bool activityConditions(const ArchiveFilter &f, const QString &alias = QStringLiteral("a"));
    // Users view: statuses (ss = sync_state), users, text (users having a matching turn in range).
    void userConditions(const ArchiveFilter &f);

    QString where() const { return m_conds.isEmpty() ? QString() : QStringLiteral(" WHERE ") + m_conds.join(QStringLiteral(" AND ")); }
    QString andConditions() const { return m_conds.isEmpty() ? QString() : QStringLiteral(" AND ") + m_conds.join(QStringLiteral(" AND ")); }
    const QVariantList &binds() const { return m_binds; }
    void bindTo(QSqlQuery &q) const;

    void add(const QString &cond, const QVariantList &binds = {});

    // The condition on a findings row (alias) for ArchiveFilter::findings; "" for "" and "any".
    // Names are written as SQL string literals (quotes doubled), never as SQL.
    static QString findingMatch(const QString &alias, const QString &spec);

    // The review record of turn `t` / session `s` (review/ReviewSchema.cpp): a scalar subquery of
    // one of its fields ("status", "note"; NULL when it has no record), and its case names
    // (newline-separated, NULL when none).
    static QString turnReviewField(const QString &t, const QString &field);
    static QString turnReviewCases(const QString &t);
    static QString sessionReviewField(const QString &s, const QString &field);
    static QString sessionReviewCases(const QString &s);
    // The condition "turn `turnAlias` is in the review case `name`" (a turn of the case, or a turn
    // of a session of the case); the name is bound.
    QString turnInCase(const QString &turnAlias, const QString &name);

private:
    // The filter's date range (a row is in it when endColumn >= from and startColumn < to), apps
    // and users, on the table `alias` (its app_class and user_id columns).
    void rangeAppsUsers(const ArchiveFilter &f, const QString &endColumn, const QString &startColumn, const QString &alias);
    QString inList(const QString &column, const QStringList &values);
    QString textCondition(const QString &turnAlias, const QString &text);
    // EXISTS (a finding of the spec in the interactions `interactions` of user `user`).
    void findingsCondition(const QString &user, const QString &interactionMatch, const QString &spec);
    // The review conditions of f on turn `t` (ArchiveFilter::reviewStatuses …); "" when none.
    QString turnReviewCondition(const QString &t, const ArchiveFilter &f);
    QString sessionReviewCondition(const ArchiveFilter &f);

    bool m_fullText;
    QStringList m_conds;
    QVariantList m_binds;
};

} // namespace ledger
