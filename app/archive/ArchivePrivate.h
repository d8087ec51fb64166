#pragma once
// Internal state of Archive shared by its implementation files (not part of the public API).
#include "archive/Archive.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QVariant>

namespace ledger {

struct Archive::Private {
    QString connectionName;
    QString path;
    QString lastError;
    QSqlDatabase db;
    bool fullText = false;
    int version = 0;

    // Prepares (cached by Qt's driver per query object) and executes; records lastError.
    bool exec(QSqlQuery &q, const QString &what);
    bool execSql(const QString &sql);
    QSqlQuery query() const { return QSqlQuery(db); }
};

// Column values <-> storage.
inline QVariant timeValue(const QDateTime &t)
{
    return t.isValid() ? QVariant(t.toMSecsSinceEpoch()) : QVariant(QMetaType(QMetaType::LongLong));
}
inline QDateTime timeFromValue(const QVariant &v)
{
    return v.isNull() ? QDateTime() : QDateTime::fromMSecsSinceEpoch(v.toLongLong(), Qt::UTC);
}
inline int typeCode(InteractionType t)
{
    return t == InteractionType::UserPrompt ? 1 : t == InteractionType::AiResponse ? 2 : 0;
}
inline InteractionType typeFromCode(int c)
{
    return c == 1 ? InteractionType::UserPrompt : c == 2 ? InteractionType::AiResponse : InteractionType::Unknown;
}

} // namespace ledger
