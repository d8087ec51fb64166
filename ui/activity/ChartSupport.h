#pragma once
// What the two activity charts (DailyActivityChart, TopUsersChart) share: colour mixing for
// muted text and grid lines, their hover tooltips (plain text shown as-is, never as HTML), and
// the mouse handling of a chart whose items can be hovered and clicked (HoverChart).
#include <QColor>
#include <QPoint>
#include <QString>
#include <QWidget>

class QHelpEvent;

namespace ledger::gui {

// a blended towards b by t (0 = a, 1 = b).
QColor mixColors(const QColor &a, const QColor &b, qreal t);
// Shows `plainTip` for a QEvent::ToolTip (hides the tooltip and ignores the event when it is
// empty); returns true, as QWidget::event() should for a handled tooltip.
bool showPlainToolTip(QWidget *widget, QHelpEvent *event, const QString &plainTip);

// A chart of items under the mouse: the hovered item is highlighted (a repaint when it changes),
// a pointing-hand cursor over an item a click opens, a plain-text tooltip, a left click on such
// an item reported by clickedAt. Subclasses say what is where.
class HoverChart : public QWidget {
    Q_OBJECT
public:
    using QWidget::QWidget;

protected:
    virtual QString toolTipAt(const QPoint &pos) const = 0;
    // Makes the item at pos (none: outside every item) the hovered one; true when that changed.
    virtual bool hoverAt(const QPoint &pos) = 0;
    virtual void clearHover() = 0;   // the mouse left the chart
    virtual bool clickableAt(const QPoint &pos) const = 0;
    virtual void clickedAt(const QPoint &pos) = 0;   // only where clickableAt

    bool event(QEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void leaveEvent(QEvent *event) override;
};

} // namespace ledger::gui
