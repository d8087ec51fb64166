#include "app/model/BodyTextMarkdown.h"

#include <QHash>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace ledger::BodyText {

int CitationTable::numberFor(const QString &url)
{
    qsizetype i = m_urls.indexOf(url);
    if (i < 0) {
        m_urls.append(url);
        i = m_urls.size() - 1;
    }
    return int(i + 1);
}

QList<Citation> CitationTable::citations() const
{
    QList<Citation> out;
    for (qsizetype i = 0; i < m_urls.size(); ++i)
        out.append({int(i + 1), m_urls.at(i)});
    return out;
}

namespace {

bool isAsciiPunct(QChar c)
{
    return c.unicode() < 128 && QStringView(u"!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~").contains(c);
}

// "1", "^2^", "12": the label of a citation marker; returns the number or 0.
int citationLabel(QStringView label)
{
    QStringView l = label;
    if (l.startsWith(u'^'))
        l = l.mid(1);
    if (l.endsWith(u'^'))
        l.chop(1);
    if (l.isEmpty() || l.size() > 3)
        return 0;
    for (const QChar c : l)
        if (c < u'0' || c > u'9')
            return 0;
    return l.toInt();
}

struct Piece {
    enum Kind { Text, Delim } kind = Text;
    QString plain, display;
    QChar ch;
    bool canOpen = false, canClose = false, paired = false;
};

class Converter {
public:
    Converter(CitationTable *citations, const QHash<QString, QString> &refs) : m_citations(citations), m_refs(refs) {}
    QList<MarkdownLink> links;

