// "Export view to CSV…" per tab and "Export everything…" from the main window: run on a worker
// thread, through the dialog seam, and write files whose header is the docs/EXPORT-FORMAT.md contract.
#include "UiTestData.h"
#include "TestSupport.h"

#include "app/archive/Archive.h"
#include "app/auth/ProfileStore.h"
#include "ui/common/Dialogs.h"
#include "ui/export/ExportController.h"
#include "app/export/ExportWorker.h"
#include "ui/filter/FilterBar.h"
#include "ui/main/MainWindow.h"
#include "ui/main/Workspace.h"
#include "app/review/ReviewStore.h"

#include <QDir>
#include <QFile>
#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProgressDialog>
#include <QPushButton>
#include <QSemaphore>
#include <QSignalSpy>
#include <QtTest>

using namespace ledger;
using namespace ledger::gui;

namespace {
const QByteArray kBom("\xEF\xBB\xBF");

QList<QByteArray> readLines(const QString &path)
{
    const QByteArray all = test::readFile(path);
    if (!all.startsWith(kBom))
        return {};
    return test::splitLines(all.mid(3));
}

// An archive of its own with `turns` prompt/response pairs of one user (enough rows for the
// exporter's progress reports every 64 rows).
QString bigArchive(int turns)
{
    const QString path = QDir(test::tempDir()).filePath(QStringLiteral("big.sqlite"));
    Archive archive;
    if (!archive.open(path))
        return {};
    User u;
    u.id = uitest::userId(1);
    u.displayName = QStringLiteral("Adele Vance");
    u.userPrincipalName = QStringLiteral("adele@contoso.test");
    archive.writer().upsertUsers({u});
    QList<Interaction> items;
    const QDateTime base(QDate(2026, 9, 1), QTime(8, 0), Qt::UTC);
    const QString app = QString::fromLatin1(uitest::kWord);
    for (int i = 0; i < turns; ++i) {
        const QString session = QStringLiteral("big-%1").arg(i / 4);
        const QString req = QStringLiteral("big-req-%1").arg(i);
        const QDateTime when = base.addSecs(i * 60);
        items << Interaction::fromRaw(u.id, uitest::interactionJson(QStringLiteral("bp-%1").arg(i), u.id, session, req, app,
                                                                    true, when, QStringLiteral("Question %1").arg(i)));
        items << Interaction::fromRaw(u.id, uitest::interactionJson(QStringLiteral("br-%1").arg(i), u.id, session, req, app,
                                                                    false, when.addSecs(4), QStringLiteral("Answer %1").arg(i)));
    }
    return archive.writer().insertInteractions(items) == items.size() ? path : QString();
}
} // namespace

class TestExportButtons : public QObject {
    Q_OBJECT
    // Export everything with these export-dialog options into a new folder under `parent`; true
    // when the window reported success (*finished: it reported at all, within a minute).
    static bool exportEverythingInto(MainWindow &w, const QString &parent, const Dialogs::ExportOptions &options,
                                     bool *finished)
    {
        QSignalSpy done(&w, &MainWindow::exportFinished);
        QDir().mkpath(parent);
        Dialogs::setNextExportOptions(options);
        Dialogs::setNextDirectory(parent);
        w.exportEverything();
        *finished = done.wait(60000);
        return *finished && done.first().at(0).toBool();
    }

