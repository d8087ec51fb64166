#include "app/transcript/TranscriptRenderer.h"

#include "app/transcript/MarkdownText.h"

#include "app/archive/ActivityLog.h"
#include "app/model/PrivateFiles.h"
#include "app/transcript/TimeText.h"
#include "app/transcript/TranscriptWriter.h"

#include <QAbstractTextDocumentLayout>
#include <QBuffer>
#include <QCryptographicHash>
#include <QFontMetricsF>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextDocumentFragment>
#include <QTextFrame>

using namespace Qt::StringLiterals;

namespace ledger {

namespace {

const QColor kText(0x1f, 0x23, 0x28);
const QColor kMuted(0x59, 0x63, 0x6e);
const QColor kPromptBg(0xee, 0xf4, 0xff);
const QColor kPromptBorder(0xb6, 0xcf, 0xfb);
const QColor kResponseBg(0xf6, 0xf8, 0xfa);
const QColor kResponseBorder(0xd0, 0xd7, 0xde);
const QColor kMark(0xff, 0xe0, 0x82);

bool hasRightToLeft(const QString &text)
{
    for (const QChar c : text) {
        const QChar::Direction d = c.direction();
        if (d == QChar::DirR || d == QChar::DirAL)
            return true;
    }
    return false;
}

// Latin text is laid out without ligatures (see toPdf); right-to-left text keeps Qt's normal
// shaping, whose extra letter spacing would split Arabic words in the extracted text.
QTextCharFormat forText(QTextCharFormat f, const QString &text)
{
    if (hasRightToLeft(text)) {
        f.setFontLetterSpacingType(QFont::AbsoluteSpacing);
        f.setFontLetterSpacing(0);
    }
    return f;
}

QString generatedBy(const TranscriptRenderOptions &o)
{
    return !o.generatedBy.isEmpty() ? o.generatedBy : ActivityLog::currentOperator();
}

QDateTime generatedAt(const TranscriptRenderOptions &o)
{
    return o.generatedAt.isValid() ? o.generatedAt.toUTC() : QDateTime::currentDateTimeUtc();
}

QString personText(const TranscriptPerson &p, const QString &userId)
{
    // A right-to-left name: a left-to-right mark after it keeps " <upn>" after it on the line.
    if (!p.name.isEmpty() && !p.upn.isEmpty())
        return p.name + (p.name.isRightToLeft() ? u"\u200E <"_s : u" <"_s) + p.upn + u'>';
    if (!p.name.isEmpty())
        return p.name;
    if (!p.upn.isEmpty())
        return p.upn;
    return userId;
}

QString reviewText(const ReviewRecord &r)
{
    QStringList parts;
    parts << TranscriptRenderer::tr("Review: %1").arg(reviewStatusKey(r.status));
    if (!r.reviewedBy.isEmpty() || r.reviewedUtc.isValid())
        parts << TranscriptRenderer::tr("by %1 on %2").arg(r.reviewedBy, displayTimeText(r.reviewedUtc, true));
    if (!r.cases.isEmpty())
        parts << TranscriptRenderer::tr("Cases: %1").arg(r.cases.join(u", "_s));
    return parts.join(u" · "_s);
}

QString linkLine(const TranscriptLink &l)
{
    if (l.text.isEmpty() || l.text == l.url)
        return l.url;
    if (l.url.isEmpty())
        return l.text;
    return l.text + u" <"_s + l.url + u'>';
}

QString citationLine(const TranscriptCitation &c)
{
    return u"[%1] "_s.arg(c.number) + (c.title.isEmpty() ? c.url : c.title + u" <"_s + c.url + u'>');
}

QString sessionHeading(const TranscriptSession &s)
{
    return TranscriptRenderer::tr("Copilot conversation — %1").arg(personText(s.person, s.transcript.userId));
}

QStringList sessionMeta(const TranscriptSession &s, const TranscriptRenderOptions &o)
{
    const Transcript &t = s.transcript;
    QStringList meta;
    if (!t.appName.isEmpty())
        meta << TranscriptRenderer::tr("App: %1").arg(t.appName);
    if (t.started.isValid())
        meta << TranscriptRenderer::tr("From %1 to %2")
                    .arg(utcAndLocalText(t.started, o.viewerZone), utcAndLocalText(t.ended, o.viewerZone));
    meta << TranscriptRenderer::tr("Prompts: %1 · Responses: %2 · Interactions: %3")
                .arg(t.promptCount)
                .arg(t.responseCount)
                .arg(s.interactionCount);
    meta << (s.sessionId.isEmpty()
                 ? TranscriptRenderer::tr("Session: none (interactions without a sessionId on %1, UTC)")
                       .arg(s.day.toString(Qt::ISODate))
                 : TranscriptRenderer::tr("Session: %1").arg(s.sessionId));
    meta << TranscriptRenderer::tr("User id: %1").arg(t.userId);
    if (!s.jsonlLines.isEmpty()) {
        QStringList ranges;
        for (qsizetype k = 0; k < s.jsonlLines.size();) {
            qsizetype j = k;
            while (j + 1 < s.jsonlLines.size() && s.jsonlLines.at(j + 1) == s.jsonlLines.at(j) + 1)
                ++j;
            ranges << (j == k ? QString::number(s.jsonlLines.at(k))
                              : u"%1-%2"_s.arg(s.jsonlLines.at(k)).arg(s.jsonlLines.at(j)));
            k = j + 1;
        }
        meta << TranscriptRenderer::tr("interactions.jsonl lines: %1").arg(ranges.join(u',')) ;
    }
    return meta;
}

// ---- PDF ------------------------------------------------------------------------------------

struct PdfBuilder {
    QTextDocument *doc;
    qreal pt;                        // device pixels per point
    const TranscriptRenderOptions &options;

