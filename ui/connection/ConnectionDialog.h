#pragma once
// The Connections window: the profile list (ProfileListPanel) beside the form of the profile
// being edited (ConnectionForm), and the setup guide. It only wires the two: which profile the
// form shows, and what the window hears of saves and deletions (docs/ARCHITECTURE.md, Modules).
#include "app/auth/ConnectionSettings.h"
#include "ui/connection/ConnectionForm.h"
#include <QDialog>

class QListWidget;

namespace ledger {
class ProfileService;
class ProfileStore;
class SecretStore;
struct ProfileRemoval;
}

namespace ledger::gui {

class CheckListWidget;
class ProfileListPanel;
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
    QString currentProfileId() const { return m_form->profileId(); }

    ConnectionForm *form() const { return m_form; }
    ProfileListPanel *profiles() const { return m_list; }

    // The form's, for the window and the tests.
    ledger::ConnectionSettings settings() const { return m_form->settings(); }
    bool inputValid() const { return m_form->inputValid(); }
    bool hasStoredSecret() const { return m_form->hasStoredSecret(); }
    QLineEdit *nameEdit() const { return m_form->nameEdit(); }
    QComboBox *cloudCombo() const { return m_form->cloudCombo(); }
    QLineEdit *authorityEdit() const { return m_form->authorityEdit(); }
    QLineEdit *graphEdit() const { return m_form->graphEdit(); }
    QLineEdit *tenantEdit() const { return m_form->tenantEdit(); }
    QLineEdit *clientIdEdit() const { return m_form->clientIdEdit(); }
    QLineEdit *secretEdit() const { return m_form->secretEdit(); }
    QPushButton *testButton() const { return m_form->testButton(); }
    QPushButton *saveButton() const { return m_form->saveButton(); }
    CheckListWidget *checkList() const { return m_form->checkList(); }
    QListWidget *profileList() const;
    QString fieldMessage(const QString &field) const { return m_form->fieldMessage(field); }
    QString saveMessage() const { return m_form->saveMessage(); }
    void setCloud(ledger::Cloud cloud) { m_form->setCloud(cloud); }

public slots:
    void testConnection() { m_form->testConnection(); }
    void save() { m_form->save(); }

signals:
    void profileSaved(const ledger::Profile &profile);
    // Emitted synchronously before the profile's archive is closed and deleted: the owner must
    // close every Archive it opened on it now.
    void profileAboutToBeRemoved(const QString &profileId);
    void profileRemoved(const QString &profileId, bool forgetArchive);
    void testFinished(bool passed);
    void saveFinished(bool ok);

private:
    void loadProfile(const QString &id);
    void profileDeleted(const ledger::ProfileRemoval &result);

    ledger::ProfileStore *m_profiles;
    ledger::ProfileService *m_service;
    ProfileListPanel *m_list;
    ConnectionForm *m_form;
    SetupGuidePanel *m_guide;
};

} // namespace ledger::gui
