#include "connection/ConnectionDialog.h"

#include "auth/CredentialValidation.h"
#include "auth/ProfileStore.h"
#include "auth/SecretStore.h"
#include "common/Dialogs.h"
#include "common/Icons.h"
#include "connection/CheckListWidget.h"
#include "connection/ConnectionTester.h"
#include "connection/SetupGuidePanel.h"
#include "tenant/ProfileService.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPointer>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QToolButton>
#include <QVBoxLayout>

namespace ledger::gui {

namespace {
constexpr auto kErrorStyle = "color: #c62828;";     // status accents (readable on light and dark)
constexpr auto kWarningStyle = "color: #b26a00;";
}

ConnectionDialog::ConnectionDialog(ledger::ProfileStore *profiles, ledger::SecretStore *secrets,
                                   QWidget *parent)
    : QDialog(parent)
    , m_profiles(profiles)
    , m_secrets(secrets)
    , m_service(new ProfileService(profiles, secrets, this))
    , m_tester(new ConnectionTester(this))
{
    connect(m_service, &ProfileService::aboutToRemove, this,
            [this](const QString &id, const QString &) { emit profileAboutToBeRemoved(id); });
    connect(m_service, &ProfileService::removed, this, &ConnectionDialog::profileDeleted);
    setWindowTitle(tr("Connections"));
    setObjectName(QStringLiteral("connectionDialog"));
    auto *root = new QHBoxLayout(this);

    // ---- profiles --------------------------------------------------------------------------
    auto *left = new QVBoxLayout;
    auto *listTitle = new QLabel(tr("Profiles"), this);
    left->addWidget(listTitle);
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("profileList"));
    m_list->setAccessibleName(tr("Connection profiles"));
    m_list->setMinimumWidth(170);
    m_list->setMaximumWidth(230);
    listTitle->setBuddy(m_list);
    left->addWidget(m_list, 1);
    auto *listButtons = new QHBoxLayout;
    m_add = new QPushButton(themedIcon(QStringLiteral("add")), tr("Add"), this);
    m_rename = new QPushButton(themedIcon(QStringLiteral("rename")), tr("Rename"), this);
    m_delete = new QPushButton(themedIcon(QStringLiteral("remove")), tr("Delete"), this);
    for (QPushButton *b : {m_add, m_rename, m_delete})
        listButtons->addWidget(b);
    m_delete->setToolTip(tr("Delete the profile and its secret in the keychain"));
    left->addLayout(listButtons);
    root->addLayout(left);

