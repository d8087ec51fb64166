#include "ui/conversation/ConversationView.h"

#include "app/archive/Archive.h"
#include "ui/common/Dialogs.h"
#include "ui/common/TimeFormat.h"
#include "ui/conversation/ConversationDocument.h"
#include "ui/conversation/SafeTextBrowser.h"
#include "ui/filter/SearchHelp.h"
#include "app/archive/SearchQuery.h"

#include <QAbstractTextDocumentLayout>
#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QEvent>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QScrollBar>
#include <QShortcut>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStyle>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextFrame>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace ledger::gui {

namespace {

QToolButton *makeButton(const QString &text, const QString &tip, QStyle::StandardPixmap icon, QWidget *parent)
{
    auto *b = new QToolButton(parent);
    b->setText(text);
    b->setToolTip(tip);
    b->setIcon(parent->style()->standardIcon(icon));
    b->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    b->setAutoRaise(true);
    return b;
}

} // namespace

ConversationView::ConversationView(QWidget *parent)
    : QWidget(parent)
{
    m_showUtc = showUtcSetting();
    m_linkGuard = new LinkGuard(this, this);

    m_stack = new QStackedWidget(this);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(m_stack);

    // Empty state
    m_placeholder = new QLabel(tr("Select a conversation to read it here."), m_stack);
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_placeholder->setForegroundRole(QPalette::PlaceholderText);
    m_placeholder->setTextFormat(Qt::PlainText);
    m_stack->addWidget(m_placeholder);

    // Content
    auto *page = new QWidget(m_stack);
    auto *v = new QVBoxLayout(page);
    v->setContentsMargins(8, 8, 8, 0);
    v->setSpacing(6);

    auto *headerRow = new QHBoxLayout;
    auto *titles = new QVBoxLayout;
    titles->setSpacing(1);
    m_title = new QLabel(page);
    m_title->setTextFormat(Qt::PlainText);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_title->setWordWrap(true);   // a long name (with its UPN) wraps instead of being cut
    QFont tf = m_title->font();
    tf.setPointSizeF(tf.pointSizeF() * 1.25);
    tf.setWeight(QFont::DemiBold);
    m_title->setFont(tf);
    m_subtitle = new QLabel(page);
    m_subtitle->setTextFormat(Qt::PlainText);
    m_subtitle->setForegroundRole(QPalette::PlaceholderText);
    m_subtitle->setWordWrap(true);
    titles->addWidget(m_title);
    titles->addWidget(m_subtitle);
    headerRow->addLayout(titles, 1);

    m_prev = makeButton(tr("Previous"), tr("Previous conversation"), QStyle::SP_ArrowBack, page);
    m_next = makeButton(tr("Next"), tr("Next conversation"), QStyle::SP_ArrowForward, page);
    m_next->setLayoutDirection(Qt::RightToLeft);   // icon after the text
    headerRow->addWidget(m_prev, 0, Qt::AlignTop);
    headerRow->addWidget(m_next, 0, Qt::AlignTop);
    v->addLayout(headerRow);

    auto *tools = new QHBoxLayout;
    m_find = new QLineEdit(page);
    m_find->setPlaceholderText(tr("Find in conversation"));
    m_find->setClearButtonEnabled(true);
    m_find->setObjectName(QStringLiteral("conversationFind"));
    m_find->setMinimumWidth(120);   // narrow panes: the field shrinks, it never covers Copy
    m_find->setMaximumWidth(340);
    m_findStatus = new QLabel(page);
    m_findStatus->setObjectName(QStringLiteral("conversationFindStatus"));
    m_findStatus->setForegroundRole(QPalette::PlaceholderText);
    m_findStatus->setMinimumWidth(m_findStatus->fontMetrics().horizontalAdvance(tr("%1 matches").arg(888)) + 4);
    m_copy = makeButton(tr("Copy"), tr("Copy the whole conversation as text"), QStyle::SP_FileIcon, page);
    m_export = makeButton(tr("Save transcript…"), tr("Save the conversation as a PDF document, an HTML page or a text file"),
                          QStyle::SP_DialogSaveButton, page);
    tools->addWidget(m_find, 1);
    tools->addWidget(m_findStatus);
    tools->addStretch(1);
    tools->addWidget(m_copy);
    tools->addWidget(m_export);
    v->addLayout(tools);

    m_browser = new SafeTextBrowser(page);
    m_browser->setFrameShape(QFrame::StyledPanel);
    v->addWidget(m_browser, 1);
    m_stack->addWidget(page);

    connect(m_prev, &QToolButton::clicked, this, &ConversationView::previousRequested);
    connect(m_next, &QToolButton::clicked, this, &ConversationView::nextRequested);
    connect(m_copy, &QToolButton::clicked, this, &ConversationView::copyToClipboard);
    connect(m_export, &QToolButton::clicked, this, &ConversationView::exportWithDialog);
    connect(m_find, &QLineEdit::textChanged, this, [this](const QString &t) { setFindText(t); });
    connect(m_find, &QLineEdit::returnPressed, this, [this] {
        findNext(QApplication::keyboardModifiers().testFlag(Qt::ShiftModifier));
    });
    connect(m_browser, &QTextBrowser::anchorClicked, this, [this](const QUrl &url) { activateLink(url); });

    auto *findShortcut = new QShortcut(QKeySequence::Find, this, nullptr, nullptr, Qt::WidgetWithChildrenShortcut);
    connect(findShortcut, &QShortcut::activated, this, [this] {
        m_find->setFocus();
        m_find->selectAll();
    });

    clear();
}

