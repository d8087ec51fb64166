#include "ui/activity/DailyActivityChart.h"

#include "ui/activity/AppColors.h"
#include "ui/activity/ChartSupport.h"

#include <QEvent>
#include <QHelpEvent>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <cmath>

using namespace Qt::StringLiterals;

namespace ledger::gui {


DailyActivityChart::DailyActivityChart(QWidget *parent)
    : HoverChart(parent)
{
    setMouseTracking(true);
    setAttribute(Qt::WA_OpaquePaintEvent, false);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

QSize DailyActivityChart::minimumSizeHint() const
{
    return {320, 200};
}

QSize DailyActivityChart::sizeHint() const
{
    return {760, 340};
}

QColor DailyActivityChart::stackColor(int stack, bool dark) const
{
    return m_series.measure == ActivitySeries::Findings ? paletteColor(stack, dark) : appColor(m_series.appNames.value(stack), dark);
}

void DailyActivityChart::setSeries(const ActivitySeries &series)
{
    m_series = series;
    m_hoverDay = m_hoverApp = -1;
    relayout();
    update();
}

bool DailyActivityChart::darkBackground() const
{
    return palette().color(QPalette::Window).lightnessF() < 0.5;
}

void DailyActivityChart::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    relayout();
}

void DailyActivityChart::relayout()
{
    m_segments.clear();
    m_legend.clear();
    m_xLabels.clear();
    m_plot = {};
    m_slot = 0;
    m_rangeCaption.clear();
    if (m_series.days.isEmpty() || m_series.total == 0)
        return;

    const QFontMetricsF fm(font());
    const QLocale locale;
    const qreal w = width(), h = height();
    const qreal pad = 8;

    // Legend rows at the top.
    qreal x = pad, y = pad;
    const qreal sw = std::round(fm.height() * 0.7);
    for (int a = 0; a < m_series.appClasses.size(); ++a) {
        const QString text = m_series.appNames[a] + u' ' + u'(' + locale.toString(m_series.appTotals[a]) + u')';
        const qreal itemW = sw + 6 + fm.horizontalAdvance(text) + 16;
        if (x + itemW > w - pad && x > pad) {
            x = pad;
            y += fm.height() + 4;
        }
        const qreal cy = y + fm.height() / 2;
        m_legend.append({QRectF(x, std::round(cy - sw / 2), sw, sw), QPointF(x + sw + 6, y + fm.ascent()), text, a});
        x += itemW;
    }
    const qreal legendBottom = y + fm.height() + 10;

    // Y axis labels decide the left margin.
    qreal labelW = 0;
    for (qint64 v = 0; v <= m_series.axisMax; v += m_series.axisStep)
        labelW = qMax(labelW, fm.horizontalAdvance(locale.toString(v)));
    const qreal left = pad + labelW + 8;
    const qreal right = w - pad - 4;
    const qreal bottom = h - pad - 2 * fm.height() - 8;   // date labels + range caption
    if (right - left < 40 || bottom - legendBottom < 40)
        return;
    m_plot = QRectF(QPointF(left, legendBottom), QPointF(right, bottom));

    const int n = int(m_series.days.size());
    m_slot = m_plot.width() / n;
    const qreal barW = m_slot >= 4 ? m_slot * 0.72 : m_slot;
    const qreal dpr = devicePixelRatioF() > 0 ? devicePixelRatioF() : 1.0;
    auto snap = [dpr](qreal v) { return std::round(v * dpr) / dpr; };
    const qreal scale = m_plot.height() / qMax<qint64>(1, m_series.axisMax);

    m_segments.resize(n);
    for (int d = 0; d < n; ++d) {
        const qreal x0 = snap(m_plot.left() + d * m_slot + (m_slot - barW) / 2);
        const qreal x1 = snap(m_plot.left() + d * m_slot + (m_slot + barW) / 2);
        qint64 acc = 0;
        QList<QRectF> &row = m_segments[d];
        row.resize(m_series.appClasses.size());
        for (int a = 0; a < m_series.appClasses.size(); ++a) {
            const qint64 c = m_series.counts[d][a];
            if (c <= 0)
                continue;
            const qreal yTop = snap(m_plot.bottom() - (acc + c) * scale);
            const qreal yBottom = snap(m_plot.bottom() - acc * scale);
            row[a] = QRectF(QPointF(x0, yTop), QPointF(qMax(x1, x0 + 1 / dpr), qMax(yBottom, yTop + 1 / dpr)));
            acc += c;
        }
    }

    // Date labels: as many as fit, on round days (every k days, Mondays, 1st of the month).
    const QString fmt = u"d MMM"_s;
    const qreal needed = fm.horizontalAdvance(locale.toString(QDate(2000, 12, 30), fmt)) + 14;
    const int k = qMax(1, int(std::ceil(needed / m_slot)));
    for (int d = 0; d < n; ++d) {
        const QDate day = m_series.days[d];
        bool label;
        if (k <= 1)
            label = true;
        else if (k <= 3)
            label = d % k == 0;
        else if (k <= 7)
            label = day.dayOfWeek() == Qt::Monday;
        else if (k <= 14)
            label = day.dayOfWeek() == Qt::Monday && (day.toJulianDay() / 7) % 2 == 0;
        else if (k <= 31)
            label = day.day() == 1;
        else
            label = day.day() == 1 && (day.month() - 1) % ((k + 29) / 30) == 0;
        if (label)
            m_xLabels.append({m_plot.left() + (d + 0.5) * m_slot, locale.toString(day, fmt)});
    }
    m_rangeCaption = tr("%1 – %2 (days in UTC)")
                         .arg(locale.toString(m_series.days.constFirst(), QLocale::ShortFormat),
                              locale.toString(m_series.days.constLast(), QLocale::ShortFormat));
}

QRectF DailyActivityChart::segmentRect(int day, int app) const
{
    if (day < 0 || day >= m_segments.size() || app < 0 || app >= m_segments[day].size())
        return {};
    return m_segments[day][app];
}

DailyActivityChart::Hit DailyActivityChart::hitTest(const QPoint &pos) const
{
    Hit hit;
    if (m_plot.isEmpty() || m_slot <= 0)
        return hit;
    const QPointF p(pos);
    if (p.y() < m_plot.top() - 2 || p.y() > m_plot.bottom() + 2 || p.x() < m_plot.left() || p.x() >= m_plot.right())
        return hit;
    const int d = int((p.x() - m_plot.left()) / m_slot);
    if (d < 0 || d >= m_segments.size())
        return hit;
    hit.day = d;
    for (int a = 0; a < m_segments[d].size(); ++a) {
        const QRectF &r = m_segments[d][a];
        if (!r.isEmpty() && p.y() >= r.top() && p.y() <= r.bottom()) {
            hit.app = a;
            break;
        }
    }
    return hit;
}

QString DailyActivityChart::toolTipFor(const Hit &hit) const
{
    if (hit.day < 0 || hit.day >= m_series.days.size())
        return {};
    const QLocale locale;
    QString tip = locale.toString(m_series.days[hit.day], u"dddd d MMMM yyyy"_s);
    if (hit.app >= 0 && hit.app < m_series.appClasses.size())
        tip += u'\n' + m_series.appNames[hit.app] + u": "_s + locale.toString(m_series.counts[hit.day][hit.app]);
    tip += u'\n' + (m_series.measure == ActivitySeries::Findings ? tr("All findings: %1") : tr("All apps: %1"))
                       .arg(locale.toString(m_series.dayTotals[hit.day]));
    return tip;
}

bool DailyActivityChart::hoverAt(const QPoint &pos)
{
    const Hit hit = hitTest(pos);
    if (hit.day == m_hoverDay && hit.app == m_hoverApp)
        return false;
    m_hoverDay = hit.day;
    m_hoverApp = hit.app;
    return true;
}

bool DailyActivityChart::clickableAt(const QPoint &pos) const
{
    const Hit hit = hitTest(pos);
    return hit.day >= 0 && m_series.dayTotals.value(hit.day) > 0;
}

void DailyActivityChart::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    const QPalette pal = palette();
    const QColor text = pal.color(QPalette::WindowText);
    const QColor muted = mixColors(text, pal.color(QPalette::Window), 0.4);
    const QColor grid = mixColors(text, pal.color(QPalette::Window), 0.85);
    const bool dark = darkBackground();
    const QLocale locale;

