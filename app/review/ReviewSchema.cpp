#include "app/review/ReviewSchema.h"

using namespace Qt::StringLiterals;

namespace ledger {

QStringList reviewSchemaStatements()
{
    return {
        // A reviewed item: kind 1 = turn (item_id = the prompt's id, or the response's when the
        // turn had no prompt when it was reviewed), kind 2 = session (item_id = its session key).
        // Keyed on Graph's ids, not on the derived tables' row ids, which a re-sync renumbers.
        u"CREATE TABLE IF NOT EXISTS review_items(user_id TEXT NOT NULL, kind INTEGER NOT NULL, item_id TEXT NOT NULL,"
        " session_key TEXT NOT NULL DEFAULT '', status TEXT NOT NULL DEFAULT 'unreviewed', note TEXT NOT NULL DEFAULT '',"
        " reviewed_by TEXT NOT NULL DEFAULT '', reviewed_utc INTEGER, PRIMARY KEY(user_id, kind, item_id)) WITHOUT ROWID"_s,
        u"CREATE INDEX IF NOT EXISTS ix_review_items_status ON review_items(status, kind)"_s,
        u"CREATE TABLE IF NOT EXISTS review_cases(name TEXT PRIMARY KEY, created_utc INTEGER, created_by TEXT DEFAULT '')"
        " WITHOUT ROWID"_s,
        u"CREATE TABLE IF NOT EXISTS review_item_cases(user_id TEXT NOT NULL, kind INTEGER NOT NULL, item_id TEXT NOT NULL,"
        " case_name TEXT NOT NULL, added_utc INTEGER, PRIMARY KEY(user_id, kind, item_id, case_name)) WITHOUT ROWID"_s,
        u"CREATE INDEX IF NOT EXISTS ix_review_item_cases_case ON review_item_cases(case_name)"_s,
        u"CREATE TABLE IF NOT EXISTS review_samples(id INTEGER PRIMARY KEY, created_utc INTEGER, created_by TEXT DEFAULT '',"
        " seed INTEGER NOT NULL, parameters TEXT NOT NULL, picked INTEGER NOT NULL DEFAULT 0)"_s,
        u"CREATE TABLE IF NOT EXISTS review_sample_items(sample_id INTEGER NOT NULL, user_id TEXT NOT NULL,"
        " item_id TEXT NOT NULL, PRIMARY KEY(sample_id, user_id, item_id)) WITHOUT ROWID"_s,
        u"CREATE INDEX IF NOT EXISTS ix_review_sample_items_item ON review_sample_items(user_id, item_id)"_s,
        // Looking a reviewed turn up by either of its ids.
        u"CREATE INDEX IF NOT EXISTS ix_turns_prompt_id ON turns(user_id, prompt_id)"_s,
        u"CREATE INDEX IF NOT EXISTS ix_turns_response_id ON turns(user_id, response_id)"_s,
        // The activity log (app/archive/ActivityLog.h describes the chain).
        u"CREATE TABLE IF NOT EXISTS activity_log(seq INTEGER PRIMARY KEY, time_utc TEXT NOT NULL, operator TEXT NOT NULL,"
        " machine TEXT NOT NULL, app_version TEXT NOT NULL, kind TEXT NOT NULL, details TEXT NOT NULL,"
        " hash TEXT NOT NULL)"_s,
        u"CREATE INDEX IF NOT EXISTS ix_activity_log_time ON activity_log(time_utc)"_s,
        u"CREATE TRIGGER IF NOT EXISTS activity_log_no_update BEFORE UPDATE ON activity_log BEGIN"
        " SELECT RAISE(ABORT, 'the activity log is append-only'); END"_s,
        u"CREATE TRIGGER IF NOT EXISTS activity_log_no_delete BEFORE DELETE ON activity_log BEGIN"
        " SELECT RAISE(ABORT, 'the activity log is append-only'); END"_s,
    };
}

} // namespace ledger
