#include "app/archive/ActivityLog.h"
#include "app/archive/Archive.h"
#include "app/model/Interaction.h"

#include <QAtomicInt>
#include <QCryptographicHash>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSysInfo>
#include <QVariant>
#include <algorithm>
#include <iterator>
#include <vector>

#if defined(Q_OS_UNIX)
#include <pwd.h>
#include <unistd.h>
#elif defined(Q_OS_WIN)
#ifndef NOMINMAX
#define NOMINMAX
#endif
#include <windows.h>
#endif

using namespace Qt::StringLiterals;

namespace ledger {

namespace {

QDateTime g_testClock;

constexpr auto kHeadKey = "activity_log_head"_L1;

void appendString(QByteArray &out, const QString &s)
{
    // Python's json.dumps(..., ensure_ascii=False) escaping: \" \\ \b \f \n \r \t, other C0
    // controls as \u00xx; everything else as UTF-8.
    out += '"';
    const QByteArray utf8 = s.toUtf8();
    for (const char ch : utf8) {
        const auto c = static_cast<unsigned char>(ch);
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\b': out += "\\b"; break;
        case '\f': out += "\\f"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default:
            if (c < 0x20) {
                char buf[8];
                std::snprintf(buf, sizeof buf, "\\u%04x", unsigned(c));
                out += buf;
            } else {
                out += ch;
            }
        }
    }
    out += '"';
}

void appendValue(QByteArray &out, const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined: out += "null"; break;
    case QJsonValue::Bool: out += v.toBool() ? "true" : "false"; break;
    case QJsonValue::Double: {
        const QVariant var = v.toVariant();
        if (var.typeId() == QMetaType::LongLong || var.typeId() == QMetaType::Int)
            out += QByteArray::number(var.toLongLong());
        else
            out += QByteArray::number(v.toDouble(), 'g', 17);   // not used by the entries this program writes
        break;
    }
    case QJsonValue::String: appendString(out, v.toString()); break;
    case QJsonValue::Array: {
        out += '[';
        const QJsonArray a = v.toArray();
        for (qsizetype i = 0; i < a.size(); ++i) {
            if (i)
                out += ',';
            appendValue(out, a.at(i));
        }
        out += ']';
        break;
    }
    case QJsonValue::Object: {
        const QJsonObject o = v.toObject();
        QStringList keys = o.keys();
        std::sort(keys.begin(), keys.end());   // UTF-16 order = code point order for the BMP keys used here
        out += '{';
        for (qsizetype i = 0; i < keys.size(); ++i) {
            if (i)
                out += ',';
            appendString(out, keys.at(i));
            out += ':';
            appendValue(out, o.value(keys.at(i)));
        }
        out += '}';
        break;
    }
    }
}

QSqlDatabase dbOf(const Archive &archive)
{
    return QSqlDatabase::database(archive.connectionName(), false);
}

ActivityEntry entryFrom(const QSqlQuery &q, bool *detailsParsed = nullptr)
{
    ActivityEntry e;
    e.seq = q.value(0).toLongLong();
    e.time = QDateTime::fromString(q.value(1).toString(), Qt::ISODateWithMs);
    e.operatorName = q.value(2).toString();
    e.machine = q.value(3).toString();
    e.appVersion = q.value(4).toString();
    e.kind = q.value(5).toString();
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(q.value(6).toString().toUtf8(), &err);
    e.details = doc.object();
    if (detailsParsed)
        *detailsParsed = err.error == QJsonParseError::NoError && doc.isObject();
    e.hash = q.value(7).toString();
    return e;
}

constexpr auto kColumns = "SELECT seq, time_utc, operator, machine, app_version, kind, details, hash FROM activity_log"_L1;

} // namespace

QString ActivityLog::zeroHash() { return QString(64, u'0'); }

QByteArray ActivityLog::canonicalJson(const QJsonValue &v)
{
    QByteArray out;
    appendValue(out, v);
    return out;
}

QByteArray ActivityLog::canonicalContent(const ActivityEntry &e)
{
    const QJsonObject o{{u"seq"_s, e.seq},
                        {u"time_utc"_s, formatUtc(e.time)},
                        {u"operator"_s, e.operatorName},
                        {u"machine"_s, e.machine},
                        {u"app_version"_s, e.appVersion},
                        {u"kind"_s, e.kind},
                        {u"details"_s, e.details}};
    return canonicalJson(o);
}

