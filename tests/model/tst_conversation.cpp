// Turns and sessions (docs/EXPORT-FORMAT.md): pairing by (user, session, requestId), several responses,
// orphans, prompts without response, null requestId / sessionId.
#include "app/model/Conversation.h"
#include "TestSupport.h"

#include <QTest>

using namespace ledger;
using namespace Qt::StringLiterals;

namespace {

Interaction item(const QString &id, const QString &session, const QString &request, InteractionType type, int minute,
                 const QString &text = QString(), const QString &user = u"u1"_s)
{
    Interaction i;
    i.id = id;
    i.userId = user;
    i.sessionId = session;
    i.requestId = request;
    i.type = type;
    i.appClass = u"IPM.SkypeTeams.Message.Copilot.Word"_s;
    i.created = QDateTime(QDate(2025, 5, 1), QTime(10, 0), Qt::UTC).addSecs(minute * 60);
    i.bodyText = text.isEmpty() ? id : text;
    return i;
}
constexpr auto P = InteractionType::UserPrompt;
constexpr auto R = InteractionType::AiResponse;

} // namespace

class TestConversation : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { test::isolateEnvironment(); }

    void pairsAndOrder()
    {
        // given out of order
        const QList<Interaction> in = {
            item(u"r2b"_s, u"s"_s, u"q2"_s, R, 5, u"second answer"_s),
            item(u"p1"_s, u"s"_s, u"q1"_s, P, 0),
            item(u"r2a"_s, u"s"_s, u"q2"_s, R, 4, u"first answer"_s),
            item(u"r1"_s, u"s"_s, u"q1"_s, R, 1),
            item(u"p2"_s, u"s"_s, u"q2"_s, P, 3),
        };
        const QList<Turn> t = buildTurns(in);
        QCOMPARE(t.size(), 2);
        QCOMPARE(t.at(0).promptId, u"p1"_s);
        QCOMPARE(t.at(0).responseId, u"r1"_s);
        QCOMPARE(t.at(1).promptId, u"p2"_s);
        QCOMPARE(t.at(1).responseId, u"r2a"_s);   // the first response
        QCOMPARE(t.at(1).responseCreated, in.at(2).created);
        QCOMPARE(t.at(1).responseText, u"first answer\n\nsecond answer"_s);
        QVERIFY(t.at(1).hasPrompt() && t.at(1).hasResponse());
    }

    void orphansAndNulls()
    {
        const QList<Interaction> in = {
            item(u"orphan"_s, u"s"_s, u"q9"_s, R, 0),
            item(u"lonely"_s, u"s"_s, u"q8"_s, P, 1),
            item(u"n1"_s, u"s"_s, QString(), P, 2),
            item(u"n2"_s, u"s"_s, QString(), R, 3),   // null requestId: its own turn, not paired with n1
            item(u"same-req-other-user"_s, u"s"_s, u"q8"_s, R, 4, QString(), u"u2"_s),
            item(u"same-req-other-session"_s, u"s2"_s, u"q8"_s, R, 5),
        };
        const QList<Turn> t = buildTurns(in);
        QCOMPARE(t.size(), 6);
        QCOMPARE(t.at(0).responseId, u"orphan"_s);
        QVERIFY(!t.at(0).hasPrompt());
        QVERIFY(t.at(0).promptText.isEmpty());
        QVERIFY(!t.at(0).promptCreated.isValid());
        QCOMPARE(t.at(1).promptId, u"lonely"_s);
        QVERIFY(!t.at(1).hasResponse());
        QVERIFY(!t.at(1).responseCreated.isValid());
        QCOMPARE(t.at(2).promptId, u"n1"_s);
        QVERIFY(!t.at(2).hasResponse());
        QCOMPARE(t.at(3).responseId, u"n2"_s);
        QVERIFY(!t.at(3).hasPrompt());
        QCOMPARE(t.at(4).responseId, u"same-req-other-user"_s);
        QCOMPARE(t.at(5).responseId, u"same-req-other-session"_s);
    }

    void sessions()
    {
        const QList<Interaction> in = {
            item(u"a"_s, u"s1"_s, u"q1"_s, P, 10, u"first question"_s),
            item(u"b"_s, u"s1"_s, u"q1"_s, R, 11),
            item(u"c"_s, u"s1"_s, u"q2"_s, P, 12, u"second question"_s),
            item(u"x"_s, QString(), QString(), P, 1),
            item(u"y"_s, QString(), QString(), P, 2),   // null sessionId: each its own session
            item(u"z"_s, u"s1"_s, u"q1"_s, R, 5, QString(), u"u2"_s),
        };
        const QList<Session> s = buildSessions(in);
        QCOMPARE(s.size(), 4);
        QCOMPARE(s.at(0).sessionId, QString());
        QCOMPARE(s.at(0).promptCount, 1);
        QCOMPARE(s.at(1).promptCount, 1);
        QCOMPARE(s.at(2).userId, u"u2"_s);
        QCOMPARE(s.at(2).promptCount, 0);
        QCOMPARE(s.at(2).responseCount, 1);
        QVERIFY(s.at(2).firstPrompt.isEmpty());
        const Session &main = s.at(3);
        QCOMPARE(main.sessionId, u"s1"_s);
        QCOMPARE(main.promptCount, 2);
        QCOMPARE(main.responseCount, 1);
        QCOMPARE(main.firstPrompt, u"first question"_s);
        QCOMPARE(main.started, in.at(0).created);
        QCOMPARE(main.ended, in.at(2).created);
    }

    void empty()
    {
        QVERIFY(buildTurns({}).isEmpty());
        QVERIFY(buildSessions({}).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestConversation)
#include "tst_conversation.moc"
