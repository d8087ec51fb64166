#include "ui/conversation/FindingHighlighter.h"

#include "app/model/Interaction.h"
#include "ui/filter/SearchHelp.h"
#include "app/archive/Archive.h"
#include "app/archive/SearchQuery.h"
#include "app/detect/Finding.h"

#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextFrame>

namespace ledger::gui {

QHash<QString, QList<FindingMark>> FindingHighlighter::marksFor(const ledger::Archive &archive,
                                                                 const QList<ledger::Interaction> &interactions)
{
    return findingMarksFor(archive, interactions, [](bool watchlist, const QString &detector) {
        return watchlist ? SearchHelp::tr("Watchlist %1").arg(detector) : detectorLabel(detector);
    });
}

QColor FindingHighlighter::markColor(const QPalette &palette)
{
    const bool dark = palette.color(QPalette::Base).lightness() < 128;
    return dark ? QColor(0x8A, 0x5A, 0x00) : QColor(0xFF, 0xE0, 0x82);
}

int FindingHighlighter::apply(QTextDocument *doc, const QHash<QString, QTextFrame *> &frames,
                              const QHash<QString, QList<FindingMark>> &marks, const QPalette &palette)
{
    int marked = 0;
    QTextCharFormat format;
    format.setBackground(markColor(palette));
    for (auto it = marks.cbegin(); it != marks.cend(); ++it) {
        QTextFrame *frame = frames.value(it.key());
        if (!frame)
            continue;
        const int end = frame->lastPosition();
        int from = frame->firstPosition();
        for (const FindingMark &m : it.value()) {
            // The same match twice in a message: each mark finds the next occurrence.
            const QTextCursor found = doc->find(m.needle, from, QTextDocument::FindCaseSensitively);
            if (found.isNull() || found.selectionEnd() > end)
                continue;
            QTextCursor c = found;
            QTextCharFormat f = format;
            f.setToolTip(m.label);
            c.mergeCharFormat(f);
            from = found.selectionEnd();
            ++marked;
        }
    }
    return marked;
}

QColor FindingHighlighter::searchColor(const QPalette &palette)
{
    const bool dark = palette.color(QPalette::Base).lightness() < 128;
    return dark ? QColor(0x1E, 0x4A, 0x72) : QColor(0xBB, 0xDE, 0xFB);
}

int FindingHighlighter::applySearch(QTextDocument *doc, const QHash<QString, QTextFrame *> &frames,
                                    const ledger::SearchQuery &query, const QPalette &palette)
{
    if (query.isEmpty())
        return 0;
    int marked = 0;
    QTextCharFormat format;
    format.setBackground(searchColor(palette));
    for (QTextFrame *frame : frames) {
        if (!frame)
            continue;
        const int first = frame->firstPosition(), last = frame->lastPosition();
        for (QTextBlock b = doc->findBlock(first); b.isValid() && b.position() <= last; b = b.next()) {
            for (const auto &[start, length] : query.matchRanges(b.text())) {
                QTextCursor c(doc);
                c.setPosition(b.position() + start);
                c.setPosition(b.position() + start + length, QTextCursor::KeepAnchor);
                c.mergeCharFormat(format);
                ++marked;
            }
        }
    }
    return marked;
}

} // namespace ledger::gui