    // ---- form ------------------------------------------------------------------------------
    auto *middle = new QVBoxLayout;
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    auto addField = [&](const QString &label, QWidget *field, const QString &key) {
        auto *box = new QVBoxLayout;
        box->setSpacing(2);
        box->addWidget(field);
        box->addWidget(addMessageLabel(key));
        auto *l = new QLabel(label, this);
        l->setBuddy(field);   // Alt+letter mnemonics, and no literal '&'
        form->addRow(l, box);
        return l;
    };
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("profileName"));
    m_name->setPlaceholderText(tr("e.g. Contoso production"));
    m_name->setAccessibleName(tr("Profile name"));
    addField(tr("&Name:"), m_name, QStringLiteral("name"));

    m_cloud = new QComboBox(this);
    m_cloud->setObjectName(QStringLiteral("cloud"));
    m_cloud->setAccessibleName(tr("Cloud"));
    for (Cloud c : {Cloud::Global, Cloud::UsGov, Cloud::UsGovDod, Cloud::China, Cloud::Custom})
        m_cloud->addItem(cloudDisplayName(c), int(c));
    m_cloudNote = new QLabel(this);
    m_cloudNote->setWordWrap(true);
    m_cloudNote->setStyleSheet(QLatin1String(kWarningStyle));
    auto *cloudBox = new QVBoxLayout;
    cloudBox->setSpacing(2);
    cloudBox->addWidget(m_cloud);
    cloudBox->addWidget(m_cloudNote);
    auto *cloudLabel = new QLabel(tr("&Cloud:"), this);
    cloudLabel->setBuddy(m_cloud);
    form->addRow(cloudLabel, cloudBox);

    m_authority = new QLineEdit(this);
    m_authority->setObjectName(QStringLiteral("authorityUrl"));
    m_authority->setPlaceholderText(QStringLiteral("https://login.microsoftonline.com"));
    m_authority->setAccessibleName(tr("Sign-in (authority) URL"));
    m_authorityLabel = addField(tr("Sign-in &URL:"), m_authority, QStringLiteral("authority"));
    m_graph = new QLineEdit(this);
    m_graph->setObjectName(QStringLiteral("graphUrl"));
    m_graph->setPlaceholderText(QStringLiteral("https://graph.microsoft.com"));
    m_graph->setAccessibleName(tr("Microsoft Graph URL"));
    m_graphLabel = addField(tr("Gra&ph URL:"), m_graph, QStringLiteral("graph"));

    m_tenant = new QLineEdit(this);
    m_tenant->setObjectName(QStringLiteral("tenant"));
    m_tenant->setPlaceholderText(tr("Directory (tenant) ID or contoso.onmicrosoft.com"));
    m_tenant->setAccessibleName(tr("Tenant"));
    addField(tr("&Tenant:"), m_tenant, QStringLiteral("tenant"));

    m_clientId = new QLineEdit(this);
    m_clientId->setObjectName(QStringLiteral("clientId"));
    m_clientId->setPlaceholderText(tr("Application (client) ID"));
    m_clientId->setAccessibleName(tr("Client ID"));
    addField(tr("Client &ID:"), m_clientId, QStringLiteral("clientId"));

    m_secret = new QLineEdit(this);
    m_secret->setObjectName(QStringLiteral("clientSecret"));
    m_secret->setEchoMode(QLineEdit::Password);
    m_secret->setAccessibleName(tr("Client secret"));
    auto *secretRow = new QWidget(this);
    auto *secretLayout = new QHBoxLayout(secretRow);
    secretLayout->setContentsMargins(0, 0, 0, 0);
    secretLayout->addWidget(m_secret, 1);
    m_reveal = new QToolButton(this);
    m_reveal->setObjectName(QStringLiteral("revealSecret"));
    m_reveal->setCheckable(true);
    m_reveal->setIcon(themedIcon(QStringLiteral("eye")));
    m_reveal->setToolTip(tr("Show the secret you are typing"));
    m_reveal->setAccessibleName(tr("Show secret"));
    secretLayout->addWidget(m_reveal);
    addField(tr("Client &secret:"), secretRow, QStringLiteral("secret"));
    // Before the desktop's keyring asks to be unlocked, say why it will.
    auto *keychainHint = new QLabel(this);
    keychainHint->setObjectName(QStringLiteral("keychainHint"));
    keychainHint->setWordWrap(true);
    keychainHint->setForegroundRole(QPalette::PlaceholderText);
    form->addRow(QString(), keychainHint);
    middle->addLayout(form);

    auto *testRow = new QHBoxLayout;
    m_test = new QPushButton(themedIcon(QStringLiteral("connect")), tr("Test c&onnection"), this);
    m_test->setObjectName(QStringLiteral("testConnection"));
    testRow->addWidget(m_test);
    testRow->addStretch(1);
    m_guideButton = new QPushButton(themedIcon(QStringLiteral("guide")), tr("Setup &guide"), this);
    m_guideButton->setCheckable(true);
    testRow->addWidget(m_guideButton);
    middle->addLayout(testRow);

    m_checks = new CheckListWidget(this);
    auto *checkScroll = new QScrollArea(this);
    checkScroll->setWidgetResizable(true);
    checkScroll->setFrameShape(QFrame::NoFrame);
    checkScroll->setWidget(m_checks);
    checkScroll->setMinimumHeight(200);
    middle->addWidget(checkScroll, 1);

    m_saveMessage = new QLabel(this);
    m_saveMessage->setObjectName(QStringLiteral("saveMessage"));
    m_saveMessage->setWordWrap(true);
    m_saveMessage->hide();
    middle->addWidget(m_saveMessage);

    auto *buttons = new QDialogButtonBox(this);
    m_save = buttons->addButton(QDialogButtonBox::Save);
    m_save->setObjectName(QStringLiteral("saveProfile"));
    buttons->addButton(QDialogButtonBox::Close);
    middle->addWidget(buttons);
    root->addLayout(middle, 1);

    m_guide = new SetupGuidePanel(this);
    m_guide->setMinimumWidth(300);
    m_guide->setMaximumWidth(360);
    m_guide->hide();
    root->addWidget(m_guide);

    // ---- behaviour -------------------------------------------------------------------------
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_save, &QPushButton::clicked, this, &ConnectionDialog::save);
    connect(m_test, &QPushButton::clicked, this, &ConnectionDialog::testConnection);
    connect(m_guideButton, &QPushButton::toggled, this, &ConnectionDialog::showSetupGuide);
    connect(m_add, &QPushButton::clicked, this, &ConnectionDialog::startNewProfile);
    connect(m_rename, &QPushButton::clicked, this, &ConnectionDialog::renameProfile);
    connect(m_delete, &QPushButton::clicked, this, &ConnectionDialog::deleteProfile);
    connect(m_list, &QListWidget::currentItemChanged, this, [this](QListWidgetItem *item) {
        if (item && item->data(Qt::UserRole).toString() != m_profileId)
            loadProfile(item->data(Qt::UserRole).toString());
    });
    connect(m_reveal, &QToolButton::toggled, this, [this](bool on) {
        m_secret->setEchoMode(on ? QLineEdit::Normal : QLineEdit::Password);
        m_reveal->setIcon(themedIcon(on ? QStringLiteral("eye-off") : QStringLiteral("eye")));
        m_reveal->setToolTip(on ? tr("Hide the secret") : tr("Show the secret you are typing"));
    });
    for (QLineEdit *e : {m_name, m_authority, m_graph, m_tenant, m_clientId, m_secret})
        connect(e, &QLineEdit::textChanged, this, &ConnectionDialog::validate);
    connect(m_cloud, &QComboBox::currentIndexChanged, this, &ConnectionDialog::validate);
    connect(m_tester, &ConnectionTester::stepChanged, m_checks, &CheckListWidget::setStep);
    connect(m_tester, &ConnectionTester::finished, this, [this](bool passed, const QString &support) {
        m_checks->setFinished(passed, support);
        m_test->setText(tr("Test c&onnection"));
        emit testFinished(passed);
    });

    setTabOrder(m_list, m_name);
    setTabOrder(m_name, m_cloud);
    setTabOrder(m_cloud, m_authority);
    setTabOrder(m_authority, m_graph);
    setTabOrder(m_graph, m_tenant);
    setTabOrder(m_tenant, m_clientId);
    setTabOrder(m_clientId, m_secret);
    setTabOrder(m_secret, m_reveal);
    setTabOrder(m_reveal, m_test);

    reloadList();
    const QString last = m_profiles->lastUsedProfileId();
    if (m_list->count() > 0)
        loadProfile(m_profiles->profile(last) ? last : m_list->item(0)->data(Qt::UserRole).toString());
    else
        startNewProfile();
    resize(880, 600);
}

