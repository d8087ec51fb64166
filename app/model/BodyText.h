#pragma once
// Message bodies to plain text (docs/GRAPH.md): HTML tags removed, entities decoded, <br>/<p> as line
// breaks, <attachment id="…"> tags removed or replaced by the attachment's Adaptive Card text.
// Pure string work: never loads anything, never runs anything.
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

} // namespace ledger::BodyText