QString ActivityLog::chainHash(const QString &previousHash, const ActivityEntry &e)
{
    QCryptographicHash h(QCryptographicHash::Sha256);
    h.addData(previousHash.toLatin1());
    h.addData("\n");
    h.addData(canonicalContent(e));
    return QString::fromLatin1(h.result().toHex());
}

namespace {

// The account this process runs as, as the OS reports it: environment variables are only the
// last resort, since a scheduled job may not set them and anyone can set them to another name.
QString osAccountName()
{
#if defined(Q_OS_UNIX)
    const long hint = sysconf(_SC_GETPW_R_SIZE_MAX);
    std::vector<char> buffer(hint > 0 ? size_t(hint) : size_t(16384));
    passwd entry{};
    passwd *found = nullptr;
    if (getpwuid_r(geteuid(), &entry, buffer.data(), buffer.size(), &found) == 0 && found && found->pw_name
        && *found->pw_name)
        return QString::fromLocal8Bit(found->pw_name);
#elif defined(Q_OS_WIN)
    wchar_t name[257];   // UNLEN + 1
    DWORD size = DWORD(std::size(name));
    if (GetUserNameW(name, &size) && size > 1)
        return QString::fromWCharArray(name, int(size - 1));   // size counts the terminating zero
#endif
    for (const char *variable : {"USERNAME", "USER", "LOGNAME"}) {
        const QString user = qEnvironmentVariable(variable);
        if (!user.isEmpty())
            return user;
    }
#if defined(Q_OS_UNIX)
    return u"uid "_s + QString::number(geteuid());   // an account without a user database entry
#else
    return u"unknown"_s;
#endif
}

} // namespace

QString ActivityLog::currentOperator()
{
    // Asked once: the account does not change while the program runs, and a user database
    // behind a directory service (LDAP, SSSD) may take a while to answer.
    static const QString account = osAccountName();
    return account;
}

QString ActivityLog::currentMachine()
{
    const QString host = QSysInfo::machineHostName();
    return host.isEmpty() ? u"unknown"_s : host;
}

void ActivityLog::setClockForTesting(const QDateTime &now) { g_testClock = now; }

QString ActivityLog::append(Archive &archive, const QString &kind, const QJsonObject &details, QString *error,
                            bool inTransaction)
{
    auto fail = [&](const QString &what, const QSqlQuery &q) {
        if (error)
            *error = u"Recording the activity log entry failed (%1): %2"_s.arg(what, q.lastError().text());
        return QString();
    };
    if (!archive.isOpen()) {
        if (error)
            *error = u"No archive is open."_s;
        return {};
    }
    QSqlDatabase db = dbOf(archive);
    QSqlQuery q(db);
    // BEGIN IMMEDIATE: take the write lock before reading the head, so that two writers (the
    // GUI and a command-line run on the same archive) can never chain onto the same entry.
    if (!inTransaction && !q.exec(u"BEGIN IMMEDIATE"_s))
        return fail(u"begin"_s, q);
    auto rollback = [&] {
        if (!inTransaction)
            QSqlQuery(db).exec(u"ROLLBACK"_s);
    };
    QString prev = zeroHash();
    qint64 seq = 1;
    if (!q.exec(u"SELECT seq, hash FROM activity_log ORDER BY seq DESC LIMIT 1"_s)) {
        const QString r = fail(u"read"_s, q);
        rollback();
        return r;
    }
    if (q.next()) {
        seq = q.value(0).toLongLong() + 1;
        prev = q.value(1).toString();
    }
    q.finish();
    ActivityEntry e;
    e.seq = seq;
    e.time = (g_testClock.isValid() ? g_testClock : QDateTime::currentDateTimeUtc()).toUTC();
    e.operatorName = currentOperator();
    e.machine = currentMachine();
    e.appVersion = QStringLiteral(LEDGER_VERSION);
    e.kind = kind;
    e.details = details;
    e.hash = chainHash(prev, e);
    q.prepare(u"INSERT INTO activity_log(seq, time_utc, operator, machine, app_version, kind, details, hash)"
              " VALUES (?,?,?,?,?,?,?,?)"_s);
    q.addBindValue(e.seq);
    q.addBindValue(formatUtc(e.time));
    q.addBindValue(e.operatorName);
    q.addBindValue(e.machine);
    q.addBindValue(e.appVersion);
    q.addBindValue(e.kind);
    q.addBindValue(QString::fromUtf8(canonicalJson(e.details)));
    q.addBindValue(e.hash);
    if (!q.exec()) {
        const QString r = fail(u"insert"_s, q);
        rollback();
        return r;
    }
    q.prepare(u"INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)"_s);
    q.addBindValue(QString(kHeadKey));
    q.addBindValue(QString(QString::number(e.seq) + u' ' + e.hash));
    if (!q.exec()) {
        const QString r = fail(u"head"_s, q);
        rollback();
        return r;
    }
    if (!inTransaction && !q.exec(u"COMMIT"_s)) {
        const QString r = fail(u"commit"_s, q);
        rollback();
        return r;
    }
    return e.hash;
}