    // Inline content of one line → plain and display forms.
    void inlineText(QStringView s, QString *plain, QString *display, int depth = 0)
    {
        QList<Piece> pieces;
        auto text = [&pieces](const QString &p, const QString &d) {
            if (!pieces.isEmpty() && pieces.last().kind == Piece::Text) {
                pieces.last().plain += p;
                pieces.last().display += d;
            } else {
                Piece x;
                x.plain = p;
                x.display = d;
                pieces.append(x);
            }
        };
        qsizetype i = 0;
        const qsizetype n = s.size();
        while (i < n) {
            const QChar c = s.at(i);
            if (c == u'\\' && i + 1 < n && isAsciiPunct(s.at(i + 1))) {
                text(QString(s.at(i + 1)), s.mid(i, 2).toString());
                i += 2;
                continue;
            }
            if (c == u'`') {
                qsizetype run = i;
                while (run < n && s.at(run) == u'`')
                    ++run;
                const QString fence = s.mid(i, run - i).toString();
                const qsizetype close = s.indexOf(fence, run);
                if (close > 0) {
                    text(s.mid(run, close - run).trimmed().toString(), s.mid(i, close + fence.size() - i).toString());
                    i = close + fence.size();
                } else {
                    text(fence, fence);
                    i = run;
                }
                continue;
            }
            if (c == u'[' || (c == u'!' && i + 1 < n && s.at(i + 1) == u'[')) {
                const bool image = c == u'!';
                qsizetype end = 0;
                QString p, d;
                if (link(s, image ? i + 1 : i, &end, &p, &d, depth)) {
                    text(p, d);
                    i = end;
                    continue;
                }
                text(QString(c), QString(c));
                ++i;
                continue;
            }
            if (c == u'*' || c == u'_' || c == u'~') {
                qsizetype run = i;
                while (run < n && s.at(run) == c)
                    ++run;
                const QString chars = s.mid(i, run - i).toString();
                const QChar before = i > 0 ? s.at(i - 1) : QChar(u' ');
                const QChar after = run < n ? s.at(run) : QChar(u' ');
                Piece x;
                x.kind = Piece::Delim;
                x.ch = c;
                x.plain = x.display = chars;
                x.canOpen = !after.isSpace();
                x.canClose = !before.isSpace();
                if (c == u'_') {   // snake_case stays as it is
                    x.canOpen = x.canOpen && !before.isLetterOrNumber();
                    x.canClose = x.canClose && !after.isLetterOrNumber();
                }
                if (c == u'~' && chars.size() != 2)
                    x.canOpen = x.canClose = false;
                pieces.append(x);
                i = run;
                continue;
            }
            text(QString(c), QString(c));
            ++i;
        }
        // Pair emphasis delimiters (same character and length); unpaired ones stay literal.
        QList<int> open;
        for (int k = 0; k < pieces.size(); ++k) {
            Piece &x = pieces[k];
            if (x.kind != Piece::Delim)
                continue;
            if (x.canClose) {
                for (qsizetype o = open.size() - 1; o >= 0; --o) {
                    Piece &y = pieces[open.at(o)];
                    if (y.ch == x.ch && y.plain.size() == x.plain.size()) {
                        y.paired = x.paired = true;
                        open.resize(o);
                        break;
                    }
                }
                if (x.paired)
                    continue;
            }
            if (x.canOpen)
                open.append(k);
        }
        for (const Piece &x : std::as_const(pieces)) {
            if (!(x.kind == Piece::Delim && x.paired))
                *plain += x.plain;
            *display += x.display;
        }
    }

private:
    // [label](dest) or [label] with a reference definition, at s[pos] == '['.
    bool link(QStringView s, qsizetype pos, qsizetype *end, QString *plain, QString *display, int depth)
    {
        qsizetype i = pos + 1;
        int nest = 0;
        while (i < s.size()) {
            const QChar c = s.at(i);
            if (c == u'\\') {
                i += 2;
                continue;
            }
            if (c == u'[')
                ++nest;
            else if (c == u']' && nest-- == 0)
                break;
            ++i;
        }
        if (i >= s.size())
            return false;
        const QStringView label = s.mid(pos + 1, i - pos - 1);
        qsizetype after = i + 1;
        QString url;
        bool hasUrl = false;
        if (after < s.size() && s.at(after) == u'(') {
            qsizetype j = after + 1;
            int parens = 0;
            while (j < s.size()) {
                const QChar c = s.at(j);
                if (c == u'(')
                    ++parens;
                else if (c == u')' && parens-- == 0)
                    break;
                ++j;
            }
            if (j >= s.size())
                return false;
            QString dest = s.mid(after + 1, j - after - 1).trimmed().toString();
            if (dest.startsWith(u'<')) {
                const qsizetype gt = dest.indexOf(u'>');
                dest = gt > 0 ? dest.mid(1, gt - 1) : dest.mid(1);
            } else {
                const qsizetype sp = dest.indexOf(u' ');
                if (sp > 0)
                    dest = dest.left(sp);   // a "title" after the URL
            }
            url = dest;
            hasUrl = true;
            after = j + 1;
        } else if (const auto it = m_refs.constFind(label.toString().toLower()); it != m_refs.constEnd()) {
            url = it.value();
            hasUrl = true;
        }
        const int cite = citationLabel(label);
        if (cite > 0) {
            if (hasUrl && !url.isEmpty()) {
                const int k = m_citations->numberFor(url);
                *plain = u"[%1]"_s.arg(k);
                *display = u"[\\[%1\\]](%2)"_s.arg(k).arg(url);   // shown as "[1]", a link
            } else {
                *plain = u"[%1]"_s.arg(cite);
                *display = u"\\[%1\\]"_s.arg(cite);
            }
            *end = after;
            return true;
        }
        if (!hasUrl || depth > 8)
            return false;
        QString lp, ld;
        inlineText(label, &lp, &ld, depth + 1);
        *plain = lp;
        *display = u"["_s + ld + u"]("_s + url + u')';
        if (!url.isEmpty())
            links.append({lp.trimmed(), url});
        *end = after;
        return true;
    }

    CitationTable *m_citations;
    const QHash<QString, QString> &m_refs;
};

const QRegularExpression &re(const char *pattern)
{
    // One compiled expression per pattern (the patterns below are literals).
    thread_local QHash<const char *, QRegularExpression> cache;
    auto it = cache.find(pattern);
    if (it == cache.end())
        it = cache.insert(pattern, QRegularExpression(QString::fromLatin1(pattern)));
    return it.value();
}

} // namespace

