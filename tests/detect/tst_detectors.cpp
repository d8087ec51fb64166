// The sensitive-information detectors: every detector finds its positives (printed the usual
// ways) and does not report near-misses (checksum failures, order and phone numbers, dates,
// GUIDs, placeholders). Plus the checksum functions, masking and the registry's names.
#include "app/detect/Checksums.h"
#include "app/detect/DetectorRegistry.h"
#include "app/detect/FindingScanner.h"
#include "app/sim/DemoContent.h"
#include "TestSupport.h"

#include <QTest>

using namespace ledger;
using namespace ledger::detect;
using namespace Qt::StringLiterals;

namespace {

QList<Match> run(const QString &detector, const QString &text)
{
    const Detector *d = DetectorRegistry::find(detector);
    if (!d)
        qFatal("no detector %s", qPrintable(detector));
    QList<Match> out;
    d->scan(text, out);
    return out;
}

QString azureKey()
{
    QByteArray bytes;
    for (int i = 0; i < 64; ++i)
        bytes += char((i * 37 + 11) & 0xFF);
    return QString::fromLatin1(bytes.toBase64());
}

const QString kJwt = u"eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0"
                     "IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c"_s;

QString pemKey(bool withEnd)
{
    const QString alphabet = u"MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gunVTLw7onLRnrq0/IzW7yWR7Qkrm+BL7jT"_s;
    QString body;
    for (int line = 0; line < 5; ++line)
        body += alphabet.mid(line * 7, 64) + u"\n"_s;
    QString key = u"-----BEGIN RSA PRIVATE KEY-----\n"_s + body;
    if (withEnd)
        key += u"-----END RSA PRIVATE KEY-----"_s;
    return key;
}

} // namespace

