#pragma once
// Builds the conversation's QTextDocument from a Transcript through the QTextCursor API — plain
// text, never HTML; a Copilot Chat card answer's Markdown through Qt's Markdown reader with raw
// HTML and images off — with message blocks coloured from the palette (prompts tinted with the
// highlight colour and indented from the left, responses neutral and indented from the right).
#include <QCoreApplication>
#include "app/transcript/Transcript.h"
#include <QHash>
#include <QPalette>

class QTextDocument;
class QTextFrame;

namespace ledger::gui {

class ConversationDocument {
    Q_DECLARE_TR_FUNCTIONS(ledger::gui::ConversationDocument)
public:
    struct Result {
        QHash<QString, QTextFrame *> frames;    // message id → its frame
    };
    // A message longer than this shows its beginning and "… N more characters".
    static constexpr int kMaxShownCharacters = 20000;

    static Result build(QTextDocument *doc, const Transcript &t, const QPalette &palette, bool showUtc,
                        const QString &focusId = {});

    // http(s)://… runs in a text, for making them clickable: (start, length) pairs.
    static QList<QPair<int, int>> findUrls(const QString &text);

    static QColor promptBackground(const QPalette &p);
    static QColor responseBackground(const QPalette &p);
    static QColor mutedText(const QPalette &p);
};

} // namespace ledger::gui
