#pragma once
// The filter bar's "Review" button (Sessions and Prompts tabs): review statuses, a case, notes
// (ArchiveFilter::reviewStatuses / reviewCase / reviewNote; docs/USER-GUIDE.md "Reviewing").
#include "app/archive/ArchiveTypes.h"
#include <QToolButton>

class QActionGroup;
class QMenu;

namespace ledger::gui {

class ReviewFilterButton : public QToolButton {
    Q_OBJECT
public:
    explicit ReviewFilterButton(QWidget *parent = nullptr);

    void apply(ledger::ArchiveFilter &f) const;   // sets the review fields of f
    // The cases offered (a chosen case that is no longer there stays offered).
    void setCaseNames(const QStringList &names);
    void setStatuses(const QStringList &keys);
    void setCase(const QString &name);           // "" = any
    void setNote(const QString &note);           // "" any, "*" with a note, else contains
    bool isActive() const;
    QString describe() const;                    // "Review: flagged, escalated · case Falcon"
    void reset();

signals:
    void changed();

private:
    void rebuildCases();
    void updateText();
    QMenu *m_menu;
    QList<QAction *> m_statusActions;
    QMenu *m_caseMenu;
    QActionGroup *m_caseGroup;
    QStringList m_cases;
    QString m_case, m_note;
    QAction *m_noteAny, *m_noteAnyText, *m_noteContains;
};

} // namespace ledger::gui