class TestDetectors : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { test::isolateEnvironment(); }

    void registryNames()
    {
        QCOMPARE(DetectorRegistry::names(),
                 (QStringList{u"credit_card"_s, u"iban"_s, u"us_ssn"_s, u"uk_nino"_s, u"de_tax_id"_s, u"private_key"_s,
                              u"aws_access_key"_s, u"github_token"_s, u"slack_token"_s, u"azure_storage_key"_s,
                              u"jwt"_s, u"password"_s}));
        for (const Detector *d : DetectorRegistry::detectors())
            QVERIFY2(!d->description().isEmpty(), qPrintable(d->name()));
        QVERIFY(!DetectorRegistry::find(u"nope"_s));
    }

    void checksums()
    {
        QVERIFY(luhnValid(u"4111111111111111"_s));
        QVERIFY(!luhnValid(u"4111111111111112"_s));
        QVERIFY(!luhnValid(u"41111111111a1111"_s));
        QCOMPARE(cardIssuer(u"2223003122003222"_s), u"mastercard"_s);
        QCOMPARE(cardIssuer(u"2721003122003222"_s), QString());   // above the 2-series range
        QCOMPARE(cardIssuer(u"6200000000000005"_s), u"unionpay"_s);
        QCOMPARE(cardIssuer(u"378282246310005"_s), u"amex"_s);
        QCOMPARE(cardIssuer(u"3782822463100050"_s), QString());   // Amex has 15 digits
        QCOMPARE(ibanLength(u"DE"_s), 22);
        QCOMPARE(ibanLength(u"NO"_s), 15);
        QCOMPARE(ibanLength(u"LC"_s), 32);
        QCOMPARE(ibanLength(u"US"_s), 0);
        QVERIFY(ibanValid(u"DE89370400440532013000"_s));
        QVERIFY(!ibanValid(u"DE89370400440532013001"_s));   // mod-97
        QVERIFY(!ibanValid(u"DE8937040044053201300"_s));    // length for DE
        QVERIFY(ssnValid(u"536221234"_s));
        for (const QString &s : {u"000221234"_s, u"666221234"_s, u"912221234"_s, u"536001234"_s, u"536220000"_s,
                                 u"078051120"_s, u"123456789"_s})
            QVERIFY2(!ssnValid(s), qPrintable(s));
        QVERIFY(ninoValid(u"AB123456C"_s));
        for (const QString &s : {u"DA123456C"_s, u"AO123456C"_s, u"GB123456C"_s, u"AB123456E"_s, u"AB12345CC"_s})
            QVERIFY2(!ninoValid(s), qPrintable(s));
        QVERIFY(deTaxIdValid(u"86095742719"_s));
        QVERIFY(deTaxIdValid(u"65929970489"_s));      // one digit three times, not in a row
        QVERIFY(!deTaxIdValid(u"86095742718"_s));     // check digit
        QVERIFY(!deTaxIdValid(u"12345678903"_s));     // no digit repeats (check digit right)
        QVERIFY(!deTaxIdValid(u"06095742719"_s));     // leading zero
        QCOMPARE(deTaxIdCheckDigit(u"1112345678"_s) >= 0, true);
        QVERIFY(!deTaxIdValid(u"1112345678"_s + QString::number(deTaxIdCheckDigit(u"1112345678"_s))));   // 111 in a row
    }

    void positives_data()
    {
        QTest::addColumn<QString>("detector");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("normalized");
        QTest::addColumn<QString>("printed");   // the text the range must cover
        auto row = [](const char *name, const QString &d, const QString &before, const QString &printed,
                      const QString &after, const QString &normalized) {
            QTest::newRow(name) << d << before + printed + after << normalized << printed;
        };
        row("visa plain", u"credit_card"_s, u"Card: "_s, u"4111111111111111"_s, u", exp 12/27"_s, u"4111111111111111"_s);
        row("visa spaces", u"credit_card"_s, u"pay with "_s, u"4111 1111 1111 1111"_s, u" please"_s, u"4111111111111111"_s);
        row("mastercard dashes", u"credit_card"_s, u"("_s, u"5555-5555-5555-4444"_s, u")"_s, u"5555555555554444"_s);
        row("mastercard 2-series", u"credit_card"_s, u""_s, u"2223 0031 2200 3222"_s, u""_s, u"2223003122003222"_s);
        row("amex 4-6-5", u"credit_card"_s, u"Amex "_s, u"3782 822463 10005"_s, u"."_s, u"378282246310005"_s);
        row("discover", u"credit_card"_s, u"Discover "_s, u"6011111111111117"_s, u""_s, u"6011111111111117"_s);
        row("jcb", u"credit_card"_s, u"JCB "_s, u"3530111333300000"_s, u""_s, u"3530111333300000"_s);
        row("diners 14", u"credit_card"_s, u"Diners "_s, u"30569309025904"_s, u""_s, u"30569309025904"_s);
        row("unionpay", u"credit_card"_s, u"银联卡 "_s, u"6200000000000005"_s, u"。"_s, u"6200000000000005"_s);
        row("iban spaced", u"iban"_s, u"IBAN: "_s, u"DE89 3704 0044 0532 0130 00"_s, u" (Commerzbank)"_s, u"DE89370400440532013000"_s);
        row("iban plain", u"iban"_s, u"to "_s, u"GB82WEST12345698765432"_s, u"."_s, u"GB82WEST12345698765432"_s);
        row("iban lower", u"iban"_s, u"iban "_s, u"fr14 2004 1010 0505 0001 3m02 606"_s, u""_s, u"FR1420041010050500013M02606"_s);
        row("iban norway", u"iban"_s, u"Konto "_s, u"NO93 8601 1117 947"_s, u""_s, u"NO9386011117947"_s);
        row("iban malta", u"iban"_s, u""_s, u"MT84MALT011000012345MTLCAST001S"_s, u""_s, u"MT84MALT011000012345MTLCAST001S"_s);
        row("ssn dashes", u"us_ssn"_s, u"his number is "_s, u"536-22-1234"_s, u"."_s, u"536221234"_s);
        row("ssn spaces", u"us_ssn"_s, u"SSN "_s, u"536 22 1234"_s, u""_s, u"536221234"_s);
        row("ssn undelimited with keyword", u"us_ssn"_s, u"Social Security No. "_s, u"536221234"_s, u""_s, u"536221234"_s);
        row("nino", u"uk_nino"_s, u"NI number "_s, u"AB123456C"_s, u""_s, u"AB123456C"_s);
        row("nino spaced", u"uk_nino"_s, u"NINO: "_s, u"AB 12 34 56 C"_s, u"!"_s, u"AB123456C"_s);
        row("steuer-id", u"de_tax_id"_s, u"Steuer-ID "_s, u"86095742719"_s, u""_s, u"86095742719"_s);
        row("steuer-id grouped", u"de_tax_id"_s, u"IdNr. "_s, u"65 929 970 489"_s, u""_s, u"65929970489"_s);
        row("aws", u"aws_access_key"_s, u"aws_access_key_id = "_s, u"AKIAIOSFODNN7EXAMPLE"_s, u"\n"_s, u"AKIAIOSFODNN7EXAMPLE"_s);
        row("github classic", u"github_token"_s, u"token "_s, u"ghp_1234567890abcdefghijABCDEFGHIJ123456"_s, u""_s,
            u"ghp_1234567890abcdefghijABCDEFGHIJ123456"_s);
        const QString pat = u"github_pat_11ABCDEFG0123456789abc_"_s + QString(59, u'x');
        row("github fine-grained", u"github_token"_s, u"GH_TOKEN="_s, pat, u""_s, pat);
        row("slack", u"slack_token"_s, u"bot: "_s, u"xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx"_s, u""_s,
            u"xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx"_s);
        row("azure connection string", u"azure_storage_key"_s, u"DefaultEndpointsProtocol=https;AccountName=x;AccountKey="_s,
            azureKey(), u";EndpointSuffix=core.windows.net"_s, azureKey());
        row("azure near keyword", u"azure_storage_key"_s, u"the storage key is "_s, azureKey(), u""_s, azureKey());
        row("jwt", u"jwt"_s, u"Authorization: Bearer "_s, kJwt, u""_s, kJwt);
        row("password colon", u"password"_s, u"password: "_s, u"Hunter2!"_s, u""_s, u"Hunter2!"_s);
        row("password is", u"password"_s, u"my password is "_s, u"Summer2024"_s, u", don't tell"_s, u"Summer2024"_s);
        row("pwd equals", u"password"_s, u"pwd="_s, u"s3cr3t"_s, u"&user=bob"_s, u"s3cr3t"_s);
        row("kennwort", u"password"_s, u"Das Kennwort lautet "_s, u"Sommer#2025"_s, u"."_s, u"Sommer#2025"_s);
        row("mot de passe", u"password"_s, u"Mot de passe : "_s, u"Soleil_42"_s, u""_s, u"Soleil_42"_s);
        row("secret quoted", u"password"_s, u"client secret = \""_s, u"q8~Z.xYz-123"_s, u"\""_s, u"q8~Z.xYz-123"_s);
    }
    void positives()
    {
        QFETCH(QString, detector);
        QFETCH(QString, text);
        QFETCH(QString, normalized);
        QFETCH(QString, printed);
        const QList<Match> m = run(detector, text);
        QCOMPARE(m.size(), 1);
        QCOMPARE(m.at(0).normalized, normalized);
        QCOMPARE(text.mid(m.at(0).start, m.at(0).length), printed);
    }

    void privateKey()
    {
        const QString text = u"Here is the key:\n"_s + pemKey(true) + u"\nthanks"_s;
        const QList<Match> m = run(u"private_key"_s, text);
        QCOMPARE(m.size(), 1);
        QCOMPARE(text.mid(m.at(0).start, m.at(0).length), pemKey(true));
        QVERIFY(m.at(0).normalized.startsWith(u"MIIEowIBAAKCAQEA"));
        QVERIFY(!m.at(0).normalized.contains(u'\n'));
        // A paste cut off before the END line still counts; a header alone does not.
        QCOMPARE(run(u"private_key"_s, pemKey(false)).size(), 1);
        QCOMPARE(run(u"private_key"_s, u"Files start with -----BEGIN PRIVATE KEY----- and end with -----END PRIVATE KEY-----"_s).size(), 0);
        QCOMPARE(run(u"private_key"_s, u"-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA\n-----END PUBLIC KEY-----"_s).size(), 0);
    }

    void negatives_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("luhn failure") << u"card 4111 1111 1111 1112"_s;
        QTest::newRow("no issuer") << u"ref 9999 9999 9999 9995"_s;
        QTest::newRow("order number") << u"Order number 1002003004005 shipped"_s;
        QTest::newRow("order id letters") << u"PO-20240115-000123 and ORD4111111111111111"_s;
        QTest::newRow("too long digits") << u"4111111111111111111111"_s;
        QTest::newRow("phone us") << u"Call (415) 555-0132 or 415-555-0132"_s;
        QTest::newRow("phone intl") << u"+49 170 1234567 / +1 415 555 0132 / +44 20 7946 0958"_s;
        QTest::newRow("phone de mobile") << u"Handy 01701234567"_s;
        QTest::newRow("dates") << u"2024-01-15, 15.01.2024, 01/15/2024, 2024 01 15"_s;
        QTest::newRow("guid") << u"{3f2504e0-4f89-11d3-9a0c-0305e82c3301}"_s;
        QTest::newRow("guid digits") << u"12345678-1234-5678-1234-567812345678"_s;
        QTest::newRow("iban mod97") << u"IBAN DE89 3704 0044 0532 0130 01"_s;
        QTest::newRow("iban wrong length") << u"IBAN DE89 3704 0044 0532 0130 0"_s;
        QTest::newRow("iban no country") << u"XX89370400440532013000"_s;
        QTest::newRow("ssn rules") << u"000-12-3456 666-12-3456 900-12-3456 536-00-1234 536-22-0000 123-45-6789"_s;
        QTest::newRow("ssn undelimited no keyword") << u"Invoice 536221234 is due"_s;
        QTest::newRow("nino bad prefix") << u"QQ123456C GB123456A AB123456Z"_s;
        QTest::newRow("tax id check") << u"Steuer-ID 86095742718"_s;
        QTest::newRow("tax id no repetition") << u"Steuer-ID 12345678903"_s;
        QTest::newRow("decimal") << u"pi = 3.14159265358979, 4111111111111111.5"_s;
        QTest::newRow("aws short") << u"AKIAIOSFODNN7EXAMPL and AKIAIOSFODNN7EXAMPLE1"_s;
        QTest::newRow("aws alphabet") << u"AKIAIOSFODNN7EXAMP1E"_s;   // '1' is not base-32
        QTest::newRow("github short") << u"ghp_1234567890abcdef"_s;
        QTest::newRow("slack word") << u"xoxb-is-a-slack-token-prefix"_s;
        QTest::newRow("jwt not json") << u"eyJhbGciOiJIUzI1NiJ9x.abc.def and eyJub3QiOiJhIGp3dCJ9.eyJhIjoxfQ.sig"_s;
        QTest::newRow("sha512 base64") << (u"sha512 digest "_s + azureKey());
        QTest::newRow("password prose") << u"The password is required. Reset your password: see the portal. Your password was forgotten."_s;
        QTest::newRow("password placeholder") << u"password: ******** pwd=<your-password> password=${DB_PASS} secret: xxxx"_s;
    }
    void negatives()
    {
        QFETCH(QString, text);
        const FindingScanner scanner;
        const QList<Finding> found = scanner.scanText(text, FindingLocation::Prompt);
        QStringList what;
        for (const Finding &f : found)
            what << f.detector + u":"_s + f.match;
        QVERIFY2(found.isEmpty(), qPrintable(what.join(u", ")));
    }

    void severalInOneText()
    {
        const QString text = u"Card 4111111111111111 and 5555 5555 5555 4444; IBAN DE89370400440532013000."_s;
        const QList<Finding> f = FindingScanner().scanText(text, FindingLocation::Response);
        QCOMPARE(f.size(), 3);
        QCOMPARE(f.at(0).detector, u"credit_card"_s);
        QCOMPARE(f.at(1).detector, u"credit_card"_s);
        QCOMPARE(f.at(1).match, u"5555555555554444"_s);
        QCOMPARE(f.at(2).detector, u"iban"_s);
        QCOMPARE(f.at(2).kind, FindingKind::Sensitive);
        QCOMPARE(f.at(2).location, FindingLocation::Response);
    }

    void interactionLocations()
    {
        Interaction prompt;
        prompt.type = InteractionType::UserPrompt;
        prompt.bodyText = u"pay 4111111111111111"_s;
        prompt.attachments = {u"Budget.xlsx <reference>"_s, u"keys AKIAIOSFODNN7EXAMPLE.txt <file>"_s};
        const QList<Finding> f = FindingScanner().scan(prompt);
        QCOMPARE(f.size(), 2);
        QCOMPARE(f.at(0).location, FindingLocation::Prompt);
        QCOMPARE(f.at(1).location, FindingLocation::Attachment);
        QCOMPARE(prompt.attachments.join(u'\n').mid(f.at(1).start, f.at(1).length), u"AKIAIOSFODNN7EXAMPLE"_s);
        Interaction response;
        response.type = InteractionType::AiResponse;
        response.bodyText = prompt.bodyText;
        QCOMPARE(FindingScanner().scan(response).at(0).location, FindingLocation::Response);
    }

    void masking()
    {
        QCOMPARE(maskMatch(u"4111111111111111"_s), u"************1111"_s);
        QCOMPARE(maskMatch(u"DE89370400440532013000"_s), u"******************3000"_s);
        QCOMPARE(maskMatch(u"12345"_s), u"*2345"_s);
        QCOMPARE(maskMatch(u"1234"_s), u"****"_s);   // never shown in full
        QCOMPARE(maskMatch(u"ab"_s), u"**"_s);
        QCOMPARE(maskMatch(QString()), QString());
    }

    // The demo tenant's sensitive prompts: the first ones are findings, the rest near-misses.
    void demoContent()
    {
        const FindingScanner scanner;
        for (int k = 0; k < sim::DemoContent::SensitiveKinds; ++k) {
            const QString text = sim::DemoContent::sensitivePrompt(k);
            const QList<Finding> f = scanner.scanText(text, FindingLocation::Prompt);
            if (k < 16)
                QVERIFY2(!f.isEmpty(), qPrintable(text));
            else
                QVERIFY2(f.isEmpty(), qPrintable(text + u" → "_s + (f.isEmpty() ? QString() : f.first().detector)));
        }
        QCOMPARE(sim::DemoContent::sensitivePrompt(sim::DemoContent::SensitiveKinds), sim::DemoContent::sensitivePrompt(0));
    }

    void keys()
    {
        FindingKind k;
        FindingLocation l;
        QVERIFY(findingKindFromKey(findingKindKey(FindingKind::Watchlist), &k) && k == FindingKind::Watchlist);
        QVERIFY(!findingKindFromKey(u"other"_s, &k));
        QCOMPARE(findingLocationKey(FindingLocation::Attachment), u"attachment"_s);
        QVERIFY(findingLocationFromKey(u"response"_s, &l) && l == FindingLocation::Response);
    }
};

QTEST_GUILESS_MAIN(TestDetectors)
#include "tst_detectors.moc"
