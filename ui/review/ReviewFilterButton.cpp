#include "ui/review/ReviewFilterButton.h"

#include "ui/common/Dialogs.h"
#include "ui/review/ReviewText.h"

#include <QActionGroup>
#include <QMenu>

namespace ledger::gui {

ReviewFilterButton::ReviewFilterButton(QWidget *parent)
    : QToolButton(parent)
{
    setObjectName(QStringLiteral("filterReview"));
    setAccessibleName(tr("Review filter"));
    setToolTip(tr("Show only rows with these review statuses, in this case or with a note"));
    setPopupMode(QToolButton::InstantPopup);
    setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_menu = new QMenu(this);
    m_menu->addSection(tr("Status"));
    for (const QString &key : ReviewText::statusKeys()) {
        QAction *a = m_menu->addAction(ReviewText::statusName(key));
        a->setCheckable(true);
        a->setData(key);
        connect(a, &QAction::toggled, this, [this] {
            updateText();
            emit changed();
        });
        m_statusActions << a;
    }
    m_caseMenu = m_menu->addMenu(tr("Case"));
    m_caseGroup = new QActionGroup(this);
    m_caseGroup->setExclusive(true);
    rebuildCases();
    QMenu *notes = m_menu->addMenu(tr("Note"));
    auto *noteGroup = new QActionGroup(this);
    m_noteAny = notes->addAction(tr("Any (with or without a note)"));
    m_noteAnyText = notes->addAction(tr("With a note"));
    m_noteContains = notes->addAction(tr("Note contains…"));
    for (QAction *a : {m_noteAny, m_noteAnyText, m_noteContains}) {
        a->setCheckable(true);
        noteGroup->addAction(a);
    }
    m_noteAny->setChecked(true);
    connect(m_noteAny, &QAction::triggered, this, [this] { setNote({}); });
    connect(m_noteAnyText, &QAction::triggered, this, [this] { setNote(QStringLiteral("*")); });
    connect(m_noteContains, &QAction::triggered, this, [this] {
        bool ok = false;
        const QString text = Dialogs::text(this, tr("Filter by note"), tr("Show rows whose note contains:"),
                                           m_note == QLatin1String("*") ? QString() : m_note, &ok).trimmed();
        setNote(ok && !text.isEmpty() ? text : m_note);
    });
    m_menu->addSeparator();
    QAction *clear = m_menu->addAction(tr("Any review status, case and note"));
    connect(clear, &QAction::triggered, this, &ReviewFilterButton::reset);
    setMenu(m_menu);
    updateText();
}

void ReviewFilterButton::apply(ledger::ArchiveFilter &f) const
{
    f.reviewStatuses.clear();
    for (const QAction *a : m_statusActions)
        if (a->isChecked())
            f.reviewStatuses << a->data().toString();
    f.reviewCase = m_case;
    f.reviewNote = m_note;
}

void ReviewFilterButton::setCaseNames(const QStringList &names)
{
    if (names == m_cases)
        return;
    m_cases = names;
    rebuildCases();
}

void ReviewFilterButton::rebuildCases()
{
    m_caseMenu->clear();
    for (QAction *a : m_caseGroup->actions())
        m_caseGroup->removeAction(a);
    QStringList names = m_cases;
    if (!m_case.isEmpty() && !names.contains(m_case))
        names.prepend(m_case);
    QAction *any = m_caseMenu->addAction(tr("Any case"));
    any->setCheckable(true);
    any->setChecked(m_case.isEmpty());
    m_caseGroup->addAction(any);
    connect(any, &QAction::triggered, this, [this] { setCase({}); });
    if (!names.isEmpty())
        m_caseMenu->addSeparator();
    for (const QString &n : names) {
        QAction *a = m_caseMenu->addAction(n);
        a->setCheckable(true);
        a->setChecked(n == m_case);
        m_caseGroup->addAction(a);
        connect(a, &QAction::triggered, this, [this, n] { setCase(n); });
    }
    if (names.isEmpty()) {
        QAction *none = m_caseMenu->addAction(tr("No cases yet"));
        none->setEnabled(false);
    }
}

void ReviewFilterButton::setStatuses(const QStringList &keys)
{
    bool changedAny = false;
    for (QAction *a : m_statusActions) {
        const bool on = keys.contains(a->data().toString());
        if (a->isChecked() != on) {
            const QSignalBlocker block(a);
            a->setChecked(on);
            changedAny = true;
        }
    }
    if (changedAny) {
        updateText();
        emit changed();
    }
}

void ReviewFilterButton::setCase(const QString &name)
{
    if (name == m_case)
        return;
    m_case = name;
    rebuildCases();
    updateText();
    emit changed();
}

void ReviewFilterButton::setNote(const QString &note)
{
    (note.isEmpty() ? m_noteAny : note == QLatin1String("*") ? m_noteAnyText : m_noteContains)->setChecked(true);
    if (note == m_note)
        return;
    m_note = note;
    updateText();
    emit changed();
}

bool ReviewFilterButton::isActive() const
{
    ArchiveFilter f;
    apply(f);
    return f.hasReviewConditions();
}

QString ReviewFilterButton::describe() const
{
    ArchiveFilter f;
    apply(f);
    QStringList parts;
    if (!f.reviewStatuses.isEmpty()) {
        QStringList names;
        for (const QString &k : f.reviewStatuses)
            names << ReviewText::statusName(k).toLower();
        parts << names.join(tr(", ", "between status names"));
    }
    if (!f.reviewCase.isEmpty())
        parts << tr("case %1").arg(f.reviewCase);
    if (f.reviewNote == QLatin1String("*"))
        parts << tr("with a note");
    else if (!f.reviewNote.isEmpty())
        parts << tr("note contains “%1”").arg(f.reviewNote);
    return parts.isEmpty() ? QString() : tr("Review: %1").arg(parts.join(QStringLiteral(" · ")));
}

void ReviewFilterButton::reset()
{
    const bool wasActive = isActive();
    for (QAction *a : m_statusActions) {
        const QSignalBlocker block(a);
        a->setChecked(false);
    }
    m_case.clear();
    m_note.clear();
    m_noteAny->setChecked(true);
    rebuildCases();
    updateText();
    if (wasActive)
        emit changed();
}

void ReviewFilterButton::updateText()
{
    const QString d = describe();
    setText(d.isEmpty() ? tr("Review: any") : d);
}

} // namespace ledger::gui
