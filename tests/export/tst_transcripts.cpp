// Transcripts (docs/EXPORT-FORMAT.md "transcripts/"): PDF and HTML of sessions, of a user's
// range and of a case; the export's transcripts/ folder (names, SHA256SUMS, export.json); the
// footer's SHA-256 recomputed from the exported interactions.jsonl; the text of every script of
// the demo tenant (Latin, Japanese, Chinese, Arabic) read back with pdftotext.
#include "BizChatExample.h"
#include "Fixtures.h"
#include "PdfText.h"
#include "TestSupport.h"
#include "app/export/Exporter.h"
#include "app/review/ReviewStore.h"
#include "app/transcript/Transcript.h"
#include "app/transcript/TranscriptRenderer.h"
#include "app/transcript/TranscriptSession.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTest>

using namespace ledger;
using namespace Qt::StringLiterals;

namespace {

const test::FixtureClock at{2025, 3, QTime(8, 30)};

QByteArray rawItem(const QString &id, const QString &session, const QString &request, const QString &type,
                   const QDateTime &when, const QString &content, const QString &app = u"Word"_s)
{
    QJsonObject o = test::interactionJson(id, session.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(session),
                                          request, u"IPM.SkypeTeams.Message.Copilot."_s + app, type, when, u"html"_s,
                                          content);
    o.insert(u"conversationType"_s, u"appchat"_s);
    o.insert(u"locale"_s, u"en-us"_s);
    o.insert(u"attachments"_s, QJsonArray{QJsonObject{{u"name"_s, u"Budget.xlsx"_s}, {u"contentType"_s, u"reference"_s}}});
    o.insert(u"contexts"_s, QJsonArray{QJsonObject{{u"displayName"_s, u"Plan.docx"_s},
                                                   {u"contextReference"_s, u"https://contoso.example/Plan.docx"_s}}});
    o.insert(u"links"_s, QJsonArray{QJsonObject{{u"displayName"_s, u"Plan"_s}, {u"linkUrl"_s, u"https://contoso.example/plan"_s}}});
    return test::compactJson(o);
}

using test::pdfText;

QString normalizeSpaces(QString s)
{
    static const QRegularExpression ws(u"\\s+"_s);
    return s.replace(ws, u" "_s);
}

// pdftotext gives Arabic in its presentation forms (the shaped glyphs' compatibility
// characters, U+FB50–U+FEFF) with bidi embedding marks around right-to-left runs: compatibility
// normalisation (NFKC) and dropping the marks give the text as written, in logical order.
QString logicalArabic(QString s)
{
    static const QRegularExpression marks(u"[\\x{200E}\\x{200F}\\x{202A}-\\x{202E}\\x{2066}-\\x{2069}]"_s);
    s = s.normalized(QString::NormalizationForm_KC);
    s.remove(marks);
    return normalizeSpaces(s);
}

const QString kCard = u"4111 1111 1111 1111"_s;
const QString kJa = u"この文書を5つの箇条書きで要約してください"_s;
const QString kZh = u"请用五个要点总结这份文件"_s;
const QString kAr = u"لخص هذا المستند في خمس نقاط"_s;
const QString kArAnswer = u"ارتفعت الإيرادات بنسبة أربعة بالمئة"_s;

} // namespace

class TestTranscripts : public QObject {
    Q_OBJECT
    Archive m_archive;
    QString m_exportDir;

    ExportRequest request(const QString &dir, TranscriptFormat format) const
    {
        ExportRequest r;
        r.outDir = dir;
        r.tenant = u"contoso.onmicrosoft.com"_s;
        r.clientId = u"11111111-2222-3333-4444-555555555555"_s;
        r.transcripts = true;
        r.transcriptFormat = format;
        return r;
    }

