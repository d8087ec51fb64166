#pragma once
// The connection fields of one profile (new or saved) with inline validation, the client secret
// (masked, read from and saved to the keychain, never shown once stored), "Test connection" with
// its live checklist, and Save. It edits one profile at a time; the profile list is
// ProfileListPanel, the window around both is ConnectionDialog.
#include "app/auth/ConnectionSettings.h"
#include <QHash>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QToolButton;

namespace ledger {
class ProfileService;
class ProfileStore;
class SecretStore;
class ConnectionTester;
}

namespace ledger::gui {

class CheckListWidget;

class ConnectionForm : public QWidget {
    Q_OBJECT
public:
    // Saves go through service (which records them in the activity log); reads use its ProfileStore.
    ConnectionForm(ledger::ProfileService *service, ledger::SecretStore *secrets, QWidget *parent = nullptr);
    ~ConnectionForm() override;

    // Shows the saved profile `id` (its secret is read from the keychain asynchronously), or an
    // empty form for a new profile when id is empty. A running test is cancelled.
    void load(const QString &id);
    QString profileId() const { return m_profileId; }
    void setName(const QString &name);
    void setCloud(ledger::Cloud cloud);
    void setGuideChecked(bool on);
    void cancelTest();

    // The settings as typed (trimmed), and whether every field is acceptable.
    ledger::ConnectionSettings settings() const;
    bool inputValid() const;
    bool hasStoredSecret() const { return m_hasStoredSecret; }
    QString fieldMessage(const QString &field) const;   // "tenant", "clientId", "secret", "name", "authority", "graph"
    QString saveMessage() const;

    QLineEdit *nameEdit() const { return m_name; }
    QComboBox *cloudCombo() const { return m_cloud; }
    QLineEdit *authorityEdit() const { return m_authority; }
    QLineEdit *graphEdit() const { return m_graph; }
    QLineEdit *tenantEdit() const { return m_tenant; }
    QLineEdit *clientIdEdit() const { return m_clientId; }
    QLineEdit *secretEdit() const { return m_secret; }
    QPushButton *testButton() const { return m_test; }
    QPushButton *saveButton() const { return m_save; }
    CheckListWidget *checkList() const { return m_checks; }

public slots:
    void testConnection();
    void save();

signals:
    void profileSaved(const ledger::Profile &profile);
    void testFinished(bool passed);
    void saveFinished(bool ok);
    void guideToggled(bool on);
    void closeRequested();

private:
    void validate();
    void updateSecretPlaceholder();
    QLabel *addMessageLabel(const QString &field);
    void setMessage(const QString &field, bool ok, const QString &text);
    void runTest(const QString &secret);

    ledger::ProfileService *m_service;
    ledger::ProfileStore *m_profiles;
    ledger::SecretStore *m_secrets;
    ledger::ConnectionTester *m_tester;
    QString m_profileId;
    bool m_hasStoredSecret = false;
    QString m_storedSecret;          // held only to test; never shown
    int m_loadGeneration = 0;

    QLineEdit *m_name;
    QComboBox *m_cloud;
    QLabel *m_cloudNote;
    QLabel *m_authorityLabel, *m_graphLabel;
    QLineEdit *m_authority, *m_graph, *m_tenant, *m_clientId, *m_secret;
    QToolButton *m_reveal;
    QLabel *m_keychainHint;
    QPushButton *m_test, *m_save, *m_guideButton;
    QLabel *m_saveMessage;
    CheckListWidget *m_checks;
    QHash<QString, QLabel *> m_messages;
};

} // namespace ledger::gui