namespace {

QList<ActivityEntry> entriesOf(const QSqlDatabase &db, const QDateTime &from, const QDateTime &to, const QString &kind)
{
    QList<ActivityEntry> out;
    QStringList conds;
    QVariantList binds;
    if (from.isValid()) {
        conds << u"time_utc >= ?"_s;
        binds << formatUtc(from.toUTC());
    }
    if (to.isValid()) {
        conds << u"time_utc < ?"_s;
        binds << formatUtc(to.toUTC());
    }
    if (!kind.isEmpty()) {
        conds << u"(kind = ? OR kind LIKE ?)"_s;
        binds << kind << QString(kind + u".%"_s);
    }
    QSqlQuery q(db);
    q.prepare(kColumns + (conds.isEmpty() ? QString() : u" WHERE "_s + conds.join(u" AND "_s)) + u" ORDER BY seq"_s);
    for (const QVariant &b : binds)
        q.addBindValue(b);
    if (q.exec())
        while (q.next())
            out << entryFrom(q);
    return out;
}

// The chain rule, the head record and the anchor (ActivityLog.h; docs/CLI.md "log").
ActivityVerification verifyDb(const QSqlDatabase &db, const ActivityAnchor &anchor)
{
    ActivityVerification v;
    auto bad = [&v](qint64 seq, const QDateTime &time, const QString &problem) {
        v.ok = false;
        v.firstBadSeq = seq;
        v.firstBadTime = time;
        v.problem = problem;
        v.message = seq > 0 ? (time.isValid() ? ActivityLog::tr("Entry %1 (%2) does not verify: %3").arg(seq).arg(formatUtc(time), problem)
                                              : ActivityLog::tr("Entry %1 does not verify: %2").arg(seq).arg(problem))
                            : ActivityLog::tr("The activity log does not verify: ") + problem;
        return v;
    };
    {
        QSqlQuery t(db);
        if (!t.exec(u"SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'activity_log'"_s) || !t.next())
            return bad(0, {}, ActivityLog::tr("the archive cannot be read: ") + t.lastError().text());
        if (t.value(0).toLongLong() == 0)
            return bad(0, {}, ActivityLog::tr("the archive has no activity_log table (it was removed, or the archive is from a "
                              "version before the activity log)."));
    }
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.exec(kColumns + u" ORDER BY seq"_s))
        return bad(0, {}, ActivityLog::tr("the activity log cannot be read: ") + q.lastError().text());
    QString prev = ActivityLog::zeroHash();
    qint64 expected = 1;
    QDateTime prevTime;
    bool anchorHeadSeen = anchor.head.isEmpty();
    bool anchorExportSeen = anchor.exportJsonSha256.isEmpty();
    while (q.next()) {
        bool parsed = false;
        const ActivityEntry e = entryFrom(q, &parsed);
        const QString storedTime = q.value(1).toString();
        const QString storedDetails = q.value(6).toString();
        const QDateTime shownTime = e.time.isValid() ? e.time : QDateTime();
        if (e.seq != expected) {
            if (e.seq > expected)
                return bad(expected, {}, expected + 1 == e.seq
                               ? ActivityLog::tr("it is missing: entry %1 follows entry %2, so entry %3 was deleted (or the "
                                 "numbers were changed).").arg(e.seq).arg(expected - 1).arg(expected)
                               : ActivityLog::tr("it is missing: entry %1 follows entry %2, so entries %3 to %4 were deleted (or the "
                                 "numbers were changed).").arg(e.seq).arg(expected - 1).arg(expected).arg(e.seq - 1));
            return bad(e.seq, shownTime, ActivityLog::tr("its number is out of order."));
        }
        if (!parsed || formatUtc(e.time) != storedTime || QString::fromUtf8(ActivityLog::canonicalJson(e.details)) != storedDetails)
            return bad(e.seq, shownTime, ActivityLog::tr("its content was changed (it is not in the form this program writes)."));
        const QString computed = ActivityLog::chainHash(prev, e);
        if (computed != e.hash) {
            bad(e.seq, shownTime,
                ActivityLog::tr("its content or its hash was changed, or entries before it were deleted, inserted or "
                                "reordered."));
            v.technical = ActivityLog::tr("stored hash %1, computed %2").arg(e.hash, computed);
            v.message.chop(1);   // the full stop, before the hashes
            v.message += u" ("_s + v.technical + u")."_s;
            return v;
        }
        prevTime = e.time;
        prev = e.hash;
        v.head = e.hash;
        v.entries = e.seq;
        if (!anchorHeadSeen && e.hash == anchor.head)
            anchorHeadSeen = true;
        if (!anchorExportSeen && e.kind == u"export"
            && e.details.value(u"checksums"_s).toObject().value(u"export.json"_s).toString() == anchor.exportJsonSha256)
            anchorExportSeen = true;
        ++expected;
    }
    q.finish();
    // The head record: the newest seq and hash, written with every entry.
    QSqlQuery m(db);
    m.prepare(u"SELECT value FROM meta WHERE key = ?"_s);
    m.addBindValue(QString(kHeadKey));
    QString headRecord;
    if (m.exec() && m.next())
        headRecord = m.value(0).toString();
    if (headRecord.isEmpty()) {
        if (v.entries > 0)
            return bad(v.entries, prevTime, ActivityLog::tr("the log's head record (meta activity_log_head) is missing: it was removed "
                                            "outside Copilot Ledger."));
    } else {
        const qint64 headSeq = headRecord.section(u' ', 0, 0).toLongLong();
        const QString headHash = headRecord.section(u' ', 1, 1);
        if (headSeq > v.entries)
            return bad(v.entries + 1, {}, headSeq == v.entries + 1
                           ? ActivityLog::tr("it is missing: the log's head record names entry %1 but the log ends at entry %2, so "
                             "the newest entry was deleted.").arg(headSeq).arg(v.entries)
                           : ActivityLog::tr("it is missing: the log's head record names entry %1 but the log ends at entry %2, so "
                             "the newest entries (%3 to %1) were deleted.").arg(headSeq).arg(v.entries).arg(v.entries + 1));
        if (headSeq != v.entries || headHash != v.head)
            return bad(v.entries, prevTime, ActivityLog::tr("it does not match the log's head record (entry %1, hash %2): the newest "
                                            "entries were replaced or the head record was changed.")
                                                .arg(headSeq).arg(headHash));
    }
    if (!anchorHeadSeen)
        return bad(0, {}, ActivityLog::tr("no entry has the hash %1 that the earlier export recorded as the log's head "
                          "(activity_log_head): the log was rewritten, or entries up to that one were deleted, "
                          "after that export.").arg(anchor.head));
    if (!anchorExportSeen)
        return bad(0, {}, ActivityLog::tr("the log has no entry of the export that wrote this export.json (SHA-256 %1): that "
                          "entry and the ones after it were deleted, or the log was rewritten.")
                              .arg(anchor.exportJsonSha256));
    v.message = v.entries == 0 ? ActivityLog::tr("The activity log is empty.")
                               : ActivityLog::tr("The activity log is intact: %n entries verified.", nullptr, int(v.entries));
    if (!anchor.isEmpty())
        v.message += ActivityLog::tr(" It contains the entries recorded by the earlier export.");
    return v;
}

} // namespace

