#include "conversation/FindingHighlighter.h"

#include "model/Interaction.h"
#include "filter/SearchHelp.h"

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

} // namespace ledger::gui
