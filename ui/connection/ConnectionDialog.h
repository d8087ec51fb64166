#pragma once
// Connection profiles: list with add / rename / delete, the connection fields
// with inline validation, a masked secret that is never shown once stored, "Test connection"
// with a live checklist, Save (secret → keychain) and the setup guide.
#include "app/auth/ConnectionSettings.h"
#include <QDialog>
#include <QHash>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QToolButton;

namespace ledger {
class ProfileService;
class ProfileStore;
class SecretStore;
struct ProfileRemoval;
class ConnectionTester;
}

namespace ledger::gui {

class CheckListWidget;
class SetupGuidePanel;

class ConnectionDialog : public QDialog {
    Q_OBJECT
public:
    ConnectionDialog(ledger::ProfileStore *profiles, ledger::SecretStore *secrets,
                     QWidget *parent = nullptr);
    ~ConnectionDialog() override;

    void selectProfile(const QString &id);
    void startNewProfile();
    void showSetupGuide(bool show);
    QString currentProfileId() const { return m_profileId; }

    // The settings as typed (trimmed), and whether every field is acceptable.
    ledger::ConnectionSettings settings() const;
    bool inputValid() const;
    bool hasStoredSecret() const { return m_hasStoredSecret; }

    // Widgets, for tests and accessibility checks.
    QLineEdit *nameEdit() const { return m_name; }
    QComboBox *cloudCombo() const { return m_cloud; }
    QLineEdit *authorityEdit() const { return m_authority; }
    QLineEdit *graphEdit() const { return m_graph; }
    QLineEdit *tenantEdit() const { return m_tenant; }
    QLineEdit *clientIdEdit() const { return m_clientId; }
    QLineEdit *secretEdit() const { return m_secret; }
    QPushButton *testButton() const { return m_test; }
    QPushButton *saveButton() const { return m_save; }
    QListWidget *profileList() const { return m_list; }
    CheckListWidget *checkList() const { return m_checks; }
    QString fieldMessage(const QString &field) const;   // "tenant", "clientId", "secret", "name", "authority", "graph"
    QString saveMessage() const;

    void setCloud(ledger::Cloud cloud);

public slots:
    void testConnection();
    void save();

signals:
    void profileSaved(const ledger::Profile &profile);
    // Emitted synchronously before the profile's archive is closed and deleted: the owner must
    // close every Archive it opened on it now.
    void profileAboutToBeRemoved(const QString &profileId);
    void profileRemoved(const QString &profileId, bool forgetArchive);
    void testFinished(bool passed);
    void saveFinished(bool ok);

private:
    void reloadList();
    void loadProfile(const QString &id);
    void validate();
    void renameProfile();
    void deleteProfile();
    void profileDeleted(const ledger::ProfileRemoval &result);
    void updateSecretPlaceholder();
    QLabel *addMessageLabel(const QString &field);
    void setMessage(const QString &field, bool ok, const QString &text);
    void runTest(const QString &secret);

    ledger::ProfileStore *m_profiles;
    ledger::SecretStore *m_secrets;
    ledger::ProfileService *m_service;
    ConnectionTester *m_tester;
    QString m_profileId;
    bool m_hasStoredSecret = false;
    QString m_storedSecret;          // held only to test; never shown
    int m_loadGeneration = 0;

    QListWidget *m_list;
    QPushButton *m_add, *m_rename, *m_delete;
    QLineEdit *m_name;
    QComboBox *m_cloud;
    QLabel *m_cloudNote;
    QLabel *m_authorityLabel, *m_graphLabel;
    QLineEdit *m_authority, *m_graph, *m_tenant, *m_clientId, *m_secret;
    QToolButton *m_reveal;
    QPushButton *m_test, *m_save, *m_guideButton;
    QLabel *m_saveMessage;
    CheckListWidget *m_checks;
    SetupGuidePanel *m_guide;
    QHash<QString, QLabel *> m_messages;
};

} // namespace ledger::gui
