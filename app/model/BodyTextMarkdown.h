#pragma once
// The Markdown of Adaptive Card TextBlocks (what Microsoft 365 Copilot Chat writes its answers in)
// converted to plain text for the exports, and rewritten for display: citation markers
// ("[1](https://…)", "[^2^]", "[3]", reference definitions "[4]: https://…") become "[1]", "[2]"…
// numbered per message in order of first appearance, each with the URL it cites. Pure string
// work: nothing is loaded, no HTML is interpreted. The rules are in docs/EXPORT-FORMAT.md.
#include <QList>
#include <QString>
#include <QStringList>

namespace ledger::BodyText {

struct Citation {
    int number = 0;   // 1, 2, … as shown in the text
    QString url;      // exactly as written in the card
};

struct MarkdownLink {
    QString title;    // plain text of the link's label
    QString url;
};

// The citations of one message: the same URL always gets the same number.
class CitationTable {
public:
    int numberFor(const QString &url);
    QList<Citation> citations() const;
    bool contains(const QString &url) const { return m_urls.contains(url); }

private:
    QStringList m_urls;
};

struct MarkdownText {
    QString plain;                 // emphasis removed, [title](url) → title, list items "• ", paragraphs kept
    QString display;               // Markdown for a Markdown reader: citations renumbered, images made links
    QList<MarkdownLink> links;     // [title](url) links that are not citations, in order
};

MarkdownText convertMarkdown(const QString &markdown, CitationTable *citations);
QString markdownToPlainText(const QString &markdown);
// The text reduced for "is this the same answer?": plain text without any citation marker,
// white space collapsed.
QString comparableText(const QString &markdown);

} // namespace ledger::BodyText
