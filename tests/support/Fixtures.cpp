#include "Fixtures.h"

#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;

namespace ledger::test {

QJsonObject interactionJson(const QString &id, const QJsonValue &sessionId, const QJsonValue &requestId,
                            const QString &appClass, const QString &type, const QDateTime &when,
                            const QString &contentType, const QString &content)
{
    return QJsonObject{{u"id"_s, id},
                       {u"sessionId"_s, sessionId},
                       {u"requestId"_s, requestId},
                       {u"appClass"_s, appClass},
                       {u"interactionType"_s, type},
                       {u"createdDateTime"_s, when.toString(Qt::ISODateWithMs)},
                       {u"body"_s, QJsonObject{{u"contentType"_s, contentType}, {u"content"_s, content}}}};
}

QByteArray compactJson(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

Interaction interactionOf(const QString &userId, const QJsonObject &o)
{
    return Interaction::fromRaw(userId, compactJson(o));
}

User makeUser(const QString &id, const QString &displayName, const QString &userPrincipalName)
{
    User u;
    return sameAs(u, id, displayName, userPrincipalName);
}

User sameAs(const User &base, const QString &id, const QString &displayName, const QString &userPrincipalName)
{
    User u = base;
    u.id = id;
    u.displayName = displayName;
    u.userPrincipalName = userPrincipalName;
    return u;
}

SyncState syncState(const QString &userId, UserStatus status, const QString &lastError)
{
    SyncState s;
    s.userId = userId;
    s.status = status;
    s.lastError = lastError;
    return s;
}

detect::Watchlist watchlist(const QString &name, const QString &text)
{
    detect::Watchlist w;
    QString error;
    if (!detect::Watchlist::parse(name, text, &w, &error))
        qFatal("bad watchlist %s: %s", qPrintable(name), qPrintable(error));
    return w;
}

void addFullTextSearchRows()
{
    QTest::addColumn<bool>("fts");
    QTest::newRow("fts5") << true;
    QTest::newRow("like-fallback") << false;
}

DemoTenantSpec demoTenant(int users, int interactions)
{
    DemoTenantSpec spec;
    spec.users = users;
    spec.interactions = interactions;
    return spec;
}

} // namespace ledger::test
