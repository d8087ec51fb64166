// ConversationView: turns in order, roles, card text, metadata, links through the guard,
// transcript export, copy, navigation signals, UTC switch, find, palettes.
#include "TestPalettes.h"
#include "BizChatExample.h"
#include "ConversationFixtures.h"
#include "TestSupport.h"
#include "ui/common/TimeFormat.h"
#include "ui/conversation/ConversationDocument.h"
#include "ui/conversation/ConversationView.h"
#include "ui/conversation/SafeTextBrowser.h"

#include <QAbstractTextDocumentLayout>
#include <QStyle>
#include <QApplication>
#include <QClipboard>
#include <QFile>
#include <QLabel>
#include <QSignalSpy>
#include <QTextBlock>
#include <QTextFrame>
#include <QTextList>
#include <QToolButton>
#include <QtTest>

using namespace ledger;
using namespace ledger::gui;
using namespace Qt::StringLiterals;
using fixtures::prompt;
using fixtures::response;

namespace {

QList<Interaction> sampleConversation()
{
    QJsonObject withMeta{
        {u"attachments"_s, QJsonArray{QJsonObject{{u"attachmentId"_s, u"a1"_s}, {u"name"_s, u"Budget FY26.xlsx"_s},
                                                  {u"contentType"_s, u"reference"_s}}}},
        {u"links"_s, QJsonArray{QJsonObject{{u"displayName"_s, u"Plan"_s}, {u"linkUrl"_s, u"https://contoso.sharepoint.com/plan"_s}},
                                QJsonObject{{u"displayName"_s, u"Evil"_s}, {u"linkUrl"_s, u"javascript:alert(1)"_s}}}},
        {u"mentions"_s, QJsonArray{QJsonObject{{u"mentionId"_s, 0}, {u"mentionText"_s, u"Megan Bowen"_s}}}},
        {u"contexts"_s, QJsonArray{QJsonObject{{u"contextReference"_s, u"https://contoso.sharepoint.com/q3.docx"_s},
                                               {u"contextType"_s, u"file"_s}, {u"displayName"_s, u"Q3 report.docx"_s}}}},
    };
    // Deliberately out of order.
    return {
        response(u"02-resp"_s, "2026-03-04T10:00:05.000Z", u"Here is a summary of the budget."_s, withMeta),
        prompt(u"03-prompt"_s, "2026-03-04T10:02:00.000Z", u"Make it shorter, please."_s),
        prompt(u"01-prompt"_s, "2026-03-04T10:00:00.000Z", u"Summarise the budget for Megan."_s),
        response(u"04-resp"_s, "2026-03-04T10:02:04.000Z", u"Budget: +4% year on year."_s),
    };
}

} // namespace

