// The window a compliance officer can trust: the conversation pane belongs to the selected row,
// "Export everything" states its scope, duplicate names carry the UPN, exports say where they
// went, each tab's search rules, plain-word statuses, keyboard, mnemonics, layout and counts.
#include "ModelWait.h"
#include "TestSupport.h"
#include "UiTestData.h"

#include "ui/activity/ActivityView.h"
#include "ui/activity/AppColors.h"
#include "ui/activity/DailyActivityChart.h"
#include "ui/activity/TopUsersChart.h"
#include "app/archive/Archive.h"
#include "app/auth/ProfileStore.h"
#include "app/auth/SecretStore.h"
#include "ui/common/Dialogs.h"
#include "ui/conversation/ConversationView.h"
#include "ui/export/ExportController.h"
#include "ui/filter/FilterBar.h"
#include "ui/main/MainWindow.h"
#include "ui/main/SyncStatusWidget.h"
#include "app/tenant/TenantSession.h"
#include "ui/main/WelcomePage.h"
#include "ui/main/Workspace.h"
#include "ui/models/LedgerTableView.h"
#include "ui/models/PromptsModel.h"
#include "ui/models/SessionsModel.h"
#include "ui/models/UsersModel.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QHeaderView>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>
#include <QToolButton>
#include <QtTest>

using namespace ledger;
using namespace ledger::gui;

namespace {

QList<QByteArray> csvLines(const QString &path)
{
    QByteArray all = test::readFile(path);
    if (all.startsWith("\xEF\xBB\xBF"))
        all = all.mid(3);
    return test::splitLines(all);
}

QChar mnemonicOf(const QString &text)
{
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text.at(i) == u'&') {
            if (text.at(i + 1) == u'&') {
                ++i;
                continue;
            }
            return text.at(i + 1).toLower();
        }
    }
    return {};
}

// Mnemonics that are live in a window: top-level menus, tabs, buttons and labels with buddies.
QMultiHash<QChar, QString> mnemonics(QWidget *window)
{
    QMultiHash<QChar, QString> out;
    auto add = [&](const QString &text) {
        const QChar c = mnemonicOf(text);
        if (!c.isNull())
            out.insert(c, text);
    };
    for (QMenuBar *bar : window->findChildren<QMenuBar *>())
        for (QAction *a : bar->actions())
            add(a->text());
    for (QTabBar *tabs : window->findChildren<QTabBar *>())
        for (int i = 0; i < tabs->count(); ++i)
            add(tabs->tabText(i));
    for (QAbstractButton *b : window->findChildren<QAbstractButton *>())
        if (!qobject_cast<QToolButton *>(b) || !qobject_cast<QToolButton *>(b)->defaultAction())
            if (b->isVisibleTo(window))
                add(b->text());
    for (QLabel *l : window->findChildren<QLabel *>())
        if (l->buddy() && l->isVisibleTo(window))
            add(l->text());
    return out;
}

QString duplicates(const QMultiHash<QChar, QString> &m)
{
    QStringList bad;
    for (const QChar c : m.uniqueKeys())
        if (m.count(c) > 1)
            bad << QStringList(m.values(c)).join(QStringLiteral(" / "));
    return bad.join(QStringLiteral("; "));
}

} // namespace

