// ConnectionCheck diagnosis paths the demo tenant cannot produce, against a scripted server:
// a 403 that remains although everything on the customer's side is right (→ Microsoft's side,
// support bundle), a token for the wrong audience or tenant, and the probe-user choice.
#include "CheckRun.h"
#include "FakeGraphServer.h"
#include "GraphTestClient.h"
#include "app/auth/TokenProvider.h"
#include "app/check/ConnectionCheck.h"
#include "app/graph/GraphClient.h"
#include "TestSupport.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QtTest>
#include <memory>

using namespace Qt::StringLiterals;
using namespace ledger;
using namespace ledger::test;

namespace {
const QString kSecret = u"Top~Secret.Value-1234567890"_s;
const QString kChatPlan = u"3f30311c-6b1e-48a4-ab79-725b469da960"_s;

QJsonObject user(const QString &id, const QString &upn, bool member, bool enabled, const QJsonArray &plans)
{
    return {{u"id"_s, id}, {u"userPrincipalName"_s, upn}, {u"userType"_s, member ? u"Member"_s : u"Guest"_s},
            {u"accountEnabled"_s, enabled}, {u"assignedPlans"_s, plans}};
}
QJsonObject plan(const QString &id, const QString &service, const QString &status = u"Enabled"_s)
{
    return {{u"servicePlanId"_s, id}, {u"service"_s, service}, {u"capabilityStatus"_s, status}};
}
} // namespace

class TestConnectionCheckDiag : public QObject {
    Q_OBJECT
    std::unique_ptr<FakeGraphServer> server;
    QString aud, tid;
    QJsonArray users;

    using Run = CheckRun;
    std::unique_ptr<Run> run()
    {
        auto r = std::make_unique<Run>();
        r->tokens.setCredentials(fakeConnection(server->baseUrl()), kSecret);
        QSignalSpy done(&r->check, &ConnectionCheck::finished);
        r->check.start();
        done.wait(20000);
        return r;
    }

private slots:
    void initTestCase() { test::isolateEnvironment(); }
    void init()
    {
        server = std::make_unique<FakeGraphServer>();
        aud = server->baseUrl().toString();
        tid = kFakeTenant;
        users = {user(u"u-guest"_s, u"g_x.com#EXT#@t.onmicrosoft.com"_s, false, true, {plan(kChatPlan, u"M365CopilotChat"_s)}),
                 user(u"u-nolic"_s, u"nolic@t.onmicrosoft.com"_s, true, true, {plan(u"82d30987-df9b-4486-b146-198b21d164c7"_s, u"M365CopilotConnectors"_s)}),
                 user(u"u-off"_s, u"off@t.onmicrosoft.com"_s, true, false, {plan(kChatPlan, u"M365CopilotChat"_s)}),
                 user(u"u-lic"_s, u"lic@t.onmicrosoft.com"_s, true, true, {plan(kChatPlan, u"M365CopilotChat"_s)})};
        server->setHandler([this](const FakeRequest &r) {
            if (r.path().endsWith(u"/oauth2/v2.0/token"))
                return test::tokenResponse(aud, tid, kFakeClient, {u"User.Read.All"_s, u"AiEnterpriseInteraction.Read.All"_s});
            if (r.path() == u"/v1.0/users")
                return FakeResponse::json(200, QJsonObject{{u"value"_s, users}});
            if (r.path().startsWith(u"/v1.0/users/"_s)) {
                const QString id = r.path().mid(12);
                for (const QJsonValue &u : users)
                    if (u.toObject().value(u"id"_s).toString() == id)
                        return FakeResponse::json(200, u.toObject());
                return FakeResponse::graphError(404, u"Request_ResourceNotFound"_s, u"nope"_s, u"r-404"_s);
            }
            if (r.path().contains(u"getAllEnterpriseInteractions"))
                return FakeResponse::graphError(403, u"Forbidden"_s, u"UnknownError"_s, u"req-ms-1"_s);
            return FakeResponse::json(404, {});
        });
    }

