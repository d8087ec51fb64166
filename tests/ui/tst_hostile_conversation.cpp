// Safety: hostile bodies in the ConversationView and its transcript export make
// no network request, run no script, load no resource, and are shown/exported as escaped text.
// A local QTcpServer stands in for every remote host the bodies point at and counts connections.
#include "TestSupport.h"
#include "app/archive/Archive.h"
#include "ui/conversation/ConversationView.h"
#include "ui/conversation/SafeTextBrowser.h"
#include "app/model/Interaction.h"
#include "app/sim/DemoContent.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTextBlock>
#include <QTextDocument>
#include <QtTest>

using namespace ledger;
using namespace ledger::gui;
using namespace Qt::StringLiterals;

namespace {

// A QTextDocument that reports every resource it would load (what a naive setHtml() view does).
class CountingDocument : public QTextDocument {
public:
    int requests = 0;
protected:
    QVariant loadResource(int type, const QUrl &name) override
    {
        ++requests;
        return QTextDocument::loadResource(type, name);
    }
};

} // namespace

class tst_HostileConversation : public QObject {
    Q_OBJECT

    QTcpServer m_server;
    int m_connections = 0;
    QString m_base;   // http://127.0.0.1:<port>

    QStringList hostileBodies() const
    {
        const QString b = m_base;
        QStringList bodies{
            u"<p>Summary</p><script>document.title='pwned'; fetch('"_s + b + u"/script')</script>"_s,
            u"<p>The chart:</p><img src=\""_s + b + u"/img.png\" alt=\"chart\"><img src=x onerror=\"alert(1)\">"_s,
            u"<link rel=\"stylesheet\" href=\""_s + b + u"/style.css\"><p>Styled</p>"_s,
            u"<style>@import url('"_s + b + u"/import.css'); p{background:url(\""_s + b + u"/css.png\")}</style><p>CSS</p>"_s,
            u"<p style=\"background-image:url("_s + b + u"/inline.png)\">Inline style</p>"_s,
            u"<p>Open <a href=\"javascript:alert(1)\">the report</a>.</p>"_s,
            u"<iframe src=\""_s + b + u"/frame.html\"></iframe><object data=\""_s + b + u"/obj\"></object>"_s,
            u"<video poster=\""_s + b + u"/poster.png\"><source src=\""_s + b + u"/v.mp4\"></video><base href=\""_s + b + u"/\">"_s,
            u"<svg><image href=\""_s + b + u"/svg.png\"/></svg><table background=\""_s + b + u"/table.png\"><tr><td>t</td></tr></table>"_s,
        };
        // The demo tenant's own hostile bodies, retargeted at our server.
        for (int k = 0; k < sim::DemoContent::HostileKinds; ++k)
            bodies << sim::DemoContent::hostileBody(k).replace(u"http://127.0.0.1:9"_s, b);
        return bodies;
    }

    QList<Interaction> hostileInteractions() const
    {
        QList<Interaction> list;
        const QStringList bodies = hostileBodies();
        for (int i = 0; i < bodies.size(); ++i) {
            const bool promptTurn = i % 2 == 0;
            QJsonObject o{
                {u"id"_s, u"h%1"_s.arg(i, 2, 10, QLatin1Char('0'))},
                {u"sessionId"_s, u"s-hostile"_s},
                {u"requestId"_s, u"r%1"_s.arg(i / 2)},
                {u"appClass"_s, u"IPM.SkypeTeams.Message.Copilot.BizChat"_s},
                {u"interactionType"_s, promptTurn ? u"userPrompt"_s : u"aiResponse"_s},
                {u"createdDateTime"_s, u"2026-03-04T10:%1:00.000Z"_s.arg(i, 2, 10, QLatin1Char('0'))},
                {u"body"_s, QJsonObject{{u"contentType"_s, u"html"_s}, {u"content"_s, bodies[i]}}},
                {u"attachments"_s, QJsonArray{QJsonObject{{u"attachmentId"_s, u"a"_s}, {u"name"_s, u"<img src=x>.docx"_s},
                                                          {u"contentType"_s, u"reference"_s},
                                                          {u"contentUrl"_s, QString(m_base + u"/attachment"_s)}}}},
                {u"links"_s, QJsonArray{QJsonObject{{u"displayName"_s, u"<b>report</b>"_s}, {u"linkUrl"_s, u"javascript:alert(2)"_s}},
                                        QJsonObject{{u"displayName"_s, u"local"_s}, {u"linkUrl"_s, QString(m_base + u"/link"_s)}}}},
                {u"contexts"_s, QJsonArray{QJsonObject{{u"displayName"_s, u"<script>x()</script>"_s},
                                                       {u"contextReference"_s, QString(m_base + u"/ctx"_s)}}}},
            };
            list << Interaction::fromJson(u"u-hostile"_s, o);
        }
        // A card whose Image element points at the server.
        const QString card = u"{\"type\":\"AdaptiveCard\",\"body\":[{\"type\":\"Image\",\"url\":\""_s + m_base
            + u"/card.png\"},{\"type\":\"TextBlock\",\"text\":\"Card answer <img src=x>\"}]}"_s;
        QJsonObject c{
            {u"id"_s, u"h99"_s}, {u"sessionId"_s, u"s-hostile"_s}, {u"interactionType"_s, u"aiResponse"_s},
            {u"appClass"_s, u"IPM.SkypeTeams.Message.Copilot.BizChat"_s},
            {u"createdDateTime"_s, u"2026-03-04T11:00:00.000Z"_s},
            {u"body"_s, QJsonObject{{u"contentType"_s, u"html"_s}, {u"content"_s, u"<attachment id=\"c\"></attachment>"_s}}},
            {u"attachments"_s, QJsonArray{QJsonObject{{u"attachmentId"_s, u"c"_s},
                                                      {u"contentType"_s, u"application/vnd.microsoft.card.adaptive"_s},
                                                      {u"content"_s, card}}}},
        };
        list << Interaction::fromJson(u"u-hostile"_s, c);
        // Worst case: a plain text that *is* markup (as if a body were stored unparsed).
        Interaction raw = Interaction::fromJson(u"u-hostile"_s, QJsonObject{
            {u"id"_s, u"h98"_s}, {u"sessionId"_s, u"s-hostile"_s}, {u"interactionType"_s, u"aiResponse"_s},
            {u"createdDateTime"_s, u"2026-03-04T10:59:00.000Z"_s},
            {u"body"_s, QJsonObject{{u"contentType"_s, u"text"_s}, {u"content"_s, u"x"_s}}}});
        raw.bodyText = u"<script>alert('raw')</script><img src=\""_s + m_base + u"/raw.png\">"_s + QChar(QChar::ObjectReplacementCharacter);
        list << raw;
        return list;
    }

