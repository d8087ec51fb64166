#pragma once
// Marks the findings of a conversation's messages (detectors and watchlists) in its document:
// a tinted background and a tooltip naming what was found (the match masked).
#include <QHash>
#include <QList>
#include <QPalette>
#include <QString>
#include "app/transcript/FindingMarks.h"

class QTextDocument;
class QTextFrame;

namespace ledger {
class Archive;
class SearchQuery;
struct Interaction;
}

namespace ledger::gui {

class FindingHighlighter {
public:
    // message id → the marks of its prompt/response text (attachment findings are not in the
    // message text and are left out), from the archive's stored findings.
    // The archive's findings with the window's detector labels (transcript/FindingMarks.h).
    static QHash<QString, QList<FindingMark>> marksFor(const ledger::Archive &archive,
                                                        const QList<ledger::Interaction> &interactions);
    // Applies the marks inside each message's frame; returns how many ranges were marked.
    static int apply(QTextDocument *doc, const QHash<QString, QTextFrame *> &frames,
                     const QHash<QString, QList<FindingMark>> &marks, const QPalette &palette);
    static QColor markColor(const QPalette &palette);
    // Marks what the filter bar's search finds (SearchQuery::matchRanges: its words, phrases and
    // prefixes, never operators or excluded terms) in the messages' text, line by line; findings
    // applied afterwards keep their own colour. Returns how many ranges were marked.
    static int applySearch(QTextDocument *doc, const QHash<QString, QTextFrame *> &frames,
                           const ledger::SearchQuery &query, const QPalette &palette);
    static QColor searchColor(const QPalette &palette);
};

} // namespace ledger::gui
