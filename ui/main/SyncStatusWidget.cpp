#include "ui/main/SyncStatusWidget.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>

namespace ledger::gui {

SyncStatusWidget::SyncStatusWidget(QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_label = new QLabel(this);
    m_label->setObjectName(QStringLiteral("syncStatusText"));
    m_bar = new QProgressBar(this);
    m_bar->setObjectName(QStringLiteral("syncProgress"));
    m_bar->setAccessibleName(tr("Sync progress"));
    m_bar->setMinimumWidth(m_bar->fontMetrics().horizontalAdvance(QStringLiteral("88,888 / 88,888")) + 24);
    m_bar->setMaximumWidth(240);
    m_bar->setTextVisible(true);
    layout->addWidget(m_label);
    layout->addWidget(m_bar);
    hide();
}

void SyncStatusWidget::start()
{
    m_bar->setRange(0, 0);
    m_label->setText(tr("Signing in and reading the user list…"));
    show();
}

QString SyncStatusWidget::describe(const ledger::SyncProgress &p)
{
    const QLocale loc;
    // The users part says the same as the bar beside it (same numbers, same separators).
    QString s = p.usersTotal > 0 ? tr("Users %1 of %2 · %3 new interactions · %4 requests/s")
                                       .arg(loc.toString(p.usersDone), loc.toString(p.usersTotal),
                                            loc.toString(p.interactionsNew), loc.toString(p.requestsPerSecond, 'f', 1))
                                 : tr("Reading the user list · %1 new interactions")
                                       .arg(loc.toString(p.interactionsNew));
    if (p.throttled > 0)
        s += tr(" · %Ln throttled (429)", nullptr, int(p.throttled));
    if (p.serverWaitSeconds > 0)
        s += tr(" · waiting %Ln s because Microsoft Graph asked", nullptr, p.serverWaitSeconds);
    if (p.etaSeconds >= 0) {
        const qint64 m = p.etaSeconds / 60, sec = p.etaSeconds % 60;
        s += m > 0 ? tr(" · about %1 min %2 s left").arg(m).arg(sec)
                   : tr(" · about %1 s left").arg(sec);
    }
    return s;
}

void SyncStatusWidget::setProgress(const ledger::SyncProgress &p)
{
    if (p.usersTotal > 0) {
        m_bar->setRange(0, p.usersTotal);
        m_bar->setValue(p.usersDone);
        // QProgressBar's %v / %m leave out the thousands separator: format the numbers here.
        const QLocale loc;
        m_bar->setFormat(tr("%1 / %2").arg(loc.toString(p.usersDone), loc.toString(p.usersTotal)));
        m_bar->setToolTip(tr("%1 of %2 users read").arg(loc.toString(p.usersDone), loc.toString(p.usersTotal)));
    }
    m_label->setText(describe(p));
    show();
}

void SyncStatusWidget::finish()
{
    hide();
}

QString SyncStatusWidget::text() const
{
    return m_label->text();
}

} // namespace ledger::gui
