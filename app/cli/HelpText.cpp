#include "app/cli/HelpText.h"

using namespace Qt::StringLiterals;

namespace ledger::cli {

static QString connectionHelp()
{
    return u"Connection (one of):\n"
           "  --demo                      the built-in demo tenant (no Azure needed)\n"
           "  --profile NAME              a profile saved in the app (secret from its keychain entry)\n"
           "  --tenant ID --client-id ID  directory (tenant) ID or domain and application (client) ID\n"
           "      [--cloud global|usgov|usgov-dod|china]\n"
           "      [--authority-url URL --graph-url URL]   custom endpoints (http only for loopback)\n"
           "Client secret: the profile's keychain entry, else $COPILOT_LEDGER_CLIENT_SECRET,\n"
           "  else --secret-stdin (one line read from standard input). It is never printed.\n"_s;
}

static QString exitCodes()
{
    return u"Exit codes: 0 complete · 1 failed · 2 usage · 3 sign-in or permission failure · "
           "4 partial (some users failed)\n"_s;
}

QString generalHelp()
{
    return u"Copilot Ledger — export Microsoft 365 Copilot interaction history\n\n"
           "Usage:\n"
           "  copilot-ledger                  start the app\n"
           "  copilot-ledger --demo           start the app on the built-in demo tenant\n"
           "  copilot-ledger check  [connection options]\n"
           "  copilot-ledger export [connection options] --from DATE --to DATE [--app Word,Teams…]\n"
           "                        [--users UPN,…|@FILE] --out DIR [--force] [--transcripts pdf|html]\n"
           "                        [--case NAME] [--pseudonymize [--pseudonym-map FILE]]\n"
           "  copilot-ledger export [connection options] --search NAME [--from DATE --to DATE] --out DIR\n"
           "  copilot-ledger log    [connection options | --archive PATH] [--from DATE] [--to DATE] [--json]\n"
           "  copilot-ledger log --verify [connection options | --archive PATH] [--expect-head HASH|FILE] [--json]\n"
           "  copilot-ledger demo-server [--port N] [--latency-ms N] [--latency-max-ms N] [--rate N]\n"
           "                             [--faults] [--seed N] [--users N] [--licensed-share F]\n"
           "  copilot-ledger --version | --help | <command> --help\n\n"_s
        + connectionHelp() + u"\n"_s + exitCodes();
}

QString checkHelp()
{
    return u"Usage: copilot-ledger check [connection options]\n\n"
           "Signs in, reads the token, checks the required permissions, lists one user and reads\n"
           "one user's interaction history; on a failure it explains what to fix and prints the\n"
           "support details (request-id, client-request-id, date, tenant and app IDs).\n\n"
           "  --user UPN|ID    probe this user's history (default: the first licensed member)\n\n"_s
        + connectionHelp() + u"\n"_s + exitCodes();
}

QString exportHelp()
{
    return u"Usage: copilot-ledger export [connection options] --from DATE --to DATE\n"
           "                             [--app Word,Teams…] [--users UPN,…|@FILE] --out DIR [--force]\n"
           "                             [--transcripts pdf|html]\n"
           "                             [--case NAME] [--pseudonymize [--pseudonym-map FILE]]\n"
           "       copilot-ledger export [connection options] --search NAME [--from DATE --to DATE] --out DIR\n\n"
           "Syncs the interaction history into the local archive (incremental), then writes\n"
           "prompts.csv, sessions.csv, users.csv, interactions.jsonl, findings.csv, reviews.csv,\n"
           "export.json and SHA256SUMS.\n\n"
           "  --from DATE, --to DATE  YYYY-MM-DD (UTC midnight) or ISO-8601 with Z; --to is\n"
           "                          exclusive: to include all of 31 January pass --to of 1 February\n"
           "  --app LIST              Word, Excel, PowerPoint, Outlook, Teams, Copilot Chat (BizChat),\n"
           "                          Web Chat, Loop, OneNote, … (comma-separated)\n"
           "  --users LIST|@FILE      user principal names or IDs (comma-separated, or one per line)\n"
           "  --out DIR               new or empty folder (--force: replace our files in it)\n"
           "  --archive PATH          use this archive file instead of the connection's own\n"
           "  --rate N                requests per second, a ceiling (default 30)\n"
           "  --concurrency N         users read in parallel (default 8)\n"
           "  --full                  read the whole range again (ignore what earlier runs read)\n"
           "  --probe-unlicensed      also read users without a Graph-grounded chat plan\n"
           "  --reprobe-days N        ask a user who answered 403 again after N days (default 7)\n"
           "  --include-deleted       also read deleted users (still in the recycle bin)\n"
           "  --no-formula-guard      do not prefix cells starting with = + - @ with '\n"
           "  --timeout DURATION      stop sign-in and sync after 90s, 30m, 2h, … (exit 1)\n"
           "  --watchlist FILE        find these terms (one a line, # comments, word* prefix); the\n"
           "                          list's name is the file's base name; repeatable\n"
           "  --search NAME           export what a search saved in the window finds (its text, dates,\n"
           "                          apps, users and findings filter); --from/--to (both), --app and\n"
           "                          --users replace those parts; an unknown NAME lists the saved ones\n"
           "  --case NAME             only the turns of this review case; --from/--to may then be\n"
           "                          left out (nothing is synced, the case as the archive holds it)\n"
           "  --pseudonymize          users named user-<12 hex digits> (stable per profile, key in the\n"
           "                          keychain); interactions.jsonl is left out\n"
           "  --pseudonym-map FILE    with --pseudonymize: also write pseudonym → user to FILE, which\n"
           "                          must be outside --out\n"
           "  --transcripts pdf|html  also write transcripts/<upn>/<YYYY-MM-DD>_<session>.pdf|.html,\n"
           "                          one per session, listed in SHA256SUMS and export.json\n"
           "                          (with --pseudonymize: transcripts/<pseudonym>/…, scrubbed)\n\n"
           "Ctrl+C or SIGTERM stops cleanly: what was synced stays in the archive, no export file\n"
           "is written (an older export in --out keeps its bytes) and the exit code is 130.\n\n"_s
        + connectionHelp() + u"\n"_s + exitCodes();
}

QString logHelp()
{
    return u"Usage: copilot-ledger log [connection options | --archive PATH] [--from DATE] [--to DATE] [--json]\n"
           "       copilot-ledger log --verify [connection options | --archive PATH] [--expect-head HASH|FILE] [--json]\n\n"
           "Lists the archive's activity log (syncs, exports, review decisions, notes, cases, samples,\n"
           "watchlist and profile changes: time, operator@machine, kind, details), or verifies its hash\n"
           "chain. Reads the archive read-only; needs no secret and no network.\n\n"
           "  --archive PATH          read this archive file (instead of a connection's own)\n"
           "  --from DATE, --to DATE  only entries with from <= time < to (YYYY-MM-DD = UTC midnight, or\n"
           "                          ISO-8601 with Z); either may be left out\n"
           "  --json                  one JSON object: archive, from, to, entries, verification\n"
           "  --verify                check the whole chain and the head record; exit 0 when intact,\n"
           "                          1 when not (naming the first entry that does not verify)\n"
           "  --expect-head HASH|FILE with --verify: the log must still contain the head an earlier\n"
           "                          export recorded (export.json's activity_log_head, or the path of\n"
           "                          that export.json: then also that export's own entry)\n\n"
           "Connection (one of, only to find the archive): --demo [--demo-users N …], --profile NAME,\n"
           "  --tenant ID --client-id ID [--cloud …]\n\n"
           "Exit codes: 0 listed / intact · 1 not intact (--verify) or the log cannot be read · 2 usage\n"
           "  (bad dates or options, unknown profile, no archive at that place)\n"_s;
}

} // namespace ledger::cli
