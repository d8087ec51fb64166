#include "app/about/ComponentVersions.h"

#include <QDir>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QUuid>

namespace ledger::ComponentVersions {

QString application()
{
    return QStringLiteral(LEDGER_VERSION);
}

QString qtRuntime()
{
    return QString::fromLatin1(qVersion());
}

QString qtBuild()
{
    return QStringLiteral(QT_VERSION_STR);
}

QString qtKeychain()
{
#ifdef LEDGER_QTKEYCHAIN_VERSION
    return QStringLiteral(LEDGER_QTKEYCHAIN_VERSION);
#else
    return QStringLiteral("unknown");
#endif
}

QString sqlite()
{
    static QString cached;
    if (!cached.isEmpty() || !QSqlDatabase::isDriverAvailable(QStringLiteral("QSQLITE")))
        return cached;
    const QString name = QStringLiteral("ledger-version-probe-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(QStringLiteral(":memory:"));
        if (db.open()) {
            QSqlQuery q(db);
            if (q.exec(QStringLiteral("SELECT sqlite_version()")) && q.next())
                cached = q.value(0).toString();
            q.finish();
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(name);
    return cached;
}

QString dataFolder()
{
    return QDir::toNativeSeparators(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation));
}

} // namespace ledger::ComponentVersions
