// interactions.jsonl keeps a user id with characters outside the BMP (emoji, musical symbols)
// intact: the export's JSON string writer once turned each surrogate half into '?'. The export
// and the demo tenant share one writer (model/JsonQuote).
#include "TestSupport.h"

#include "app/archive/Archive.h"
#include "app/export/Exporter.h"
#include "app/model/Interaction.h"
#include "app/model/JsonQuote.h"
#include "app/model/User.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace ledger;

class TestJsonQuote : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { test::isolateEnvironment(); }

    void quoteRoundTrips_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("ascii") << u"alice-id"_s;
        QTest::newRow("quotes and backslash") << u"a\"b\\c"_s;
        QTest::newRow("controls") << u"a\nb\tc\u0001"_s;
        QTest::newRow("bmp") << u"Bob 中文"_s;
        QTest::newRow("outside the bmp") << u"u-😀-𝄞"_s;
    }
    void quoteRoundTrips()
    {
        QFETCH(QString, text);
        const QByteArray quoted = json::quote(text);
        const QJsonDocument doc = QJsonDocument::fromJson("[" + quoted + "]");
        QVERIFY2(doc.isArray(), quoted.constData());
        QCOMPARE(doc.array().at(0).toString(), text);
    }

    void exportKeepsUserIdOutsideTheBmp()
    {
        Archive archive;
        QVERIFY(archive.open(test::tempDir() + u"/emoji.sqlite"_s));
        const QString id = u"user-😀-𝄞"_s;
        User u;
        u.id = id;
        u.userPrincipalName = u"emoji@contoso.example"_s;
        QVERIFY(archive.writer().upsertUsers({u}));
        const QByteArray raw = QJsonDocument(QJsonObject{
            {u"id"_s, u"p1"_s}, {u"sessionId"_s, u"s1"_s}, {u"requestId"_s, u"r1"_s},
            {u"appClass"_s, u"IPM.SkypeTeams.Message.Copilot.Word"_s}, {u"interactionType"_s, u"userPrompt"_s},
            {u"createdDateTime"_s, u"2025-03-01T08:30:00.000Z"_s},
            {u"body"_s, QJsonObject{{u"contentType"_s, u"text"_s}, {u"content"_s, u"hi"_s}}}})
                                   .toJson(QJsonDocument::Compact);
        QCOMPARE(archive.writer().insertInteractions({Interaction::fromRaw(id, raw)}), 1);
        SyncState st;
        st.userId = id;
        st.status = UserStatus::Ok;
        QVERIFY(archive.writer().setSyncState(st));

        const QString dir = test::tempDir() + u"/out"_s;
        ExportRequest req;
        req.outDir = dir;
        req.tenant = u"contoso.onmicrosoft.com"_s;
        req.clientId = u"11111111-2222-3333-4444-555555555555"_s;
        Exporter ex(archive);
        const ExportResult r = ex.exportFolder(req, {});
        QVERIFY2(r.ok, qPrintable(r.error));
        const QByteArray line = test::readFile(dir + u"/interactions.jsonl"_s).trimmed();
        QVERIFY2(!line.contains("??"), line.constData());
        QCOMPARE(QJsonDocument::fromJson(line).object().value(u"user_id"_s).toString(), id);
    }
};

QTEST_GUILESS_MAIN(TestJsonQuote)
#include "tst_jsonquote.moc"
