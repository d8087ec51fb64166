// The Users / Sessions / Prompts models over a real Archive: QAbstractItemModelTester, counts
// from SQL, rows read in blocks by a worker thread, SQL sorting, a refresh that keeps the rows in
// view, raw values on Qt::UserRole, TSV copy (of rows never scrolled to, too).
#include "ModelWait.h"
#include "UiTestData.h"
#include "TestSupport.h"

#include "app/archive/Archive.h"
#include "ui/models/HighlightDelegate.h"
#include "ui/models/LedgerTableView.h"
#include "ui/models/PromptsModel.h"
#include "ui/models/SessionsModel.h"
#include "ui/models/UsersModel.h"

#include <QAbstractItemModelTester>
#include <QClipboard>
#include <QGuiApplication>
#include <QDir>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QSignalSpy>
#include <QtTest>

using namespace ledger;
using namespace ledger::gui;

class TestTableModels : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(uitest::startWithFilledArchive(m_archive, QStringLiteral("models.sqlite"), &m_expected, &error),
                 qPrintable(error));
        QCOMPARE(m_archive.reader().countTurns({}), qint64(m_expected.turns));
    }

    void usersModel()
    {
        UsersModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setArchive(&m_archive);
        QVERIFY(model.isLoading());
        QVERIFY(uitest::waitLoaded(&model));
        QCOMPARE(model.rowCount(), m_expected.users);
        QVERIFY(model.isRowLoaded(m_expected.users - 1));   // all users come in the first block
        QCOMPARE(model.totalMatching(), qint64(m_expected.users));
        QCOMPARE(model.columnCount(), int(UserRow::ColumnCount));

        // Sort by interactions, descending: Adele (24 interactions) first, numbers raw on UserRole.
        model.sort(int(UserRow::Interactions), Qt::DescendingOrder);
        QVERIFY(uitest::waitLoaded(&model));
        QCOMPARE(model.index(0, int(UserRow::Name)).data().toString(), QStringLiteral("Adele Vance"));
        QCOMPARE(model.index(0, int(UserRow::Interactions)).data(Qt::UserRole).toLongLong(),
                 qint64(m_expected.turnsPerUser.value(uitest::userId(0)) * 2));
        for (int r = 1; r < model.rowCount(); ++r)
            QVERIFY(model.index(r - 1, int(UserRow::Interactions)).data(Qt::UserRole).toLongLong()
                    >= model.index(r, int(UserRow::Interactions)).data(Qt::UserRole).toLongLong());

        // Status words and the failure on hover (nothing silent: a user whose history could not be read says so).
        bool sawFailed = false, sawNotLicensed = false;
        for (int r = 0; r < model.rowCount(); ++r) {
            const QModelIndex status = model.index(r, int(UserRow::Status));
            if (status.data(Qt::UserRole).toString() == u"failed") {
                sawFailed = true;
                QCOMPARE(status.data().toString(), QStringLiteral("Failed"));
                QVERIFY2(status.data(Qt::ToolTipRole).toString().contains(QStringLiteral("request-id")),
                         qPrintable(status.data(Qt::ToolTipRole).toString()));
            }
            if (status.data(Qt::UserRole).toString() == u"not_licensed") {
                sawNotLicensed = true;
                QCOMPARE(status.data().toString(), QStringLiteral("Not licensed"));
            }
        }
        QVERIFY(sawFailed);
        QVERIFY(sawNotLicensed);

        // Status filter (Users tab only).
        ArchiveFilter f;
        f.statuses = {UserStatus::NotLicensed};
        model.setFilter(f);
        QVERIFY(uitest::waitLoaded(&model));
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.totalUnfiltered(), qint64(m_expected.users));
    }

    void promptsPagingAndSorting()
    {
        PromptsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setPageSize(10);
        model.sort(int(TurnRow::Time), Qt::AscendingOrder);
        QSignalSpy loaded(&model, &ArchiveTableModel::loaded);
        model.setArchive(&m_archive);
        QCOMPARE(model.rowCount(), 0);   // nothing is read on the calling thread
        QVERIFY(uitest::waitLoaded(&model));
        QCOMPARE(loaded.size(), 1);
        QCOMPARE(model.totalMatching(), qint64(m_expected.turns));
        QCOMPARE(model.rowCount(), m_expected.turns);   // every row is known: the scroll bar covers all
        QVERIFY(model.isRowLoaded(9));                  // the first block came with the keys…
        QVERIFY(!model.isRowLoaded(10));                // …the others when a view asks
        QCOMPARE(model.index(25, int(TurnRow::Time)).data().toString(), QStringLiteral("Loading…"));
        QSignalSpy rowsLoaded(&model, &ArchiveTableModel::rowsLoaded);
        QVERIFY(uitest::waitRows(&model, 25, 25));
        QCOMPARE(rowsLoaded.first().at(0).toInt(), 20);   // the whole block of row 25
        QCOMPARE(rowsLoaded.first().at(1).toInt(), 29);
        QVERIFY(!model.isRowLoaded(10));
        QVERIFY(uitest::loadAll(&model));
        for (int r = 1; r < model.rowCount(); ++r)
            QVERIFY(model.index(r - 1, int(TurnRow::Time)).data(Qt::UserRole).toDateTime()
                    <= model.index(r, int(TurnRow::Time)).data(Qt::UserRole).toDateTime());

        model.sort(int(TurnRow::Time), Qt::DescendingOrder);
        QVERIFY(uitest::waitLoaded(&model));
        QCOMPARE(model.rowCount(), m_expected.turns);
        QVERIFY(model.index(0, int(TurnRow::Time)).data(Qt::UserRole).toDateTime()
                > model.index(9, int(TurnRow::Time)).data(Qt::UserRole).toDateTime());
        // Times shown in local time with a zone; the UTC instant on hover.
        QVERIFY(model.index(0, int(TurnRow::Time)).data(Qt::ToolTipRole).toString().contains(QLatin1Char('Z')));
        QCOMPARE(model.index(0, int(TurnRow::App)).data(Qt::UserRole).toString().startsWith(u"IPM.SkypeTeams"), true);
        QVERIFY(!model.index(0, 0).data(ArchiveTableModel::SessionIdRole).toString().isEmpty());

        // Full-text filter and app filter change the counts (SQL).
        ArchiveFilter f;
        f.text = QStringLiteral("budget");
        model.setFilter(f);
        QVERIFY(uitest::waitLoaded(&model));
        QCOMPARE(model.totalMatching(), qint64(m_expected.budgetTurns));
        QCOMPARE(model.totalUnfiltered(), qint64(m_expected.turns));
        f = {};
        f.appClasses = {QString::fromLatin1(uitest::kWord)};
        model.setFilter(f);
        QVERIFY(uitest::waitLoaded(&model));
        QCOMPARE(model.totalMatching(), qint64(m_expected.wordTurns));
        f = {};
        f.userIds = {uitest::userId(1)};
        model.setFilter(f);
        QVERIFY(uitest::waitLoaded(&model));
        QCOMPARE(model.totalMatching(), qint64(m_expected.turnsPerUser.value(uitest::userId(1))));
    }

    void sessionsModel()
    {
        SessionsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.sort(int(SessionRow::Started), Qt::DescendingOrder);
        model.setArchive(&m_archive);
        QVERIFY(uitest::loadAll(&model));
        QCOMPARE(model.totalMatching(), qint64(m_expected.sessions));
        QCOMPARE(model.rowCount(), m_expected.sessions);
        const QModelIndex first = model.index(0, int(SessionRow::FirstPrompt));
        QVERIFY(first.data().toString().startsWith(QStringLiteral("Summarise the budget")));
        QVERIFY(model.index(0, int(SessionRow::Turns)).data(Qt::UserRole).toInt() >= 2);
        QCOMPARE(model.index(0, 0).data(ArchiveTableModel::UserIdRole).toString(), uitest::userId(3));
    }

    void nullSessionIdOpensConversation()
    {
        // Graph may send a null sessionId: the row must still lead to its conversation.
        Archive archive;
        QString error;
        QVERIFY2(uitest::openTempArchive(archive, QStringLiteral("nullsession.sqlite"), &error), qPrintable(error));
        const QString uid = uitest::userId(1);
        const QByteArray prompt = R"({"id":"p-null-1","sessionId":null,"requestId":null,"appClass":"IPM.SkypeTeams.Message.Copilot.Word","interactionType":"userPrompt","createdDateTime":"2026-01-02T03:04:05.000Z","body":{"contentType":"text","content":"Prompt without a session"}})";
        const QByteArray response = R"({"id":"r-null-1","sessionId":null,"requestId":null,"appClass":"IPM.SkypeTeams.Message.Copilot.Word","interactionType":"aiResponse","createdDateTime":"2026-01-02T03:04:09.000Z","body":{"contentType":"text","content":"Orphan answer"}})";
        QCOMPARE(archive.writer().insertInteractions({Interaction::fromRaw(uid, prompt), Interaction::fromRaw(uid, response)}), 2);
        SessionsModel sessions;
        sessions.setArchive(&archive);
        QVERIFY(uitest::loadAll(&sessions));
        QVERIFY(sessions.rowCount() >= 1);
        for (int row = 0; row < sessions.rowCount(); ++row) {
            const QString key = sessions.index(row, 0).data(ArchiveTableModel::SessionIdRole).toString();
            QVERIFY2(!archive.reader().sessionInteractions(uid, key).isEmpty(), qPrintable(key));
        }
        PromptsModel prompts;
        prompts.setArchive(&archive);
        QVERIFY(uitest::loadAll(&prompts));
        QVERIFY(prompts.rowCount() >= 1);
        for (int row = 0; row < prompts.rowCount(); ++row) {
            const QString key = prompts.index(row, 0).data(ArchiveTableModel::SessionIdRole).toString();
            QVERIFY2(!archive.reader().sessionInteractions(uid, key).isEmpty(), qPrintable(key));
        }
    }

    void copyAsTsv()
    {
        UsersModel model;
        LedgerTableView view(QStringLiteral("tables/test"));
        view.setDefaultSort(int(UserRow::Name), Qt::AscendingOrder);
        view.setModel(&model);
        model.setArchive(&m_archive);
        QVERIFY(uitest::waitLoaded(&model));
        QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("Adele Vance"));
        view.selectionModel()->select(model.index(0, 0),
                                      QItemSelectionModel::Select | QItemSelectionModel::Rows);
        const QString tsv = view.selectionAsTsv();
        const QStringList cells = tsv.split(QLatin1Char('\t'));
        QCOMPARE(cells.size(), int(UserRow::ColumnCount));
        QCOMPARE(cells.first(), QStringLiteral("Adele Vance"));
        QCOMPARE(cells.at(1), QStringLiteral("adele@contoso.test"));
        // A hidden column is not copied.
        view.horizontalHeader()->setSectionHidden(int(UserRow::Department), true);
        QCOMPARE(view.selectionAsTsv().split(QLatin1Char('\t')).size(), int(UserRow::ColumnCount) - 1);
    }

    void refreshKeepsRowsInView()
    {
        // A sync stores more while the officer reads row 12 (newest first): after the refresh the
        // same prompt is still current, two rows further down, and nothing was reset.
        Archive archive;
        QString error;
        QVERIFY2(uitest::openTempArchive(archive, QStringLiteral("refresh.sqlite"), &error), qPrintable(error));
        uitest::fillArchive(archive);
        PromptsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setPageSize(10);
        LedgerTableView view(QStringLiteral("tables/refresh"));
        view.setDefaultSort(int(TurnRow::Time), Qt::DescendingOrder);
        view.setModel(&model);
        model.setArchive(&archive);
        QVERIFY(uitest::loadAll(&model));
        const int before = model.rowCount();
        view.setCurrentIndex(model.index(12, int(TurnRow::Prompt)));
        const QString focus = view.currentIndex().data(ArchiveTableModel::FocusIdRole).toString();
        QVERIFY(!focus.isEmpty());

        const QString uid = uitest::userId(2);
        const QDateTime later(QDate(2030, 1, 1), QTime(8, 0), Qt::UTC);
        QList<Interaction> fresh;
        for (int i = 0; i < 2; ++i) {
            const QString session = QStringLiteral("fresh-session-%1").arg(i);
            fresh << Interaction::fromRaw(uid, uitest::interactionJson(QStringLiteral("fresh-p%1").arg(i), uid, session,
                                                                       QStringLiteral("fresh-r%1").arg(i),
                                                                       QString::fromLatin1(uitest::kWord), true,
                                                                       later.addSecs(i * 60), QStringLiteral("Fresh prompt")));
        }
        QCOMPARE(archive.writer().insertInteractions(fresh), 2);

        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        model.reload();
        QVERIFY(uitest::waitLoaded(&model));
        QCOMPARE(resets.size(), 0);
        QCOMPARE(model.rowCount(), before + 2);
        QCOMPARE(view.currentIndex().row(), 14);
        QVERIFY(uitest::waitRows(&model, 0, 14));
        QCOMPARE(view.currentIndex().data(ArchiveTableModel::FocusIdRole).toString(), focus);
        QCOMPARE(model.index(0, int(TurnRow::Prompt)).data().toString(), QStringLiteral("Fresh prompt"));
    }

    void refreshKeepsTheTopRowInView()
    {
        // Scrolled down, the officer reads row 15 at the top of the view; a sync adds newer rows
        // (sorted above): after the refresh the same prompt is still the top row on screen. At
        // the very top of the table, new rows appear instead.
        Archive archive;
        QString error;
        QVERIFY2(uitest::openTempArchive(archive, QStringLiteral("anchor.sqlite"), &error), qPrintable(error));
        uitest::fillArchive(archive);
        PromptsModel model;
        model.setPageSize(10);
        LedgerTableView view(QStringLiteral("tables/anchor"));
        view.setDefaultSort(int(TurnRow::Time), Qt::DescendingOrder);
        view.setModel(&model);
        view.resize(700, 220);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        model.setArchive(&archive);
        QVERIFY(uitest::loadAll(&model));
        view.scrollTo(model.index(15, 0), QAbstractItemView::PositionAtTop);
        QCoreApplication::processEvents();
        QCOMPARE(view.rowAt(1), 15);
        const QString topFocus = model.index(15, 0).data(ArchiveTableModel::FocusIdRole).toString();

        auto addNewer = [&](int n, int base) {
            const QString uid = uitest::userId(4);
            QList<Interaction> fresh;
            for (int i = 0; i < n; ++i) {
                const QString id = QStringLiteral("anchor-%1").arg(base + i);
                fresh << Interaction::fromRaw(uid, uitest::interactionJson(id, uid, id + QStringLiteral("-s"), id + QStringLiteral("-r"),
                                                                           QString::fromLatin1(uitest::kTeams), true,
                                                                           QDateTime(QDate(2031, 1, 1), QTime(9, 0), Qt::UTC).addSecs(base + i),
                                                                           QStringLiteral("Newer prompt")));
            }
            QCOMPARE(archive.writer().insertInteractions(fresh), n);
        };
        addNewer(3, 0);
        model.reload();
        QVERIFY(uitest::waitLoaded(&model));
        QCoreApplication::processEvents();
        QCOMPARE(view.rowAt(1), 18);   // the same prompt, three rows further down, still on top
        QVERIFY(uitest::waitRows(&model, 18, 18));
        QCOMPARE(model.index(view.rowAt(1), 0).data(ArchiveTableModel::FocusIdRole).toString(), topFocus);

        view.scrollToTop();
        QCoreApplication::processEvents();
        addNewer(2, 100);
        model.reload();
        QVERIFY(uitest::waitLoaded(&model));
        QCoreApplication::processEvents();
        QCOMPARE(view.rowAt(1), 0);    // at the top: the newest rows show
        QVERIFY(uitest::waitRows(&model, 0, 0));
        QCOMPARE(model.index(0, int(TurnRow::Prompt)).data().toString(), QStringLiteral("Newer prompt"));
    }

    void staleQueriesAreDropped()
    {
        PromptsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy loaded(&model, &ArchiveTableModel::loaded);
        model.setArchive(&m_archive);
        ArchiveFilter f;
        f.text = QStringLiteral("budget");
        model.setFilter(f);
        f = {};
        f.appClasses = {QString::fromLatin1(uitest::kWord)};
        model.setFilter(f);   // typed on before the first two answered: only this one counts
        QVERIFY(uitest::waitLoaded(&model));
        QCOMPARE(loaded.size(), 1);
        QCOMPARE(model.totalMatching(), qint64(m_expected.wordTurns));
        QCOMPARE(model.totalUnfiltered(), qint64(m_expected.turns));
        // The superseded queries ran on workers of their own, which are gone once they finished.
        QTRY_COMPARE(model.supersededQueries(), 0);
        QVERIFY(uitest::loadAll(&model));
        for (int r = 0; r < model.rowCount(); ++r)
            QCOMPARE(model.index(r, int(TurnRow::App)).data(Qt::UserRole).toString(), QString::fromLatin1(uitest::kWord));
    }

    void sortShowsTheFirstBlockThenReadsAllKeys()
    {
        // After a sort, the count and the first block come first (through the sort indexes), the
        // ordered keys of every row after: the rows are exactly those of the archive's order.
        for (const int column : {int(TurnRow::Prompt), int(TurnRow::User), int(TurnRow::Response)}) {
            for (const Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
                PromptsModel model;
                QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
                model.setPageSize(4);
                model.setArchive(&m_archive);
                QVERIFY(uitest::waitLoaded(&model));
                QSignalSpy loaded(&model, &ArchiveTableModel::loaded);
                model.sort(column, order);
                QVERIFY(uitest::waitLoaded(&model));
                QCOMPARE(loaded.size(), 1);
                QCOMPARE(model.rowCount(), m_expected.turns);   // the count is exact at once
                QVERIFY(model.isRowLoaded(0) && model.isRowLoaded(3));
                QTRY_VERIFY(model.keysComplete());
                QVERIFY(uitest::loadAll(&model));
                const QList<TurnRow> expected
                    = m_archive.reader().turnsByKeys(m_archive.reader().rowKeys(ArchiveView::Turns, {}, {column, order}));
                QCOMPARE(int(expected.size()), model.rowCount());
                for (int r = 0; r < model.rowCount(); ++r)
                    QCOMPARE(model.index(r, int(TurnRow::Prompt)).data(ArchiveTableModel::FocusIdRole).toString(),
                             expected.at(r).promptId.isEmpty() ? expected.at(r).responseId : expected.at(r).promptId);
            }
        }
    }

    void copyReadsRowsNeverShown()
    {
        PromptsModel model;
        model.setPageSize(5);
        LedgerTableView view(QStringLiteral("tables/copyall"));
        view.setModel(&model);
        model.setArchive(&m_archive);
        QVERIFY(uitest::waitLoaded(&model));
        QVERIFY(!model.isRowLoaded(m_expected.turns - 1));
        view.selectAll();
        QVERIFY(view.copySelection());
        const QStringList lines = QGuiApplication::clipboard()->text().split(QLatin1Char('\n'));
        QCOMPARE(lines.size(), m_expected.turns);
        for (const QString &line : lines)
            QVERIFY2(!line.contains(QStringLiteral("Loading")) && line.count(QLatin1Char('\t')) == int(TurnRow::ColumnCount) - 1,
                     qPrintable(line));
    }

    void highlightRanges()
    {
        HighlightDelegate d;
        d.setSearchText(QStringLiteral("\"budget\" OR project"));
        QCOMPARE(d.terms(), QStringList({QStringLiteral("budget"), QStringLiteral("project")}));
        const auto r = d.ranges(QStringLiteral("Budget of the project budget"));
        QCOMPARE(r.size(), 3);
        QCOMPARE(r.at(0), qMakePair(0, 6));
        QCOMPARE(r.at(1), qMakePair(14, 7));
        QCOMPARE(r.at(2), qMakePair(22, 6));
        // What the parsed query matches, not the typed characters: no OR, no excluded word, a
        // phrase only as a phrase, whole words, prefixes as word starts.
        d.setSearchText(QStringLiteral("budg* OR \"annual report\" -draft"));
        QCOMPARE(d.terms(), QStringList({QStringLiteral("budg"), QStringLiteral("annual report")}));
        const QString text = QStringLiteral("OR budgets: the annual report draft, a report annual, -draft");
        const auto r2 = d.ranges(text);
        QCOMPARE(r2.size(), 2);
        QCOMPARE(text.mid(r2.at(0).first, r2.at(0).second), QStringLiteral("budgets"));
        QCOMPARE(text.mid(r2.at(1).first, r2.at(1).second), QStringLiteral("annual report"));
    }

private:
    Archive m_archive;
    uitest::Expected m_expected;
};

QTEST_MAIN(TestTableModels)
#include "tst_tablemodels.moc"
