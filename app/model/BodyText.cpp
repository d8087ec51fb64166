#include "app/model/BodyText.h"
#include "app/model/BodyTextEntities.h"

#include <QHash>
#include <QJsonDocument>
#include <functional>

using namespace Qt::StringLiterals;

namespace ledger::BodyText {

namespace {

using Resolver = std::function<QString(const QString &id)>;

// Collects text like a browser lays it out: runs of white space collapse to one space, block
// boundaries become line breaks, never more than one empty line in a row.
class TextSink {
public:
    void text(QStringView t, bool preformatted)
    {
        for (const QChar c : t) {
            if (preformatted) {
                if (c == u'\r')
                    continue;
                flushSpace();
                m_out.append(c);
                continue;
            }
            if (c.isSpace() && c != QChar(0xA0)) {
                m_space = true;
                continue;
            }
            flushSpace();
            m_out.append(c == QChar(0xA0) ? QChar(u' ') : c);
        }
    }
    void hardSpace() { flushSpace(); m_out.append(u' '); }
    void lineBreak()   // <br>: always a new line (at most one empty line)
    {
        trimTrailingSpaces();
        m_space = false;
        if (m_out.isEmpty())
            return;
        if (m_out.endsWith("\n\n"_L1))
            return;
        m_out.append(u'\n');
    }
    void block()       // block boundary: start a new line if the current one has text
    {
        trimTrailingSpaces();
        m_space = false;
        if (!m_out.isEmpty() && !m_out.endsWith(u'\n'))
            m_out.append(u'\n');
    }
    void separator(QStringView sep)   // between table cells
    {
        trimTrailingSpaces();
        m_space = false;
        if (!m_out.isEmpty() && !m_out.endsWith(u'\n'))
            m_out.append(sep);
    }
    QString result()
    {
        QString s = m_out;
        // trim each line's trailing blanks and the text's ends
        while (!s.isEmpty() && s.back().isSpace())
            s.chop(1);
        qsizetype start = 0;
        while (start < s.size() && s.at(start).isSpace())
            ++start;
        return s.mid(start);
    }
private:
    void flushSpace()
    {
        if (m_space && !m_out.isEmpty() && !m_out.endsWith(u'\n') && !m_out.endsWith(u' '))
            m_out.append(u' ');
        m_space = false;
    }
    void trimTrailingSpaces()
    {
        while (!m_out.isEmpty() && (m_out.back() == u' ' || m_out.back() == u'\t'))
            m_out.chop(1);
    }
    QString m_out;
    bool m_space = false;
};

QString codePointString(char32_t cp)
{
    if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        cp = 0xFFFD;
    return QString::fromUcs4(&cp, 1);
}

// Numeric references to 0x80–0x9F mean windows-1252 (as HTML5 decodes them).
char32_t windows1252(char32_t cp)
{
    static const char16_t c1[32] = {0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
                                    0x2039, 0x0152, 0x8D, 0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
                                    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178};
    return cp >= 0x80 && cp <= 0x9F ? char32_t(c1[cp - 0x80]) : cp;
}

bool isAsciiAlnum(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || (u >= u'0' && u <= u'9');
}

// Tag and attribute names are ASCII case-insensitive in HTML ("<BR>", "<Attachment>"); Unicode
// case folding would also match look-alikes such as "ſ" (long s) for "s", which HTML does not.
QString asciiLower(QStringView s)
{
    QString out = s.toString();
    for (QChar &c : out)
        if (c >= u'A' && c <= u'Z')
            c = QChar(c.unicode() + 32);
    return out;
}

// needle: lower-case ASCII.
qsizetype asciiIndexOf(QStringView haystack, QStringView needle, qsizetype from)
{
    for (qsizetype i = qMax<qsizetype>(0, from); i + needle.size() <= haystack.size(); ++i) {
        qsizetype k = 0;
        while (k < needle.size()) {
            QChar c = haystack.at(i + k);
            if (c >= u'A' && c <= u'Z')
                c = QChar(c.unicode() + 32);
            if (c != needle.at(k))
                break;
            ++k;
        }
        if (k == needle.size())
            return i;
    }
    return -1;
}

// Decodes the character reference starting at s[pos] == '&' the way an HTML5 parser does: numeric
// references (decimal, hex), and the longest named reference of the WHATWG list at that place
// ("&notit;" is "¬it;"; the legacy names such as "&amp" and "&eacute" also without ';'). In an
// attribute value a legacy name followed by '=' or a letter or digit stays literal. Returns the
// decoded text and advances pos; anything else leaves the '&' as literal text.
QString decodeEntity(QStringView s, qsizetype &pos, bool inAttribute = false)
{
    const qsizetype start = pos + 1;
    if (start < s.size() && s.at(start) == u'#') {
        qsizetype i = start + 1;
        const bool hex = i < s.size() && (s.at(i) == u'x' || s.at(i) == u'X');
        if (hex)
            ++i;
        const qsizetype digits = i;
        char32_t cp = 0;
        bool overflow = false;
        while (i < s.size() && (hex ? isAsciiAlnum(s.at(i)) && QStringView(u"0123456789abcdefABCDEF").contains(s.at(i))
                                    : (s.at(i) >= u'0' && s.at(i) <= u'9'))) {
            const int d = s.at(i).isDigit() ? s.at(i).unicode() - u'0' : (s.at(i).toLower().unicode() - u'a' + 10);
            if (cp > 0x10FFFF)
                overflow = true;
            else
                cp = cp * (hex ? 16 : 10) + char32_t(d);
            ++i;
        }
        if (i > digits) {
            pos = i < s.size() && s.at(i) == u';' ? i + 1 : i;
            return codePointString(overflow ? 0xFFFD : windows1252(cp));
        }
    } else {
        // The longest names are 32 characters with their ';'.
        qsizetype run = start;
        while (run < s.size() && run - start < 32 && isAsciiAlnum(s.at(run)))
            ++run;
        if (run > start) {
            QByteArray name = s.mid(start, run - start).toLatin1();
            QString decoded;
            if (run < s.size() && s.at(run) == u';' && namedEntity(QByteArray(name + ';').constData(), &decoded)) {
                pos = run + 1;
                return decoded;
            }
            for (qsizetype len = name.size(); len >= 2; --len) {
                name.truncate(len);
                if (!namedEntity(name.constData(), &decoded))
                    continue;
                const qsizetype after = start + len;
                if (inAttribute && after < s.size() && (s.at(after) == u'=' || isAsciiAlnum(s.at(after))))
                    break;
                pos = after;
                return decoded;
            }
        }
    }
    pos = start;
    return u"&"_s;
}

QString decodeAttributeValue(QStringView s)
{
    QString out;
    out.reserve(s.size());
    qsizetype i = 0;
    while (i < s.size()) {
        if (s.at(i) == u'&')
            out += decodeEntity(s, i, true);
        else
            out += s.at(i++);
    }
    return out;
}

struct Tag {
    QString name;      // lower case
    bool closing = false;
    bool selfClosing = false;
    QHash<QString, QString> attributes;
};

bool isNameChar(QChar c) { return c.isLetterOrNumber() || c == u'-' || c == u':' || c == u'_'; }

// Parses a tag at s[pos] == '<'. On success sets end to the index after '>' and returns true.
bool parseTag(QStringView s, qsizetype pos, Tag *tag, qsizetype *end)
{
    qsizetype i = pos + 1;
    if (i < s.size() && s.at(i) == u'/') {
        tag->closing = true;
        ++i;
    }
    if (i >= s.size() || !s.at(i).isLetter())
        return false;
    const qsizetype nameStart = i;
    while (i < s.size() && isNameChar(s.at(i)))
        ++i;
    tag->name = asciiLower(s.mid(nameStart, i - nameStart));
    while (i < s.size()) {
        const QChar c = s.at(i);
        if (c == u'>') {
            *end = i + 1;
            return true;
        }
        if (c == u'/' ) {
            tag->selfClosing = true;
            ++i;
            continue;
        }
        if (c.isSpace()) {
            ++i;
            continue;
        }
        if (c == u'<')
            return false;   // "<b <i>": not a tag, let the next '<' start over
        tag->selfClosing = false;
        const qsizetype an = i;
        while (i < s.size() && !s.at(i).isSpace() && s.at(i) != u'=' && s.at(i) != u'>' && s.at(i) != u'/')
            ++i;
        const QString attrName = asciiLower(s.mid(an, i - an));
        while (i < s.size() && s.at(i).isSpace())
            ++i;
        QString value;
        if (i < s.size() && s.at(i) == u'=') {
            ++i;
            while (i < s.size() && s.at(i).isSpace())
                ++i;
            if (i < s.size() && (s.at(i) == u'"' || s.at(i) == u'\'')) {
                const QChar q = s.at(i);
                const qsizetype close = s.indexOf(q, i + 1);
                if (close < 0)
                    return false;
                value = decodeAttributeValue(s.mid(i + 1, close - i - 1));
                i = close + 1;
            } else {
                const qsizetype vs = i;
                while (i < s.size() && !s.at(i).isSpace() && s.at(i) != u'>')
                    ++i;
                value = decodeAttributeValue(s.mid(vs, i - vs));
            }
        }
        if (!attrName.isEmpty())
            tag->attributes.insert(attrName, value);
    }
    return false;
}

bool isBlockTag(const QString &n)
{
    static const QStringList blocks = {
        u"p"_s, u"div"_s, u"tr"_s, u"table"_s, u"ul"_s, u"ol"_s, u"h1"_s, u"h2"_s, u"h3"_s,
        u"h4"_s, u"h5"_s, u"h6"_s, u"blockquote"_s, u"pre"_s, u"section"_s, u"article"_s,
        u"header"_s, u"footer"_s, u"hr"_s, u"dl"_s, u"dt"_s, u"dd"_s, u"thead"_s, u"tbody"_s,
        u"tfoot"_s, u"caption"_s, u"figure"_s, u"figcaption"_s, u"address"_s, u"nav"_s,
        u"main"_s, u"aside"_s, u"form"_s, u"fieldset"_s, u"details"_s, u"summary"_s,
    };
    return blocks.contains(n);
}

bool isDroppedContentTag(const QString &n)
{
    return n == u"script" || n == u"style" || n == u"template" || n == u"noscript" || n == u"iframe"
        || n == u"object" || n == u"svg" || n == u"head" || n == u"title" || n == u"textarea";
}

QString convert(QStringView s, const Resolver &resolve)
{
    TextSink sink;
    int pre = 0;
    qsizetype i = 0;
    qsizetype textStart = 0;
    auto flushText = [&](qsizetype upTo) {
        if (upTo <= textStart)
            return;
        const QStringView run = s.mid(textStart, upTo - textStart);
        qsizetype k = 0;
        qsizetype plain = 0;
        while (k < run.size()) {
            if (run.at(k) == u'&') {
                sink.text(run.mid(plain, k - plain), pre > 0);
                const QString decoded = decodeEntity(run, k);
                if (decoded == QString(QChar(0xA0)))
                    sink.hardSpace();
                else
                    sink.text(decoded, true);
                plain = k;
            } else {
                ++k;
            }
        }
        sink.text(run.mid(plain), pre > 0);
    };
    while (i < s.size()) {
        if (s.at(i) != u'<') {
            ++i;
            continue;
        }
        // comments, doctype, processing instructions
        if (s.mid(i).startsWith(u"<!--")) {
            flushText(i);
            const qsizetype close = s.indexOf(u"-->", i + 4);
            i = close < 0 ? s.size() : close + 3;
            textStart = i;
            continue;
        }
        if (i + 1 < s.size() && (s.at(i + 1) == u'!' || s.at(i + 1) == u'?')) {
            flushText(i);
            const qsizetype close = s.indexOf(u'>', i + 2);
            i = close < 0 ? s.size() : close + 1;
            textStart = i;
            continue;
        }
        Tag tag;
        qsizetype end = 0;
        if (!parseTag(s, i, &tag, &end)) {
            ++i;   // a stray '<' is text
            continue;
        }
        flushText(i);
        i = end;
        textStart = i;
        const QString &n = tag.name;
        if (!tag.closing && !tag.selfClosing && isDroppedContentTag(n)) {
            // skip to the matching end tag (or to the end when it never comes)
            const QString closeTag = u"</"_s + n;
            qsizetype close = asciiIndexOf(s, closeTag, i);
            while (close >= 0 && close + closeTag.size() < s.size() && isNameChar(s.at(close + closeTag.size())))
                close = asciiIndexOf(s, closeTag, close + 1);
            if (close < 0) {
                i = s.size();
            } else {
                const qsizetype gt = s.indexOf(u'>', close);
                i = gt < 0 ? s.size() : gt + 1;
            }
            textStart = i;
            continue;
        }
        if (n == u"br") {
            sink.lineBreak();
        } else if (n == u"li") {
            sink.block();
            if (!tag.closing)
                sink.text(u"• ", true);
        } else if (n == u"td" || n == u"th") {
            if (!tag.closing)
                sink.separator(u"\t");
        } else if (n == u"attachment") {
            if (!tag.closing) {
                const QString text = resolve ? resolve(tag.attributes.value(u"id"_s)) : QString();
                if (!text.isEmpty()) {
                    sink.block();
                    sink.text(text, true);
                    sink.block();
                }
            }
        } else if (isBlockTag(n)) {
            if (n == u"pre")
                pre = qMax(0, pre + (tag.closing ? -1 : (tag.selfClosing ? 0 : 1)));
            sink.block();
        }
    }
    flushText(s.size());
    return sink.result();
}

// --- Adaptive Cards ---------------------------------------------------------------------------

struct CardItem {
    bool markdown = false;   // a TextBlock (Adaptive Cards' text is Markdown)
    QString text;
    QString id;
};

void cardItems(const QJsonValue &v, QList<CardItem> *items, int depth);

void cardArray(const QJsonValue &v, QList<CardItem> *items, int depth)
{
    for (const QJsonValue &e : v.toArray())
        cardItems(e, items, depth + 1);
}

void cardItems(const QJsonValue &v, QList<CardItem> *items, int depth)
{
    if (depth > 64 || !v.isObject())
        return;
    const QJsonObject o = v.toObject();
    const QString type = o.value("type"_L1).toString();
    if (type == u"TextBlock") {
        const QString t = o.value("text"_L1).toString().trimmed();
        if (!t.isEmpty())
            items->append({true, t, o.value("id"_L1).toString()});
        return;
    }
    if (type == u"RichTextBlock" || type == u"Paragraph") {
        QString line;
        for (const QJsonValue &in : o.value("inlines"_L1).toArray()) {
            if (in.isString())
                line += in.toString();
            else
                line += in.toObject().value("text"_L1).toString();
        }
        line = line.trimmed();
        if (!line.isEmpty())
            items->append({false, line, {}});
        return;
    }
    if (type == u"FactSet") {
        for (const QJsonValue &f : o.value("facts"_L1).toArray()) {
            const QJsonObject fo = f.toObject();
            const QString title = fo.value("title"_L1).toString().trimmed();
            const QString value = fo.value("value"_L1).toString().trimmed();
            if (title.isEmpty() && value.isEmpty())
                continue;
            items->append({false, title.isEmpty() ? value : title + u": "_s + value, {}});
        }
        return;
    }
    if (type == u"CodeBlock") {
        const QString t = o.value("codeSnippet"_L1).toString();
        if (!t.trimmed().isEmpty())
            items->append({false, t, {}});
        return;
    }
    if (type.startsWith(u"Action.") || type == u"ActionSet" || type == u"Image" || type == u"Media"
        || type.startsWith(u"Input."))
        return;
    // Containers of any kind (AdaptiveCard, Container, ColumnSet, Column, Table…): walk children.
    cardArray(o.value("body"_L1), items, depth);
    cardArray(o.value("items"_L1), items, depth);
    cardArray(o.value("columns"_L1), items, depth);
    for (const QJsonValue &row : o.value("rows"_L1).toArray())
        for (const QJsonValue &cell : row.toObject().value("cells"_L1).toArray())
            cardItems(cell, items, depth + 2);
}

// Copilot Chat puts its answer into a card twice: a Markdown TextBlock (with links and the URLs
// of its citations) and a TextBlock with the id "MessageTextField" holding the same sentences with
// bare citation markers ("[^2^]", "[3]") whose numbers refer to nothing in the export. When the
// two are the same text once Markdown and citation markers are removed, the MessageTextField copy
// is dropped: the Markdown block is kept because only it tells which sources were cited. Blocks
// whose text differs in anything else are all kept.
void dropDuplicateAnswer(QList<CardItem> *items)
{
    QList<QString> comparable;
    comparable.reserve(items->size());
    for (const CardItem &it : std::as_const(*items))
        comparable << (it.markdown ? comparableText(it.text) : QString());
    for (qsizetype k = items->size() - 1; k >= 0; --k) {
        const CardItem &it = items->at(k);
        if (!it.markdown || it.id.compare("MessageTextField"_L1, Qt::CaseInsensitive) != 0 || comparable.at(k).isEmpty())
            continue;
        for (qsizetype j = 0; j < items->size(); ++j) {
            if (j != k && items->at(j).markdown && comparable.at(j) == comparable.at(k)
                && items->at(j).id.compare("MessageTextField"_L1, Qt::CaseInsensitive) != 0) {
                items->removeAt(k);
                comparable.removeAt(k);
                break;
            }
        }
    }
}

// What a message's cards add up to: citations numbered across the whole message.
struct CardContext {
    CitationTable citations;
    QList<MarkdownLink> links;
    QStringList markdown;      // display Markdown of the cards, in order
    bool allMarkdown = true;   // every card item seen was a TextBlock
};

QString cardText(const QJsonValue &card, CardContext *ctx)
{
    QList<CardItem> items;
    cardItems(card, &items, 0);
    dropDuplicateAnswer(&items);
    QStringList lines;
    for (const CardItem &it : std::as_const(items)) {
        if (!it.markdown) {
            lines << it.text;
            if (ctx)
                ctx->allMarkdown = false;
            continue;
        }
        CitationTable scratch;
        const MarkdownText md = convertMarkdown(it.text, ctx ? &ctx->citations : &scratch);
        if (md.plain.isEmpty())
            continue;
        lines << md.plain;
        if (ctx) {
            ctx->markdown << md.display;
            ctx->links << md.links;
        }
    }
    return lines.join(u'\n');
}

QJsonValue cardValue(const QJsonValue &content)
{
    if (content.isObject())
        return content;
    const QJsonDocument doc = QJsonDocument::fromJson(content.toString().toUtf8());
    return doc.isObject() ? QJsonValue(doc.object()) : QJsonValue();
}

bool isCardType(const QString &ct)
{
    return ct.startsWith(u"application/vnd.microsoft.card.adaptive", Qt::CaseInsensitive);
}

QString attachmentText(const QJsonObject &a, CardContext *ctx)
{
    if (isCardType(a.value("contentType"_L1).toString()))
        return cardText(cardValue(a.value("content"_L1)), ctx);
    if (ctx)
        ctx->allMarkdown = false;
    const QString name = a.value("name"_L1).toString();
    return name.isEmpty() ? QString() : u"[Attachment: "_s + name + u"]"_s;
}

// Text bodies: only <attachment …></attachment> tags are replaced; everything else is kept.
QString resolveTextBody(const QString &text, const Resolver &resolve)
{
    QString out;
    qsizetype i = 0;
    while (i < text.size()) {
        const qsizetype open = asciiIndexOf(text, u"<attachment", i);
        if (open < 0)
            break;
        Tag tag;
        qsizetype end = 0;
        if (!parseTag(text, open, &tag, &end)) {
            out += QStringView(text).mid(i, open + 1 - i);
            i = open + 1;
            continue;
        }
        out += QStringView(text).mid(i, open - i);
        out += resolve(tag.attributes.value(u"id"_s));
        i = end;
        const qsizetype close = asciiIndexOf(text, u"</attachment>", i);
        if (close >= 0 && text.mid(i, close - i).trimmed().isEmpty())
            i = close + 13;
    }
    out += QStringView(text).mid(i);
    return out.trimmed();
}

} // namespace

QString htmlToPlainText(const QString &html)
{
    return convert(html, Resolver());
}

QString adaptiveCardText(const QString &cardJson)
{
    const QJsonDocument doc = QJsonDocument::fromJson(cardJson.toUtf8());
    if (!doc.isObject())
        return QString();
    return cardText(doc.object(), nullptr);
}

QString interactionText(const QJsonObject &interaction)
{
    return interactionContent(interaction).text;
}

Content interactionContent(const QJsonObject &interaction)
{
    const QJsonObject body = interaction.value("body"_L1).toObject();
    const QString content = body.value("content"_L1).toString();
    const bool html = body.value("contentType"_L1).toString().compare("html"_L1, Qt::CaseInsensitive) == 0;
    const QJsonArray attachments = interaction.value("attachments"_L1).toArray();
    QHash<QString, QJsonObject> byId;
    for (const QJsonValue &v : attachments) {
        const QJsonObject a = v.toObject();
        byId.insert(a.value("attachmentId"_L1).toString(), a);
    }
    CardContext ctx;
    QStringList used;
    int cards = 0;
    const Resolver resolve = [&](const QString &id) -> QString {
        const auto it = byId.constFind(id);
        if (it == byId.constEnd())
            return QString();
        used << id;
        ++cards;
        return attachmentText(it.value(), &ctx);
    };
    const bool hasTags = asciiIndexOf(content, u"<attachment", 0) >= 0;
    QString text;
    if (html)
        text = convert(content, resolve);
    else if (hasTags)
        text = resolveTextBody(content, resolve);
    else
        text = content.trimmed();
    // Does the body hold anything besides the cards?
    bool bodyOnlyCards = cards > 0;
    if (bodyOnlyCards) {
        const Resolver none = [](const QString &) { return QString(); };
        bodyOnlyCards = (html ? convert(content, none) : resolveTextBody(content, none)).isEmpty();
    }
    if (text.isEmpty()) {
        // Nothing in the body: show the cards that were not referenced by a tag.
        QStringList parts;
        bodyOnlyCards = true;
        for (const QJsonValue &v : attachments) {
            const QJsonObject a = v.toObject();
            if (used.contains(a.value("attachmentId"_L1).toString()))
                continue;
            if (!isCardType(a.value("contentType"_L1).toString()))
                continue;
            const QString t = attachmentText(a, &ctx);
            if (!t.isEmpty())
                parts << t;
        }
        text = parts.join(u'\n');
    }
    Content out;
    out.text = text;
    out.citations = ctx.citations.citations();
    out.links = ctx.links;
    if (bodyOnlyCards && ctx.allMarkdown && !ctx.markdown.isEmpty() && !text.isEmpty())
        out.markdown = ctx.markdown.join("\n\n"_L1);
    return out;
}

} // namespace ledger::BodyText
