// Findings in the window: the filter bar's Findings filter (any / per detector / per watchlist)
// and search syntax errors with the help popup; the findings columns of the three tables; the
// conversation view marks the found ranges (with a masked tooltip). Screenshots in the temp dir.
#include "TestPalettes.h"
#include "Fixtures.h"
#include "TestSupport.h"
#include "app/archive/Archive.h"
#include "ui/conversation/ConversationView.h"
#include "ui/conversation/FindingHighlighter.h"
#include "ui/conversation/SafeTextBrowser.h"
#include "ui/filter/FilterBar.h"
#include "ui/filter/SearchHelp.h"
#include "ui/models/PromptsModel.h"
#include "ui/models/UsersModel.h"
#include "ui/watchlist/WatchlistDialog.h"

#include <QComboBox>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTextBlock>
#include <QTextDocument>
#include <QToolButton>
#include <QtTest>

using namespace ledger;
using namespace ledger::gui;
using namespace Qt::StringLiterals;

namespace {

// Where the screenshots go: $LEDGER_SCREENSHOT_DIR when set (to look at them), else the temp dir.
QString shot(const QString &name)
{
    const QString dir = qEnvironmentVariable("LEDGER_SCREENSHOT_DIR", test::tempDir());
    return dir + u'/' + name;
}

Interaction make(const QString &id, const QString &type, int minute, const QString &text)
{
    return test::interactionOf(u"alice"_s, test::interactionJson(id, u"s1"_s, u"r1"_s, u"IPM.SkypeTeams.Message.Copilot.BizChat"_s,
                                                                 type, QDateTime(QDate(2025, 6, 2), QTime(9, minute), Qt::UTC),
                                                                 u"text"_s, text));
}

} // namespace

