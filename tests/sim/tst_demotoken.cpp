// The demo token endpoint: success (JWT claims) and every Entra error in its exact shape; the
// bearer token the Graph endpoints require, and its expiry.
#include "SimTestClient.h"
#include "Fixtures.h"
#include "TestSupport.h"

#include <QJsonArray>

using namespace ledger;
using namespace ledger::test;

class tst_DemoToken : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<DemoServer> m_server;
    std::unique_ptr<SimClient> m_client;

    QList<std::pair<QString, QString>> form(const QString &id, const QString &secret, const QString &scope,
                                            const QString &grant = QStringLiteral("client_credentials"))
    {
        QList<std::pair<QString, QString>> f;
        if (!id.isNull())
            f.append({QStringLiteral("client_id"), id});
        if (!secret.isNull())
            f.append({QStringLiteral("client_secret"), secret});
        if (!scope.isNull())
            f.append({QStringLiteral("scope"), scope});
        if (!grant.isNull())
            f.append({QStringLiteral("grant_type"), grant});
        return f;
    }

    static QJsonObject decodePayload(const QByteArray &jwt)
    {
        const QList<QByteArray> parts = jwt.split('.');
        if (parts.size() != 3)
            return {};
        return QJsonDocument::fromJson(QByteArray::fromBase64(parts.at(1), QByteArray::Base64UrlEncoding)).object();
    }

