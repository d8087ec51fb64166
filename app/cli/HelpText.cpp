#include "cli/HelpText.h"

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
           "  copilot-ledger demo-server [--port N] [--latency-ms N] [--rate N] [--faults] [--seed N]\n"
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
           "                             [--transcripts pdf|html]\n\n"
           "Syncs the interaction history into the local archive (incremental), then writes\n"
           "prompts.csv, sessions.csv, users.csv, interactions.jsonl, findings.csv, export.json and\n"
           "SHA256SUMS.\n\n"
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
           "  --transcripts pdf|html  also write transcripts/<upn>/<YYYY-MM-DD>_<session>.pdf|.html,\n"
           "                          one per session, listed in SHA256SUMS and export.json\n\n"
           "Ctrl+C or SIGTERM stops cleanly: what was synced stays in the archive, no export file\n"
           "is written (an older export in --out keeps its bytes) and the exit code is 130.\n\n"_s
        + connectionHelp() + u"\n"_s + exitCodes();
}

} // namespace ledger::cli