class tst_ConversationView : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { ledger::test::isolateEnvironment(); }

    void showsAllTurnsInOrderWithRoles()
    {
        ConversationView view;
        view.resize(800, 600);
        view.showInteractions(sampleConversation(), u"Adele Vance"_s, u"adele@contoso.com"_s);

        const Transcript &t = view.transcript();
        QCOMPARE(t.messages.size(), 4);
        QCOMPARE(t.messages[0].id, u"01-prompt"_s);
        QCOMPARE(t.messages[1].id, u"02-resp"_s);
        QCOMPARE(t.messages[2].id, u"03-prompt"_s);
        QCOMPARE(t.messages[3].id, u"04-resp"_s);
        QCOMPARE(t.messages[0].role, MessageRole::Prompt);
        QCOMPARE(t.messages[1].role, MessageRole::Response);
        QCOMPARE(t.messages[0].author, u"Adele Vance"_s);
        QCOMPARE(t.messages[1].author, u"Copilot"_s);
        QCOMPARE(t.promptCount, 2);
        QCOMPARE(t.responseCount, 2);
        QCOMPARE(t.appName, u"Word"_s);

        const QString text = view.plainText();
        const qsizetype a = text.indexOf(u"Summarise the budget for Megan."_s);
        const qsizetype b = text.indexOf(u"Here is a summary of the budget."_s);
        const qsizetype c = text.indexOf(u"Make it shorter, please."_s);
        const qsizetype d = text.indexOf(u"Budget: +4% year on year."_s);
        QVERIFY(a >= 0);
        QVERIFY(a < b && b < c && c < d);
        QVERIFY(text.indexOf(u"Adele Vance"_s) < a);
        QVERIFY(text.indexOf(u"Copilot"_s) > a && text.indexOf(u"Copilot"_s) < b);

        // Prompt and response blocks are told apart: different backgrounds, opposite indents.
        QTextFrame *root = view.document()->rootFrame();
        QList<QTextFrame *> frames = root->childFrames();
        QCOMPARE(frames.size(), 4);
        const QTextFrameFormat pf = frames[0]->frameFormat();
        const QTextFrameFormat rf = frames[1]->frameFormat();
        QVERIFY(pf.background().color() != rf.background().color());
        QVERIFY(pf.leftMargin() > rf.leftMargin());
        QVERIFY(rf.rightMargin() > pf.rightMargin());
    }

    void headerShowsUserAppStartAndTurns()
    {
        ConversationView view;
        view.showInteractions(sampleConversation(), u"Adele Vance"_s, u"adele@contoso.com"_s);
        const QList<QLabel *> labels = view.findChildren<QLabel *>();
        QStringList texts;
        for (QLabel *l : labels)
            texts << l->text();
        const QString all = texts.join(u'\n');
        QVERIFY2(all.contains(u"Adele Vance"_s), qPrintable(all));
        QVERIFY2(all.contains(u"Word"_s), qPrintable(all));
        QVERIFY2(all.contains(u"2 turns"_s), qPrintable(all));
        QVERIFY2(all.contains(u"2026-03-04"_s), qPrintable(all));
    }

    void adaptiveCardTextIsShown()
    {
        const QString card = QString::fromUtf8(R"({"type":"AdaptiveCard","version":"1.5","body":[
            {"type":"TextBlock","text":"Revenue grew 12% in Q3."},
            {"type":"Container","items":[{"type":"TextBlock","text":"Top region: EMEA."}]}]})");
        QJsonObject extra{
            {u"body"_s, QJsonObject{{u"contentType"_s, u"html"_s}, {u"content"_s, u"<attachment id=\"c1\"></attachment>"_s}}},
            {u"attachments"_s, QJsonArray{QJsonObject{{u"attachmentId"_s, u"c1"_s},
                                                      {u"contentType"_s, u"application/vnd.microsoft.card.adaptive"_s},
                                                      {u"content"_s, card}}}},
        };
        Interaction r = response(u"r1"_s, "2026-03-04T10:00:05.000Z", QString(), extra);
        r.appClass = u"IPM.SkypeTeams.Message.Copilot.BizChat"_s;
        ConversationView view;
        view.showInteractions({prompt(u"p1"_s, "2026-03-04T10:00:00.000Z", u"How was Q3?"_s), r}, u"Adele"_s);
        const QString text = view.plainText();
        QVERIFY2(text.contains(u"Revenue grew 12% in Q3."_s), qPrintable(text));
        QVERIFY2(text.contains(u"Top region: EMEA."_s), qPrintable(text));
        QVERIFY2(!text.contains(u"AdaptiveCard"_s), qPrintable(text));
        // The card is the answer, not an attachment to list.
        QVERIFY(view.transcript().messages[1].attachments.isEmpty());
    }

    void metadataLinesAreShown()
    {
        ConversationView view;
        view.showInteractions(sampleConversation(), u"Adele Vance"_s);
        const QString text = view.plainText();
        QVERIFY2(text.contains(u"Attachments: Budget FY26.xlsx (reference)"_s), qPrintable(text));
        QVERIFY2(text.contains(u"Link: Plan https://contoso.sharepoint.com/plan"_s), qPrintable(text));
        QVERIFY2(text.contains(u"Mentions: Megan Bowen"_s), qPrintable(text));
        QVERIFY2(text.contains(u"Context: Q3 report.docx (file)"_s), qPrintable(text));

        // Links are anchors (clickable) — the hostile one too, but it is refused on activation.
        QStringList hrefs;
        for (QTextBlock b = view.document()->begin(); b.isValid(); b = b.next())
            for (auto it = b.begin(); !it.atEnd(); ++it)
                if (it.fragment().charFormat().isAnchor())
                    hrefs << it.fragment().charFormat().anchorHref();
        QVERIFY(hrefs.contains(u"https://contoso.sharepoint.com/plan"_s));
        QVERIFY(hrefs.contains(u"javascript:alert(1)"_s));
    }

    void urlsInTextBecomeLinks()
    {
        const QString s = u"See https://example.com/a?b=1. And (http://x.org/y), not ftp://z."_s;
        const auto urls = ConversationDocument::findUrls(s);
        QCOMPARE(urls.size(), 2);
        QCOMPARE(s.mid(urls[0].first, urls[0].second), u"https://example.com/a?b=1"_s);
        QCOMPARE(s.mid(urls[1].first, urls[1].second), u"http://x.org/y"_s);
    }

    void linkGuardRefusesNonWebSchemesAndAsksForHttps()
    {
        ConversationView view;
        QList<QUrl> asked, opened, noticed;
        QString shownText;
        bool answer = false;
        view.linkGuard()->setConfirmHook([&](const QUrl &u, const QString &shown) {
            asked << u;
            shownText = shown;
            return answer;
        });
        view.linkGuard()->setOpenHook([&](const QUrl &u) {
            opened << u;
            return true;
        });
        view.linkGuard()->setNoticeHook([&](const QUrl &u, const QString &) { noticed << u; });

        for (const char *bad : {"javascript:alert(1)", "JavaScript:alert(document.cookie)", "data:text/html,<script>x</script>",
                                "file:///etc/passwd", "ms-word:ofe|u|https://x/y.docx", "vbscript:msgbox", "//evil.example/x",
                                "https:///nohost"}) {
            const QUrl url(QString::fromLatin1(bad));
            QCOMPARE(view.activateLink(url), LinkGuard::Result::Refused);
        }
        QVERIFY(asked.isEmpty());
        QVERIFY(opened.isEmpty());
        QCOMPARE(noticed.size(), 8);

        const QUrl good(u"https://contoso.sharepoint.com/sites/Finance/Plan.docx?web=1"_s);
        answer = false;
        QCOMPARE(view.activateLink(good), LinkGuard::Result::Declined);
        QCOMPARE(asked.size(), 1);
        QCOMPARE(shownText, u"https://contoso.sharepoint.com/sites/Finance/Plan.docx?web=1"_s);
        QVERIFY(opened.isEmpty());

        answer = true;
        QCOMPARE(view.activateLink(good), LinkGuard::Result::Opened);
        QCOMPARE(opened, QList<QUrl>{good});

        // The full URL, punycode host: a look-alike host cannot hide.
        view.activateLink(QUrl(u"https://раураl.com/login"_s));
        QVERIFY2(shownText.startsWith(u"https://xn--"_s), qPrintable(shownText));
    }

    void clickingAnAnchorGoesThroughTheGuard()
    {
        ConversationView view;
        view.showInteractions(sampleConversation(), u"Adele"_s);
        int refused = 0, confirms = 0;
        view.linkGuard()->setNoticeHook([&](const QUrl &, const QString &) { ++refused; });
        view.linkGuard()->setConfirmHook([&](const QUrl &, const QString &) { ++confirms; return false; });
        emit view.browser()->anchorClicked(QUrl(u"javascript:alert(1)"_s));
        QCOMPARE(refused, 1);
        QCOMPARE(confirms, 0);
        emit view.browser()->anchorClicked(QUrl(u"https://contoso.sharepoint.com/plan"_s));
        QCOMPARE(confirms, 1);
    }

    void exportsHtmlAndText()
    {
        QList<Interaction> list = sampleConversation();
        list << prompt(u"05-prompt"_s, "2026-03-04T10:05:00.000Z", u"Is 3 < 4 & \"5\" > 'x'? <b>bold</b>"_s);
        ConversationView view;
        view.showInteractions(list, u"Adele <Vance>"_s);
        const QString dir = ledger::test::tempDir();

        QString error;
        const QString html = dir + u"/t.html"_s;
        QVERIFY2(view.exportTranscript(html, &error), qPrintable(error));
        const QString h = QString::fromUtf8(ledger::test::readFile(html));
        QVERIFY(h.startsWith(u"<!DOCTYPE html>"_s));
        QVERIFY(h.contains(u"</html>"_s));
        QVERIFY(h.contains(u"Content-Security-Policy"_s));
        QVERIFY(h.contains(u"Is 3 &lt; 4 &amp; &quot;5&quot; &gt; &#39;x&#39;? &lt;b&gt;bold&lt;/b&gt;"_s));
        QVERIFY(h.contains(u"Adele &lt;Vance&gt;"_s));
        QVERIFY(!h.contains(u"<b>"_s));
        QVERIFY(!h.contains(u"<script"_s, Qt::CaseInsensitive));
        QVERIFY(!h.contains(u"<a "_s, Qt::CaseInsensitive));   // links are text, never active
        QVERIFY(!h.contains(u"src="_s, Qt::CaseInsensitive));
        QVERIFY(h.contains(u"javascript:alert(1)"_s));          // shown as text for the auditor
        QCOMPARE(h.count(u"class=\"msg "_s), 5);
        QVERIFY(h.indexOf(u"Summarise the budget"_s) < h.indexOf(u"Make it shorter"_s));

        const QString txt = dir + u"/t.txt"_s;
        QVERIFY(view.exportTranscript(txt, &error));
        const QString t = QString::fromUtf8(ledger::test::readFile(txt));
        QVERIFY(t.contains(u"Is 3 < 4 & \"5\" > 'x'? <b>bold</b>"_s));
        QVERIFY(t.contains(u"Copilot · "_s));
        QVERIFY(t.contains(u"Attachments: Budget FY26.xlsx (reference)"_s));
        QVERIFY(t.indexOf(u"Summarise the budget"_s) < t.indexOf(u"Budget: +4%"_s));
        QVERIFY(!t.contains(u"<!DOCTYPE"_s));

        // A folder that does not exist: failure reported, nothing written.
        QVERIFY(!view.exportTranscript(dir + u"/missing/dir/t.html"_s, &error));
        QVERIFY(!error.isEmpty());
    }

    void exportButtonUsesTheDialogSeam()
    {
        ConversationView view;
        view.showInteractions(sampleConversation(), u"Adele Vance"_s);
        const QString target = ledger::test::tempDir() + u"/chosen.txt"_s;
        QString suggested;
        view.setSaveFileNameHook([&](const QString &s) { suggested = s; return target; });
        QSignalSpy exported(&view, &ConversationView::transcriptExported);
        QToolButton *exportButton = nullptr;
        for (QToolButton *b : view.findChildren<QToolButton *>())
            if (b->text().startsWith(u"Save transcript"_s))
                exportButton = b;
        QVERIFY(exportButton);
        exportButton->click();
        QCOMPARE(exported.size(), 1);
        QVERIFY(QFile::exists(target));
        QVERIFY2(suggested.endsWith(u"Conversation - Adele Vance - 2026-03-04.pdf"_s), qPrintable(suggested));

        // Cancelled dialog: nothing happens.
        view.setSaveFileNameHook([](const QString &) { return QString(); });
        exportButton->click();
        QCOMPARE(exported.size(), 1);
    }

    void copyPutsTheWholeConversationOnTheClipboard()
    {
        ConversationView view;
        view.showInteractions(sampleConversation(), u"Adele Vance"_s);
        QApplication::clipboard()->clear();
        view.copyToClipboard();
        const QString clip = QApplication::clipboard()->text();
        QVERIFY(clip.contains(u"Summarise the budget for Megan."_s));
        QVERIFY(clip.contains(u"Budget: +4% year on year."_s));
        QVERIFY(clip.contains(u"Adele Vance"_s));
        QCOMPARE(clip, view.transcriptText());
    }

    void previousAndNextEmitSignals()
    {
        ConversationView view;
        view.showInteractions(sampleConversation());
        QSignalSpy prev(&view, &ConversationView::previousRequested);
        QSignalSpy next(&view, &ConversationView::nextRequested);
        for (QToolButton *b : view.findChildren<QToolButton *>()) {
            if (b->text() == u"Previous"_s)
                b->click();
            if (b->text() == u"Next"_s) {
                b->click();
                b->click();
            }
        }
        QCOMPARE(prev.size(), 1);
        QCOMPARE(next.size(), 2);
    }

    void showUtcSwitchesTimesAndTooltipHasUtc()
    {
        ConversationView view;
        view.resize(900, 700);
        view.show();
        view.setShowUtc(true);
        view.showInteractions(sampleConversation(), u"Adele"_s);
        QVERIFY(view.plainText().contains(u"2026-03-04 10:00:00 UTC"_s));
        view.setShowUtc(false);
        QVERIFY(view.plainText().contains(displayTime(fixtures::utc("2026-03-04T10:00:00.000Z"), false)));

        // Hovering the time shows the exact UTC time.
        const QString shown = displayTime(fixtures::utc("2026-03-04T10:00:00.000Z"), false);
        QTextCursor c = view.document()->find(shown);
        QVERIFY(!c.isNull());
        c.setPosition(c.selectionStart() + 2);
        const QRect r = view.browser()->cursorRect(c);
        QCOMPARE(view.browser()->toolTipAt(r.center()), u"2026-03-04T10:00:00.000Z (UTC)"_s);
    }

    void findHighlightsMatches()
    {
        ConversationView view;
        view.showInteractions(sampleConversation(), u"Adele"_s);
        QCOMPARE(view.setFindText(u"budget"_s), 4);   // 3 in texts + the attachment name
        QCOMPARE(view.browser()->extraSelections().size(), 4);
        QCOMPARE(view.setFindText(u"no such words"_s), 0);
        QCOMPARE(view.setFindText(QString()), 0);
        QVERIFY(view.browser()->extraSelections().isEmpty());
    }

    void focusedMessageIsMarked()
    {
        ConversationView view;
        view.showInteractions(sampleConversation(), u"Adele"_s, {}, u"03-prompt"_s);
        const QList<QTextFrame *> frames = view.document()->rootFrame()->childFrames();
        QCOMPARE(frames.size(), 4);
        QVERIFY(frames[2]->frameFormat().border() > frames[0]->frameFormat().border());
    }

    void clearShowsTheEmptyState()
    {
        ConversationView view;
        view.showInteractions(sampleConversation());
        QVERIFY(!view.isEmpty());
        view.clear();
        QVERIFY(view.isEmpty());
        QVERIFY(view.plainText().isEmpty());
        QVERIFY(view.transcriptText().isEmpty());
        QString error;
        QVERIFY(!view.exportTranscript(ledger::test::tempDir() + u"/x.html"_s, &error));
    }

    void followsLightAndDarkPalettes()
    {
        ConversationView view;
        view.showInteractions(sampleConversation(), u"Adele"_s);
        auto promptBg = [&view] { return view.document()->rootFrame()->childFrames()[0]->frameFormat().background().color(); };
        auto textColor = [&view] {
            QTextCursor c = view.document()->find(u"Summarise"_s);
            return c.charFormat().foreground().color();
        };
        QPalette light;
        light.setColor(QPalette::Base, Qt::white);
        light.setColor(QPalette::Text, Qt::black);
        light.setColor(QPalette::Highlight, QColor(0x30, 0x8c, 0xc6));
        view.setPalette(light);
        QVERIFY(promptBg().lightnessF() > 0.8);
        QVERIFY(textColor().lightnessF() < 0.2);

        QPalette dark;
        dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
        dark.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
        dark.setColor(QPalette::Text, QColor(0xee, 0xee, 0xee));
        dark.setColor(QPalette::Highlight, QColor(0x30, 0x8c, 0xc6));
        view.setPalette(dark);
        QVERIFY(promptBg().lightnessF() < 0.4);
        QVERIFY(textColor().lightnessF() > 0.8);
    }

    // Microsoft's documented Copilot Chat answer: one answer, formatted, with its sources.
    void copilotChatAnswerShownOnceFormatted()
    {
        QList<Interaction> list;
        for (const QJsonValue &v : QJsonDocument::fromJson(test::bizChatExamplePage()).object().value(u"value"_s).toArray())
            list << Interaction::fromJson(QString::fromLatin1(test::kBizChatExampleUser), v.toObject());
        ConversationView view;
        view.resize(820, 700);
        view.showInteractions(list, u"Cora Tanaka"_s);
        view.show();
        QTest::qWait(20);
        const QString text = view.plainText();
        QCOMPARE(text.count(u"It looks like there were no important emails"_s), 1);
        QVERIFY2(!text.contains(u"**"_s) && !text.contains(u"]("_s) && !text.contains(u"[^"_s), qPrintable(text));
        QVERIFY(text.contains(u"the reminder[1]."_s));
        QVERIFY(text.contains(u"Sources:"_s));
        QVERIFY(text.contains(u"[4] OnCall DRI Handbook-v3"_s));
        // Formatted: the meeting titles are bold links, the meetings a bulleted list.
        bool boldLink = false;
        int listItems = 0;
        for (QTextBlock b = view.document()->begin(); b.isValid(); b = b.next()) {
            if (b.textList())
                ++listItems;
            for (auto it = b.begin(); !it.atEnd(); ++it) {
                const QTextCharFormat cf = it.fragment().charFormat();
                QVERIFY(!cf.isImageFormat());
                if (it.fragment().text() == u"test meeting2 - export api"_s && cf.isAnchor()
                    && cf.fontWeight() >= QFont::Bold && cf.anchorHref().startsWith(u"https://teams.microsoft.com/"_s))
                    boldLink = true;
            }
        }
        QVERIFY(boldLink);
        QVERIFY(listItems >= 3);
        QCOMPARE(view.browser()->blockedResourceRequests(), 0);
        // The card's links reach the guard like every other link.
        int confirms = 0;
        view.linkGuard()->setConfirmHook([&](const QUrl &, const QString &) { ++confirms; return false; });
        emit view.browser()->anchorClicked(QUrl(u"https://teams.microsoft.com/l/meeting/details?eventId=x"_s));
        QCOMPARE(confirms, 1);
        // Transcript text: plain, one answer, sources listed; HTML: formatted and escaped.
        const QString transcript = view.transcriptText();
        QCOMPARE(transcript.count(u"It looks like there were no important emails"_s), 1);
        QVERIFY(transcript.contains(u"Sources:\n[1] test meeting2 - export api <https://teams.microsoft.com/"_s));
        const QString dir = test::tempDir();
        QVERIFY(view.exportTranscript(dir + u"/t.html"_s));
        const QString html = QString::fromUtf8(test::readFile(dir + u"/t.html"_s));
        QCOMPARE(html.count(u"It looks like there were no important emails"_s), 1);
        QVERIFY(html.contains(u"<li><strong><span class=\"link\""_s) || html.contains(u"<li><span class=\"link\""_s));
        QVERIFY(!html.contains(u"**"_s));
        QVERIFY(!html.contains(u"<a "_s));
        if (const QString shots = qEnvironmentVariable("LEDGER_SCREENSHOT_DIR"); !shots.isEmpty())
            QVERIFY(view.grab().save(shots + u"/conversation-copilot-chat.png"_s));
    }

    // A card's Markdown can carry links and images of any kind: nothing loads, nothing runs, every
    // link goes through the guard, HTML stays text.
    void hostileCardMarkdownStaysInert()
    {
        const QString md = u"**[Open](javascript:alert(1))** ![t](http://127.0.0.1:9/a.png) <img src=\"http://127.0.0.1:9/b.png\">\n\n"
                           "![ref][r] and ![x\ny](http://127.0.0.1:9/c.png)\n\n[r]: file:///etc/passwd"_s;
        const QJsonObject card{{u"type"_s, u"AdaptiveCard"_s},
                               {u"body"_s, QJsonArray{QJsonObject{{u"type"_s, u"TextBlock"_s}, {u"text"_s, md}}}}};
        const QJsonObject extra{
            {u"body"_s, QJsonObject{{u"contentType"_s, u"html"_s}, {u"content"_s, u"<attachment id=\"c1\"></attachment>"_s}}},
            {u"attachments"_s, QJsonArray{QJsonObject{{u"attachmentId"_s, u"c1"_s},
                                                     {u"contentType"_s, u"application/vnd.microsoft.card.adaptive"_s},
                                                     {u"content"_s, QString::fromUtf8(QJsonDocument(card).toJson())}}}}};
        QList<Interaction> list{prompt(u"p"_s, "2026-03-04T10:00:00.000Z", u"Hi"_s)};
        Interaction r = Interaction::fromJson(u"u"_s, QJsonObject{{u"id"_s, u"r"_s}, {u"interactionType"_s, u"aiResponse"_s},
                                                              {u"createdDateTime"_s, u"2026-03-04T10:00:05.000Z"_s},
                                                              {u"body"_s, extra.value(u"body"_s)},
                                                              {u"attachments"_s, extra.value(u"attachments"_s)}});
        list << r;
        ConversationView view;
        view.resize(700, 500);
        view.showInteractions(list, u"Adele"_s);
        view.show();
        QTest::qWait(50);
        QCOMPARE(view.browser()->blockedResourceRequests(), 0);
        QStringList hrefs;
        for (QTextBlock b = view.document()->begin(); b.isValid(); b = b.next())
            for (auto it = b.begin(); !it.atEnd(); ++it) {
                QVERIFY(!it.fragment().charFormat().isImageFormat());
                if (it.fragment().charFormat().isAnchor())
                    hrefs << it.fragment().charFormat().anchorHref();
            }
        QVERIFY(hrefs.contains(u"javascript:alert(1)"_s));
        QVERIFY(view.plainText().contains(u"<img src=\"http://127.0.0.1:9/b.png\">"_s));
        int refused = 0;
        view.linkGuard()->setNoticeHook([&](const QUrl &, const QString &) { ++refused; });
        emit view.browser()->anchorClicked(QUrl(u"javascript:alert(1)"_s));
        QCOMPARE(refused, 1);
    }

    // A 1 MB unbroken line would take minutes to lay out: the view shows the beginning, Copy and
    // Export the whole text.
    void hugeUnbrokenLineIsCappedButCopiedInFull()
    {
        const QString huge = QString(1000000, u'x') + u"END"_s;
        ConversationView view;
        view.showInteractions({prompt(u"p1"_s, "2026-03-04T10:00:00.000Z", u"Paste"_s),
                               response(u"r1"_s, "2026-03-04T10:00:05.000Z", huge)},
                              u"Adele"_s);
        QVERIFY(view.document()->characterCount() < ConversationDocument::kMaxShownCharacters + 2000);
        const QString shown = view.plainText();
        QVERIFY(!shown.contains(u"xEND"_s));
        QVERIFY(shown.contains(QLocale().toString(huge.size() - ConversationDocument::kMaxShownCharacters)
                               + u" more characters (full text in Copy/Export)"_s));
        QVERIFY(view.transcriptText().contains(huge));
        view.copyToClipboard();
        QVERIFY(QGuiApplication::clipboard()->text().contains(huge));
        const QString path = test::tempDir() + u"/huge.txt"_s;
        QVERIFY(view.exportTranscript(path));
        QVERIFY(QString::fromUtf8(test::readFile(path)).contains(huge));
    }

    // LEDGER_SCREENSHOT_DIR=… writes the docs/screenshots pictures (light and dark palettes).
    void screenshots()
    {
        const QString dir = qEnvironmentVariable("LEDGER_SCREENSHOT_DIR");
        if (dir.isEmpty())
            QSKIP("set LEDGER_SCREENSHOT_DIR to write screenshots");
        QList<Interaction> list = sampleConversation();
        list << prompt(u"05-prompt"_s, "2026-03-04T10:05:00.000Z",
                       u"Draft an email to the finance team with the two numbers and a link to https://contoso.sharepoint.com/sites/Finance/Budget."_s)
             << response(u"06-resp"_s, "2026-03-04T10:05:09.000Z",
                         u"Subject: FY26 budget summary\n\nHi team,\n\nThe FY26 budget grows 4% year on year; operating costs stay flat. "
                         "Details are in the plan: https://contoso.sharepoint.com/sites/Finance/Budget\n\nBest regards,\nAdele"_s);
        for (const bool dark : {false, true}) {
            ConversationView view;
            view.setPalette(uitest::palette(dark));
            view.setAutoFillBackground(true);
            view.resize(860, 760);
            view.showInteractions(list, u"Adele Vance"_s, u"adele@contoso.com"_s);
            view.setFindText(u"budget"_s);
            view.show();
            QTest::qWait(50);
            QVERIFY(view.grab().save(dir + (dark ? u"/conversation-dark.png"_s : u"/conversation-light.png"_s)));
        }
    }
};

QTEST_MAIN(tst_ConversationView)
#include "tst_conversationview.moc"
