#pragma once
// A deterministic synthetic tenant generated from a seed (issue 2 item 7): ~150 users and ~30,000
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

struct DemoTenantSpec {
    quint64 seed = 20251125;
    int users = 150;
    int interactions = 30000;
    int days = 90;
    QDateTime end;                   // invalid → fixed 2026-11-20T00:00:00Z (deterministic)
};

// An app registration the demo token endpoint knows.
struct DemoClient {
    QString clientId;
    QString secret;
    QStringList roles;               // application roles in its tokens
    QString description;
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

    struct DemoUser {
        QJsonObject json;                     // as /users returns it ($select'ed fields)
        bool licensed = true;                 // false → 403 UnknownError on interactions
        QJsonArray assignedPlans;             // for the licence diagnosis
    };
    const QList<DemoUser> &users() const;
    // The user's interactions, oldest first, each as the exact bytes the server sends.
    const QList<QByteArray> &interactions(const QString &userId) const;
    qint64 totalInteractions() const;         // of licensed users
    // Appends n new interactions (times after the current end) for incremental-sync tests.
    void addInteractions(const QString &userId, int n);

private:
    DemoTenantSpec m_spec;
    QList<DemoUser> m_users;
    QHash<QString, QList<QByteArray>> m_interactions;
    quint64 m_counter = 0;
};

} // namespace ledger
