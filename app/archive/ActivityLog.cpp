#include "app/archive/ActivityLog.h"
#include "app/archive/Archive.h"
#include "app/model/Interaction.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSysInfo>
#include <QVariant>
#include <algorithm>

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

QString ActivityLog::currentOperator()
{
    QString user = qEnvironmentVariable("USERNAME");   // Windows
    if (user.isEmpty())
        user = qEnvironmentVariable("USER");
    if (user.isEmpty())
        user = qEnvironmentVariable("LOGNAME");
    return user.isEmpty() ? u"unknown"_s : user;
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

QList<ActivityEntry> ActivityLog::entries(const Archive &archive, const QDateTime &from, const QDateTime &to,
                                          const QString &kind)
{
    QList<ActivityEntry> out;
    if (!archive.isOpen())
        return out;
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
    QSqlQuery q(dbOf(archive));
    q.prepare(kColumns + (conds.isEmpty() ? QString() : u" WHERE "_s + conds.join(u" AND "_s)) + u" ORDER BY seq"_s);
    for (const QVariant &b : binds)
        q.addBindValue(b);
    if (q.exec())
        while (q.next())
            out << entryFrom(q);
    return out;
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

ActivityVerification ActivityLog::verify(const Archive &archive)
{
    ActivityVerification v;
    auto bad = [&v](qint64 seq, const QString &message) {
        v.ok = false;
        v.firstBadSeq = seq;
        v.message = message;
        return v;
    };
    if (!archive.isOpen())
        return bad(0, u"No archive is open."_s);
    QSqlQuery q(dbOf(archive));
    q.setForwardOnly(true);
    if (!q.exec(kColumns + u" ORDER BY seq"_s))
        return bad(0, u"The activity log cannot be read: "_s + q.lastError().text());
    QString prev = zeroHash();
    qint64 expected = 1;
    while (q.next()) {
        bool parsed = false;
        const ActivityEntry e = entryFrom(q, &parsed);
        const QString storedTime = q.value(1).toString();
        if (e.seq != expected) {
            return bad(e.seq, e.seq > expected
                                  ? u"Entry %1 does not verify: it follows entry %2, so entry %3 was deleted."_s
                                        .arg(e.seq).arg(expected - 1).arg(expected)
                                  : u"Entry %1 does not verify: the entries are out of order."_s.arg(e.seq));
        }
        if (!parsed || formatUtc(e.time) != storedTime)
            return bad(e.seq, u"Entry %1 does not verify: its content was changed (it is not in the form this "
                              "program writes)."_s.arg(e.seq));
        const QString computed = chainHash(prev, e);
        if (computed != e.hash) {
            return bad(e.seq, u"Entry %1 does not verify: its content or its hash was changed, or entries were "
                              "deleted or reordered before it (stored hash %2, computed %3)."_s
                                  .arg(e.seq).arg(e.hash, computed));
        }
        prev = e.hash;
        v.head = e.hash;
        v.entries = e.seq;
        ++expected;
    }
    q.finish();
    // The head record: the newest seq and hash, written with every entry.
    QSqlQuery m(dbOf(archive));
    m.prepare(u"SELECT value FROM meta WHERE key = ?"_s);
    m.addBindValue(QString(kHeadKey));
    QString headRecord;
    if (m.exec() && m.next())
        headRecord = m.value(0).toString();
    if (headRecord.isEmpty()) {
        if (v.entries > 0)
            return bad(1, u"The activity log's head record is missing: it was removed outside Copilot Ledger."_s);
    } else {
        const qint64 headSeq = headRecord.section(u' ', 0, 0).toLongLong();
        const QString headHash = headRecord.section(u' ', 1, 1);
        if (headSeq > v.entries)
            return bad(v.entries + 1, u"Entry %1 does not verify: it is missing — the log's head record names entry "
                                      "%2, so the newest entries were deleted."_s.arg(v.entries + 1).arg(headSeq));
        if (headSeq != v.entries || headHash != v.head)
            return bad(headSeq, u"The activity log's head record (entry %1) does not match the newest entry (%2)."_s
                                    .arg(headSeq).arg(v.entries));
    }
    v.message = v.entries == 0 ? u"The activity log is empty."_s
                               : u"The activity log is intact: %1 entries verified."_s.arg(v.entries);
    return v;
}

QString ActivityLog::recordWatchlistChange(Archive &archive, const QString &action, const QString &watchlist,
                                           const QStringList &members, QString *error)
{
    return append(archive, u"watchlist"_s,
                  {{u"action"_s, action}, {u"watchlist"_s, watchlist}, {u"members"_s, QJsonArray::fromStringList(members)}},
                  error);
}

} // namespace ledger