    QTextCharFormat plain() const
    {
        QTextCharFormat f;
        f.setForeground(kText);
        return f;
    }
    QTextCharFormat meta() const
    {
        QTextCharFormat f;
        f.setForeground(kMuted);
        f.setFontPointSize(8);
        return f;
    }
    QTextCharFormat bold(QTextCharFormat f) const
    {
        f.setFontWeight(QFont::DemiBold);
        return f;
    }

    // Plain text; U+FFFC (an embedded object) and NUL never reach the document.
    static QString clean(QString text)
    {
        text.replace(u"\r\n"_s, u"\n"_s);
        text.replace(QChar::ObjectReplacementCharacter, QChar::ReplacementCharacter);
        text.replace(QChar::Null, QChar::ReplacementCharacter);
        return text;
    }

    void insertMarkdown(QTextCursor &cursor, const QString &markdown) const
    {
        // Our colours, no active link, no image (replaced by its name: nothing is ever loaded).
        insertMarkdownText(cursor, markdown, [](QTextCharFormat &cf) {
            const bool link = cf.isAnchor();
            cf.setAnchor(false);
            cf.setAnchorHref(QString());
            cf.setForeground(link ? QColor(0x09, 0x69, 0xda) : kText);
            cf.setFontUnderline(link);
            cf.clearBackground();
        }, TranscriptRenderer::tr("[image]"), plain());
    }

    void metaLine(QTextCursor &cursor, const QString &label, const QString &value) const
    {
        QTextBlockFormat b;
        b.setTopMargin(2 * pt);
        cursor.insertBlock(b);
        if (!label.isEmpty())
            cursor.insertText(label + u' ', bold(meta()));
        cursor.insertText(clean(value), forText(meta(), value));
    }