    // The footer's SHA-256 as an auditor recomputes it: the lines of interactions.jsonl whose
    // user_id and interaction.sessionId are these (no sessionId: those of that UTC day), in
    // file order, each with its LF.
    static QString recomputedHash(const QString &jsonlPath, const QString &userId, const QString &sessionId,
                                  const QString &day = {})
    {
        QFile f(jsonlPath);
        if (!f.open(QIODevice::ReadOnly))
            return {};
        QCryptographicHash h(QCryptographicHash::Sha256);
        while (!f.atEnd()) {
            const QByteArray line = f.readLine();
            const QJsonObject o = QJsonDocument::fromJson(line).object();
            if (o.value(u"user_id"_s).toString() != userId || o.contains(u"unreadable_reason"_s))
                continue;
            const QJsonObject i = o.value(u"interaction"_s).toObject();
            if (i.value(u"sessionId"_s).toString() != sessionId)
                continue;
            if (sessionId.isEmpty() && !i.value(u"createdDateTime"_s).toString().startsWith(day))
                continue;
            h.addData(line);
        }
        return QString::fromLatin1(h.result().toHex());
    }

private slots:
    void initTestCase()
    {
        test::isolateEnvironment();
        if (QStandardPaths::findExecutable(u"pdftotext"_s).isEmpty())
            QFAIL("pdftotext (poppler-utils) is needed: ./setup.sh installs it");
        QVERIFY(m_archive.open(test::tempDir() + u"/transcripts.sqlite"_s));
        User alice = test::makeUser(u"alice-id"_s, u"Alice Adams"_s, u"alice@contoso.example"_s);
        alice.userType = u"Member"_s;
        const User sakura = test::sameAs(alice, u"sakura-id"_s, u"田中 さくら"_s, u"sakura.tanaka@contoso.example"_s);
        const User wei = test::sameAs(alice, u"wei-id"_s, u"王 伟"_s, u"wei.wang@contoso.example"_s);
        const User fatima = test::sameAs(alice, u"fatima-id"_s, u"فاطمة"_s, u"fatima@contoso.example"_s);
        // A reserved Windows name as the folder's start.
        const User cora = test::sameAs(alice, QString::fromLatin1(test::kBizChatExampleUser), u"Cora Thomas"_s,
                                       u"CON@contoso.example"_s);
        QVERIFY(m_archive.writer().upsertUsers({alice, sakura, wei, fatima, cora}));

        QList<Interaction> items{
            Interaction::fromRaw(u"alice-id"_s, rawItem(u"p1"_s, u"s1"_s, u"r1"_s, u"userPrompt"_s, at(1),
                                                        u"<p>Pay with card "_s + kCard + u" please</p>"_s)),
            Interaction::fromRaw(u"alice-id"_s, rawItem(u"a1"_s, u"s1"_s, u"r1"_s, u"aiResponse"_s, at(1, 1),
                                                        u"<p>Done: the plan is ready.</p>"_s)),
            // Two interactions without a sessionId on 2 March, one on 3 March.
            Interaction::fromRaw(u"alice-id"_s, rawItem(u"n1"_s, {}, {}, u"userPrompt"_s, at(2), u"<p>Loose prompt one</p>"_s)),
            Interaction::fromRaw(u"alice-id"_s, rawItem(u"n2"_s, {}, {}, u"userPrompt"_s, at(2, 5), u"<p>Loose prompt two</p>"_s)),
            Interaction::fromRaw(u"alice-id"_s, rawItem(u"n3"_s, {}, {}, u"userPrompt"_s, at(3), u"<p>Loose prompt three</p>"_s)),
            // A session id that is not a safe file name, and one that differs only in case.
            Interaction::fromRaw(u"alice-id"_s, rawItem(u"x1"_s, u"19:Thread/Ab?c@thread.v2"_s, u"rx"_s, u"userPrompt"_s,
                                                        at(4), u"<p>Odd session</p>"_s)),
            Interaction::fromRaw(u"alice-id"_s, rawItem(u"y1"_s, u"CASE"_s, u"ry"_s, u"userPrompt"_s, at(5), u"<p>Upper</p>"_s)),
            Interaction::fromRaw(u"alice-id"_s, rawItem(u"y2"_s, u"case"_s, u"rz"_s, u"userPrompt"_s, at(5, 1), u"<p>Lower</p>"_s)),
            Interaction::fromRaw(u"sakura-id"_s, rawItem(u"j1"_s, u"sj"_s, u"rj"_s, u"userPrompt"_s, at(6), u"<p>"_s + kJa + u"</p>"_s)),
            Interaction::fromRaw(u"sakura-id"_s, rawItem(u"j2"_s, u"sj"_s, u"rj"_s, u"aiResponse"_s, at(6, 1),
                                                         u"<p>要約は次のとおりです：売上は前年比増</p>"_s)),
            Interaction::fromRaw(u"wei-id"_s, rawItem(u"z1"_s, u"sz"_s, u"rz1"_s, u"userPrompt"_s, at(7), u"<p>"_s + kZh + u"</p>"_s)),
            Interaction::fromRaw(u"fatima-id"_s, rawItem(u"r1a"_s, u"sa"_s, u"ra"_s, u"userPrompt"_s, at(8), u"<p>"_s + kAr + u"</p>"_s)),
            Interaction::fromRaw(u"fatima-id"_s, rawItem(u"r2a"_s, u"sa"_s, u"ra"_s, u"aiResponse"_s, at(8, 1),
                                                          u"<p dir=\"rtl\">"_s + kArAnswer + u"</p>"_s)),
        };
        // Microsoft's documented Copilot Chat answer (an Adaptive Card with citations).
        const QJsonArray page = QJsonDocument::fromJson(test::bizChatExamplePage()).object().value(u"value"_s).toArray();
        for (const QJsonValue &v : page)
            items << Interaction::fromRaw(QString::fromLatin1(test::kBizChatExampleUser),
                                          QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
        QCOMPARE(m_archive.writer().insertInteractions(items), int(items.size()));

        ReviewStore reviews(m_archive);
        const ReviewRef turn{u"alice-id"_s, ReviewKind::Turn, u"p1"_s, u"s1"_s};
        QVERIFY(reviews.setStatus(turn, ReviewStatus::Escalated));
        QVERIFY(reviews.setNote(turn, u"Card number pasted into Word"_s));
        QVERIFY(reviews.addToCase(turn, u"Payments"_s));
        QVERIFY(reviews.addToCase(ReviewRef{u"sakura-id"_s, ReviewKind::Session, u"sj"_s, u"sj"_s}, u"Payments"_s));

        m_exportDir = test::tempDir() + u"/export-pdf"_s;
        Exporter exporter(m_archive);
        const ExportResult r = exporter.exportFolder(request(m_exportDir, TranscriptFormat::Pdf));
        QVERIFY2(r.ok, qPrintable(r.error));
        QVERIFY(r.transcripts > 0);
    }

    // One file per session; sessions without a sessionId grouped per user and day; safe names.
    void exportFileNames()
    {
        QStringList files;
        QDirIterator it(m_exportDir + u"/transcripts"_s, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext())
            files << QDir(m_exportDir).relativeFilePath(it.next());
        files.sort();
        const QString a = u"transcripts/alice@contoso.example/"_s;
        QVERIFY2(files.contains(a + u"2025-03-01_s1.pdf"_s), qPrintable(files.join(u'\n')));
        QVERIFY(files.contains(a + u"2025-03-02_no-session.pdf"_s));
        QVERIFY(files.contains(a + u"2025-03-03_no-session.pdf"_s));
        QVERIFY(files.contains(u"transcripts/sakura.tanaka@contoso.example/2025-03-06_sj.pdf"_s));
        // "CASE" and "case" are two files, also on a case-insensitive file system.
        QStringList caseFiles = files.filter(QRegularExpression(u"2025-03-05_case"_s, QRegularExpression::CaseInsensitiveOption));
        QCOMPARE(caseFiles.size(), 2);
        QVERIFY(caseFiles.at(0).toLower() != caseFiles.at(1).toLower());
        for (const QString &f : std::as_const(files)) {
            const QString name = f.section(u'/', 2);
            const QString folder = f.section(u'/', 1, 1);
            for (const QString &part : {name, folder}) {
                QVERIFY2(!part.contains(QRegularExpression(u"[^A-Za-z0-9._@+~-]"_s)), qPrintable(f));
                QVERIFY2(part.size() <= 100, qPrintable(f));
                QVERIFY(!part.startsWith(u'.'));
                QVERIFY(!part.section(u'.', 0, 0).toUpper().contains(QRegularExpression(u"^(CON|PRN|AUX|NUL|COM[0-9]|LPT[0-9])$"_s)));
            }
        }
        // 10 groups: alice s1, 2 + 3 March, the odd session, CASE, case; sakura, wei, fatima; Cora's session.
        QCOMPARE(files.size(), 10);
        QVERIFY(files.filter(u"2025-03-04_19_Thread_Ab_c@thread.v2~"_s).size() == 1);
    }

    // SHA256SUMS and export.json list every transcript; the sums verify.
    void exportListsTranscripts()
    {
        const QJsonObject manifest = QJsonDocument::fromJson(test::readFile(m_exportDir + u"/export.json"_s)).object();
        QStringList listed;
        for (const QJsonValue &v : manifest.value(u"files"_s).toArray())
            listed << v.toString();
        const QByteArray sums = test::readFile(m_exportDir + u"/SHA256SUMS"_s);
        int transcripts = 0;
        for (const QByteArray &line : sums.split('\n')) {
            if (line.isEmpty())
                continue;
            const QString name = QString::fromUtf8(line.mid(66));
            const QByteArray digest = line.left(64);
            QCOMPARE(QCryptographicHash::hash(test::readFile(m_exportDir + u'/' + name), QCryptographicHash::Sha256).toHex(), digest);
            if (name.startsWith(u"transcripts/"_s)) {
                ++transcripts;
                QVERIFY2(listed.contains(name), qPrintable(name));
            }
        }
        QCOMPARE(transcripts, 10);
        QCOMPARE(manifest.value(u"transcripts"_s).toObject().value(u"format"_s).toString(), u"pdf"_s);
        QCOMPARE(manifest.value(u"transcripts"_s).toObject().value(u"files"_s).toInt(), 10);
        QCOMPARE(listed.last(), u"export.json"_s);
    }

    // The footer carries the SHA-256 of the session's lines of interactions.jsonl, on every page.
    void footerHashMatchesJsonl()
    {
        const QString jsonl = m_exportDir + u"/interactions.jsonl"_s;
        struct Case {
            QString file, userId, sessionId, day;
        };
        const QList<Case> cases{
            {u"alice@contoso.example/2025-03-01_s1.pdf"_s, u"alice-id"_s, u"s1"_s, {}},
            {u"alice@contoso.example/2025-03-02_no-session.pdf"_s, u"alice-id"_s, {}, u"2025-03-02"_s},
            {u"sakura.tanaka@contoso.example/2025-03-06_sj.pdf"_s, u"sakura-id"_s, u"sj"_s, {}},
            {u"fatima@contoso.example/2025-03-08_sa.pdf"_s, u"fatima-id"_s, u"sa"_s, {}},
        };
        for (const Case &c : cases) {
            const QString text = pdfText(m_exportDir + u"/transcripts/"_s + c.file);
            QVERIFY2(!text.isEmpty(), qPrintable(c.file));
            const QString expected = recomputedHash(jsonl, c.userId, c.sessionId, c.day);
            QVERIFY2(test::footerHash(text) == expected, qPrintable(c.file + u'\n' + text));
            // Every page: pdftotext separates pages with form feeds.
            const QStringList pages = text.split(u'\f', Qt::SkipEmptyParts);
            for (qsizetype p = 0; p < pages.size(); ++p) {
                if (pages.at(p).trimmed().isEmpty())
                    continue;
                QCOMPARE(test::footerHash(pages.at(p)), expected);
                QVERIFY2(pages.at(p).contains(u"Page %1 of %2"_s.arg(p + 1).arg(pages.size())), qPrintable(pages.at(p)));
                QVERIFY(pages.at(p).contains(u"Tenant: contoso.onmicrosoft.com"_s));
                QVERIFY(pages.at(p).contains(u"Generated "_s));
            }
        }
        // The line numbers printed in the transcript give the same bytes (sed -n '…p' | sha256sum).
        const QString text = pdfText(m_exportDir + u"/transcripts/alice@contoso.example/2025-03-02_no-session.pdf"_s);
        const QRegularExpression linesRe(u"interactions.jsonl lines: ([0-9,-]+)"_s);
        const auto m = linesRe.match(text);
        QVERIFY2(m.hasMatch(), qPrintable(text));
        const QList<QByteArray> all = test::readFile(jsonl).split('\n');
        QCryptographicHash h(QCryptographicHash::Sha256);
        for (const QString &range : m.captured(1).split(u',')) {
            const int first = range.section(u'-', 0, 0).toInt(), last = range.contains(u'-') ? range.section(u'-', 1).toInt() : first;
            for (int n = first; n <= last; ++n)
                h.addData(QByteArray(all.at(n - 1) + '\n'));
        }
        QCOMPARE(QString::fromLatin1(h.result().toHex()), test::footerHash(text));
    }

    // The text of every script is text in the PDF (not an image), and the footer names the user.
    void pdfTextInEveryScript()
    {
        const QString t = m_exportDir + u"/transcripts/"_s;
        const QString alice = normalizeSpaces(pdfText(t + u"alice@contoso.example/2025-03-01_s1.pdf"_s));
        QVERIFY2(alice.contains(u"Pay with card "_s + kCard + u" please"_s), qPrintable(alice));
        QVERIFY(alice.contains(u"Done: the plan is ready."_s));
        QVERIFY(alice.contains(u"User: Alice Adams <alice@contoso.example>"_s));
        QVERIFY(alice.contains(u"Attachments: Budget.xlsx (reference)"_s));
        QVERIFY(alice.contains(u"Context: Plan.docx"_s));
        QVERIFY(alice.contains(u"Link: Plan <https://contoso.example/plan>"_s));
        // Findings: the text stays in full, the finding is listed masked.
        QVERIFY(alice.contains(u"Findings: credit_card: ************1111"_s));
        // Review status, note and case.
        QVERIFY(alice.contains(u"Review: escalated"_s));
        QVERIFY(alice.contains(u"Cases: Payments"_s));
        QVERIFY(alice.contains(u"Note: Card number pasted into Word"_s));
        QVERIFY(alice.contains(u"UTC"_s));

        const QString ja = normalizeSpaces(pdfText(t + u"sakura.tanaka@contoso.example/2025-03-06_sj.pdf"_s));
        QVERIFY2(ja.contains(kJa), qPrintable(ja));
        QVERIFY(ja.contains(u"要約は次のとおりです：売上は前年比増"_s));
        QVERIFY(ja.contains(u"田中 さくら"_s));
        const QString zh = normalizeSpaces(pdfText(t + u"wei.wang@contoso.example/2025-03-07_sz.pdf"_s));
        QVERIFY2(zh.contains(kZh), qPrintable(zh));
        QVERIFY(zh.contains(u"王 伟"_s));
        const QString ar = logicalArabic(pdfText(t + u"fatima@contoso.example/2025-03-08_sa.pdf"_s));
        QVERIFY2(ar.contains(kAr), qPrintable(ar));
        QVERIFY2(ar.contains(kArAnswer), qPrintable(ar));
        QVERIFY2(ar.contains(u"فاطمة"_s) && ar.contains(u"fatima@contoso.example>"_s), qPrintable(ar));
        // To look at them: LEDGER_SCREENSHOT_DIR=… keeps a copy of the PDFs (pdftoppm -png).
        if (const QString keep = qEnvironmentVariable("LEDGER_SCREENSHOT_DIR"); !keep.isEmpty()) {
            for (const QString &f : {u"fatima@contoso.example/2025-03-08_sa.pdf"_s, u"alice@contoso.example/2025-03-01_s1.pdf"_s,
                                     u"sakura.tanaka@contoso.example/2025-03-06_sj.pdf"_s}) {
                QFile::remove(keep + u'/' + f.section(u'/', 0, 0) + u".pdf"_s);
                QFile::copy(t + f, keep + u'/' + f.section(u'/', 0, 0) + u".pdf"_s);
            }
        }
    }

    // A message's attachments, links, mentions and contexts: each entry by its first non-empty
    // name (the fallbacks Graph leaves to us), entries with nothing to show left out, and an
    // Adaptive Card attachment not listed (its text is the answer's).
    void listsOfAMessage()
    {
        QJsonObject o = test::interactionJson(u"m1"_s, u"s1"_s, u"r1"_s, u"IPM.SkypeTeams.Message.Copilot.Word"_s,
                                              u"userPrompt"_s, at(1), u"text"_s, u"Hello"_s);
        o.insert(u"attachments"_s,
                 QJsonArray{QJsonObject{{u"name"_s, u"Card"_s}, {u"contentType"_s, u"application/vnd.microsoft.card.adaptive"_s}},
                            QJsonObject{{u"contentUrl"_s, u"https://contoso.example/a.docx"_s}, {u"contentType"_s, u"reference"_s}},
                            QJsonObject{{u"attachmentId"_s, u" att-3 "_s}},
                            QJsonObject{{u"contentType"_s, u"reference"_s}}});
        o.insert(u"links"_s, QJsonArray{QJsonObject{{u"linkUrl"_s, u"https://contoso.example/l"_s}},
                                        QJsonObject{{u"linkType"_s, u"x"_s}}});
        o.insert(u"mentions"_s,
                 QJsonArray{QJsonObject{{u"mentionText"_s, u"Adele"_s}},
                            QJsonObject{{u"mentioned"_s, QJsonObject{{u"user"_s, QJsonObject{{u"displayName"_s, u"Megan Bowen"_s}}}}}},
                            QJsonObject{{u"mentionId"_s, 3}}});
        o.insert(u"contexts"_s, QJsonArray{QJsonObject{{u"contextReference"_s, u"https://contoso.example/c"_s},
                                                       {u"contextType"_s, u"file"_s}},
                                           QJsonObject{{u"contextType"_s, u"file"_s}}});
        const Transcript t = Transcript::fromInteractions({Interaction::fromRaw(u"u1"_s, test::compactJson(o))});
        QCOMPARE(t.messages.size(), 1);
        const TranscriptMessage &m = t.messages.first();
        QCOMPARE(m.attachments, (QStringList{u"https://contoso.example/a.docx (reference)"_s, u"att-3"_s}));
        QCOMPARE(m.links.size(), 1);
        QCOMPARE(m.links.first().url, u"https://contoso.example/l"_s);
        QVERIFY(m.links.first().text.isEmpty());
        QCOMPARE(m.mentions, (QStringList{u"Adele"_s, u"Megan Bowen"_s}));
        QCOMPARE(m.contexts, QStringList{u"https://contoso.example/c (file)"_s});
    }

    // A Copilot Chat card answer: its text (once) and its numbered sources.
    void cardAnswerWithCitations()
    {
        QDir dir(m_exportDir + u"/transcripts"_s);
        const QStringList folders = dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot);
        const QStringList cora = folders.filter(u"CON@"_s);
        QCOMPARE(cora.size(), 1);
        const QStringList pdfs = QDir(dir.filePath(cora.first())).entryList(QDir::Files);
        QCOMPARE(pdfs.size(), 1);
        const QString text = normalizeSpaces(pdfText(dir.filePath(cora.first() + u'/' + pdfs.first())));
        QVERIFY2(text.contains(u"What should be on my radar from emails last week?"_s), qPrintable(text));
        QCOMPARE(text.count(u"It looks like there were no important emails from last week."_s), 1);
        QVERIFY(text.contains(u"Sources:"_s));
        QVERIFY(text.contains(u"[1] test meeting2 - export api"_s));
    }

