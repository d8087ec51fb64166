// BodyText: HTML to text, Adaptive Cards, attachment tags, malformed and hostile input.
#include "app/model/BodyText.h"
#include "app/model/BodyTextEntities.h"
#include "app/model/Interaction.h"
#include "BizChatExample.h"
#include "TestSupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTest>

using namespace ledger;
using namespace Qt::StringLiterals;

namespace {

const QString kCard = QString::fromUtf8(
    "{\"type\":\"AdaptiveCard\",\"version\":\"1.5\",\"body\":["
    "  {\"type\":\"TextBlock\",\"text\":\"Here is your summary\",\"weight\":\"bolder\"},"
    "  {\"type\":\"Container\",\"items\":["
    "     {\"type\":\"TextBlock\",\"text\":\"1. Revenue grew 4%\"},"
    "     {\"type\":\"ColumnSet\",\"columns\":["
    "        {\"type\":\"Column\",\"items\":[{\"type\":\"TextBlock\",\"text\":\"Left cell\"}]},"
    "        {\"type\":\"Column\",\"items\":[{\"type\":\"RichTextBlock\",\"inlines\":[{\"type\":\"TextRun\",\"text\":\"Rich \"},{\"type\":\"TextRun\",\"text\":\"run\"}, \" plain\"]}]}]}]},"
    "  {\"type\":\"FactSet\",\"facts\":[{\"title\":\"Owner\",\"value\":\"Alice\"},{\"title\":\"Due\",\"value\":\"Friday\"}]},"
    "  {\"type\":\"Image\",\"url\":\"https://evil.example/track.png\",\"altText\":\"img\"},"
    "  {\"type\":\"ActionSet\",\"actions\":[{\"type\":\"Action.OpenUrl\",\"title\":\"Open link\",\"url\":\"https://evil.example\"}]}],"
    " \"actions\":[{\"type\":\"Action.Submit\",\"title\":\"Submit me\"}]}");

} // namespace

