#pragma once
// Every modal question or file dialog the main window asks goes through here, so tests can set
// the next answer instead of opening a real modal dialog (the "dialog seam").
#include <QMessageBox>
#include <QString>
#include <functional>

class QWidget;

namespace ledger::gui::Dialogs {

// Next answers for tests. An empty string for a file name means "the user cancelled".
void setNextSaveFileName(const QString &path);
void setNextDirectory(const QString &path);
void setNextQuestionAnswer(QMessageBox::StandardButton answer);   // queued: call once per question
void setNextText(const QString &text, bool ok = true);
void resetSeams();

QString saveFileName(QWidget *parent, const QString &caption, const QString &suggested,
                     const QString &filter);
QString existingDirectory(QWidget *parent, const QString &caption, const QString &start);
// The folder the last existingDirectory() call proposed (tests).
QString lastDirectoryStart();
// A question with buttons of its own words: `buttons` maps each answer to its label (the first is
// the default). Answers come from the same queue as question(); Cancel when dismissed.
QMessageBox::StandardButton choice(QWidget *parent, const QString &title, const QString &text,
                                   const QList<QPair<QMessageBox::StandardButton, QString>> &buttons);
// Opens a folder in the file manager; tests set a handler instead (seams active: nothing opens).
void openFolder(const QString &path);
void setOpenFolderHandler(const std::function<void(const QString &)> &handler);
QMessageBox::StandardButton question(QWidget *parent, const QString &title, const QString &text,
                                     QMessageBox::StandardButtons buttons,
                                     QMessageBox::StandardButton defaultButton);
QString text(QWidget *parent, const QString &title, const QString &label, const QString &value,
             bool *ok);
// One of `items` (an editable-free list); the answer comes from setNextText (its text must be one
// of the items). Empty with *ok false when cancelled.
QString item(QWidget *parent, const QString &title, const QString &label, const QStringList &items, bool *ok);

// The export folder's options (docs/USER-GUIDE.md "Pseudonymised exports"): a dialog with the
// scope sentence and a "Pseudonymise users" checkbox. Tests queue the answer; with the seams
// active and no answer queued the dialog is accepted with the defaults (not pseudonymised), so
// that tests of the export itself need not answer it.
struct ExportOptions {
    bool pseudonymize = false;
    // Also a transcript of every exported session (docs/EXPORT-FORMAT.md "transcripts/"):
    // "" = none, "pdf" or "html" (as the command line's --transcripts).
    QString transcripts;
};
void setNextExportOptions(const ExportOptions &options, bool accepted = true);
bool exportOptions(QWidget *parent, const QString &title, const QString &text, ExportOptions *options);

// Plain words first, technical detail behind "Show Details…".
void error(QWidget *parent, const QString &title, const QString &plain, const QString &details = {});

} // namespace ledger::gui::Dialogs