    // HTML transcripts: escaped, no active content, findings marked, the provenance block.
    void htmlExport()
    {
        const QString dir = test::tempDir() + u"/export-html"_s;
        Exporter exporter(m_archive);
        const ExportResult r = exporter.exportFolder(request(dir, TranscriptFormat::Html));
        QVERIFY2(r.ok, qPrintable(r.error));
        const QString html = QString::fromUtf8(test::readFile(dir + u"/transcripts/alice@contoso.example/2025-03-01_s1.html"_s));
        QVERIFY(html.contains(u"<mark title=\"credit_card: ************1111\">"_s + kCard + u"</mark>"_s));
        QVERIFY(html.contains(u"Content-Security-Policy"_s));
        QVERIFY(!html.contains(u"<script"_s, Qt::CaseInsensitive));
        QVERIFY(!html.contains(u"<a "_s, Qt::CaseInsensitive));
        QVERIFY(html.contains(recomputedHash(dir + u"/interactions.jsonl"_s, u"alice-id"_s, u"s1"_s)));
        const QString ar = QString::fromUtf8(test::readFile(dir + u"/transcripts/fatima@contoso.example/2025-03-08_sa.html"_s));
        QVERIFY(ar.contains(kArAnswer));
        QVERIFY(ar.contains(u"dir=\"auto\""_s));
        QVERIFY(test::readFile(dir + u"/SHA256SUMS"_s).contains("transcripts/alice@contoso.example/2025-03-01_s1.html"));
    }

