#include "app/cli/CliOptions.h"
#include "app/export/Exporter.h"
#include <algorithm>
#include <functional>

#include "app/auth/CredentialValidation.h"
#include "app/model/AppClass.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>
#include <optional>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace ledger::cli {

namespace {

enum class Arg { Flag, Value };

const QHash<QString, Arg> &commonOptions()
{
    static const QHash<QString, Arg> opts{
        {u"--help"_s, Arg::Flag},          {u"-h"_s, Arg::Flag},
        {u"--demo"_s, Arg::Flag},          {u"--profile"_s, Arg::Value},
        {u"--tenant"_s, Arg::Value},       {u"--client-id"_s, Arg::Value},
        {u"--cloud"_s, Arg::Value},        {u"--authority-url"_s, Arg::Value},
        {u"--graph-url"_s, Arg::Value},    {u"--secret-stdin"_s, Arg::Flag},
        {u"--demo-users"_s, Arg::Value},   {u"--demo-interactions"_s, Arg::Value},
        {u"--demo-days"_s, Arg::Value},    {u"--demo-seed"_s, Arg::Value},
        {u"--demo-latency-ms"_s, Arg::Value}, {u"--demo-rate"_s, Arg::Value},
        {u"--demo-faults"_s, Arg::Flag},   {u"--demo-fault-rate"_s, Arg::Value},
        {u"--demo-reject-filter"_s, Arg::Flag},
    };
    return opts;
}

const QHash<QString, Arg> &checkOptions()
{
    static const QHash<QString, Arg> opts{{u"--user"_s, Arg::Value}};
    return opts;
}

const QHash<QString, Arg> &exportOptions()
{
    static const QHash<QString, Arg> opts{
        {u"--from"_s, Arg::Value},   {u"--to"_s, Arg::Value},       {u"--app"_s, Arg::Value},
        {u"--users"_s, Arg::Value},  {u"--out"_s, Arg::Value},      {u"--force"_s, Arg::Flag},
        {u"--archive"_s, Arg::Value}, {u"--rate"_s, Arg::Value},    {u"--concurrency"_s, Arg::Value},
        {u"--full"_s, Arg::Flag},    {u"--no-formula-guard"_s, Arg::Flag}, {u"--max-retries"_s, Arg::Value},
        {u"--timeout"_s, Arg::Value},
        {u"--watchlist"_s, Arg::Value},
        {u"--probe-unlicensed"_s, Arg::Flag}, {u"--reprobe-days"_s, Arg::Value},
        {u"--include-deleted"_s, Arg::Flag}, {u"--transcripts"_s, Arg::Value},
        {u"--search"_s, Arg::Value},
        {u"--case"_s, Arg::Value},   {u"--pseudonymize"_s, Arg::Flag}, {u"--pseudonym-map"_s, Arg::Value},
    };
    return opts;
}

const QHash<QString, Arg> &logOptions()
{
    static const QHash<QString, Arg> opts{
        {u"--archive"_s, Arg::Value}, {u"--from"_s, Arg::Value},  {u"--to"_s, Arg::Value},
        {u"--json"_s, Arg::Flag},     {u"--verify"_s, Arg::Flag}, {u"--expect-head"_s, Arg::Value},
    };
    return opts;
}

bool toNumber(const QString &name, const QString &v, double min, double max, double *out, QString *error)
{
    bool ok = false;
    const double d = v.toDouble(&ok);
    if (!ok || d < min || d > max) {
        *error = u"%1 needs a number from %2 to %3, not \"%4\"."_s.arg(name).arg(min).arg(max).arg(v);
        return false;
    }
    *out = d;
    return true;
}

bool readUserList(const QString &value, QStringList *users, QString *error)
{
    QString text = value;
    if (value.startsWith(u'@')) {
        const QString path = value.mid(1);
        QFile f(path);
        if (path.isEmpty() || !f.open(QIODevice::ReadOnly)) {
            *error = u"The user list file \"%1\" cannot be read (%2)."_s.arg(path, path.isEmpty() ? u"no file name after @"_s : f.errorString());
            return false;
        }
        text = QString::fromUtf8(f.readAll());
    }
    const QStringList lines = text.split(u'\n');
    for (QString line : lines) {
        const qsizetype hash = line.indexOf(u'#');
        if (hash >= 0)
            line.truncate(hash);
        for (const QString &part : line.split(u',')) {
            const QString u = normalizeInput(part);
            if (!u.isEmpty() && !users->contains(u, Qt::CaseInsensitive))
                users->append(u);
        }
    }
    if (users->isEmpty()) {
        *error = u"--users names no user. Give user principal names or IDs, separated by commas, or @FILE with one per line."_s;
        return false;
    }
    return true;
}

} // namespace