MarkdownText convertMarkdown(const QString &markdown, CitationTable *citations)
{
    QString src = markdown;
    src.replace("\r\n"_L1, "\n"_L1);
    src.replace(u'\r', u'\n');
    const QStringList lines = src.split(u'\n');

    // Reference definitions ("[1]: https://… "title"") are collected first and not shown.
    QHash<QString, QString> refs;
    QList<bool> isDefinition(lines.size(), false);
    bool fenced = false;
    for (qsizetype k = 0; k < lines.size(); ++k) {
        const QString &l = lines.at(k);
        if (re(R"(^ {0,3}(```|~~~))").match(l).hasMatch())
            fenced = !fenced;
        if (fenced)
            continue;
        const auto m = re(R"(^ {0,3}\[([^\]]+)\]:\s*<?([^\s>]+)>?.*$)").match(l);
        if (m.hasMatch()) {
            refs.insert(m.captured(1).toLower(), m.captured(2));
            isDefinition[k] = true;
        }
    }

    Converter conv(citations, refs);
    QStringList plain, display;
    fenced = false;
    for (qsizetype k = 0; k < lines.size(); ++k) {
        const QString &l = lines.at(k);
        if (re(R"(^ {0,3}(```|~~~))").match(l).hasMatch()) {
            fenced = !fenced;
            display << l;
            continue;
        }
        if (fenced) {
            plain << l;
            display << l;
            continue;
        }
        if (isDefinition.at(k))
            continue;
        QString p, d;
        if (l.trimmed().isEmpty()) {
            plain << QString();
            display << QString();
            continue;
        }
        if (auto m = re(R"(^ {0,3}(#{1,6})\s+(.*?)\s*#*\s*$)").match(l); m.hasMatch()) {
            conv.inlineText(m.capturedView(2), &p, &d);
            plain << p;
            display << m.captured(1) + u' ' + d;
        } else if (re(R"(^ {0,3}([-*_])(\s*\1){2,}\s*$)").match(l).hasMatch()) {
            plain << QString();
            display << l;
        } else if (auto m = re(R"(^(\s*)([-*+])\s+(.*)$)").match(l); m.hasMatch()) {
            conv.inlineText(m.capturedView(3), &p, &d);
            const QString indent(int(m.capturedLength(1) / 2) * 2, u' ');
            plain << indent + u"• "_s + p;
            display << m.captured(1) + m.captured(2) + u' ' + d;
        } else if (auto m = re(R"(^(\s*)(\d{1,9})([.)])\s+(.*)$)").match(l); m.hasMatch()) {
            conv.inlineText(m.capturedView(4), &p, &d);
            const QString indent(int(m.capturedLength(1) / 2) * 2, u' ');
            plain << indent + m.captured(2) + u". "_s + p;
            display << m.captured(1) + m.captured(2) + m.captured(3) + u' ' + d;
        } else if (auto m = re(R"(^ {0,3}>\s?(.*)$)").match(l); m.hasMatch()) {
            conv.inlineText(m.capturedView(1), &p, &d);
            plain << p;
            display << u"> "_s + d;
        } else if (l.trimmed().startsWith(u'|')) {
            if (re(R"(^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$)").match(l).hasMatch()) {
                display << l;
                continue;
            }
            QString row = l.trimmed().mid(1);
            if (row.endsWith(u'|') && !row.endsWith(u"\\|"))
                row.chop(1);
            QStringList cellsPlain, cellsDisplay;
            for (const QString &cell : row.split(re(R"((?<!\\)\|)"))) {
                QString cp, cd;
                conv.inlineText(QStringView(cell).trimmed(), &cp, &cd);
                cellsPlain << cp;
                cellsDisplay << cd;
            }
            plain << cellsPlain.join(u'\t');
            display << u"| "_s + cellsDisplay.join(u" | "_s) + u" |"_s;
        } else {
            conv.inlineText(QStringView(l).trimmed(), &p, &d);
            plain << p;
            display << d;
        }
    }

    MarkdownText out;
    // Paragraphs: never more than one empty line in a row, none at the ends.
    QString text;
    for (const QString &l : std::as_const(plain)) {
        QString line = l;
        while (!line.isEmpty() && line.back().isSpace())
            line.chop(1);
        if (line.isEmpty() && (text.isEmpty() || text.endsWith("\n\n"_L1)))
            continue;
        text += line + u'\n';
    }
    out.plain = text.trimmed();
    out.display = display.join(u'\n').trimmed();
    out.links = conv.links;
    return out;
}

QString markdownToPlainText(const QString &markdown)
{
    CitationTable table;
    return convertMarkdown(markdown, &table).plain;
}

QString comparableText(const QString &markdown)
{
    QString t = markdownToPlainText(markdown);
    t.remove(re(R"(\[\^?\d{1,3}\^?\])"));
    return t.simplified();
}

} // namespace ledger::BodyText
