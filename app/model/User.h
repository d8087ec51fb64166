#pragma once
#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace ledger {

// A directory user as read from GET /users?$select=id,displayName,userPrincipalName,mail,
// department,jobTitle,accountEnabled,userType
struct User {
    QString id;
    QString displayName;
    QString userPrincipalName;
    QString mail;
    QString department;
    QString jobTitle;
    bool accountEnabled = true;
    QString userType;            // "Member" / "Guest"
    // Licence targeting, from assignedPlans (see LicencePlans::chatLicence); not stored.
    enum class Licence { Unknown, Readable, NoChatPlan };
    Licence licence = Licence::Unknown;
    QDateTime deletedDateTime;   // UTC; valid = a deleted user (directory/deletedItems)
    bool isDeleted() const { return deletedDateTime.isValid(); }

    static User fromJson(const QJsonObject &o);
    QJsonObject toJson() const;
};

// Per-user outcome of reading the interaction history (users.csv `status`).
// Partial: the history was read completely, but some items could not be read (no string id, or a
// createdDateTime that is not a date); they are kept raw (ArchiveWriter::storeUnreadableItems).
enum class UserStatus { Unknown, Ok, NoInteractions, NotLicensed, Failed, Partial };
QString userStatusKey(UserStatus s);                 // ok, no_interactions, not_licensed, failed, partial, "" (unknown)
UserStatus userStatusFromKey(const QString &key);

} // namespace ledger