    // Returns the first block of the session (its heading), for the page → session map.
    // pageBreak: the session starts on a new page (every session but the first).
    int addSession(const TranscriptSession &s, bool pageBreak)
    {
        QTextCursor cursor(doc);
        cursor.movePosition(QTextCursor::End);
        QTextBlockFormat heading;
        heading.setBottomMargin(3 * pt);
        if (pageBreak)
            heading.setPageBreakPolicy(QTextFormat::PageBreak_AlwaysBefore);
        if (doc->isEmpty())
            cursor.setBlockFormat(heading);
        else
            cursor.insertBlock(heading);
        const int headingBlock = cursor.block().blockNumber();
        QTextCharFormat h = bold(plain());
        h.setFontPointSize(13);
        cursor.insertText(clean(sessionHeading(s)), forText(h, sessionHeading(s)));
        for (const QString &line : sessionMeta(s, options))
            metaLine(cursor, {}, line);
        for (const ReviewRecord &r : s.sessionReviews) {
            metaLine(cursor, TranscriptRenderer::tr("Session review:"), reviewText(r));
            if (!r.note.isEmpty())
                metaLine(cursor, TranscriptRenderer::tr("Note:"), r.note);
        }

        for (const TranscriptMessage &m : s.transcript.messages)
            addMessage(cursor, s, m);
        return headingBlock;
    }

