#include "app/transcript/TranscriptWriter.h"

#include "app/transcript/TimeText.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSaveFile>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextList>

using namespace Qt::StringLiterals;

namespace ledger {

namespace {


QString esc(const QString &s)
{
    // toHtmlEscaped covers < > & "; add ' so the text is also safe in any attribute quoting.
    QString out = s.toHtmlEscaped();
    out.replace(u'\'', "&#39;"_L1);
    return out;
}

QString linkLine(const TranscriptLink &l)
{
    if (l.text.isEmpty() || l.text == l.url)
        return l.url;
    if (l.url.isEmpty())
        return l.text;
    return l.text + " <"_L1 + l.url + u'>';
}

QString citationLine(const TranscriptCitation &c)
{
    return u"[%1] "_s.arg(c.number) + (c.title.isEmpty() ? c.url : c.title + " <"_L1 + c.url + u'>');
}

// A card answer's Markdown as simple, escaped HTML: paragraphs, lists, headings, bold, italic,
// code; links stay text (the URL is in the title and in the list of sources/links below).
QString markdownHtml(const QString &markdown)
{
    QTextDocument doc;
    doc.setMarkdown(markdown, QTextDocument::MarkdownFeatures(QTextDocument::MarkdownDialectGitHub
                                                              | QTextDocument::MarkdownNoHTML));
    QString h;
    QTextList *open = nullptr;
    auto closeList = [&] {
        if (open)
            h += open->format().style() <= QTextListFormat::ListDecimal ? "</ol>\n"_L1 : "</ul>\n"_L1;
        open = nullptr;
    };
    for (QTextBlock b = doc.begin(); b.isValid(); b = b.next()) {
        QString inner;
        for (auto it = b.begin(); !it.atEnd(); ++it) {
            const QTextFragment f = it.fragment();
            if (!f.isValid() || f.charFormat().isImageFormat())
                continue;
            const QTextCharFormat cf = f.charFormat();
            QString t = esc(f.text());
            t.replace(QChar::LineSeparator, "<br>"_L1);
            if (cf.fontFixedPitch())
                t = "<code>"_L1 + t + "</code>"_L1;
            if (cf.fontItalic())
                t = "<em>"_L1 + t + "</em>"_L1;
            if (cf.fontWeight() >= QFont::DemiBold)
                t = "<strong>"_L1 + t + "</strong>"_L1;
            if (cf.isAnchor())
                t = "<span class=\"link\" title=\""_L1 + esc(cf.anchorHref()) + "\">"_L1 + t + "</span>"_L1;
            inner += t;
        }
        QTextList *list = b.textList();
        if (list != open) {
            closeList();
            if (list)
                h += list->format().style() <= QTextListFormat::ListDecimal ? "<ol>\n"_L1 : "<ul>\n"_L1;
            open = list;
        }
        if (list)
            h += "<li>"_L1 + inner + "</li>\n"_L1;
        else if (inner.isEmpty())
            continue;
        else if (const int level = b.blockFormat().headingLevel())
            h += u"<h%1>"_s.arg(qBound(3, level + 2, 6)) + inner + u"</h%1>\n"_s.arg(qBound(3, level + 2, 6));
        else
            h += "<p>"_L1 + inner + "</p>\n"_L1;
    }
    closeList();
    return h;
}

QString headerLine(const Transcript &t, bool showUtc)
{
    QStringList parts;
    if (!t.appName.isEmpty())
        parts << t.appName;
    if (t.started.isValid())
        parts << TranscriptWriter::tr("started %1").arg(displayTimeText(t.started, showUtc));
    parts << TranscriptWriter::tr("%n prompts", nullptr, t.promptCount);
    parts << TranscriptWriter::tr("%n responses", nullptr, t.responseCount);
    return parts.join(u" · "_s);
}

QString userLine(const Transcript &t)
{
    QString who = t.userName.isEmpty() ? t.userPrincipalName : t.userName;
    if (!t.userName.isEmpty() && !t.userPrincipalName.isEmpty())
        who += " <"_L1 + t.userPrincipalName + u'>';
    if (who.isEmpty())
        who = t.userId;
    return who;
}

} // namespace

QString TranscriptWriter::toText(const Transcript &t, bool showUtc)
{
    QString out;
    out += TranscriptWriter::tr("Copilot conversation") + u" — "_s + userLine(t) + u'\n';
    QStringList meta;
    if (!t.appName.isEmpty())
        meta << TranscriptWriter::tr("App: %1").arg(t.appName);
    if (t.started.isValid())
        meta << TranscriptWriter::tr("Started: %1").arg(displayTimeText(t.started, showUtc));
    meta << TranscriptWriter::tr("Turns: %1, %2")
                .arg(TranscriptWriter::tr("%n prompts", nullptr, t.promptCount),
                     TranscriptWriter::tr("%n responses", nullptr, t.responseCount));
    if (!t.sessionId.isEmpty())
        meta << TranscriptWriter::tr("Session: %1").arg(t.sessionId);
    out += meta.join(u'\n') + u'\n';

    for (const TranscriptMessage &m : t.messages) {
        out += "\n----------------------------------------\n"_L1;
        out += m.author + u" · "_s + displayTimeText(m.created, showUtc);
        if (!m.appName.isEmpty())
            out += u" · "_s + m.appName;
        out += "\n\n"_L1;
        out += m.text.trimmed() + u'\n';
        if (!m.citations.isEmpty()) {
            out += u'\n' + TranscriptWriter::tr("Sources:") + u'\n';
            for (const TranscriptCitation &c : m.citations)
                out += citationLine(c) + u'\n';
        }
        if (!m.attachments.isEmpty())
            out += u'\n' + TranscriptWriter::tr("Attachments: %1").arg(m.attachments.join("; "_L1)) + u'\n';
        for (const TranscriptLink &l : m.links)
            out += TranscriptWriter::tr("Link: %1").arg(linkLine(l)) + u'\n';
        if (!m.mentions.isEmpty())
            out += TranscriptWriter::tr("Mentions: %1").arg(m.mentions.join("; "_L1)) + u'\n';
        if (!m.contexts.isEmpty())
            out += TranscriptWriter::tr("Context: %1").arg(m.contexts.join("; "_L1)) + u'\n';
    }
    return out;
}

QString TranscriptWriter::toHtml(const Transcript &t, bool showUtc)
{
    QString h;
    h += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"_L1;
    h += "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"_L1;
    h += "<meta name=\"generator\" content=\"Copilot Ledger "_L1 + esc(QStringLiteral(LEDGER_VERSION)) + "\">\n"_L1;
    h += "<title>"_L1 + esc(TranscriptWriter::tr("Copilot conversation") + u" — "_s + userLine(t)) + "</title>\n"_L1;
    h += "<style>\n"
         "body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;margin:2em auto;max-width:52em;"
         "color:#1f2328;background:#fff;line-height:1.45}\n"
         "h1{font-size:1.35em;margin:0 0 .2em}\n"
         ".meta{color:#59636e;margin:0 0 1.5em}\n"
         ".msg{border:1px solid #d0d7de;border-radius:8px;padding:.7em 1em;margin:.8em 0}\n"
         ".prompt{background:#eef4ff;margin-left:12%;border-color:#b6cffb}\n"
         ".response{background:#f6f8fa;margin-right:12%}\n"
         ".who{font-weight:600}\n"
         ".when{color:#59636e;font-size:.9em;margin-left:.6em}\n"
         ".text{white-space:pre-wrap;overflow-wrap:anywhere;margin:.4em 0 0}\n"
         ".md{overflow-wrap:anywhere;margin:.4em 0 0}.md p,.md ul,.md ol{margin:.3em 0}.link{text-decoration:underline}\n"
         ".extra{color:#59636e;font-size:.88em;margin:.4em 0 0;overflow-wrap:anywhere}\n"
         "</style>\n</head>\n<body>\n"_L1;
    h += "<h1>"_L1 + esc(TranscriptWriter::tr("Copilot conversation") + u" — "_s + userLine(t)) + "</h1>\n"_L1;
    h += "<p class=\"meta\">"_L1 + esc(headerLine(t, showUtc));
    if (!t.sessionId.isEmpty())
        h += "<br>"_L1 + esc(TranscriptWriter::tr("Session: %1").arg(t.sessionId));
    h += "</p>\n"_L1;

    for (const TranscriptMessage &m : t.messages) {
        const char *cls = m.role == MessageRole::Prompt ? "prompt" : m.role == MessageRole::Response ? "response" : "other";
        h += "<div class=\"msg "_L1 + QLatin1StringView(cls) + "\">\n"_L1;
        h += "<div><span class=\"who\">"_L1 + esc(m.author) + "</span><span class=\"when\" title=\""_L1
            + esc(utcTooltipText(m.created)) + "\">"_L1 + esc(displayTimeText(m.created, showUtc));
        if (!m.appName.isEmpty())
            h += u" · "_s + esc(m.appName);
        h += "</span></div>\n"_L1;
        if (!m.markdown.isEmpty())
            h += "<div class=\"md\">"_L1 + markdownHtml(m.markdown) + "</div>\n"_L1;
        else
            h += "<div class=\"text\">"_L1 + esc(m.text.trimmed()) + "</div>\n"_L1;
        auto extra = [&h](const QString &line) { h += "<div class=\"extra\">"_L1 + esc(line) + "</div>\n"_L1; };
        if (!m.citations.isEmpty()) {
            extra(TranscriptWriter::tr("Sources:"));
            for (const TranscriptCitation &c : m.citations)
                extra(citationLine(c));
        }
        if (!m.attachments.isEmpty())
            extra(TranscriptWriter::tr("Attachments: %1").arg(m.attachments.join("; "_L1)));
        for (const TranscriptLink &l : m.links)
            extra(TranscriptWriter::tr("Link: %1").arg(linkLine(l)));
        if (!m.mentions.isEmpty())
            extra(TranscriptWriter::tr("Mentions: %1").arg(m.mentions.join("; "_L1)));
        if (!m.contexts.isEmpty())
            extra(TranscriptWriter::tr("Context: %1").arg(m.contexts.join("; "_L1)));
        h += "</div>\n"_L1;
    }
    h += "</body>\n</html>\n"_L1;
    return h;
}

QString TranscriptWriter::escapeHtml(const QString &text)
{
    return esc(text);
}

QString TranscriptWriter::markdownToHtml(const QString &markdown)
{
    return markdownHtml(markdown);
}

TranscriptWriter::Format TranscriptWriter::formatForPath(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    return (suffix == "html"_L1 || suffix == "htm"_L1) ? Format::Html : Format::Text;
}

bool TranscriptWriter::save(const Transcript &t, const QString &path, Format format, bool showUtc, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = TranscriptWriter::tr("Could not create %1: %2").arg(path, file.errorString());
        return false;
    }
    const QByteArray bytes = (format == Format::Html ? toHtml(t, showUtc) : toText(t, showUtc)).toUtf8();
    if (file.write(bytes) != bytes.size() || !file.commit()) {
        if (error)
            *error = TranscriptWriter::tr("Could not write %1: %2").arg(path, file.errorString());
        file.cancelWriting();
        return false;
    }
    return true;
}

QString TranscriptWriter::suggestedFileName(const Transcript &t, Format format)
{
    QString who = t.userName.isEmpty() ? t.userPrincipalName : t.userName;
    QString name = TranscriptWriter::tr("Conversation");
    if (!who.isEmpty())
        name += " - "_L1 + who;
    if (t.started.isValid())
        name += " - "_L1 + t.started.toUTC().toString(QStringLiteral("yyyy-MM-dd"));
    static const QRegularExpression unsafe(QStringLiteral(R"([\\/:*?"<>|\x00-\x1f]+)"));
    name.replace(unsafe, QStringLiteral("_"));
    return name + (format == Format::Html ? ".html"_L1 : ".txt"_L1);
}

} // namespace ledger
