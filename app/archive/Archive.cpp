#include "app/archive/Archive.h"

#include "app/archive/ArchiveFiles.h"
#include "app/archive/ArchivePrivate.h"
#include "app/archive/ActivityLog.h"
#include "app/model/Conversation.h"
#include "app/model/PrivateFiles.h"
#include "app/model/TextFidelity.h"

#include "app/archive/ArchiveSql.h"
#include "app/archive/SavedSearch.h"
#include "app/review/ReviewSchema.h"

#include <QAtomicInt>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QLoggingCategory>
#include <QSqlError>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcArchive, "ledger.archive")

namespace ledger {

namespace {

QAtomicInt g_connectionCounter;
std::atomic_bool g_ftsDisabled{false};

constexpr QFile::Permissions kOwnerFile = QFile::ReadOwner | QFile::WriteOwner;

// Schema version 1. Every statement is idempotent so that a half-applied step can be re-run.
const char *const kSchemaV1[] = {
    "CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID",
    "CREATE TABLE IF NOT EXISTS users(id TEXT PRIMARY KEY, display_name TEXT DEFAULT '',"
    " upn TEXT DEFAULT '', mail TEXT DEFAULT '', department TEXT DEFAULT '',"
    " job_title TEXT DEFAULT '', account_enabled INTEGER NOT NULL DEFAULT 1,"
    " user_type TEXT DEFAULT '', updated INTEGER)",
    "CREATE TABLE IF NOT EXISTS interactions(user_id TEXT NOT NULL, id TEXT NOT NULL,"
    " session_id TEXT DEFAULT '', session_key TEXT NOT NULL, request_id TEXT DEFAULT '',"
    " app_class TEXT DEFAULT '', type INTEGER NOT NULL DEFAULT 0, conversation_type TEXT DEFAULT '',"
    " created INTEGER, locale TEXT DEFAULT '', etag TEXT DEFAULT '',"
    " body_content_type TEXT DEFAULT '', body_text TEXT DEFAULT '',"
    " attachments TEXT DEFAULT '', links TEXT DEFAULT '', contexts TEXT DEFAULT '',"
    " raw TEXT NOT NULL, PRIMARY KEY(user_id, id))",
    "CREATE INDEX IF NOT EXISTS ix_interactions_session ON interactions(user_id, session_key)",
    "CREATE INDEX IF NOT EXISTS ix_interactions_user_time ON interactions(user_id, created, app_class)",
    "CREATE TABLE IF NOT EXISTS sessions(sid INTEGER PRIMARY KEY, user_id TEXT NOT NULL, session_key TEXT NOT NULL,"
    " session_id TEXT DEFAULT '', app_class TEXT DEFAULT '', started INTEGER, ended INTEGER,"
    " prompt_count INTEGER NOT NULL DEFAULT 0, response_count INTEGER NOT NULL DEFAULT 0,"
    " first_prompt TEXT DEFAULT '', UNIQUE(user_id, session_key))",
    "CREATE INDEX IF NOT EXISTS ix_sessions_started ON sessions(started)",
    "CREATE INDEX IF NOT EXISTS ix_sessions_user ON sessions(user_id, started)",
    "CREATE INDEX IF NOT EXISTS ix_sessions_app ON sessions(app_class, started)",
    "CREATE TABLE IF NOT EXISTS turns(tid INTEGER PRIMARY KEY, user_id TEXT NOT NULL, session_key TEXT NOT NULL,"
    " session_id TEXT DEFAULT '', request_id TEXT DEFAULT '', app_class TEXT DEFAULT '',"
    " conversation_type TEXT DEFAULT '', locale TEXT DEFAULT '',"
    " prompt_id TEXT DEFAULT '', prompt_created INTEGER, prompt_text TEXT DEFAULT '',"
    " response_id TEXT DEFAULT '', response_created INTEGER, response_text TEXT DEFAULT '',"
    " attachments TEXT DEFAULT '', links TEXT DEFAULT '', contexts TEXT DEFAULT '',"
    " time INTEGER)",
    "CREATE INDEX IF NOT EXISTS ix_turns_time ON turns(time)",
    "CREATE INDEX IF NOT EXISTS ix_turns_user ON turns(user_id, time)",
    "CREATE INDEX IF NOT EXISTS ix_turns_app ON turns(app_class, time)",
    "CREATE INDEX IF NOT EXISTS ix_turns_session ON turns(user_id, session_key)",
    "CREATE TABLE IF NOT EXISTS sync_state(user_id TEXT PRIMARY KEY, status TEXT DEFAULT '',"
    " watermark INTEGER, last_run INTEGER, last_error TEXT DEFAULT '',"
    " last_request_id TEXT DEFAULT '', last_client_request_id TEXT DEFAULT '',"
    " last_error_date TEXT DEFAULT '')",
    "CREATE TABLE IF NOT EXISTS export_log(id INTEGER PRIMARY KEY, when_utc INTEGER, folder TEXT,"
    " query TEXT DEFAULT '', files TEXT DEFAULT '', row_counts TEXT DEFAULT '',"
    " sha256 TEXT DEFAULT '')",
};

// Schema version 2: per-day activity summary (charts, top users, user counts without scanning
// every interaction). Filled from the interactions already stored.
const char *const kSchemaV2[] = {
    "CREATE TABLE IF NOT EXISTS activity_daily(user_id TEXT NOT NULL, day INTEGER NOT NULL,"
    " app_class TEXT NOT NULL DEFAULT '', n INTEGER NOT NULL, PRIMARY KEY(user_id, day, app_class)) WITHOUT ROWID",
    "CREATE INDEX IF NOT EXISTS ix_activity_day ON activity_daily(day, app_class, n)",
    "DELETE FROM activity_daily",
    "INSERT INTO activity_daily(user_id, day, app_class, n) SELECT user_id, created / 86400000, COALESCE(app_class, ''),"
    " count(*) FROM interactions WHERE created IS NOT NULL GROUP BY 1, 2, 3",
};

// Schema version 3: items that could not be read as interactions, kept raw with the reason.
const char *const kSchemaV3[] = {
    "CREATE TABLE IF NOT EXISTS unreadable_items(user_id TEXT NOT NULL, item_key TEXT NOT NULL,"
    " reason TEXT NOT NULL DEFAULT '', raw TEXT NOT NULL, seen INTEGER, PRIMARY KEY(user_id, item_key)) WITHOUT ROWID",
};

// Schema version 5: findings of the detectors and watchlists (docs/DETECTION.md) and the
// watchlists stored with the profile. Additive: the findings of stored interactions are computed
// afterwards by a rescan (findingsRescanNeeded reports it), not inside the upgrade.
const char *const kSchemaV5[] = {
    "CREATE TABLE IF NOT EXISTS findings(fid INTEGER PRIMARY KEY, irow INTEGER NOT NULL, user_id TEXT NOT NULL,"
    " interaction_id TEXT NOT NULL, session_key TEXT NOT NULL, kind INTEGER NOT NULL, detector TEXT NOT NULL,"
    " location INTEGER NOT NULL, start INTEGER NOT NULL, length INTEGER NOT NULL, match TEXT NOT NULL DEFAULT '')",
    "CREATE INDEX IF NOT EXISTS ix_findings_irow ON findings(irow, kind)",
    "CREATE INDEX IF NOT EXISTS ix_findings_interaction ON findings(user_id, interaction_id)",
    "CREATE INDEX IF NOT EXISTS ix_findings_session ON findings(user_id, session_key)",
    "CREATE INDEX IF NOT EXISTS ix_findings_detector ON findings(kind, detector)",
    ("CREATE TABLE IF NOT EXISTS watchlists(name TEXT PRIMARY KEY, source TEXT NOT NULL DEFAULT '',"
     " position INTEGER NOT NULL DEFAULT 0)"),   // one statement over two lines (clang -Wstring-concatenation)
};

// Schema version 4 (table, column, declaration): when a user last answered 403 to an actual
// request (the re-probe interval of users without a Graph-grounded chat plan counts from it; a
// skip at zero requests keeps it), and a deleted user's deletedDateTime (NULL = not deleted).
// ALTER TABLE ADD COLUMN is not idempotent: each column is added only when missing.
const char *const kSchemaV4[][3] = {
    {"sync_state", "last_forbidden", "INTEGER"},
    {"users", "deleted_utc", "INTEGER"},
};

const char *const kFtsTriggers[] = {
    "CREATE TRIGGER IF NOT EXISTS turns_fts_ai AFTER INSERT ON turns BEGIN"
    " INSERT INTO turns_fts(rowid, prompt_text, response_text) VALUES (new.tid, new.prompt_text, new.response_text); END",
    "CREATE TRIGGER IF NOT EXISTS turns_fts_ad AFTER DELETE ON turns BEGIN"
    " INSERT INTO turns_fts(turns_fts, rowid, prompt_text, response_text)"
    " VALUES ('delete', old.tid, old.prompt_text, old.response_text); END",
    "CREATE TRIGGER IF NOT EXISTS turns_fts_au AFTER UPDATE ON turns BEGIN"
    " INSERT INTO turns_fts(turns_fts, rowid, prompt_text, response_text)"
    " VALUES ('delete', old.tid, old.prompt_text, old.response_text);"
    " INSERT INTO turns_fts(rowid, prompt_text, response_text) VALUES (new.tid, new.prompt_text, new.response_text); END",
};

QString joinLines(const QStringList &l) { return l.join(u'\n'); }

} // namespace

bool Archive::Private::exec(QSqlQuery &q, const QString &what)
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

bool Archive::Private::execSql(const QString &sql)
{
    QSqlQuery q(db);
    if (q.exec(sql))
        return true;
    lastError = q.lastError().text() + u" ("_s + sql.left(80) + u")"_s;
    qCWarning(lcArchive).noquote() << lastError;
    return false;
}

Archive::Archive() : d(new Private) {}

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
    if (!migrate(&migrateError))
        return fail(migrateError);
    setupFullText();
    if (!d->ensureSortIndexes())
        qCWarning(lcArchive).noquote() << "Sort indexes unavailable (sorting by text is slower):" << d->lastError;
    setWatchlists(storedWatchlists());
    return true;
}