    void addMessage(QTextCursor &cursor, const TranscriptSession &s, const TranscriptMessage &m)
    {
        const bool prompt = m.role == MessageRole::Prompt;
        QTextFrameFormat ff;
        ff.setBackground(prompt ? kPromptBg : kResponseBg);
        ff.setBorder(0.75 * pt);
        ff.setBorderBrush(prompt ? kPromptBorder : kResponseBorder);
        ff.setBorderStyle(QTextFrameFormat::BorderStyle_Solid);
        ff.setPadding(6 * pt);
        ff.setTopMargin(5 * pt);
        ff.setBottomMargin(2 * pt);
        ff.setLeftMargin(prompt ? 36 * pt : 0);
        ff.setRightMargin(prompt ? 0 : 36 * pt);
        cursor.movePosition(QTextCursor::End);
        QTextFrame *frame = cursor.insertFrame(ff);

        QTextBlockFormat header;
        header.setBottomMargin(3 * pt);
        header.setLayoutDirection(Qt::LeftToRight);   // name, time, app: in this order for every script
        cursor.setBlockFormat(header);
        // A right-to-left name: a left-to-right mark after it, so that the time after it is not
        // taken into the name's direction (the digits would be reordered).
        cursor.insertText(clean(m.author) + (hasRightToLeft(m.author) ? u"\u200E"_s : QString()),
                          forText(bold(plain()), m.author));
        QStringList when;
        when << (m.created.isValid() ? utcAndLocalText(m.created, options.viewerZone) : TranscriptRenderer::tr("time unknown"));
        if (!m.appName.isEmpty())
            when << m.appName;
        cursor.insertText(u"   "_s + when.join(u" · "_s), meta());

        QTextBlockFormat body;
        body.setLineHeight(115, QTextBlockFormat::ProportionalHeight);
        cursor.insertBlock(body);
        const int bodyStart = cursor.position();
        const QString text = clean(m.text.trimmed());
        if (!m.markdown.isEmpty()) {
            insertMarkdown(cursor, m.markdown);
        } else if (text.isEmpty()) {
            QTextCharFormat empty = meta();
            empty.setFontItalic(true);
            cursor.insertText(TranscriptRenderer::tr("(no text)"), empty);
        } else {
            cursor.insertText(text, forText(plain(), text));
        }
        const int bodyEnd = cursor.position();

        // Findings: highlighted where they are, listed (masked) below.
        const QList<FindingMark> marks = s.findings.value(m.id);
        QStringList labels;
        int from = bodyStart;
        for (const FindingMark &mark : marks) {
            labels << mark.label;
            QTextCursor found = doc->find(mark.needle, from, QTextDocument::FindCaseSensitively);
            if (found.isNull() || found.selectionEnd() > bodyEnd)
                found = doc->find(mark.needle, bodyStart, QTextDocument::FindCaseSensitively);
            if (found.isNull() || found.selectionEnd() > bodyEnd)
                continue;
            QTextCharFormat f;
            f.setBackground(kMark);
            found.mergeCharFormat(f);
            from = found.selectionEnd();
        }
        cursor.setPosition(frame->lastPosition());

        if (!m.citations.isEmpty()) {
            metaLine(cursor, TranscriptRenderer::tr("Sources:"), QString());
            for (const TranscriptCitation &c : m.citations)
                metaLine(cursor, {}, citationLine(c));
        }
        if (!m.attachments.isEmpty())
            metaLine(cursor, TranscriptRenderer::tr("Attachments:"), m.attachments.join(u"; "_s));
        for (const TranscriptLink &l : m.links)
            metaLine(cursor, TranscriptRenderer::tr("Link:"), linkLine(l));
        if (!m.mentions.isEmpty())
            metaLine(cursor, TranscriptRenderer::tr("Mentions:"), m.mentions.join(u"; "_s));
        if (!m.contexts.isEmpty())
            metaLine(cursor, TranscriptRenderer::tr("Context:"), m.contexts.join(u"; "_s));
        if (!labels.isEmpty())
            metaLine(cursor, TranscriptRenderer::tr("Findings:"), labels.join(u"; "_s));
        if (s.turnReviews.contains(m.id)) {
            const ReviewRecord r = s.turnReviews.value(m.id);
            metaLine(cursor, {}, reviewText(r));
            if (!r.note.isEmpty())
                metaLine(cursor, TranscriptRenderer::tr("Note:"), r.note);
        }
        cursor.movePosition(QTextCursor::End);
    }
};

// ---- HTML -----------------------------------------------------------------------------------

QString esc(const QString &s)
{
    return TranscriptWriter::escapeHtml(s);
}

// Wraps each mark's (escaped) text in <mark> where it occurs in the HTML outside a tag.
QString markHtml(QString html, const QList<FindingMark> &marks)
{
    qsizetype from = 0;
    for (const FindingMark &m : marks) {
        QString needle = esc(m.needle);
        needle.replace(u'\n', u"<br>"_s);
        qsizetype at = html.indexOf(needle, from);
        if (at < 0)
            at = html.indexOf(needle);
        while (at >= 0) {
            const qsizetype open = html.lastIndexOf(u'<', at), close = html.lastIndexOf(u'>', at);
            if (open <= close)
                break;   // not inside a tag
            at = html.indexOf(needle, at + 1);
        }
        if (at < 0)
            continue;
        const QString wrapped = u"<mark title=\""_s + esc(m.label) + u"\">"_s + needle + u"</mark>"_s;
        html.replace(at, needle.size(), wrapped);
        from = at + wrapped.size();
    }
    return html;
}

} // namespace

QString TranscriptRenderer::formatSuffix(TranscriptFormat format)
{
    return format == TranscriptFormat::Pdf ? u"pdf"_s : u"html"_s;
}

QStringList TranscriptRenderer::footerLines(const TranscriptSession &s, const TranscriptRenderOptions &o, int page,
                                            int pageCount)
{
    QStringList lines;
    QStringList first;
    if (!o.tenant.isEmpty())
        first << tr("Tenant: %1").arg(o.tenant);
    first << tr("User: %1").arg(personText(s.person, s.transcript.userId));
    if (pageCount > 0)
        first << tr("Page %1 of %2").arg(page).arg(pageCount);
    lines << first.join(u" · "_s);
    lines << (o.omittedJsonl
                  ? tr("SHA-256 of the session's interactions.jsonl lines (not exported): %1")
                  : tr("SHA-256 of the session's interactions.jsonl lines: %1"))
                 .arg(s.rawSha256);
    lines << tr("Generated %1 by %2 with Copilot Ledger %3")
                 .arg(displayTimeText(generatedAt(o), true), generatedBy(o), QStringLiteral(LEDGER_VERSION));
    return lines;
}

QString TranscriptRenderer::toHtml(const QList<TranscriptSession> &sessions, const TranscriptRenderOptions &o)
{
    QString h;
    const QString title = !o.title.isEmpty() ? o.title
        : sessions.isEmpty()                 ? tr("Copilot conversation")
                                             : sessionHeading(sessions.constFirst());
    h += "<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n"_L1;
    h += "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"_L1;
    h += "<meta name=\"generator\" content=\"Copilot Ledger "_L1 + esc(QStringLiteral(LEDGER_VERSION)) + "\">\n"_L1;
    h += "<title>"_L1 + esc(title) + "</title>\n"_L1;
    h += "<style>\n"
         "body{font-family:system-ui,-apple-system,'Segoe UI','Noto Sans','Noto Sans CJK JP','Noto Sans Arabic',sans-serif;"
         "margin:2em auto;max-width:52em;color:#1f2328;background:#fff;line-height:1.45}\n"
         "h1{font-size:1.4em}h2{font-size:1.25em;margin:0 0 .2em}\n"
         "section.session{margin:0 0 3em}section.session+section.session{break-before:page}\n"
         ".meta{color:#59636e;margin:.1em 0;font-size:.92em}\n"
         ".msg{border:1px solid #d0d7de;border-radius:8px;padding:.7em 1em;margin:.8em 0;break-inside:avoid-page}\n"
         ".prompt{background:#eef4ff;margin-left:12%;border-color:#b6cffb}\n"
         ".response{background:#f6f8fa;margin-right:12%}\n"
         ".who{font-weight:600}.when{color:#59636e;font-size:.9em;margin-left:.6em}\n"
         ".text{white-space:pre-wrap;overflow-wrap:anywhere;margin:.4em 0 0}\n"
         ".md{overflow-wrap:anywhere;margin:.4em 0 0}.md p,.md ul,.md ol{margin:.3em 0}.link{text-decoration:underline}\n"
         ".extra{color:#59636e;font-size:.88em;margin:.3em 0 0;overflow-wrap:anywhere}\n"
         "mark{background:#ffe082}\n"
         ".provenance{border-top:1px solid #d0d7de;margin-top:1.2em;padding-top:.4em;color:#59636e;font-size:.8em;"
         "overflow-wrap:anywhere}\n"
         "</style>\n</head>\n<body>\n"_L1;
    if (!o.title.isEmpty())
        h += "<h1>"_L1 + esc(o.title) + "</h1>\n"_L1;
    for (const TranscriptSession &s : sessions) {
        h += "<section class=\"session\" data-sha256=\""_L1 + esc(s.rawSha256) + "\">\n"_L1;
        h += "<h2 dir=\"auto\">"_L1 + esc(sessionHeading(s)) + "</h2>\n"_L1;
        for (const QString &line : sessionMeta(s, o))
            h += "<p class=\"meta\" dir=\"auto\">"_L1 + esc(line) + "</p>\n"_L1;
        for (const ReviewRecord &r : s.sessionReviews) {
            h += "<p class=\"meta\" dir=\"auto\">"_L1 + esc(tr("Session review:") + u' ' + reviewText(r)) + "</p>\n"_L1;
            if (!r.note.isEmpty())
                h += "<p class=\"meta\" dir=\"auto\">"_L1 + esc(tr("Note:") + u' ' + r.note) + "</p>\n"_L1;
        }
        for (const TranscriptMessage &m : s.transcript.messages) {
            const char *cls = m.role == MessageRole::Prompt ? "prompt" : m.role == MessageRole::Response ? "response" : "other";
            h += "<div class=\"msg "_L1 + QLatin1StringView(cls) + "\">\n"_L1;
            h += "<div><span class=\"who\" dir=\"auto\">"_L1 + esc(m.author) + "</span><span class=\"when\">"_L1
                + esc(m.created.isValid() ? utcAndLocalText(m.created, o.viewerZone) : tr("time unknown"));
            if (!m.appName.isEmpty())
                h += u" · "_s + esc(m.appName);
            h += "</span></div>\n"_L1;
            const QList<FindingMark> marks = s.findings.value(m.id);
            if (!m.markdown.isEmpty())
                h += "<div class=\"md\" dir=\"auto\">"_L1 + markHtml(TranscriptWriter::markdownToHtml(m.markdown), marks) + "</div>\n"_L1;
            else
                h += "<div class=\"text\" dir=\"auto\">"_L1 + markHtml(esc(m.text.trimmed()), marks) + "</div>\n"_L1;
            auto extra = [&h](const QString &line) { h += "<div class=\"extra\" dir=\"auto\">"_L1 + esc(line) + "</div>\n"_L1; };
            if (!m.citations.isEmpty()) {
                extra(tr("Sources:"));
                for (const TranscriptCitation &c : m.citations)
                    extra(citationLine(c));
            }
            if (!m.attachments.isEmpty())
                extra(tr("Attachments:") + u' ' + m.attachments.join(u"; "_s));
            for (const TranscriptLink &l : m.links)
                extra(tr("Link:") + u' ' + linkLine(l));
            if (!m.mentions.isEmpty())
                extra(tr("Mentions:") + u' ' + m.mentions.join(u"; "_s));
            if (!m.contexts.isEmpty())
                extra(tr("Context:") + u' ' + m.contexts.join(u"; "_s));
            if (!marks.isEmpty()) {
                QStringList labels;
                for (const FindingMark &mark : marks)
                    labels << mark.label;
                extra(tr("Findings:") + u' ' + labels.join(u"; "_s));
            }
            if (s.turnReviews.contains(m.id)) {
                const ReviewRecord r = s.turnReviews.value(m.id);
                extra(reviewText(r));
                if (!r.note.isEmpty())
                    extra(tr("Note:") + u' ' + r.note);
            }
            h += "</div>\n"_L1;
        }
        h += "<div class=\"provenance\">\n"_L1;
        for (const QString &line : footerLines(s, o, 0, 0))
            h += "<div>"_L1 + esc(line) + "</div>\n"_L1;
        h += "</div>\n</section>\n"_L1;
    }
    h += "</body>\n</html>\n"_L1;
    return h;
}

QByteArray TranscriptRenderer::toPdf(const QList<TranscriptSession> &sessions, const TranscriptRenderOptions &o,
                                     QString *error)
{
    if (sessions.isEmpty()) {
        if (error)
            *error = tr("There is no conversation to write.");
        return {};
    }
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    {
        QPdfWriter writer(&buffer);
        writer.setResolution(300);
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setPageMargins(QMarginsF(16, 14, 16, 12), QPageLayout::Millimeter);
        writer.setTitle(!o.title.isEmpty() ? o.title : sessionHeading(sessions.constFirst()));
        writer.setCreator(u"Copilot Ledger "_s + QStringLiteral(LEDGER_VERSION));
        const QRect paint = writer.pageLayout().paintRectPixels(writer.resolution());
        const qreal pt = writer.resolution() / 72.0;

        // A letter spacing (here 0.05 device pixels, invisible) makes Qt shape Latin text without
        // ligatures: "ff" stays two characters, so a copied hash or a searched word is the text.
        QFont footerFont;
        footerFont.setPointSizeF(6.5);
        footerFont.setLetterSpacing(QFont::AbsoluteSpacing, 0.05);
        const QFontMetricsF fm(footerFont, &writer);
        const qreal footerHeight = fm.lineSpacing() * 3 + 8 * pt;
        const qreal bodyHeight = paint.height() - footerHeight;

        QTextDocument doc;
        doc.setUndoRedoEnabled(false);
        doc.documentLayout()->setPaintDevice(&writer);
        QFont base;
        base.setPointSizeF(9.5);
        base.setLetterSpacing(QFont::AbsoluteSpacing, 0.05);
        doc.setDefaultFont(base);
        doc.setDocumentMargin(0);
        doc.setPageSize(QSizeF(paint.width(), bodyHeight));

        PdfBuilder builder{&doc, pt, o};
        QList<int> headingBlocks;
        if (!o.title.isEmpty()) {
            QTextCursor c(&doc);
            QTextBlockFormat b;
            b.setBottomMargin(8 * pt);
            c.setBlockFormat(b);
            QTextCharFormat f = builder.bold(builder.plain());
            f.setFontPointSize(15);
            c.insertText(PdfBuilder::clean(o.title), f);
        }
        for (qsizetype k = 0; k < sessions.size(); ++k)
            headingBlocks << builder.addSession(sessions.at(k), k > 0);

        const int pages = doc.pageCount();
        // The session of each page: the last one whose heading is on or before it.
        QList<int> firstPage;
        for (int block : std::as_const(headingBlocks)) {
            const QRectF r = doc.documentLayout()->blockBoundingRect(doc.findBlockByNumber(block));
            firstPage << int((r.top() + 1) / bodyHeight);
        }

        QPainter painter;
        if (!painter.begin(&writer)) {
            if (error)
                *error = tr("The PDF could not be started.");
            return {};
        }
        for (int p = 0; p < pages; ++p) {
            if (p > 0)
                writer.newPage();
            painter.save();
            const QRectF clip(0, p * bodyHeight, paint.width(), bodyHeight);
            painter.translate(0, -p * bodyHeight);
            painter.setClipRect(clip);
            QAbstractTextDocumentLayout::PaintContext ctx;
            ctx.clip = clip;
            ctx.palette.setColor(QPalette::Text, kText);
            doc.documentLayout()->draw(&painter, ctx);
            painter.restore();

            qsizetype session = 0;
            for (qsizetype k = 0; k < firstPage.size(); ++k)
                if (firstPage.at(k) <= p)
                    session = k;
            const QStringList lines = footerLines(sessions.at(session), o, p + 1, pages);
            painter.save();
            QFont rtlFooter = footerFont;
            rtlFooter.setLetterSpacing(QFont::AbsoluteSpacing, 0);
            painter.setPen(QPen(kResponseBorder, 0.5 * pt));
            const qreal top = paint.height() - footerHeight + 3 * pt;
            painter.drawLine(QPointF(0, top), QPointF(paint.width(), top));
            painter.setPen(kMuted);
            qreal y = top + 3 * pt;
            for (const QString &line : lines) {
                painter.setFont(hasRightToLeft(line) ? rtlFooter : footerFont);
                const QString shown = fm.horizontalAdvance(line) > paint.width()
                    ? fm.elidedText(line, Qt::ElideMiddle, paint.width())
                    : line;
                painter.drawText(QRectF(0, y, paint.width(), fm.lineSpacing()), Qt::AlignLeft | Qt::AlignVCenter, shown);
                y += fm.lineSpacing();
            }
            painter.restore();
        }
        if (!painter.end()) {
            if (error)
                *error = tr("The PDF could not be written.");
            return {};
        }
    }
    return bytes;
}

QByteArray TranscriptRenderer::render(const QList<TranscriptSession> &sessions, TranscriptFormat format,
                                      const TranscriptRenderOptions &options, QString *error)
{
    if (format == TranscriptFormat::Pdf)
        return toPdf(sessions, options, error);
    if (sessions.isEmpty()) {
        if (error)
            *error = tr("There is no conversation to write.");
        return {};
    }
    return toHtml(sessions, options).toUtf8();
}

bool TranscriptRenderer::save(const QList<TranscriptSession> &sessions, const QString &path, TranscriptFormat format,
                              const TranscriptRenderOptions &options, QString *error)
{
    const QByteArray bytes = render(sessions, format, options, error);
    if (bytes.isEmpty())
        return false;
    privatefiles::restrictNewFiles();
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = tr("Could not create %1: %2").arg(path, file.errorString());
        return false;
    }
    if (file.write(bytes) != bytes.size() || !file.commit()) {
        if (error)
            *error = tr("Could not write %1: %2").arg(path, file.errorString());
        file.cancelWriting();
        return false;
    }
    return true;
}

