// Interaction/User parsing, Graph time parsing and UTC formatting, app names.
#include "app/model/AppClass.h"
#include "app/model/Interaction.h"
#include "app/model/User.h"
#include "TestSupport.h"

#include <QJsonDocument>
#include <QTest>
#include <QTimeZone>

using namespace ledger;
using namespace Qt::StringLiterals;

class TestInteraction : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { test::isolateEnvironment(); }

    void parseTime_data()
    {
        QTest::addColumn<QString>("in");
        QTest::addColumn<qint64>("msecs");   // -1 = invalid
        const qint64 base = QDateTime(QDate(2025, 1, 2), QTime(3, 4, 5), Qt::UTC).toMSecsSinceEpoch();
        QTest::newRow("no fraction") << u"2025-01-02T03:04:05Z"_s << base;
        QTest::newRow("1 digit") << u"2025-01-02T03:04:05.1Z"_s << base + 100;
        QTest::newRow("2 digits") << u"2025-01-02T03:04:05.12Z"_s << base + 120;
        QTest::newRow("3 digits") << u"2025-01-02T03:04:05.123Z"_s << base + 123;
        QTest::newRow("7 digits") << u"2025-01-02T03:04:05.1234567Z"_s << base + 123;
        QTest::newRow("9 digits") << u"2025-01-02T03:04:05.999999999Z"_s << base + 999;
        QTest::newRow("offset") << u"2025-01-02T05:04:05.5+02:00"_s << base + 500;
        QTest::newRow("negative offset") << u"2025-01-01T22:04:05-0500"_s << base;
        QTest::newRow("no zone = UTC") << u"2025-01-02T03:04:05"_s << base;
        QTest::newRow("lower z") << u"2025-01-02t03:04:05z"_s << base;
        QTest::newRow("empty") << QString() << qint64(-1);
        QTest::newRow("garbage") << u"yesterday"_s << qint64(-1);
        QTest::newRow("bad month") << u"2025-13-02T03:04:05Z"_s << qint64(-1);
        QTest::newRow("dot without digits") << u"2025-01-02T03:04:05.Z"_s << qint64(-1);
        QTest::newRow("trailing junk") << u"2025-01-02T03:04:05Zjunk"_s << qint64(-1);
    }
    void parseTime()
    {
        QFETCH(QString, in);
        QFETCH(qint64, msecs);
        const QDateTime t = parseGraphTime(in);
        if (msecs < 0) {
            QVERIFY(!t.isValid());
            return;
        }
        QVERIFY(t.isValid());
        QCOMPARE(t.timeSpec(), Qt::UTC);
        QCOMPARE(t.toMSecsSinceEpoch(), msecs);
    }

    void formatTime()
    {
        QCOMPARE(formatUtc(QDateTime(QDate(2025, 1, 2), QTime(3, 4, 5, 7), Qt::UTC)), u"2025-01-02T03:04:05.007Z"_s);
        QCOMPARE(formatUtc(QDateTime(QDate(2025, 1, 2), QTime(3, 4, 5), Qt::UTC)), u"2025-01-02T03:04:05.000Z"_s);
        QCOMPARE(formatUtc(QDateTime(QDate(2025, 1, 2), QTime(5, 4, 5), QTimeZone(7200))), u"2025-01-02T03:04:05.000Z"_s);
        QCOMPARE(formatUtc(QDateTime()), QString());
        QCOMPARE(formatUtc(parseGraphTime(u"2024-02-29T23:59:59.9999999Z"_s)), u"2024-02-29T23:59:59.999Z"_s);
    }

    void appNames()
    {
        QCOMPARE(appNameForClass(u"IPM.SkypeTeams.Message.Copilot.BizChat"_s), u"Copilot Chat"_s);
        QCOMPARE(appNameForClass(u"IPM.SkypeTeams.Message.Copilot.WebChat"_s), u"Web Chat"_s);
        QCOMPARE(appNameForClass(u"IPM.SkypeTeams.Message.Copilot.Word"_s), u"Word"_s);
        QCOMPARE(appNameForClass(u"IPM.SkypeTeams.Message.Copilot.PowerPoint"_s), u"PowerPoint"_s);
        QCOMPARE(appNameForClass(u"IPM.SkypeTeams.Message.Copilot.Teams"_s), u"Teams"_s);
        QCOMPARE(appNameForClass(u"IPM.SkypeTeams.Message.Copilot.FutureThing"_s), u"FutureThing"_s);
        QCOMPARE(appNameForClass(u"Plain"_s), u"Plain"_s);
        QCOMPARE(appClassForName(u"copilot chat"_s), u"IPM.SkypeTeams.Message.Copilot.BizChat"_s);
        QCOMPARE(appClassForName(u"BIZCHAT"_s), u"IPM.SkypeTeams.Message.Copilot.BizChat"_s);
        QCOMPARE(appClassForName(u"webchat"_s), u"IPM.SkypeTeams.Message.Copilot.WebChat"_s);
        QCOMPARE(appClassForName(u"Nope"_s), QString());
        QVERIFY(knownAppNames().contains(u"Copilot Chat"_s));
        QVERIFY(knownAppNames().contains(u"OneNote"_s));
    }

    void appList()
    {
        QStringList classes;
        QString error;
        QVERIFY(parseAppList(u"Word, teams,BizChat,Copilot Chat,"_s, &classes, &error));
        QCOMPARE(classes, (QStringList{u"IPM.SkypeTeams.Message.Copilot.Word"_s, u"IPM.SkypeTeams.Message.Copilot.Teams"_s,
                                       u"IPM.SkypeTeams.Message.Copilot.BizChat"_s}));
        QVERIFY(!parseAppList(u"Word,Wrod"_s, &classes, &error));
        QVERIFY(error.contains(u"\"Wrod\""_s));
        QVERIFY(parseAppList(QString(), &classes, &error));
        QVERIFY(classes.isEmpty());
    }

    void userJson()
    {
        const QByteArray json = "{\"id\":\"u1\",\"displayName\":\"Ada\",\"userPrincipalName\":\"ada@contoso.example\",\"mail\":null,\n"
            "            \"department\":\"R&D\",\"jobTitle\":\"Engineer\",\"accountEnabled\":false,\"userType\":\"Guest\"}";
        const User u = User::fromJson(QJsonDocument::fromJson(json).object());
        QCOMPARE(u.id, u"u1"_s);
        QCOMPARE(u.displayName, u"Ada"_s);
        QCOMPARE(u.userPrincipalName, u"ada@contoso.example"_s);
        QVERIFY(u.mail.isEmpty());
        QCOMPARE(u.department, u"R&D"_s);
        QCOMPARE(u.jobTitle, u"Engineer"_s);
        QCOMPARE(u.accountEnabled, false);
        QCOMPARE(u.userType, u"Guest"_s);
        const User back = User::fromJson(u.toJson());
        QCOMPARE(back.id, u.id);
        QCOMPARE(back.accountEnabled, false);
        QCOMPARE(back.department, u.department);
        QCOMPARE(User::fromJson(QJsonObject{{u"id"_s, u"x"_s}}).accountEnabled, true);
    }

    void statusKeys()
    {
        for (UserStatus s : {UserStatus::Ok, UserStatus::NoInteractions, UserStatus::NotLicensed, UserStatus::Failed})
            QCOMPARE(userStatusFromKey(userStatusKey(s)), s);
        QCOMPARE(userStatusKey(UserStatus::NoInteractions), u"no_interactions"_s);
        QCOMPARE(userStatusKey(UserStatus::Unknown), QString());
        QCOMPARE(userStatusFromKey(u"bogus"_s), UserStatus::Unknown);
        QCOMPARE(interactionTypeFromKey(u"userPrompt"_s), InteractionType::UserPrompt);
        QCOMPARE(interactionTypeFromKey(u"aiResponse"_s), InteractionType::AiResponse);
        QCOMPARE(interactionTypeFromKey(u"unknownFutureValue"_s), InteractionType::Unknown);
        QCOMPARE(interactionTypeKey(InteractionType::AiResponse), u"aiResponse"_s);
    }

    void interactionFromRaw()
    {
        const QByteArray raw = "{\"id\":\"1731\",\"sessionId\":\"19:abc@thread.v2\",\"requestId\":\"req1\",\"appClass\":\"IPM.SkypeTeams.Message.Copilot.BizChat\",\n"
            " \"interactionType\":\"aiResponse\",\"conversationType\":\"bizchat\",\"etag\":\"7\",\"createdDateTime\":\"2025-01-02T03:04:05.1234567Z\",\"locale\":\"en-us\",\n"
            " \"from\":{\"user\":null,\"application\":{\"id\":\"app\",\"displayName\":\"Microsoft 365 Chat\"}},\n"
            " \"body\":{\"contentType\":\"html\",\"content\":\"<p>Hi &amp; bye</p>\"},\n"
            " \"attachments\":[{\"attachmentId\":\"a1\",\"contentType\":\"reference\",\"contentUrl\":\"https://x/y.docx\",\"name\":\"y.docx\"}],\n"
            " \"links\":[{\"displayName\":\"Site\",\"linkType\":\"webLink\",\"linkUrl\":\"https://x\"}],\n"
            " \"mentions\":[],\"contexts\":[{\"contextReference\":\"https://x/ctx.docx\",\"contextType\":\"file\",\"displayName\":\"ctx.docx\"}]}";
        const Interaction i = Interaction::fromRaw(u"user-1"_s, raw);
        QVERIFY(i.isValid());
        QCOMPARE(i.userId, u"user-1"_s);
        QCOMPARE(i.id, u"1731"_s);
        QCOMPARE(i.sessionId, u"19:abc@thread.v2"_s);
        QCOMPARE(i.sessionKey(), u"19:abc@thread.v2"_s);
        QCOMPARE(i.requestId, u"req1"_s);
        QCOMPARE(i.type, InteractionType::AiResponse);
        QCOMPARE(i.conversationType, u"bizchat"_s);
        QCOMPARE(i.etag, u"7"_s);
        QCOMPARE(formatUtc(i.created), u"2025-01-02T03:04:05.123Z"_s);
        QCOMPARE(i.bodyContentType, u"html"_s);
        QCOMPARE(i.bodyText, u"Hi & bye"_s);
        QCOMPARE(i.attachments, QStringList{u"y.docx <reference>"_s});
        QCOMPARE(i.links, QStringList{u"Site <https://x>"_s});
        QCOMPARE(i.contexts, QStringList{u"ctx.docx <https://x/ctx.docx>"_s});
        QCOMPARE(i.raw, raw);
        QCOMPARE(i.json.value(u"locale"_s).toString(), u"en-us"_s);

        const Interaction nulls = Interaction::fromRaw(u"u"_s, "{\"id\":\"2\",\"sessionId\":null,\"requestId\":null,\"interactionType\":\"userPrompt\"}");
        QVERIFY(nulls.sessionId.isEmpty());
        QCOMPARE(nulls.sessionKey(), u"#2"_s);
        QVERIFY(!nulls.created.isValid());
        QVERIFY(!Interaction::fromRaw(u"u"_s, "not json").isValid());
    }
};

QTEST_GUILESS_MAIN(TestInteraction)
#include "tst_interaction.moc"
