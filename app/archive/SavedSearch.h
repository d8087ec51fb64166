#pragma once
// Saved searches (docs/ARCHITECTURE.md "Archive schema", docs/USER-GUIDE.md "Saved searches",
// docs/CLI.md `export --search`): a search of the window's filter bar — text and every filter —
// stored by name in the archive (table saved_searches, schema version 7). Creating, changing,
// renaming and deleting one is written to the activity log (kind "saved_search").
#include "app/archive/ArchiveTypes.h"

#include <QDate>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace ledger {

class Archive;

struct SavedSearch {
    // The filter bar's date choice. The "last N days" periods are relative: they count back from
    // the day the search is applied (local days, like the window's date fields).
    enum Period { AnyTime, Last7Days, Last30Days, Last90Days, CustomRange };

    QString name;                 // unique in the archive, compared case-insensitively
    QString text;                 // the search language of archive/SearchQuery.h
    Period period = AnyTime;
    QDate from, to;               // CustomRange: first and last day, both inclusive (local days)
    QStringList appClasses;       // raw appClass values; empty = all apps
    QStringList userIds;          // the user chip; empty = all users
    QString userLabel;            // what the chip said ("User: Adele Vance")
    QString status;               // Users tab: "" all, ok, no_interactions, not_licensed, failed, partial, not_synced
    QString findings;             // ArchiveFilter::findings ("" = all rows)
    QDateTime created, modified;  // UTC, set by SavedSearchStore

    // What the search narrows on `today`: text, dates (local midnights converted to UTC), apps,
    // users, findings; the status only with withStatus (the Users tab's filter).
    ArchiveFilter filter(const QDate &today = QDate::currentDate(), bool withStatus = false) const;
    // The search without its name and times (stored as JSON; written to export.json and to the
    // activity log). Keys: text, period (any | last_7_days | last_30_days | last_90_days | custom),
    // from, to (YYYY-MM-DD or null), apps, users, user_label, status, findings.
    QJsonObject definition() const;
    // Reads a definition; false with *error on a value it does not know (nothing is guessed).
    static bool fromDefinition(const QJsonObject &o, SavedSearch *out, QString *error = nullptr);
    static QString periodKey(Period p);
    // A one-line description in plain words ("Text “GDPR” · last 30 days · Word"), for tooltips
    // and the command line.
    QString summary() const;

    bool sameSearch(const SavedSearch &o) const { return definition() == o.definition(); }
};

class SavedSearchStore {
public:
    explicit SavedSearchStore(Archive &archive) : m_archive(archive) {}

    // Every saved search, sorted by name (case-insensitively). Unreadable rows are skipped
    // with a warning.
    QList<SavedSearch> list() const;
    QStringList names() const;
    std::optional<SavedSearch> find(const QString &name) const;   // case-insensitive
    // Stores s under s.name: a new name is created, an existing one (any case) replaced.
    bool save(const SavedSearch &s, QString *error = nullptr);
    bool rename(const QString &from, const QString &to, QString *error = nullptr);
    bool remove(const QString &name, QString *error = nullptr);

    // Why a name cannot be used ("" when it can): empty, longer than 100 characters, or with
    // line breaks / control characters.
    static QString checkName(const QString &name);

private:
    Archive &m_archive;
};

// The schema step that adds the table (idempotent statements, run by archiveschema::migrate).
QStringList savedSearchSchemaStatements();

} // namespace ledger