// ---- file names -----------------------------------------------------------------------------

QString safeFileNameComponent(const QString &text, int maxLength)
{
    static const QSet<QString> reserved = [] {
        QSet<QString> r{u"CON"_s, u"PRN"_s, u"AUX"_s, u"NUL"_s, u"CONIN$"_s, u"CONOUT$"_s};
        for (int n = 0; n <= 9; ++n) {
            r << u"COM%1"_s.arg(n) << u"LPT%1"_s.arg(n);
        }
        r << u"COM\u00B9"_s << u"COM\u00B2"_s << u"COM\u00B3"_s << u"LPT\u00B9"_s << u"LPT\u00B2"_s << u"LPT\u00B3"_s;
        return r;
    }();
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        const ushort u = c.unicode();
        const bool ok = (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') || u == '.'
            || u == '_' || u == '-' || u == '@' || u == '+';
        out += ok ? c : QChar(u'_');
    }
    while (!out.isEmpty() && (out.startsWith(u'.') || out.startsWith(u'-')))
        out[0] = u'_';
    while (!out.isEmpty() && (out.endsWith(u'.') || out.endsWith(u' ')))
        out[out.size() - 1] = u'_';
    if (out.isEmpty())
        out = u"_"_s;
    const QString stem = out.section(u'.', 0, 0).toUpper();
    if (reserved.contains(stem))
        out.prepend(u'_');
    const int room = qMax(16, maxLength);
    if (out != text || out.size() > room) {
        const QString tag = u"~"_s
            + QString::fromLatin1(QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha256).toHex().left(8));
        if (out.size() + tag.size() > room)
            out = out.left(room - tag.size());
        // Shortening may leave a trailing dot.
        while (out.endsWith(u'.'))
            out[out.size() - 1] = u'_';
        out += tag;
    }
    return out;
}

