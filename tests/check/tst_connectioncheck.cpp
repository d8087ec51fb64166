// ConnectionCheck against the demo tenant (DemoEnvironment, its own thread): all green, each
// sign-in / permission failure with exit code 3 and the right plain summary, the licence
// diagnosis after a 403, and the support bundle without secrets.
#include "app/auth/TokenProvider.h"
#include "app/check/ConnectionCheck.h"
#include "app/check/LicencePlans.h"
#include "app/graph/GraphClient.h"
#include "app/sim/DemoEnvironment.h"
#include "Fixtures.h"
#include "CheckRun.h"
#include "ConnectionFaults.h"
#include "TestSupport.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QtTest>
#include <memory>

using namespace Qt::StringLiterals;
using namespace ledger;

using Run = test::CheckRun;
using test::step;

class TestConnectionCheck : public QObject {
    Q_OBJECT
    std::unique_ptr<DemoEnvironment> env;

    std::unique_ptr<Run> run(const ConnectionSettings &cs, const QString &secret, const QString &probe = {})
    {
        auto r = std::make_unique<Run>();
        r->tokens.setCredentials(cs, secret);
        r->graph.setGraphBase(cs.endpoints().graph);
        if (!probe.isEmpty())
            r->check.setProbeUser(probe);
        QSignalSpy done(&r->check, &ConnectionCheck::finished);
        r->check.start();
        if (!done.wait(30000))
            qWarning("check did not finish");
        return r;
    }
    static QString allText(const Run &r)
    {
        QString t;
        for (const CheckStep &s : r.check.steps())
            t += s.summary + u'\n' + s.details + u'\n';
        return t + r.check.supportDetails();
    }

private slots:
    void initTestCase()
    {
        test::isolateEnvironment();
        const DemoTenantSpec spec = test::demoTenant(60, 3000);
        QString error;
        env = DemoEnvironment::start(spec, {}, 0, &error);
        QVERIFY2(env, qPrintable(error));
    }
    void cleanupTestCase() { env.reset(); }

    void allGreen()
    {
        auto r = run(env->connection(), env->clientSecret());
        QVERIFY(r->check.passed());
        QCOMPARE(r->check.exitCode(), 0);
        for (const QString &id : {u"token"_s, u"claims"_s, u"roles"_s, u"users"_s, u"interactions"_s})
            QVERIFY2(step(*r, id).state == CheckStep::Passed, qPrintable(id + u": "_s + step(*r, id).summary));
        QCOMPARE(step(*r, u"licence"_s).state, CheckStep::Skipped);
        QVERIFY(step(*r, u"claims"_s).details.contains(u"AiEnterpriseInteraction.Read.All"_s));
        QVERIFY(!allText(*r).contains(env->clientSecret()));
    }

    void signInFailures_data()
    {
        QTest::addColumn<QString>("what");
        QTest::addColumn<QString>("stepId");
        QTest::addColumn<QString>("expect");
        QTest::newRow("wrong secret") << u"secret"_s << u"token"_s << u"secret's ID"_s;
        QTest::newRow("unknown tenant") << u"tenant"_s << u"token"_s << u"tenant was not found"_s;
        QTest::newRow("unknown client") << u"client"_s << u"token"_s << u"Application (client) ID"_s;
        QTest::newRow("expired secret") << u"expired"_s << u"token"_s << u"expired"_s;
        QTest::newRow("no interaction role") << u"norole"_s << u"roles"_s << u"AiEnterpriseInteraction.Read.All"_s;
        QTest::newRow("no user role") << u"nouserrole"_s << u"roles"_s << u"User.Read.All"_s;
    }
    void signInFailures()
    {
        QFETCH(QString, what);
        QFETCH(QString, stepId);
        QFETCH(QString, expect);
        ConnectionSettings cs = env->connection();
        QString secret = env->clientSecret();
        QVERIFY(test::applyConnectionFault(*env, what, &cs, &secret));
        auto r = run(cs, secret);
        QVERIFY(!r->check.passed());
        QCOMPARE(r->check.exitCode(), 3);
        const CheckStep &s = step(*r, stepId);
        QCOMPARE(s.state, CheckStep::Failed);
        QVERIFY2(s.summary.contains(expect), qPrintable(s.summary));
        if (stepId == u"roles")
            QVERIFY(s.summary.contains(u"Grant admin consent"_s));
        // Every later step is skipped; nothing secret anywhere.
        bool after = false;
        for (const CheckStep &x : r->check.steps()) {
            if (after)
                QCOMPARE(x.state, CheckStep::Skipped);
            after = after || x.id == stepId;
        }
        QVERIFY(!allText(*r).contains(secret));
        QVERIFY(!allText(*r).contains(u"eyJ"_s));   // no token
    }

