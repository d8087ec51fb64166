// Nothing is dropped silently: items whose id is not a string or whose createdDateTime is not a
// date are kept raw with the reason, counted, exported in interactions.jsonl, and their user is
// reported `partial` (users.csv, the sync summary) instead of "complete".
#include "FakeGraphServer.h"
#include "GraphTestClient.h"
#include "app/archive/Archive.h"
#include "app/export/Exporter.h"
#include "../export/StrictCsv.h"
#include "app/sync/SyncEngine.h"
#include "TestSupport.h"

#include <QSignalSpy>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace ledger;
using namespace ledger::test;

namespace {

QJsonObject item(const QJsonValue &id, const QJsonValue &created, const QString &text)
{
    return QJsonObject{{u"id"_s, id}, {u"sessionId"_s, u"s1"_s}, {u"requestId"_s, u"r1"_s},
                       {u"appClass"_s, u"IPM.SkypeTeams.Message.Copilot.Word"_s}, {u"interactionType"_s, u"userPrompt"_s},
                       {u"createdDateTime"_s, created},
                       {u"body"_s, QJsonObject{{u"contentType"_s, u"text"_s}, {u"content"_s, text}}}};
}
} // namespace

class TestSyncUnreadable : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { test::isolateEnvironment(); }

    void unreadableItemsAreKeptAndReported()
    {
        FakeGraphServer server;
        server.setHandler([&server](const FakeRequest &r) {
            if (r.path().endsWith(u"/oauth2/v2.0/token"))
                return test::tokenResponse(server.baseUrl().toString(), kFakeTenant, kFakeClient,
                                           {u"User.Read.All"_s, u"AiEnterpriseInteraction.Read.All"_s});
            if (r.path() == u"/v1.0/users")
                return FakeResponse::json(200, QJsonObject{{u"value"_s, QJsonArray{QJsonObject{
                    {u"id"_s, u"alice-id"_s}, {u"userPrincipalName"_s, u"alice@contoso.example"_s},
                    {u"displayName"_s, u"Alice"_s}, {u"accountEnabled"_s, true}}}}});
            return FakeResponse::json(200, QJsonObject{{u"value"_s, QJsonArray{
                item(u"good"_s, u"2026-03-01T08:00:00Z"_s, u"fine"_s),
                item(12345, u"2026-03-01T08:01:00Z"_s, u"numeric id"_s),
                item(u"nodate"_s, u"yesterday"_s, u"bad date"_s)}}});
        });
        std::unique_ptr<QNetworkAccessManager> nam;
        std::unique_ptr<TokenProvider> tokens;
        std::unique_ptr<GraphClient> client;
        test::connectToFake(server.baseUrl(), kFakeTenant, kFakeClient, u"secret"_s, 1, nam, tokens, client);
        Archive archive;
        QVERIFY(archive.open(test::tempDir() + u"/a.sqlite"_s));
        QCOMPARE(archive.schemaVersion(), Archive::kSchemaVersion);
        SyncEngine engine(client.get(), &archive);
        engine.setTokenProvider(tokens.get());
        QSignalSpy finished(&engine, &SyncEngine::finished);
        SyncOptions o;
        o.from = QDateTime(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC);
        o.to = QDateTime(QDate(2027, 1, 1), QTime(0, 0), Qt::UTC);
        engine.start(o);
        QVERIFY(finished.wait(20000));
        const SyncSummary s = finished.first().first().value<SyncSummary>();
        QCOMPARE(s.outcomes.size(), 1);
        QCOMPARE(s.outcomes.first().status, UserStatus::Partial);
        QVERIFY2(s.outcomes.first().error.message.contains(u"2 item(s)"_s), qPrintable(s.outcomes.first().error.message));
        QCOMPARE(archive.writer().syncState(u"alice-id"_s).status, UserStatus::Partial);
        QVERIFY(archive.writer().syncState(u"alice-id"_s).lastError.contains(u"id is not a string"_s));

        // Each item is kept once, with its reason.
        QList<QString> reasons;
        QVERIFY(archive.reader().forEachUnreadableItem({}, [&](const QString &, const QByteArray &, const QString &reason) {
            reasons << reason;
            return true;
        }));
        QCOMPARE(reasons.size(), 2);
        QVERIFY(reasons.contains(u"its id is not a string"_s));
        QVERIFY(reasons.contains(u"its createdDateTime \"yesterday\" is not a date"_s));

        const QString dir = test::tempDir() + u"/out"_s;
        ExportRequest req;
        req.outDir = dir;
        req.filter.from = o.from;
        req.filter.to = o.to;
        Exporter ex(archive);
        const ExportResult res = ex.exportFolder(req);
        QVERIFY2(res.ok, qPrintable(res.error));
        QCOMPARE(res.interactions, qint64(3));
        const QList<QByteArray> lines = test::readFile(dir + u"/interactions.jsonl"_s).split('\n');
        QCOMPARE(lines.size(), 4);   // 3 lines + the final newline
        int unreadable = 0;
        for (int k = 0; k < 3; ++k) {
            const QJsonObject line = QJsonDocument::fromJson(lines.at(k)).object();
            QVERIFY(line.value(u"interaction"_s).isObject());
            if (line.contains(u"unreadable_reason"_s))
                ++unreadable;
        }
        QCOMPARE(unreadable, 2);
        QList<QStringList> rows;
        QString error;
        QVERIFY(test::parseStrictCsv(test::readFile(dir + u"/users.csv"_s), &rows, &error));
        QCOMPARE(rows.at(1).at(rows.at(0).indexOf(u"status"_s)), u"partial"_s);
    }
};

QTEST_GUILESS_MAIN(TestSyncUnreadable)
#include "tst_syncunreadable.moc"