QString TranscriptFileNames::unique(QSet<QString> *taken, const QString &base, const QString &suffix,
                                    const QString &original)
{
    QString name = base + suffix;
    if (taken->contains(name.toLower())) {
        const QByteArray digest = QCryptographicHash::hash(original.toUtf8(), QCryptographicHash::Sha256).toHex();
        name = base + u'~' + QString::fromLatin1(digest.left(8)) + suffix;
        for (int n = 2; taken->contains(name.toLower()); ++n)
            name = base + u'~' + QString::fromLatin1(digest.left(8)) + u'-' + QString::number(n) + suffix;
    }
    taken->insert(name.toLower());
    return name;
}

QString TranscriptFileNames::folderFor(const QString &userId, const QString &upn)
{
    const auto it = m_folders.constFind(userId);
    if (it != m_folders.constEnd())
        return it.value();
    const QString original = upn.isEmpty() ? userId : upn;
    const QString folder = unique(&m_takenFolders, safeFileNameComponent(original, 80), QString(), userId);
    m_folders.insert(userId, folder);
    return folder;
}

QString TranscriptFileNames::fileFor(const QString &folder, const TranscriptSession &s, const QString &suffix)
{
    const QString day = s.day.isValid() ? s.day.toString(Qt::ISODate) : u"0000-00-00"_s;
    const QString session = s.sessionId.isEmpty() ? u"no-session"_s : safeFileNameComponent(s.sessionId, 64);
    return unique(&m_takenFiles[folder], day + u'_' + session, u'.' + suffix,
                  s.transcript.userId + QChar(0x1F) + s.sessionId + QChar(0x1F) + day);
}

} // namespace ledger
