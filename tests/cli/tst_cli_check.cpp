// `copilot-ledger check` (docs/CLI.md) against the demo tenant: --demo passes every
// step; against a DemoEnvironment started here, each sign-in/permission problem ends with exit
// code 3 and the right plain-language line. The secret never appears in the output.
#include "Fixtures.h"
#include "CliRunner.h"

#include "app/sim/DemoEnvironment.h"

#include <QRegularExpression>
#include <QTest>
#include <QUuid>

using namespace ledger;
using namespace ledger::test;
using namespace Qt::StringLiterals;

class CliCheckTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        LEDGER_CLI_TEST_INIT();
        const DemoTenantSpec spec = test::demoTenant(20, 500);
        QString error;
        m_env = DemoEnvironment::start(spec, DemoServerOptions{}, 0, &error);
        QVERIFY2(m_env, qPrintable(error));
    }
    void cleanupTestCase() { m_env.reset(); }

    void demoPasses()
    {
        CliRunner cli;
        const CliResult r = cli.run({u"check"_s, u"--demo"_s, u"--demo-users"_s, u"20"_s, u"--demo-interactions"_s, u"500"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        const int passed = int(r.out.count(u"[✓]"_s));
        QVERIFY2(passed >= 4, qPrintable(r.out));
        QVERIFY2(!r.out.contains(u"[✗]"_s), qPrintable(r.out));
        // Every step line has the form "[✓] Title — summary".
        static const QRegularExpression stepLine(u"^\\[✓\\] \\S.* — \\S"_s, QRegularExpression::MultilineOption);
        QCOMPARE(int(r.out.count(stepLine)), passed);
    }

    void explicitConnectionPasses()
    {
        CliRunner cli;
        cli.setEnv(u"COPILOT_LEDGER_CLIENT_SECRET"_s, m_env->clientSecret());
        const CliResult r = cli.run(args(m_env->connection().tenant, m_env->connection().clientId));
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        QVERIFY(!r.out.contains(m_env->clientSecret()));
    }

    void probeUserOption()
    {
        // --user picks the probed user: an unlicensed member gets the licence diagnosis naming
        // that user; a licensed one passes.
        QString unlicensed, licensed;
        const QList<DemoTenant::DemoUser> &users = m_env->tenant().users();
        for (qsizetype i = 1; i < users.size(); ++i) {
            const DemoTenant::DemoUser &u = users.at(i);
            const bool member = u.json.value(u"userType"_s).toString() == u"Member"_s;
            const bool enabled = u.json.value(u"accountEnabled"_s).toBool(true);
            if (!member || !enabled)
                continue;
            const QString upn = u.json.value(u"userPrincipalName"_s).toString();
            if (!u.licensed && unlicensed.isEmpty())
                unlicensed = upn;
            if (u.licensed && licensed.isEmpty())
                licensed = upn;
        }
        QVERIFY(!unlicensed.isEmpty());
        QVERIFY(!licensed.isEmpty());
        CliRunner cli;
        cli.setEnv(u"COPILOT_LEDGER_CLIENT_SECRET"_s, m_env->clientSecret());
        CliResult r = cli.run(args(m_env->connection().tenant, m_env->connection().clientId) << u"--user"_s << unlicensed);
        QVERIFY2(r.exitCode != 0, qPrintable(r.out + r.err));
        QVERIFY2(r.out.contains(u"[✗]"_s) || r.out.contains(u"[!]"_s), qPrintable(r.out));
        QVERIFY2(r.out.contains(unlicensed, Qt::CaseInsensitive), qPrintable(r.out));
        QVERIFY2(r.out.contains(u"licen"_s, Qt::CaseInsensitive), qPrintable(r.out));
        r = cli.run(args(m_env->connection().tenant, m_env->connection().clientId) << u"--user"_s << licensed);
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        QVERIFY2(r.out.contains(licensed, Qt::CaseInsensitive), qPrintable(r.out));
        // An empty --user is a usage error.
        r = cli.run(args(m_env->connection().tenant, m_env->connection().clientId) << u"--user"_s << u" "_s);
        QCOMPARE(r.exitCode, 2);
    }

    void failures_data()
    {
        QTest::addColumn<QString>("tenant");
        QTest::addColumn<QString>("clientId");
        QTest::addColumn<QString>("secret");
        QTest::addColumn<QString>("expected");   // in the failed step's line (case-insensitive)
        const DemoTenant &t = m_env->tenant();
        const QString guid = QUuid::createUuid().toString(QUuid::WithoutBraces);
        QTest::newRow("wrong secret") << t.tenantId() << t.fullClient().clientId << u"wrong-secret-value"_s << u"secret"_s;
        QTest::newRow("unknown tenant") << guid << t.fullClient().clientId << t.fullClient().secret << u"tenant"_s;
        QTest::newRow("unknown client id") << t.tenantId() << guid << t.fullClient().secret << u"(client) ID"_s;
        QTest::newRow("no interaction permission") << t.tenantId() << t.clientWithoutInteractionRole().clientId
                                                   << t.clientWithoutInteractionRole().secret
                                                   << u"AiEnterpriseInteraction.Read.All"_s;
    }

    void failures()
    {
        QFETCH(QString, tenant);
        QFETCH(QString, clientId);
        QFETCH(QString, secret);
        QFETCH(QString, expected);
        CliRunner cli;
        // The secret through stdin this time (the third way).
        const CliResult r = cli.run(args(tenant, clientId) << u"--secret-stdin"_s, secret.toUtf8() + "\n");
        QVERIFY2(r.exitCode == 3, qPrintable(u"exit %1\n"_s.arg(r.exitCode) + r.out + r.err));
        QString failedLine;
        for (const QString &line : r.out.split(u'\n')) {
            if (line.startsWith(u"[✗]"_s)) {
                failedLine = line;
                break;
            }
        }
        QVERIFY2(!failedLine.isEmpty(), qPrintable(r.out));
        QVERIFY2(failedLine.contains(expected, Qt::CaseInsensitive), qPrintable(r.out));
        QVERIFY2(r.out.contains(u"Support details"_s) || r.out.contains(u"request-id"_s, Qt::CaseInsensitive)
                     || r.out.contains(u"correlation"_s, Qt::CaseInsensitive),
                 qPrintable(r.out));
        QVERIFY(!r.out.contains(secret));
        QVERIFY(!r.err.contains(secret));
    }

private:
    QStringList args(const QString &tenant, const QString &clientId) const
    {
        const QString base = m_env->baseUrl().toString();
        return {u"check"_s, u"--tenant"_s, tenant, u"--client-id"_s, clientId,
                u"--authority-url"_s, base, u"--graph-url"_s, base};
    }
    std::unique_ptr<DemoEnvironment> m_env;
};

QTEST_GUILESS_MAIN(CliCheckTest)
#include "tst_cli_check.moc"