bool Archive::migrate(QString *error)
{
    QSqlQuery q(d->db);
    if (!q.exec(u"PRAGMA user_version"_s) || !q.next()) {
        *error = u"Cannot read the archive's schema version: "_s + q.lastError().text();
        return false;
    }
    int version = q.value(0).toInt();
    q.finish();
    if (version > kSchemaVersion) {
        *error = u"This archive was made by a newer Copilot Ledger (schema version %1; this version understands"
                 " up to %2). Install the newer version to open it."_s.arg(version).arg(kSchemaVersion);
        return false;
    }
    while (version < kSchemaVersion) {
        const int target = version + 1;
        if (!d->db.transaction()) {
            *error = u"Cannot start the schema upgrade: "_s + d->db.lastError().text();
            return false;
        }
        bool ok = true;
        if (target == 1) {
            for (const char *sql : kSchemaV1)
                ok = ok && d->execSql(QString::fromLatin1(sql));
        }
        if (target == 2) {
            for (const char *sql : kSchemaV2)
                ok = ok && d->execSql(QString::fromLatin1(sql));
        }
        if (target == 3) {
            for (const char *sql : kSchemaV3)
                ok = ok && d->execSql(QString::fromLatin1(sql));
        }
        if (target == 4) {
            for (const auto &col : kSchemaV4) {
                const QString table = QString::fromLatin1(col[0]), column = QString::fromLatin1(col[1]);
                QSqlQuery info(d->db);
                bool present = false;
                ok = ok && info.exec(u"PRAGMA table_info(%1)"_s.arg(table));
                while (ok && info.next())
                    present = present || info.value(1).toString() == column;
                info.finish();
                if (ok && !present)
                    ok = d->execSql(u"ALTER TABLE %1 ADD COLUMN %2 %3"_s.arg(table, column, QString::fromLatin1(col[2])));
            }
        }
        if (target == 5) {
            for (const char *sql : kSchemaV5)
                ok = ok && d->execSql(QString::fromLatin1(sql));
        }
        // Schema version 6: review statuses, notes, cases, samples and the activity log, in tables
        // of their own that a sync never writes (review/ReviewSchema.cpp).
        if (target == 6) {
            for (const QString &sql : reviewSchemaStatements())
                ok = ok && d->execSql(sql);
        }
        // Schema version 7: saved searches (archive/SavedSearch.cpp), a table of their own.
        if (target == 7) {
            for (const QString &sql : savedSearchSchemaStatements())
                ok = ok && d->execSql(sql);
        }
        // Later steps: `if (target == 8) { ALTER TABLE … }` — each step one transaction.
        ok = ok && d->execSql(u"PRAGMA user_version = %1"_s.arg(target));
        ok = ok && d->execSql(u"INSERT OR REPLACE INTO meta(key, value) VALUES ('schema_migrated_to_%1', '%2')"_s
                                  .arg(target).arg(QDateTime::currentMSecsSinceEpoch()));
        if (!ok || !d->db.commit()) {
            d->db.rollback();
            *error = u"Upgrading the archive to schema version %1 failed: %2"_s.arg(target).arg(d->lastError);
            return false;
        }
        version = target;
    }
    d->version = version;
    return true;
}

