#pragma once
// Markdown answers as text in a QTextDocument, shared by the conversation view and the
// transcripts: GitHub dialect, no HTML, nothing ever loaded (an image becomes a placeholder).
#include <QString>
#include <QTextCharFormat>
#include <QTextCursor>
#include <functional>

namespace ledger {

// Inserts `markdown` at the cursor; every character format it brings goes through `restyle`
// (the caller's colours and links), every image is replaced by `imageText` in `imageFormat`.
void insertMarkdownText(QTextCursor &cursor, const QString &markdown,
                        const std::function<void(QTextCharFormat &)> &restyle, const QString &imageText,
                        const QTextCharFormat &imageFormat);

} // namespace ledger