ConversationView::~ConversationView() = default;

void ConversationView::setArchive(ledger::Archive *archive)
{
    m_archive = archive;
    clear();
}

void ConversationView::showSession(const QString &userId, const QString &sessionId, const QString &focusId)
{
    if (!m_archive || !m_archive->isOpen()) {
        clear();
        return;
    }
    const QList<Interaction> interactions = m_archive->reader().sessionInteractions(userId, sessionId);
    const auto marks = FindingHighlighter::marksFor(*m_archive, interactions);
    QString name, upn;
    if (const std::optional<User> u = m_archive->reader().user(userId)) {
        name = u->displayName;
        upn = u->userPrincipalName;
        // Another user has the same name: the header and the file name carry the UPN too.
        if (!name.isEmpty() && !upn.isEmpty() && m_archive->reader().sharedDisplayNames().contains(name, Qt::CaseInsensitive))
            name = tr("%1 (%2)").arg(name, upn);
    }
    showInteractions(interactions, name, upn, focusId);
    if (const std::optional<User> u = m_archive->reader().user(userId))
        m_person = TranscriptPerson{u->displayName, u->userPrincipalName};
    if (!marks.isEmpty() && !m_transcript.isEmpty()) {
        m_findingMarks = marks;
        FindingHighlighter::apply(m_browser->document(), m_frames, m_findingMarks, palette());
    }
}

void ConversationView::showInteractions(const QList<Interaction> &interactions, const QString &userDisplayName,
                                        const QString &userPrincipalName, const QString &focusId)
{
    m_findingMarks.clear();
    m_interactions = interactions;
    m_person = TranscriptPerson{userDisplayName, userPrincipalName};
    m_transcript = Transcript::fromInteractions(interactions, userDisplayName, userPrincipalName);
    m_focusId = focusId;
    if (m_transcript.isEmpty()) {
        clear();
        if (!interactions.isEmpty() || !focusId.isEmpty())
            m_placeholder->setText(tr("This conversation has no messages in the archive."));
        return;
    }
    rebuild();
    m_stack->setCurrentIndex(1);
    if (!m_find->text().isEmpty())
        setFindText(m_find->text());

    QPointer<QTextFrame> focus = m_frames.value(focusId);
    QTimer::singleShot(0, this, [this, focus] {
        if (focus)
            scrollToFrame(focus);
        else
            m_browser->verticalScrollBar()->setValue(0);
    });
}

void ConversationView::clear()
{
    m_transcript = {};
    m_interactions.clear();
    m_person = {};
    m_frames.clear();
    m_focusId.clear();
    m_matchCount = 0;
    m_browser->clear();
    m_browser->setExtraSelections({});
    m_findStatus->clear();
    m_placeholder->setText(tr("Select a conversation to read it here."));
    m_stack->setCurrentIndex(0);
    updateHeader();
}

void ConversationView::setShowUtc(bool on)
{
    if (m_showUtc == on)
        return;
    m_showUtc = on;
    if (!m_transcript.isEmpty()) {
        const int scroll = m_browser->verticalScrollBar()->value();
        rebuild();
        if (!m_find->text().isEmpty())
            setFindText(m_find->text());
        m_browser->verticalScrollBar()->setValue(scroll);
    }
}