bool parseDate(const QString &text, QDateTime *out)
{
    const QString s = text.trimmed();
    static const QRegularExpression dateOnly(u"^\\d{4}-\\d{2}-\\d{2}$"_s);
    if (dateOnly.match(s).hasMatch()) {
        const QDate d = QDate::fromString(s, Qt::ISODate);
        if (!d.isValid())
            return false;
        *out = QDateTime(d, QTime(0, 0), Qt::UTC);
        return true;
    }
    // A full timestamp must say its zone: Z or ±hh:mm.
    static const QRegularExpression withZone(
        u"^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:\\d{2})$"_s);
    if (!withZone.match(s).hasMatch())
        return false;
    QString norm = s;
    // Qt parses at most milliseconds: cut longer fractions.
    static const QRegularExpression longFraction(u"(\\.\\d{3})\\d+"_s);
    norm.replace(longFraction, u"\\1"_s);
    const QDateTime t = QDateTime::fromString(norm, Qt::ISODateWithMs);
    if (!t.isValid())
        return false;
    *out = t.toUTC();
    return true;
}

qint64 parseDuration(const QString &text)
{
    const QString t = text.trimmed().toLower();
    if (t.size() < 2)
        return -1;
    const QChar unit = t.back();
    const qint64 factor = unit == u's' ? 1 : unit == u'm' ? 60 : unit == u'h' ? 3600 : 0;
    const QStringView digits = QStringView(t).chopped(1);
    if (factor == 0 || digits.isEmpty() || digits.size() > 9
        || !std::all_of(digits.begin(), digits.end(), [](QChar c) { return c >= u'0' && c <= u'9'; }))
        return -1;
    const qint64 seconds = digits.toLongLong() * factor;
    return seconds > 0 && seconds <= 7 * 24 * 3600 ? seconds : -1;
}

QString checkOutDir(const QString &dir, bool force)
{
    const QFileInfo info(dir);
    if (info.isSymLink() && !info.exists())
        return u"--out %1 is a symbolic link to %2, which does not exist."_s.arg(dir, info.symLinkTarget());
    if (info.exists()) {
        if (!info.isDir())
            return u"--out %1 is a file, not a folder."_s.arg(dir);
        if (!info.isWritable())
            return u"The folder %1 is not writable."_s.arg(dir);
        const QDir d(dir);
        if (!force && !d.entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System).isEmpty())
            return u"The folder %1 is not empty. Choose an empty or new folder, or pass --force to replace the export files in it."_s.arg(dir);
        // --force replaces our own files only, and only plain files: refused before the sync.
        for (const QString &name : Exporter::fileNames())
            if (const QString problem = Exporter::unsafeTarget(d.filePath(name)); !problem.isEmpty())
                return problem;
        return {};
    }
    // Missing: the nearest existing ancestor must be a writable folder (it is created later).
    QFileInfo parent(info.absolutePath());
    while (!parent.exists() && parent.absoluteFilePath() != parent.absolutePath())
        parent = QFileInfo(parent.absolutePath());
    if (!parent.exists() || !parent.isDir() || !parent.isWritable())
        return u"The folder %1 cannot be created: %2 is not a writable folder."_s.arg(dir, parent.absoluteFilePath());
    return {};
}