    void remaining403IsMicrosoftsSide()
    {
        auto r = run();
        QCOMPARE(r->check.exitCode(), 3);
        // The probe is the first enabled member with the chat plan enabled: not the guest, not the
        // unlicensed member, not the disabled account.
        QVERIFY(step(*r, u"users"_s).summary.contains(u"lic@t.onmicrosoft.com"_s));
        QCOMPARE(server->requestsTo(u"getAllEnterpriseInteractions"_s).size(), 1);
        QVERIFY(server->requestsTo(u"getAllEnterpriseInteractions"_s).first().target.contains("/copilot/users/u-lic/"));
        QVERIFY(server->requestsTo(u"getAllEnterpriseInteractions"_s).first().target.contains("top=1"));
        const CheckStep &lic = step(*r, u"licence"_s);
        QCOMPARE(lic.state, CheckStep::Failed);
        QVERIFY2(lic.summary.contains(u"Microsoft's side"_s), qPrintable(lic.summary));
        const QString support = r->check.supportDetails();
        QVERIFY(support.contains(u"request-id: req-ms-1"_s));
        const QByteArray sentId = server->requestsTo(u"getAllEnterpriseInteractions"_s).first().header("client-request-id");
        QVERIFY2(support.contains(u"client-request-id: "_s + QString::fromLatin1(sentId)), qPrintable(support));
        QVERIFY(support.contains(u"Date (UTC): 2026-11-25T12:00:00"_s));
        QVERIFY(support.contains(kFakeTenant) && support.contains(kFakeClient) && support.contains(u"u-lic"_s));
        QVERIFY(!support.contains(kSecret));
        QVERIFY(lic.details.contains(u"req-ms-1"_s));
    }

    void noLicensedUserWarnsAndNamesPlans()
    {
        users.removeLast();
        auto r = run();
        QCOMPARE(step(*r, u"users"_s).state, CheckStep::Warning);
        QVERIFY(step(*r, u"users"_s).summary.contains(u"nolic@t.onmicrosoft.com"_s));
        const CheckStep &lic = step(*r, u"licence"_s);
        QVERIFY2(lic.summary.contains(u"not assigned"_s), qPrintable(lic.summary));
        QVERIFY2(lic.summary.contains(u"Copilot Connectors"_s), qPrintable(lic.summary));
        QCOMPARE(r->check.exitCode(), 3);
    }

    void wrongAudience()
    {
        aud = u"https://outlook.office.com"_s;
        auto r = run();
        QCOMPARE(r->check.exitCode(), 3);
        QCOMPARE(step(*r, u"claims"_s).state, CheckStep::Failed);
        QVERIFY(step(*r, u"claims"_s).summary.contains(u"outlook.office.com"_s));
        QCOMPARE(step(*r, u"roles"_s).state, CheckStep::Skipped);
    }

    void graphAppIdAudienceAccepted()
    {
        aud = QString::fromLatin1(kGraphAppId);
        auto r = run();
        QCOMPARE(step(*r, u"claims"_s).state, CheckStep::Passed);
    }

    void wrongTenantInToken()
    {
        tid = u"99999999-2222-3333-4444-555555555555"_s;
        auto r = run();
        QCOMPARE(r->check.exitCode(), 3);
        QCOMPARE(step(*r, u"claims"_s).state, CheckStep::Failed);
        QVERIFY(step(*r, u"claims"_s).summary.contains(tid));
    }

    void cancelStopsEverything()
    {
        auto r = std::make_unique<Run>();
        r->tokens.setCredentials(fakeConnection(server->baseUrl()), kSecret);
        QSignalSpy done(&r->check, &ConnectionCheck::finished);
        r->check.start();
        r->check.cancel();
        QCOMPARE(done.count(), 1);
        QVERIFY(!r->check.passed());
        QVERIFY(!r->check.isRunning());
        QTest::qWait(100);
        QCOMPARE(done.count(), 1);
    }
};

QTEST_GUILESS_MAIN(TestConnectionCheckDiag)
#include "tst_connectioncheckdiag.moc"