void ConversationView::setNavigationEnabled(bool previous, bool next)
{
    m_prev->setEnabled(previous);
    m_next->setEnabled(next);
}

QString ConversationView::plainText() const
{
    return m_transcript.isEmpty() ? QString() : m_browser->document()->toPlainText();
}

QTextDocument *ConversationView::document() const
{
    return m_browser->document();
}

QString ConversationView::transcriptText() const
{
    return m_transcript.isEmpty() ? QString() : TranscriptWriter::toText(m_transcript, m_showUtc);
}

void ConversationView::copyToClipboard()
{
    if (m_transcript.isEmpty())
        return;
    QGuiApplication::clipboard()->setText(transcriptText());
    m_findStatus->setText(tr("Conversation copied."));
}

bool ConversationView::exportTranscript(const QString &path, QString *error)
{
    if (m_transcript.isEmpty()) {
        if (error)
            *error = tr("There is no conversation to export.");
        return false;
    }
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == "pdf"_L1 || suffix == "html"_L1 || suffix == "htm"_L1) {
        TranscriptRenderOptions options;
        options.tenant = m_tenant;
        if (!TranscriptRenderer::save({transcriptSession()}, path,
                                      suffix == "pdf"_L1 ? TranscriptFormat::Pdf : TranscriptFormat::Html, options, error))
            return false;
    } else if (!TranscriptWriter::save(m_transcript, path, TranscriptWriter::Format::Text, m_showUtc, error)) {
        return false;
    }
    emit transcriptExported(path);
    return true;
}

void ConversationView::exportWithDialog()
{
    if (m_transcript.isEmpty())
        return;
    if (m_lastExportDir.isEmpty())
        m_lastExportDir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString suggested = QDir(m_lastExportDir)
                                  .filePath(QFileInfo(TranscriptWriter::suggestedFileName(m_transcript, TranscriptWriter::Format::Html))
                                                .completeBaseName() + ".pdf"_L1);
    QString path;
    if (m_saveFileName) {
        path = m_saveFileName(suggested);
    } else {
        path = Dialogs::saveFileName(this, tr("Save Transcript"), suggested,
                                     tr("PDF document (*.pdf);;HTML page (*.html);;Plain text (*.txt)"));
        if (!path.isEmpty() && QFileInfo(path).suffix().isEmpty())
            path += ".pdf"_L1;
    }
    if (path.isEmpty())
        return;
    m_lastExportDir = QFileInfo(path).absolutePath();
    QString error;
    if (!exportTranscript(path, &error))
        showError(error);
    else
        m_findStatus->setText(tr("Transcript saved."));
}

TranscriptSession ConversationView::transcriptSession() const
{
    if (m_interactions.isEmpty())
        return {};
    if (m_archive && m_archive->isOpen()) {
        TranscriptBuilder builder(*m_archive);
        builder.setUserNamer([person = m_person](const QString &) { return person; });
        builder.setFindingLabeler([](bool watchlist, const QString &detector) {
            return watchlist ? SearchHelp::tr("Watchlist %1").arg(detector) : detectorLabel(detector);
        });
        return builder.build(m_interactions);
    }
    return TranscriptBuilder::basic(m_interactions, m_person);
}

void ConversationView::showError(const QString &message)
{
    if (m_error) {
        m_error(message);
        return;
    }
    Dialogs::error(this, tr("Export failed"), message);
}

LinkGuard::Result ConversationView::activateLink(const QUrl &url)
{
    return m_linkGuard->activate(url);
}

int ConversationView::setFindText(const QString &text)
{
    QList<QTextEdit::ExtraSelection> selections;
    m_matchCount = 0;
    if (!text.isEmpty() && !m_transcript.isEmpty()) {
        const bool dark = palette().color(QPalette::Base).lightnessF() < 0.5;
        QTextCharFormat hit;
        hit.setBackground(dark ? QColor(0x8a, 0x6d, 0x00) : QColor(0xff, 0xe0, 0x66));
        hit.setForeground(dark ? QColor(Qt::white) : QColor(Qt::black));
        QTextDocument *doc = m_browser->document();
        QTextCursor c(doc);
        while (true) {
            c = doc->find(text, c);
            if (c.isNull())
                break;
            selections.append({c, hit});
            ++m_matchCount;
            if (m_matchCount >= 5000)
                break;
        }
    }
    m_browser->setExtraSelections(selections);
    if (text.isEmpty())
        m_findStatus->clear();
    else if (m_matchCount == 0)
        m_findStatus->setText(tr("No matches"));
    else
        m_findStatus->setText(m_matchCount == 1 ? tr("1 match") : tr("%1 matches").arg(m_matchCount));
    if (m_matchCount > 0) {
        // Show the first match without moving keyboard focus away from the find field.
        QTextCursor first = selections.constFirst().cursor;
        first.clearSelection();
        m_browser->setTextCursor(first);
        m_browser->ensureCursorVisible();
    }
    return m_matchCount;
}

