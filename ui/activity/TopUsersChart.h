#pragma once
// The most active users as horizontal bars (QPainter): name, bar, count; hover highlight and
// tooltip. Geometry cached on resize / new data.
#include "app/archive/ArchiveTypes.h"
#include <QList>
#include "ui/activity/ChartSupport.h"
#include <QRectF>

namespace ledger::gui {

class TopUsersChart : public HoverChart {
    Q_OBJECT
public:
    explicit TopUsersChart(QWidget *parent = nullptr);

    void setUsers(const QList<UserActivity> &users);   // highest first
    void setCountingFindings(bool findings) { m_findings = findings; }   // tooltips say "findings"
    const QList<UserActivity> &users() const { return m_users; }

    int hitTest(const QPoint &pos) const;               // row index or -1
    QRectF barRect(int row) const;
    QString toolTipFor(int row) const;                  // plain text

    QSize minimumSizeHint() const override;
    QSize sizeHint() const override;

signals:
    void userClicked(int row);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    QString toolTipAt(const QPoint &pos) const override { return toolTipFor(hitTest(pos)); }
    bool hoverAt(const QPoint &pos) override;
    void clearHover() override { m_hover = -1; }
    bool clickableAt(const QPoint &pos) const override { return hitTest(pos) >= 0; }
    void clickedAt(const QPoint &pos) override { emit userClicked(hitTest(pos)); }

private:
    void relayout();
    QString nameOf(int row) const;

    QList<UserActivity> m_users;
    qint64 m_max = 0;
    QList<QRectF> m_rows;      // full row rects
    QList<QRectF> m_bars;
    QList<QString> m_names;    // elided
    qreal m_nameWidth = 0;
    int m_hover = -1;
    bool m_findings = false;
};

} // namespace ledger::gui
