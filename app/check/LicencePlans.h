#pragma once
// Reading a user's assignedPlans for the Copilot licence diagnosis (docs/GRAPH.md, Diagnosing a 403).
#include <QJsonArray>
#include <QString>
#include <QStringList>

namespace ledger {

inline constexpr const char *kCopilotChatPlanId = "3f30311c-6b1e-48a4-ab79-725b469da960";   // M365_COPILOT_BUSINESS_CHAT

struct LicenceFindings {
    bool chatPlanEnabled = false;    // Microsoft Copilot with Graph-grounded chat, capabilityStatus Enabled
    bool chatPlanAssigned = false;   // present in any state
    QString chatPlanStatus;          // its capabilityStatus when assigned
    QStringList copilotPlans;        // readable names of the Copilot-related plans the user has
};

class LicencePlans {
public:
    static LicenceFindings analyse(const QJsonArray &assignedPlans);
    static QString planName(const QString &servicePlanId, const QString &service);
};

} // namespace ledger