void ConversationView::findNext(bool backward)
{
    const QString text = m_find->text();
    if (text.isEmpty() || m_transcript.isEmpty())
        return;
    QTextDocument *doc = m_browser->document();
    QTextCursor from = m_browser->textCursor();
    QTextDocument::FindFlags flags = backward ? QTextDocument::FindBackward : QTextDocument::FindFlags();
    QTextCursor c = doc->find(text, from, flags);
    if (c.isNull()) {   // wrap around
        QTextCursor start(doc);
        if (backward)
            start.movePosition(QTextCursor::End);
        c = doc->find(text, start, flags);
    }
    if (!c.isNull()) {
        m_browser->setTextCursor(c);
        m_browser->ensureCursorVisible();
    }
}

void ConversationView::scrollToFrame(QTextFrame *frame)
{
    const QRectF r = m_browser->document()->documentLayout()->frameBoundingRect(frame);
    m_browser->verticalScrollBar()->setValue(qMax(0, int(r.top()) - 8));
}

void ConversationView::rebuild()
{
    m_frames = ConversationDocument::build(m_browser->document(), m_transcript, palette(), m_showUtc,
                                           m_focusId)
                   .frames;
    SearchQuery query;
    if (!SearchQuery::parse(m_searchText, &query))
        query = SearchQuery();
    m_searchMarks = FindingHighlighter::applySearch(m_browser->document(), m_frames, query, palette());
    FindingHighlighter::apply(m_browser->document(), m_frames, m_findingMarks, palette());
    updateHeader();
}

void ConversationView::setSearchQuery(const QString &text)
{
    if (text.trimmed() == m_searchText)
        return;
    m_searchText = text.trimmed();
    if (m_transcript.isEmpty()) {
        m_searchMarks = 0;
        return;
    }
    const int scroll = m_browser->verticalScrollBar()->value();
    rebuild();
    m_browser->verticalScrollBar()->setValue(scroll);
    if (!m_find->text().isEmpty())
        setFindText(m_find->text());
}

void ConversationView::updateHeader()
{
    const bool has = !m_transcript.isEmpty();
    m_copy->setEnabled(has);
    m_export->setEnabled(has);
    m_find->setEnabled(has);
    if (!has) {
        m_title->clear();
        m_subtitle->clear();
        return;
    }
    const Transcript &t = m_transcript;
    QString who = t.userName.isEmpty() ? (t.userPrincipalName.isEmpty() ? t.userId : t.userPrincipalName) : t.userName;
    m_title->setText(who);
    m_title->setToolTip(t.userPrincipalName.isEmpty() ? QString() : t.userPrincipalName);
    QStringList parts;
    if (!t.appName.isEmpty())
        parts << t.appName;
    if (t.started.isValid())
        parts << tr("started %1").arg(displayTime(t.started, m_showUtc));
    const int turns = qMax(t.promptCount, t.responseCount);
    parts << (turns == 1 ? tr("1 turn") : tr("%1 turns").arg(turns));
    m_subtitle->setText(parts.join(u" · "_s));
    m_subtitle->setToolTip(t.started.isValid()
                               ? tr("Started %1\nLast message %2\nSession %3")
                                     .arg(utcTooltip(t.started), utcTooltip(t.ended), t.sessionId)
                               : QString());
}

void ConversationView::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if ((event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange) && !m_transcript.isEmpty()) {
        const int scroll = m_browser->verticalScrollBar()->value();
        rebuild();
        if (!m_find->text().isEmpty())
            setFindText(m_find->text());
        m_browser->verticalScrollBar()->setValue(scroll);
    }
}

} // namespace ledger::gui
