#include "ui/connection/ProfileListPanel.h"

#include "app/auth/CredentialValidation.h"
#include "app/auth/ProfileStore.h"
#include "app/tenant/ProfileService.h"
#include "ui/common/Dialogs.h"
#include "ui/common/Icons.h"

#include <QDebug>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace ledger::gui {

ProfileListPanel::ProfileListPanel(ledger::ProfileService *service, QWidget *parent)
    : QWidget(parent), m_service(service)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *title = new QLabel(tr("Profiles"), this);
    layout->addWidget(title);
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("profileList"));
    m_list->setAccessibleName(tr("Connection profiles"));
    m_list->setMinimumWidth(170);
    m_list->setMaximumWidth(230);
    title->setBuddy(m_list);
    layout->addWidget(m_list, 1);
    auto *buttons = new QHBoxLayout;
    m_add = new QPushButton(themedIcon(QStringLiteral("add")), tr("Add"), this);
    m_rename = new QPushButton(themedIcon(QStringLiteral("rename")), tr("Rename"), this);
    m_delete = new QPushButton(themedIcon(QStringLiteral("remove")), tr("Delete"), this);
    for (QPushButton *b : {m_add, m_rename, m_delete})
        buttons->addWidget(b);
    m_delete->setToolTip(tr("Delete the profile and its secret in the keychain"));
    layout->addLayout(buttons);

    connect(m_add, &QPushButton::clicked, this, &ProfileListPanel::addRequested);
    connect(m_rename, &QPushButton::clicked, this, &ProfileListPanel::renameCurrent);
    connect(m_delete, &QPushButton::clicked, this, &ProfileListPanel::deleteCurrent);
    connect(m_list, &QListWidget::currentItemChanged, this, [this](QListWidgetItem *item) {
        if (item && item->data(Qt::UserRole).toString() != m_current)
            emit profileChosen(item->data(Qt::UserRole).toString());
    });
    connect(m_service, &ProfileService::removed, this, &ProfileListPanel::deleted);
}

void ProfileListPanel::reload(const QString &currentId)
{
    m_current = currentId;
    const QSignalBlocker block(m_list);
    m_list->clear();
    for (const Profile &p : m_service->profiles()->profiles()) {
        auto *item = new QListWidgetItem(p.name, m_list);
        item->setData(Qt::UserRole, p.id);
        if (p.id == m_current)
            m_list->setCurrentItem(item);
    }
    m_rename->setEnabled(!m_current.isEmpty());
    m_delete->setEnabled(!m_current.isEmpty());
}

QString ProfileListPanel::firstId() const
{
    return m_list->count() > 0 ? m_list->item(0)->data(Qt::UserRole).toString() : QString();
}

void ProfileListPanel::renameCurrent()
{
    ProfileStore *profiles = m_service->profiles();
    const auto p = profiles->profile(m_current);
    if (!p)
        return;
    bool ok = false;
    const QString name = normalizeInput(Dialogs::text(this, tr("Rename profile"), tr("New name:"), p->name, &ok));
    if (!ok || name.isEmpty() || name == p->name)
        return;
    const FieldCheck c = checkProfileName(name);
    if (!c.ok) {
        Dialogs::error(this, tr("Rename profile"), c.message);
        return;
    }
    QString logError;
    m_service->renameProfile(p->id, name, &logError);   // also records the change in the activity log
    if (!logError.isEmpty())
        qWarning().noquote() << logError;
    reload(m_current);
    emit renamed(p->id, name);
}

void ProfileListPanel::deleteCurrent()
{
    const auto p = m_service->profiles()->profile(m_current);
    if (!p)
        return;
    if (Dialogs::question(this, tr("Delete profile"),
                          tr("Delete the profile “%1” and remove its client secret from the keychain?").arg(p->name),
                          QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel) != QMessageBox::Yes)
        return;
    const bool forget = Dialogs::question(this, tr("Delete profile"),
                                          tr("Also forget the archived Copilot history of this tenant on this computer? "
                                             "Keep it if you may still need to browse or export it."),
                                          QMessageBox::Yes | QMessageBox::No, QMessageBox::No) == QMessageBox::Yes;
    m_delete->setEnabled(false);
    m_service->removeProfile(p->id, forget);
}

void ProfileListPanel::deleted(const ledger::ProfileRemoval &result)
{
    if (!result.problems.isEmpty())
        Dialogs::error(this, tr("Delete profile"), result.problems.join(u'\n'));
    reload(result.removed && result.profileId == m_current ? QString() : m_current);
}

} // namespace ledger::gui
