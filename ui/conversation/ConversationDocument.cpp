#include "ui/conversation/ConversationDocument.h"

#include "ui/common/TimeFormat.h"
#include "app/transcript/MarkdownText.h"

#include <QCoreApplication>
#include <QLocale>
#include <QRegularExpression>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextDocumentFragment>
#include <QTextFrame>

using namespace Qt::StringLiterals;

namespace ledger::gui {

namespace {


QColor mix(const QColor &a, const QColor &b, qreal t)
{
    return QColor::fromRgbF(float(a.redF() * (1 - t) + b.redF() * t), float(a.greenF() * (1 - t) + b.greenF() * t),
                            float(a.blueF() * (1 - t) + b.blueF() * t));
}

bool isDark(const QPalette &p)
{
    return p.color(QPalette::Base).lightnessF() < 0.5;
}

void insertWithLinks(QTextCursor &cursor, const QString &text, const QTextCharFormat &base, const QPalette &palette)
{
    QTextCharFormat linkFormat = base;
    linkFormat.setAnchor(true);
    linkFormat.setForeground(palette.color(QPalette::Link));
    linkFormat.setFontUnderline(true);
    int pos = 0;
    for (const auto &[start, length] : ConversationDocument::findUrls(text)) {
        if (start > pos)
            cursor.insertText(text.mid(pos, start - pos), base);
        const QString url = text.mid(start, length);
        linkFormat.setAnchorHref(url);
        cursor.insertText(url, linkFormat);
        pos = start + length;
    }
    if (pos < text.size())
        cursor.insertText(text.mid(pos), base);
}

// A card answer's Markdown through Qt's Markdown reader (raw HTML off, so it stays text), then
// every character format is made ours: palette colours, links as anchors (they reach the link
// guard through anchorClicked), and no image (the text was rewritten so that there is none; an
// image format that got through anyway is replaced by its name, so nothing is ever loaded).
void insertMarkdown(QTextCursor &cursor, const QString &markdown, const QPalette &palette)
{
    QTextCharFormat plain;
    plain.setForeground(palette.color(QPalette::Text));
    insertMarkdownText(cursor, markdown, [&palette](QTextCharFormat &cf) {
        cf.setForeground(cf.isAnchor() ? palette.color(QPalette::Link) : palette.color(QPalette::Text));
        cf.clearBackground();
        if (cf.isAnchor())
            cf.setFontUnderline(true);
    }, ConversationDocument::tr("[image]"), plain);
}

} // namespace

QList<QPair<int, int>> ConversationDocument::findUrls(const QString &text)
{
    static const QRegularExpression re(QStringLiteral(R"(\bhttps?://[^\s<>"'\x{201C}\x{201D}]+)"),
                                       QRegularExpression::CaseInsensitiveOption);
    QList<QPair<int, int>> out;
    auto it = re.globalMatch(text);
    while (it.hasNext()) {
        const auto m = it.next();
        int length = int(m.capturedLength());
        // Trailing punctuation belongs to the sentence, not the URL.
        while (length > 0 && QStringView(u".,;:!?)]}").contains(text.at(m.capturedStart() + length - 1)))
            --length;
        if (length > 8)
            out.append({int(m.capturedStart()), length});
    }
    return out;
}

QColor ConversationDocument::promptBackground(const QPalette &p)
{
    return mix(p.color(QPalette::Base), p.color(QPalette::Highlight), isDark(p) ? 0.28 : 0.12);
}

QColor ConversationDocument::responseBackground(const QPalette &p)
{
    return mix(p.color(QPalette::Base), p.color(QPalette::Text), isDark(p) ? 0.08 : 0.035);
}

QColor ConversationDocument::mutedText(const QPalette &p)
{
    return mix(p.color(QPalette::Text), p.color(QPalette::Base), 0.38);
}

ConversationDocument::Result ConversationDocument::build(QTextDocument *doc, const Transcript &t,
                                                         const QPalette &palette, bool showUtc,
                                                         const QString &focusId)
{
    Result result;
    doc->clear();
    doc->setUndoRedoEnabled(false);
    doc->setDocumentMargin(12);

    const QColor text = palette.color(QPalette::Text);
    const QColor muted = mutedText(palette);
    const QColor border = mix(palette.color(QPalette::Base), text, 0.16);
    const QColor accent = palette.color(QPalette::Highlight);

    QTextCursor cursor(doc);
    cursor.beginEditBlock();
    QTextBlockFormat first;
    first.setBottomMargin(0);
    first.setLineHeight(1, QTextBlockFormat::FixedHeight);   // the root frame's leading empty block
    cursor.setBlockFormat(first);

    for (const TranscriptMessage &m : t.messages) {
        const bool prompt = m.role == MessageRole::Prompt;
        const bool focused = !focusId.isEmpty() && m.id == focusId;

        QTextFrameFormat ff;
        ff.setBackground(prompt ? promptBackground(palette) : responseBackground(palette));
        ff.setBorder(focused ? 2 : 1);
        ff.setBorderBrush(focused ? accent : (prompt ? mix(border, accent, 0.35) : border));
        ff.setBorderStyle(QTextFrameFormat::BorderStyle_Solid);
        ff.setPadding(10);
        ff.setTopMargin(5);
        ff.setBottomMargin(5);
        ff.setLeftMargin(prompt ? 64 : 0);
        ff.setRightMargin(prompt ? 0 : 64);

        cursor = doc->rootFrame()->lastCursorPosition();
        QTextFrame *frame = cursor.insertFrame(ff);
        result.frames.insert(m.id, frame);

        // Author · time · app
        QTextCharFormat who;
        who.setFontWeight(QFont::DemiBold);
        who.setForeground(prompt ? mix(text, accent, isDark(palette) ? 0.35 : 0.55) : text);
        QTextBlockFormat headerBlock;
        headerBlock.setBottomMargin(4);
        cursor.setBlockFormat(headerBlock);
        cursor.insertText(m.author, who);

        QTextCharFormat meta;
        meta.setForeground(muted);
        meta.setFontPointSize(doc->defaultFont().pointSizeF() > 0 ? doc->defaultFont().pointSizeF() * 0.9 : 9);
        cursor.insertText(QStringLiteral("   "), meta);
        QTextCharFormat timeFormat = meta;
        timeFormat.setToolTip(utcTooltip(m.created));
        cursor.insertText(m.created.isValid() ? displayTime(m.created, showUtc) : ConversationDocument::tr("time unknown"), timeFormat);
        if (!m.appName.isEmpty())
            cursor.insertText(u" · "_s + m.appName, meta);

        // The message text, plain; http(s) URLs clickable (through the link guard).
        QTextBlockFormat body;
        body.setLineHeight(115, QTextBlockFormat::ProportionalHeight);
        cursor.insertBlock(body);
        QTextCharFormat plain;
        plain.setForeground(text);
        QString messageText = m.text.trimmed();
        messageText.replace("\r\n"_L1, "\n"_L1);
        // U+FFFC would stand for an embedded object (image) in a QTextDocument: never let a body
        // smuggle one in.
        messageText.replace(QChar::ObjectReplacementCharacter, QChar::ReplacementCharacter);
        messageText.replace(QChar::Null, QChar::ReplacementCharacter);
        if (messageText.isEmpty()) {
            QTextCharFormat empty = meta;
            empty.setFontItalic(true);
            cursor.insertText(ConversationDocument::tr("(no text)"), empty);
        } else if (messageText.size() > kMaxShownCharacters) {
            // Qt's text layout takes quadratic time on a long unbroken line (a 1 MB line took
            // minutes): show the beginning only. Copy and Export still give the full text.
            qsizetype cut = kMaxShownCharacters;
            if (messageText.at(cut - 1).isHighSurrogate())
                --cut;
            insertWithLinks(cursor, messageText.left(cut), plain, palette);
            cursor.insertBlock(body);
            QTextCharFormat more = meta;
            more.setFontItalic(true);
            cursor.insertText(ConversationDocument::tr("… %1 more characters (full text in Copy/Export)")
                                  .arg(QLocale().toString(messageText.size() - cut)),
                              more);
        } else if (!m.markdown.isEmpty()) {
            insertMarkdown(cursor, m.markdown, palette);
        } else {
            insertWithLinks(cursor, messageText, plain, palette);
        }

        // Metadata lines
        QTextBlockFormat metaBlock;
        metaBlock.setTopMargin(3);
        auto metaLine = [&](const QString &label, const QString &value) {
            cursor.insertBlock(metaBlock);
            QTextCharFormat l = meta;
            l.setFontWeight(QFont::DemiBold);
            cursor.insertText(label + u' ', l);
            cursor.insertText(value, meta);
        };
        auto linkText = [&](const QString &url) {
            QTextCharFormat a = meta;
            a.setAnchor(true);
            a.setAnchorHref(url);
            a.setForeground(palette.color(QPalette::Link));
            a.setFontUnderline(true);
            cursor.insertText(url, a);
        };
        if (!m.citations.isEmpty()) {
            cursor.insertBlock(metaBlock);
            QTextCharFormat l = meta;
            l.setFontWeight(QFont::DemiBold);
            cursor.insertText(ConversationDocument::tr("Sources:"), l);
            for (const TranscriptCitation &c : m.citations) {
                cursor.insertBlock(metaBlock);
                cursor.insertText(u"[%1] "_s.arg(c.number), l);
                if (!c.title.isEmpty())
                    cursor.insertText(c.title + u' ', meta);
                linkText(c.url);
            }
        }
        if (!m.attachments.isEmpty())
            metaLine(ConversationDocument::tr("Attachments:"), m.attachments.join("; "_L1));
        for (const TranscriptLink &link : m.links) {
            cursor.insertBlock(metaBlock);
            QTextCharFormat l = meta;
            l.setFontWeight(QFont::DemiBold);
            cursor.insertText(ConversationDocument::tr("Link:") + u' ', l);
            if (!link.text.isEmpty() && link.text != link.url)
                cursor.insertText(link.text + u' ', meta);
            if (!link.url.isEmpty()) {
                QTextCharFormat a = meta;
                a.setAnchor(true);
                a.setAnchorHref(link.url);
                a.setForeground(palette.color(QPalette::Link));
                a.setFontUnderline(true);
                cursor.insertText(link.url, a);
            }
        }
        if (!m.mentions.isEmpty())
            metaLine(ConversationDocument::tr("Mentions:"), m.mentions.join("; "_L1));
        if (!m.contexts.isEmpty())
            metaLine(ConversationDocument::tr("Context:"), m.contexts.join("; "_L1));
    }
    cursor.endEditBlock();
    return result;
}

} // namespace ledger::gui