    // Shows `tab` and starts Export view into `fileName` in a temporary folder; the file's path.
    static QString exportViewOf(MainWindow &w, Workspace::Tab tab, const QString &fileName)
    {
        w.workspace()->setCurrentTab(tab);
        const QString path = QDir(test::tempDir()).filePath(fileName);
        Dialogs::setNextSaveFileName(path);
        w.exportView();
        return path;
    }

private slots:
    void initTestCase()
    {
        QString error;
        m_profileId = uitest::startWithFilledProfile(&m_expected, &error);
        QVERIFY2(!m_profileId.isEmpty(), qPrintable(error));
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

        // Users (the status filter is part of the view) and Sessions, unfiltered: every row.
        w.workspace()->filterBar()->reset();
        const struct {
            Workspace::Tab tab;
            const char *file;
            QByteArray header;
            int rows;
        } whole[] = {
            {Workspace::UsersTab, "view-users.csv",
             "user_id,display_name,user_principal_name,mail,department,job_title,account_enabled,user_type,status,"
             "interaction_count,session_count,first_activity_utc,last_activity_utc,status_reason,deleted,deleted_utc",
             m_expected.users},
            {Workspace::SessionsTab, "view-sessions.csv",
             "user_id,user_principal_name,user_display_name,session_id,app,app_class,started_utc,ended_utc,prompt_count,"
             "response_count,first_prompt",
             m_expected.sessions},
        };
        for (const auto &t : whole) {
            const QString path = exportViewOf(w, t.tab, QString::fromLatin1(t.file));
            QVERIFY2(done.wait(30000), t.file);
            QCOMPARE(done.takeFirst().at(0).toBool(), true);
            lines = readLines(path);
            QCOMPARE(lines.value(0), t.header);
            QCOMPARE(lines.size(), t.rows + 1);
        }

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
                                 QStringLiteral("interactions.jsonl"), QStringLiteral("findings.csv"), QStringLiteral("reviews.csv"),
                                 QStringLiteral("export.json"), QStringLiteral("SHA256SUMS")})
            QVERIFY2(out.exists(f), qPrintable(f));
        QCOMPARE(readLines(out.filePath(QStringLiteral("prompts.csv"))).size(), m_expected.turns + 1);
    }

    // File → Export case…: the case chosen from the archive's cases; the folder has exactly its turns.
    void exportCase()
    {
        QString first, second;
        {
            Archive archive;
            QVERIFY(archive.open(Archive::defaultPath(m_profileId)));
            const QList<TurnRow> turns = archive.reader().turns(ArchiveFilter{}, SortSpec{TurnRow::Time, Qt::AscendingOrder});
            QVERIFY(turns.size() > 3);
            ReviewStore store(archive);
            QVERIFY(store.addToCase(ReviewStore::turnRef(turns.at(1)), QStringLiteral("Window case")));
            QVERIFY(store.addToCase(ReviewStore::turnRef(turns.at(3)), QStringLiteral("Window case")));
            first = ReviewStore::turnRef(turns.at(1)).itemId;
            second = ReviewStore::turnRef(turns.at(3)).itemId;
        }
        MainWindow w;
        QVERIFY(w.openProfile(m_profileId));
        auto *action = w.findChild<QAction *>(QStringLiteral("actionExportCase"));
        QVERIFY(action);
        QVERIFY(action->isEnabled());
        QSignalSpy done(&w, &MainWindow::exportFinished);
        const QString parent = QDir(test::tempDir()).filePath(QStringLiteral("case"));
        QDir().mkpath(parent);
        Dialogs::setNextText(QStringLiteral("Window case"));
        Dialogs::setNextDirectory(parent);
        action->trigger();
        QVERIFY(done.wait(60000));
        QCOMPARE(done.first().at(0).toBool(), true);
        const QStringList made = QDir(parent).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
        QCOMPARE(made.size(), 1);
        QVERIFY(made.first().startsWith(QStringLiteral("copilot-ledger-case-")));
        const QDir out(QDir(parent).filePath(made.first()));
        const QList<QByteArray> prompts = readLines(out.filePath(QStringLiteral("prompts.csv")));
        QCOMPARE(prompts.size(), 3);
        QVERIFY(prompts.at(1).contains(first.toUtf8()) || prompts.at(2).contains(first.toUtf8()));
        QVERIFY(prompts.at(1).contains(second.toUtf8()) || prompts.at(2).contains(second.toUtf8()));
        QFile manifest(out.filePath(QStringLiteral("export.json")));
        QVERIFY(manifest.open(QIODevice::ReadOnly));
        QCOMPARE(QJsonDocument::fromJson(manifest.readAll()).object().value(QStringLiteral("case")).toString(),
                 QStringLiteral("Window case"));

        // Cancelling the choice exports nothing.
        Dialogs::setNextText(QString(), false);
        w.exportCase();
        QVERIFY(!w.exporter()->isRunning());
        QCOMPARE(QDir(parent).entryList(QDir::Dirs | QDir::NoDotAndDotDot).size(), 1);
    }

    // The export dialog's "Pseudonymise users": the key from the keychain, no interactions.jsonl,
    // pseudonyms in the name columns.
    void exportEverythingPseudonymised()
    {
        MainWindow w;
        QVERIFY(w.openProfile(m_profileId));
        Dialogs::ExportOptions options;
        options.pseudonymize = true;
        const QString parent = QDir(test::tempDir()).filePath(QStringLiteral("pseudonymised"));
        bool finished = false;
        if (!exportEverythingInto(w, parent, options, &finished)) {
            QVERIFY(finished);
            if (qEnvironmentVariableIntValue("LEDGER_REQUIRE_KEYCHAIN") == 1)
                QFAIL(qPrintable(w.lastStatusMessage()));
            QSKIP("no usable keychain");
        }
        const QStringList made = QDir(parent).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
        QCOMPARE(made.size(), 1);
        const QDir out(QDir(parent).filePath(made.first()));
        QVERIFY(!out.exists(QStringLiteral("interactions.jsonl")));
        QFile manifest(out.filePath(QStringLiteral("export.json")));
        QVERIFY(manifest.open(QIODevice::ReadOnly));
        QCOMPARE(QJsonDocument::fromJson(manifest.readAll()).object().value(QStringLiteral("pseudonymized")).toBool(), true);
        const QList<QByteArray> users = readLines(out.filePath(QStringLiteral("users.csv")));
        QVERIFY(users.size() > 1);
        for (qsizetype k = 1; k < users.size(); ++k)
            QVERIFY2(users.at(k).startsWith("user-"), users.at(k).constData());
        QVERIFY(!readLines(out.filePath(QStringLiteral("prompts.csv"))).join('\n').contains(uitest::userId(1).toUtf8()));

        // Cancelling the export dialog exports nothing.
        Dialogs::setNextExportOptions(Dialogs::ExportOptions{}, false);
        w.exportEverything();
        QVERIFY(!w.exporter()->isRunning());
        QCOMPARE(QDir(parent).entryList(QDir::Dirs | QDir::NoDotAndDotDot).size(), 1);
    }

    // The export dialog's "Transcripts": one file per session under transcripts/, listed in
    // export.json and SHA256SUMS as the command line's --transcripts lists them; with
    // "Pseudonymise users" too, the folders are the pseudonyms and no user id is in a file name.
    void exportEverythingWithTranscripts_data()
    {
        QTest::addColumn<QString>("format");
        QTest::addColumn<bool>("pseudonymize");
        QTest::newRow("pdf") << QStringLiteral("pdf") << false;
        QTest::newRow("html, pseudonymised") << QStringLiteral("html") << true;
    }
    void exportEverythingWithTranscripts()
    {
        QFETCH(QString, format);
        QFETCH(bool, pseudonymize);
        MainWindow w;
        QVERIFY(w.openProfile(m_profileId));
        Dialogs::ExportOptions options;
        options.transcripts = format;
        options.pseudonymize = pseudonymize;
        const QString parent = QDir(test::tempDir()).filePath(QStringLiteral("transcripts-") + QString::fromLatin1(QTest::currentDataTag()));
        bool finished = false;
        if (!exportEverythingInto(w, parent, options, &finished)) {
            QVERIFY(finished);
            if (pseudonymize && qEnvironmentVariableIntValue("LEDGER_REQUIRE_KEYCHAIN") != 1)
                QSKIP("no usable keychain");
            QFAIL(qPrintable(w.lastStatusMessage()));
        }
        const QStringList made = QDir(parent).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
        QCOMPARE(made.size(), 1);
        const QDir out(QDir(parent).filePath(made.first()));
        QFile manifestFile(out.filePath(QStringLiteral("export.json")));
        QVERIFY(manifestFile.open(QIODevice::ReadOnly));
        const QJsonObject manifest = QJsonDocument::fromJson(manifestFile.readAll()).object();
        const QJsonObject t = manifest.value(QStringLiteral("transcripts")).toObject();
        QCOMPARE(t.value(QStringLiteral("format")).toString(), format);
        QFile sumsFile(out.filePath(QStringLiteral("SHA256SUMS")));
        QVERIFY(sumsFile.open(QIODevice::ReadOnly));
        const QByteArray sums = sumsFile.readAll();
        int files = 0;
        QDirIterator it(out.filePath(QStringLiteral("transcripts")), QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString relative = out.relativeFilePath(it.next());
            ++files;
            QVERIFY2(relative.endsWith(QLatin1Char('.') + format), qPrintable(relative));
            QVERIFY2(manifest.value(QStringLiteral("files")).toArray().contains(relative), qPrintable(relative));
            QVERIFY2(sums.contains(QByteArray("  " + relative.toUtf8() + "\n")), qPrintable(relative));
            const QString folder = relative.section(QLatin1Char('/'), 1, 1);
            if (pseudonymize)
                QVERIFY2(folder.startsWith(QStringLiteral("user-")), qPrintable(relative));
            for (int u = 0; u < 3; ++u)
                QVERIFY2(!pseudonymize || !relative.contains(uitest::userId(u)), qPrintable(relative));
        }
        QVERIFY(files > 0);
        QCOMPARE(t.value(QStringLiteral("files")).toInt(), files);
        QVERIFY2(w.lastStatusMessage().contains(QStringLiteral("transcripts: %1 files").arg(QLocale().toString(files))),
                 qPrintable(w.lastStatusMessage()));
    }

    // A single CSV is cancelled with the progress dialog's Cancel button while the worker is held
    // mid-way (after its first 64 rows): no file is written, an existing file keeps its bytes,
    // the outcome says cancelled. Then the same export without cancel reports its row count.
    void cancelSingleCsv_data()
    {
        QTest::addColumn<bool>("existing");
        QTest::newRow("new file") << false;
        QTest::newRow("existing file") << true;
    }
    void cancelSingleCsv()
    {
        QFETCH(bool, existing);
        const QString archivePath = bigArchive(600);
        QVERIFY(!archivePath.isEmpty());
        const QString dir = QDir(test::tempDir()).filePath(QStringLiteral("single"));
        QVERIFY(QDir().mkpath(dir));
        const QString path = QDir(dir).filePath(QStringLiteral("prompts.csv"));
        const QByteArray old("yesterday's export\r\n");
        if (existing) {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(old);
        }

        Exporter::setProgressIntervalForTesting(0);
        QSemaphore gate;
        std::atomic_bool held{false};
        std::atomic<qint64> heldAt{-1}, lastDone{-1};
        ExportWorker::setProgressHookForTesting([&](qint64 done, qint64) {
            lastDone = done;
            if (done > 0 && !held.exchange(true)) {
                heldAt = done;
                gate.tryAcquire(1, 30000);   // until the test has pressed Cancel
            }
        });
        ExportController controller(nullptr);
        QSignalSpy finished(&controller, &ExportController::finished);
        ExportJob job;
        job.kind = ExportJob::PromptsCsv;
        job.archivePath = archivePath;
        job.path = path;
        QVERIFY(controller.start(job));
        QTRY_VERIFY_WITH_TIMEOUT(held.load(), 30000);
        QVERIFY(controller.progressDialog());
        QPushButton *cancelButton = controller.progressDialog()->findChild<QPushButton *>();
        QVERIFY2(cancelButton, "the progress dialog of a single CSV has a Cancel button");
        cancelButton->click();
        gate.release();
        QVERIFY(finished.count() == 1 || finished.wait(30000));
        ExportWorker::setProgressHookForTesting({});
        Exporter::setProgressIntervalForTesting(100);

        const ExportOutcome outcome = finished.first().at(0).value<ExportOutcome>();
        QVERIFY(!outcome.ok);
        QVERIFY(outcome.cancelled);
        QVERIFY(outcome.files.isEmpty());
        QVERIFY2(outcome.message.contains(QStringLiteral("cancelled")), qPrintable(outcome.message));
        QVERIFY2(outcome.message.contains(QStringLiteral("not written")), qPrintable(outcome.message));
        QCOMPARE(lastDone.load(), heldAt.load());   // no row after the held one was reported
        QVERIFY(heldAt.load() < 600);
        QVERIFY(!controller.isRunning());
        QCOMPARE(QDir(dir).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden),
                 existing ? QStringList{QStringLiteral("prompts.csv")} : QStringList());
        if (existing)
            QCOMPARE(ledger::test::readFile(path), old);

        // Not cancelled: the file is written and the outcome has its rows.
        QVERIFY(controller.start(job));
        QVERIFY(finished.wait(30000));
        const ExportOutcome done = finished.last().at(0).value<ExportOutcome>();
        QVERIFY2(done.ok, qPrintable(done.message));
        QCOMPARE(done.rows, qint64(600));
        QCOMPARE(readLines(path).size(), 601);
    }

    // The worker reports progress from (0, total) to (total, total), total = the rows of the view.
    void singleCsvProgress()
    {
        const QString archivePath = bigArchive(600);
        QVERIFY(!archivePath.isEmpty());
        Exporter::setProgressIntervalForTesting(0);
        QList<QPair<qint64, qint64>> calls;
        ExportJob job;
        job.kind = ExportJob::SessionsCsv;
        job.archivePath = archivePath;
        job.path = QDir(test::tempDir()).filePath(QStringLiteral("sessions.csv"));
        const ExportOutcome out = ExportWorker::runJob(job, [&](qint64 d, qint64 t) { calls.append({d, t}); }, nullptr);
        Exporter::setProgressIntervalForTesting(100);
        QVERIFY2(out.ok, qPrintable(out.message));
        QCOMPARE(out.rows, qint64(150));   // 4 turns per session
        QVERIFY(calls.size() >= 3);
        QCOMPARE(calls.first(), qMakePair(qint64(0), qint64(150)));
        QCOMPARE(calls.last(), qMakePair(qint64(150), qint64(150)));
        for (qsizetype i = 1; i < calls.size(); ++i)
            QVERIFY(calls.at(i).first >= calls.at(i - 1).first && calls.at(i).second == 150);
        QCOMPARE(readLines(job.path).size(), 151);
    }

private:
    QString m_profileId;
    uitest::Expected m_expected;
};

QTEST_MAIN(TestExportButtons)
#include "tst_exportbuttons.moc"
