// The archive's schema and its migrations (docs/ARCHITECTURE.md, "Archive schema").
#include "app/archive/ArchiveSchema.h"

#include "app/archive/ArchivePrivate.h"
#include "app/archive/SavedSearch.h"
#include "app/review/ReviewSchema.h"

#include <QLoggingCategory>
#include <QSqlError>

using namespace Qt::StringLiterals;

namespace ledger::archiveschema {

namespace {

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
// afterwards by a rescan (FindingsStore::rescanNeeded reports it), not inside the upgrade.
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


template <size_t N>
QStringList latin1(const char *const (&statements)[N])
{
    QStringList out;
    for (const char *sql : statements)
        out << QString::fromLatin1(sql);
    return out;
}

// The statements of the step to schema version `target`, each step one transaction (step 4
// adds columns, in migrate). A later step: its statements here, idempotent where they can be.
QStringList stepStatements(int target)
{
    switch (target) {
    case 1: return latin1(kSchemaV1);
    case 2: return latin1(kSchemaV2);
    case 3: return latin1(kSchemaV3);
    case 5: return latin1(kSchemaV5);
    // Review statuses, notes, cases, samples and the activity log, in tables of their own that a
    // sync never writes (review/ReviewSchema.cpp).
    case 6: return reviewSchemaStatements();
    // Saved searches (archive/SavedSearch.cpp), a table of their own.
    case 7: return savedSearchSchemaStatements();
    default: return {};
    }
}

} // namespace

bool migrate(ArchiveState &state, QString *error)
{
    ArchiveState *d = &state;
    QSqlQuery q(d->db);
    if (!q.exec(u"PRAGMA user_version"_s) || !q.next()) {
        *error = u"Cannot read the archive's schema version: "_s + q.lastError().text();
        return false;
    }
    int version = q.value(0).toInt();
    q.finish();
    if (version > Archive::kSchemaVersion) {
        *error = u"This archive was made by a newer Copilot Ledger (schema version %1; this version understands"
                 " up to %2). Install the newer version to open it."_s.arg(version).arg(Archive::kSchemaVersion);
        return false;
    }
    while (version < Archive::kSchemaVersion) {
        const int target = version + 1;
        if (!d->db.transaction()) {
            *error = u"Cannot start the schema upgrade: "_s + d->db.lastError().text();
            return false;
        }
        bool ok = true;
        for (const QString &sql : stepStatements(target))
            ok = ok && d->execSql(sql);
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

void setupFullText(ArchiveState &state, bool disabled)
{
    ArchiveState *d = &state;
    QSqlQuery q(d->db);
    bool available = !disabled;
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

} // namespace ledger::archiveschema
