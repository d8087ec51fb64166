#include "ui/connection/ConnectionForm.h"

#include "app/auth/CredentialValidation.h"
#include "app/auth/ProfileStore.h"
#include "app/auth/SecretStore.h"
#include "app/tenant/ProfileService.h"
#include "app/tenant/ConnectionTester.h"
#include "ui/common/Icons.h"
#include "ui/connection/CheckListWidget.h"

#include <QComboBox>
#include <QDebug>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QScrollArea>
#include <QToolButton>
#include <QVBoxLayout>

namespace ledger::gui {

namespace {
constexpr auto kErrorStyle = "color: #c62828;";     // status accents (readable on light and dark)
constexpr auto kWarningStyle = "color: #b26a00;";
}

ConnectionForm::ConnectionForm(ledger::ProfileService *service, ledger::SecretStore *secrets, QWidget *parent)
    : QWidget(parent)
    , m_service(service)
    , m_profiles(service->profiles())
    , m_secrets(secrets)
    , m_tester(new ConnectionTester(this))
{
    auto *middle = new QVBoxLayout(this);
    middle->setContentsMargins(0, 0, 0, 0);
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
    m_keychainHint = new QLabel(this);
    m_keychainHint->setObjectName(QStringLiteral("keychainHint"));
    m_keychainHint->setWordWrap(true);
    m_keychainHint->setForegroundRole(QPalette::PlaceholderText);
    form->addRow(QString(), m_keychainHint);
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

    connect(buttons, &QDialogButtonBox::rejected, this, &ConnectionForm::closeRequested);
    connect(m_save, &QPushButton::clicked, this, &ConnectionForm::save);
    connect(m_test, &QPushButton::clicked, this, &ConnectionForm::testConnection);
    connect(m_guideButton, &QPushButton::toggled, this, &ConnectionForm::guideToggled);
    connect(m_reveal, &QToolButton::toggled, this, [this](bool on) {
        m_secret->setEchoMode(on ? QLineEdit::Normal : QLineEdit::Password);
        m_reveal->setIcon(themedIcon(on ? QStringLiteral("eye-off") : QStringLiteral("eye")));
        m_reveal->setToolTip(on ? tr("Hide the secret") : tr("Show the secret you are typing"));
    });
    for (QLineEdit *e : {m_name, m_authority, m_graph, m_tenant, m_clientId, m_secret})
        connect(e, &QLineEdit::textChanged, this, &ConnectionForm::validate);
    connect(m_cloud, &QComboBox::currentIndexChanged, this, &ConnectionForm::validate);
    connect(m_tester, &ConnectionTester::stepChanged, m_checks, &CheckListWidget::setStep);
    connect(m_tester, &ConnectionTester::finished, this, [this](bool passed, const QString &support) {
        m_checks->setFinished(passed, support);
        m_test->setText(tr("Test c&onnection"));
        emit testFinished(passed);
    });

    setTabOrder(m_name, m_cloud);
    setTabOrder(m_cloud, m_authority);
    setTabOrder(m_authority, m_graph);
    setTabOrder(m_graph, m_tenant);
    setTabOrder(m_tenant, m_clientId);
    setTabOrder(m_clientId, m_secret);
    setTabOrder(m_secret, m_reveal);
    setTabOrder(m_reveal, m_test);
}

ConnectionForm::~ConnectionForm() = default;

QLabel *ConnectionForm::addMessageLabel(const QString &field)
{
    auto *l = new QLabel(this);
    l->setObjectName(field + QStringLiteral("Message"));
    l->setWordWrap(true);
    l->hide();
    m_messages.insert(field, l);
    return l;
}

void ConnectionForm::setMessage(const QString &field, bool ok, const QString &text)
{
    QLabel *l = m_messages.value(field);
    if (!l)
        return;
    l->setText(text);
    l->setStyleSheet(QLatin1String(ok ? kWarningStyle : kErrorStyle));
    l->setVisible(!text.isEmpty());
}

QString ConnectionForm::fieldMessage(const QString &field) const
{
    QLabel *l = m_messages.value(field);
    return l && !l->isHidden() ? l->text() : QString();
}

QString ConnectionForm::saveMessage() const
{
    return m_saveMessage->isHidden() ? QString() : m_saveMessage->text();
}

void ConnectionForm::setCloud(ledger::Cloud cloud)
{
    m_cloud->setCurrentIndex(m_cloud->findData(int(cloud)));
}

void ConnectionForm::setName(const QString &name)
{
    m_name->setText(name);
}

void ConnectionForm::setGuideChecked(bool on)
{
    if (m_guideButton->isChecked() != on)
        m_guideButton->setChecked(on);
}

void ConnectionForm::cancelTest()
{
    m_tester->cancel();
}

void ConnectionForm::load(const QString &id)
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
    updateSecretPlaceholder();
    validate();
    if (!p)
        return;
    QPointer<ConnectionForm> self(this);
    m_secrets->readSecret(id, [self, generation](const SecretStore::Result &r) {
        if (!self || generation != self->m_loadGeneration)
            return;
        self->m_hasStoredSecret = r.ok && !r.secret.isEmpty();
        self->m_storedSecret = self->m_hasStoredSecret ? r.secret : QString();
        self->updateSecretPlaceholder();
        self->validate();
    });
}

void ConnectionForm::updateSecretPlaceholder()
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

ledger::ConnectionSettings ConnectionForm::settings() const
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

void ConnectionForm::validate()
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

bool ConnectionForm::inputValid() const
{
    return m_save->isEnabled();
}

void ConnectionForm::testConnection()
{
    if (m_tester->isRunning()) {
        m_tester->cancel();
        return;
    }
    const QString typed = normalizeInput(m_secret->text());
    runTest(typed.isEmpty() ? m_storedSecret : typed);
}

void ConnectionForm::runTest(const QString &secret)
{
    if (secret.isEmpty()) {
        m_checks->setMessage(tr("Type the client secret first."), true);
        return;
    }
    m_checks->reset(tr("Testing the connection…"));
    m_test->setText(tr("St&op test"));
    m_tester->start(settings(), secret);
}

void ConnectionForm::save()
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
    const QString typed = normalizeInput(m_secret->text());
    if (typed.isEmpty()) {
        m_saveMessage->setText(tr("Saved. The stored secret was kept."));
        m_saveMessage->show();
        emit profileSaved(p);
        emit saveFinished(true);
        return;
    }
    m_save->setEnabled(false);
    QPointer<ConnectionForm> self(this);
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

} // namespace ledger::gui
