// Validation, cloud endpoints / loopback rule, JWT decoding and AADSTS mapping.
#include "app/auth/AuthError.h"
#include "app/auth/CloudEndpoints.h"
#include "app/auth/ConnectionSettings.h"
#include "app/auth/CredentialValidation.h"
#include "app/auth/TokenClaims.h"
#include "TestSupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace ledger;

static QString makeJwt(const QJsonObject &payload, bool keepPadding = false)
{
    const auto opts = QByteArray::Base64UrlEncoding | (keepPadding ? QByteArray::KeepTrailingEquals : QByteArray::OmitTrailingEquals);
    const QByteArray header = QByteArray(R"({"alg":"RS256","typ":"JWT"})").toBase64(opts);
    const QByteArray body = QJsonDocument(payload).toJson(QJsonDocument::Compact).toBase64(opts);
    return QString::fromLatin1(header + '.' + body + ".c2lnbmF0dXJl");
}

class TestAuthBasics : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { test::isolateEnvironment(); }

    void normalize()
    {
        QCOMPARE(normalizeInput(u"  \"abc\"  "_s), u"abc"_s);
        QCOMPARE(normalizeInput(u"'x y'"_s), u"x y"_s);
        QCOMPARE(normalizeInput(u"\t\u201Cq\u201D\n"_s), u"q"_s);
        QCOMPARE(normalizeInput(u"a\"b"_s), u"a\"b"_s);
        QCOMPARE(normalizeInput(u"\""_s), u"\""_s);
    }

    void guids()
    {
        QVERIFY(looksLikeGuid(u"1b2c3d4e-0000-1111-2222-333344445555"_s));
        QVERIFY(looksLikeGuid(u"{1B2C3D4E-0000-1111-2222-333344445555}"_s));
        QVERIFY(!looksLikeGuid(u"{1b2c3d4e-0000-1111-2222-333344445555"_s));
        QVERIFY(!looksLikeGuid(u"1b2c3d4e-0000-1111-2222-33334444555"_s));
        QVERIFY(!looksLikeGuid(u"1b2c3d4e00001111222233334444555"_s));
        QVERIFY(!looksLikeGuid(u"zb2c3d4e-0000-1111-2222-333344445555"_s));
    }

    void tenant()
    {
        QVERIFY(checkTenant(u"1b2c3d4e-0000-1111-2222-333344445555"_s).ok);
        QVERIFY(checkTenant(u" \"contoso.onmicrosoft.com\" "_s).ok);
        QVERIFY(checkTenant(u"contoso.com"_s).ok);
        QVERIFY(!checkTenant(u""_s).ok);
        QVERIFY(!checkTenant(u"common"_s).ok);
        QVERIFY(!checkTenant(u"https://login.microsoftonline.com/contoso.com"_s).ok);
        QVERIFY(!checkTenant(u"admin@contoso.com"_s).ok);
        QVERIFY(!checkTenant(u"1b2c3d4e-0000-1111"_s).ok);
        QVERIFY(!checkTenant(u"contoso"_s).ok);
        QVERIFY(!checkTenant(u"contoso"_s).message.isEmpty());
    }

    void clientId()
    {
        QVERIFY(checkClientId(u"'1b2c3d4e-0000-1111-2222-333344445555'"_s).ok);
        QVERIFY(!checkClientId(u""_s).ok);
        QVERIFY(!checkClientId(u"my-app"_s).ok);
        QVERIFY(!checkClientId(QString::fromLatin1(kGraphAppId)).ok);
    }

    void secret()
    {
        const FieldCheck empty = checkClientSecret(u"  "_s);
        QVERIFY(!empty.ok);
        const FieldCheck id = checkClientSecret(u"1b2c3d4e-0000-1111-2222-333344445555"_s);
        QVERIFY(id.ok);
        QVERIFY(id.message.contains(u"secret's ID"_s));
        QVERIFY(id.message.contains(u"Value"_s));
        const FieldCheck good = checkClientSecret(u"Abc8Q~xyzxyzxyzxyzxyzxyzxyzxyzxyzxyzxyz12"_s);
        QVERIFY(good.ok);
        QVERIFY(good.message.isEmpty());
    }

    void profileName()
    {
        QVERIFY(checkProfileName(u"Contoso"_s).ok);
        QVERIFY(!checkProfileName(u" "_s).ok);
        QVERIFY(!checkProfileName(QString(81, u'x')).ok);
    }

    void clouds()
    {
        QCOMPARE(endpointsFor(Cloud::Global).authority, QUrl(u"https://login.microsoftonline.com"_s));
        QCOMPARE(endpointsFor(Cloud::Global).graph, QUrl(u"https://graph.microsoft.com"_s));
        QCOMPARE(endpointsFor(Cloud::UsGov).graph, QUrl(u"https://graph.microsoft.us"_s));
        QCOMPARE(endpointsFor(Cloud::UsGovDod).graph, QUrl(u"https://dod-graph.microsoft.us"_s));
        QCOMPARE(endpointsFor(Cloud::UsGovDod).authority, QUrl(u"https://login.microsoftonline.us"_s));
        QCOMPARE(endpointsFor(Cloud::China).authority, QUrl(u"https://login.chinacloudapi.cn"_s));
        QVERIFY(endpointsFor(Cloud::Custom).graph.isEmpty());
        QVERIFY(cloudLacksCopilotApi(Cloud::China));
        QVERIFY(!cloudLacksCopilotApi(Cloud::Global));
        for (Cloud c : {Cloud::Global, Cloud::UsGov, Cloud::UsGovDod, Cloud::China, Cloud::Custom}) {
            QCOMPARE(cloudFromKey(cloudKey(c)), std::optional<Cloud>(c));
            QVERIFY(!cloudDisplayName(c).isEmpty());
        }
        QCOMPARE(cloudFromKey(u" USGOV-DOD "_s), std::optional<Cloud>(Cloud::UsGovDod));
        QVERIFY(!cloudFromKey(u"mars"_s));

        ConnectionSettings s;
        s.cloud = Cloud::UsGov;
        QCOMPARE(s.endpoints().graph, QUrl(u"https://graph.microsoft.us"_s));
        s.cloud = Cloud::Custom;
        s.authorityUrl = QUrl(u"http://127.0.0.1:8080/"_s);
        s.graphUrl = QUrl(u"http://127.0.0.1:8080"_s);
        QCOMPARE(s.endpoints().authority, QUrl(u"http://127.0.0.1:8080"_s));
    }

    void loopback_data()
    {
        QTest::addColumn<QString>("host");
        QTest::addColumn<bool>("loopback");
        QTest::newRow("localhost") << u"localhost"_s << true;
        QTest::newRow("LOCALHOST.") << u"LOCALHOST."_s << true;
        QTest::newRow("127.0.0.1") << u"127.0.0.1"_s << true;
        QTest::newRow("127.255.1.2") << u"127.255.1.2"_s << true;
        QTest::newRow("::1") << u"::1"_s << true;
        QTest::newRow("[::1]") << u"[::1]"_s << true;
        QTest::newRow("128.0.0.1") << u"128.0.0.1"_s << false;
        QTest::newRow("10.0.0.1") << u"10.0.0.1"_s << false;
        QTest::newRow("127.example.com") << u"127.0.0.1.example.com"_s << false;
        QTest::newRow("localhost.evil.com") << u"localhost.evil.com"_s << false;
        QTest::newRow("graph") << u"graph.microsoft.com"_s << false;
        QTest::newRow("empty") << QString() << false;
        QTest::newRow("::") << u"::"_s << false;
        QTest::newRow("127.1") << u"127.1"_s << false;
    }
    void loopback()
    {
        QFETCH(QString, host);
        QFETCH(bool, loopback);
        QCOMPARE(isLoopbackHost(host), loopback);
    }

    void endpointUrl()
    {
        QVERIFY(validateEndpointUrl(QUrl(u"https://graph.microsoft.com"_s)).isEmpty());
        QVERIFY(validateEndpointUrl(QUrl(u"http://127.0.0.1:1234"_s)).isEmpty());
        QVERIFY(validateEndpointUrl(QUrl(u"http://localhost:1234"_s)).isEmpty());
        QVERIFY(validateEndpointUrl(QUrl(u"http://[::1]:1234"_s)).isEmpty());
        QVERIFY(!validateEndpointUrl(QUrl(u"http://graph.microsoft.com"_s)).isEmpty());
        QVERIFY(!validateEndpointUrl(QUrl(u"http://192.168.1.5"_s)).isEmpty());
        QVERIFY(!validateEndpointUrl(QUrl(u"ftp://127.0.0.1"_s)).isEmpty());
        QVERIFY(!validateEndpointUrl(QUrl()).isEmpty());
        QVERIFY(!validateEndpointUrl(QUrl(u"https://user:pw@graph.microsoft.com"_s)).isEmpty());
    }

    void jwtValid()
    {
        QJsonObject p{{u"aud"_s, u"https://graph.microsoft.com"_s},
                      {u"tid"_s, u"11111111-2222-3333-4444-555555555555"_s},
                      {u"appid"_s, u"aaaaaaaa-2222-3333-4444-555555555555"_s},
                      {u"app_displayname"_s, u"Ledger ü"_s},
                      {u"roles"_s, QJsonArray{u"User.Read.All"_s, u"AiEnterpriseInteraction.Read.All"_s}},
                      {u"exp"_s, 1764000000},
                      {u"iat"_s, 1763996400}};
        // Try payload sizes that need 0, 1 and 2 padding characters.
        for (int extra = 0; extra < 3; ++extra) {
            p.insert(u"x"_s, QString(extra, u'y'));
            for (bool pad : {false, true}) {
                const auto c = TokenClaims::decode(makeJwt(p, pad));
                QVERIFY(c.has_value());
                QCOMPARE(c->aud, u"https://graph.microsoft.com"_s);
                QCOMPARE(c->tid, u"11111111-2222-3333-4444-555555555555"_s);
                QCOMPARE(c->appid, u"aaaaaaaa-2222-3333-4444-555555555555"_s);
                QCOMPARE(c->appDisplayName, u"Ledger ü"_s);
                QVERIFY(c->hasRole(QString::fromLatin1(kRoleInteractions)));
                QVERIFY(!c->hasRole(u"Mail.Read"_s));
                QCOMPARE(c->exp, QDateTime::fromSecsSinceEpoch(1764000000, Qt::UTC));
                QCOMPARE(c->exp.timeSpec(), Qt::UTC);
                QCOMPARE(c->iat.toSecsSinceEpoch(), 1763996400);
            }
        }
    }

    void jwtUrlAlphabet()
    {
        // A payload whose base64 has '+' and '/' in the standard alphabet must decode from '-'/'_'.
        QJsonObject p{{u"aud"_s, u"?>?>?>~~~"_s}};
        const QString jwt = makeJwt(p);
        QVERIFY(jwt.contains(u'-') || jwt.contains(u'_'));
        const auto c = TokenClaims::decode(jwt);
        QVERIFY(c);
        QCOMPARE(c->aud, u"?>?>?>~~~"_s);
    }

    void jwtGarbage_data()
    {
        QTest::addColumn<QString>("jwt");
        QTest::newRow("empty") << QString();
        QTest::newRow("one part") << u"abc"_s;
        QTest::newRow("two parts") << u"abc.def"_s;
        QTest::newRow("four parts") << u"a.b.c.d"_s;
        QTest::newRow("not base64") << u"eyJ0eXAiOiJKV1QifQ.!!!.sig"_s;
        QTest::newRow("not json") << u"eyJ0eXAiOiJKV1QifQ.aGVsbG8.sig"_s;
        QTest::newRow("json array") << u"eyJ0eXAiOiJKV1QifQ.WzEsMl0.sig"_s;
        QTest::newRow("standard alphabet") << u"eyJ0eXAiOiJKV1QifQ.eyJhIjoiPz8_In0+.sig"_s;
        QTest::newRow("empty payload") << u"eyJ0eXAiOiJKV1QifQ..sig"_s;
    }
    void jwtGarbage()
    {
        QFETCH(QString, jwt);
        QVERIFY(!TokenClaims::decode(jwt).has_value());
    }

    void aadsts_data()
    {
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("expect");
        QTest::newRow("7000215") << 7000215 << u"secret's ID"_s;
        QTest::newRow("7000222") << 7000222 << u"expired"_s;
        QTest::newRow("700016") << 700016 << u"client) ID"_s;
        QTest::newRow("90002") << 90002 << u"cloud"_s;
        QTest::newRow("70011") << 70011 << u"scope"_s;
        QTest::newRow("900144") << 900144 << u"missing"_s;
        QTest::newRow("7000218") << 7000218 << u"did not contain a client secret"_s;
        QTest::newRow("50034") << 50034 << u"does not exist"_s;
        QTest::newRow("unknown") << 123456 << u"AADSTS123456"_s;
    }
    void aadsts()
    {
        QFETCH(int, code);
        QFETCH(QString, expect);
        AuthError e;
        e.httpStatus = 400;
        e.error = u"invalid_request"_s;
        e.codes = {code};
        e.description = u"AADSTS"_s + QString::number(code) + u": something"_s;
        e.traceId = u"trace-1"_s;
        QVERIFY2(e.plainText().contains(expect), qPrintable(e.plainText()));
        QVERIFY(e.details().contains(u"trace-1"_s));
        QVERIFY(e.details().contains(QString::number(code)));
        // Also found from the description alone.
        e.codes.clear();
        QVERIFY2(e.plainText().contains(expect), qPrintable(e.plainText()));
    }

    void transport_data()
    {
        // The classification follows QNetworkReply's error code; the error string is only shown
        // in the details, and here it is in another language (Qt translates its own strings).
        QTest::addColumn<int>("code");
        QTest::addColumn<bool>("timedOut");
        QTest::addColumn<QString>("expect");
        QTest::newRow("dns") << int(QNetworkReply::HostNotFoundError) << false << u"could not be found"_s;
        QTest::newRow("refused") << int(QNetworkReply::ConnectionRefusedError) << false << u"refused the connection"_s;
        QTest::newRow("tls") << int(QNetworkReply::SslHandshakeFailedError) << false << u"TLS"_s;
        QTest::newRow("timeout") << int(QNetworkReply::OperationCanceledError) << true << u"in time"_s;
        QTest::newRow("closed") << int(QNetworkReply::RemoteHostClosedError) << false << u"closed unexpectedly"_s;
        QTest::newRow("proxy") << int(QNetworkReply::ProxyConnectionRefusedError) << false << u"proxy"_s;
        QTest::newRow("other") << int(QNetworkReply::UnknownNetworkError) << false << u"could not be reached"_s;
    }
    void transport()
    {
        QFETCH(int, code);
        QFETCH(bool, timedOut);
        QFETCH(QString, expect);
        AuthError e;
        e.networkError = code;
        e.timedOut = timedOut;
        e.transportError = u"Verbindung fehlgeschlagen (Zeitüberschreitung, Host, SSL)"_s;
        QVERIFY(e.isValid());
        QVERIFY2(e.plainText().contains(expect), qPrintable(e.plainText()));
        QVERIFY2(e.details().contains(e.transportError), qPrintable(e.details()));
        QVERIFY2(e.details().contains(QString::number(code)), qPrintable(e.details()));
    }
};

QTEST_GUILESS_MAIN(TestAuthBasics)
#include "tst_authbasics.moc"
