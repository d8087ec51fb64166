#pragma once
// SQL on an archive file behind Archive's back, through a connection of its own: what a test
// needs to tamper with an archive, make it look older, or count what another process stored.
#include <QString>
#include <QStringList>
#include <QVariantList>

namespace ledger::test {

// Runs `statements` in order on the SQLite file `path`. Stops at the first that fails: false,
// with that statement and SQLite's error in *error (when given).
bool execSql(const QString &path, const QStringList &statements, QString *error = nullptr);

// The first column of the first row of each of `queries`, run on `path` opened read-only (a
// writer's lock is waited for up to 2 s). An invalid QVariant for a query that fails or gives
// no row; all invalid when the file does not open.
QVariantList queryFirstValues(const QString &path, const QStringList &queries);

} // namespace ledger::test
