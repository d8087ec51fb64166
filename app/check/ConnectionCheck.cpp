#include "app/check/ConnectionCheck.h"

#include "app/auth/CredentialValidation.h"
#include "app/auth/TokenProvider.h"
#include "app/check/ConnectionCheck_p.h"
#include "app/check/LicencePlans.h"
#include "app/graph/GraphClient.h"
#include <QJsonArray>
#include <QPointer>
#include <QStringList>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace ledger {

using namespace checkstep;


ConnectionCheck::ConnectionCheck(TokenProvider *tokens, GraphClient *graph, QObject *parent)
    : QObject(parent)
    , d(new Private)
{
    d->tokens = tokens;
    d->graph = graph;
    const QList<QPair<QString, QString>> defs = {
        {u"token"_s, tr("Sign in to Microsoft Entra ID")},
        {u"claims"_s, tr("Check the access token")},
        {u"roles"_s, tr("Check the application permissions")},
        {u"users"_s, tr("List users")},
        {u"interactions"_s, tr("Read Copilot interaction history")},
        {u"licence"_s, tr("Check the user's Copilot licence")},
    };
    for (const auto &def : defs) {
        CheckStep s;
        s.id = def.first;
        s.title = def.second;
        d->steps.append(s);
    }
}

ConnectionCheck::~ConnectionCheck()
{
    disconnect(d->tokenOk);
    disconnect(d->tokenFail);
    if (d->current) {
        GraphReply *r = d->current;
        r->disconnect(this);
        delete r;
    }
    delete d;
}

const QList<CheckStep> &ConnectionCheck::steps() const { return d->steps; }
bool ConnectionCheck::isRunning() const { return d->running; }
void ConnectionCheck::setProbeUser(const QString &upnOrId) { d->probeUserWanted = upnOrId.trimmed(); }

bool ConnectionCheck::passed() const
{
    if (!d->finished)
        return false;
    for (const CheckStep &s : d->steps)
        if (s.state == CheckStep::Failed)
            return false;
    return true;
}

int ConnectionCheck::exitCode() const
{
    if (!d->finished)
        return 1;
    return passed() ? 0 : d->exitCode;
}

void ConnectionCheck::start()
{
    if (d->running)
        return;
    d->running = true;
    d->finished = false;
    d->exitCode = 0;
    d->haveGraphError = d->haveAuthError = false;
    d->token.reset();
    d->probeUser = {};
    for (int i = 0; i < d->steps.size(); ++i) {
        d->steps[i].state = CheckStep::Pending;
        d->steps[i].summary.clear();
        d->steps[i].details.clear();
        emit stepChanged(i, d->steps[i]);
    }
    QTimer::singleShot(0, this, [this] {
        if (d->running)
            runToken();
    });
}

void ConnectionCheck::cancel()
{
    if (!d->running)
        return;
    disconnect(d->tokenOk);
    disconnect(d->tokenFail);
    if (d->current) {
        GraphReply *r = d->current;
        d->current = nullptr;
        r->disconnect(this);
        r->cancel();
        r->deleteLater();
    }
    int running = -1;
    for (int i = 0; i < d->steps.size() && running < 0; ++i) {
        if (d->steps[i].state == CheckStep::Running || d->steps[i].state == CheckStep::Pending)
            running = i;
    }
    if (running >= 0)
        fail(running, tr("Cancelled."), QString(), 1);
    d->exitCode = 1;
    done();
}

void ConnectionCheck::beginStep(int index)
{
    setStep(index, CheckStep::Running, QString());
}

void ConnectionCheck::setStep(int index, CheckStep::State state, const QString &summary, const QString &details)
{
    CheckStep &s = d->steps[index];
    s.state = state;
    s.summary = summary;
    s.details = details;
    emit stepChanged(index, s);
}

void ConnectionCheck::fail(int index, const QString &summary, const QString &details, int exitCode)
{
    setStep(index, CheckStep::Failed, summary, details);
    if (d->exitCode == 0)
        d->exitCode = exitCode;
    for (int i = index + 1; i < d->steps.size(); ++i) {
        if (d->steps[i].state == CheckStep::Pending)
            setStep(i, CheckStep::Skipped, tr("Skipped because an earlier step failed."));
    }
}

void ConnectionCheck::done()
{
    if (!d->running)
        return;
    d->running = false;
    d->finished = true;
    for (int i = 0; i < d->steps.size(); ++i) {
        if (d->steps[i].state == CheckStep::Pending)
            setStep(i, CheckStep::Skipped, QString());
    }
    emit finished(passed());
}

// ---------------------------------------------------------------- 1 sign in

