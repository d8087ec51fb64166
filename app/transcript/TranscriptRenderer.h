#pragma once
// PDF and HTML transcripts of one or more sessions (docs/EXPORT-FORMAT.md "transcripts/",
// docs/USER-GUIDE.md "Transcripts"). Qt's own text layout and QPdfWriter (Qt Gui; no external
// tool): the text stays text (selectable, searchable), fonts are embedded, right-to-left
// paragraphs are laid out right to left. Every PDF page has a footer with the tenant, the user
// (name and UPN), "Page N of M", when and by whom it was generated and the SHA-256 of the
// session's lines of interactions.jsonl. Each session starts on a new page.
//
// Findings: the message text is shown in full, as the user saw it; each finding is highlighted
// and listed below its message with its match masked (docs/DETECTION.md, Findings).
#include "app/transcript/TranscriptSession.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QSet>
#include <QString>
#include <QTimeZone>

namespace ledger {

enum class TranscriptFormat { Pdf, Html };

struct TranscriptRenderOptions {
    QString tenant;                 // the tenant's domain or id, for the footer
    QString generatedBy;            // OS account; "" = ActivityLog::currentOperator()
    QDateTime generatedAt;          // UTC; invalid = now
    QTimeZone viewerZone = QTimeZone::systemTimeZone();   // the local time beside each UTC time
    QString title;                  // above the first session, e.g. "Case: Vendor review" ("" = none)
    // The export has no interactions.jsonl (a pseudonymised export): the footer's hash is labelled
    // as that of the lines the non-pseudonymised export of the same data has (docs/EXPORT-FORMAT.md).
    bool omittedJsonl = false;
};

class TranscriptRenderer {
    Q_DECLARE_TR_FUNCTIONS(ledger::TranscriptRenderer)
public:
    static QString toHtml(const QList<TranscriptSession> &sessions, const TranscriptRenderOptions &options);
    // The PDF's bytes; empty with *error when there is nothing to write or the writer failed.
    static QByteArray toPdf(const QList<TranscriptSession> &sessions, const TranscriptRenderOptions &options,
                            QString *error = nullptr);
    static QByteArray render(const QList<TranscriptSession> &sessions, TranscriptFormat format,
                             const TranscriptRenderOptions &options, QString *error = nullptr);
    // Writes atomically (QSaveFile). False + *error on failure (no file is left).
    static bool save(const QList<TranscriptSession> &sessions, const QString &path, TranscriptFormat format,
                     const TranscriptRenderOptions &options, QString *error = nullptr);

    // The footer lines of a page (also the HTML's provenance block), for the tests and the docs.
    static QStringList footerLines(const TranscriptSession &s, const TranscriptRenderOptions &options, int page,
                                   int pageCount);
    static QString formatSuffix(TranscriptFormat format);   // "pdf" / "html"
};

// File names for transcripts/<user>/<YYYY-MM-DD>_<session>.<ext> that are safe on every file
// system: ASCII letters, digits and . _ - @ + only (anything else becomes _), no leading dot or
// dash, no trailing dot or space, never a reserved Windows device name (CON, NUL, COM1, …),
// at most `maxLength` characters. A name that had to be changed or shortened gets "~" and 8 hex
// digits of the SHA-256 of the original, so different originals do not meet.
QString safeFileNameComponent(const QString &text, int maxLength = 64);

// Hands out names unique in their folder even on case-insensitive file systems (Windows,
// macOS): a second name that differs only in case (or after making it safe) gets a suffix.
class TranscriptFileNames {
public:
    // The folder for a user: the UPN made safe (the user id when there is no UPN).
    QString folderFor(const QString &userId, const QString &upn);
    // "<YYYY-MM-DD>_<session>.<ext>" ("no-session" for a user's interactions without a
    // sessionId on that day), unique in `folder`.
    QString fileFor(const QString &folder, const TranscriptSession &s, const QString &suffix);

private:
    QString unique(QSet<QString> *taken, const QString &base, const QString &suffix, const QString &original);
    QHash<QString, QString> m_folders;          // user id → folder
    QSet<QString> m_takenFolders;               // lower-case
    QHash<QString, QSet<QString>> m_takenFiles; // folder → lower-case names
};

} // namespace ledger
