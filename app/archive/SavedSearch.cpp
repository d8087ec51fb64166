#include "app/archive/SavedSearch.h"

#include "app/archive/ActivityLog.h"
#include "app/archive/Archive.h"
#include "app/archive/ArchiveColumns.h"
#include "app/model/AppClass.h"

#include <QDebug>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace ledger {

namespace {

QSqlDatabase dbOf(const Archive &a) { return QSqlDatabase::database(a.connectionName(), false); }

constexpr auto kNotSynced = "not_synced"_L1;

QJsonValue dateOrNull(const QDate &d)
{
    return d.isValid() ? QJsonValue(d.toString(Qt::ISODate)) : QJsonValue(QJsonValue::Null);
}

bool knownStatus(const QString &s)
{
    if (s.isEmpty() || s == kNotSynced)
        return true;
    const UserStatus st = userStatusFromKey(s);
    return st != UserStatus::Unknown && userStatusKey(st) == s;
}

} // namespace

QStringList savedSearchSchemaStatements()
{
    return {
        // name: unique whatever its case; definition: SavedSearch::definition() as compact JSON.
        u"CREATE TABLE IF NOT EXISTS saved_searches(name TEXT NOT NULL PRIMARY KEY COLLATE NOCASE,"
        " definition TEXT NOT NULL, created_utc INTEGER, modified_utc INTEGER, created_by TEXT NOT NULL DEFAULT '')"_s,
    };
}

QString SavedSearch::periodKey(Period p)
{
    switch (p) {
    case AnyTime: return u"any"_s;
    case Last7Days: return u"last_7_days"_s;
    case Last30Days: return u"last_30_days"_s;
    case Last90Days: return u"last_90_days"_s;
    case CustomRange: return u"custom"_s;
    }
    return u"any"_s;
}

ArchiveFilter SavedSearch::filter(const QDate &today, bool withStatus) const
{
    // The same day arithmetic as the filter bar (ui/filter/FilterBar.cpp): local midnights.
    ArchiveFilter f;
    f.text = text.trimmed();
    auto startOf = [](const QDate &d) { return QDateTime(d, QTime(0, 0), Qt::LocalTime).toUTC(); };
    switch (period) {
    case AnyTime: break;
    case Last7Days: f.from = startOf(today.addDays(-6)); break;
    case Last30Days: f.from = startOf(today.addDays(-29)); break;
    case Last90Days: f.from = startOf(today.addDays(-89)); break;
    case CustomRange:
        if (from.isValid())
            f.from = startOf(from);
        if (to.isValid())
            f.to = startOf(to.addDays(1));
        break;
    }
    f.appClasses = appClasses;
    f.userIds = userIds;
    f.findings = findings;
    if (withStatus && !status.isEmpty())
        f.statuses << (status == kNotSynced ? UserStatus::Unknown : userStatusFromKey(status));
    return f;
}

QJsonObject SavedSearch::definition() const
{
    const bool custom = period == CustomRange;
    return {
        {u"text"_s, text},
        {u"period"_s, periodKey(period)},
        {u"from"_s, custom ? dateOrNull(from) : QJsonValue(QJsonValue::Null)},
        {u"to"_s, custom ? dateOrNull(to) : QJsonValue(QJsonValue::Null)},
        {u"apps"_s, QJsonArray::fromStringList(appClasses)},
        {u"users"_s, QJsonArray::fromStringList(userIds)},
        {u"user_label"_s, userIds.isEmpty() ? QString() : userLabel},
        {u"status"_s, status},
        {u"findings"_s, findings},
    };
}

bool SavedSearch::fromDefinition(const QJsonObject &o, SavedSearch *out, QString *error)
{
    auto fail = [error](const QString &why) {
        if (error)
            *error = why;
        return false;
    };
    SavedSearch s;
    s.name = out->name;
    s.created = out->created;
    s.modified = out->modified;
    s.text = o.value(u"text"_s).toString();
    const QString period = o.value(u"period"_s).toString(u"any"_s);
    bool known = false;
    for (Period p : {AnyTime, Last7Days, Last30Days, Last90Days, CustomRange}) {
        if (periodKey(p) == period) {
            s.period = p;
            known = true;
        }
    }
    if (!known)
        return fail(u"unknown period \"%1\""_s.arg(period));
    if (s.period == CustomRange) {
        s.from = QDate::fromString(o.value(u"from"_s).toString(), Qt::ISODate);
        s.to = QDate::fromString(o.value(u"to"_s).toString(), Qt::ISODate);
        if (!s.from.isValid() || !s.to.isValid() || s.to < s.from)
            return fail(u"a custom date range needs a first and a last day (YYYY-MM-DD), the first not after the last"_s);
    }
    for (const QJsonValue &v : o.value(u"apps"_s).toArray())
        s.appClasses << v.toString();
    for (const QJsonValue &v : o.value(u"users"_s).toArray())
        s.userIds << v.toString();
    s.userLabel = o.value(u"user_label"_s).toString();
    s.status = o.value(u"status"_s).toString();
    if (!knownStatus(s.status))
        return fail(u"unknown user status \"%1\""_s.arg(s.status));
    s.findings = o.value(u"findings"_s).toString();
    *out = s;
    return true;
}

