// "Export view to CSV…" per tab and "Export everything…" from the main window: run on a worker
// thread, through the dialog seam, and write files whose header is the DESIGN §3 contract.
#include "UiTestData.h"
#include "TestSupport.h"

#include "archive/Archive.h"
#include "auth/ProfileStore.h"
#include "common/Dialogs.h"
#include "export/ExportController.h"
#include "filter/FilterBar.h"
#include "main/MainWindow.h"
#include "main/Workspace.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QtTest>

using namespace ledger;
using namespace ledger::gui;

namespace {
const QByteArray kBom("\xEF\xBB\xBF");

QList<QByteArray> readLines(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QByteArray all = f.readAll();
    if (!all.startsWith(kBom))
        return {};
    all = all.mid(3);
    QList<QByteArray> lines = all.split('\n');
    if (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    for (QByteArray &l : lines)
        if (l.endsWith('\r'))
            l.chop(1);
    return lines;
}
} // namespace

class TestExportButtons : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        test::isolateEnvironment();
        ProfileStore store;
        Profile p;
        p.name = QStringLiteral("Contoso test");
        p.connection.tenant = QStringLiteral("contoso.onmicrosoft.com");
        p.connection.clientId = QStringLiteral("11111111-2222-3333-4444-555555555555");
        m_profileId = store.save(p).id;
        Archive archive;
        const QString path = Archive::defaultPath(m_profileId);
        QDir().mkpath(QFileInfo(path).absolutePath());
        QString error;
        QVERIFY2(archive.open(path, &error), qPrintable(error));
        m_expected = uitest::fillArchive(archive);
        archive.close();
    }

    void exportViewPerTab()
    {
        MainWindow w;
        QVERIFY(w.openProfile(m_profileId));
        QVERIFY(!w.isShowingWelcome());
        QSignalSpy done(&w, &MainWindow::exportFinished);

        // Prompts, narrowed by the full-text filter: the file has exactly the rows shown.
        w.workspace()->setCurrentTab(Workspace::PromptsTab);
        w.workspace()->filterBar()->setSearchText(QStringLiteral("budget"));
        w.workspace()->filterBar()->applyNow();
        const QString prompts = QDir(test::tempDir()).filePath(QStringLiteral("view-prompts.csv"));
        Dialogs::setNextSaveFileName(prompts);
        w.exportView();
        QVERIFY(w.exporter()->isRunning() || done.count() == 1);
        QVERIFY(done.count() == 1 || done.wait(30000));
        QCOMPARE(done.takeFirst().at(0).toBool(), true);
        QList<QByteArray> lines = readLines(prompts);
        QVERIFY(!lines.isEmpty());
        QCOMPARE(lines.first(), QByteArray("user_id,user_principal_name,user_display_name,session_id,request_id,app,app_class,"
                                           "conversation_type,prompt_id,prompt_created_utc,prompt_text,response_id,"
                                           "response_created_utc,response_text,attachments,links,contexts,locale"));
        QCOMPARE(lines.size(), m_expected.budgetTurns + 1);

        // Users (the status filter is part of the view).
        w.workspace()->filterBar()->reset();
        w.workspace()->setCurrentTab(Workspace::UsersTab);
        const QString users = QDir(test::tempDir()).filePath(QStringLiteral("view-users.csv"));
        Dialogs::setNextSaveFileName(users);
        w.exportView();
        QVERIFY(done.wait(30000));
        lines = readLines(users);
        QCOMPARE(lines.value(0), QByteArray("user_id,display_name,user_principal_name,mail,department,job_title,account_enabled,"
                                            "user_type,status,interaction_count,session_count,first_activity_utc,last_activity_utc"));
        QCOMPARE(lines.size(), m_expected.users + 1);

        // Sessions.
        w.workspace()->setCurrentTab(Workspace::SessionsTab);
        const QString sessions = QDir(test::tempDir()).filePath(QStringLiteral("view-sessions.csv"));
        Dialogs::setNextSaveFileName(sessions);
        w.exportView();
        QVERIFY(done.wait(30000));
        lines = readLines(sessions);
        QCOMPARE(lines.value(0), QByteArray("user_id,user_principal_name,user_display_name,session_id,app,app_class,started_utc,"
                                            "ended_utc,prompt_count,response_count,first_prompt"));
        QCOMPARE(lines.size(), m_expected.sessions + 1);

        // Cancelling the file dialog exports nothing.
        Dialogs::setNextSaveFileName(QString());
        w.exportView();
        QVERIFY(!w.exporter()->isRunning());
    }

    void exportEverything()
    {
        MainWindow w;
        QVERIFY(w.openProfile(m_profileId));
        QSignalSpy done(&w, &MainWindow::exportFinished);
        const QString parent = QDir(test::tempDir()).filePath(QStringLiteral("everything"));
        QDir().mkpath(parent);
        Dialogs::setNextDirectory(parent);
        w.exportEverything();
        QVERIFY(done.wait(60000));
        QCOMPARE(done.first().at(0).toBool(), true);
        const QStringList made = QDir(parent).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
        QCOMPARE(made.size(), 1);
        const QDir out(QDir(parent).filePath(made.first()));
        for (const QString &f : {QStringLiteral("prompts.csv"), QStringLiteral("sessions.csv"), QStringLiteral("users.csv"),
                                 QStringLiteral("interactions.jsonl"), QStringLiteral("export.json"), QStringLiteral("SHA256SUMS")})
            QVERIFY2(out.exists(f), qPrintable(f));
        QCOMPARE(readLines(out.filePath(QStringLiteral("prompts.csv"))).size(), m_expected.turns + 1);
    }

private:
    QString m_profileId;
    uitest::Expected m_expected;
};

QTEST_MAIN(TestExportButtons)
#include "tst_exportbuttons.moc"
