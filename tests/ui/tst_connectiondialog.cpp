// The connection dialog: inline validation (blocking errors, the GUID-secret warning, custom
// cloud URLs), Save (profile + secret), delete through the dialog seam, and a real "Test
// connection" against the in-process demo tenant whose checklist ends all passed.
#include "TestSupport.h"
#include "UiTestData.h"

#include "app/auth/ProfileStore.h"
#include "app/auth/SecretStore.h"
#include "ui/common/Dialogs.h"
#include "ui/connection/CheckListWidget.h"
#include "ui/connection/ConnectionDialog.h"
#include "ui/connection/ConnectionForm.h"
#include "ui/connection/ProfileListPanel.h"
#include "app/tenant/ProfileService.h"
#include "app/sim/DemoEnvironment.h"

#include <QComboBox>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QtTest>

using namespace ledger;
using namespace ledger::gui;

namespace {
const QString kTenant = QStringLiteral("72f988bf-86f1-41af-91ab-2d7cd011db47");
const QString kClient = QStringLiteral("0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0");
}

class TestConnectionDialog : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        test::isolateEnvironment();
        uitest::clearSettings();
    }

    void validation()
    {
        ProfileStore profiles;
        SecretStore secrets;
        ConnectionDialog dlg(&profiles, &secrets);
        dlg.startNewProfile();
        dlg.nameEdit()->setText(QStringLiteral("Contoso"));
        dlg.tenantEdit()->setText(QStringLiteral("not a tenant!"));
        QVERIFY(!dlg.fieldMessage(QStringLiteral("tenant")).isEmpty());
        QVERIFY(!dlg.saveButton()->isEnabled());
        QVERIFY(!dlg.testButton()->isEnabled());

        dlg.tenantEdit()->setText(kTenant);
        QVERIFY(dlg.fieldMessage(QStringLiteral("tenant")).isEmpty());
        dlg.clientIdEdit()->setText(QStringLiteral("12345"));
        QVERIFY(!dlg.fieldMessage(QStringLiteral("clientId")).isEmpty());
        dlg.clientIdEdit()->setText(QStringLiteral("  \"") + kClient + QStringLiteral("\" "));   // pasted with quotes
        QVERIFY(dlg.fieldMessage(QStringLiteral("clientId")).isEmpty());
        QCOMPARE(dlg.settings().clientId, kClient);
        QVERIFY(!dlg.saveButton()->isEnabled());   // no secret yet

        // A GUID in the secret field: a warning (the secret's ID was pasted), not a blocker.
        dlg.secretEdit()->setText(QStringLiteral("9f8e7d6c-5b4a-3928-1706-f5e4d3c2b1a0"));
        QVERIFY(!dlg.fieldMessage(QStringLiteral("secret")).isEmpty());
        QVERIFY(dlg.saveButton()->isEnabled());
        QCOMPARE(dlg.secretEdit()->echoMode(), QLineEdit::Password);
        dlg.secretEdit()->setText(QStringLiteral("abc8Q~realLookingSecretValue_123"));
        QVERIFY(dlg.fieldMessage(QStringLiteral("secret")).isEmpty());

        // Custom cloud: two URL fields; http only on loopback.
        dlg.setCloud(Cloud::Custom);
        QVERIFY(dlg.authorityEdit()->isVisibleTo(&dlg));
        dlg.authorityEdit()->setText(QStringLiteral("http://login.example.com"));
        dlg.graphEdit()->setText(QStringLiteral("https://graph.example.com"));
        QVERIFY(!dlg.fieldMessage(QStringLiteral("authority")).isEmpty());
        QVERIFY(!dlg.saveButton()->isEnabled());
        dlg.authorityEdit()->setText(QStringLiteral("http://127.0.0.1:8080"));
        QVERIFY(dlg.fieldMessage(QStringLiteral("authority")).isEmpty());
        QVERIFY(dlg.saveButton()->isEnabled());
        dlg.setCloud(Cloud::Global);
        QVERIFY(!dlg.authorityEdit()->isVisibleTo(&dlg));
    }

    void saveRenameDelete()
    {
        ProfileStore profiles;
        SecretStore secrets;
        ConnectionDialog dlg(&profiles, &secrets);
        dlg.startNewProfile();
        dlg.nameEdit()->setText(QStringLiteral("Fabrikam"));
        dlg.tenantEdit()->setText(kTenant);
        dlg.clientIdEdit()->setText(kClient);
        dlg.secretEdit()->setText(QStringLiteral("abc8Q~realLookingSecretValue_123"));
        QSignalSpy saved(&dlg, &ConnectionDialog::saveFinished);
        dlg.save();
        QVERIFY(saved.count() == 1 || saved.wait(20000));
        QCOMPARE(saved.first().at(0).toBool(), true);
        const auto stored = profiles.profileByName(QStringLiteral("Fabrikam"));
        QVERIFY(stored);
        QCOMPARE(stored->connection.tenant, kTenant);
        // The secret field is emptied and never shows the stored value again.
        QVERIFY(dlg.secretEdit()->text().isEmpty());
        QVERIFY(dlg.secretEdit()->placeholderText().contains(QStringLiteral("keychain")));
        QVERIFY(!dlg.saveMessage().isEmpty());
        QVERIFY(dlg.saveButton()->isEnabled());   // no retyping needed to save other changes

        Dialogs::setNextText(QStringLiteral("Fabrikam EU"));
        const auto buttons = dlg.findChildren<QPushButton *>();
        QPushButton *rename = nullptr, *del = nullptr;
        for (QPushButton *b : buttons) {
            if (b->text() == QStringLiteral("Rename"))
                rename = b;
            if (b->text() == QStringLiteral("Delete"))
                del = b;
        }
        QVERIFY(rename && del);
        rename->click();
        QVERIFY(profiles.profileByName(QStringLiteral("Fabrikam EU")));
        QCOMPARE(dlg.profileList()->currentItem()->text(), QStringLiteral("Fabrikam EU"));

        QSignalSpy removed(&dlg, &ConnectionDialog::profileRemoved);
        Dialogs::setNextQuestionAnswer(QMessageBox::Yes);   // delete?
        Dialogs::setNextQuestionAnswer(QMessageBox::No);    // forget the archive? no
        del->click();
        QTRY_COMPARE_WITH_TIMEOUT(removed.count(), 1, 10000);   // after the keychain entry is removed
        QCOMPARE(removed.first().at(1).toBool(), false);
        QVERIFY(!profiles.profileByName(QStringLiteral("Fabrikam EU")));
        Dialogs::resetSeams();
    }

    // The dialog's two halves work on their own: the form saves a profile with its secret through
    // the stores, the list shows it, says which one is chosen and deletes it through the core's
    // ProfileService.
    void formAndListStandAlone()
    {
        ProfileStore profiles;
        SecretStore secrets;
        ProfileService service(&profiles, &secrets);
        ConnectionForm form(&service, &secrets);
        ProfileListPanel list(&service);
        form.load({});
        form.setName(QStringLiteral("Northwind"));
        form.tenantEdit()->setText(kTenant);
        form.clientIdEdit()->setText(kClient);
        form.secretEdit()->setText(QStringLiteral("abc8Q~realLookingSecretValue_123"));
        QVERIFY(form.inputValid());
        QSignalSpy finished(&form, &ConnectionForm::saveFinished);
        form.save();
        QVERIFY(finished.count() == 1 || finished.wait(20000));
        QCOMPARE(finished.first().at(0).toBool(), true);
        const QString id = form.profileId();
        QVERIFY(!id.isEmpty());
        QCOMPARE(profiles.profile(id)->name, QStringLiteral("Northwind"));
        QVERIFY(form.hasStoredSecret());

        list.reload(id);
        QCOMPARE(list.currentId(), id);
        QCOMPARE(list.list()->currentItem()->text(), QStringLiteral("Northwind"));
        QSignalSpy chosen(&list, &ProfileListPanel::profileChosen);
        list.reload({});
        list.list()->setCurrentRow(list.list()->count() - 1);
        QCOMPARE(chosen.count(), 1);

        list.reload(id);
        QSignalSpy removed(&service, &ProfileService::removed);
        Dialogs::setNextQuestionAnswer(QMessageBox::Yes);
        Dialogs::setNextQuestionAnswer(QMessageBox::No);
        for (QPushButton *b : list.findChildren<QPushButton *>())
            if (b->text() == QStringLiteral("Delete"))
                b->click();
        QTRY_COMPARE_WITH_TIMEOUT(removed.count(), 1, 10000);
        QVERIFY(!profiles.profile(id));
        QVERIFY(list.currentId().isEmpty());
        Dialogs::resetSeams();
    }

    void testConnectionAgainstDemo()
    {
        QString error;
        auto demo = DemoEnvironment::start({}, {}, 0, &error);
        QVERIFY2(demo, qPrintable(error));
        ProfileStore profiles;
        SecretStore secrets;
        ConnectionDialog dlg(&profiles, &secrets);
        dlg.startNewProfile();
        const ConnectionSettings c = demo->connection();
        dlg.nameEdit()->setText(QStringLiteral("Demo"));
        dlg.setCloud(Cloud::Custom);
        dlg.authorityEdit()->setText(c.authorityUrl.toString());
        dlg.graphEdit()->setText(c.graphUrl.toString());
        dlg.tenantEdit()->setText(c.tenant);
        dlg.clientIdEdit()->setText(c.clientId);
        dlg.secretEdit()->setText(demo->clientSecret());
        QVERIFY(dlg.testButton()->isEnabled());

        QSignalSpy finished(&dlg, &ConnectionDialog::testFinished);
        QTest::mouseClick(dlg.testButton(), Qt::LeftButton);
        QVERIFY(finished.wait(45000));
        QCOMPARE(finished.first().at(0).toBool(), true);
        const CheckListWidget *list = dlg.checkList();
        QVERIFY(list->steps().size() >= 4);
        for (const CheckStep &s : list->steps())
            QVERIFY2(s.state == CheckStep::Passed || s.state == CheckStep::Skipped,
                     qPrintable(s.title + QStringLiteral(": ") + s.summary));
        QVERIFY(list->summaryText().startsWith(QStringLiteral("All checks passed")));
        QVERIFY(!list->detailsText().isEmpty());
        QVERIFY(!list->detailsText().contains(demo->clientSecret()));

        // A wrong secret fails in plain words, with support details to copy.
        dlg.secretEdit()->setText(QStringLiteral("wrong-secret-value"));
        finished.clear();
        QTest::mouseClick(dlg.testButton(), Qt::LeftButton);
        QVERIFY(finished.wait(45000));
        QCOMPARE(finished.first().at(0).toBool(), false);
        QVERIFY(list->summaryText().startsWith(QStringLiteral("The connection test failed")));
        bool anyFailed = false;
        for (const CheckStep &s : list->steps())
            anyFailed |= s.state == CheckStep::Failed;
        QVERIFY(anyFailed);
    }
};

QTEST_MAIN(TestConnectionDialog)
#include "tst_connectiondialog.moc"
