#pragma once
// The whole thread of one session: header (user, app, started, turns), the
// messages as blocks (the user's prompts vs Copilot's responses), previous/next conversation,
// find-in-conversation, copy and transcript export. Bodies are shown as plain text only.
#include "ui/conversation/FindingHighlighter.h"
#include "ui/conversation/LinkGuard.h"
#include "app/transcript/Transcript.h"
#include "app/transcript/TranscriptRenderer.h"
#include "app/transcript/TranscriptWriter.h"
#include "app/model/Interaction.h"

#include <QHash>
#include <QPointer>
#include <QWidget>
#include <functional>

class QLabel;
class QLineEdit;
class QStackedWidget;
class QTextDocument;
class QTextFrame;
class QToolButton;

namespace ledger {
class Archive;
}

namespace ledger::gui {

class SafeTextBrowser;

class ConversationView : public QWidget {
    Q_OBJECT
public:
    explicit ConversationView(QWidget *parent = nullptr);
    ~ConversationView() override;

    void setArchive(ledger::Archive *archive);
    // Loads the session from the archive; focusId (an interaction id) is scrolled to and marked.
    void showSession(const QString &userId, const QString &sessionId, const QString &focusId = {});
    // Shows the given interactions (any order) — what showSession() does after reading the archive.
    void showInteractions(const QList<Interaction> &interactions, const QString &userDisplayName = {},
                          const QString &userPrincipalName = {}, const QString &focusId = {});
    void clear();
    void setShowUtc(bool on);
    bool showUtc() const { return m_showUtc; }
    // The main window tells whether there is a previous/next conversation.
    void setNavigationEnabled(bool previous, bool next);

    const Transcript &transcript() const { return m_transcript; }
    bool isEmpty() const { return m_transcript.isEmpty(); }
    QString plainText() const;                     // what the reader sees, as plain text
    QTextDocument *document() const;
    SafeTextBrowser *browser() const { return m_browser; }
    LinkGuard *linkGuard() const { return m_linkGuard; }

    // Copy / export
    QString transcriptText() const;
    void copyToClipboard();
    // The format from the extension: .pdf and .html with the footer of docs/USER-GUIDE.md
    // "Transcripts" (tenant, user, SHA-256 of the session's raw interactions), else plain text.
    bool exportTranscript(const QString &path, QString *error = nullptr);
    // The tenant named in a saved transcript's footer.
    void setTenantName(const QString &tenant) { m_tenant = tenant; }
    // What "Save transcript…" writes: the session with its findings and review records.
    TranscriptSession transcriptSession() const;
    // Seam for the save dialog: returns the chosen path ("" = cancelled).
    using SaveFileNameHook = std::function<QString(const QString &suggestedPath)>;
    void setSaveFileNameHook(SaveFileNameHook hook) { m_saveFileName = std::move(hook); }
    // Seam for error messages (tests): replaces the message box.
    using ErrorHook = std::function<void(const QString &message)>;
    void setErrorHook(ErrorHook hook) { m_error = std::move(hook); }

    // The filter bar's search (archive/SearchQuery.h): what it finds is marked in the messages
    // (FindingHighlighter::applySearch). A text with a syntax error marks nothing.
    void setSearchQuery(const QString &text);
    int searchMarkCount() const { return m_searchMarks; }
    // Find: highlights every match, returns how many.
    int setFindText(const QString &text);
    int matchCount() const { return m_matchCount; }

    // Link activation as a click would do it (through the LinkGuard).
    LinkGuard::Result activateLink(const QUrl &url);

signals:
    void previousRequested();
    void nextRequested();
    void transcriptExported(const QString &path);

protected:
    void changeEvent(QEvent *event) override;

private:
    void rebuild();
    void updateHeader();
    void exportWithDialog();
    void findNext(bool backward);
    void scrollToFrame(QTextFrame *frame);
    void showError(const QString &message);

    ledger::Archive *m_archive = nullptr;
    Transcript m_transcript;
    QList<Interaction> m_interactions;   // what is shown, for the saved transcript's hash
    TranscriptPerson m_person;
    QString m_tenant;
    QString m_focusId;
    bool m_showUtc = false;
    int m_matchCount = 0;
    QString m_searchText;
    int m_searchMarks = 0;
    QHash<QString, QTextFrame *> m_frames;
    QHash<QString, QList<FindingMark>> m_findingMarks;   // message id → findings to highlight
    SaveFileNameHook m_saveFileName;
    ErrorHook m_error;
    QString m_lastExportDir;

    QStackedWidget *m_stack = nullptr;
    QLabel *m_placeholder = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_subtitle = nullptr;
    QToolButton *m_prev = nullptr;
    QToolButton *m_next = nullptr;
    QToolButton *m_copy = nullptr;
    QToolButton *m_export = nullptr;
    QLineEdit *m_find = nullptr;
    QLabel *m_findStatus = nullptr;
    SafeTextBrowser *m_browser = nullptr;
    LinkGuard *m_linkGuard = nullptr;
};

} // namespace ledger::gui
