// ConnectionCheck, part 2: the Graph steps (users, interaction probe, licence diagnosis) and the
// support bundle.
#include "app/check/ConnectionCheck.h"
#include "app/check/ConnectionCheck_p.h"

#include "app/auth/TokenProvider.h"
#include "app/check/LicencePlans.h"
#include "app/graph/GraphClient.h"
#include "app/sync/SyncQuery.h"
#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace ledger {

using namespace checkstep;

namespace {

QString userLabel(const QJsonObject &u)
{
    const QString upn = u.value(u"userPrincipalName").toString();
    return upn.isEmpty() ? u.value(u"id").toString() : upn;
}

bool isMember(const QJsonObject &u)
{
    const QJsonValue t = u.value(u"userType");
    return t.isNull() || t.isUndefined() || t.toString().compare(u"Member", Qt::CaseInsensitive) == 0;
}

bool isEnabled(const QJsonObject &u)
{
    const QJsonValue e = u.value(u"accountEnabled");
    return e.isUndefined() || e.isNull() || e.toBool();
}

int exitFor(const GraphError &e)
{
    return (e.httpStatus == 401 || e.httpStatus == 403) ? 3 : 1;
}

const QString kUserSelect = u"id,displayName,userPrincipalName,userType,accountEnabled,assignedPlans"_s;
} // namespace

// One Graph request of a step: the reply is the current one until it finishes, then handled
// unless the check was cancelled meanwhile (and deleted either way).
void ConnectionCheck::request(const QUrl &url, const std::function<void(GraphReply *)> &handle)
{
    GraphReply *reply = d->graph->get(url);
    d->current = reply;
    connect(reply, &GraphReply::finished, this, [this, reply, handle] {
        reply->deleteLater();
        d->current = nullptr;
        if (d->running)
            handle(reply);
    });
}

// ---------------------------------------------------------------- 4 users

void ConnectionCheck::runUsers()
{
    beginStep(Users);
    QUrl url;
    const bool picked = !d->probeUserWanted.isEmpty();
    if (picked)
        url = d->graph->url(u"users/"_s + GraphClient::pathSegment(d->probeUserWanted),
                            {{u"$select"_s, kUserSelect}});
    else
        url = d->graph->url(u"users"_s, {{u"$select"_s, kUserSelect}, {u"$top"_s, u"50"_s}});
    request(url, [this, picked](GraphReply *reply) {
        if (!reply->ok()) {
            const GraphError e = reply->error();
            d->lastGraphError = e;
            d->haveGraphError = true;
            QString summary = e.plainText();
            if (picked && e.httpStatus == 404)
                summary = tr("The user %1 was not found in this tenant.").arg(d->probeUserWanted);
            else if (e.httpStatus == 403)
                summary = tr("The application may not list users. Add the Microsoft Graph application permission %1 and grant admin consent.")
                              .arg(QLatin1String(kRoleUsers));
            fail(Users, summary, e.details(), picked && e.httpStatus == 404 ? 1 : exitFor(e));
            done();
            return;
        }
        const QJsonObject body = reply->json();
        QList<QJsonObject> users;
        if (picked) {
            users.append(body);
        } else {
            for (const QJsonValue &v : body.value(u"value").toArray())
                users.append(v.toObject());
        }
        if (users.isEmpty() || users.first().value(u"id").toString().isEmpty()) {
            fail(Users, tr("The tenant returned no users, so there is nobody to probe."), QString(), 1);
            done();
            return;
        }
        // Probe user: the chosen one, else the first enabled member with the Copilot chat plan
        // enabled, else the first enabled member (with a warning), else the first user.
        std::optional<QJsonObject> licensed, member;
        for (const QJsonObject &u : users) {
            if (!isEnabled(u) || !isMember(u))
                continue;
            if (!member)
                member = u;
            if (!licensed && LicencePlans::chatLicence(u) == ChatLicence::Readable)
                licensed = u;
        }
        // The same licence targeting as the sync: who it would skip at zero requests, and why.
        int withPlan = 0;
        for (const QJsonObject &u : users)
            withPlan += LicencePlans::chatLicence(u) == ChatLicence::NoChatPlan ? 0 : 1;
        QString warning;
        if (picked) {
            d->probeUser = users.first();
        } else if (licensed) {
            d->probeUser = *licensed;
        } else if (member) {
            d->probeUser = *member;
            warning = tr("None of the first %1 users has the Microsoft 365 Copilot chat plan enabled; probing %2 anyway.")
                          .arg(users.size())
                          .arg(userLabel(*member));
        } else {
            d->probeUser = users.first();
            warning = tr("No enabled member account among the first %1 users; probing %2 anyway.")
                          .arg(users.size())
                          .arg(userLabel(users.first()));
        }
        const QString details = u"Users read: "_s + QString::number(users.size()) + u"\nProbe user: "_s
            + userLabel(d->probeUser) + u" ("_s + d->probeUser.value(u"id").toString() + u')'
            + u"\nUsers a sync reads: "_s + QString::number(withPlan) + u" of "_s + QString::number(users.size())
            + u"; the others are skipped as not_licensed ("_s + QLatin1String(kNoChatPlanReason)
            + u") unless --probe-unlicensed is given"_s;
        if (warning.isEmpty())
            setStep(Users, CheckStep::Passed,
                    picked ? tr("Found %1.").arg(userLabel(d->probeUser))
                           : tr("Read %1 users; %2 will be used for the next check.").arg(users.size()).arg(userLabel(d->probeUser)),
                    details);
        else
            setStep(Users, CheckStep::Warning, warning, details);
        runInteractions();
    });
}

// ---------------------------------------------------------------- 5 interaction probe