    // Without --transcripts the folder has its seven files and export.json no "transcripts".
    void noTranscriptsByDefault()
    {
        const QString dir = test::tempDir() + u"/export-plain"_s;
        ExportRequest req = request(dir, TranscriptFormat::Pdf);
        req.transcripts = false;
        Exporter exporter(m_archive);
        const ExportResult r = exporter.exportFolder(req);
        QVERIFY2(r.ok, qPrintable(r.error));
        QVERIFY(!QFileInfo::exists(dir + u"/transcripts"_s));
        QCOMPARE(QDir(dir).entryList(QDir::Files | QDir::Hidden).size(), Exporter::fileNames().size());
        QVERIFY(!QJsonDocument::fromJson(test::readFile(dir + u"/export.json"_s)).object().contains(u"transcripts"_s));
    }

    // A link where the transcripts folder would go: refused, nothing written.
    void refusesLinkedTranscriptsFolder()
    {
        const QString dir = test::tempDir() + u"/export-link"_s;
        QVERIFY(QDir().mkpath(dir));
        QVERIFY(QFile::link(test::tempDir(), dir + u"/transcripts"_s));
        ExportRequest req = request(dir, TranscriptFormat::Pdf);
        req.force = true;
        Exporter exporter(m_archive);
        const ExportResult r = exporter.exportFolder(req);
        QVERIFY(!r.ok);
        QVERIFY2(r.error.contains(u"transcripts"_s), qPrintable(r.error));
        QStringList left = QDir(dir).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System);
        QCOMPARE(left, QStringList{u"transcripts"_s});
    }

    // The window's paths: a user's range, a case, a naming hook (pseudonyms plug in here).
    void userRangeCaseAndNamingHook()
    {
        TranscriptBuilder builder(m_archive);
        const QList<TranscriptSession> range = builder.forUser(u"alice-id"_s, at(2), at(4));
        QCOMPARE(range.size(), 2);   // 2 March (two loose prompts) and 3 March
        QCOMPARE(range.at(0).interactionCount, 2);
        QCOMPARE(range.at(0).rawSha256, recomputedHash(m_exportDir + u"/interactions.jsonl"_s, u"alice-id"_s, {}, u"2025-03-02"_s));

        const QList<QPair<QString, QString>> inCase = builder.caseSessions(u"payments"_s);
        QCOMPARE(inCase.size(), 2);
        QCOMPARE(inCase.at(0), qMakePair(u"alice-id"_s, u"s1"_s));
        QCOMPARE(inCase.at(1), qMakePair(u"sakura-id"_s, u"sj"_s));

        builder.setUserNamer([](const QString &userId) {
            return TranscriptPerson{u"Person "_s + QString::number(qHash(userId) % 1000), u"user-0123456789ab"_s};
        });
        const QList<TranscriptSession> sessions = builder.forSessions(inCase);
        QCOMPARE(sessions.size(), 2);
        TranscriptRenderOptions o;
        o.tenant = u"contoso.onmicrosoft.com"_s;
        o.title = u"Case: Payments"_s;
        o.generatedBy = u"auditor"_s;
        const QString path = test::tempDir() + u"/case.pdf"_s;
        QString error;
        QVERIFY2(TranscriptRenderer::save(sessions, path, TranscriptFormat::Pdf, o, &error), qPrintable(error));
        const QString text = pdfText(path);
        QVERIFY(text.contains(u"Case: Payments"_s));
        QVERIFY(text.contains(u"user-0123456789ab"_s));
        QVERIFY(!text.contains(u"alice@contoso.example"_s));
        QVERIFY(!text.contains(u"Alice Adams"_s));
        QVERIFY(text.contains(u"by auditor"_s));
        // Each session starts on a new page; the footer of each page is its own session's.
        const QStringList pages = text.split(u'\f', Qt::SkipEmptyParts);
        QVERIFY(pages.size() >= 2);
        QCOMPARE(test::footerHash(pages.first()), sessions.at(0).rawSha256);
        QCOMPARE(test::footerHash(pages.last()), sessions.at(1).rawSha256);
        QVERIFY(pages.last().contains(kJa));
    }

    void safeNames_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("prefix");
        QTest::newRow("plain") << u"alice@contoso.example"_s << u"alice@contoso.example"_s;
        QTest::newRow("reserved") << u"CON"_s << u"_CON~"_s;
        QTest::newRow("reserved ext") << u"nul.txt"_s << u"_nul.txt~"_s;
        QTest::newRow("com1") << u"COM1"_s << u"_COM1~"_s;
        QTest::newRow("separators") << u"a/b\\c:d*e?f\"g<h>i|j"_s << u"a_b_c_d_e_f_g_h_i_j~"_s;
        QTest::newRow("dot start") << u".hidden"_s << u"_hidden~"_s;
        QTest::newRow("trailing dot") << u"name."_s << u"name_~"_s;
        QTest::newRow("unicode") << u"田中"_s << u"__~"_s;
        QTest::newRow("empty") << QString() << u"_~"_s;
    }
    void safeNames()
    {
        QFETCH(QString, input);
        QFETCH(QString, prefix);
        const QString out = safeFileNameComponent(input);
        QVERIFY2(out.startsWith(prefix), qPrintable(out));
        QVERIFY(out.size() <= 64);
        QVERIFY(!out.contains(QRegularExpression(u"[^A-Za-z0-9._@+~-]"_s)));
        QCOMPARE(safeFileNameComponent(input), out);   // stable
    }
    void longNamesAreShortAndDistinct()
    {
        const QString a = QString(300, u'a') + u'1', b = QString(300, u'a') + u'2';
        const QString sa = safeFileNameComponent(a), sb = safeFileNameComponent(b);
        QVERIFY(sa.size() <= 64);
        QVERIFY(sa != sb);
        TranscriptFileNames names;
        QCOMPARE(names.folderFor(u"1"_s, u"Bob@x"_s), u"Bob@x"_s);
        QVERIFY(names.folderFor(u"2"_s, u"bob@x"_s).toLower() != u"bob@x"_s);   // case-insensitive clash
        QCOMPARE(names.folderFor(u"1"_s, u"Bob@x"_s), u"Bob@x"_s);              // the same user: the same folder
    }
};

QTEST_MAIN(TestTranscripts)
#include "tst_transcripts.moc"