ConnectionDialog::~ConnectionDialog() = default;

QLabel *ConnectionDialog::addMessageLabel(const QString &field)
{
    auto *l = new QLabel(this);
    l->setObjectName(field + QStringLiteral("Message"));
    l->setWordWrap(true);
    l->hide();
    m_messages.insert(field, l);
    return l;
}

void ConnectionDialog::setMessage(const QString &field, bool ok, const QString &text)
{
    QLabel *l = m_messages.value(field);
    if (!l)
        return;
    l->setText(text);
    l->setStyleSheet(QLatin1String(ok ? kWarningStyle : kErrorStyle));
    l->setVisible(!text.isEmpty());
}

QString ConnectionDialog::fieldMessage(const QString &field) const
{
    QLabel *l = m_messages.value(field);
    return l && !l->isHidden() ? l->text() : QString();
}

QString ConnectionDialog::saveMessage() const
{
    return m_saveMessage->isHidden() ? QString() : m_saveMessage->text();
}

void ConnectionDialog::reloadList()
{
    const QSignalBlocker block(m_list);
    m_list->clear();
    for (const Profile &p : m_profiles->profiles()) {
        auto *item = new QListWidgetItem(p.name, m_list);
        item->setData(Qt::UserRole, p.id);
    }
    for (int i = 0; i < m_list->count(); ++i) {
        if (m_list->item(i)->data(Qt::UserRole).toString() == m_profileId)
            m_list->setCurrentRow(i);
    }
    m_rename->setEnabled(!m_profileId.isEmpty());
    m_delete->setEnabled(!m_profileId.isEmpty());
}

void ConnectionDialog::selectProfile(const QString &id)
{
    loadProfile(id);
}

void ConnectionDialog::startNewProfile()
{
    loadProfile({});
    m_name->setText(m_profiles->profiles().isEmpty() ? tr("My tenant") : QString());
    m_name->setFocus();
}

void ConnectionDialog::setCloud(ledger::Cloud cloud)
{
    m_cloud->setCurrentIndex(m_cloud->findData(int(cloud)));
}