QString SavedSearch::summary() const
{
    QStringList parts;
    if (!text.trimmed().isEmpty())
        parts << u"text “%1”"_s.arg(text.trimmed());
    switch (period) {
    case AnyTime: break;
    case Last7Days: parts << u"last 7 days"_s; break;
    case Last30Days: parts << u"last 30 days"_s; break;
    case Last90Days: parts << u"last 90 days"_s; break;
    case CustomRange: parts << u"%1 to %2"_s.arg(from.toString(Qt::ISODate), to.toString(Qt::ISODate)); break;
    }
    if (!appClasses.isEmpty()) {
        QStringList names;
        for (const QString &c : appClasses)
            names << appNameForClass(c);
        parts << names.join(u", "_s);
    }
    if (!userIds.isEmpty())
        parts << (userLabel.isEmpty() ? u"%1 user(s)"_s.arg(userIds.size()) : userLabel);
    if (!status.isEmpty())
        parts << u"status %1"_s.arg(status);
    if (!findings.isEmpty())
        parts << u"findings: %1"_s.arg(findings);
    return parts.isEmpty() ? u"everything"_s : parts.join(u" · "_s);
}

QString SavedSearchStore::checkName(const QString &name)
{
    const QString n = name.trimmed();
    if (n.isEmpty())
        return u"A saved search needs a name."_s;
    if (n.size() > 100)
        return u"The name is too long (at most 100 characters)."_s;
    for (const QChar c : n)
        if (c.category() == QChar::Other_Control || c == QChar::LineSeparator || c == QChar::ParagraphSeparator)
            return u"The name must be one line without control characters."_s;
    return {};
}

QList<SavedSearch> SavedSearchStore::list() const
{
    QList<SavedSearch> out;
    if (!m_archive.isOpen())
        return out;
    QSqlQuery q(dbOf(m_archive));
    if (!q.exec(u"SELECT name, definition, created_utc, modified_utc FROM saved_searches"_s))
        return out;
    while (q.next()) {
        SavedSearch s;
        s.name = q.value(0).toString();
        s.created = timeFromValue(q.value(2));
        s.modified = timeFromValue(q.value(3));
        QJsonParseError pe{};
        const QJsonDocument doc = QJsonDocument::fromJson(q.value(1).toString().toUtf8(), &pe);
        QString why = pe.error == QJsonParseError::NoError && doc.isObject() ? QString() : u"not a JSON object"_s;
        if (why.isEmpty())
            SavedSearch::fromDefinition(doc.object(), &s, &why);
        if (!why.isEmpty()) {
            qWarning().noquote() << "Ignoring the saved search" << s.name << ":" << why;
            continue;
        }
        out << s;
    }
    std::sort(out.begin(), out.end(), [](const SavedSearch &a, const SavedSearch &b) {
        const int c = a.name.compare(b.name, Qt::CaseInsensitive);
        return c != 0 ? c < 0 : a.name < b.name;
    });
    return out;
}

QStringList SavedSearchStore::names() const
{
    QStringList out;
    for (const SavedSearch &s : list())
        out << s.name;
    return out;
}

std::optional<SavedSearch> SavedSearchStore::find(const QString &name) const
{
    const QString n = name.trimmed();
    for (const SavedSearch &s : list())
        if (s.name.compare(n, Qt::CaseInsensitive) == 0)
            return s;
    return std::nullopt;
}

namespace {

// One write and its activity-log entry in one transaction (BEGIN IMMEDIATE: the write lock is
// taken before anything is read, like ActivityLog::append).
template <typename Work>
bool inTransaction(Archive &archive, QString *error, Work work)
{
    if (!archive.isOpen()) {
        if (error)
            *error = u"No archive is open."_s;
        return false;
    }
    QSqlDatabase db = dbOf(archive);
    QSqlQuery begin(db);
    if (!begin.exec(u"BEGIN IMMEDIATE"_s)) {
        if (error)
            *error = u"The archive is busy: "_s + begin.lastError().text();
        return false;
    }
    QString why;
    if (!work(db, &why) || !QSqlQuery(db).exec(u"COMMIT"_s)) {
        QSqlQuery(db).exec(u"ROLLBACK"_s);
        if (error)
            *error = why.isEmpty() ? u"Writing to the archive failed."_s : why;
        return false;
    }
    return true;
}

QString sqlError(const QString &what, const QSqlQuery &q)
{
    return u"%1 failed: %2"_s.arg(what, q.lastError().text());
}

} // namespace