void Archive::setupFullText()
{
    QSqlQuery q(d->db);
    bool available = !g_ftsDisabled;
    if (available) {
        available = q.exec(u"CREATE VIRTUAL TABLE IF NOT EXISTS temp.ledger_fts_probe USING fts5(x)"_s);
        if (available)
            q.exec(u"DROP TABLE IF EXISTS temp.ledger_fts_probe"_s);
    }
    bool tableExists = false;
    int triggers = 0;
    if (q.exec(u"SELECT name FROM sqlite_master WHERE name IN ('turns_fts','turns_fts_ai','turns_fts_ad','turns_fts_au')"_s)) {
        while (q.next()) {
            if (q.value(0).toString() == u"turns_fts")
                tableExists = true;
            else
                ++triggers;
        }
    }
    q.finish();
    if (!available) {
        qCWarning(lcArchive) << "SQLite has no FTS5 here: the text filter falls back to LIKE (slower).";
        // Keep writes working on a build without FTS5: the triggers would need the module.
        for (const QString &t : {u"turns_fts_ai"_s, u"turns_fts_ad"_s, u"turns_fts_au"_s})
            d->execSql(u"DROP TRIGGER IF EXISTS "_s + t);
        if (tableExists)
            d->execSql(u"INSERT OR REPLACE INTO meta(key, value) VALUES ('fts_stale', '1')"_s);
        d->fullText = false;
        return;
    }
    bool ok = d->db.transaction();
    if (!tableExists)
        ok = ok && d->execSql(u"CREATE VIRTUAL TABLE turns_fts USING fts5(prompt_text, response_text, content='turns',"
                               " content_rowid='tid', detail=none, columnsize=0, tokenize='unicode61 remove_diacritics 2')"_s);
    for (const char *sql : kFtsTriggers)
        ok = ok && d->execSql(QString::fromLatin1(sql));
    if (ok && (!tableExists || triggers < 3)) {
        // New index or triggers were missing for a while: rebuild from the turns table.
        ok = d->execSql(u"INSERT INTO turns_fts(turns_fts) VALUES ('rebuild')"_s)
            && d->execSql(u"DELETE FROM meta WHERE key = 'fts_stale'"_s);
    }
    if (ok && d->db.commit()) {
        d->fullText = true;
    } else {
        d->db.rollback();
        qCWarning(lcArchive).noquote() << "Full-text index unavailable, falling back to LIKE:" << d->lastError;
        d->fullText = false;
    }
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

bool Archive::isOpen() const { return d->db.isOpen(); }
QString Archive::path() const { return d->path; }
int Archive::schemaVersion() const { return d->version; }
bool Archive::hasFullTextSearch() const { return d->fullText; }
QString Archive::lastError() const { return d->lastError; }
QString Archive::connectionName() const { return d->connectionName; }

bool Archive::upsertUsers(const QList<User> &users)
{
    if (!isOpen())
        return false;
    if (!d->db.transaction())
        return false;
    QSqlQuery q(d->db);
    q.prepare(u"INSERT INTO users(id, display_name, upn, mail, department, job_title, account_enabled, user_type, updated,"
              " deleted_utc) VALUES (?,?,?,?,?,?,?,?,?,?) ON CONFLICT(id) DO UPDATE SET display_name = excluded.display_name,"
              " upn = excluded.upn, mail = excluded.mail, department = excluded.department, job_title = excluded.job_title,"
              " account_enabled = excluded.account_enabled, user_type = excluded.user_type, updated = excluded.updated,"
              " deleted_utc = excluded.deleted_utc"_s);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (const User &u : users) {
        q.addBindValue(u.id);
        q.addBindValue(u.displayName);
        q.addBindValue(u.userPrincipalName);
        q.addBindValue(u.mail);
        q.addBindValue(u.department);
        q.addBindValue(u.jobTitle);
        q.addBindValue(u.accountEnabled ? 1 : 0);
        q.addBindValue(u.userType);
        q.addBindValue(now);
        q.addBindValue(timeValue(u.deletedDateTime));   // a restored user is listed again without it
        if (!d->exec(q, u"Storing users"_s)) {
            d->db.rollback();
            return false;
        }
    }
    return d->db.commit();
}

int Archive::insertInteractions(const QList<Interaction> &interactions)
{
    if (!isOpen())
        return -1;
    if (!d->db.transaction()) {
        d->lastError = d->db.lastError().text();
        return -1;
    }
    auto failed = [this]() {
        d->db.rollback();
        return -1;
    };
    QSqlQuery ins(d->db);
    ins.prepare(u"INSERT OR IGNORE INTO interactions(user_id, id, session_id, session_key, request_id, app_class, type,"
                " conversation_type, created, locale, etag, body_content_type, body_text, attachments, links, contexts, raw)"
                " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,CAST(? AS TEXT))"_s);
    int added = 0;
    // Per-day activity of the new interactions (summary table, schema v2).
    QHash<QString, qint64> activity;
    // New interactions grouped by the (user, session) pair they touch.
    QHash<QString, QList<const Interaction *>> touched;
    QStringList order;
    for (const Interaction &i : interactions) {
        if (i.id.isEmpty() || i.userId.isEmpty())
            continue;
        const QString key = i.sessionKey();
        ins.bindValue(0, i.userId);
        ins.bindValue(1, i.id);
        ins.bindValue(2, i.sessionId);
        ins.bindValue(3, key);
        ins.bindValue(4, i.requestId);
        ins.bindValue(5, i.appClass);
        ins.bindValue(6, typeCode(i.type));
        ins.bindValue(7, i.conversationType);
        ins.bindValue(8, timeValue(i.created));
        ins.bindValue(9, i.locale);
        ins.bindValue(10, i.etag);
        ins.bindValue(11, i.bodyContentType);
        ins.bindValue(12, i.bodyText);
        ins.bindValue(13, joinLines(i.attachments));
        ins.bindValue(14, joinLines(i.links));
        ins.bindValue(15, joinLines(i.contexts));
        ins.bindValue(16, i.raw);   // UTF-8 bytes stored as TEXT without a UTF-16 round trip
        if (!d->exec(ins, u"Storing interactions"_s))
            return failed();
        if (ins.numRowsAffected() > 0) {
            ++added;
            if (!d->storeFindings(i, ins.lastInsertId().toLongLong(), RescanSensitive | RescanWatchlists))
                return failed();
            if (i.created.isValid())
                ++activity[i.userId + QChar(0x1F) + QString::number(i.created.toMSecsSinceEpoch() / 86400000) + QChar(0x1F) + i.appClass];
            const QString pair = i.userId + QChar(0x1F) + key;
            auto it = touched.find(pair);
            if (it == touched.end()) {
                order << pair;
                touched.insert(pair, {&i});
            } else {
                it->append(&i);
            }
        }
    }
    QSqlQuery act(d->db);
    act.prepare(u"INSERT INTO activity_daily(user_id, day, app_class, n) VALUES (?,?,?,?)"
                " ON CONFLICT(user_id, day, app_class) DO UPDATE SET n = n + excluded.n"_s);
    for (auto it = activity.cbegin(); it != activity.cend(); ++it) {
        const QStringList parts = it.key().split(QChar(0x1F));
        act.bindValue(0, parts.at(0));
        act.bindValue(1, parts.at(1).toLongLong());
        act.bindValue(2, parts.at(2));
        act.bindValue(3, it.value());
        if (!d->exec(act, u"Storing activity"_s))
            return failed();
    }
    // Refresh the derived sessions and turns of the touched pairs, in the same transaction.
    QSqlQuery delSession(d->db), delTurns(d->db), load(d->db), insSession(d->db), insTurn(d->db);
    delSession.prepare(u"DELETE FROM sessions WHERE user_id = ? AND session_key = ?"_s);
    delTurns.prepare(u"DELETE FROM turns WHERE user_id = ? AND session_key = ?"_s);
    load.prepare(interactionColumns(false) + u" WHERE i.user_id = ? AND i.session_key = ?"_s);
    insSession.prepare(u"INSERT INTO sessions(user_id, session_key, session_id, app_class, started, ended, prompt_count,"
                       " response_count, first_prompt) VALUES (?,?,?,?,?,?,?,?,?)"_s);
    insTurn.prepare(u"INSERT INTO turns(user_id, session_key, session_id, request_id, app_class, conversation_type, locale,"
                    " prompt_id, prompt_created, prompt_text, response_id, response_created, response_text, attachments,"
                    " links, contexts, time) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"_s);
    load.setForwardOnly(true);
    QList<Interaction> all;
    for (const QString &pair : std::as_const(order)) {
        const QList<const Interaction *> &fresh = touched[pair];
        const QString userId = fresh.first()->userId;
        const QString key = fresh.first()->sessionKey();
        delSession.bindValue(0, userId);
        delSession.bindValue(1, key);
        if (!d->exec(delSession, u"Refreshing sessions"_s))
            return failed();
        all.clear();
        if (delSession.numRowsAffected() > 0) {
            // The pair existed before: rebuild it from everything stored.
            delTurns.bindValue(0, userId);
            delTurns.bindValue(1, key);
            load.bindValue(0, userId);
            load.bindValue(1, key);
            if (!d->exec(delTurns, u"Refreshing turns"_s) || !d->exec(load, u"Refreshing turns"_s))
                return failed();
            while (load.next())
                all << interactionFrom(load);
            load.finish();
        } else {
            all.reserve(fresh.size());
            for (const Interaction *i : fresh)
                all << *i;
        }
        for (const Session &s : buildSessions(all)) {
            insSession.bindValue(0, s.userId);
            insSession.bindValue(1, key);
            insSession.bindValue(2, s.sessionId);
            insSession.bindValue(3, s.appClass);
            insSession.bindValue(4, timeValue(s.started));
            insSession.bindValue(5, timeValue(s.ended));
            insSession.bindValue(6, s.promptCount);
            insSession.bindValue(7, s.responseCount);
            insSession.bindValue(8, s.firstPrompt);
            if (!d->exec(insSession, u"Storing sessions"_s))
                return failed();
        }
        for (const Turn &t : buildTurns(all)) {
            insTurn.bindValue(0, t.userId);
            insTurn.bindValue(1, key);
            insTurn.bindValue(2, t.sessionId);
            insTurn.bindValue(3, t.requestId);
            insTurn.bindValue(4, t.appClass);
            insTurn.bindValue(5, t.conversationType);
            insTurn.bindValue(6, t.locale);
            insTurn.bindValue(7, t.promptId);
            insTurn.bindValue(8, timeValue(t.promptCreated));
            insTurn.bindValue(9, t.promptText);
            insTurn.bindValue(10, t.responseId);
            insTurn.bindValue(11, timeValue(t.responseCreated));
            insTurn.bindValue(12, t.responseText);
            insTurn.bindValue(13, joinLines(t.attachments));
            insTurn.bindValue(14, joinLines(t.links));
            insTurn.bindValue(15, joinLines(t.contexts));
            insTurn.bindValue(16, timeValue(t.promptCreated.isValid() ? t.promptCreated : t.responseCreated));
            if (!d->exec(insTurn, u"Storing turns"_s))
                return failed();
        }
    }
    if (!d->db.commit()) {
        d->lastError = d->db.lastError().text();
        return failed();
    }
    return added;
}

int Archive::storeUnreadableItems(const QString &userId, const QList<QPair<QByteArray, QString>> &rawAndReason)
{
    if (!isOpen())
        return -1;
    if (!d->db.transaction()) {
        d->lastError = d->db.lastError().text();
        return -1;
    }
    QSqlQuery q(d->db);
    q.prepare(u"INSERT OR IGNORE INTO unreadable_items(user_id, item_key, reason, raw, seen) VALUES (?,?,?,CAST(? AS TEXT),?)"_s);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    int added = 0;
    for (const auto &[raw, reason] : rawAndReason) {
        q.bindValue(0, userId);
        q.bindValue(1, QString::fromLatin1(QCryptographicHash::hash(raw, QCryptographicHash::Sha256).toHex()));
        q.bindValue(2, reason);
        q.bindValue(3, raw);
        q.bindValue(4, now);
        if (!d->exec(q, u"Storing unreadable items"_s)) {
            d->db.rollback();
            return -1;
        }
        added += q.numRowsAffected() > 0 ? 1 : 0;
    }
    if (!d->db.commit()) {
        d->lastError = d->db.lastError().text();
        d->db.rollback();
        return -1;
    }
    return added;
}

bool Archive::forEachUnreadableItem(const QStringList &userIds,
                                    const std::function<bool(const QString &, const QByteArray &, const QString &)> &cb) const
{
    ArchiveSql w(false);
    ArchiveFilter only;
    only.userIds = userIds;
    w.interactionConditions(only);   // "i.user_id IN (…)" when userIds is not empty
    QSqlQuery q(d->db);
    q.setForwardOnly(true);
    q.prepare(u"SELECT i.user_id, CAST(i.raw AS BLOB), i.reason FROM unreadable_items i"_s + w.where()
              + u" ORDER BY i.user_id, i.seen, i.item_key"_s);
    w.bindTo(q);
    if (!d->exec(q, u"Reading unreadable items"_s))
        return false;
    while (q.next())
        if (!cb(q.value(0).toString(), q.value(1).toByteArray(), q.value(2).toString()))
            break;
    return !q.lastError().isValid();
}

bool Archive::setSyncState(const SyncState &s)
{
    if (!isOpen())
        return false;
    QSqlQuery q(d->db);
    q.prepare(u"INSERT OR REPLACE INTO sync_state(user_id, status, watermark, last_run, last_error, last_request_id,"
              " last_client_request_id, last_error_date, last_forbidden) VALUES (?,?,?,?,?,?,?,?,?)"_s);
    q.addBindValue(s.userId);
    q.addBindValue(userStatusKey(s.status));
    q.addBindValue(timeValue(s.watermark));
    q.addBindValue(timeValue(s.lastRun));
    q.addBindValue(s.lastError);
    q.addBindValue(s.lastRequestId);
    q.addBindValue(s.lastClientRequestId);
    q.addBindValue(s.lastErrorDate);
    q.addBindValue(timeValue(s.lastForbidden));
    return d->exec(q, u"Storing the sync state"_s);
}

namespace {
SyncState syncStateFrom(const QSqlQuery &q)
{
    SyncState s;
    s.userId = q.value(0).toString();
    s.status = userStatusFromKey(q.value(1).toString());
    s.watermark = timeFromValue(q.value(2));
    s.lastRun = timeFromValue(q.value(3));
    s.lastError = q.value(4).toString();
    s.lastRequestId = q.value(5).toString();
    s.lastClientRequestId = q.value(6).toString();
    s.lastErrorDate = q.value(7).toString();
    s.lastForbidden = timeFromValue(q.value(8));
    return s;
}
constexpr auto kSyncColumns = "SELECT user_id, status, watermark, last_run, last_error, last_request_id,"
                              " last_client_request_id, last_error_date, last_forbidden FROM sync_state"_L1;
} // namespace

SyncState Archive::syncState(const QString &userId) const
{
    QSqlQuery q(d->db);
    q.prepare(kSyncColumns + u" WHERE user_id = ?"_s);
    q.addBindValue(userId);
    if (d->exec(q, u"Reading the sync state"_s) && q.next())
        return syncStateFrom(q);
    SyncState s;
    s.userId = userId;
    return s;
}

QList<SyncState> Archive::syncStates() const
{
    QList<SyncState> out;
    QSqlQuery q(d->db);
    q.prepare(kSyncColumns + u" ORDER BY user_id"_s);
    if (d->exec(q, u"Reading the sync state"_s))
        while (q.next())
            out << syncStateFrom(q);
    return out;
}

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

bool Archive::logExport(const ExportLogEntry &e)
{
    if (!isOpen())
        return false;
    QSqlQuery q(d->db);
    q.prepare(u"INSERT INTO export_log(when_utc, folder, query, files, row_counts, sha256) VALUES (?,?,?,?,?,?)"_s);
    q.addBindValue(timeValue(e.when));
    q.addBindValue(e.folder);
    q.addBindValue(e.query);
    q.addBindValue(e.files.join(u'\n'));
    q.addBindValue(e.rowCounts);
    q.addBindValue(e.sha256);
    return d->exec(q, u"Recording the export"_s);
}

QList<ExportLogEntry> Archive::exportLog() const
{
    QList<ExportLogEntry> out;
    QSqlQuery q(d->db);
    q.prepare(u"SELECT when_utc, folder, query, files, row_counts, sha256 FROM export_log ORDER BY id"_s);
    if (d->exec(q, u"Reading the export log"_s)) {
        while (q.next()) {
            ExportLogEntry e;
            e.when = timeFromValue(q.value(0));
            e.folder = q.value(1).toString();
            e.query = q.value(2).toString();
            e.files = q.value(3).toString().split(u'\n', Qt::SkipEmptyParts);
            e.rowCounts = q.value(4).toString();
            e.sha256 = q.value(5).toString();
            out << e;
        }
    }
    return out;
}

} // namespace ledger
