#pragma once
// Shared fixture builders for tests that fill an archive: Graph interaction JSON as the sync
// stores it, users, sync states and fixed UTC times. Each test keeps its own values; only the
// building is shared.
#include "app/archive/ArchiveTypes.h"
#include "app/detect/Watchlist.h"
#include "app/model/Interaction.h"
#include "app/model/User.h"
#include "app/sim/DemoTenant.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

namespace ledger::test {

// The fixed clock of a test's fixture: at(day, minute) is `time` UTC on `day` of `month` of
// `year`, `minute` minutes later. A test declares its own: const FixtureClock at{2025, 3, QTime(8, 30)};
struct FixtureClock {
    int year;
    int month;
    QTime time;
    QDateTime operator()(int day, int minute = 0) const
    {
        return QDateTime(QDate(year, month, day), time, Qt::UTC).addSecs(minute * 60);
    }
};

// The fields every fixture interaction has (a Graph aiInteraction): id, sessionId, requestId,
// appClass, interactionType, createdDateTime (ISO with milliseconds) and a body of `contentType`
// ("text" or "html") and `content`. sessionId and requestId are JSON values so that a test can
// give null. A test inserts its other fields (locale, conversationType, links, ...) itself.
QJsonObject interactionJson(const QString &id, const QJsonValue &sessionId, const QJsonValue &requestId,
                            const QString &appClass, const QString &type, const QDateTime &when,
                            const QString &contentType, const QString &content);

// `o` as compact JSON: the raw item as Graph sends it and the archive stores it.
QByteArray compactJson(const QJsonObject &o);
// The interaction of `userId` read from `o` (Interaction::fromRaw of its compact JSON).
Interaction interactionOf(const QString &userId, const QJsonObject &o);

// A user with this id, display name and user principal name; every other field default.
User makeUser(const QString &id, const QString &displayName, const QString &userPrincipalName);
// A copy of `base` (department, type, mail, ...) with another id, display name and user principal name.
User sameAs(const User &base, const QString &id, const QString &displayName, const QString &userPrincipalName);

// The sync state of `userId` with this status and last error; every other field default.
SyncState syncState(const QString &userId, UserStatus status, const QString &lastError = {});

// The watchlist `name` parsed from `text`; a list that does not parse ends the test program.
detect::Watchlist watchlist(const QString &name, const QString &text);

// The rows of a data function whose test runs once with SQLite's FTS5 and once with the archive's
// LIKE fallback: a bool column "fts", rows "fts5" (true) and "like-fallback" (false).
void addFullTextSearchRows();

// The demo tenant of `users` users with `interactions` interactions in all; every other setting
// (seed, days, deleted users, ...) its default.
DemoTenantSpec demoTenant(int users, int interactions);

} // namespace ledger::test
