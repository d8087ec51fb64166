#pragma once
// Message bodies to plain text: HTML tags removed, entities decoded, <br>/<p> as line breaks,
// <attachment id="…"> tags removed or replaced by the attachment's Adaptive Card text (its
// TextBlocks are Markdown: see BodyTextMarkdown.h). Pure string work: never loads anything,
// never runs anything. The rules are in docs/EXPORT-FORMAT.md ("Text columns").
#include "app/model/BodyTextMarkdown.h"
#include <QJsonArray>
#include <QJsonObject>
#include <QString>

namespace ledger::BodyText {

QString htmlToPlainText(const QString &html);
// Visible text of an Adaptive Card JSON (TextBlock texts, RichTextBlock runs, FactSet facts,
// nested Container/ColumnSet/Column…), blocks separated by line breaks.
QString adaptiveCardText(const QString &cardJson);
// The interaction's plain text: body (text or html) with attachment tags resolved from
// `attachments` (adaptive cards inlined; other attachments named).
QString interactionText(const QJsonObject &interaction);

struct Content {
    QString text;                  // = interactionText()
    // The same message as Markdown for formatted display, when it consists of Adaptive Card
    // TextBlocks only (a Copilot Chat answer); empty otherwise (display `text` as plain text).
    QString markdown;
    QList<Citation> citations;     // the URLs the text's [1], [2]… markers cite
    QList<MarkdownLink> links;     // [title](url) links of the card text, not citations
};
Content interactionContent(const QJsonObject &interaction);

} // namespace ledger::BodyText
