#pragma once
// Parsed and validated command-line options of `check`, `export` and `log` (docs/CLI.md).
// Everything that can be checked without touching the network or the archive is checked here,
// so that bad input ends with exit code 2 before anything is written.
#include "app/auth/ConnectionSettings.h"
#include "app/detect/Watchlist.h"
#include "app/sim/DemoServerOptions.h"
#include "app/sim/DemoTenant.h"
#include <QDateTime>
#include <QString>
#include <QStringList>

namespace ledger::cli {

struct CliOptions {
    QString command;                 // "check", "export" or "log"
    bool help = false;

    // Connection
    bool demo = false;
    QString profile;                 // --profile NAME (name or id)
    ConnectionSettings connection;   // --tenant/--client-id/--cloud/--authority-url/--graph-url
    bool secretStdin = false;

    // check
    QString probeUser;               // --user UPN|ID: probe this user's history (else auto-chosen)

    // export
    QDateTime from, to;              // UTC, [from, to)
    QStringList appClasses;          // raw appClass values; empty = all
    QStringList appNames;            // as given (for messages)
    QStringList users;               // UPNs or ids; empty = all
    QString outDir;                  // absolute
    bool force = false;
    QString archivePath;             // --archive PATH (else the profile's / demo archive)
    double rate = 0;                 // --rate N requests/s (0 = default)
    int concurrency = 0;             // --concurrency N (0 = default)
    bool full = false;               // --full: ignore watermarks
    bool probeUnlicensed = false;    // --probe-unlicensed: read users without the chat plan too
    int reprobeDays = -1;            // --reprobe-days N (-1 = SyncOptions default)
    bool includeDeleted = false;     // --include-deleted: also deleted users (deletedItems)
    bool formulaGuard = true;        // --no-formula-guard
    QString transcripts;             // --transcripts pdf|html ("" = none)
    int maxRetries = -1;             // --max-retries N per request (-1 = GraphClient default)
    qint64 timeoutSeconds = 0;       // --timeout DURATION for sign-in and sync (0 = none)
    // --watchlist FILE (repeatable): the lists this run finds (name = the file's base name);
    // without it the lists stored with the profile's archive are used.
    QList<detect::Watchlist> watchlists;
    bool watchlistsGiven = false;
    // --search NAME: the text, dates, apps, users and findings filter of a search saved in the
    // window; --from/--to, --app and --users given as well replace that part of it.
    QString searchName;
    bool datesGiven = false;         // --from and --to were given (always, without --search)

    // --case NAME: the export folder of the turns of that review case (docs/CLI.md). --from/--to
    // are then optional: without them nothing is synced (hasRange false).
    QString reviewCase;
    bool hasRange = true;
    // --pseudonymize, --pseudonym-map FILE (absolute; outside outDir)
    bool pseudonymize = false;
    QString pseudonymMap;

    // log (from/to above: invalid = open; archivePath above)
    bool json = false;               // --json
    bool verify = false;             // --verify
    QString expectHead;              // --expect-head HASH (64 lowercase hex digits)
    QString expectExportJson;        // --expect-head FILE: that export.json's path (absolute)

    // Developer options for --demo (docs/CLI.md "Demo tenant options")
    DemoTenantSpec demoSpec;
    DemoServerOptions demoOptions;
    bool demoSpecChanged = false;
};

// args = the arguments after the command name. Returns false with a plain message on bad input.
bool parseOptions(const QString &command, const QStringList &args, CliOptions *out, QString *error);

// YYYY-MM-DD (UTC midnight) or ISO-8601 with Z / offset (e.g. 2025-01-31T12:00:00Z).
bool parseDate(const QString &text, QDateTime *out);

// --timeout DURATION: a whole number with the unit s, m or h ("90s", "30m", "2h"), 1 s to 7 days.
// Seconds, or -1 when it does not parse.
qint64 parseDuration(const QString &text);

// The folder rule of `export --out`: missing (an existing ancestor must be writable), or an
// existing writable folder that is empty unless force. Empty string = acceptable.
QString checkOutDir(const QString &dir, bool force);

} // namespace ledger::cli
