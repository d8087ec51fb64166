#include "ui/connection/ConnectionDialog.h"

#include "app/auth/ProfileStore.h"
#include "app/tenant/ProfileService.h"
#include "ui/connection/ProfileListPanel.h"
#include "ui/connection/SetupGuidePanel.h"

#include <QHBoxLayout>
#include <QLineEdit>
#include <QListWidget>

namespace ledger::gui {

ConnectionDialog::ConnectionDialog(ledger::ProfileStore *profiles, ledger::SecretStore *secrets,
                                   QWidget *parent)
    : QDialog(parent)
    , m_profiles(profiles)
    , m_service(new ProfileService(profiles, secrets, this))
    , m_list(new ProfileListPanel(m_service, this))
    , m_form(new ConnectionForm(m_service, secrets, this))
    , m_guide(new SetupGuidePanel(this))
{
    setWindowTitle(tr("Connections"));
    setObjectName(QStringLiteral("connectionDialog"));
    auto *root = new QHBoxLayout(this);
    root->addWidget(m_list);
    root->addWidget(m_form, 1);
    m_guide->setMinimumWidth(300);
    m_guide->setMaximumWidth(360);
    m_guide->hide();
    root->addWidget(m_guide);
    setTabOrder(m_list->list(), m_form->nameEdit());

    connect(m_list, &ProfileListPanel::profileChosen, this, &ConnectionDialog::loadProfile);
    connect(m_list, &ProfileListPanel::addRequested, this, &ConnectionDialog::startNewProfile);
    connect(m_list, &ProfileListPanel::renamed, this, [this](const QString &id, const QString &name) {
        if (id == m_form->profileId())
            m_form->setName(name);
    });
    connect(m_service, &ProfileService::aboutToRemove, this, [this](const QString &id, const QString &) {
        m_form->cancelTest();
        emit profileAboutToBeRemoved(id);
    });
    connect(m_service, &ProfileService::removed, this, &ConnectionDialog::profileDeleted);
    connect(m_form, &ConnectionForm::profileSaved, this, [this](const Profile &p) {
        m_list->reload(p.id);
        emit profileSaved(p);
    });
    connect(m_form, &ConnectionForm::testFinished, this, &ConnectionDialog::testFinished);
    connect(m_form, &ConnectionForm::saveFinished, this, &ConnectionDialog::saveFinished);
    connect(m_form, &ConnectionForm::guideToggled, this, &ConnectionDialog::showSetupGuide);
    connect(m_form, &ConnectionForm::closeRequested, this, &QDialog::reject);

    m_list->reload({});
    const QString last = m_profiles->lastUsedProfileId();
    if (!m_list->firstId().isEmpty())
        loadProfile(m_profiles->profile(last) ? last : m_list->firstId());
    else
        startNewProfile();
    resize(880, 600);
}

ConnectionDialog::~ConnectionDialog() = default;

QListWidget *ConnectionDialog::profileList() const
{
    return m_list->list();
}

void ConnectionDialog::loadProfile(const QString &id)
{
    m_form->load(id);
    m_list->reload(id);
}

void ConnectionDialog::selectProfile(const QString &id)
{
    loadProfile(id);
}

void ConnectionDialog::startNewProfile()
{
    loadProfile({});
    m_form->setName(m_profiles->profiles().isEmpty() ? tr("My tenant") : QString());
    m_form->nameEdit()->setFocus();
}

void ConnectionDialog::profileDeleted(const ledger::ProfileRemoval &result)
{
    if (!result.removed)
        return;
    emit profileRemoved(result.profileId, result.archiveDeleted);
    if (m_form->profileId() != result.profileId)
        return;
    if (!m_list->firstId().isEmpty())
        loadProfile(m_list->firstId());
    else
        startNewProfile();
}

void ConnectionDialog::showSetupGuide(bool show)
{
    m_guide->setVisible(show);
    m_form->setGuideChecked(show);
    if (show && width() < 1160)
        resize(1160, height());
}

} // namespace ledger::gui
