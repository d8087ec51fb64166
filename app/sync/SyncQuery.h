#pragma once
// Graph request shapes used by the sync engine (docs/GRAPH.md): the /users query and the
// interaction-history $filter. Pure functions, unit-testable without a server.
#include <QDateTime>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

namespace ledger::syncquery {

using Query = QList<QPair<QString, QString>>;

QString usersPath();                       // "users"
Query usersQuery();                        // $select=…,assignedPlans&$top=999
// Deleted users still in the directory's recycle bin (same permission and paging as /users).
QString deletedUsersPath();                // "directory/deletedItems/microsoft.graph.user"
Query deletedUsersQuery();                 // usersQuery()'s $select plus deletedDateTime
QString interactionsPath(const QString &userId);
// $top=100 plus, when filtered, `createdDateTime gt A and createdDateTime lt B[ and (appClass eq …)]`.
// The bounds are widened to whole seconds (A = floor(start) − 1 s, B = ceil(end)) so that the
// strict gt/lt of Graph can never drop an item at exactly `start`; the engine filters precisely
// on the client ([start, end), see inRange()).
Query interactionsQuery(const QDateTime &start, const QDateTime &end, const QStringList &appClasses,
                        bool withFilter);
QString filterExpression(const QDateTime &start, const QDateTime &end, const QStringList &appClasses);
QString filterTime(const QDateTime &t);    // 2025-01-01T00:00:00Z (whole seconds)

// Client-side filter: start <= created < end and (appClasses empty or appClass listed).
bool inRange(const QDateTime &created, const QString &appClass, const QDateTime &start,
             const QDateTime &end, const QStringList &appClasses);

} // namespace ledger::syncquery
