// The text filter's search language: AND by default, OR, "exact phrase", -excluded, word*;
// syntax errors that say what is wrong; the same results through FTS5 and the LIKE fallback;
// nothing typed is ever FTS syntax.
#include "app/archive/Archive.h"
#include "app/archive/ArchiveSql.h"
#include "app/archive/SearchQuery.h"
#include "Fixtures.h"
#include "TestSupport.h"

#include <QJsonDocument>
#include <QTest>

using namespace ledger;
using namespace Qt::StringLiterals;

namespace {

Interaction prompt(const QString &id, int minute, const QString &text)
{
    return test::interactionOf(u"alice"_s, test::interactionJson(id, QString(u"s"_s + id), QString(u"r"_s + id),
                                                                 u"IPM.SkypeTeams.Message.Copilot.Word"_s, u"userPrompt"_s,
                                                                 QDateTime(QDate(2025, 5, 1), QTime(9, minute), Qt::UTC),
                                                                 u"text"_s, text));
}

} // namespace

class TestSearchQuery : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { test::isolateEnvironment(); }
    void cleanupTestCase() { Archive::setFullTextSearchDisabledForTesting(false); }

    void parsing()
    {
        SearchQuery q;
        QVERIFY(SearchQuery::parse(u"budget OR \"GDPR\" -draft repor*"_s, &q));
        QCOMPARE(q.clauses().size(), 3);
        QCOMPARE(q.clauses().at(0).size(), 2);
        QCOMPARE(q.clauses().at(0).at(1).kind, SearchTerm::Phrase);
        QCOMPARE(q.clauses().at(1).at(0).negated, true);
        QCOMPARE(q.clauses().at(2).at(0).kind, SearchTerm::Prefix);
        QCOMPARE(q.clauses().at(2).at(0).tokens, QStringList{u"repor"_s});
        QVERIFY(SearchQuery::parse(u"a or b"_s, &q));   // only upper-case OR is the operator
        QCOMPARE(q.clauses().size(), 3);
        QVERIFY(SearchQuery::parse(u"  "_s, &q));
        QVERIFY(q.isEmpty());
        QVERIFY(SearchQuery::parse(u"&& ** - -x"_s, &q) == false);   // "**" is an error
        QVERIFY(SearchQuery::parse(u"&& ..."_s, &q));                // punctuation only: nothing to find
        QVERIFY(q.isEmpty());
        QCOMPARE(SearchQuery::ftsTerm(q.clauses().value(0).value(0)), QString());
        SearchTerm t;
        t.kind = SearchTerm::Prefix;
        t.tokens = {u"e"_s, u"mail"_s};
        QCOMPARE(SearchQuery::ftsTerm(t), u"(\"e\" AND \"mail\"*)"_s);
        QCOMPARE(ArchiveSql::ftsExpression(u"a OR b* c -d \"e f\""_s), u"(\"a\" OR \"b\"*) AND \"c\""_s);
        // Hostile input stays inside quoted tokens.
        QCOMPARE(ArchiveSql::ftsExpression(u"NEAR(x y) col:z AND"_s), u"(\"NEAR\" AND \"x\") AND \"y\" AND (\"col\" AND \"z\") AND \"AND\""_s);
    }

    void matchRangesMarkWhatTheQueryFinds()
    {
        auto marked = [](const QString &query, const QString &text) {
            SearchQuery q;
            QString error;
            if (!SearchQuery::parse(query, &q, &error))
                return QStringList{u"error: "_s + error};
            QStringList out;
            for (const auto &[start, length] : q.matchRanges(text))
                out << text.mid(start, length);
            return out;
        };
        // Operators, quotes and excluded words are never marked; OR marks both sides.
        QCOMPARE(marked(u"budget OR forecast"_s, u"OR the budget, or a forecast"_s), (QStringList{u"budget"_s, u"forecast"_s}));
        QCOMPARE(marked(u"budget -draft"_s, u"draft budget -draft"_s), QStringList{u"budget"_s});
        QCOMPARE(marked(u"-budget"_s, u"budget"_s), QStringList());
        // A phrase only as a phrase (whole words, in order, any case or spacing); not its words alone.
        QCOMPARE(marked(u"\"annual report\""_s, u"Annual  report; report annual; annual reports"_s),
                 QStringList{u"Annual  report"_s});
        QCOMPARE(marked(u"\"annual report\""_s, u"\"annual report\""_s), QStringList{u"annual report"_s});
        // Whole words; a prefix marks the words it starts.
        QCOMPARE(marked(u"report"_s, u"report reporting reports"_s), QStringList{u"report"_s});
        QCOMPARE(marked(u"budg*"_s, u"budget, Budgets and abudget"_s), (QStringList{u"budget"_s, u"Budgets"_s}));
        // Accents and case ignored, like the index.
        QCOMPARE(marked(u"muller"_s, u"Herr Müller und MULLER"_s), (QStringList{u"Müller"_s, u"MULLER"_s}));
        // A word the index splits is marked token by token.
        QCOMPARE(marked(u"e-mail"_s, u"send an e-mail"_s), (QStringList{u"e"_s, u"mail"_s}));
        QCOMPARE(marked(u""_s, u"anything"_s), QStringList());
    }

    void errors_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("message");
        QTest::newRow("unclosed quote") << u"budget \"annual report"_s << u"The quotation mark at position 8 is not closed"_s;
        QTest::newRow("leading OR") << u"OR budget"_s << u"OR at position 1 needs a search term on both sides"_s;
        QTest::newRow("double OR") << u"a OR OR b"_s << u"OR at position 6 needs a search term"_s;
        QTest::newRow("trailing OR") << u"budget OR"_s << u"OR at the end needs a search term after it"_s;
        QTest::newRow("lone minus") << u"budget - draft"_s << u"A '-' at position 8 must be directly followed"_s;
        QTest::newRow("star alone") << u"budget *"_s << u"'*' at position 8 must end a word"_s;
        QTest::newRow("inner star") << u"bu*dget"_s << u"'*' at position 3 must end a word"_s;
        QTest::newRow("leading star") << u"*get"_s << u"'*' at position 1 must end a word"_s;
        QTest::newRow("phrase star") << u"\"a b\"*"_s << u"'*' cannot follow a phrase"_s;
        QTest::newRow("negated OR") << u"-a OR b"_s << u"An excluded term (-word) cannot be one side of OR"_s;
    }
    void errors()
    {
        QFETCH(QString, text);
        QFETCH(QString, message);
        SearchQuery q;
        QString error;
        QVERIFY(!SearchQuery::parse(text, &q, &error));
        QVERIFY2(error.startsWith(message), qPrintable(error));
    }

    void results_data() { test::addFullTextSearchRows(); }
    void results()
    {
        QFETCH(bool, fts);
        Archive::setFullTextSearchDisabledForTesting(!fts);
        Archive a;
        QVERIFY(a.open(test::tempDir() + (fts ? u"/fts.sqlite"_s : u"/like.sqlite"_s)));
        QCOMPARE(a.hasFullTextSearch(), fts);
        QCOMPARE(a.writer().insertInteractions({
                     prompt(u"1"_s, 1, u"Summarize the annual report for the board"_s),
                     prompt(u"2"_s, 2, u"Check the GDPR clause in the contract"_s),
                     prompt(u"3"_s, 3, u"Draft the budget forecast"_s),
                     prompt(u"4"_s, 4, u"Final budget numbers and the report annual summary"_s),
                     prompt(u"5"_s, 5, u"Reporting lines in the org chart"_s),
                 }),
                 5);
        auto count = [&](const QString &text) {
            ArchiveFilter f;
            f.text = text;
            return a.reader().countTurns(f);
        };
        QCOMPARE(count(u"budget"_s), qint64(2));
        QCOMPARE(count(u"budget OR \"GDPR\""_s), qint64(3));   // returned nothing before the search language
        QCOMPARE(count(u"budget OR gdpr"_s), qint64(3));
        QCOMPARE(count(u"budget report"_s), qint64(1));        // AND
        QCOMPARE(count(u"budget -draft"_s), qint64(1));
        QCOMPARE(count(u"-budget"_s), qint64(3));
        QCOMPARE(count(u"\"annual report\""_s), qint64(1));    // the words in this order
        QCOMPARE(count(u"\"report annual\""_s), qint64(1));
        QCOMPARE(count(u"-\"annual report\" report"_s), qint64(fts ? 1 : 2));   // LIKE: "Reporting" too
        QCOMPARE(count(u"report* -budget"_s), qint64(fts ? 2 : 2));   // report, Reporting
        QCOMPARE(count(u"report"_s), qint64(fts ? 2 : 3));     // whole word (LIKE: anywhere)
        QCOMPARE(count(u"contract OR chart OR board"_s), qint64(3));
        QCOMPARE(count(u"\"annual report\" OR GDPR budget"_s), qint64(0));
        QCOMPARE(count(u"\"unclosed"_s), qint64(0));           // a syntax error finds nothing, no SQL error
        QVERIFY(a.lastError().isEmpty());
        // Nothing typed is FTS or SQL syntax.
        for (const QString &hostile : {u"NEAR(a b)"_s, u"a AND NOT b"_s, u"col:budget"_s, u"'; DROP TABLE turns; --"_s,
                                       u"\"a\" \"b\""_s, u"^budget"_s, u"budget%"_s, u"_"_s, u"\\"_s}) {
            QVERIFY2(count(hostile) >= 0, qPrintable(hostile));
            QVERIFY2(a.lastError().isEmpty(), qPrintable(hostile + u": "_s + a.lastError()));
        }
        QCOMPARE(count(u"budget%"_s), qint64(2));   // '%' is not a LIKE wildcard here
        QCOMPARE(a.reader().countTurns({}), qint64(5));
    }
};

QTEST_GUILESS_MAIN(TestSearchQuery)
#include "tst_searchquery.moc"
