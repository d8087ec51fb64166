// BodyText: HTML to text, Adaptive Cards, attachment tags, malformed and hostile input.
#include "model/BodyText.h"
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
        }
    }
};

QTEST_GUILESS_MAIN(TestBodyText)
#include "tst_bodytext.moc"
