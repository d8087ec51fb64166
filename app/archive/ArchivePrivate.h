#pragma once
// Internal state of Archive shared by its implementation files (not part of the public API).
#include "app/archive/Archive.h"
#include "app/detect/FindingScanner.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QVariant>
#include <memory>

namespace ledger {

struct Archive::Private {
    QString connectionName;
    QString path;
    QString lastError;
    QSqlDatabase db;
    bool fullText = false;
    int version = 0;
    // The detectors and watchlists new interactions are scanned with (archive/ArchiveFindings.cpp).
    std::shared_ptr<const detect::FindingScanner> scanner = std::make_shared<detect::FindingScanner>();

    // Scans one stored interaction (its rowid) and stores its findings of `scope`.
    bool storeFindings(const Interaction &i, qint64 rowid, int scope);
    QSqlQuery findingInsert;   // prepared by storeFindings on first use

    // Prepares (cached by Qt's driver per query object) and executes; records lastError.
    bool exec(QSqlQuery &q, const QString &what);
    bool execSql(const QString &sql);
    // The sort indexes of the tables' text columns (docs/ARCHITECTURE.md "Archive schema"):
    // CREATE INDEX IF NOT EXISTS, on every open, no schema version (archive/ArchiveReads.cpp).
    bool ensureSortIndexes();
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

// The interactions table's one row mapper (archive/ArchiveReads.cpp): "SELECT <its columns> FROM
// interactions i" (the raw JSON only withRaw; else it reads as empty) and the Interaction of a
// row of it. Add a condition after it ("… WHERE i.user_id = ?").
QString interactionColumns(bool withRaw);
Interaction interactionFrom(const QSqlQuery &q);

} // namespace ledger
