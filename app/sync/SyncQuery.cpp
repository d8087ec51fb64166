#include "app/sync/SyncQuery.h"

#include "app/graph/GraphClient.h"



using namespace Qt::StringLiterals;

namespace ledger::syncquery {

QString usersPath()
{
    return u"users"_s;
}

Query usersQuery()
{
    return {{u"$select"_s,
             u"id,displayName,userPrincipalName,mail,department,jobTitle,accountEnabled,userType,assignedPlans"_s},
            {u"$top"_s, u"999"_s}};
}

QString deletedUsersPath()
{
    return u"directory/deletedItems/microsoft.graph.user"_s;
}

Query deletedUsersQuery()
{
    Query q = usersQuery();
    q[0].second += u",deletedDateTime"_s;
    return q;
}

QString interactionsPath(const QString &userId)
{
    return u"copilot/users/"_s + GraphClient::pathSegment(userId) + u"/interactionHistory/getAllEnterpriseInteractions"_s;
}

QString filterTime(const QDateTime &t)
{
    return t.toUTC().toString(u"yyyy-MM-ddTHH:mm:ss"_s) + u'Z';
}

static QDateTime floorSecond(const QDateTime &t)
{
    const qint64 ms = t.toMSecsSinceEpoch();
    return QDateTime::fromMSecsSinceEpoch(ms - ((ms % 1000) + 1000) % 1000, Qt::UTC);
}

QString filterExpression(const QDateTime &start, const QDateTime &end, const QStringList &appClasses)
{
    const QDateTime lower = floorSecond(start).addSecs(-1);
    QDateTime upper = floorSecond(end);
    if (upper < end)
        upper = upper.addSecs(1);
    QString f = u"createdDateTime gt "_s + filterTime(lower) + u" and createdDateTime lt "_s
        + filterTime(upper);
    if (!appClasses.isEmpty()) {
        QStringList terms;
        for (const QString &c : appClasses) {
            QString v = c;
            v.replace(u'\'', u"''"_s);
            terms << u"appClass eq '"_s + v + u'\'';
        }
        f += u" and ("_s + terms.join(u" or "_s) + u')';
    }
    return f;
}

Query interactionsQuery(const QDateTime &start, const QDateTime &end, const QStringList &appClasses,
                        bool withFilter)
{
    Query q{{u"$top"_s, u"100"_s}};
    if (withFilter)
        q.append({u"$filter"_s, filterExpression(start, end, appClasses)});
    return q;
}

bool inRange(const QDateTime &created, const QString &appClass, const QDateTime &start,
             const QDateTime &end, const QStringList &appClasses)
{
    if (!created.isValid())
        return false;
    if (start.isValid() && created < start)
        return false;
    if (end.isValid() && created >= end)
        return false;
    return appClasses.isEmpty() || appClasses.contains(appClass);
}

} // namespace ledger::syncquery