void ConnectionDialog::loadProfile(const QString &id)
{
    m_tester->cancel();
    m_checks->reset();
    m_saveMessage->hide();
    m_profileId = id;
    m_hasStoredSecret = false;
    m_storedSecret.clear();
    const int generation = ++m_loadGeneration;
    const std::optional<Profile> p = id.isEmpty() ? std::nullopt : m_profiles->profile(id);
    m_name->setText(p ? p->name : QString());
    setCloud(p ? p->connection.cloud : Cloud::Global);
    m_authority->setText(p ? p->connection.authorityUrl.toString() : QString());
    m_graph->setText(p ? p->connection.graphUrl.toString() : QString());
    m_tenant->setText(p ? p->connection.tenant : QString());
    m_clientId->setText(p ? p->connection.clientId : QString());
    m_secret->clear();
    m_reveal->setChecked(false);
    reloadList();
    updateSecretPlaceholder();
    validate();
    if (!p)
        return;
    QPointer<ConnectionDialog> self(this);
    m_secrets->readSecret(id, [self, generation](const SecretStore::Result &r) {
        if (!self || generation != self->m_loadGeneration)
            return;
        self->m_hasStoredSecret = r.ok && !r.secret.isEmpty();
        self->m_storedSecret = self->m_hasStoredSecret ? r.secret : QString();
        self->updateSecretPlaceholder();
        self->validate();
    });
}

void ConnectionDialog::updateSecretPlaceholder()
{
    // One wording for where the secret is: the keychain, or (without one) this run's memory.
    const bool keychain = m_secrets->keychainAvailable();
    m_secret->setPlaceholderText(!m_hasStoredSecret ? tr("The secret's Value (not its Secret ID)")
                                 : keychain         ? tr("•••• stored in the keychain (type to replace)")
                                                    : tr("•••• kept in memory for this run only (type to replace)"));
    if (auto *hint = findChild<QLabel *>(QStringLiteral("keychainHint"))) {
        hint->setText(keychain ? tr("Saving stores the secret in the system keyring (keychain); your desktop may ask you "
                                    "to unlock or allow it.")
                               : tr("No keyring (keychain) is available: the secret is kept in memory for this run only "
                                    "and must be typed again next time. %1").arg(m_secrets->keychainProblem()));
    }
}

ledger::ConnectionSettings ConnectionDialog::settings() const
{
    ConnectionSettings s;
    s.tenant = normalizeInput(m_tenant->text());
    s.clientId = normalizeInput(m_clientId->text());
    s.cloud = Cloud(m_cloud->currentData().toInt());
    if (s.cloud == Cloud::Custom) {
        s.authorityUrl = QUrl(normalizeInput(m_authority->text()));
        s.graphUrl = QUrl(normalizeInput(m_graph->text()));
    }
    return s;
}

void ConnectionDialog::validate()
{
    const auto cloud = Cloud(m_cloud->currentData().toInt());
    const bool custom = cloud == Cloud::Custom;
    for (QWidget *w : {static_cast<QWidget *>(m_authority), static_cast<QWidget *>(m_graph)})
        w->setVisible(custom);
    if (m_authorityLabel)
        m_authorityLabel->setVisible(custom);
    if (m_graphLabel)
        m_graphLabel->setVisible(custom);
    m_cloudNote->setText(cloudLacksCopilotApi(cloud)
                             ? tr("Microsoft does not offer the Copilot interaction history API in this cloud: "
                                  "sign-in can be tested, but there will be no history to read.")
                             : QString());
    m_cloudNote->setVisible(!m_cloudNote->text().isEmpty());

    auto show = [this](const QString &key, const FieldCheck &c, bool touched) {
        setMessage(key, c.ok, touched ? c.message : QString());   // no nagging on empty fields
    };
    const FieldCheck name = checkProfileName(normalizeInput(m_name->text()));
    const FieldCheck tenant = checkTenant(normalizeInput(m_tenant->text()));
    const FieldCheck client = checkClientId(normalizeInput(m_clientId->text()));
    const QString typedSecret = normalizeInput(m_secret->text());
    FieldCheck secret;
    if (!typedSecret.isEmpty() || !m_hasStoredSecret)
        secret = checkClientSecret(typedSecret);
    show(QStringLiteral("name"), name, !m_name->text().isEmpty());
    show(QStringLiteral("tenant"), tenant, !m_tenant->text().isEmpty());
    show(QStringLiteral("clientId"), client, !m_clientId->text().isEmpty());
    show(QStringLiteral("secret"), secret, !m_secret->text().isEmpty());
    bool urlsOk = true;
    if (custom) {
        const QString a = validateEndpointUrl(QUrl(normalizeInput(m_authority->text())));
        const QString g = validateEndpointUrl(QUrl(normalizeInput(m_graph->text())));
        setMessage(QStringLiteral("authority"), false, m_authority->text().isEmpty() ? QString() : a);
        setMessage(QStringLiteral("graph"), false, m_graph->text().isEmpty() ? QString() : g);
        urlsOk = a.isEmpty() && g.isEmpty();
    } else {
        setMessage(QStringLiteral("authority"), true, {});
        setMessage(QStringLiteral("graph"), true, {});
    }
    const bool connectionOk = tenant.ok && client.ok && secret.ok && urlsOk;
    m_test->setEnabled(connectionOk);
    m_save->setEnabled(connectionOk && name.ok);
}

