#include "ui/filter/NoMatchPanel.h"

#include "ui/common/Icons.h"

#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace ledger::gui {

NoMatchPanel::NoMatchPanel(QWidget *parent)
    : QFrame(parent)
{
    setObjectName(QStringLiteral("noMatchPanel"));
    setAutoFillBackground(true);
    auto *v = new QVBoxLayout(this);
    v->setContentsMargins(0, 0, 0, 0);
    v->setSpacing(8);
    m_title = new QLabel(tr("Nothing matches these filters. Remove one to see more:"), this);
    m_title->setWordWrap(true);
    m_title->setAlignment(Qt::AlignHCenter);
    m_title->setForegroundRole(QPalette::PlaceholderText);
    v->addWidget(m_title);
    m_buttons = new QWidget(this);
    m_buttonLayout = new QVBoxLayout(m_buttons);
    m_buttonLayout->setContentsMargins(0, 0, 0, 0);
    m_buttonLayout->setSpacing(4);
    v->addWidget(m_buttons, 0, Qt::AlignHCenter);
    hide();
}

void NoMatchPanel::setParts(const QList<FilterBar::ActivePart> &parts)
{
    while (QLayoutItem *item = m_buttonLayout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    for (const FilterBar::ActivePart &p : parts) {
        auto *b = new QPushButton(themedIcon(QStringLiteral("close")), p.label, m_buttons);
        b->setToolTip(tr("Remove this filter"));
        b->setAccessibleName(tr("Remove filter %1").arg(p.label));
        const FilterBar::Part part = p.part;
        connect(b, &QPushButton::clicked, this, [this, part] { emit clearRequested(part); });
        m_buttonLayout->addWidget(b);
    }
    if (parts.size() > 1) {
        auto *all = new QPushButton(tr("Clear all filters"), m_buttons);
        connect(all, &QPushButton::clicked, this, &NoMatchPanel::clearAllRequested);
        m_buttonLayout->addWidget(all);
    }
    adjustSize();
}

} // namespace ledger::gui
