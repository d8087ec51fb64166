#pragma once
// Transcript export (plain text or a self-contained HTML page) and the clipboard text.
// HTML output: every piece of message content is escaped; no script, no remote resource, no
// active link (URLs are printed as text), and a Content-Security-Policy that forbids loading
// anything even if a viewer were to find something to load.
#include <QCoreApplication>
#include "app/transcript/Transcript.h"
#include <QString>

namespace ledger {

class TranscriptWriter {
    Q_DECLARE_TR_FUNCTIONS(ledger::TranscriptWriter)
public:
    enum class Format { Text, Html };

    static QString toText(const Transcript &t, bool showUtc);
    static QString toHtml(const Transcript &t, bool showUtc);
    // .html/.htm → Html, anything else → Text.
    static Format formatForPath(const QString &path);
    // Writes atomically through QSaveFile (UTF-8). False + *error on failure (no file is left).
    static bool save(const Transcript &t, const QString &path, Format format, bool showUtc,
                     QString *error = nullptr);
    // Text escaped for HTML content and attributes (< > & " ').
    static QString escapeHtml(const QString &text);
    // A card answer's Markdown as simple, escaped HTML (no link is active, no image is loaded).
    static QString markdownToHtml(const QString &markdown);
    // "Conversation – Adele Vance – 2025-03-04.html"-style default name, filesystem-safe.
    static QString suggestedFileName(const Transcript &t, Format format);
};

} // namespace ledger