bool SavedSearchStore::save(const SavedSearch &s, QString *error)
{
    const QString bad = checkName(s.name);
    if (!bad.isEmpty()) {
        if (error)
            *error = bad;
        return false;
    }
    const QString name = s.name.trimmed();
    const QJsonObject def = s.definition();
    return inTransaction(m_archive, error, [&](QSqlDatabase &db, QString *why) {
        QSqlQuery q(db);
        q.prepare(u"SELECT name FROM saved_searches WHERE name = ?"_s);
        q.addBindValue(name);
        if (!q.exec()) {
            *why = sqlError(u"Reading the saved searches"_s, q);
            return false;
        }
        const bool exists = q.next();
        const QString oldName = exists ? q.value(0).toString() : QString();
        q.finish();
        const QVariant now = timeValue(QDateTime::currentDateTimeUtc());
        const QString json = QString::fromUtf8(QJsonDocument(def).toJson(QJsonDocument::Compact));
        if (exists) {
            q.prepare(u"UPDATE saved_searches SET name = ?, definition = ?, modified_utc = ? WHERE name = ?"_s);
            q.addBindValue(name);
            q.addBindValue(json);
            q.addBindValue(now);
            q.addBindValue(oldName);
        } else {
            q.prepare(u"INSERT INTO saved_searches(name, definition, created_utc, modified_utc, created_by)"
                      " VALUES (?,?,?,?,?)"_s);
            q.addBindValue(name);
            q.addBindValue(json);
            q.addBindValue(now);
            q.addBindValue(now);
            q.addBindValue(ActivityLog::currentOperator());
        }
        if (!q.exec()) {
            *why = sqlError(u"Saving the search"_s, q);
            return false;
        }
        return !ActivityLog::append(m_archive, u"saved_search"_s,
                                    {{u"action"_s, exists ? u"updated"_s : u"created"_s},
                                     {u"name"_s, name},
                                     {u"definition"_s, def}},
                                    why, true)
                    .isEmpty();
    });
}

bool SavedSearchStore::rename(const QString &from, const QString &to, QString *error)
{
    const QString bad = checkName(to);
    if (!bad.isEmpty()) {
        if (error)
            *error = bad;
        return false;
    }
    const QString newName = to.trimmed();
    return inTransaction(m_archive, error, [&](QSqlDatabase &db, QString *why) {
        QSqlQuery q(db);
        q.prepare(u"SELECT name FROM saved_searches WHERE name = ?"_s);
        q.addBindValue(from.trimmed());
        if (!q.exec() || !q.next()) {
            *why = u"There is no saved search named “%1”."_s.arg(from.trimmed());
            return false;
        }
        const QString oldName = q.value(0).toString();
        q.finish();
        if (oldName == newName)
            return true;
        if (oldName.compare(newName, Qt::CaseInsensitive) != 0) {
            q.prepare(u"SELECT 1 FROM saved_searches WHERE name = ?"_s);
            q.addBindValue(newName);
            if (!q.exec() || q.next()) {
                *why = u"A saved search named “%1” already exists."_s.arg(newName);
                return false;
            }
            q.finish();
        }
        q.prepare(u"UPDATE saved_searches SET name = ?, modified_utc = ? WHERE name = ?"_s);
        q.addBindValue(newName);
        q.addBindValue(timeValue(QDateTime::currentDateTimeUtc()));
        q.addBindValue(oldName);
        if (!q.exec()) {
            *why = sqlError(u"Renaming the search"_s, q);
            return false;
        }
        return !ActivityLog::append(m_archive, u"saved_search"_s,
                                    {{u"action"_s, u"renamed"_s}, {u"name"_s, newName}, {u"previous_name"_s, oldName}},
                                    why, true)
                    .isEmpty();
    });
}

bool SavedSearchStore::remove(const QString &name, QString *error)
{
    return inTransaction(m_archive, error, [&](QSqlDatabase &db, QString *why) {
        QSqlQuery q(db);
        q.prepare(u"SELECT name, definition FROM saved_searches WHERE name = ?"_s);
        q.addBindValue(name.trimmed());
        if (!q.exec() || !q.next()) {
            *why = u"There is no saved search named “%1”."_s.arg(name.trimmed());
            return false;
        }
        const QString stored = q.value(0).toString();
        const QJsonObject def = QJsonDocument::fromJson(q.value(1).toString().toUtf8()).object();
        q.finish();
        q.prepare(u"DELETE FROM saved_searches WHERE name = ?"_s);
        q.addBindValue(stored);
        if (!q.exec()) {
            *why = sqlError(u"Deleting the search"_s, q);
            return false;
        }
        return !ActivityLog::append(m_archive, u"saved_search"_s,
                                    {{u"action"_s, u"deleted"_s}, {u"name"_s, stored}, {u"definition"_s, def}}, why,
                                    true)
                    .isEmpty();
    });
}

} // namespace ledger