private slots:
    void initTestCase()
    {
        isolateEnvironment();
        const DemoTenantSpec spec = test::demoTenant(20, 500);
        m_server = std::make_unique<DemoServer>(spec);
        QVERIFY(m_server->listen());
        m_client = std::make_unique<SimClient>(*m_server);
    }

    void success()
    {
        const DemoClient full = m_server->tenant().fullClient();
        const SimReply r = m_client->requestToken(full);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("content-type").left(16), QByteArrayLiteral("application/json"));
        QVERIFY(!r.header("request-id").isEmpty());
        QVERIFY(!r.header("date").isEmpty());
        QCOMPARE(r.json.value(QStringLiteral("token_type")).toString(), QStringLiteral("Bearer"));
        QCOMPARE(r.json.value(QStringLiteral("expires_in")).toInt(), 3599);
        QCOMPARE(r.json.value(QStringLiteral("ext_expires_in")).toInt(), 3599);
        const QByteArray jwt = r.json.value(QStringLiteral("access_token")).toString().toLatin1();
        const QJsonObject claims = decodePayload(jwt);
        QCOMPARE(claims.value(QStringLiteral("aud")).toString(), m_server->baseUrl().toString());
        QVERIFY(!claims.value(QStringLiteral("aud")).toString().endsWith(u'/'));
        QCOMPARE(claims.value(QStringLiteral("tid")).toString(), m_server->tenant().tenantId());
        QCOMPARE(claims.value(QStringLiteral("appid")).toString(), full.clientId);
        QCOMPARE(claims.value(QStringLiteral("idtyp")).toString(), QStringLiteral("app"));
        QVERIFY(claims.value(QStringLiteral("iss")).toString().contains(m_server->tenant().tenantId()));
        QVERIFY(!claims.value(QStringLiteral("oid")).toString().isEmpty());
        QVERIFY(!claims.value(QStringLiteral("app_displayname")).toString().isEmpty());
        const qint64 iat = claims.value(QStringLiteral("iat")).toInteger();
        QCOMPARE(claims.value(QStringLiteral("nbf")).toInteger(), iat);
        QCOMPARE(claims.value(QStringLiteral("exp")).toInteger(), iat + 3599);
        const QJsonArray roles = claims.value(QStringLiteral("roles")).toArray();
        QVERIFY(roles.contains(QStringLiteral("AiEnterpriseInteraction.Read.All")));
        QVERIFY(roles.contains(QStringLiteral("User.Read.All")));
        // The same tenant by its domain, and Graph's own scope → aud is the Graph host.
        const SimReply byDomain = m_client->postToken(m_server->tenant().tenantDomain(),
            form(full.clientId, full.secret, QStringLiteral("https://graph.microsoft.com/.default")));
        QCOMPARE(byDomain.status, 200);
        QCOMPARE(decodePayload(byDomain.json.value(QStringLiteral("access_token")).toString().toLatin1())
                     .value(QStringLiteral("aud")).toString(),
                 QStringLiteral("https://graph.microsoft.com"));
    }

    void rolesFollowTheClient()
    {
        const SimReply r = m_client->requestToken(m_server->tenant().clientWithoutInteractionRole());
        QCOMPARE(r.status, 200);
        const QJsonArray roles = decodePayload(r.json.value(QStringLiteral("access_token")).toString().toLatin1())
                                     .value(QStringLiteral("roles")).toArray();
        QVERIFY(!roles.contains(QStringLiteral("AiEnterpriseInteraction.Read.All")));
        QVERIFY(roles.contains(QStringLiteral("User.Read.All")));
    }

    void errors_data()
    {
        QTest::addColumn<QString>("tenant");
        QTest::addColumn<QString>("clientId");
        QTest::addColumn<QString>("secret");
        QTest::addColumn<QString>("scope");
        QTest::addColumn<QString>("grant");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("error");
        QTest::addColumn<int>("code");
        const DemoTenant &t = m_server->tenant();
        const QString id = t.fullClient().clientId, secret = t.fullClient().secret;
        const QString scope = m_server->baseUrl().toString() + QStringLiteral("/.default");
        const QString tenant = t.tenantId();
        const QString cc = QStringLiteral("client_credentials");
        QTest::newRow("unknown tenant") << QStringLiteral("11111111-2222-3333-4444-555555555555") << id << secret
                                        << scope << cc << 400 << QStringLiteral("invalid_request") << 90002;
        QTest::newRow("unknown client") << tenant << QStringLiteral("99999999-8888-7777-6666-555555555555") << secret
                                        << scope << cc << 400 << QStringLiteral("unauthorized_client") << 700016;
        QTest::newRow("wrong secret") << tenant << id << QStringLiteral("the-secret-id-not-value") << scope << cc << 401
                                      << QStringLiteral("invalid_client") << 7000215;
        QTest::newRow("expired secret") << tenant << t.clientWithExpiredSecret().clientId
                                        << t.clientWithExpiredSecret().secret << scope << cc << 401
                                        << QStringLiteral("invalid_client") << 7000222;
        QTest::newRow("missing client_id") << tenant << QString() << secret << scope << cc << 400
                                           << QStringLiteral("invalid_request") << 900144;
        QTest::newRow("missing secret") << tenant << id << QString() << scope << cc << 400
                                        << QStringLiteral("invalid_request") << 900144;
        QTest::newRow("missing scope") << tenant << id << secret << QString() << cc << 400
                                       << QStringLiteral("invalid_request") << 900144;
        QTest::newRow("missing grant") << tenant << id << secret << scope << QString() << 400
                                       << QStringLiteral("invalid_request") << 900144;
        QTest::newRow("bad scope") << tenant << id << secret << QStringLiteral("https://management.azure.com/.default")
                                   << cc << 400 << QStringLiteral("invalid_scope") << 70011;
        QTest::newRow("scope without .default") << tenant << id << secret << m_server->baseUrl().toString() << cc
                                                << 400 << QStringLiteral("invalid_scope") << 70011;
        QTest::newRow("wrong grant") << tenant << id << secret << scope << QStringLiteral("password") << 400
                                     << QStringLiteral("unsupported_grant_type") << 70003;
    }

    void errors()
    {
        QFETCH(QString, tenant);
        QFETCH(QString, clientId);
        QFETCH(QString, secret);
        QFETCH(QString, scope);
        QFETCH(QString, grant);
        QFETCH(int, status);
        QFETCH(QString, error);
        QFETCH(int, code);
        const SimReply r = m_client->postToken(tenant, form(clientId, secret, scope, grant));
        QCOMPARE(r.status, status);
        QVERIFY(r.jsonOk);
        QCOMPARE(r.json.value(QStringLiteral("error")).toString(), error);
        const QString description = r.json.value(QStringLiteral("error_description")).toString();
        QVERIFY2(description.startsWith(QStringLiteral("AADSTS%1: ").arg(code)), qPrintable(description));
        QVERIFY(description.contains(u"Trace ID: "));
        QCOMPARE(r.json.value(QStringLiteral("error_codes")).toArray(), QJsonArray{code});
        for (const char *key : {"timestamp", "trace_id", "correlation_id", "error_uri"})
            QVERIFY2(!r.json.value(QLatin1String(key)).toString().isEmpty(), key);
        QVERIFY(!r.json.contains(QStringLiteral("access_token")));
    }

    void bearerRequired()
    {
        const QUrl users = m_client->url(QStringLiteral("/v1.0/users"));
        const SimReply none = m_client->get(users, {}, "abc-123");
        QCOMPARE(none.status, 401);
        QCOMPARE(none.graphError().value(QStringLiteral("code")).toString(), QStringLiteral("InvalidAuthenticationToken"));
        const QJsonObject inner = none.graphError().value(QStringLiteral("innerError")).toObject();
        QCOMPARE(inner.value(QStringLiteral("client-request-id")).toString(), QStringLiteral("abc-123"));
        QCOMPARE(inner.value(QStringLiteral("request-id")).toString().toLatin1(), none.header("request-id"));
        QVERIFY(!inner.value(QStringLiteral("date")).toString().isEmpty());
        QCOMPARE(none.header("client-request-id"), QByteArrayLiteral("abc-123"));
        QCOMPARE(m_client->get(users, "not-a-jwt").status, 401);
        // A well-formed JWT the server never issued.
        QByteArray forged = m_client->fullToken();
        forged[forged.size() - 3] = forged.at(forged.size() - 3) == 'A' ? 'B' : 'A';
        QCOMPARE(m_client->get(users, forged).status, 401);
        QCOMPARE(m_client->get(users, m_client->fullToken()).status, 200);
    }

    void expiry()
    {
        DemoServerOptions o = m_server->options();
        o.tokenLifetimeSeconds = 0;
        m_server->setOptions(o);
        const SimReply r = m_client->requestToken(m_server->tenant().fullClient());
        m_server->setOptions(DemoServerOptions());
        QCOMPARE(r.json.value(QStringLiteral("expires_in")).toInt(), 0);
        const SimReply g = m_client->get(m_client->url(QStringLiteral("/v1.0/users")),
                                         r.json.value(QStringLiteral("access_token")).toString().toLatin1());
        QCOMPARE(g.status, 401);
        QVERIFY(g.graphError().value(QStringLiteral("message")).toString().contains(u"expired"));
    }
};

QTEST_GUILESS_MAIN(tst_DemoToken)
#include "tst_demotoken.moc"
