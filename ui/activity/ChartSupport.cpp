#include "ui/activity/ChartSupport.h"

#include <QHelpEvent>
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

} // namespace ledger::gui