QList<ActivityEntry> ActivityLog::entries(const Archive &archive, const QDateTime &from, const QDateTime &to,
                                          const QString &kind)
{
    if (!archive.isOpen())
        return {};
    return entriesOf(dbOf(archive), from, to, kind);
}

QString ActivityLog::head(const Archive &archive)
{
    if (!archive.isOpen())
        return {};
    QSqlQuery q(dbOf(archive));
    if (q.exec(u"SELECT hash FROM activity_log ORDER BY seq DESC LIMIT 1"_s) && q.next())
        return q.value(0).toString();
    return {};
}

ActivityVerification ActivityLog::verify(const Archive &archive, const ActivityAnchor &anchor)
{
    if (!archive.isOpen()) {
        ActivityVerification v;
        v.ok = false;
        v.problem = v.message = u"No archive is open."_s;
        return v;
    }
    return verifyDb(dbOf(archive), anchor);
}

QStringList ActivityLog::knownKinds()
{
    return {u"sync"_s,         u"export"_s,       u"review.status"_s, u"review.note"_s, u"review.cases"_s,
            u"case.created"_s, u"sample"_s,       u"watchlist"_s,     u"profile"_s,     u"archive"_s};
}

QJsonObject ActivityLog::toJson(const ActivityEntry &e)
{
    return {{u"seq"_s, e.seq},
            {u"time_utc"_s, formatUtc(e.time)},
            {u"operator"_s, e.operatorName},
            {u"machine"_s, e.machine},
            {u"app_version"_s, e.appVersion},
            {u"kind"_s, e.kind},
            {u"details"_s, e.details},
            {u"hash"_s, e.hash}};
}