    void unlicensedUserDiagnosis()
    {
        // A member whose Copilot chat plan was removed (assigned but Deleted) or never assigned.
        QString probe;
        for (const auto &u : env->tenant().users()) {
            if (!u.licensed && u.json.value(u"userType"_s).toString() == u"Member"_s) {
                probe = u.json.value(u"userPrincipalName"_s).toString();
                break;
            }
        }
        QVERIFY(!probe.isEmpty());
        auto r = run(env->connection(), env->clientSecret(), probe);
        QCOMPARE(r->check.exitCode(), 3);
        QCOMPARE(step(*r, u"users"_s).state, CheckStep::Passed);
        QCOMPARE(step(*r, u"interactions"_s).state, CheckStep::Failed);
        const CheckStep &lic = step(*r, u"licence"_s);
        QCOMPARE(lic.state, CheckStep::Failed);
        QVERIFY2(lic.summary.contains(u"Graph-grounded chat"_s), qPrintable(lic.summary));
        QVERIFY2(lic.summary.contains(probe), qPrintable(lic.summary));
        QVERIFY2(lic.summary.contains(u"Copilot"_s), qPrintable(lic.summary));
        // The same reason the sync stores for such a user (users.csv status_reason, Users tab).
        QVERIFY2(lic.summary.contains(QLatin1String(kNoChatPlanReason)), qPrintable(lic.summary));
        const QString support = r->check.supportDetails();
        QVERIFY(support.contains(u"request-id: "_s));
        QVERIFY(support.contains(u"client-request-id: "_s));
        QVERIFY(support.contains(env->connection().clientId));
        QVERIFY(support.contains(env->tenant().tenantId()));
        QVERIFY(support.contains(probe));
        QVERIFY(!support.contains(env->clientSecret()));
        QVERIFY(!support.contains(u"Bearer"_s));
    }

    void usersStepCountsWhomASyncReads()
    {
        // check's users step reads the first 50 users; it must count as a sync does: the users the
        // demo tenant answers 403 for are exactly the ones a sync skips as not_licensed.
        auto r = run(env->connection(), env->clientSecret());
        int readable = 0, total = 0;
        for (const auto &u : env->tenant().users()) {
            if (total++ == 50)
                break;
            readable += u.licensed ? 1 : 0;
        }
        total = std::min(total, 50);
        const CheckStep &users = step(*r, u"users"_s);
        const QString expected = u"Users a sync reads: %1 of %2; the others are skipped as not_licensed (%3)"_s
                                     .arg(readable).arg(total).arg(QLatin1String(kNoChatPlanReason));
        QVERIFY2(users.details.contains(expected), qPrintable(users.details + u"\nexpected: "_s + expected));
    }

    void guestDiagnosis()
    {
        QString probe;
        for (const auto &u : env->tenant().users()) {
            if (u.json.value(u"userType"_s).toString() == u"Guest"_s) {
                probe = u.json.value(u"userPrincipalName"_s).toString();   // has #EXT#
                break;
            }
        }
        if (probe.isEmpty())
            QSKIP("no guest in this demo tenant size");
        auto r = run(env->connection(), env->clientSecret(), probe);
        QCOMPARE(r->check.exitCode(), 3);
        QCOMPARE(step(*r, u"users"_s).state, CheckStep::Passed);
        QVERIFY2(step(*r, u"licence"_s).summary.contains(u"guest"_s), qPrintable(step(*r, u"licence"_s).summary));
    }

    void unknownProbeUser()
    {
        auto r = run(env->connection(), env->clientSecret(), u"nobody@contoso-demo.onmicrosoft.com"_s);
        QCOMPARE(step(*r, u"users"_s).state, CheckStep::Failed);
        QCOMPARE(r->check.exitCode(), 1);
    }

    void chinaCloud()
    {
        ConnectionSettings cs = env->connection();
        cs.cloud = Cloud::China;
        auto r = run(cs, env->clientSecret());
        QCOMPARE(r->check.exitCode(), 1);
        QVERIFY2(step(*r, u"token"_s).summary.contains(u"does not offer"_s), qPrintable(step(*r, u"token"_s).summary));
    }

    void unreachable()
    {
        ConnectionSettings cs = env->connection();
        cs.authorityUrl = QUrl(u"http://127.0.0.1:1"_s);
        auto r = run(cs, env->clientSecret());
        QCOMPARE(r->check.exitCode(), 1);
        QCOMPARE(step(*r, u"token"_s).state, CheckStep::Failed);
    }
};

QTEST_GUILESS_MAIN(TestConnectionCheck)
#include "tst_connectioncheck.moc"