class TestFindingsUi : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { test::isolateEnvironment(); }

    void filterBarFindings()
    {
        FilterBar bar;
        bar.resize(1400, 40);
        QComboBox *box = bar.findingsBox();
        QVERIFY(box);
        QCOMPARE(bar.filter().findings, QString());
        QVERIFY(box->findData(u"sensitive:credit_card"_s) > 0);
        QVERIFY(box->findData(u"sensitive:password"_s) > 0);
        QCOMPARE(box->findData(u"watchlist"_s), -1);   // no watchlists yet
        bar.setWatchlistNames({u"Code Names"_s});
        QVERIFY(box->findData(u"watchlist:Code Names"_s) > 0);
        bar.setFindings(u"sensitive:iban"_s);
        QCOMPARE(bar.filter().findings, u"sensitive:iban"_s);
        QCOMPARE(box->currentText().trimmed(), u"IBANs"_s);
        bar.setWatchlistNames({u"Other"_s});   // the choice survives a list change when still there
        QCOMPARE(bar.filter().findings, u"sensitive:iban"_s);
        bar.reset();
        QCOMPARE(bar.filter().findings, QString());
    }

    void searchSyntaxErrors()
    {
        FilterBar bar;
        bar.resize(1500, 40);
        bar.show();
        QSignalSpy changed(&bar, &FilterBar::filterChanged);
        bar.setSearchText(u"budget OR \"GDPR\""_s);
        bar.applyNow();
        QCOMPARE(changed.count(), 1);
        QCOMPARE(bar.filter().text, u"budget OR \"GDPR\""_s);
        QVERIFY(bar.searchError().isEmpty());
        bar.setSearchText(u"budget OR"_s);
        bar.applyNow();
        QCOMPARE(changed.count(), 1);   // not applied
        QCOMPARE(bar.filter().text, u"budget OR \"GDPR\""_s);
        QVERIFY2(bar.searchError().contains(u"OR at the end"_s), qPrintable(bar.searchError()));
        QVERIFY(bar.findChild<QLabel *>(u"searchError"_s)->isVisible());
        QCOMPARE(bar.searchField()->toolTip(), bar.searchError());
        bar.grab().save(shot(u"filterbar-error.png"_s));
        bar.setSearchText(u"budget*"_s);
        bar.applyNow();
        QVERIFY(bar.searchError().isEmpty());
        QVERIFY(!bar.findChild<QLabel *>(u"searchError"_s)->isVisible());

        // The help popup explains the rules.
        bar.searchHelpButton()->click();
        auto *help = bar.findChild<SearchHelp *>();
        QVERIFY(help);
        QVERIFY(help->isVisible());
        const QString text = help->findChild<QLabel *>(u"searchHelpText"_s)->text();
        for (const QString &rule : {u"OR"_s, u"\"annual report\""_s, u"-draft"_s, u"budg*"_s})
            QVERIFY2(text.contains(rule.toHtmlEscaped()) || text.contains(rule), qPrintable(rule));
        help->grab().save(shot(u"search-help.png"_s));
        help->close();
    }

    void watchlistDialog()
    {
        detect::Watchlist existing;
        QVERIFY(detect::Watchlist::parse(u"Customers"_s, u"Contoso\n"_s, &existing, nullptr));
        WatchlistDialog dialog({existing});
        dialog.show();
        QCOMPARE(dialog.findChild<QPlainTextEdit *>(u"watchlistText"_s)->toPlainText(), u"Contoso\n"_s);
        dialog.addList(u"Projects"_s, u"Falcon\nco*de\n"_s);
        dialog.accept();
        QVERIFY2(dialog.errorText().contains(u"line 2"_s), qPrintable(dialog.errorText()));
        QCOMPARE(dialog.result(), int(QDialog::Rejected));   // not closed, nothing saved
        dialog.grab().save(shot(u"watchlist-dialog.png"_s));
        dialog.findChild<QPlainTextEdit *>(u"watchlistText"_s)->setPlainText(u"Falcon\ncode*\n"_s);
        dialog.addList(u"projects"_s, u"x"_s);
        dialog.accept();
        QVERIFY(dialog.errorText().contains(u"Two watchlists are named"_s));
        dialog.findChild<QListWidget *>(u"watchlistNames"_s)->setCurrentRow(2);
        dialog.findChild<QPushButton *>(u"watchlistRemove"_s)->click();
        dialog.accept();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(dialog.watchlists().size(), 2);
        QCOMPARE(dialog.watchlists().at(1).name(), u"Projects"_s);
        QCOMPARE(dialog.watchlists().at(1).terms().size(), 2);
    }

    void columnsAndHighlights()
    {
        Archive a;
        QVERIFY(a.open(test::tempDir() + u"/ui.sqlite"_s));
        User alice;
        alice.id = u"alice"_s;
        alice.displayName = u"Alice Adams"_s;
        QVERIFY(a.writer().upsertUsers({alice}));
        QCOMPARE(a.writer().insertInteractions({make(u"p1"_s, u"userPrompt"_s, 1, u"Pay with 4111 1111 1111 1111 please, and 4111111111111111 again"_s),
                                       make(u"a1"_s, u"aiResponse"_s, 2, u"I cannot store card numbers.\r\nUse IBAN DE89 3704 0044 0532 0130 00 instead."_s)}),
                 2);

        PromptsModel prompts;
        QCOMPARE(prompts.headerData(int(TurnRow::Findings), Qt::Horizontal, Qt::DisplayRole).toString(), u"Findings"_s);
        UsersModel users;
        QCOMPARE(users.headerData(int(UserRow::Findings), Qt::Horizontal, Qt::DisplayRole).toString(), u"Findings"_s);

        const auto marks = FindingHighlighter::marksFor(a, a.reader().sessionInteractions(u"alice"_s, u"s1"_s));
        QCOMPARE(marks.value(u"p1"_s).size(), 2);
        QCOMPARE(marks.value(u"a1"_s).size(), 1);
        QCOMPARE(marks.value(u"p1"_s).at(0).label, u"Card numbers: ************1111"_s);

        ConversationView view;
        view.resize(700, 500);
        view.setPalette(ledger::uitest::palette(false));
        view.setArchive(&a);
        view.showSession(u"alice"_s, u"s1"_s);
        QTextDocument *doc = view.browser()->document();
        const QColor mark = FindingHighlighter::markColor(view.palette());
        QStringList markedTexts, tooltips;
        for (QTextBlock b = doc->begin(); b.isValid(); b = b.next()) {
            for (auto it = b.begin(); !it.atEnd(); ++it) {
                const QTextFragment frag = it.fragment();
                if (frag.charFormat().background().color() == mark) {
                    markedTexts << frag.text();
                    tooltips << frag.charFormat().toolTip();
                }
            }
        }
        QCOMPARE(markedTexts, (QStringList{u"4111 1111 1111 1111"_s, u"4111111111111111"_s, u"DE89 3704 0044 0532 0130 00"_s}));
        QVERIFY(tooltips.contains(u"IBANs: ******************3000"_s));
        view.grab().save(shot(u"conversation-findings.png"_s));
    }
};

QTEST_MAIN(TestFindingsUi)
#include "tst_findingsui.moc"