QString ActivityLog::summary(const ActivityEntry &e)
{
    const QJsonObject &d = e.details;
    auto str = [&d](const char *key) -> QString { return d.value(QLatin1StringView(key)).toString(); };
    auto num = [&d](const char *key) { return d.value(QLatin1StringView(key)).toVariant().toLongLong(); };
    auto list = [&d](const char *key) {
        QStringList out;
        for (const QJsonValue &v : d.value(QLatin1StringView(key)).toArray())
            out << v.toString();
        return out;
    };
    auto item = [&]() -> QString {
        const QString what = str("item_kind") == u"session" ? u"session "_s : u"turn "_s;
        const QString user = str("user_id");
        return what + str("item_id") + (user.isEmpty() ? QString() : u" of user "_s + user);
    };
    if (e.kind == u"sync") {
        const QStringList apps = list("apps"), users = list("users");
        return ActivityLog::tr("%1 to %2, apps %3, users %4: %5 users, %6 new interactions, %7")
            .arg(str("from"), str("to"), apps.isEmpty() ? u"all"_s : apps.join(u", "_s),
                 users.isEmpty() ? u"all"_s : users.join(u", "_s))
            .arg(num("users_synced"))
            .arg(num("interactions_new"))
            .arg(str("outcome"));
    }
    if (e.kind == u"export") {
        const QJsonObject counts = d.value(u"row_counts"_s).toObject();
        const QString scope = d.value(u"scope"_s).toObject().value(u"scope"_s).toString();
        return ActivityLog::tr("%1 (scope %2, %3 prompts)").arg(str("folder"), scope.isEmpty() ? u"?"_s : scope)
            .arg(counts.value(u"prompts.csv"_s).toVariant().toLongLong());
    }
    if (e.kind == u"review.status")
        return u"%1: %2 → %3"_s.arg(item(), str("previous_status"), str("status"));
    if (e.kind == u"review.note")
        return ActivityLog::tr("%1: note “%2”").arg(item(), str("note"));
    if (e.kind == u"review.cases")
        return ActivityLog::tr("%1: %2 case “%3”").arg(item(), str("action") == u"removed" ? u"removed from"_s : u"added to"_s, str("case"));
    if (e.kind == u"case.created")
        return ActivityLog::tr("case “%1” created").arg(str("case"));
    if (e.kind == u"watchlist") {
        const QStringList members = list("members");
        return u"%1 “%2”%3"_s.arg(str("action"), str("watchlist"),
                                  members.isEmpty() ? QString() : u": "_s + members.join(u", "_s));
    }
    if (e.kind == u"profile") {
        QString s = ActivityLog::tr("%1 “%2” (tenant %3)").arg(str("action"), str("name"), str("tenant"));
        const QJsonObject changes = d.value(u"changes"_s).toObject();
        QStringList parts;
        for (auto it = changes.begin(); it != changes.end(); ++it) {
            const QJsonObject c = it.value().toObject();
            parts << ActivityLog::tr("%1 “%2” → “%3”").arg(it.key(), c.value(u"from"_s).toString(), c.value(u"to"_s).toString());
        }
        if (!parts.isEmpty())
            s += u": "_s + parts.join(u", "_s);
        return s;
    }
    QString text = QString::fromUtf8(canonicalJson(d));
    return text == u"{}" ? QString() : text;
}

// ---- ActivityLogFile ----------------------------------------------------------------------------

ActivityLogFile::ActivityLogFile() = default;

ActivityLogFile::~ActivityLogFile()
{
    if (m_connection.isEmpty())
        return;
    QSqlDatabase::database(m_connection, false).close();
    QSqlDatabase::removeDatabase(m_connection);
}

