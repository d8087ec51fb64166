#include "ui/activity/ChartSupport.h"

#include <QEvent>
#include <QHelpEvent>
#include <QMouseEvent>
#include <QToolTip>
#include <QWidget>

namespace ledger::gui {

QColor mixColors(const QColor &a, const QColor &b, qreal t)
{
    return QColor::fromRgbF(float(a.redF() * (1 - t) + b.redF() * t), float(a.greenF() * (1 - t) + b.greenF() * t),
                            float(a.blueF() * (1 - t) + b.blueF() * t));
}

bool showPlainToolTip(QWidget *widget, QHelpEvent *event, const QString &plainTip)
{
    if (plainTip.isEmpty()) {
        QToolTip::hideText();
        event->ignore();
    } else {
        // Escaped and kept on its lines: user names and app names are data, not markup.
        QToolTip::showText(event->globalPos(),
                           QLatin1String("<p style='white-space:pre'>") + plainTip.toHtmlEscaped() + QLatin1String("</p>"),
                           widget);
    }
    return true;
}

bool HoverChart::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        return showPlainToolTip(this, help, toolTipAt(help->pos()));
    }
    return QWidget::event(event);
}

void HoverChart::mouseMoveEvent(QMouseEvent *event)
{
    const QPoint pos = event->position().toPoint();
    if (hoverAt(pos)) {
        setCursor(clickableAt(pos) ? Qt::PointingHandCursor : Qt::ArrowCursor);
        update();
    }
    QWidget::mouseMoveEvent(event);
}

void HoverChart::mouseReleaseEvent(QMouseEvent *event)
{
    const QPoint pos = event->position().toPoint();
    if (event->button() == Qt::LeftButton && clickableAt(pos))
        clickedAt(pos);
    QWidget::mouseReleaseEvent(event);
}

void HoverChart::leaveEvent(QEvent *event)
{
    clearHover();
    update();
    QWidget::leaveEvent(event);
}

} // namespace ledger::gui
