#include "app/check/LicencePlans.h"

#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace ledger {

QString LicencePlans::planName(const QString &servicePlanId, const QString &service)
{
    const QString id = servicePlanId.toLower();
    if (id == QLatin1String(kCopilotChatPlanId))
        return u"Microsoft Copilot with Graph-grounded chat (M365_COPILOT_BUSINESS_CHAT)"_s;
    if (id == u"82d30987-df9b-4486-b146-198b21d164c7")
        return u"Copilot Connectors"_s;
    if (!service.isEmpty())
        return service + u" ("_s + servicePlanId + u')';
    return servicePlanId;
}

bool LicencePlans::isReadableStatus(const QString &capabilityStatus)
{
    return capabilityStatus.compare(u"Enabled", Qt::CaseInsensitive) == 0
        || capabilityStatus.compare(u"Warning", Qt::CaseInsensitive) == 0;
}

ChatLicence LicencePlans::chatLicence(const QJsonObject &user)
{
    const QJsonValue plans = user.value(u"assignedPlans");
    if (!plans.isArray())
        return ChatLicence::Unknown;
    return analyse(plans.toArray()).chatPlanReadable ? ChatLicence::Readable : ChatLicence::NoChatPlan;
}

LicenceFindings LicencePlans::analyse(const QJsonArray &assignedPlans)
{
    LicenceFindings f;
    for (const QJsonValue &v : assignedPlans) {
        const QJsonObject p = v.toObject();
        const QString id = p.value(u"servicePlanId").toString();
        const QString service = p.value(u"service").toString();
        const QString status = p.value(u"capabilityStatus").toString();
        const bool isChat = id.compare(QLatin1String(kCopilotChatPlanId), Qt::CaseInsensitive) == 0;
        if (isChat) {
            f.chatPlanAssigned = true;
            if (isReadableStatus(status))
                f.chatPlanReadable = true;
            if (status.compare(u"Enabled", Qt::CaseInsensitive) == 0) {
                f.chatPlanEnabled = true;
                f.chatPlanStatus = status;
            } else if (!f.chatPlanEnabled) {
                f.chatPlanStatus = status;
            }
        }
        const bool copilotish = isChat || id.compare(u"82d30987-df9b-4486-b146-198b21d164c7", Qt::CaseInsensitive) == 0
            || service.contains(u"copilot", Qt::CaseInsensitive);
        if (copilotish) {
            QString name = planName(id, service);
            if (!status.isEmpty() && status.compare(u"Enabled", Qt::CaseInsensitive) != 0)
                name += u" ["_s + status + u']';
            if (!f.copilotPlans.contains(name))
                f.copilotPlans.append(name);
        }
    }
    return f;
}

} // namespace ledger
