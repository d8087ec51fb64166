// The window's transcripts (docs/USER-GUIDE.md "Transcripts"): the conversation view's "Save
// transcript…" as PDF, the Users tab's context menu "Transcripts of this user…" for the filter's
// date range, and "Transcript of a case" once the archive has cases. Read back with pdftotext.
#include "ModelWait.h"
#include "TestSupport.h"
#include "UiTestData.h"
#include "app/archive/Archive.h"
#include "app/auth/ProfileStore.h"
#include "ui/common/Dialogs.h"
#include "ui/conversation/ConversationView.h"
#include "ui/main/MainWindow.h"
#include "ui/main/Workspace.h"
#include "ui/models/LedgerTableView.h"
#include "ui/models/SessionsModel.h"
#include "ui/models/UsersModel.h"
#include "app/review/ReviewStore.h"
#include "app/transcript/TranscriptSession.h"

#include <QDir>
#include <QFileInfo>
#include <QMenu>
#include <QProcess>
#include <QRegularExpression>
#include <QSettings>
#include "PdfText.h"

#include <QtTest>

using namespace ledger;
using namespace ledger::gui;
using ledger::test::footerHash;
using ledger::test::pdfText;
using namespace Qt::StringLiterals;

namespace {

QAction *findAction(QMenu *menu, const QString &objectName)
{
    for (QAction *a : menu->findChildren<QAction *>())
        if (a->objectName() == objectName)
            return a;
    return nullptr;
}

} // namespace

class TestTranscriptActions : public QObject {
    Q_OBJECT
    QString m_profileId;
    QString m_archivePath;
    const QString m_twin = uitest::userId(9);

private slots:
    void initTestCase()
    {
        QString error;
        m_profileId = uitest::startWithFilledProfile(nullptr, &error, [](Archive &archive) {
            uitest::addTwin(archive, uitest::twinUser());
        });
        QVERIFY2(!m_profileId.isEmpty(), qPrintable(error));
        m_archivePath = Archive::defaultPath(m_profileId);
    }

    void init() { Dialogs::resetSeams(); }

    void userContextMenuSavesTheUsersTranscripts()
    {
        MainWindow w;
        QVERIFY(w.openProfile(m_profileId));
        Workspace *ws = w.workspace();
        ws->setCurrentTab(Workspace::UsersTab);
        QVERIFY(uitest::loadAll(ws->usersModel()));
        QModelIndex row;
        for (int r = 0; r < ws->usersModel()->rowCount(); ++r) {
            const QModelIndex i = ws->usersModel()->index(r, 0);
            if (i.data(ArchiveTableModel::UserIdRole).toString() == m_twin)
                row = i;
        }
        QVERIFY(row.isValid());
        std::unique_ptr<QMenu> menu(ws->usersContextMenu(row));
        QVERIFY(menu);
        QAction *action = findAction(menu.get(), u"userTranscriptsAction"_s);
        QVERIFY(action);
        QVERIFY(!menu->findChild<QMenu *>(u"caseTranscriptMenu"_s));   // no case yet
        const QString path = test::tempDir() + u"/user.pdf"_s;
        Dialogs::setNextSaveFileName(path);
        // The window's event loop keeps running while the transcript is read and written (in a
        // thread of its own): a timer due now fires before the action returns.
        bool windowLoopRan = false;
        QTimer::singleShot(0, &w, [&windowLoopRan] { windowLoopRan = true; });
        action->trigger();
        QVERIFY(windowLoopRan);
        QVERIFY(QFileInfo::exists(path));
        const QString text = pdfText(path);
        QVERIFY2(text.contains(u"Twin question"_s), qPrintable(text));
        QVERIFY(text.contains(u"Twin answer"_s));
        QVERIFY(text.contains(u"Tenant: contoso.onmicrosoft.com"_s));
        QVERIFY(text.contains(u"User: Adele Vance <adele.vance2@contoso.test>"_s));
        QVERIFY(text.contains(u"Page 1 of "_s));
        Archive archive;
        QVERIFY(archive.open(m_archivePath));
        QCOMPARE(footerHash(text), interactionsSha256(archive.reader().sessionInteractions(m_twin, u"twin-s"_s)));
    }

    void caseTranscriptOnceThereAreCases()
    {
        {
            Archive archive;
            QVERIFY(archive.open(m_archivePath));
            QVERIFY(ReviewStore(archive).addToCase(ReviewRef{m_twin, ReviewKind::Session, u"twin-s"_s, u"twin-s"_s},
                                                   u"Twins"_s));
        }
        MainWindow w;
        QVERIFY(w.openProfile(m_profileId));
        Workspace *ws = w.workspace();
        QCOMPARE(ws->caseNames(), QStringList{u"Twins"_s});
        std::unique_ptr<QMenu> menu(ws->usersContextMenu({}));
        QVERIFY(menu);
        QMenu *cases = menu->findChild<QMenu *>(u"caseTranscriptMenu"_s);
        QVERIFY(cases);
        QCOMPARE(cases->actions().size(), 1);
        const QString path = test::tempDir() + u"/case.html"_s;
        Dialogs::setNextSaveFileName(path);
        cases->actions().first()->trigger();
        const QString html = QString::fromUtf8(test::readFile(path));
        QVERIFY2(html.contains(u"Case: Twins"_s), qPrintable(html.left(2000)));
        QVERIFY(html.contains(u"Twin question"_s));
        QVERIFY(html.contains(u"Review: unreviewed"_s) || html.contains(u"Cases: Twins"_s));
    }

    void conversationViewSavesPdf()
    {
        MainWindow w;
        QVERIFY(w.openProfile(m_profileId));
        Workspace *ws = w.workspace();
        auto *conv = qobject_cast<ConversationView *>(ws->conversationPane());
        QVERIFY(conv);
        Archive archive;
        QVERIFY(archive.open(m_archivePath));
        conv->setArchive(&archive);
        conv->showSession(m_twin, u"twin-s"_s);
        QVERIFY(!conv->isEmpty());
        const QString path = test::tempDir() + u"/conversation.pdf"_s;
        QString error;
        QVERIFY2(conv->exportTranscript(path, &error), qPrintable(error));
        const QString text = pdfText(path);
        QVERIFY2(text.contains(u"Twin question"_s), qPrintable(text));
        QVERIFY(text.contains(u"Tenant: contoso.onmicrosoft.com"_s));
        QCOMPARE(footerHash(text), interactionsSha256(archive.reader().sessionInteractions(m_twin, u"twin-s"_s)));
        conv->setArchive(nullptr);
    }
};

QTEST_MAIN(TestTranscriptActions)
#include "tst_transcriptactions.moc"