ActivityLogFile::OpenResult ActivityLogFile::open(const QString &path, QString *error)
{
    if (!QFileInfo(path).isFile()) {
        if (error)
            *error = QFileInfo::exists(path) ? u"%1 is not a file."_s.arg(path) : u"There is no archive at %1."_s.arg(path);
        return QFileInfo::exists(path) ? OpenResult::Unreadable : OpenResult::Missing;
    }
    static QAtomicInt counter;
    m_connection = u"ledger-activity-log-%1"_s.arg(counter.fetchAndAddRelaxed(1));
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_connection);
    db.setDatabaseName(path);
    db.setConnectOptions(u"QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=10000"_s);
    QSqlQuery q(db);
    if (!db.open() || !q.exec(u"SELECT count(*) FROM sqlite_master"_s)) {
        if (error)
            *error = u"The archive %1 cannot be read: %2"_s.arg(path, db.isOpen() ? q.lastError().text() : db.lastError().text());
        return OpenResult::Unreadable;
    }
    return OpenResult::Opened;
}

bool ActivityLogFile::hasLogTable() const
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    return q.exec(u"SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'activity_log'"_s) && q.next()
        && q.value(0).toLongLong() > 0;
}

int ActivityLogFile::schemaVersion() const
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    return q.exec(u"PRAGMA user_version"_s) && q.next() ? q.value(0).toInt() : 0;
}

QList<ActivityEntry> ActivityLogFile::entries(const QDateTime &from, const QDateTime &to, const QString &kind) const
{
    if (m_connection.isEmpty())
        return {};
    return entriesOf(QSqlDatabase::database(m_connection, false), from, to, kind);
}

ActivityVerification ActivityLogFile::verify(const ActivityAnchor &anchor) const
{
    if (m_connection.isEmpty()) {
        ActivityVerification v;
        v.ok = false;
        v.problem = v.message = u"No archive is open."_s;
        return v;
    }
    return verifyDb(QSqlDatabase::database(m_connection, false), anchor);
}

QString ActivityLog::recordWatchlistChange(Archive &archive, const QString &action, const QString &watchlist,
                                           const QStringList &members, QString *error)
{
    return append(archive, u"watchlist"_s,
                  {{u"action"_s, action}, {u"watchlist"_s, watchlist}, {u"members"_s, QJsonArray::fromStringList(members)}},
                  error);
}

} // namespace ledger

namespace ledger {

bool ActivityLog::recordWatchlistsSaved(Archive &archive, const QList<QPair<QString, QString>> &before,
                                        const QList<QPair<QString, QString>> &after, QString *error)
{
    // A list's terms as written (comment and blank lines left out), for the members of an entry.
    auto terms = [](const QString &source) {
        QStringList out;
        for (const QString &line : source.split(u'\n')) {
            const QString t = line.trimmed();
            if (!t.isEmpty() && !t.startsWith(u'#') && !out.contains(t))
                out << t;
        }
        return out;
    };
    auto find = [](const QList<QPair<QString, QString>> &lists, const QString &name) -> const QPair<QString, QString> * {
        for (const auto &l : lists)
            if (l.first.compare(name, Qt::CaseInsensitive) == 0)
                return &l;
        return nullptr;
    };
    auto add = [&](const QString &action, const QString &name, const QStringList &members) {
        return !append(archive, u"watchlist"_s,
                       {{u"action"_s, action}, {u"watchlist"_s, name}, {u"members"_s, QJsonArray::fromStringList(members)}},
                       error, true)
                    .isEmpty();
    };
    for (const auto &old : before)
        if (!find(after, old.first) && !add(u"deleted"_s, old.first, terms(old.second)))
            return false;
    for (const auto &now : after) {
        const auto *old = find(before, now.first);
        if (!old) {
            if (!add(u"created"_s, now.first, terms(now.second)))
                return false;
            continue;
        }
        if (old->first != now.first && !add(u"renamed"_s, now.first, {old->first}))
            return false;
        const QStringList was = terms(old->second), is = terms(now.second);
        QStringList added, removed;
        for (const QString &t : is)
            if (!was.contains(t))
                added << t;
        for (const QString &t : was)
            if (!is.contains(t))
                removed << t;
        if (!added.isEmpty() && !add(u"members_added"_s, now.first, added))
            return false;
        if (!removed.isEmpty() && !add(u"members_removed"_s, now.first, removed))
            return false;
    }
    return true;
}

} // namespace ledger