void ConnectionCheck::runToken()
{
    beginStep(Token);
    const ConnectionSettings &cs = d->tokens->settings();
    if (cloudLacksCopilotApi(cs.cloud)) {
        fail(Token, tr("Microsoft does not offer the Copilot interaction history API in the %1 cloud, so this app cannot read it there.")
                        .arg(cloudDisplayName(cs.cloud)),
             u"Cloud: "_s + cloudKey(cs.cloud), 1);
        done();
        return;
    }
    d->tokenOk = connect(d->tokens, &TokenProvider::tokenReady, this, [this](const AccessToken &t) {
        disconnect(d->tokenOk);
        disconnect(d->tokenFail);
        d->token = t;
        const QString details = u"Token endpoint: "_s + d->tokens->settings().endpoints().authority.toString()
            + u"\nScope: "_s + d->tokens->scope() + u"\nExpires (UTC): "_s + t.expiresAt.toString(Qt::ISODate);
        setStep(Token, CheckStep::Passed, tr("Signed in as the application."), details);
        runClaims();
    });
    d->tokenFail = connect(d->tokens, &TokenProvider::tokenFailed, this, [this](const AuthError &e) {
        disconnect(d->tokenOk);
        disconnect(d->tokenFail);
        d->lastAuthError = e;
        d->haveAuthError = true;
        fail(Token, e.plainText(), e.details(), e.httpStatus == 0 ? 1 : 3);
        done();
    });
    d->tokens->requestToken(true);
}

// ---------------------------------------------------------------- 2 + 3 token contents, roles

void ConnectionCheck::runClaims()
{
    beginStep(Claims);
    const ConnectionSettings &cs = d->tokens->settings();
    if (!d->token->claims) {
        setStep(Claims, CheckStep::Warning,
                tr("The access token could not be decoded, so its contents cannot be shown. Continuing."));
        setStep(Roles, CheckStep::Warning, tr("The permissions in the token could not be read. Continuing."));
        runUsers();
        return;
    }
    const TokenClaims &c = *d->token->claims;
    QString resource = d->tokens->scope();
    resource.chop(QStringLiteral("/.default").size());
    auto norm = [](QString s) {
        while (s.endsWith(u'/'))
            s.chop(1);
        return s.toLower();
    };
    QStringList details;
    details << u"aud: "_s + c.aud << u"tid: "_s + c.tid << u"appid: "_s + c.appid;
    if (!c.appDisplayName.isEmpty())
        details << u"app_displayname: "_s + c.appDisplayName;
    details << u"roles: "_s + (c.roles.isEmpty() ? u"(none)"_s : c.roles.join(u", "))
            << u"exp (UTC): "_s + c.exp.toString(Qt::ISODate);
    const QString detailText = details.join(u'\n');

    const bool audOk = norm(c.aud) == norm(resource) || c.aud.compare(QLatin1String(kGraphAppId), Qt::CaseInsensitive) == 0;
    if (!audOk) {
        fail(Claims, tr("The token was issued for \"%1\" instead of Microsoft Graph (%2). Check the chosen cloud or the Graph address.")
                         .arg(c.aud, resource),
             detailText, 3);
        done();
        return;
    }
    if (looksLikeGuid(cs.tenant) && c.tid.compare(cs.tenant, Qt::CaseInsensitive) != 0) {
        fail(Claims, tr("The token belongs to tenant %1, not to the configured tenant %2. Check the Directory (tenant) ID.")
                         .arg(c.tid, cs.tenant),
             detailText, 3);
        done();
        return;
    }
    if (!c.appid.isEmpty() && !cs.clientId.isEmpty() && c.appid.compare(cs.clientId, Qt::CaseInsensitive) != 0) {
        fail(Claims, tr("The token was issued to another application (%1) than the configured client ID.").arg(c.appid),
             detailText, 3);
        done();
        return;
    }
    setStep(Claims, CheckStep::Passed,
            tr("Issued for Microsoft Graph in tenant %1 to app %2; valid until %3 UTC.")
                .arg(c.tid, c.appDisplayName.isEmpty() ? c.appid : c.appDisplayName,
                     c.exp.toString(u"yyyy-MM-dd HH:mm"_s)),
            detailText);

    beginStep(Roles);
    QStringList missing;
    for (const char *role : {kRoleInteractions, kRoleUsers})
        if (!c.hasRole(QLatin1String(role)))
            missing << QLatin1String(role);
    if (!missing.isEmpty()) {
        fail(Roles, AuthError::missingPermissionText(missing),
             u"Roles in the token: "_s + (c.roles.isEmpty() ? u"(none)"_s : c.roles.join(u", ")), 3);
        done();
        return;
    }
    setStep(Roles, CheckStep::Passed, tr("The token has %1 and %2.").arg(QLatin1String(kRoleInteractions), QLatin1String(kRoleUsers)),
            u"Roles: "_s + c.roles.join(u", "));
    runUsers();
}

} // namespace ledger