    // Legend: always, even when there is no room left for the bars (which colour is which app).
    p.setRenderHint(QPainter::Antialiasing, true);
    qreal legendBottom = 0;
    for (const LegendItem &item : std::as_const(m_legend)) {
        p.setPen(Qt::NoPen);
        p.setBrush(stackColor(item.app, dark));
        p.drawRoundedRect(item.swatch, 2, 2);
        p.setPen(text);
        p.drawText(item.textPos, item.text);
        legendBottom = qMax(legendBottom, item.swatch.bottom() + 4);
    }
    p.setRenderHint(QPainter::Antialiasing, false);

    if (m_plot.isEmpty()) {
        p.setPen(muted);
        p.drawText(rect().adjusted(0, int(legendBottom), 0, 0), Qt::AlignCenter | Qt::TextWordWrap,
                   m_series.total == 0 ? (m_series.measure == ActivitySeries::Findings ? tr("No findings for the current filter.") : tr("No interactions for the current filter.")) : tr("Not enough room to draw the chart."));
        return;
    }
    const QFontMetricsF fm(font());

    // Grid + y labels
    const qreal scale = m_plot.height() / qMax<qint64>(1, m_series.axisMax);
    for (qint64 v = 0; v <= m_series.axisMax; v += m_series.axisStep) {
        const qreal y = std::round(m_plot.bottom() - v * scale) + 0.5;
        p.setPen(QPen(v == 0 ? muted : grid, 0));
        p.drawLine(QPointF(m_plot.left(), y), QPointF(m_plot.right(), y));
        p.setPen(muted);
        const QString label = locale.toString(v);
        p.drawText(QRectF(0, y - fm.height() / 2, m_plot.left() - 6, fm.height()), Qt::AlignRight | Qt::AlignVCenter, label);
    }

