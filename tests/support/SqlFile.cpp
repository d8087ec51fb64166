#include "SqlFile.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <atomic>

using namespace Qt::StringLiterals;

namespace ledger::test {

namespace {

// A connection name no other call uses (connections are per thread and name).
QString connectionName()
{
    static std::atomic<int> n{0};
    return u"ledger-test-sql-%1"_s.arg(++n);
}

} // namespace

bool execSql(const QString &path, const QStringList &statements, QString *error)
{
    const QString name = connectionName();
    bool ok = true;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(path);
        if (!db.open()) {
            ok = false;
            if (error)
                *error = path + u": "_s + db.lastError().text();
        }
        QSqlQuery q(db);
        for (const QString &s : statements) {
            if (!ok)
                break;
            if (!q.exec(s)) {
                ok = false;
                if (error)
                    *error = s + u": "_s + q.lastError().text();
            }
        }
        q.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}

QVariantList queryFirstValues(const QString &path, const QStringList &queries)
{
    QVariantList values(queries.size());
    const QString name = connectionName();
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(path);
        db.setConnectOptions(u"QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=2000"_s);
        if (db.open()) {
            QSqlQuery q(db);
            for (qsizetype k = 0; k < queries.size(); ++k) {
                if (q.exec(queries.at(k)) && q.next())
                    values[k] = q.value(0);
            }
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return values;
}

} // namespace ledger::test
