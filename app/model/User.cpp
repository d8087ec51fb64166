#include "app/model/User.h"

using namespace Qt::StringLiterals;

namespace ledger {

User User::fromJson(const QJsonObject &o)
{
    User u;
    u.id = o.value("id"_L1).toString();
    u.displayName = o.value("displayName"_L1).toString();
    u.userPrincipalName = o.value("userPrincipalName"_L1).toString();
    u.mail = o.value("mail"_L1).toString();
    u.department = o.value("department"_L1).toString();
    u.jobTitle = o.value("jobTitle"_L1).toString();
    u.accountEnabled = o.value("accountEnabled"_L1).toBool(true);
    u.userType = o.value("userType"_L1).toString();
    const QString deleted = o.value("deletedDateTime"_L1).toString();
    if (!deleted.isEmpty())
        u.deletedDateTime = QDateTime::fromString(deleted, Qt::ISODateWithMs).toUTC();
    return u;
}

QJsonObject User::toJson() const
{
    QJsonObject o;
    o.insert("id"_L1, id);
    o.insert("displayName"_L1, displayName);
    o.insert("userPrincipalName"_L1, userPrincipalName);
    o.insert("mail"_L1, mail.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(mail));
    o.insert("department"_L1, department.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(department));
    o.insert("jobTitle"_L1, jobTitle.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(jobTitle));
    o.insert("accountEnabled"_L1, accountEnabled);
    o.insert("userType"_L1, userType);
    if (isDeleted())
        o.insert("deletedDateTime"_L1, deletedDateTime.toUTC().toString(Qt::ISODateWithMs));
    return o;
}

QString userStatusKey(UserStatus s)
{
    switch (s) {
    case UserStatus::Ok: return u"ok"_s;
    case UserStatus::NoInteractions: return u"no_interactions"_s;
    case UserStatus::NotLicensed: return u"not_licensed"_s;
    case UserStatus::Failed: return u"failed"_s;
    case UserStatus::Partial: return u"partial"_s;
    case UserStatus::Unknown: break;
    }
    return QString();
}

UserStatus userStatusFromKey(const QString &key)
{
    if (key == u"ok")
        return UserStatus::Ok;
    if (key == u"no_interactions")
        return UserStatus::NoInteractions;
    if (key == u"not_licensed")
        return UserStatus::NotLicensed;
    if (key == u"failed")
        return UserStatus::Failed;
    if (key == u"partial")
        return UserStatus::Partial;
    return UserStatus::Unknown;
}

} // namespace ledger