bool ConnectionDialog::inputValid() const
{
    return m_save->isEnabled();
}

void ConnectionDialog::testConnection()
{
    if (m_tester->isRunning()) {
        m_tester->cancel();
        return;
    }
    const QString typed = normalizeInput(m_secret->text());
    runTest(typed.isEmpty() ? m_storedSecret : typed);
}

void ConnectionDialog::runTest(const QString &secret)
{
    if (secret.isEmpty()) {
        m_checks->setMessage(tr("Type the client secret first."), true);
        return;
    }
    m_checks->reset(tr("Testing the connection…"));
    m_test->setText(tr("St&op test"));
    m_tester->start(settings(), secret);
}

void ConnectionDialog::save()
{
    if (!inputValid())
        return;
    Profile p;
    p.id = m_profileId;
    p.name = normalizeInput(m_name->text());
    p.connection = settings();
    if (const auto existing = m_profiles->profileByName(p.name); existing && existing->id != p.id) {
        setMessage(QStringLiteral("name"), false, tr("Another profile already has this name."));
        return;
    }
    QString logError;
    p = m_service->saveProfile(p, &logError);   // also records the change in the activity log
    if (!logError.isEmpty())
        qWarning().noquote() << logError;
    m_profileId = p.id;
    m_profiles->setLastUsedProfileId(p.id);
    reloadList();
    const QString typed = normalizeInput(m_secret->text());
    if (typed.isEmpty()) {
        m_saveMessage->setText(tr("Saved. The stored secret was kept."));
        m_saveMessage->show();
        emit profileSaved(p);
        emit saveFinished(true);
        return;
    }
    m_save->setEnabled(false);
    QPointer<ConnectionDialog> self(this);
    m_secrets->writeSecret(p.id, typed, [self, p, typed](const SecretStore::Result &r) {
        if (!self)
            return;
        self->m_save->setEnabled(true);
        if (r.ok && !r.inMemoryOnly) {
            self->m_saveMessage->setText(tr("Saved. The secret is in the system keychain."));
        } else if (r.ok || r.inMemoryOnly) {
            self->m_saveMessage->setText(tr("Saved. No keyring (keychain) is available, so the secret is kept in memory "
                                            "for this run only."));
        } else {
            self->m_saveMessage->setText(tr("The profile was saved but the secret could not be stored: %1").arg(r.error));
        }
        self->m_saveMessage->setStyleSheet(r.ok && !r.inMemoryOnly ? QString() : QLatin1String(kWarningStyle));
        self->m_saveMessage->show();
        self->m_hasStoredSecret = r.ok || r.inMemoryOnly;
        self->m_storedSecret = self->m_hasStoredSecret ? typed : QString();
        self->m_secret->clear();
        self->updateSecretPlaceholder();
        self->validate();
        emit self->profileSaved(p);
        emit self->saveFinished(r.ok || r.inMemoryOnly);
    });
}

void ConnectionDialog::renameProfile()
{
    const auto p = m_profiles->profile(m_profileId);
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
    m_name->setText(name);
    reloadList();
}

void ConnectionDialog::deleteProfile()
{
    const auto p = m_profiles->profile(m_profileId);
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
    m_tester->cancel();
    m_delete->setEnabled(false);
    m_service->removeProfile(p->id, forget);
}

void ConnectionDialog::profileDeleted(const ledger::ProfileRemoval &result)
{
    if (!result.problems.isEmpty())
        Dialogs::error(this, tr("Delete profile"), result.problems.join(u'\n'));
    if (!result.removed) {
        m_delete->setEnabled(!m_profileId.isEmpty());
        return;
    }
    emit profileRemoved(result.profileId, result.archiveDeleted);
    if (m_profileId != result.profileId)
        return;
    m_profileId.clear();
    reloadList();
    if (m_list->count() > 0)
        loadProfile(m_list->item(0)->data(Qt::UserRole).toString());
    else
        startNewProfile();
}

void ConnectionDialog::showSetupGuide(bool show)
{
    m_guide->setVisible(show);
    if (m_guideButton->isChecked() != show)
        m_guideButton->setChecked(show);
    if (show && width() < 1160)
        resize(1160, height());
}

} // namespace ledger::gui
