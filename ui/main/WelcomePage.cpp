#include "ui/main/WelcomePage.h"

#include "ui/common/Icons.h"

#include <QLabel>
#include <QPushButton>
#include <QHBoxLayout>
#include <QVBoxLayout>

namespace ledger::gui {

namespace {
QPushButton *bigButton(const QIcon &icon, const QString &title, const QString &text, QWidget *parent)
{
    auto *b = new QPushButton(parent);
    b->setIcon(icon);
    b->setIconSize(QSize(32, 32));
    b->setText(title + QLatin1Char('\n') + text);
    b->setMinimumSize(300, 76);
    b->setStyleSheet(QStringLiteral("QPushButton { text-align: left; padding: 10px 16px; }"));
    b->setAccessibleName(title);
    b->setAccessibleDescription(text);
    return b;
}
} // namespace

WelcomePage::WelcomePage(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("welcomePage"));
    auto *outer = new QVBoxLayout(this);
    outer->addStretch(2);
    // A column of fixed width, centred by stretches: a wrapped label aligned in a layout gets its
    // one-line height and is cut off, so the sentence takes the column's full width instead.
    auto *box = new QWidget(this);
    box->setFixedWidth(600);
    auto *column = new QVBoxLayout(box);
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(14);

    auto *logo = new QLabel(this);
    logo->setPixmap(appIcon().pixmap(64, 64));
    logo->setAlignment(Qt::AlignHCenter);
    column->addWidget(logo);

    auto *title = new QLabel(tr("Welcome to Copilot Ledger"), box);
    QFont f = title->font();
    f.setPointSizeF(f.pointSizeF() * 1.8);
    f.setBold(true);
    title->setFont(f);
    title->setAlignment(Qt::AlignHCenter);
    column->addWidget(title);

    auto *text = new QLabel(tr("Archive, browse and export the Microsoft 365 Copilot prompts and responses of "
                               "your organisation for audits. Everything is read with an app registration "
                               "you control and stays on this computer."), box);
    text->setWordWrap(true);
    text->setAlignment(Qt::AlignHCenter);
    column->addWidget(text);
    column->addSpacing(12);

    m_connect = bigButton(themedIcon(QStringLiteral("connect")), tr("Connect to your tenant"),
                          tr("Tenant ID, client ID and secret of an app registration"), this);
    m_connect->setObjectName(QStringLiteral("welcomeConnect"));
    m_connect->setDefault(true);
    m_demo = bigButton(themedIcon(QStringLiteral("demo")), tr("Explore the demo tenant"),
                       tr("A built-in simulated tenant; no Azure account needed"), this);
    m_demo->setObjectName(QStringLiteral("welcomeDemo"));
    column->addWidget(m_connect, 0, Qt::AlignHCenter);
    column->addWidget(m_demo, 0, Qt::AlignHCenter);
    auto *centre = new QHBoxLayout;
    centre->addStretch(1);
    centre->addWidget(box);
    centre->addStretch(1);
    outer->addLayout(centre);
    outer->addStretch(3);

    connect(m_connect, &QPushButton::clicked, this, &WelcomePage::connectRequested);
    connect(m_demo, &QPushButton::clicked, this, &WelcomePage::demoRequested);
}

} // namespace ledger::gui