    static void verifyNoImagesOrObjects(const QTextDocument *doc)
    {
        for (QTextBlock b = doc->begin(); b.isValid(); b = b.next()) {
            for (auto it = b.begin(); !it.atEnd(); ++it) {
                const QTextCharFormat f = it.fragment().charFormat();
                QVERIFY(!f.isImageFormat());
                QCOMPARE(f.objectType(), int(QTextFormat::NoObject));
            }
        }
        QVERIFY(!doc->toPlainText().contains(QChar(QChar::ObjectReplacementCharacter)));
        QVERIFY(doc->allFormats().size() > 0);
        for (const QTextFormat &f : doc->allFormats())
            QVERIFY(!f.isImageFormat());
    }

private slots:
    void initTestCase()
    {
        ledger::test::isolateEnvironment();
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *s = m_server.nextPendingConnection()) {
                ++m_connections;
                s->close();
                s->deleteLater();
            }
        });
        QVERIFY(m_server.listen(QHostAddress::LocalHost, 0));
        m_base = u"http://127.0.0.1:"_s + QString::number(m_server.serverPort());
    }

    void init() { m_connections = 0; }

    // Control: the server does count connections (so "0" below means something).
    void serverCountsConnections()
    {
        QTcpSocket s;
        s.connectToHost(QHostAddress::LocalHost, m_server.serverPort());
        QTRY_COMPARE(m_connections, 1);
    }

    // Control: Qt's HTML engine would ask for the resources if the bodies were rendered as HTML.
    void naiveHtmlRenderingWouldAskForResources()
    {
        CountingDocument doc;
        doc.setHtml(hostileBodies().join(QString()));
        QVERIFY(doc.requests > 0);
    }

    void viewMakesNoRequestAndRunsNothing()
    {
        ConversationView view;
        view.resize(900, 1400);
        int refused = 0, confirms = 0, opens = 0;
        view.linkGuard()->setNoticeHook([&](const QUrl &, const QString &) { ++refused; });
        view.linkGuard()->setConfirmHook([&](const QUrl &, const QString &) { ++confirms; return false; });
        view.linkGuard()->setOpenHook([&](const QUrl &) { ++opens; return true; });
        view.setSaveFileNameHook([](const QString &) { return QString(); });
        view.show();
        view.showInteractions(hostileInteractions(), u"<b>Mallory</b>"_s);
        QTest::qWait(400);   // let any (wrongly) queued network or resource work run

        QCOMPARE(m_connections, 0);
        QCOMPARE(view.browser()->blockedResourceRequests(), 0);   // nothing even tried to load
        verifyNoImagesOrObjects(view.document());

        const QString text = view.plainText();
        // Markup in a text is shown as text, not interpreted.
        QVERIFY(text.contains(u"<script>alert('raw')</script>"_s));
        QVERIFY(text.contains(u"<img src=\""_s + m_base + u"/raw.png\">"_s));
        QVERIFY(text.contains(u"Card answer <img src=x>"_s));
        QVERIFY(text.contains(u"<b>Mallory</b>"_s));
        QVERIFY(text.contains(u"Link: <b>report</b> javascript:alert(2)"_s));
        // Parsed bodies keep their visible words only.
        QVERIFY(text.contains(u"Open the report."_s));
        QVERIFY(!text.contains(u"document.title"_s));
        QVERIFY(view.window()->windowTitle() != u"pwned"_s);

        // Clicking the links: javascript: refused; the http one asks (declined) — no request.
        for (QTextBlock b = view.document()->begin(); b.isValid(); b = b.next())
            for (auto it = b.begin(); !it.atEnd(); ++it)
                if (it.fragment().charFormat().isAnchor())
                    emit view.browser()->anchorClicked(QUrl(it.fragment().charFormat().anchorHref()));
        QVERIFY(refused > 0);
        QVERIFY(confirms > 0);
        QCOMPARE(opens, 0);
        QTest::qWait(100);
        QCOMPARE(m_connections, 0);

        // Find over hostile text does not change anything either.
        QVERIFY(view.setFindText(u"<script>"_s) > 0);
        QTest::qWait(50);
        QCOMPARE(m_connections, 0);
        QCOMPARE(view.browser()->blockedResourceRequests(), 0);
    }

    void exportIsEscapedAndInert()
    {
        ConversationView view;
        view.showInteractions(hostileInteractions(), u"<b>Mallory</b>"_s);
        const QString path = ledger::test::tempDir() + u"/hostile.html"_s;
        QString error;
        QVERIFY2(view.exportTranscript(path, &error), qPrintable(error));
        const QString html = QString::fromUtf8(ledger::test::readFile(path));

        QVERIFY(html.contains(u"&lt;script&gt;alert(&#39;raw&#39;)&lt;/script&gt;"_s));
        QVERIFY(html.contains(u"&lt;b&gt;Mallory&lt;/b&gt;"_s));
        // Only the writer's own tags, none from the bodies.
        static const QStringList allowed{u"!doctype"_s, u"html"_s, u"head"_s, u"meta"_s, u"title"_s, u"style"_s,
                                         u"body"_s, u"h1"_s, u"h2"_s, u"section"_s, u"p"_s, u"br"_s, u"div"_s,
                                         u"span"_s, u"mark"_s};
        QRegularExpression tag(u"<\\s*/?\\s*([!a-zA-Z][a-zA-Z0-9]*)"_s);
        auto it = tag.globalMatch(html);
        int tags = 0;
        while (it.hasNext()) {
            const QString name = it.next().captured(1).toLower();
            QVERIFY2(allowed.contains(name), qPrintable(name));
            ++tags;
        }
        QVERIFY(tags > 20);
        // The stylesheet is ours: no url(), no @import.
        const qsizetype s0 = html.indexOf(u"<style>"_s), s1 = html.indexOf(u"</style>"_s);
        QVERIFY(s0 > 0 && s1 > s0);
        const QString css = html.mid(s0, s1 - s0);
        QVERIFY(!css.contains(u"url("_s));
        QVERIFY(!css.contains(u"@import"_s));
        QVERIFY(html.contains(u"default-src 'none'"_s));

        // Rendering the exported page asks for no resource at all.
        CountingDocument doc;
        doc.setHtml(html);
        QCOMPARE(doc.requests, 0);
        QTest::qWait(100);
        QCOMPARE(m_connections, 0);

        // The text export is plain: the markup is there verbatim, as text.
        const QString txtPath = ledger::test::tempDir() + u"/hostile.txt"_s;
        QVERIFY(view.exportTranscript(txtPath, &error));
        QVERIFY(QString::fromUtf8(ledger::test::readFile(txtPath)).contains(u"<script>alert('raw')</script>"_s));
    }

    // The same bodies through the real archive (insert, read back, show).
    void throughTheArchive()
    {
        Archive archive;
        QString error;
        QVERIFY2(archive.open(ledger::test::tempDir() + u"/hostile.sqlite"_s, &error), qPrintable(error));
        User mallory;
        mallory.id = u"u-hostile"_s;
        mallory.displayName = u"<img src=\""_s + m_base + u"/name.png\">"_s;
        mallory.userPrincipalName = u"mallory@contoso.com"_s;
        QVERIFY(archive.writer().upsertUsers({mallory}));
        QList<Interaction> list = hostileInteractions();
        list.removeLast();   // the hand-made "raw" one has no matching raw bytes
        QCOMPARE(archive.writer().insertInteractions(list), list.size());

        ConversationView view;
        view.setArchive(&archive);
        view.show();
        view.showSession(u"u-hostile"_s, u"s-hostile"_s);
        QTest::qWait(300);
        QCOMPARE(view.transcript().messages.size(), list.size());
        QCOMPARE(m_connections, 0);
        QCOMPARE(view.browser()->blockedResourceRequests(), 0);
        verifyNoImagesOrObjects(view.document());
        QVERIFY(view.plainText().contains(mallory.displayName));
        QVERIFY(view.plainText().contains(u"Card answer <img src=x>"_s));
    }
};

QTEST_MAIN(tst_HostileConversation)
#include "tst_hostile_conversation.moc"
