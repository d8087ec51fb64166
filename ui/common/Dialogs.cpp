#include "ui/common/Dialogs.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QCoreApplication>
#include <QDesktopServices>
#include <QDialog>
#include <QDialogButtonBox>
#include <QLabel>
#include <QVBoxLayout>
#include <QFileDialog>
#include <QPushButton>
#include <QUrl>
#include <QInputDialog>
#include <QHash>
#include <QList>
#include <QMessageBox>
#include <algorithm>
#include <optional>

namespace ledger::gui::Dialogs {

namespace {
std::optional<QString> s_nextSave;
std::optional<QString> s_nextDir;
QList<QMessageBox::StandardButton> s_nextAnswers;   // consumed in order
std::optional<std::pair<QString, bool>> s_nextText;
bool s_seamsActive = false;   // once a test touched a seam, never open a real dialog
QString s_lastDirectoryStart;
std::function<void(const QString &)> s_openFolder;
std::optional<std::pair<ExportOptions, bool>> s_nextExportOptions;
}

void setNextSaveFileName(const QString &path) { s_nextSave = path; s_seamsActive = true; }
void setNextDirectory(const QString &path) { s_nextDir = path; s_seamsActive = true; }
void setNextQuestionAnswer(QMessageBox::StandardButton answer) { s_nextAnswers.append(answer); s_seamsActive = true; }
void setNextText(const QString &text, bool ok) { s_nextText = std::make_pair(text, ok); s_seamsActive = true; }
void resetSeams()
{
    s_nextSave.reset();
    s_nextDir.reset();
    s_nextAnswers.clear();
    s_nextText.reset();
    s_nextExportOptions.reset();
}

void setNextExportOptions(const ExportOptions &options, bool accepted)
{
    s_nextExportOptions = std::make_pair(options, accepted);
    s_seamsActive = true;
}

bool exportOptions(QWidget *parent, const QString &title, const QString &text, ExportOptions *options)
{
    if (s_nextExportOptions) {
        const auto r = *s_nextExportOptions;
        s_nextExportOptions.reset();
        if (r.second)
            *options = r.first;
        return r.second;
    }
    if (s_seamsActive)
        return true;   // the defaults (see Dialogs.h)
    QDialog dialog(parent);
    dialog.setWindowTitle(title);
    dialog.setMinimumWidth(dialog.fontMetrics().averageCharWidth() * 70);
    auto *layout = new QVBoxLayout(&dialog);
    auto *label = new QLabel(text, &dialog);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    layout->addWidget(label);
    auto *pseudonymize = new QCheckBox(QCoreApplication::translate("Dialogs", "&Pseudonymise users"), &dialog);
    pseudonymize->setObjectName(QStringLiteral("exportPseudonymize"));
    pseudonymize->setChecked(options->pseudonymize);
    layout->addWidget(pseudonymize);
    auto *explain = new QLabel(QCoreApplication::translate(
                                   "Dialogs", "Every user is named user-… instead of their name, user principal name and ID, "
                                              "the same in every export of this profile. interactions.jsonl is left out. "
                                              "Names people typed into their prompts are not removed."),
                               &dialog);
    explain->setWordWrap(true);
    explain->setContentsMargins(dialog.fontMetrics().averageCharWidth() * 3, 0, 0, 0);   // under the checkbox's text
    layout->addWidget(explain);
    auto *transcriptRow = new QHBoxLayout;
    auto *transcripts = new QComboBox(&dialog);
    transcripts->setObjectName(QStringLiteral("exportTranscripts"));
    transcripts->addItem(QCoreApplication::translate("Dialogs", "None"), QString());
    transcripts->addItem(QCoreApplication::translate("Dialogs", "PDF, one per session"), QStringLiteral("pdf"));
    transcripts->addItem(QCoreApplication::translate("Dialogs", "HTML, one per session"), QStringLiteral("html"));
    transcripts->setCurrentIndex(std::max(0, transcripts->findData(options->transcripts)));
    auto *transcriptLabel = new QLabel(QCoreApplication::translate("Dialogs", "&Transcripts:"), &dialog);
    transcriptLabel->setBuddy(transcripts);
    transcriptRow->addWidget(transcriptLabel);
    transcriptRow->addWidget(transcripts);
    transcriptRow->addStretch(1);
    layout->addLayout(transcriptRow);
    auto *transcriptExplain = new QLabel(
        QCoreApplication::translate("Dialogs", "A document per conversation to read, print and attach, in the folder "
                                               "transcripts/, each page with the SHA-256 of the session's raw "
                                               "interactions. With pseudonymised users, transcripts name the pseudonyms."),
        &dialog);
    transcriptExplain->setWordWrap(true);
    layout->addWidget(transcriptExplain);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    buttons->button(QDialogButtonBox::Ok)->setText(QCoreApplication::translate("Dialogs", "Choose the folder…"));
    QObject::connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    QObject::connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    layout->addWidget(buttons);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    options->pseudonymize = pseudonymize->isChecked();
    options->transcripts = transcripts->currentData().toString();
    return true;
}

namespace {
// A text or item question under the test seams: the answer set by setNextText (ok when it was
// set so and `valid` accepts it), or a cancel while the seams are active; nullopt: ask the user.
template <typename Valid>
std::optional<QString> seamText(bool *ok, Valid valid)
{
    if (s_nextText) {
        const auto r = *s_nextText;
        s_nextText.reset();
        if (ok)
            *ok = r.second && valid(r.first);
        return r.first;
    }
    if (s_seamsActive) {
        if (ok)
            *ok = false;
        return QString();
    }
    return std::nullopt;
}
} // namespace

QString item(QWidget *parent, const QString &title, const QString &label, const QStringList &items, bool *ok)
{
    if (const auto answer = seamText(ok, [&](const QString &t) { return items.contains(t); }))
        return *answer;
    return QInputDialog::getItem(parent, title, label, items, 0, false, ok);
}

QString saveFileName(QWidget *parent, const QString &caption, const QString &suggested,
                     const QString &filter)
{
    if (s_nextSave) {
        const QString r = *s_nextSave;
        s_nextSave.reset();
        return r;
    }
    if (s_seamsActive)
        return {};
    return QFileDialog::getSaveFileName(parent, caption, suggested, filter);
}

QString lastDirectoryStart() { return s_lastDirectoryStart; }

void setOpenFolderHandler(const std::function<void(const QString &)> &handler)
{
    s_openFolder = handler;
    s_seamsActive = true;
}

void openFolder(const QString &path)
{
    if (s_openFolder) {
        s_openFolder(path);
        return;
    }
    if (!s_seamsActive)
        QDesktopServices::openUrl(QUrl::fromLocalFile(path));
}

QMessageBox::StandardButton choice(QWidget *parent, const QString &title, const QString &text,
                                   const QList<QPair<QMessageBox::StandardButton, QString>> &buttons)
{
    if (!s_nextAnswers.isEmpty())
        return s_nextAnswers.takeFirst();
    if (s_seamsActive)
        return QMessageBox::Cancel;
    QMessageBox box(QMessageBox::Question, title, text, QMessageBox::Cancel, parent);
    QHash<QAbstractButton *, QMessageBox::StandardButton> answers;
    for (qsizetype i = 0; i < buttons.size(); ++i) {
        QPushButton *b = box.addButton(buttons.at(i).second, QMessageBox::AcceptRole);
        answers.insert(b, buttons.at(i).first);
        if (i == 0)
            box.setDefaultButton(b);
    }
    box.exec();
    return answers.value(box.clickedButton(), QMessageBox::Cancel);
}

QString existingDirectory(QWidget *parent, const QString &caption, const QString &start)
{
    s_lastDirectoryStart = start;
    if (s_nextDir) {
        const QString r = *s_nextDir;
        s_nextDir.reset();
        return r;
    }
    if (s_seamsActive)
        return {};
    return QFileDialog::getExistingDirectory(parent, caption, start);
}

QMessageBox::StandardButton question(QWidget *parent, const QString &title, const QString &text,
                                     QMessageBox::StandardButtons buttons,
                                     QMessageBox::StandardButton defaultButton)
{
    if (!s_nextAnswers.isEmpty())
        return s_nextAnswers.takeFirst();
    if (s_seamsActive)
        return QMessageBox::Cancel;
    return QMessageBox::question(parent, title, text, buttons, defaultButton);
}

QString text(QWidget *parent, const QString &title, const QString &label, const QString &value,
             bool *ok)
{
    if (const auto answer = seamText(ok, [](const QString &) { return true; }))
        return *answer;
    return QInputDialog::getText(parent, title, label, QLineEdit::Normal, value, ok);
}

void error(QWidget *parent, const QString &title, const QString &plain, const QString &details)
{
    if (s_seamsActive)
        return;
    auto *box = new QMessageBox(QMessageBox::Warning, title, plain, QMessageBox::Ok, parent);
    box->setAttribute(Qt::WA_DeleteOnClose);
    if (!details.isEmpty())
        box->setDetailedText(details);
    box->open();   // not exec(): no nested event loop
}

} // namespace ledger::gui::Dialogs
