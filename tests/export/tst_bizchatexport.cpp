// Microsoft's documented Copilot Chat answer (an Adaptive Card holding the answer twice, as
// Markdown and as "MessageTextField") served by a loopback Graph, synced and exported: prompts.csv
// holds the answer once, as plain text, with its citations numbered and their URLs in `links`.
#include "FakeGraphServer.h"
#include "GraphTestClient.h"
#include "BizChatExample.h"
#include "StrictCsv.h"
#include "TestSupport.h"

#include "app/archive/Archive.h"
#include "app/export/Exporter.h"
#include "app/sync/SyncEngine.h"

#include <QSignalSpy>
#include <QtTest>

using namespace ledger;
using namespace ledger::test;
using namespace Qt::StringLiterals;

class tst_BizChatExport : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { isolateEnvironment(); }

    void documentedAnswerExportsOnceAsPlainTextWithCitations()
    {
        FakeGraphServer server;
        const QString user = QString::fromLatin1(kBizChatExampleUser);
        server.setHandler([&](const FakeRequest &r) {
            if (r.path().endsWith(u"/oauth2/v2.0/token"))
                return tokenResponse(server.baseUrl().toString(), kFakeTenant, kFakeClient,
                                     {u"User.Read.All"_s, u"AiEnterpriseInteraction.Read.All"_s});
            FakeResponse resp;
            resp.addHeader("Content-Type", "application/json");
            if (r.path().contains(u"getAllEnterpriseInteractions"))
                resp.body = bizChatExamplePage();
            else if (r.path().endsWith(u"/users"))
                resp.body = QJsonDocument(QJsonObject{{u"value"_s, QJsonArray{QJsonObject{
                    {u"id"_s, user}, {u"displayName"_s, u"Cora Tanaka"_s}, {u"userPrincipalName"_s, u"cora@contoso.example"_s},
                    {u"accountEnabled"_s, true}, {u"userType"_s, u"Member"_s}}}}}).toJson(QJsonDocument::Compact);
            else
                resp.body = "{\"value\":[]}";
            return resp;
        });
        std::unique_ptr<QNetworkAccessManager> nam;
        std::unique_ptr<TokenProvider> tokens;
        std::unique_ptr<GraphClient> graph;
        connectToFake(server.baseUrl(), kFakeTenant, kFakeClient, u"secret"_s, 1, nam, tokens, graph);

        Archive archive;
        QVERIFY(archive.open(tempDir() + u"/bizchat.sqlite"_s));
        SyncEngine engine(graph.get(), &archive);
        engine.setTokenProvider(tokens.get());
        SyncOptions opt;
        opt.from = QDateTime(QDate(2024, 1, 1), QTime(0, 0), Qt::UTC);
        opt.to = QDateTime(QDate(2025, 1, 1), QTime(0, 0), Qt::UTC);
        opt.requestsPerSecond = 1000;
        QSignalSpy done(&engine, &SyncEngine::finished);
        engine.start(opt);
        QVERIFY(done.wait(30000));
        QVERIFY(done.first().first().value<SyncSummary>().completed);

        ExportRequest req;
        req.outDir = tempDir() + u"/out"_s;
        req.tenant = kFakeTenant;
        req.clientId = kFakeClient;
        const ExportResult result = Exporter(archive).exportFolder(req, {});
        QVERIFY2(result.ok, qPrintable(result.error));
        QList<QStringList> rows;
        QString error;
        QVERIFY2(parseStrictCsv(readFile(req.outDir + u"/prompts.csv"_s), &rows, &error), qPrintable(error));
        QCOMPARE(rows.size(), 2);
        const QStringList header = rows.at(0);
        const QStringList row = rows.at(1);
        const QString prompt = row.at(header.indexOf(u"prompt_text"_s));
        const QString answer = row.at(header.indexOf(u"response_text"_s));
        const QString links = row.at(header.indexOf(u"links"_s));
        QCOMPARE(prompt, u"What should be on my radar from emails last week?"_s);

        // One answer, no Markdown syntax, citations as [1]…[4], list items as "• ", paragraphs kept.
        QCOMPARE(answer.count(u"It looks like there were no important emails from last week."_s), 1);
        for (const QString &syntax : {u"**"_s, u"]("_s, u"[^"_s, u"\n- "_s})
            QVERIFY2(!answer.contains(syntax), qPrintable(syntax + u" in: "_s + answer));
        QVERIFY(answer.startsWith(u"It looks like there were no important emails from last week. However, I found some "
                                  "relevant meetings and files that might be of interest to you.\n\nFrom your meetings last week:\n"
                                  "• test meeting2 - export api: You discussed the need to send a reminder"_s));
        QVERIFY(answer.contains(u"the importance of the event and the reminder[1].\n• new meeting to test copilot "
                                "interaction in meetings: This meeting was held last Friday from 12:30 PM to 1 PM[2].\n"
                                "• teste meeting: "_s));
        QVERIFY(answer.contains(u"James A. Robinson[3].\n\nAdditionally, there is a file titled OnCall DRI Handbook-v3 "
                                "that you last modified"_s));
        QVERIFY(answer.endsWith(u"procedures[4].\n\nIs there anything specific you would like to know more about?"_s));

        // links: every URL once; the cited ones carry their number.
        const QStringList entries = links.split(u'\n');
        const QString eventBase = u"https://teams.microsoft.com/l/meeting/details?eventId=AAMkADcyZTMzNWZhLWE1YjAtNDc3Mi04MzBlLTc2NzEzOTE0MmU1ZQBGAAAAAAC5e4DRHIMCQJ-tS6nB82CZBwCMIOyf3WTwTIsBMwZamp77AAAAAAENAACMIOyf3WTwTIsBMwZamp77AAB"_s;
        QVERIFY(entries.contains(u"[1] test meeting2 - export api <"_s + eventBase + u"CrxI6AAA%3d>"_s));
        QVERIFY(entries.contains(u"[2] new meeting to test copilot interaction in meetings <"_s + eventBase + u"CrxI5AAA%3d>"_s));
        QVERIFY(entries.contains(u"[3] teste meeting <"_s + eventBase + u"AvsP6AAA%3d>"_s));
        QVERIFY(entries.contains(u"[4] <https://m365cpi17278319-my.sharepoint.com/personal/corat_m365cpi17278319_onmicrosoft_com/"
                                 "Documents/Microsoft%20Copilot%20Chat%20Files/OnCall%20DRI%20Handbook-v3.pdf?web=1>"_s));
        QCOMPARE(entries.size(), 8);
        QStringList urls;
        for (const QString &e : entries)
            urls << e.section(u'<', -1);
        urls.removeDuplicates();
        QCOMPARE(urls.size(), entries.size());
    }
};

QTEST_GUILESS_MAIN(tst_BizChatExport)
#include "tst_bizchatexport.moc"
