#include "app/sim/DemoTenant.h"

#include "app/sim/DemoInteractionGenerator.h"
#include "app/sim/DemoNames.h"
#include "app/sim/SplitMix64.h"

#include <QTimeZone>
#include <algorithm>

namespace ledger {

using namespace sim;

namespace {
const char BizChatPlan[] = "3f30311c-6b1e-48a4-ab79-725b469da960";     // M365_COPILOT_BUSINESS_CHAT
const char ConnectorsPlan[] = "82d30987-df9b-4486-b146-198b21d164c7";  // Copilot connectors
const QList<DemoTenant::InteractionMeta> noMeta;
const QList<QByteArray> noInteractions;

QJsonObject plan(const char *id, const char *service, const char *status = "Enabled")
{
    return {{QStringLiteral("assignedDateTime"), QStringLiteral("2025-03-01T09:30:00Z")},
            {QStringLiteral("capabilityStatus"), QLatin1String(status)},
            {QStringLiteral("service"), QLatin1String(service)},
            {QStringLiteral("servicePlanId"), QLatin1String(id)}};
}

QString secret(SplitMix64 &rng)
{
    static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._-";
    QString out = QStringLiteral("Dm0");
    out += u'~';
    for (int i = 0; i < 36; ++i)
        out += QLatin1Char(alphabet[rng.bounded(int(sizeof alphabet) - 1)]);
    return out;
}

const QString RoleInteractions = QStringLiteral("AiEnterpriseInteraction.Read.All");
const QString RoleUsers = QStringLiteral("User.Read.All");
} // namespace

DemoTenant::DemoTenant(const DemoTenantSpec &spec) : m_spec(spec)
{
    if (!m_spec.end.isValid())
        m_spec.end = QDateTime(QDate(2026, 11, 20), QTime(0, 0), QTimeZone::utc());
    m_spec.users = std::max(1, m_spec.users);
    m_spec.interactions = std::max(0, m_spec.interactions);
    m_spec.days = std::max(1, m_spec.days);
    SplitMix64 rng(m_spec.seed ^ 0x7e4a11c0ffeeULL);
    m_tenantId = DemoInteractionGenerator::guid(rng);
    const struct {
        QStringList roles;
        const char *description;
        const char *name;
        bool expired;
    } clients[] = {
        {{RoleInteractions, RoleUsers}, "Full access: AiEnterpriseInteraction.Read.All and User.Read.All",
         "Copilot Ledger (demo)", false},
        {{RoleUsers}, "Lacks AiEnterpriseInteraction.Read.All (interaction calls get 403)",
         "Copilot Ledger (no interaction role)", false},
        {{RoleInteractions}, "Lacks User.Read.All (listing users gets 403)", "Copilot Ledger (no user role)", false},
        {{RoleInteractions, RoleUsers}, "Its client secret has expired (AADSTS7000222)",
         "Copilot Ledger (expired secret)", true},
    };
    for (const auto &c : clients) {
        DemoClient client;
        client.clientId = DemoInteractionGenerator::guid(rng);
        client.secret = secret(rng);
        client.roles = c.roles;
        client.description = QLatin1String(c.description);
        client.displayName = QLatin1String(c.name);
        client.secretExpired = c.expired;
        m_clients.append(client);
    }
    generateUsers();
    generateInteractions();
    generateDeletedUsers();
}

void DemoTenant::generateDeletedUsers()
{
    // Departed employees: deleted some weeks before the end, with history up to that day. Their
    // licences were released (no assignedPlans), as Microsoft does when a user is deleted.
    SplitMix64 rng(m_spec.seed ^ 0xde1e7edULL);
    QList<DemoColleague> colleagues;
    DemoInteractionGenerator generator(m_tenantId, tenantDomain(), colleagues);
    const qint64 endMs = m_spec.end.toMSecsSinceEpoch();
    const qint64 startMs = endMs - qint64(m_spec.days) * 24 * 3600 * 1000;
    for (int k = 0; k < std::max(0, m_spec.deletedUsers); ++k) {
        const DemoPerson person = DemoNames::person(rng);
        const QString id = DemoInteractionGenerator::guid(rng);
        const qint64 deletedMs = endMs - qint64(5 + 9 * k) * 24 * 3600 * 1000;
        QJsonObject o;
        o.insert(QStringLiteral("id"), id);
        o.insert(QStringLiteral("displayName"), person.displayName);
        o.insert(QStringLiteral("givenName"), person.givenName);
        o.insert(QStringLiteral("surname"), person.surname);
        // Graph prefixes a deleted user's UPN with the object id (without dashes).
        const QString upn = QString(id).remove(u'-') + person.mailNickname + QStringLiteral(".left@") + tenantDomain();
        o.insert(QStringLiteral("userPrincipalName"), upn);
        o.insert(QStringLiteral("mail"), QJsonValue::Null);
        o.insert(QStringLiteral("userType"), QStringLiteral("Member"));
        o.insert(QStringLiteral("department"), DemoNames::department(rng));
        o.insert(QStringLiteral("jobTitle"), DemoNames::jobTitle(rng));
        o.insert(QStringLiteral("accountEnabled"), false);
        o.insert(QStringLiteral("deletedDateTime"),
                 QDateTime::fromMSecsSinceEpoch(deletedMs, QTimeZone::utc()).toString(Qt::ISODate));
        DemoUser user;
        user.json = o;
        user.licensed = true;   // the history stays readable after deletion
        m_userLang.insert(id, int(person.lang));
        const int count = m_spec.interactions > 0 ? 30 + 45 * k : 0;
        if (count > 0 && deletedMs > startMs) {
            SplitMix64 userRng(rng.next());
            const auto generated = generator.generate(id, person.lang, count, startMs, deletedMs, userRng);
            QList<QByteArray> &bytes = m_interactions[id];
            QList<InteractionMeta> &meta = m_meta[id];
            for (const GeneratedInteraction &g : generated) {
                bytes.append(g.bytes);
                meta.append({g.createdMs, g.appClass});
            }
            m_deletedTotal += generated.size();
        }
        m_deleted.append(user);
    }
}

const QList<DemoTenant::DemoUser> &DemoTenant::deletedUsers() const { return m_deleted; }

int DemoTenant::deletedUserIndex(const QString &id) const
{
    for (int i = 0; i < m_deleted.size(); ++i)
        if (m_deleted.at(i).json.value(QStringLiteral("id")).toString().compare(id, Qt::CaseInsensitive) == 0)
            return i;
    return -1;
}

qint64 DemoTenant::totalDeletedInteractions() const { return m_deletedTotal; }

void DemoTenant::generateUsers()
{
    SplitMix64 rng(m_spec.seed ^ 0x05e25ULL);
    const int n = m_spec.users;
    QSet<QString> nicknames;
    for (int i = 0; i < n; ++i) {
        const DemoPerson person = DemoNames::person(rng);
        const QString id = DemoInteractionGenerator::guid(rng);
        QString nick = person.mailNickname;
        for (int k = 2; nicknames.contains(nick); ++k)
            nick = person.mailNickname + QString::number(k);
        nicknames.insert(nick);
        // Positions of the special users (index 0 is always a licensed, enabled member).
        const bool guest = i % 50 == 17;
        // A chosen share: one seeded draw per user (guests, 2 % of users, are never licensed).
        // Index 0 stays licensed whenever the share is above 0.
        const bool unlicensed = m_spec.licensedShare >= 0
            ? guest || (i == 0 && m_spec.licensedShare > 0 ? false : SplitMix64(m_spec.seed ^ (0x11cea5eULL + quint64(i) * 0x9E3779B97F4A7C15ULL)).unit()
                    >= std::min(1.0, m_spec.licensedShare / 0.98))
            : guest || i == 2 || i % 15 == 7;
        const bool disabled = !unlicensed && i % 30 == 11;
        DemoUser user;
        user.licensed = !unlicensed;
        QJsonObject o;
        o.insert(QStringLiteral("id"), id);
        o.insert(QStringLiteral("displayName"), person.displayName);
        o.insert(QStringLiteral("givenName"), person.givenName);
        o.insert(QStringLiteral("surname"), person.surname);
        if (guest) {
            const QString external = nick + QStringLiteral("@fabrikam.com");
            o.insert(QStringLiteral("userPrincipalName"),
                     QString(nick + QStringLiteral("_fabrikam.com#EXT#@") + tenantDomain()));
            o.insert(QStringLiteral("mail"), external);
            o.insert(QStringLiteral("userType"), QStringLiteral("Guest"));
            o.insert(QStringLiteral("department"), QJsonValue::Null);
            o.insert(QStringLiteral("jobTitle"), QJsonValue::Null);
        } else {
            o.insert(QStringLiteral("userPrincipalName"), QString(nick + u'@' + tenantDomain()));
            o.insert(QStringLiteral("mail"), QString(nick + u'@' + tenantDomain()));
            o.insert(QStringLiteral("userType"), QStringLiteral("Member"));
            o.insert(QStringLiteral("department"), DemoNames::department(rng));
            o.insert(QStringLiteral("jobTitle"), DemoNames::jobTitle(rng));
        }
        o.insert(QStringLiteral("accountEnabled"), !disabled);
        user.json = o;
        QJsonArray plans{plan("efb87545-963c-4e0d-99df-69c6916d9eb0", "exchange"),
                         plan("5dbe027f-2339-4123-9542-606e4d348a72", "SharePoint"),
                         plan("57ff2da0-773e-42df-b2af-ffb7a2317929", "TeamspaceAPI")};
        if (guest) {
            plans = {};
        } else if (!unlicensed) {
            plans.append(plan(BizChatPlan, "M365CopilotChat"));
            plans.append(plan(ConnectorsPlan, "M365CopilotConnectors"));
        } else if (i % 3 == 0) {
            plans.append(plan(ConnectorsPlan, "M365CopilotConnectors"));  // connectors only
        } else if (i % 3 == 1) {
            plans.append(plan(BizChatPlan, "M365CopilotChat", "Deleted"));  // licence removed
            plans.append(plan(ConnectorsPlan, "M365CopilotConnectors"));
        }
        user.assignedPlans = plans;
        m_userIndex.insert(id, i);
        m_userIndex.insert(o.value(QStringLiteral("userPrincipalName")).toString().toLower(), i);
        m_userLang.insert(id, int(person.lang));
        m_users.append(user);
    }
}

void DemoTenant::generateInteractions()
{
    const int n = int(m_users.size());
    // Who has history: licensed users except a few that never used Copilot; one heavy user.
    QList<int> active;
    for (int i = 0; i < n; ++i) {
        if (m_users.at(i).licensed && !(i % 40 == 25))
            active.append(i);
    }
    if (active.isEmpty() || m_spec.interactions == 0)
        return;
    const int heavy = active.contains(4) ? 4 : active.constLast();
    m_heavyUserId = m_users.at(heavy).json.value(QStringLiteral("id")).toString();
    SplitMix64 rng(m_spec.seed ^ 0x1a7e4ac7ULL);
    QHash<int, int> quota;
    const int total = m_spec.interactions;
    int heavyCount = active.size() == 1 ? total : total * 11 / 100;
    quota.insert(heavy, heavyCount);
    QList<double> weights;
    double sum = 0;
    for (int i : std::as_const(active)) {
        const double w = i == heavy ? 0 : 0.2 + rng.unit() * rng.unit() * 3.0;
        weights.append(w);
        sum += w;
    }
    int remaining = total - heavyCount;
    int assigned = 0;
    for (int k = 0; k < active.size(); ++k) {
        if (active.at(k) == heavy)
            continue;
        const int q = sum > 0 ? int(double(total - heavyCount) * weights.at(k) / sum) : 0;
        quota.insert(active.at(k), q);
        assigned += q;
    }
    // Rounding remainder to the first active non-heavy user (or the heavy one).
    const int first = active.constFirst() == heavy && active.size() > 1 ? active.at(1) : active.constFirst();
    quota[first] += remaining - assigned;

    QList<DemoColleague> colleagues;
    for (const DemoUser &u : std::as_const(m_users))
        colleagues.append({u.json.value(QStringLiteral("id")).toString(),
                           u.json.value(QStringLiteral("displayName")).toString()});
    DemoInteractionGenerator generator(m_tenantId, tenantDomain(), colleagues);
    const qint64 endMs = m_spec.end.toMSecsSinceEpoch();
    const qint64 startMs = endMs - qint64(m_spec.days) * 24 * 3600 * 1000;
    for (int i : std::as_const(active)) {
        const int count = quota.value(i);
        if (count <= 0)
            continue;
        const QString id = m_users.at(i).json.value(QStringLiteral("id")).toString();
        SplitMix64 userRng(rng.next());
        m_total += append(id, generator.generate(id, DemoLang(m_userLang.value(id)), count, startMs, endMs, userRng));
    }
}

QString DemoTenant::tenantId() const { return m_tenantId; }
QString DemoTenant::tenantDomain() const { return QStringLiteral("contoso-demo.onmicrosoft.com"); }
QList<DemoClient> DemoTenant::clients() const { return m_clients; }
DemoClient DemoTenant::fullClient() const { return m_clients.at(0); }
DemoClient DemoTenant::clientWithoutInteractionRole() const { return m_clients.at(1); }
DemoClient DemoTenant::clientWithoutUserRole() const { return m_clients.at(2); }
DemoClient DemoTenant::clientWithExpiredSecret() const { return m_clients.at(3); }

const DemoClient *DemoTenant::findClient(const QString &clientId) const
{
    for (const DemoClient &c : m_clients) {
        if (c.clientId.compare(clientId, Qt::CaseInsensitive) == 0)
            return &c;
    }
    return nullptr;
}

const QList<DemoTenant::DemoUser> &DemoTenant::users() const { return m_users; }

int DemoTenant::userIndex(const QString &idOrUpn) const
{
    return m_userIndex.value(idOrUpn.toLower(), m_userIndex.value(idOrUpn, -1));
}

QString DemoTenant::heavyUserId() const { return m_heavyUserId; }

const QList<QByteArray> &DemoTenant::interactions(const QString &userId) const
{
    const auto it = m_interactions.constFind(userId);
    return it == m_interactions.constEnd() ? noInteractions : it.value();
}

const QList<DemoTenant::InteractionMeta> &DemoTenant::interactionMeta(const QString &userId) const
{
    const auto it = m_meta.constFind(userId);
    return it == m_meta.constEnd() ? noMeta : it.value();
}

qint64 DemoTenant::totalInteractions() const { return m_total; }

qsizetype DemoTenant::append(const QString &userId, const QList<GeneratedInteraction> &generated)
{
    QList<QByteArray> &bytes = m_interactions[userId];
    QList<InteractionMeta> &meta = m_meta[userId];
    for (const GeneratedInteraction &g : generated) {
        bytes.append(g.bytes);
        meta.append({g.createdMs, g.appClass});
        m_latestMs = std::max(m_latestMs, g.createdMs);
    }
    return generated.size();
}

void DemoTenant::addInteractions(const QString &userId, int n)
{
    const int index = userIndex(userId);
    if (index < 0 || n <= 0)
        return;
    const QString id = m_users.at(index).json.value(QStringLiteral("id")).toString();
    ++m_counter;
    SplitMix64 rng(m_spec.seed ^ (0xadd0000ULL + m_counter * 0x9E3779B97F4A7C15ULL));
    QList<DemoColleague> colleagues;
    DemoInteractionGenerator generator(m_tenantId, tenantDomain(), colleagues);
    // New times start after everything generated so far, so their ids stay unique too.
    const qint64 from = std::max(m_latestMs, m_spec.end.toMSecsSinceEpoch()) + 60 * 1000;
    const qint64 to = from + qint64(n) * 8 * 60 * 1000 + 3 * 3600 * 1000;
    const qsizetype added = append(id, generator.generate(id, DemoLang(m_userLang.value(id)), n, from, to, rng));
    if (m_users.at(index).licensed)
        m_total += added;
}

} // namespace ledger