    // Hovered day
    if (m_hoverDay >= 0) {
        QColor hl = pal.color(QPalette::Highlight);
        hl.setAlphaF(0.12f);
        p.fillRect(QRectF(m_plot.left() + m_hoverDay * m_slot, m_plot.top(), m_slot, m_plot.height()), hl);
    }

    // Bars
    for (int d = 0; d < m_segments.size(); ++d) {
        for (int a = 0; a < m_segments[d].size(); ++a) {
            const QRectF &r = m_segments[d][a];
            if (r.isEmpty())
                continue;
            QColor c = stackColor(a, dark);
            if (d == m_hoverDay && a == m_hoverApp)
                c = dark ? c.lighter(130) : c.darker(125);
            p.fillRect(r, c);
        }
    }

    // X labels + ticks
    p.setPen(muted);
    for (const XLabel &l : std::as_const(m_xLabels)) {
        const qreal x = std::round(l.x) + 0.5;
        p.drawLine(QPointF(x, m_plot.bottom() + 1), QPointF(x, m_plot.bottom() + 4));
        const qreal tw = fm.horizontalAdvance(l.text);
        qreal left = l.x - tw / 2;
        left = qBound(0.0, left, width() - tw);
        p.drawText(QPointF(left, m_plot.bottom() + 5 + fm.ascent()), l.text);
    }
    p.drawText(QRectF(m_plot.left(), m_plot.bottom() + 6 + fm.height(), m_plot.width(), fm.height() + 2),
               Qt::AlignHCenter | Qt::AlignTop, m_rangeCaption);
}

} // namespace ledger::gui
