#include "main/WelcomePage.h"

#include "common/Icons.h"

#include <QLabel>
#include <QPushButton>
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
    auto *column = new QVBoxLayout;
    column->setSpacing(14);

    auto *logo = new QLabel(this);
    logo->setPixmap(appIcon().pixmap(64, 64));
    logo->setAlignment(Qt::AlignHCenter);
    column->addWidget(logo);

    auto *title = new QLabel(tr("Welcome to Copilot Ledger"), this);
    QFont f = title->font();
    f.setPointSizeF(f.pointSizeF() * 1.8);
    f.setBold(true);
    title->setFont(f);
    title->setAlignment(Qt::AlignHCenter);
    column->addWidget(title);

    auto *text = new QLabel(tr("Archive, browse and export the Microsoft 365 Copilot prompts and responses of "
                               "your organisation for audits. Everything is read with an app registration "
                               "you control and stays on this computer."), this);
    text->setWordWrap(true);
    text->setAlignment(Qt::AlignHCenter);
    text->setMaximumWidth(560);
    column->addWidget(text, 0, Qt::AlignHCenter);
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
    outer->addLayout(column);
    outer->addStretch(3);

    connect(m_connect, &QPushButton::clicked, this, &WelcomePage::connectRequested);
    connect(m_demo, &QPushButton::clicked, this, &WelcomePage::demoRequested);
}

} // namespace ledger::gui
