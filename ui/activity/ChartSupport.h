#pragma once
// What the two activity charts (DailyActivityChart, TopUsersChart) share: colour mixing for
// muted text and grid lines, and their hover tooltips (plain text shown as-is, never as HTML).
#include <QColor>
#include <QString>

class QHelpEvent;
class QWidget;

namespace ledger::gui {

// a blended towards b by t (0 = a, 1 = b).
QColor mixColors(const QColor &a, const QColor &b, qreal t);
// Shows `plainTip` for a QEvent::ToolTip (hides the tooltip and ignores the event when it is
// empty); returns true, as QWidget::event() should for a handled tooltip.
bool showPlainToolTip(QWidget *widget, QHelpEvent *event, const QString &plainTip);

} // namespace ledger::gui
