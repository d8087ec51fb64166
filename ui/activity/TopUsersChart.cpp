#include "ui/activity/TopUsersChart.h"

#include "ui/activity/ChartSupport.h"

#include <QEvent>
#include <QHelpEvent>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <cmath>

using namespace Qt::StringLiterals;

namespace ledger::gui {


TopUsersChart::TopUsersChart(QWidget *parent)
    : HoverChart(parent)
{
    setMouseTracking(true);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
}

QSize TopUsersChart::minimumSizeHint() const
{
    return {260, 120};
}

QSize TopUsersChart::sizeHint() const
{
    const QFontMetrics fm(font());
    return {420, int(qMax<qsizetype>(3, m_users.size()) * (fm.height() + 10) + 16)};
}

void TopUsersChart::setUsers(const QList<UserActivity> &users)
{
    m_users = users;
    m_max = 0;
    for (const UserActivity &u : users)
        m_max = qMax(m_max, u.count);
    m_hover = -1;
    relayout();
    updateGeometry();
    update();
}

QString TopUsersChart::nameOf(int row) const
{
    const UserActivity &u = m_users[row];
    return u.displayName.isEmpty() ? u.userId : u.displayName;
}

void TopUsersChart::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    relayout();
}

void TopUsersChart::relayout()
{
    m_rows.clear();
    m_bars.clear();
    m_names.clear();
    if (m_users.isEmpty() || m_max <= 0)
        return;
    const QFontMetricsF fm(font());
    const QLocale locale;
    const qreal pad = 8;
    const qreal rowH = fm.height() + 10;
    qreal widest = 0;
    for (int i = 0; i < m_users.size(); ++i)
        widest = qMax(widest, fm.horizontalAdvance(nameOf(i)));
    m_nameWidth = qMin(widest, width() * 0.38);
    const qreal countW = fm.horizontalAdvance(locale.toString(m_max)) + 10;
    const qreal barLeft = pad + m_nameWidth + 10;
    const qreal barMax = qMax(10.0, width() - pad - countW - barLeft);
    const qreal dpr = devicePixelRatioF() > 0 ? devicePixelRatioF() : 1.0;
    for (int i = 0; i < m_users.size(); ++i) {
        const qreal top = pad + i * rowH;
        m_rows << QRectF(0, top, width(), rowH);
        const qreal len = qMax(1.0, std::round(barMax * double(m_users[i].count) / double(m_max) * dpr) / dpr);
        m_bars << QRectF(barLeft, std::round(top + 3), len, std::round(rowH - 6));
        m_names << fm.elidedText(nameOf(i), Qt::ElideRight, m_nameWidth);
    }
}

QRectF TopUsersChart::barRect(int row) const
{
    return row >= 0 && row < m_bars.size() ? m_bars[row] : QRectF();
}

int TopUsersChart::hitTest(const QPoint &pos) const
{
    for (int i = 0; i < m_rows.size(); ++i)
        if (m_rows[i].contains(QPointF(pos)))
            return i;
    return -1;
}

QString TopUsersChart::toolTipFor(int row) const
{
    if (row < 0 || row >= m_users.size())
        return {};
    const UserActivity &u = m_users[row];
    const QString count = QLocale().toString(u.count);
    if (m_findings)
        return nameOf(row) + u'\n' + (u.count == 1 ? tr("1 finding") : tr("%1 findings").arg(count));
    return nameOf(row) + u'\n' + (u.count == 1 ? tr("1 interaction") : tr("%1 interactions").arg(count));
}

bool TopUsersChart::hoverAt(const QPoint &pos)
{
    const int row = hitTest(pos);
    if (row == m_hover)
        return false;
    m_hover = row;
    return true;
}

void TopUsersChart::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    const QPalette pal = palette();
    const QColor text = pal.color(QPalette::WindowText);
    const QColor muted = mixColors(text, pal.color(QPalette::Window), 0.4);
    if (m_rows.isEmpty()) {
        p.setPen(muted);
        p.drawText(rect(), Qt::AlignCenter | Qt::TextWordWrap, tr("No users for the current filter."));
        return;
    }
    const QFontMetricsF fm(font());
    const QLocale locale;
    const QColor bar = pal.color(QPalette::Highlight);
    for (int i = 0; i < m_rows.size(); ++i) {
        const QRectF row = m_rows[i];
        if (i == m_hover) {
            QColor hl = pal.color(QPalette::Highlight);
            hl.setAlphaF(0.10f);
            p.fillRect(row, hl);
        }
        p.setPen(text);
        p.drawText(QRectF(8, row.top(), m_nameWidth, row.height()), Qt::AlignLeft | Qt::AlignVCenter, m_names[i]);
        QColor c = bar;
        if (i == m_hover)
            c = pal.color(QPalette::Base).lightnessF() < 0.5 ? c.lighter(125) : c.darker(115);
        p.fillRect(m_bars[i], c);
        p.setPen(muted);
        p.drawText(QPointF(m_bars[i].right() + 6, row.top() + (row.height() - fm.height()) / 2 + fm.ascent()),
                   locale.toString(m_users[i].count));
    }
}

} // namespace ledger::gui
