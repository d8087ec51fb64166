#pragma once
// A deterministic synthetic tenant generated from a seed: ~150 users and ~30,000
// interactions over 90 days across Word, Excel, PowerPoint, Outlook, Teams, BizChat and WebChat;
// HTML bodies; BizChat answers in Adaptive Card attachments; Teams meeting responses with
// attachment tags; unlicensed users (403 UnknownError); disabled users; one heavy user spanning
// many pages; multilingual text; prompts starting with = + - @.
#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace ledger {

namespace sim {
struct GeneratedInteraction;
}

struct DemoTenantSpec {
    quint64 seed = 20251125;
    int users = 150;
    int interactions = 30000;
    int days = 90;
    QDateTime end;                   // invalid → fixed 2026-11-20T00:00:00Z (deterministic)
    int deletedUsers = 3;            // deleted users (directory/deletedItems) with history; their
                                     // own random stream, so the other users do not change
    // Share of users (0–1) holding the Graph-grounded chat plan, chosen at random (seeded) among
    // the members; guests never hold it. < 0: the fixed pattern (about 90 % licensed).
    double licensedShare = -1;
};

// An app registration the demo token endpoint knows.
struct DemoClient {
    QString clientId;
    QString secret;
    QStringList roles;               // application roles in its tokens
    QString description;
    QString displayName;             // app_displayname in its tokens
    bool secretExpired = false;      // token requests fail with AADSTS7000222
};

class DemoTenant {
public:
    explicit DemoTenant(const DemoTenantSpec &spec = {});

    QString tenantId() const;                 // GUID
    QString tenantDomain() const;             // contoso-demo.onmicrosoft.com (also accepted)
    // The demo credentials: the fully permitted client first; also one without
    // AiEnterpriseInteraction.Read.All and one without User.Read.All.
    QList<DemoClient> clients() const;
    DemoClient fullClient() const;
    DemoClient clientWithoutInteractionRole() const;
    DemoClient clientWithoutUserRole() const;
    DemoClient clientWithExpiredSecret() const;
    const DemoClient *findClient(const QString &clientId) const;   // nullptr if unknown

    struct DemoUser {
        QJsonObject json;                     // as /users returns it ($select'ed fields)
        bool licensed = true;                 // false → 403 UnknownError on interactions
        QJsonArray assignedPlans;             // for the licence diagnosis
    };
    const QList<DemoUser> &users() const;
    // Deleted users (listed by /directory/deletedItems/microsoft.graph.user, json has
    // deletedDateTime); their history is readable like anyone else's.
    const QList<DemoUser> &deletedUsers() const;
    int deletedUserIndex(const QString &id) const;   // -1 if none
    qint64 totalDeletedInteractions() const;
    // Index in users() of the user with this id or userPrincipalName (case-insensitive); -1 if none.
    int userIndex(const QString &idOrUpn) const;
    QString heavyUserId() const;              // the user with ≥ 30 pages of history

    // The user's interactions, oldest first, each as the exact bytes the server sends.
    const QList<QByteArray> &interactions(const QString &userId) const;
    qint64 totalInteractions() const;         // of licensed users
    // Per interaction of interactions(userId), same order: what the server filters on.
    struct InteractionMeta {
        qint64 createdMs = 0;
        QString appClass;
    };
    const QList<InteractionMeta> &interactionMeta(const QString &userId) const;
    const DemoTenantSpec &spec() const { return m_spec; }    // with end resolved
    // Appends n new interactions (times after the current end) for incremental-sync tests.
    void addInteractions(const QString &userId, int n);

private:
    void generateUsers();
    void generateInteractions();
    void generateDeletedUsers();
    // Appends a user's generated interactions (bytes and what the server filters on); returns how many.
    qsizetype append(const QString &userId, const QList<sim::GeneratedInteraction> &generated);

    DemoTenantSpec m_spec;
    QString m_tenantId;
    QList<DemoClient> m_clients;
    QList<DemoUser> m_users;
    QList<DemoUser> m_deleted;
    qint64 m_deletedTotal = 0;
    QHash<QString, int> m_userIndex;          // id and lower-case UPN → index
    QHash<QString, int> m_userLang;           // id → DemoLang
    QHash<QString, QList<QByteArray>> m_interactions;
    QHash<QString, QList<InteractionMeta>> m_meta;
    QString m_heavyUserId;
    qint64 m_latestMs = 0;
    qint64 m_total = 0;
    quint64 m_counter = 0;
};

} // namespace ledger