class TestBodyText : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { test::isolateEnvironment(); }

    void html_data()
    {
        QTest::addColumn<QString>("html");
        QTest::addColumn<QString>("text");
        QTest::newRow("plain") << u"Hello world"_s << u"Hello world"_s;
        QTest::newRow("whitespace collapse") << u"  Hello \n\t  world  "_s << u"Hello world"_s;
        QTest::newRow("paragraphs") << u"<p>One</p><p>Two</p>"_s << u"One\nTwo"_s;
        QTest::newRow("br") << u"a<br>b<br/>c<BR />d"_s << u"a\nb\nc\nd"_s;
        QTest::newRow("double br keeps one empty line") << u"a<br><br><br><br>b"_s << u"a\n\nb"_s;
        QTest::newRow("div") << u"<div>x</div><div>y</div>"_s << u"x\ny"_s;
        QTest::newRow("list") << u"<ul><li>one</li><li>two</li></ul>after"_s << u"• one\n• two\nafter"_s;
        QTest::newRow("heading") << u"<h1>Title</h1>Body"_s << u"Title\nBody"_s;
        QTest::newRow("table") << u"<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>"_s << u"a\tb\nc"_s;
        QTest::newRow("inline tags") << u"<b>bold</b> and <i>it</i><span>al</span>"_s << u"bold and ital"_s;
        QTest::newRow("named entities") << u"Tom &amp; Jerry &lt;3 &quot;hi&quot; &apos;x&apos; &copy; &hellip;"_s << u"Tom & Jerry <3 \"hi\" 'x' © …"_s;
        QTest::newRow("numeric entities") << u"&#65;&#x42;&#X43; &#128512; &#x1F600;"_s << u"ABC 😀 😀"_s;
        QTest::newRow("nbsp not collapsed") << u"a&nbsp;&nbsp;b"_s << u"a  b"_s;
        QTest::newRow("broken entities") << u"AT&T &unknown; &#xZZ; &#; & end &amp"_s << u"AT&T &unknown; &#xZZ; &#; & end &"_s;
        QTest::newRow("invalid code point") << u"x&#0;y&#xD800;z&#1114112;"_s << u"x\uFFFDy\uFFFDz\uFFFD"_s;
        QTest::newRow("entity-escaped tag stays text") << u"&lt;script&gt;alert(1)&lt;/script&gt;"_s << u"<script>alert(1)</script>"_s;
        QTest::newRow("script dropped") << u"before<script>alert('x')</script>after"_s << u"beforeafter"_s;
        QTest::newRow("style dropped") << u"<style>p{color:red}</style><p>text</p>"_s << u"text"_s;
        QTest::newRow("unclosed script drops rest") << u"ok<script>var a = '<p>';"_s << u"ok"_s;
        QTest::newRow("script end with spaces") << u"a<SCRIPT type=x>bad()</script >b"_s << u"ab"_s;
        QTest::newRow("comment") << u"a<!-- hidden <p>x</p> -->b"_s << u"ab"_s;
        QTest::newRow("unclosed comment") << u"a<!-- never closed"_s << u"a"_s;
        QTest::newRow("doctype") << u"<!DOCTYPE html><html><body>x</body></html>"_s << u"x"_s;
        QTest::newRow("stray lt") << u"1 < 2 and 3<4 but a<b"_s << u"1 < 2 and 3<4 but a<b"_s;
        QTest::newRow("unclosed tag at end") << u"text <b"_s << u"text <b"_s;
        QTest::newRow("unclosed p") << u"<p>one<p>two"_s << u"one\ntwo"_s;
        QTest::newRow("attribute with gt") << u"<a href=\"x>y\" title='q'>link</a>"_s << u"link"_s;
        QTest::newRow("img removed") << u"see <img src=\"https://evil.example/x.png\" onerror=\"alert(1)\"> here"_s << u"see here"_s;
        QTest::newRow("pre keeps spaces") << u"<pre>a  b\n  c</pre>d"_s << u"a  b\n  c\nd"_s;
        QTest::newRow("iframe dropped") << u"x<iframe src=\"https://evil.example\">fallback</iframe>y"_s << u"xy"_s;
        QTest::newRow("empty") << QString() << QString();
        QTest::newRow("only tags") << u"<p></p><div><br></div>"_s << QString();
        QTest::newRow("cjk rtl") << u"<p>中文 עברית</p>"_s << u"中文 עברית"_s;
    }
    void html()
    {
        QFETCH(QString, html);
        QFETCH(QString, text);
        QCOMPARE(BodyText::htmlToPlainText(html), text);
    }

    void html5Entities_data()
    {
        QTest::addColumn<QString>("html");
        QTest::addColumn<QString>("text");
        QTest::newRow("latin") << u"&Eacute;t&eacute; &oslash; &aring; &AElig; &thorn;"_s << u"Été ø å Æ þ"_s;
        QTest::newRow("two code points") << u"&NotNestedGreaterGreater;"_s << u"\u2AA2\u0338"_s;
        QTest::newRow("astral") << u"&Afr; &bopf;"_s << u"\U0001D504 \U0001D553"_s;
        QTest::newRow("legacy without semicolon") << u"caf&eacute au lait &copy 2026"_s << u"café au lait © 2026"_s;
        QTest::newRow("longest match") << u"&notit; &notin;"_s << u"¬it; ∉"_s;
        QTest::newRow("non-legacy needs semicolon") << u"&Eacutex &hellip &star"_s << u"Éx &hellip &star"_s;
        QTest::newRow("case matters") << u"&AMP; &Amp; &aMp;"_s << u"& &Amp; &aMp;"_s;
        QTest::newRow("windows-1252 numeric") << u"&#150; &#x80; &#153;"_s << u"– € ™"_s;
        QTest::newRow("huge numeric") << u"&#99999999999999;x"_s << u"\uFFFDx"_s;
        QTest::newRow("upper-case tags") << u"<P>a<BR>b<Br/>c</P><UL><LI>d</LI></UL><SCRIPT>x()</SCRIPT>e"_s << u"a\nb\nc\n• d\ne"_s;
        QTest::newRow("look-alike end tag does not close") << u"a<script>x</\u017Fcript>y</script>b"_s << u"ab"_s;
    }
    void html5Entities()
    {
        QFETCH(QString, html);
        QFETCH(QString, text);
        QCOMPARE(BodyText::htmlToPlainText(html), text);
    }

    void everyHtml5EntityName()
    {
        QCOMPARE(BodyText::namedEntityCount(), 2231);
        QString decoded;
        QVERIFY(BodyText::namedEntity("zwnj;", &decoded));
        QCOMPARE(decoded, QString(QChar(0x200C)));
        QVERIFY(BodyText::namedEntity("amp", &decoded));
        QVERIFY(!BodyText::namedEntity("hellip", &decoded));   // only the legacy names work without ';'
        QVERIFY(!BodyText::namedEntity("unknown;", &decoded));
    }

    void upperCaseAttachmentTags()
    {
        const QJsonArray attachments{QJsonObject{{u"attachmentId"_s, u"f1"_s}, {u"contentType"_s, u"reference"_s},
                                                 {u"name"_s, u"Budget.xlsx"_s}},
                                     QJsonObject{{u"attachmentId"_s, u"a&ampb"_s}, {u"contentType"_s, u"reference"_s},
                                                 {u"name"_s, u"Legacy.docx"_s}}};
        const QJsonObject html{{u"body"_s, QJsonObject{{u"contentType"_s, u"HTML"_s},
                                                      {u"content"_s, u"<P>See <ATTACHMENT ID=\"f1\"></ATTACHMENT></P><Attachment Id='a&ampb'></Attachment>"_s}}},
                               {u"attachments"_s, attachments}};
        QCOMPARE(BodyText::interactionText(html), u"See\n[Attachment: Budget.xlsx]\n[Attachment: Legacy.docx]"_s);
        const QJsonObject text{{u"body"_s, QJsonObject{{u"contentType"_s, u"text"_s},
                                                      {u"content"_s, u"x <ATTACHMENT id=\"f1\"></Attachment> y"_s}}},
                               {u"attachments"_s, attachments}};
        QCOMPARE(BodyText::interactionText(text), u"x [Attachment: Budget.xlsx] y"_s);
        // An upper-case card content type is a card too, also when no tag references it.
        const QJsonObject card{{u"body"_s, QJsonObject{{u"contentType"_s, u"html"_s}, {u"content"_s, QString()}}},
                               {u"attachments"_s, QJsonArray{QJsonObject{{u"attachmentId"_s, u"c"_s},
                                                                        {u"contentType"_s, u"Application/Vnd.Microsoft.Card.Adaptive"_s},
                                                                        {u"content"_s, kCard}}}}};
        QVERIFY(BodyText::interactionText(card).startsWith(u"Here is your summary"_s));
    }

    void adaptiveCard()
    {
        QCOMPARE(BodyText::adaptiveCardText(kCard),
                 u"Here is your summary\n1. Revenue grew 4%\nLeft cell\nRich run plain\nOwner: Alice\nDue: Friday"_s);
        QCOMPARE(BodyText::adaptiveCardText(u"{not json"_s), QString());
        QCOMPARE(BodyText::adaptiveCardText(u"[1,2]"_s), QString());
        QCOMPARE(BodyText::adaptiveCardText(u"{\"type\":\"AdaptiveCard\",\"body\":\"oops\"}"_s), QString());
        QCOMPARE(BodyText::adaptiveCardText(u"{\"body\":[{\"type\":\"TextBlock\",\"text\":42},{\"type\":\"TextBlock\",\"text\":\"ok\"}]}"_s), u"ok"_s);
        // deeply nested containers do not blow the stack
        QString deep = u"{\"type\":\"TextBlock\",\"text\":\"bottom\"}"_s;
        for (int i = 0; i < 2000; ++i)
            deep = u"{\"type\":\"Container\",\"items\":["_s + deep + u"]}"_s;
        QVERIFY(BodyText::adaptiveCardText(deep).size() <= 6);
    }

    void bizChatResponse()
    {
        // A BizChat answer: only an attachment tag in the body, the text in an Adaptive Card.
        const QJsonObject o{
            {u"body"_s, QJsonObject{{u"contentType"_s, u"html"_s}, {u"content"_s, u"<attachment id=\"a1b2\"></attachment>"_s}}},
            {u"attachments"_s, QJsonArray{QJsonObject{{u"attachmentId"_s, u"a1b2"_s},
                                                     {u"contentType"_s, u"application/vnd.microsoft.card.adaptive"_s},
                                                     {u"content"_s, kCard}, {u"name"_s, QJsonValue::Null}}}}};
        QCOMPARE(BodyText::interactionText(o),
                 u"Here is your summary\n1. Revenue grew 4%\nLeft cell\nRich run plain\nOwner: Alice\nDue: Friday"_s);
    }

    void attachmentsInline()
    {
        const QJsonObject o{
            {u"body"_s, QJsonObject{{u"contentType"_s, u"html"_s},
                                    {u"content"_s, u"<p>See <attachment id=\"f1\"></attachment> and <attachment id=\"missing\"></attachment>.</p>"_s}}},
            {u"attachments"_s, QJsonArray{QJsonObject{{u"attachmentId"_s, u"f1"_s}, {u"contentType"_s, u"reference"_s},
                                                     {u"contentUrl"_s, u"https://contoso.example/Budget.xlsx"_s},
                                                     {u"name"_s, u"Budget.xlsx"_s}}}}};
        QCOMPARE(BodyText::interactionText(o), u"See\n[Attachment: Budget.xlsx]\nand ."_s);
        // text body: only the tag is replaced, the rest is verbatim
        const QJsonObject t{{u"body"_s, QJsonObject{{u"contentType"_s, u"text"_s},
                                                    {u"content"_s, u"a <b> & c <attachment id=\"f1\"></attachment>"_s}}},
                            {u"attachments"_s, o.value(u"attachments"_s)}};
        QCOMPARE(BodyText::interactionText(t), u"a <b> & c [Attachment: Budget.xlsx]"_s);
        // broken card JSON: tag removed, nothing else
        const QJsonObject broken{
            {u"body"_s, QJsonObject{{u"contentType"_s, u"html"_s}, {u"content"_s, u"x<attachment id=\"c\"></attachment>y"_s}}},
            {u"attachments"_s, QJsonArray{QJsonObject{{u"attachmentId"_s, u"c"_s},
                                                     {u"contentType"_s, u"application/vnd.microsoft.card.adaptive"_s},
                                                     {u"content"_s, u"{\"type\":\"AdaptiveCard\",\"body\":[{"_s}}}}};
        QCOMPARE(BodyText::interactionText(broken), u"xy"_s);
        // no body at all
        QCOMPARE(BodyText::interactionText(QJsonObject{}), QString());
    }

    void markdownToPlain_data()
    {
        QTest::addColumn<QString>("markdown");
        QTest::addColumn<QString>("plain");
        QTest::newRow("emphasis") << u"**bold**, *it*, __b__, _i_ and ~~gone~~"_s << u"bold, it, b, i and gone"_s;
        QTest::newRow("link") << u"See **[the plan](https://x.example/p)** now"_s << u"See the plan now"_s;
        QTest::newRow("list") << u"Items:\n- one\n* two\n  - nested"_s << u"Items:\n• one\n• two\n  • nested"_s;
        QTest::newRow("ordered") << u"1. first\n2) second"_s << u"1. first\n2. second"_s;
        QTest::newRow("paragraphs") << u"One\n\n\n\nTwo"_s << u"One\n\nTwo"_s;
        QTest::newRow("heading") << u"## Summary ##\nText"_s << u"Summary\nText"_s;
        QTest::newRow("code") << u"Use `a*b*c` here\n```\n**kept**\n```"_s << u"Use a*b*c here\n**kept**"_s;
        QTest::newRow("unpaired stays") << u"2 * 3 = 6 and 5* rating, snake_case_name"_s << u"2 * 3 = 6 and 5* rating, snake_case_name"_s;
        QTest::newRow("escapes") << u"\\*not emphasis\\*"_s << u"*not emphasis*"_s;
        QTest::newRow("image is its alt text") << u"![chart](https://evil.example/x.png)"_s << u"chart"_s;
        QTest::newRow("table") << u"| a | b |\n|---|:-:|\n| 1 | **2** |"_s << u"a\tb\n1\t2"_s;
        QTest::newRow("citations renumbered") << u"x[7](https://a.example) y[9](https://b.example) z[2](https://a.example)"_s
                                              << u"x[1] y[2] z[1]"_s;
        QTest::newRow("bare markers") << u"reminder[^2^]. title[3]"_s << u"reminder[2]. title[3]"_s;
        QTest::newRow("reference definitions") << u"Answer[1].\n\n[1]: https://a.example \"A\""_s << u"Answer[1]."_s;
        QTest::newRow("html is text") << u"<b>x</b>"_s << u"<b>x</b>"_s;
    }
    void markdownToPlain()
    {
        QFETCH(QString, markdown);
        QFETCH(QString, plain);
        QCOMPARE(BodyText::markdownToPlainText(markdown), plain);
    }

    void citationsAndDisplay()
    {
        BodyText::CitationTable table;
        const BodyText::MarkdownText md = BodyText::convertMarkdown(
            u"**[Plan](https://p.example)** says so[5](https://c.example/1). Also[^3^] and ![img](file:///etc/passwd)"_s, &table);
        QCOMPARE(md.plain, u"Plan says so[1]. Also[3] and img"_s);
        QCOMPARE(table.citations().size(), 1);
        QCOMPARE(table.citations().first().url, u"https://c.example/1"_s);
        QCOMPARE(md.links.size(), 2);
        QCOMPARE(md.links.at(0).title, u"Plan"_s);
        QCOMPARE(md.links.at(0).url, u"https://p.example"_s);
        // display Markdown: renumbered citation, bare marker escaped, image turned into a link
        QCOMPARE(md.display, u"**[Plan](https://p.example)** says so[\\[1\\]](https://c.example/1). Also\\[3\\] and [img](file:///etc/passwd)"_s);
        QVERIFY(!md.display.contains(u"!["_s));
    }

    void microsoftExampleAnswerOnce()
    {
        const QJsonArray value = QJsonDocument::fromJson(test::bizChatExamplePage()).object().value(u"value"_s).toArray();
        const Interaction answer = Interaction::fromJson(u"u"_s, value.at(0).toObject());
        const QString text = answer.bodyText;
        QCOMPARE(text.count(u"It looks like there were no important emails"_s), 1);
        QVERIFY2(!text.contains(u"**"_s) && !text.contains(u"]("_s) && !text.contains(u"[^"_s), qPrintable(text));
        QVERIFY(text.contains(u"\n• test meeting2 - export api: You discussed"_s));
        QVERIFY(text.contains(u"the importance of the event and the reminder[1].\n"_s));
        QVERIFY(text.contains(u"from 12:30 PM to 1 PM[2]."_s));
        QVERIFY(text.contains(u"James A. Robinson[3].\n\nAdditionally"_s));
        QVERIFY(text.contains(u"a file titled OnCall DRI Handbook-v3 that you"_s));
        QVERIFY(text.contains(u"procedures[4].\n\nIs there anything"_s));
        const BodyText::Content c = BodyText::interactionContent(value.at(0).toObject());
        QCOMPARE(c.citations.size(), 4);
        QVERIFY(c.citations.at(3).url.endsWith(u"Handbook-v3.pdf?web=1"_s));
        QVERIFY(!c.markdown.isEmpty());
        QCOMPARE(c.markdown.count(u"It looks like"_s), 1);
        // links: Graph's seven entries, the cited ones numbered, plus the one cited URL Graph did not list
        QCOMPARE(answer.links.size(), 8);
        QVERIFY(answer.links.contains(u"[1] test meeting2 - export api <"_s + c.citations.at(0).url + u'>'));
        QVERIFY(answer.links.contains(u"[4] <"_s + c.citations.at(3).url + u'>'));
        QCOMPARE(answer.links.filter(c.citations.at(0).url + u'>').size(), 1);
    }

    void nearDuplicatesBothStay_data()
    {
        QTest::addColumn<QString>("markdownBlock");
        QTest::addColumn<QString>("messageTextField");
        QTest::addColumn<bool>("same");
        QTest::newRow("same answer") << u"The **budget** is [1.2 M€](https://x.example)[1](https://c.example)."_s
                                     << u"The budget is 1.2 M€[^1^]."_s << true;
        QTest::newRow("one word differs") << u"The **budget** is 1.2 M€[1](https://c.example)."_s
                                          << u"The budget is 1.3 M€[^1^]."_s << false;
        QTest::newRow("extra sentence") << u"Done."_s << u"Done. Call Anna."_s << false;
        QTest::newRow("case differs") << u"Done."_s << u"done."_s << false;
    }
    void nearDuplicatesBothStay()
    {
        QFETCH(QString, markdownBlock);
        QFETCH(QString, messageTextField);
        QFETCH(bool, same);
        const QJsonObject card{{u"type"_s, u"AdaptiveCard"_s},
                               {u"body"_s, QJsonArray{QJsonObject{{u"type"_s, u"TextBlock"_s}, {u"text"_s, markdownBlock}},
                                                      QJsonObject{{u"type"_s, u"TextBlock"_s}, {u"id"_s, u"MessageTextField"_s},
                                                                  {u"text"_s, messageTextField}}}}};
        const QString cardJson = QString::fromUtf8(QJsonDocument(card).toJson());
        const QString text = BodyText::adaptiveCardText(cardJson);
        const QString first = BodyText::markdownToPlainText(markdownBlock);
        if (same)
            QCOMPARE(text, first);
        else
            QCOMPARE(text, first + u'\n' + BodyText::markdownToPlainText(messageTextField));
    }

    void randomGarbageNeverCrashes()
    {
        QRandomGenerator rng(42);
        const QString alphabet = u"<>/&;#x\"'=abp brscriptattachment \n\t!-?é😀"_s;
        for (int n = 0; n < 2000; ++n) {
            QString s;
            const int len = int(rng.bounded(200));
            for (int k = 0; k < len; ++k)
                s += alphabet.at(rng.bounded(int(alphabet.size())));
            const QString out = BodyText::htmlToPlainText(s);
            QVERIFY(out.size() <= s.size() * 2 + 8);
            BodyText::CitationTable table;
            const BodyText::MarkdownText md = BodyText::convertMarkdown(s, &table);
            QVERIFY(md.plain.size() <= s.size() * 4 + 8);
        }
    }
};

QTEST_GUILESS_MAIN(TestBodyText)
#include "tst_bodytext.moc"
