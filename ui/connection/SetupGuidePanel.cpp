#include "ui/connection/SetupGuidePanel.h"

#include "app/auth/TokenClaims.h"
#include "ui/common/Icons.h"

#include <QApplication>
#include <QClipboard>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QScrollArea>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace ledger::gui {

QStringList SetupGuidePanel::permissionNames()
{
    return {QString::fromLatin1(kRoleInteractions), QString::fromLatin1(kRoleUsers)};
}

SetupGuidePanel::SetupGuidePanel(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("setupGuide"));
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    outer->addWidget(scroll);
    auto *content = new QWidget(scroll);
    scroll->setWidget(content);
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(12, 8, 12, 8);
    layout->setSpacing(8);

    auto *title = new QLabel(tr("Setup guide"), content);
    QFont tf = title->font();
    tf.setBold(true);
    tf.setPointSizeF(tf.pointSizeF() * 1.2);
    title->setFont(tf);
    layout->addWidget(title);

    auto *intro = new QLabel(tr("An administrator of your Microsoft 365 tenant does this once in the "
                                "Azure portal (portal.azure.com → Microsoft Entra ID)."), content);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    const QStringList steps = {
        tr("<b>App registrations</b> → <b>New registration</b>. Any name; no redirect URI."),
        tr("On the app's <b>Overview</b>, copy the <b>Application (client) ID</b> and the "
           "<b>Directory (tenant) ID</b> into this dialog."),
        tr("<b>Certificates &amp; secrets</b> → <b>New client secret</b>. Copy the secret's "
           "<b>Value</b> right away (it is shown once) — not the Secret ID."),
        tr("<b>API permissions</b> → <b>Add a permission</b> → <b>Microsoft Graph</b> → "
           "<b>Application permissions</b>, and add these two:"),
    };
    int n = 1;
    for (const QString &s : steps) {
        auto *l = new QLabel(QStringLiteral("%1. %2").arg(n++).arg(s), content);
        l->setWordWrap(true);
        l->setTextFormat(Qt::RichText);
        layout->addWidget(l);
    }
    for (const QString &perm : permissionNames()) {
        auto *row = new QHBoxLayout;
        row->setContentsMargins(18, 0, 0, 0);
        auto *name = new QLabel(perm, content);
        name->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
        name->setTextInteractionFlags(Qt::TextSelectableByMouse);
        row->addWidget(name);
        auto *copy = new QToolButton(content);
        copy->setObjectName(QStringLiteral("copyPermission_") + perm);
        copy->setIcon(themedIcon(QStringLiteral("copy")));
        copy->setText(tr("Copy"));
        copy->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        copy->setAutoRaise(true);
        copy->setToolTip(tr("Copy %1 to the clipboard").arg(perm));
        copy->setAccessibleName(tr("Copy %1").arg(perm));
        connect(copy, &QToolButton::clicked, this, [this, copy, perm] {
            QApplication::clipboard()->setText(perm);
            copy->setText(tr("Copied"));
            QTimer::singleShot(1500, copy, [copy] { copy->setText(tr("Copy")); });
            emit copied(perm);
        });
        row->addWidget(copy);
        row->addStretch(1);
        layout->addLayout(row);
    }
    const QStringList more = {
        tr("<b>Grant admin consent</b> for the tenant (needs a Global Administrator or a "
           "Privileged Role Administrator)."),
        tr("Choose the cloud your tenant lives in (most tenants: Global), then <b>Test connection</b>."),
    };
    for (const QString &s : more) {
        auto *l = new QLabel(QStringLiteral("%1. %2").arg(n++).arg(s), content);
        l->setWordWrap(true);
        l->setTextFormat(Qt::RichText);
        layout->addWidget(l);
    }
    auto *licence = new QLabel(tr("<b>Licences:</b> only users with Microsoft 365 Copilot (the "
                                  "<i>Microsoft Copilot with Graph-grounded chat</i> plan) have a "
                                  "history to read. Others show as <i>Not licensed</i>."), content);
    licence->setWordWrap(true);
    licence->setTextFormat(Qt::RichText);
    layout->addWidget(licence);
    layout->addStretch(1);
}

} // namespace ledger::gui
