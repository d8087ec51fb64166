#pragma once
// Interactions per day, stacked by app (QPainter, no Qt Charts): legend, y axis with grid lines,
// date labels, hover highlight and tooltip (day, app, count). Geometry is computed on resize /
// new data and cached; paintEvent only draws.
#include "app/archive/ActivitySeries.h"
#include "ui/activity/ChartSupport.h"
#include <QRectF>

namespace ledger::gui {

class DailyActivityChart : public HoverChart {
    Q_OBJECT
public:
    explicit DailyActivityChart(QWidget *parent = nullptr);

    void setSeries(const ActivitySeries &series);
    const ActivitySeries &series() const { return m_series; }

    struct Hit {
        int day = -1;   // index into series().days, -1 = none
        int app = -1;   // index into series().appClasses, -1 = not on a bar segment
    };
    Hit hitTest(const QPoint &pos) const;
    QRectF segmentRect(int day, int app) const;          // empty if the segment has no height
    QRectF plotRect() const { return m_plot; }
    QString toolTipFor(const Hit &hit) const;            // plain text

    QSize minimumSizeHint() const override;
    QSize sizeHint() const override;

signals:
    void dayClicked(int day);   // index into series().days

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    QString toolTipAt(const QPoint &pos) const override { return toolTipFor(hitTest(pos)); }
    bool hoverAt(const QPoint &pos) override;
    void clearHover() override { m_hoverDay = m_hoverApp = -1; }
    bool clickableAt(const QPoint &pos) const override;
    void clickedAt(const QPoint &pos) override { emit dayClicked(hitTest(pos).day); }

private:
    void relayout();
    bool darkBackground() const;

    struct LegendItem {
        QRectF swatch;
        QPointF textPos;
        QString text;
        int app;
    };
    struct XLabel {
        qreal x;
        QString text;
    };

    QColor stackColor(int stack, bool dark) const;   // by app, or by position for findings
    ActivitySeries m_series;
    QRectF m_plot;
    qreal m_slot = 0;
    QList<QList<QRectF>> m_segments;      // [day][app]
    QList<LegendItem> m_legend;
    QList<XLabel> m_xLabels;
    QString m_rangeCaption;
    int m_hoverDay = -1;
    int m_hoverApp = -1;
};

} // namespace ledger::gui
