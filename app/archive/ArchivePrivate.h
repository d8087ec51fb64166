#pragma once
// The state of one archive connection, shared by Archive and the parts it hands out (reader,
// writer, findings, export log): internal to app/archive, not part of the public API.
#include "app/archive/Archive.h"
#include "app/archive/ArchiveColumns.h"
#include "app/detect/FindingScanner.h"

#include <QLoggingCategory>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QVariant>
#include <memory>

namespace ledger {

Q_DECLARE_LOGGING_CATEGORY(lcArchive)

struct ArchiveState {
    Archive *owner = nullptr;   // the Archive this is the state of (the activity log takes it)
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
    // Stores these findings of one stored interaction (storeFindings, FindingsStore::rescan).
    bool insertFindings(qint64 rowid, const Interaction &i, const QList<detect::Finding> &found);
    QSqlQuery findingInsert;   // prepared by insertFindings on first use

    // Prepares (cached by Qt's driver per query object) and executes; records lastError.
    bool exec(QSqlQuery &q, const QString &what);
    bool execSql(const QString &sql);
    // Executes the prepared query and maps each of its rows (a table's row mapper); empty when it
    // fails (lastError says why, prefixed with `what`).
    template <typename Map>
    auto rows(QSqlQuery &q, const QString &what, Map map) -> QList<decltype(map(q))>
    {
        QList<decltype(map(q))> out;
        if (exec(q, what))
            while (q.next())
                out << map(q);
        return out;
    }
    // The sort indexes of the tables' text columns (docs/ARCHITECTURE.md "Archive schema"):
    // CREATE INDEX IF NOT EXISTS, on every open, no schema version (archive/ArchiveReads.cpp).
    bool ensureSortIndexes();
    QSqlQuery query() const { return QSqlQuery(db); }
    bool isOpen() const { return db.isOpen(); }
};

// The interactions table's one row mapper (archive/ArchiveReads.cpp): "SELECT <its columns> FROM
// interactions i" (the raw JSON only withRaw; else it reads as empty) and the Interaction of a
// row of it. Add a condition after it ("… WHERE i.user_id = ?").
QString interactionColumns(bool withRaw);
Interaction interactionFrom(const QSqlQuery &q);
// Per-user counts: (user id, display name, count) columns (top users, top users by findings).
inline UserActivity userActivityFrom(const QSqlQuery &q)
{
    return UserActivity{q.value(0).toString(), q.value(1).toString(), q.value(2).toLongLong()};
}

} // namespace ledger