bool parseOptions(const QString &command, const QStringList &args, CliOptions *out, QString *error)
{
    CliOptions o;
    o.command = command;
    const QHash<QString, Arg> &specific = command == u"check" ? checkOptions()
        : command == u"log"                                  ? logOptions()
                                                             : exportOptions();
    QHash<QString, QString> values;
    QStringList seenFlags;
    QStringList watchlistFiles;   // --watchlist is repeatable
    for (int i = 0; i < args.size(); ++i) {
        QString name = args.at(i);
        QString value;
        bool hasInlineValue = false;
        if (name.startsWith(u"--")) {
            const qsizetype eq = name.indexOf(u'=');
            if (eq > 0) {
                value = name.mid(eq + 1);
                name.truncate(eq);
                hasInlineValue = true;
            }
        }
        const auto kind = commonOptions().contains(name) ? std::optional<Arg>(commonOptions().value(name))
            : specific.contains(name)                   ? std::optional<Arg>(specific.value(name))
                                                         : std::nullopt;
        if (!kind) {
            *error = name.startsWith(u'-') ? u"Unknown option %1."_s.arg(name)
                                           : u"Unexpected argument \"%1\"."_s.arg(name);
            return false;
        }
        if (*kind == Arg::Flag) {
            if (hasInlineValue) {
                *error = u"%1 takes no value."_s.arg(name);
                return false;
            }
            seenFlags << name;
            continue;
        }
        if (!hasInlineValue) {
            if (i + 1 >= args.size()) {
                *error = u"%1 needs a value."_s.arg(name);
                return false;
            }
            value = args.at(++i);
        }
        if (name == u"--watchlist") {
            watchlistFiles << value;
            continue;
        }
        if (values.contains(name)) {
            *error = u"%1 is given twice."_s.arg(name);
            return false;
        }
        values.insert(name, value);
    }
    if (seenFlags.contains(u"--help"_s) || seenFlags.contains(u"-h"_s)) {
        o.help = true;
        *out = o;
        return true;
    }

    // ---- connection -------------------------------------------------------------------------
    o.demo = seenFlags.contains(u"--demo"_s);
    o.secretStdin = seenFlags.contains(u"--secret-stdin"_s);
    o.profile = normalizeInput(values.value(u"--profile"_s));
    const bool hasTenant = values.contains(u"--tenant"_s) || values.contains(u"--client-id"_s);
    const bool hasEndpointOpts = values.contains(u"--cloud"_s) || values.contains(u"--authority-url"_s)
        || values.contains(u"--graph-url"_s);
    if (int(o.demo) + int(!o.profile.isEmpty()) + int(hasTenant) > 1) {
        *error = u"Use only one of --demo, --profile NAME, or --tenant ID --client-id ID."_s;
        return false;
    }
    const bool logArchive = command == u"log" && values.contains(u"--archive"_s);
    if (logArchive && (o.demo || !o.profile.isEmpty() || hasTenant)) {
        *error = u"Use either a connection (--demo, --profile NAME, or --tenant ID --client-id ID) or --archive PATH, not both."_s;
        return false;
    }
    if (command == u"log" && o.secretStdin) {
        *error = u"log reads only the archive and needs no client secret: leave out --secret-stdin."_s;
        return false;
    }
    if (!o.demo && o.profile.isEmpty() && !hasTenant && !logArchive) {
        *error = command == u"log"
            ? u"Say which archive to read: --archive PATH, --profile NAME, --tenant ID --client-id ID, or --demo."_s
            : u"Say which tenant to use: --profile NAME, or --tenant ID --client-id ID, or --demo for the built-in demo tenant."_s;
        return false;
    }
    if ((o.demo || !o.profile.isEmpty()) && hasEndpointOpts) {
        *error = u"--cloud, --authority-url and --graph-url go with --tenant and --client-id."_s;
        return false;
    }
    if (hasTenant) {
        const QString tenant = normalizeInput(values.value(u"--tenant"_s));
        const QString clientId = normalizeInput(values.value(u"--client-id"_s));
        if (tenant.isEmpty() || clientId.isEmpty()) {
            *error = u"--tenant and --client-id are needed together."_s;
            return false;
        }
        const FieldCheck tc = checkTenant(tenant);
        if (!tc.ok) {
            *error = u"--tenant: "_s + tc.message;
            return false;
        }
        const FieldCheck cc = checkClientId(clientId);
        if (!cc.ok) {
            *error = u"--client-id: "_s + cc.message;
            return false;
        }
        o.connection.tenant = tenant;
        o.connection.clientId = clientId;
        const bool hasAuthority = values.contains(u"--authority-url"_s);
        const bool hasGraph = values.contains(u"--graph-url"_s);
        if (hasAuthority != hasGraph) {
            *error = u"A custom endpoint needs both --authority-url and --graph-url."_s;
            return false;
        }
        if (hasAuthority) {
            const QString cloudKeyValue = values.value(u"--cloud"_s);
            if (!cloudKeyValue.isEmpty() && cloudKeyValue != u"custom") {
                *error = u"--authority-url and --graph-url replace --cloud; leave --cloud out."_s;
                return false;
            }
            o.connection.cloud = Cloud::Custom;
            const QUrl authority(values.value(u"--authority-url"_s), QUrl::StrictMode);
            const QUrl graph(values.value(u"--graph-url"_s), QUrl::StrictMode);
            for (const auto &[opt, url] : {std::pair{u"--authority-url"_s, authority}, std::pair{u"--graph-url"_s, graph}}) {
                const QString why = url.isValid() ? validateEndpointUrl(url) : u"not a valid URL"_s;
                if (!why.isEmpty()) {
                    *error = opt + u": "_s + why;
                    return false;
                }
            }
            o.connection.authorityUrl = authority;
            o.connection.graphUrl = graph;
        } else if (values.contains(u"--cloud"_s)) {
            const auto cloud = cloudFromKey(values.value(u"--cloud"_s));
            if (!cloud || *cloud == Cloud::Custom) {
                *error = u"--cloud must be one of global, usgov, usgov-dod, china (or give --authority-url and --graph-url)."_s;
                return false;
            }
            o.connection.cloud = *cloud;
        }
    }

    // ---- demo developer options ---------------------------------------------------------------
    static const QStringList demoValueOpts{u"--demo-users"_s, u"--demo-interactions"_s, u"--demo-days"_s,
                                           u"--demo-seed"_s, u"--demo-latency-ms"_s, u"--demo-rate"_s,
                                           u"--demo-fault-rate"_s};
    bool anyDemoOpt = seenFlags.contains(u"--demo-faults"_s) || seenFlags.contains(u"--demo-reject-filter"_s);
    for (const QString &k : demoValueOpts)
        anyDemoOpt = anyDemoOpt || values.contains(k);
    if (anyDemoOpt && !o.demo) {
        *error = u"The --demo-… options need --demo."_s;
        return false;
    }
    // A numeric option in [min, max], when given, handed to `set`.
    const auto number = [&](const QString &name, double min, double max, const std::function<void(double)> &set) {
        if (!values.contains(name))
            return true;
        double n = 0;
        if (!toNumber(name, values.value(name), min, max, &n, error))
            return false;
        set(n);
        return true;
    };
    // An integer one of the demo tenant's spec.
    const auto specNumber = [&](const QString &name, double min, double max, int *target) {
        return number(name, min, max, [&](double n) {
            *target = int(n);
            o.demoSpecChanged = true;
        });
    };
    if (!specNumber(u"--demo-users"_s, 1, 100000, &o.demoSpec.users)
        || !specNumber(u"--demo-interactions"_s, 0, 10000000, &o.demoSpec.interactions)
        || !specNumber(u"--demo-days"_s, 1, 3650, &o.demoSpec.days))
        return false;
    if (values.contains(u"--demo-seed"_s)) {
        bool ok = false;
        o.demoSpec.seed = values.value(u"--demo-seed"_s).toULongLong(&ok);
        if (!ok) {
            *error = u"--demo-seed needs a whole number."_s;
            return false;
        }
        o.demoSpecChanged = true;
    }
    if (!number(u"--demo-latency-ms"_s, 0, 60000, [&](double n) { o.demoOptions.latencyMs = int(n); })
        || !number(u"--demo-rate"_s, 0, 100000, [&](double n) { o.demoOptions.rateLimit = n; })
        || !number(u"--demo-fault-rate"_s, 0, 1, [&](double n) { o.demoOptions.faultRate = n; }))
        return false;
    o.demoOptions.faults = seenFlags.contains(u"--demo-faults"_s);
    o.demoOptions.rejectFilter = seenFlags.contains(u"--demo-reject-filter"_s);

    if (command == u"check") {
        o.probeUser = values.value(u"--user"_s).trimmed();
        if (values.contains(u"--user"_s) && o.probeUser.isEmpty()) {
            *error = u"--user needs a user principal name or object ID, e.g. --user adele@contoso.com."_s;
            return false;
        }
        *out = o;
        return true;
    }

    if (command == u"log") {
        for (const auto &[opt, target] : {std::pair{u"--from"_s, &o.from}, std::pair{u"--to"_s, &o.to}}) {
            if (values.contains(opt) && !parseDate(values.value(opt), target)) {
                *error = u"%1 \"%2\" is not a date. Use YYYY-MM-DD (UTC midnight) or a full ISO-8601 time with Z, e.g. 2025-01-31T12:00:00Z."_s
                             .arg(opt, values.value(opt));
                return false;
            }
        }
        if (o.from.isValid() && o.to.isValid() && o.from >= o.to) {
            *error = u"--from must be before --to (--to is exclusive: to include all of 31 January, pass --to of 1 February)."_s;
            return false;
        }
        o.json = seenFlags.contains(u"--json"_s);
        o.verify = seenFlags.contains(u"--verify"_s);
        if (values.contains(u"--expect-head"_s)) {
            if (!o.verify) {
                *error = u"--expect-head goes with --verify."_s;
                return false;
            }
            const QString v = values.value(u"--expect-head"_s).trimmed();
            static const QRegularExpression hex(u"^[0-9a-fA-F]{64}$"_s);
            if (hex.match(v).hasMatch()) {
                o.expectHead = v.toLower();
            } else if (QFileInfo(v).isFile()) {
                o.expectExportJson = QFileInfo(v).absoluteFilePath();
            } else {
                *error = u"--expect-head needs the activity_log_head of an earlier export.json (64 hexadecimal digits) "
                         "or the path of that export.json, not \"%1\"."_s.arg(v);
                return false;
            }
        }
        if (logArchive)
            o.archivePath = QFileInfo(values.value(u"--archive"_s)).absoluteFilePath();
        *out = o;
        return true;
    }

    // ---- export -------------------------------------------------------------------------------
    // --search NAME: a search saved in the window (looked up when the archive is open). Its date
    // range applies unless --from and --to are given (then both).
    if (values.contains(u"--search"_s)) {
        o.searchName = values.value(u"--search"_s).trimmed();
        if (o.searchName.isEmpty()) {
            *error = u"--search needs the name of a saved search, e.g. --search \"Card numbers\"."_s;
            return false;
        }
    }
    if (values.contains(u"--case"_s)) {
        o.reviewCase = values.value(u"--case"_s).trimmed();
        if (o.reviewCase.isEmpty()) {
            *error = u"--case needs the name of a case."_s;
            return false;
        }
    }
    o.datesGiven = values.contains(u"--from"_s) || values.contains(u"--to"_s);
    if (o.datesGiven && !(values.contains(u"--from"_s) && values.contains(u"--to"_s))) {
        *error = !o.searchName.isEmpty()
            ? u"With --search give both --from DATE and --to DATE, or neither (then the saved search's dates apply)."_s
            : !o.reviewCase.isEmpty()
            ? u"--from and --to go together (with --case both may be left out: the case is then exported as the archive holds it)."_s
            : u"export needs --from DATE and --to DATE (YYYY-MM-DD or ISO-8601 with Z)."_s;
        return false;
    }
    if (!o.datesGiven && o.searchName.isEmpty() && o.reviewCase.isEmpty()) {
        *error = u"export needs --from DATE and --to DATE (YYYY-MM-DD or ISO-8601 with Z)."_s;
        return false;
    }
    // A case export needs no range: without one (and without a saved search's) it is written from
    // the archive as it is.
    o.hasRange = o.datesGiven || o.reviewCase.isEmpty();
    if (!o.hasRange && values.contains(u"--users"_s)) {
        *error = u"--users needs --from and --to (it narrows the sync; --case without a range syncs nothing)."_s;
        return false;
    }
    for (const auto &[opt, target] : {std::pair{u"--from"_s, &o.from}, std::pair{u"--to"_s, &o.to}}) {
        if (!o.datesGiven)
            break;
        if (!parseDate(values.value(opt), target)) {
            *error = u"%1 \"%2\" is not a date. Use YYYY-MM-DD (UTC midnight) or a full ISO-8601 time with Z, e.g. 2025-01-31T12:00:00Z."_s
                         .arg(opt, values.value(opt));
            return false;
        }
    }
    if (o.datesGiven && o.from >= o.to) {
        *error = u"--from must be before --to (--to is exclusive: to include all of 31 January, pass --to of 1 February)."_s;
        return false;
    }
    if (values.contains(u"--app"_s)) {
        QString appError;
        if (!parseAppList(values.value(u"--app"_s), &o.appClasses, &appError)) {
            *error = appError.isEmpty() ? u"Unknown app in --app."_s : appError;
            if (!error->contains(u"Word"_s))
                *error += u" Valid apps: "_s + knownAppNames().join(u", "_s) + u'.';
            return false;
        }
        o.appNames = values.value(u"--app"_s).split(u',', Qt::SkipEmptyParts);
    }
    if (values.contains(u"--users"_s) && !readUserList(values.value(u"--users"_s), &o.users, error))
        return false;
    if (!values.contains(u"--out"_s) || values.value(u"--out"_s).trimmed().isEmpty()) {
        *error = u"export needs --out FOLDER."_s;
        return false;
    }
    o.force = seenFlags.contains(u"--force"_s);
    o.outDir = QFileInfo(values.value(u"--out"_s)).absoluteFilePath();
    const QString outProblem = checkOutDir(o.outDir, o.force);
    if (!outProblem.isEmpty()) {
        *error = outProblem;
        return false;
    }
    o.pseudonymize = seenFlags.contains(u"--pseudonymize"_s);
    if (values.contains(u"--pseudonym-map"_s)) {
        if (!o.pseudonymize) {
            *error = u"--pseudonym-map goes with --pseudonymize."_s;
            return false;
        }
        o.pseudonymMap = QFileInfo(values.value(u"--pseudonym-map"_s)).absoluteFilePath();
        const QString problem = Exporter::pseudonymMapProblem(o.pseudonymMap, o.outDir);
        if (!problem.isEmpty()) {
            *error = u"--pseudonym-map: "_s + problem;
            return false;
        }
        if (QFileInfo::exists(o.pseudonymMap) && !o.force) {
            *error = u"--pseudonym-map: %1 exists already (pass --force to replace it)."_s.arg(o.pseudonymMap);
            return false;
        }
        if (const QFileInfo folder(QFileInfo(o.pseudonymMap).absolutePath()); !folder.isDir() || !folder.isWritable()) {
            *error = u"--pseudonym-map: the folder %1 does not exist or is not writable."_s.arg(folder.absoluteFilePath());
            return false;
        }
    }
    if (values.contains(u"--archive"_s)) {
        o.archivePath = QFileInfo(values.value(u"--archive"_s)).absoluteFilePath();
        const QString problem = checkOutDir(QFileInfo(o.archivePath).absolutePath(), true);
        if (!problem.isEmpty()) {
            *error = u"--archive: "_s + problem;
            return false;
        }
    }
    if (values.contains(u"--rate"_s)) {
        if (!toNumber(u"--rate"_s, values.value(u"--rate"_s), 0.1, 1000, &o.rate, error))
            return false;
    }
    if (!number(u"--concurrency"_s, 1, 64, [&](double n) { o.concurrency = int(n); })
        || !number(u"--max-retries"_s, 0, 20, [&](double n) { o.maxRetries = int(n); }))
        return false;
    if (values.contains(u"--timeout"_s)) {
        o.timeoutSeconds = parseDuration(values.value(u"--timeout"_s));
        if (o.timeoutSeconds <= 0) {
            *error = u"--timeout needs a duration: a whole number followed by s, m or h (90s, 30m, 2h), at most 7 days; not \"%1\"."_s
                         .arg(values.value(u"--timeout"_s));
            return false;
        }
    }
    if (!number(u"--reprobe-days"_s, 0, 3650, [&](double n) { o.reprobeDays = int(n); }))
        return false;
    o.full = seenFlags.contains(u"--full"_s);
    o.probeUnlicensed = seenFlags.contains(u"--probe-unlicensed"_s);
    o.includeDeleted = seenFlags.contains(u"--include-deleted"_s);
    o.formulaGuard = !seenFlags.contains(u"--no-formula-guard"_s);
    if (values.contains(u"--transcripts"_s)) {
        o.transcripts = values.value(u"--transcripts"_s).trimmed().toLower();
        if (o.transcripts != u"pdf" && o.transcripts != u"html") {
            *error = u"--transcripts needs pdf or html, not \"%1\"."_s.arg(values.value(u"--transcripts"_s));
            return false;
        }
    }
    // Watchlists are read and checked now, so that a bad file stops before anything is written.
    for (const QString &file : std::as_const(watchlistFiles)) {
        if (file.trimmed().isEmpty()) {
            *error = u"--watchlist needs a file name."_s;
            return false;
        }
        detect::Watchlist w;
        QString why;
        if (!detect::Watchlist::load(file, &w, &why)) {
            *error = u"--watchlist: "_s + why;
            return false;
        }
        for (const detect::Watchlist &other : std::as_const(o.watchlists)) {
            if (other.name().compare(w.name(), Qt::CaseInsensitive) == 0) {
                *error = u"--watchlist: two lists are named \"%1\" (the name is the file's base name); rename one file."_s
                             .arg(w.name());
                return false;
            }
        }
        o.watchlists << w;
    }
    o.watchlistsGiven = !watchlistFiles.isEmpty();
    *out = o;
    return true;
}

} // namespace ledger::cli
