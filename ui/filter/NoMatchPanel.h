#pragma once
// "Nothing matches" over an empty table: one line per active filter part (text, dates, apps,
// user, status), each with its own clear button, and "Clear all".
#include "ui/filter/FilterBar.h"
#include <QFrame>

class QLabel;
class QVBoxLayout;

namespace ledger::gui {

class NoMatchPanel : public QFrame {
    Q_OBJECT
public:
    explicit NoMatchPanel(QWidget *parent = nullptr);
    // Rebuilds the buttons; hidden when `parts` is empty.
    void setParts(const QList<FilterBar::ActivePart> &parts);

signals:
    void clearRequested(ledger::gui::FilterBar::Part part);
    void clearAllRequested();

private:
    QLabel *m_title;
    QWidget *m_buttons;
    QVBoxLayout *m_buttonLayout;
};

} // namespace ledger::gui