class TestTrust : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        QString error;
        m_profileId = uitest::startWithFilledProfile(&m_expected, &error, [](Archive &archive) {
            // A second "Adele Vance" (another person, another UPN) with one conversation.
            User twin = uitest::twinUser();
            twin.department = QStringLiteral("Sales");
            uitest::addTwin(archive, twin);
        });
        QVERIFY2(!m_profileId.isEmpty(), qPrintable(error));
    }

    void init()
    {
        Dialogs::resetSeams();
        QSettings().remove(QStringLiteral("main"));
    }

    // 1. The pane follows the current row; no current row → empty; Users/Activity → no conversation.
    void conversationFollowsSelection()
    {
        MainWindow w;
        w.resize(1280, 800);
        QVERIFY(w.openProfile(m_profileId));
        Workspace *ws = w.workspace();
        ws->setCurrentTab(Workspace::PromptsTab);
        QVERIFY(uitest::loadAll(ws->promptsModel()));
        auto *conv = qobject_cast<ConversationView *>(ws->conversationPane());
        QVERIFY(conv);
        ws->promptsView()->setCurrentIndex(ws->promptsModel()->index(0, 0));
        QTRY_VERIFY(!conv->isEmpty());
        const QString shownUser = conv->transcript().userId;

        // The chip picks another user: the pane shows that user's conversation or nothing.
        const QString other = shownUser == uitest::userId(1) ? uitest::userId(2) : uitest::userId(1);
        ws->filterBar()->setUserScope({other}, QStringLiteral("User: other"));
        QVERIFY(uitest::loadAll(ws->promptsModel()));
        QTest::qWait(50);
        QVERIFY2(conv->isEmpty() || conv->transcript().userId == other, "the pane shows a user outside the chip");

        // Nothing matches: the pane is empty.
        ws->setCurrentTab(Workspace::SessionsTab);
        ws->sessionsView()->setCurrentIndex(ws->sessionsModel()->index(0, 0));
        ws->filterBar()->setSearchText(QStringLiteral("zzzznothingmatches"));
        ws->filterBar()->applyNow();
        QVERIFY(uitest::waitLoaded(ws->sessionsModel()));
        QCOMPARE(ws->sessionsModel()->rowCount(), 0);
        QTest::qWait(50);
        QVERIFY2(conv->isEmpty(), "an empty result list still shows a conversation");

        // Users tab: no conversation pane (a user summary instead).
        ws->filterBar()->reset();
        ws->setCurrentTab(Workspace::UsersTab);
        QVERIFY(!conv->isVisibleTo(ws));
        ws->setCurrentTab(Workspace::ActivityTab);
        QVERIFY(!conv->isVisibleTo(ws));
    }

    // 2. Export everything states the scope and records the choice; a single view keeps the screen's order.
    void exportScope()
    {
        MainWindow w;
        QVERIFY(w.openProfile(m_profileId));
        Workspace *ws = w.workspace();
        ws->setCurrentTab(Workspace::PromptsTab);
        ws->filterBar()->setSearchText(QStringLiteral("budget"));
        ws->filterBar()->applyNow();
        QVERIFY(uitest::loadAll(ws->promptsModel()));
        QSignalSpy done(&w, &MainWindow::exportFinished);

        // "All": every prompt, the choice recorded.
        QString parent = QDir(test::tempDir()).filePath(QStringLiteral("all"));
        QDir().mkpath(parent);
        Dialogs::setNextDirectory(parent);
        Dialogs::setNextQuestionAnswer(QMessageBox::YesToAll);
        w.exportEverything();
        QVERIFY(done.wait(60000));
        QDir out(QDir(parent).filePath(QDir(parent).entryList(QDir::Dirs | QDir::NoDotAndDotDot).value(0)));
        QCOMPARE(csvLines(out.filePath(QStringLiteral("prompts.csv"))).size(), m_expected.turns + 1 + 1);   // + the twin's turn
        QJsonObject manifest = QJsonDocument::fromJson(test::readFile(out.filePath(QStringLiteral("export.json")))).object();
        QCOMPARE(manifest.value(QStringLiteral("scope")).toString(), QStringLiteral("all"));
        QCOMPARE(manifest.value(QStringLiteral("text_filter")).toString(), QString());

        // "As filtered".
        parent = QDir(test::tempDir()).filePath(QStringLiteral("filtered"));
        QDir().mkpath(parent);
        Dialogs::setNextDirectory(parent);
        Dialogs::setNextQuestionAnswer(QMessageBox::Apply);
        w.exportEverything();
        QVERIFY(done.wait(60000));
        out = QDir(QDir(parent).filePath(QDir(parent).entryList(QDir::Dirs | QDir::NoDotAndDotDot).value(0)));
        QCOMPARE(csvLines(out.filePath(QStringLiteral("prompts.csv"))).size(), m_expected.budgetTurns + 1);
        manifest = QJsonDocument::fromJson(test::readFile(out.filePath(QStringLiteral("export.json")))).object();
        QCOMPARE(manifest.value(QStringLiteral("scope")).toString(), QStringLiteral("as_filtered"));

        // A single view writes its rows in the order on screen (newest first by default).
        ws->filterBar()->reset();
        QVERIFY(uitest::loadAll(ws->promptsModel()));
        const QString csv = QDir(test::tempDir()).filePath(QStringLiteral("view.csv"));
        Dialogs::setNextSaveFileName(csv);
        w.exportView();
        QVERIFY(done.wait(60000));
        const QList<QByteArray> lines = csvLines(csv);
        QCOMPARE(lines.size(), ws->promptsModel()->rowCount() + 1);
        QStringList onScreen, inFile;
        for (int r = 0; r < ws->promptsModel()->rowCount(); ++r)
            onScreen << ws->promptsModel()->index(r, int(TurnRow::Time)).data(ArchiveTableModel::RawRole).toDateTime().toUTC().toString(Qt::ISODate);
        for (int i = 1; i < lines.size(); ++i)
            inFile << QString::fromUtf8(lines.at(i).split(',').value(9)).left(19) + QLatin1Char('Z');
        QCOMPARE(inFile, onScreen);
    }

    // 3. Two users called "Adele Vance": chip, chart, conversation header and file name carry the UPN.
    void duplicateNames()
    {
        MainWindow w;
        w.resize(1280, 800);
        w.show();
        QVERIFY(w.openProfile(m_profileId));
        Workspace *ws = w.workspace();
        ws->setCurrentTab(Workspace::UsersTab);
        QVERIFY(uitest::loadAll(ws->usersModel()));
        int twinRow = -1;
        for (int r = 0; r < ws->usersModel()->rowCount(); ++r)
            if (ws->usersModel()->index(r, 0).data(ArchiveTableModel::UserIdRole).toString() == uitest::userId(9))
                twinRow = r;
        QVERIFY(twinRow >= 0);
        ws->usersView()->selectRow(twinRow);
        const auto chipLabels = ws->filterBar()->scopeChip()->findChildren<QLabel *>();
        QVERIFY(!chipLabels.isEmpty());
        QVERIFY2(chipLabels.first()->text().contains(QStringLiteral("adele.vance2@contoso.test")),
                 qPrintable(chipLabels.first()->text()));

        ws->setCurrentTab(Workspace::PromptsTab);
        QVERIFY(uitest::loadAll(ws->promptsModel()));
        ws->promptsView()->setCurrentIndex(ws->promptsModel()->index(0, 0));
        auto *conv = qobject_cast<ConversationView *>(ws->conversationPane());
        QTRY_VERIFY(!conv->isEmpty());
        QString header;
        for (QLabel *l : conv->findChildren<QLabel *>())
            header += l->text() + QLatin1Char('\n');
        QVERIFY2(header.contains(QStringLiteral("adele.vance2@contoso.test")), qPrintable(header));
        QString suggested;
        conv->setSaveFileNameHook([&](const QString &s) { suggested = s; return QString(); });
        for (QToolButton *b : conv->findChildren<QToolButton *>())
            if (b->text().startsWith(QStringLiteral("Save transcript")))
                b->click();
        QVERIFY2(suggested.contains(QStringLiteral("adele.vance2")), qPrintable(suggested));

        ws->filterBar()->clearUserScope();
        ws->setCurrentTab(Workspace::ActivityTab);
        auto *activity = ws->findChild<ActivityView *>();
        QVERIFY(activity);
        QTRY_VERIFY(!activity->isLoading() && !activity->topUsersChart()->users().isEmpty());
        QStringList tips;
        for (int i = 0; i < activity->topUsersChart()->users().size(); ++i)
            tips << activity->topUsersChart()->toolTipFor(i);
        QVERIFY2(tips.join(QLatin1Char('|')).contains(QStringLiteral("adele@contoso.test")), qPrintable(tips.join(QLatin1Char('|'))));
    }

    // 4. After an export: the full path and an Open folder button; the picker starts in a folder that exists.
    void exportSaysWhere()
    {
        MainWindow w;
        QVERIFY(w.openProfile(m_profileId));
        QSignalSpy done(&w, &MainWindow::exportFinished);
        w.workspace()->setCurrentTab(Workspace::UsersTab);
        const QString csv = QDir(test::tempDir()).filePath(QStringLiteral("users-where.csv"));
        Dialogs::setNextSaveFileName(csv);
        w.exportView();
        QVERIFY(done.wait(30000));
        QVERIFY2(w.lastStatusMessage().contains(QDir::toNativeSeparators(csv)), qPrintable(w.lastStatusMessage()));
        QPushButton *open = nullptr;
        for (QPushButton *b : w.statusBar()->findChildren<QPushButton *>())
            if (b->text().remove(u'&') == QStringLiteral("Open folder"))
                open = b;
        QVERIFY(open);
        QVERIFY(open->isVisibleTo(&w));
        QString opened;
        Dialogs::setOpenFolderHandler([&](const QString &path) { opened = path; });
        open->click();
        QCOMPARE(QDir(opened), QFileInfo(csv).absoluteDir());
        Dialogs::setOpenFolderHandler({});

        // The folder picker: the remembered folder is gone → a folder that exists is proposed.
        QSettings().setValue(QStringLiteral("export/lastFolder"), QDir(test::tempDir()).filePath(QStringLiteral("gone")));
        Dialogs::setNextDirectory(QString());
        w.exportEverything();
        const QString proposed = Dialogs::lastDirectoryStart();
        QVERIFY2(!proposed.isEmpty() && QDir(proposed).exists(), qPrintable(proposed));
    }

    // 5. The Users tab finds users by name, UPN and department; each tab says what it searches.
    void usersSearch()
    {
        MainWindow w;
        QVERIFY(w.openProfile(m_profileId));
        Workspace *ws = w.workspace();
        ws->setCurrentTab(Workspace::UsersTab);
        const QString usersPlaceholder = ws->filterBar()->searchField()->placeholderText();
        for (const auto &[text, n] : {std::pair{QStringLiteral("adele"), 2}, std::pair{QStringLiteral("diego@contoso"), 1},
                                      std::pair{QStringLiteral("legal"), 3}, std::pair{QStringLiteral("ALEX wil"), 1}}) {
            ws->filterBar()->setSearchText(text);
            ws->filterBar()->applyNow();
            QVERIFY(uitest::waitLoaded(ws->usersModel()));
            QVERIFY2(ws->usersModel()->rowCount() == n, qPrintable(text + QStringLiteral(": %1").arg(ws->usersModel()->rowCount())));
        }
        QVERIFY2(usersPlaceholder.contains(QStringLiteral("name"), Qt::CaseInsensitive)
                     && usersPlaceholder.contains(QStringLiteral("department"), Qt::CaseInsensitive),
                 qPrintable(usersPlaceholder));
        ws->setCurrentTab(Workspace::PromptsTab);
        QVERIFY(ws->filterBar()->searchField()->placeholderText() != usersPlaceholder);
    }

    // 6. "Nothing matches" names every active filter, each with a one-click clear.
    void nothingMatchesNamesFilters()
    {
        MainWindow w;
        w.resize(1280, 800);
        w.show();
        QVERIFY(w.openProfile(m_profileId));
        Workspace *ws = w.workspace();
        ws->setCurrentTab(Workspace::PromptsTab);
        ws->filterBar()->setSelectedApps({QStringLiteral("Word")});
        ws->filterBar()->setUserScope({uitest::userId(1)}, QStringLiteral("User: Alex Wilber"));
        ws->filterBar()->setSearchText(QStringLiteral("zzzznothing"));
        ws->filterBar()->applyNow();
        QVERIFY(uitest::waitLoaded(ws->promptsModel()));
        QCOMPARE(ws->promptsModel()->rowCount(), 0);
        QWidget *panel = ws->promptsView()->findChild<QWidget *>(QStringLiteral("noMatchPanel"));
        QVERIFY(panel);
        QTRY_VERIFY(panel->isVisible());
        QStringList buttons;
        QAbstractButton *clearText = nullptr;
        for (QAbstractButton *b : panel->findChildren<QAbstractButton *>()) {
            buttons << b->text();
            if (b->text().contains(QStringLiteral("zzzznothing")))
                clearText = b;
        }
        const QString all = buttons.join(QLatin1Char('|'));
        QVERIFY2(all.contains(QStringLiteral("Word")) && all.contains(QStringLiteral("Alex Wilber")) && clearText, qPrintable(all));
        clearText->click();
        QCOMPARE(ws->filterBar()->searchField()->text(), QString());
        QVERIFY(uitest::waitLoaded(ws->promptsModel()));
        QVERIFY(ws->promptsModel()->rowCount() > 0);
        QTRY_VERIFY(!panel->isVisible());
    }

    // 7. Statuses in plain words first; "Not synced" in the status filter; the combo never cut silently.
    void statusInPlainWords()
    {
        MainWindow w;
        w.resize(1280, 800);
        QVERIFY(w.openProfile(m_profileId));
        Workspace *ws = w.workspace();
        ws->setCurrentTab(Workspace::UsersTab);
        QVERIFY(uitest::loadAll(ws->usersModel()));
        int row = -1;
        for (int r = 0; r < ws->usersModel()->rowCount(); ++r)
            if (ws->usersModel()->index(r, 0).data(ArchiveTableModel::UserIdRole).toString() == uitest::userId(4))
                row = r;
        QVERIFY(row >= 0);
        ws->usersView()->selectRow(row);
        QWidget *details = ws->findChild<QWidget *>(QStringLiteral("userDetails"));
        QVERIFY(details);
        QVERIFY(details->isVisibleTo(ws));
        QString text;
        for (QLabel *l : details->findChildren<QLabel *>())
            if (l->isVisibleTo(details))
                text += l->text() + QLatin1Char('\n');
        const qsizetype plain = text.indexOf(QStringLiteral("Not licensed — no Microsoft 365 Copilot licence"));
        QVERIFY2(plain >= 0, qPrintable(text));
        const qsizetype code = text.indexOf(QStringLiteral("403"));
        QVERIFY2(code < 0 || code > plain, qPrintable(text));

        auto *status = ws->filterBar()->findChild<QComboBox *>(QStringLiteral("filterStatus"));
        QVERIFY(status);
        QVERIFY(status->findText(QStringLiteral("Not synced")) >= 0);
        status->setCurrentIndex(status->findText(QStringLiteral("Not synced")));
        QVERIFY(ws->filterBar()->filter().statuses.contains(UserStatus::Unknown));
        QVERIFY(status->width() >= status->sizeHint().width() || !status->toolTip().isEmpty());
    }

    // 8. Tab leaves a table (no cell-by-cell walk, no change of the selected user).
    void tabLeavesTable()
    {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(w.openProfile(m_profileId));
        Workspace *ws = w.workspace();
        ws->setCurrentTab(Workspace::UsersTab);
        QVERIFY(uitest::loadAll(ws->usersModel()));
        LedgerTableView *view = ws->usersView();
        view->setFocus();
        view->selectRow(0);
        const int col = view->currentIndex().column();
        for (int i = 0; i < ws->usersModel()->columnCount() + 1; ++i)
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QVERIFY(view->currentIndex().row() == 0 && view->currentIndex().column() == col);
        QVERIFY(QApplication::focusWidget() != view);
    }

    // 9. Mnemonics are unique per window; Quit has Ctrl+Q.
    void uniqueMnemonics()
    {
        MainWindow w;
        QVERIFY(w.openProfile(m_profileId));
        w.show();
        const auto m = mnemonics(&w);
        QVERIFY2(duplicates(m).isEmpty(), qPrintable(duplicates(m)));
        bool quit = false;
        for (QAction *a : w.findChildren<QAction *>())
            if (a->text().remove(u'&') == QStringLiteral("Quit"))
                quit = a->shortcuts().contains(QKeySequence(QStringLiteral("Ctrl+Q")));
        QVERIFY(quit);
        w.showConnections();
        QDialog *dlg = w.findChild<QDialog *>();
        QVERIFY(dlg);
        const auto d = mnemonics(dlg);
        QVERIFY2(duplicates(d).isEmpty(), qPrintable(duplicates(d)));
    }

    // 10. Nothing cut off at 1024×700 and 1920×1080; columns use wide windows; the apps menu stays open.
    void layoutFits()
    {
        for (const QSize size : {QSize(1024, 700), QSize(1920, 1080)}) {
            MainWindow w;
            w.resize(size);
            w.show();
            QVERIFY(QTest::qWaitForWindowExposed(&w));
            QLabel *sentence = nullptr;
            for (QLabel *l : w.welcomePage()->findChildren<QLabel *>())
                if (l->text().startsWith(QStringLiteral("Archive, browse")))
                    sentence = l;
            QVERIFY(sentence);
            QVERIFY2(sentence->height() >= sentence->heightForWidth(sentence->width()),
                     qPrintable(QStringLiteral("%1 < %2").arg(sentence->height()).arg(sentence->heightForWidth(sentence->width()))));

            QVERIFY(w.openProfile(m_profileId));
            Workspace *ws = w.workspace();
            ws->setCurrentTab(Workspace::PromptsTab);
            QVERIFY(uitest::loadAll(ws->promptsModel()));
            ws->promptsView()->setCurrentIndex(ws->promptsModel()->index(0, 0));
            auto *conv = qobject_cast<ConversationView *>(ws->conversationPane());
            QTRY_VERIFY(!conv->isEmpty());
            QApplication::processEvents();
            auto *find = conv->findChild<QLineEdit *>(QStringLiteral("conversationFind"));
            auto *status = conv->findChild<QLabel *>(QStringLiteral("conversationFindStatus"));
            QVERIFY(find && status);
            find->setText(QStringLiteral("budget"));
            QApplication::processEvents();
            QToolButton *copy = nullptr;
            for (QToolButton *b : conv->findChildren<QToolButton *>())
                if (b->text() == QStringLiteral("Copy"))
                    copy = b;
            QVERIFY(copy);
            QVERIFY2(!find->geometry().intersects(copy->geometry()), "the find field covers Copy");
            QVERIFY2(!find->geometry().intersects(status->geometry()),
                     qPrintable(QStringLiteral("the match count is under the field: %1,%2 %3 / %4,%5 %6 pane %7")
                                    .arg(find->x()).arg(find->width()).arg(find->isVisible())
                                    .arg(status->x()).arg(status->width()).arg(status->text()).arg(conv->width())));
            QVERIFY(status->width() >= status->sizeHint().width());

            if (size.width() >= 1920) {
                ws->setCurrentTab(Workspace::UsersTab);
                QApplication::processEvents();
                QHeaderView *h = ws->usersView()->horizontalHeader();
                const int em = ws->usersView()->fontMetrics().horizontalAdvance(QLatin1Char('M'));
                QVERIFY2(h->sectionSize(int(UserRow::Name)) > 12 * em, "the Name column does not use the wide window");
            }
        }
        // The apps menu stays open while apps are ticked.
        FilterBar bar;
        bar.show();
        auto *apps = bar.findChild<QToolButton *>(QStringLiteral("filterApps"));
        QVERIFY(apps && apps->menu());
        QMenu *menu = apps->menu();
        menu->popup(bar.mapToGlobal(QPoint(0, 0)));
        QVERIFY(QTest::qWaitForWindowExposed(menu));
        QAction *first = menu->actions().value(0);
        QTest::mouseClick(menu, Qt::LeftButton, {}, menu->actionGeometry(first).center());
        QVERIFY(first->isChecked());
        QVERIFY2(menu->isVisible(), "the apps menu closed after one tick");
        menu->hide();
    }

    // 11. Counts: locale separators everywhere; during a sync the status bar agrees with itself.
    void consistentCounts()
    {
        SyncStatusWidget status;
        SyncProgress p;
        p.usersTotal = 12000;
        p.usersDone = 1234;
        p.interactionsNew = 13647;
        status.setProgress(p);
        auto *bar = status.findChild<QProgressBar *>();
        QVERIFY(bar);
        QVERIFY2(bar->text().contains(QStringLiteral("1,234")) && bar->text().contains(QStringLiteral("12,000")), qPrintable(bar->text()));
        QVERIFY2(!status.text().contains(QStringLiteral("1,234")) || status.text().contains(QStringLiteral("12,000")), qPrintable(status.text()));

        // The demo: on every progress report the archived count is at least the new count.
        for (const char *suffix : {"", "-wal", "-shm"})
            QFile::remove(Archive::defaultPath(QStringLiteral("demo")) + QLatin1String(suffix));
        MainWindow w;
        QLabel *counts = w.findChild<QLabel *>(QStringLiteral("statusCounts"));
        QVERIFY(counts);
        QStringList bad;
        connect(w.session(), &TenantSession::syncProgress, &w, [&](const SyncProgress &pr) {
            QTimer::singleShot(0, &w, [&, pr] {
                static const QRegularExpression re(QStringLiteral("([\\d,]+) interactions archived"));
                const auto m = re.match(counts->text());
                const qint64 archived = m.hasMatch() ? QLocale().toLongLong(m.captured(1)) : -1;
                if (archived < pr.interactionsNew)
                    bad << QStringLiteral("%1 next to %2 new").arg(counts->text()).arg(pr.interactionsNew);
            });
        });
        QSignalSpy synced(&w, &MainWindow::syncFinished);
        QString error;
        QVERIFY2(w.openDemo(&error), qPrintable(error));
        QVERIFY(synced.wait(180000));
        QVERIFY2(bad.isEmpty(), qPrintable(bad.value(0)));
        const auto summary = synced.first().at(0).value<SyncSummary>();
        QVERIFY(summary.interactionsNew >= 1000);
        QVERIFY2(w.lastStatusMessage().contains(QLocale().toString(summary.interactionsNew)), qPrintable(w.lastStatusMessage()));
        w.close();
    }

    // 12. Activity: header and chart agree; Ctrl+E writes the chart data; clicks drill down; colours.
    void activityTab()
    {
        MainWindow w;
        w.resize(1280, 800);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(w.openProfile(m_profileId));
        Workspace *ws = w.workspace();
        ws->setCurrentTab(Workspace::ActivityTab);
        auto *activity = ws->findChild<ActivityView *>();
        QTRY_VERIFY(!activity->isLoading() && activity->series().total > 0);
        QTRY_VERIFY2(ws->filterBar()->countText().contains(QLocale().toString(activity->series().total)),
                     qPrintable(ws->filterBar()->countText()));

        const QString csv = QDir(test::tempDir()).filePath(QStringLiteral("activity.csv"));
        Dialogs::setNextSaveFileName(csv);
        QSignalSpy done(&w, &MainWindow::exportFinished);
        w.exportView();
        QTRY_VERIFY(QFile::exists(csv));
        const QList<QByteArray> lines = csvLines(csv);
        QCOMPARE(lines.value(0), QByteArray("day_utc,app,app_class,interactions"));
        qint64 sum = 0;
        for (int i = 1; i < lines.size(); ++i)
            sum += lines.at(i).split(',').value(3).toLongLong();
        QCOMPARE(sum, activity->series().total);

        // A click on a day: the Prompts tab of that day.
        DailyActivityChart *chart = activity->dailyChart();
        int day = -1;
        for (int d = 0; d < chart->series().days.size() && day < 0; ++d)
            if (chart->series().dayTotals.at(d) > 0)
                day = d;
        QVERIFY(day >= 0);
        QRectF seg;
        for (int a = 0; a < chart->series().appClasses.size() && seg.isEmpty(); ++a)
            seg = chart->segmentRect(day, a);
        QVERIFY(!seg.isEmpty());
        QTest::mouseClick(chart, Qt::LeftButton, {}, seg.center().toPoint());
        QCOMPARE(ws->currentTab(), Workspace::PromptsTab);
        const ArchiveFilter f = ws->filterFor(Workspace::PromptsTab);
        QCOMPARE(f.from.toUTC().date(), chart->series().days.at(day));

        // A click on a top user: that user's prompts.
        ws->filterBar()->reset();
        ws->setCurrentTab(Workspace::ActivityTab);
        QTRY_VERIFY(!activity->isLoading() && !activity->topUsersChart()->users().isEmpty());
        TopUsersChart *top = activity->topUsersChart();
        QTest::mouseClick(top, Qt::LeftButton, {}, top->barRect(0).center().toPoint());
        QCOMPARE(ws->currentTab(), Workspace::PromptsTab);
        QCOMPARE(ws->filterBar()->userScope(), QStringList{top->users().first().userId});

        // Okabe–Ito colours, pairwise distinct for the apps on screen; the legend survives a small chart.
        const QSet<QRgb> okabeIto = {0xE69F00, 0x56B4E9, 0x009E73, 0xF0E442, 0x0072B2, 0xD55E00, 0xCC79A7, 0x000000};
        QSet<QRgb> seen;
        for (const QString &app : {QStringLiteral("Word"), QStringLiteral("Teams"), QStringLiteral("Copilot Chat"),
                                   QStringLiteral("Excel"), QStringLiteral("PowerPoint"), QStringLiteral("Outlook")}) {
            const QRgb c = appColor(app, false).rgb() & 0xFFFFFF;
            QVERIFY2(okabeIto.contains(c), qPrintable(app));
            seen.insert(c);
        }
        QCOMPARE(seen.size(), 6);
        DailyActivityChart small;
        small.setSeries(chart->series());
        small.resize(260, 90);
        const QImage img = small.grab().toImage();
        const QColor word = appColor(chart->series().appNames.value(0), false);
        bool legend = false;
        for (int y = 0; y < 40 && !legend; ++y)
            for (int x = 0; x < img.width() && !legend; ++x)
                legend = (img.pixel(x, y) & 0xFFFFFF) == (word.rgb() & 0xFFFFFF);
        QVERIFY2(legend, "no legend on a small chart");
    }

    // 13. Without a keychain the Connections dialog says one thing, and explains the keyring prompt first.
    void keychainWording()
    {
        MainWindow w;
        QVERIFY(w.openProfile(m_profileId));
        QTest::qWait(200);   // the secret's read answers (a failing keychain says so)
        w.showConnections();
        QTest::qWait(200);
        QDialog *dlg = w.findChild<QDialog *>();
        QVERIFY(dlg);
        QString all;
        for (QLabel *l : dlg->findChildren<QLabel *>())
            all += l->text() + QLatin1Char('\n');
        for (QLineEdit *e : dlg->findChildren<QLineEdit *>())
            all += e->placeholderText() + QLatin1Char('\n');
        QVERIFY2(all.contains(QStringLiteral("keyring"), Qt::CaseInsensitive), qPrintable(all));
        // Without a keychain (no Secret Service here), nothing claims the secret is in it.
        if (!w.secrets()->keychainAvailable())
            QVERIFY2(!all.contains(QStringLiteral("stored in the keychain")), qPrintable(all));
    }

private:
    QString m_profileId;
    uitest::Expected m_expected;
};

QTEST_MAIN(TestTrust)
#include "tst_trust.moc"
