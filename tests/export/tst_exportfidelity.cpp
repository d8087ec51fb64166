// The export says exactly what Graph said: unpaired UTF-16 surrogates in the JSON become U+FFFD in
// the archive and prompts.csv (never merged with the next character), interactions.jsonl keeps the
// raw bytes; archive and export files are private to the user from the moment they exist.
#include "app/archive/Archive.h"
#include "app/export/Exporter.h"
#include "app/model/TextFidelity.h"
#include "StrictCsv.h"
#include "TestSupport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTest>

using namespace ledger;
using namespace Qt::StringLiterals;

namespace {
// \\u escapes as Graph sends them (built at run time: moc does not read raw string literals).
QByteArray item(const char *id, const char *type, const char *minute, const char *content)
{
    return QByteArray("{\"id\":\"") + id + "\",\"sessionId\":\"s1\",\"requestId\":\"r1\","
        "\"appClass\":\"IPM.SkypeTeams.Message.Copilot.Word\",\"interactionType\":\"" + type
        + "\",\"createdDateTime\":\"2025-03-01T08:" + minute + ":00.000Z\",\"locale\":\"en-us\","
        "\"body\":{\"contentType\":\"text\",\"content\":\"" + content + "\"}}";
}
const QByteArray kPrompt = item("p1", "userPrompt", "30", "Broken emoji: \\ud800 (please fix) and \\udc00x end");
const QByteArray kResponse = item("a1", "aiResponse", "31", "Fine \\ud83d\\ude00 pair, lone at end \\ud83d");
const QString kFixedPrompt = u"Broken emoji: \uFFFD (please fix) and \uFFFDx end"_s;
const QString kFixedResponse = u"Fine \U0001F600 pair, lone at end \uFFFD"_s;
} // namespace

class TestExportFidelity : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { test::isolateEnvironment(); }

    void replacesOnlyUnpairedSurrogates()
    {
        QCOMPARE(replaceUnpairedSurrogates(u"plain"_s), u"plain"_s);
        QCOMPARE(replaceUnpairedSurrogates(u"\U0001F600"_s), u"\U0001F600"_s);
        QString s;
        s += QChar(0xD800);
        s += u" (x";
        QCOMPARE(replaceUnpairedSurrogates(s), u"\uFFFD (x"_s);
        s = QString(QChar(0xDC00)) + QChar(0xD800);
        QCOMPARE(replaceUnpairedSurrogates(s), u"\uFFFD\uFFFD"_s);
        s = QString(QChar(0xD800)) + QChar(0xD83D) + QChar(0xDE00);   // lone high, then a pair
        QCOMPARE(replaceUnpairedSurrogates(s), u"\uFFFD\U0001F600"_s);
        QVERIFY(!hasUnpairedSurrogate(u"\U0001F600 ok"_s));
    }

    void surrogatesSurviveArchiveAndExport()
    {
        const QString base = test::tempDir();
        Archive archive;
        QVERIFY(archive.open(base + u"/a.sqlite"_s));
        User alice;
        alice.id = u"alice-id"_s;
        alice.displayName = QString(u"Alice "_s) + QChar(0xDC00) + u"A"_s;
        alice.userPrincipalName = u"alice@contoso.example"_s;
        QVERIFY(archive.writer().upsertUsers({alice}));
        QCOMPARE(archive.writer().insertInteractions({Interaction::fromRaw(alice.id, kPrompt), Interaction::fromRaw(alice.id, kResponse)}), 2);
        SyncState st;
        st.userId = alice.id;
        st.status = UserStatus::Ok;
        QVERIFY(archive.writer().setSyncState(st));

        // Archive reads agree with the export.
        const QList<TurnRow> turns = archive.reader().turns({}, {}, 0, -1);
        QCOMPARE(turns.size(), 1);
        QCOMPARE(turns.first().promptText, kFixedPrompt);
        QCOMPARE(turns.first().responseText, kFixedResponse);
        QCOMPARE(turns.first().userDisplayName, u"Alice \uFFFDA"_s);
        // The full-text index holds the same words (the word after the lone surrogate is intact).
        ArchiveFilter f;
        f.text = u"please"_s;
        QCOMPARE(archive.reader().turns(f, {}, 0, -1).size(), 1);

        const QString dir = base + u"/out"_s;
        ExportRequest r;
        r.outDir = dir;
        Exporter ex(archive);
        const ExportResult res = ex.exportFolder(r);
        QVERIFY2(res.ok, qPrintable(res.error));
        QList<QStringList> rows;
        QString error;
        QVERIFY2(test::parseStrictCsv(test::readFile(dir + u"/prompts.csv"_s), &rows, &error), qPrintable(error));
        QCOMPARE(rows.size(), 2);
        const QStringList header = rows.at(0);
        QCOMPARE(rows.at(1).at(header.indexOf(u"prompt_text"_s)), kFixedPrompt);
        QCOMPARE(rows.at(1).at(header.indexOf(u"response_text"_s)), kFixedResponse);
        QCOMPARE(rows.at(1).at(header.indexOf(u"user_display_name"_s)), u"Alice \uFFFDA"_s);
        // interactions.jsonl keeps Graph's bytes (the escapes as received).
        const QByteArray jsonl = test::readFile(dir + u"/interactions.jsonl"_s);
        QVERIFY(jsonl.contains("\\ud800 (please fix)"));
        QVERIFY(jsonl.contains("lone at end \\ud83d\""));
    }
};

QTEST_GUILESS_MAIN(TestExportFidelity)
#include "tst_exportfidelity.moc"
