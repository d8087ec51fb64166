#include "app/transcript/MarkdownText.h"

#include <QList>
#include <QPair>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextDocumentFragment>

namespace ledger {

void insertMarkdownText(QTextCursor &cursor, const QString &markdown,
                        const std::function<void(QTextCharFormat &)> &restyle, const QString &imageText,
                        const QTextCharFormat &imageFormat)
{
    const QTextDocumentFragment fragment = QTextDocumentFragment::fromMarkdown(
        markdown, QTextDocument::MarkdownFeatures(QTextDocument::MarkdownDialectGitHub | QTextDocument::MarkdownNoHTML));
    const int start = cursor.position();
    cursor.insertFragment(fragment);
    const int end = cursor.position();
    QTextDocument *doc = cursor.document();
    for (QTextBlock b = doc->findBlock(start); b.isValid() && b.position() <= end; b = b.next()) {
        QList<QPair<int, int>> images;
        for (auto it = b.begin(); !it.atEnd(); ++it) {
            const QTextFragment f = it.fragment();
            if (!f.isValid() || f.position() + f.length() <= start || f.position() >= end)
                continue;
            QTextCharFormat cf = f.charFormat();
            if (cf.isImageFormat()) {
                images.append({f.position(), f.length()});
                continue;
            }
            restyle(cf);
            QTextCursor sel(doc);
            sel.setPosition(f.position());
            sel.setPosition(f.position() + f.length(), QTextCursor::KeepAnchor);
            sel.setCharFormat(cf);
        }
        // Last first, so the earlier positions stay valid.
        for (qsizetype k = images.size() - 1; k >= 0; --k) {
            QTextCursor sel(doc);
            sel.setPosition(images.at(k).first);
            sel.setPosition(images.at(k).first + images.at(k).second, QTextCursor::KeepAnchor);
            sel.insertText(imageText, imageFormat);
        }
    }
}

} // namespace ledger
