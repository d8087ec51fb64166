#pragma once
// Reading a user's assignedPlans for the Copilot licence diagnosis (docs/GRAPH.md, Diagnosing a 403).
#include <QJsonArray>
#include <QString>
#include <QStringList>

namespace ledger {

inline constexpr const char *kCopilotChatPlanId = "3f30311c-6b1e-48a4-ab79-725b469da960";   // M365_COPILOT_BUSINESS_CHAT
// The reason the sync, users.csv, the Users tab and `check` give for a user skipped at zero
// requests because the directory shows no readable Graph-grounded chat plan.
inline constexpr const char *kNoChatPlanReason = "no Graph-grounded chat plan";

// Licence targeting: whether the interaction history of a user can exist, from assignedPlans.
// Readable: the Graph-grounded chat plan in capabilityStatus Enabled or Warning (Warning is the
// grace period after a subscription lapses: the service still works). Suspended, Deleted,
// LockedOut or no such plan: NoChatPlan (the service is off; --probe-unlicensed reads such users
// anyway, e.g. for history from before a licence was removed). Unknown: the directory entry had
// no assignedPlans at all (nothing to decide on: the user is read).
enum class ChatLicence { Unknown, Readable, NoChatPlan };

struct LicenceFindings {
    bool chatPlanEnabled = false;    // Microsoft Copilot with Graph-grounded chat, capabilityStatus Enabled
    bool chatPlanAssigned = false;   // present in any state
    QString chatPlanStatus;          // its capabilityStatus when assigned
    QStringList copilotPlans;        // readable names of the Copilot-related plans the user has
    bool chatPlanReadable = false;   // Enabled or Warning: the sync reads this user (see ChatLicence)
};

class LicencePlans {
public:
    static LicenceFindings analyse(const QJsonArray &assignedPlans);
    static QString planName(const QString &servicePlanId, const QString &service);
    // From a directory user object (Unknown when it has no assignedPlans member).
    static ChatLicence chatLicence(const QJsonObject &user);
    static bool isReadableStatus(const QString &capabilityStatus);   // Enabled, Warning
};

} // namespace ledger
