// The archive's connection: opening (file permissions, pragmas, migrations, full-text index),
// closing, forgetting the tenant's data.
#include "app/archive/Archive.h"

#include "app/archive/ActivityLog.h"
#include "app/archive/ArchiveFiles.h"
#include "app/archive/ArchivePrivate.h"
#include "app/archive/ArchiveSchema.h"
#include "app/model/PrivateFiles.h"
#include "app/model/TextFidelity.h"

#include <QAtomicInt>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QSqlError>
#include <QStandardPaths>
#include <atomic>

using namespace Qt::StringLiterals;

namespace ledger {

Q_LOGGING_CATEGORY(lcArchive, "ledger.archive")

namespace {

QAtomicInt g_connectionCounter;
std::atomic_bool g_ftsDisabled{false};

constexpr QFile::Permissions kOwnerFile = QFile::ReadOwner | QFile::WriteOwner;
} // namespace

bool ArchiveState::exec(QSqlQuery &q, const QString &what)
{
    // The one place where bound values reach SQLite: unpaired surrogates become U+FFFD here
    // (see model/TextFidelity.h) for every text column — bodies, names, full-text index.
    const QVariantList bound = q.boundValues();
    for (qsizetype i = 0; i < bound.size(); ++i) {
        const QVariant &v = bound.at(i);
        if (v.metaType().id() == QMetaType::QString) {
            const QString text = v.toString();
            if (hasUnpairedSurrogate(text))
                q.bindValue(int(i), replaceUnpairedSurrogates(text));
        }
    }
    if (q.exec())
        return true;
    lastError = what + u": "_s + q.lastError().text();
    qCWarning(lcArchive).noquote() << lastError;
    return false;
}

bool ArchiveState::execSql(const QString &sql)
{
    QSqlQuery q(db);
    if (q.exec(sql))
        return true;
    lastError = q.lastError().text() + u" ("_s + sql.left(80) + u")"_s;
    qCWarning(lcArchive).noquote() << lastError;
    return false;
}

Archive::Archive() : d(new ArchiveState), m_writer(d), m_reader(d), m_findings(d), m_exportLog(d)
{
    d->owner = this;
}

Archive::~Archive()
{
    close();
    delete d;
}

QString Archive::defaultPath(const QString &profileId)
{
    const QString base = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    return base + u"/archives/"_s + profileId + u".sqlite"_s;
}

void Archive::setFullTextSearchDisabledForTesting(bool disabled)
{
    g_ftsDisabled = disabled;
}

bool Archive::open(const QString &path, QString *error)
{
    close();
    d->lastError.clear();
    auto fail = [&](const QString &message) {
        d->lastError = message;
        if (error)
            *error = message;
        close();
        return false;
    };
    // New files and folders are private from their creation (umask 077); existing ones are
    // tightened (an archive folder made by an older version, or by a caller, may be 0755).
    privatefiles::restrictNewFiles();
    const QFileInfo info(path);
    QDir dir = info.absoluteDir();
    if (!dir.exists() && !dir.mkpath(u"."_s))
        return fail(u"Cannot create the archive folder %1."_s.arg(QDir::toNativeSeparators(dir.path())));
    privatefiles::tightenFolder(dir.path());
    if (!info.exists()) {
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly | QIODevice::NewOnly, kOwnerFile))
            return fail(u"Cannot create the archive %1: %2"_s.arg(QDir::toNativeSeparators(path), f.errorString()));
        f.close();
    }
    privatefiles::tightenFile(path);
    for (const QString &suffix : {u"-wal"_s, u"-shm"_s, u"-journal"_s})
        if (QFile::exists(path + suffix))
            privatefiles::tightenFile(path + suffix);

    d->path = path;
    d->connectionName = u"ledger-archive-%1"_s.arg(g_connectionCounter.fetchAndAddRelaxed(1));
    d->db = QSqlDatabase::addDatabase(u"QSQLITE"_s, d->connectionName);
    d->db.setDatabaseName(path);
    d->db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=10000"_s);
    archivefiles::connectionOpened(path);   // counted until close(), even if open() fails below
    if (!d->db.open())
        return fail(u"Cannot open the archive %1: %2"_s.arg(QDir::toNativeSeparators(path), d->db.lastError().text()));

    // Not a database at all?
    {
        QSqlQuery q(d->db);
        if (!q.exec(u"SELECT count(*) FROM sqlite_master"_s))
            return fail(u"%1 is not a Copilot Ledger archive (%2)."_s.arg(QDir::toNativeSeparators(path), q.lastError().text()));
    }
    for (const char *pragma : {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=NORMAL", "PRAGMA foreign_keys=ON",
                               "PRAGMA busy_timeout=10000", "PRAGMA temp_store=MEMORY", "PRAGMA cache_size=-65536",
                               "PRAGMA wal_autocheckpoint=4000"}) {
        if (!d->execSql(QString::fromLatin1(pragma)))
            return fail(d->lastError);
    }
    QString migrateError;
    if (!archiveschema::migrate(*d, &migrateError))
        return fail(migrateError);
    archiveschema::setupFullText(*d, g_ftsDisabled);
    if (!d->ensureSortIndexes())
        qCWarning(lcArchive).noquote() << "Sort indexes unavailable (sorting by text is slower):" << d->lastError;
    m_findings.setWatchlists(m_findings.storedWatchlists());
    return true;
}

void Archive::close()
{
    if (d->connectionName.isEmpty())
        return;
    if (d->db.isOpen()) {
        // Keep the planner's statistics fresh; analysis_limit bounds the work on big archives.
        QSqlQuery(d->db).exec(u"PRAGMA analysis_limit=400"_s);
        QSqlQuery(d->db).exec(u"PRAGMA optimize"_s);
        d->db.close();
    }
    d->findingInsert = QSqlQuery();
    d->db = QSqlDatabase();
    QSqlDatabase::removeDatabase(d->connectionName);
    d->connectionName.clear();
    archivefiles::connectionClosed(d->path);
    d->fullText = false;
    d->version = 0;
}

void Archive::setCacheSizeKiB(int kib)
{
    if (isOpen())
        d->execSql(u"PRAGMA cache_size=-%1"_s.arg(std::max(256, kib)));
}

bool Archive::isOpen() const { return d->db.isOpen(); }
QString Archive::path() const { return d->path; }
int Archive::schemaVersion() const { return d->version; }
bool Archive::hasFullTextSearch() const { return d->fullText; }
QString Archive::lastError() const { return d->lastError; }
QString Archive::connectionName() const { return d->connectionName; }

bool Archive::forgetAll(QString *error)
{
    const QString path = d->path;
    if (path.isEmpty()) {
        if (error)
            *error = u"No archive is open."_s;
        return false;
    }
    close();
    if (!archivefiles::remove(path, &d->lastError)) {
        const QString why = d->lastError;
        open(path);
        d->lastError = why;
        if (error)
            *error = why;
        return false;
    }
    if (!open(path, error))
        return false;
    // The new, empty archive's log starts by saying why it is empty.
    ActivityLog::append(*this, u"archive"_s, {{u"action"_s, u"forgotten"_s}});
    return true;
}

} // namespace ledger