void ConnectionCheck::runInteractions()
{
    beginStep(Interactions);
    const QString id = d->probeUser.value(u"id").toString();
    const QUrl url = d->graph->url(syncquery::interactionsPath(id),
                                   {{u"$top"_s, u"1"_s}});
    request(url, [this](GraphReply *reply) {
        const QString who = userLabel(d->probeUser);
        if (reply->ok()) {
            const int n = int(reply->json().value(u"value").toArray().size());
            setStep(Interactions, CheckStep::Passed,
                    n ? tr("Read Copilot interaction history of %1.").arg(who)
                      : tr("The interaction history of %1 can be read (it is empty).").arg(who),
                    u"GET "_s + reply->url().toString() + u"\nItems: "_s + QString::number(n));
            setStep(Licence, CheckStep::Skipped, tr("Not needed: the interaction history could be read."));
            done();
            return;
        }
        const GraphError e = reply->error();
        d->lastGraphError = e;
        d->haveGraphError = true;
        if (e.httpStatus == 403) {
            setStep(Interactions, CheckStep::Failed,
                    tr("Microsoft Graph refused to read the interaction history of %1 (403 %2). Checking why…")
                        .arg(who, e.message.isEmpty() ? e.code : e.message),
                    e.details());
            d->exitCode = 3;
            runLicence();
            return;
        }
        fail(Interactions, e.plainText(), e.details(), exitFor(e));
        done();
    });
}

// ---------------------------------------------------------------- 6 licence diagnosis

void ConnectionCheck::runLicence()
{
    beginStep(Licence);
    const QString id = d->probeUser.value(u"id").toString();
    const QUrl url = d->graph->url(u"users/"_s + GraphClient::pathSegment(id),
                                   {{u"$select"_s, u"id,userPrincipalName,assignedPlans,userType"_s}});
    request(url, [this](GraphReply *reply) {
        const QString who = userLabel(d->probeUser);
        if (!reply->ok()) {
            fail(Licence, tr("The user's licences could not be read: %1").arg(reply->error().plainText()),
                 reply->error().details() + u"\n\n"_s + supportDetails(), 3);
            done();
            return;
        }
        const QJsonObject u = reply->json();
        const LicenceFindings f = LicencePlans::analyse(u.value(u"assignedPlans").toArray());
        const QString have = f.copilotPlans.isEmpty() ? tr("none") : f.copilotPlans.join(u"; ");
        QStringList facts;
        facts << u"userType: "_s + u.value(u"userType").toString()
              << u"Copilot plans: "_s + (f.copilotPlans.isEmpty() ? u"(none)"_s : f.copilotPlans.join(u"; "));
        if (!isMember(u)) {
            fail(Licence, tr("%1 is a guest in this tenant (userType %2). Interaction history exists only for members: probe a member user.")
                              .arg(who, u.value(u"userType").toString()),
                 facts.join(u'\n') + u"\n\n"_s + supportDetails(), 3);
        } else if (!f.chatPlanReadable) {
            const QString state = f.chatPlanAssigned ? tr("assigned but %1").arg(f.chatPlanStatus) : tr("not assigned");
            fail(Licence, tr("%1 has no enabled \"Microsoft Copilot with Graph-grounded chat\" plan (%2). Copilot plans the user has: %3. "
                             "Assign a Microsoft 365 Copilot licence with that plan turned on, or probe a licensed user. "
                             "A sync skips this user as not_licensed (%4) without a request.")
                              .arg(who, state, have, QLatin1String(kNoChatPlanReason)),
                 facts.join(u'\n') + u"\n\n"_s + supportDetails(), 3);
        } else {
            fail(Licence, tr("Everything on your side checks out: the token is for Microsoft Graph, it has %1, and %2 is a member with "
                             "the Copilot chat plan enabled. The remaining causes are on Microsoft's side (tenant rollout or compliance "
                             "gating): open a Microsoft support request and include the details below.")
                              .arg(QLatin1String(kRoleInteractions), who),
                 facts.join(u'\n') + u"\n\n"_s + supportDetails(), 3);
        }
        done();
    });
}

// ---------------------------------------------------------------- support bundle

QString ConnectionCheck::supportDetails() const
{
    QStringList lines;
    const ConnectionSettings &cs = d->tokens->settings();
    const std::optional<TokenClaims> claims = d->token ? d->token->claims : std::nullopt;
    lines << u"Tenant ID: "_s + (claims && !claims->tid.isEmpty() ? claims->tid : cs.tenant);
    lines << u"App (client) ID: "_s + cs.clientId;
    lines << u"Cloud: "_s + cloudKey(cs.cloud) + u" (Graph "_s + cs.endpoints().graph.toString() + u')';
    if (!d->probeUser.isEmpty())
        lines << u"User: "_s + d->probeUser.value(u"userPrincipalName").toString() + u" ("_s
                + d->probeUser.value(u"id").toString() + u')';
    if (d->haveGraphError) {
        const GraphError &e = d->lastGraphError;
        lines << u"HTTP status: "_s + QString::number(e.httpStatus) + (e.code.isEmpty() ? QString() : u' ' + e.code);
        if (!e.message.isEmpty())
            lines << u"Message: "_s + e.message;
        lines << u"request-id: "_s + e.requestId;
        lines << u"client-request-id: "_s + e.clientRequestId;
        lines << u"Date (UTC): "_s + e.date;
        lines << u"Request: GET "_s + e.url.toString();
    } else if (d->haveAuthError) {
        const AuthError &e = d->lastAuthError;
        lines << u"Sign-in error: "_s + e.error + u' ' + QString::number(e.primaryCode());
        lines << u"Trace ID: "_s + e.traceId;
        lines << u"Correlation ID: "_s + e.correlationId;
        lines << u"Timestamp (UTC): "_s + e.timestamp;
    }
    return lines.join(u'\n');
}

} // namespace ledger
