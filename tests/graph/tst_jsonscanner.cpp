// The raw-element JSON scanner: exact bytes of each element of a collection's "value".
#include "app/graph/JsonScanner.h"
#include "TestSupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace ledger;

namespace {
// Random JSON value text with random whitespace (deterministic generator).
QByteArray ws(QRandomGenerator &g)
{
    static const char *choices[] = {"", "", " ", "\n", "\t ", "\r\n  "};
    return choices[g.bounded(6)];
}

QByteArray randomString(QRandomGenerator &g)
{
    static const char *pieces[] = {"a", "Z", "\\\"", "\\\\", "\\/", "\\n", "\\u00e9", "\\ud83d\\ude00",
                                   "]", "}", "[", "{", ",", ":", "\xc3\xbc", "\xe2\x82\xac", " ", "\\t",
                                   "value", "\\\"value\\\""};
    QByteArray s = "\"";
    const int n = int(g.bounded(8));
    for (int i = 0; i < n; ++i)
        s += pieces[g.bounded(int(sizeof(pieces) / sizeof(pieces[0])))];
    return s + '"';
}

QByteArray randomValue(QRandomGenerator &g, int depth)
{
    const int kind = int(g.bounded(depth > 4 ? 4 : 6));
    switch (kind) {
    case 0: return randomString(g);
    case 1: {
        static const char *nums[] = {"0", "-1", "3.25", "1e10", "-0.5E-3", "123456789012"};
        return nums[g.bounded(6)];
    }
    case 2: {
        static const char *lits[] = {"true", "false", "null"};
        return lits[g.bounded(3)];
    }
    case 3: return randomString(g);
    case 4: {
        QByteArray s = "[" + ws(g);
        const int n = int(g.bounded(4));
        for (int i = 0; i < n; ++i)
            s += (i ? "," + ws(g) : QByteArray()) + randomValue(g, depth + 1) + ws(g);
        return s + "]";
    }
    default: {
        QByteArray s = "{" + ws(g);
        const int n = int(g.bounded(4));
        for (int i = 0; i < n; ++i)
            s += (i ? "," + ws(g) : QByteArray()) + randomString(g) + ws(g) + ":" + ws(g)
                + randomValue(g, depth + 1) + ws(g);
        return s + "}";
    }
    }
}
} // namespace

class TestJsonScanner : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void basic();
    void emptyAndMissing();
    void malformed_data();
    void malformed();
    void randomDocuments();
};

// Definitions hidden from moc (its lexer trips over some raw string literals).
#ifndef Q_MOC_RUN
void TestJsonScanner::initTestCase() { test::isolateEnvironment(); }

void TestJsonScanner::basic()
{
    const QByteArray body = "{\"@odata.context\":\"x\",\"value\":[ {\"id\":\"1\",\"s\":\"a]}\\\"b\"} ,"
                            R"({"id":"2","n":[1,{"x":"}"}]},3,"str",null ],"@odata.nextLink":"https://g/next"})";
    const auto els = JsonScanner::arrayElements(body, "value");
    QVERIFY(els);
    QCOMPARE(els->size(), 5);
    QCOMPARE(els->at(0), QByteArray("{\"id\":\"1\",\"s\":\"a]}\\\"b\"}"));
    QCOMPARE(els->at(1), QByteArray(R"({"id":"2","n":[1,{"x":"}"}]})"));
    QCOMPARE(els->at(2), QByteArray("3"));
    QCOMPARE(els->at(3), QByteArray("\"str\""));
    QCOMPARE(els->at(4), QByteArray("null"));
}

void TestJsonScanner::emptyAndMissing()
{
    QCOMPARE(JsonScanner::arrayElements(R"({"value":[]})", "value")->size(), 0);
    QCOMPARE(JsonScanner::arrayElements(R"( { "value" : [ ] } )", "value")->size(), 0);
    QVERIFY(!JsonScanner::arrayElements(R"({"other":[1]})", "value"));
    QVERIFY(!JsonScanner::arrayElements(R"({"value":{"a":1}})", "value"));
    QVERIFY(!JsonScanner::arrayElements(R"({})", "value"));
    // A nested "value" is not the top-level member.
    QVERIFY(!JsonScanner::arrayElements(R"({"x":{"value":[1,2]}})", "value"));
    // Escaped member name.
    QCOMPARE(JsonScanner::arrayElements(R"({"\u0076alue":[1,2]})", "value")->size(), 2);
    // "value" as a string value is not a member name.
    QVERIFY(!JsonScanner::arrayElements(R"({"a":"value","b":[1]})", "value"));
}

void TestJsonScanner::malformed_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("array top") << QByteArray("[1,2]");
    QTest::newRow("truncated") << QByteArray(R"({"value":[{"id":"1"},{"id":)");
    QTest::newRow("truncated string") << QByteArray(R"({"value":["abc)");
    QTest::newRow("unterminated object") << QByteArray(R"({"value":[1,2])");
    QTest::newRow("trailing comma") << QByteArray(R"({"value":[1,2,]})");
    QTest::newRow("missing comma") << QByteArray(R"({"value":[1 2]})");
    QTest::newRow("bad escape") << QByteArray(R"({"value":["a\qb"]})");
    QTest::newRow("bad unicode") << QByteArray(R"({"value":["\u12G4"]})");
    QTest::newRow("raw newline in string") << QByteArray("{\"value\":[\"a\nb\"]}");
    QTest::newRow("bad literal") << QByteArray(R"({"value":[tru]})");
    QTest::newRow("bad number") << QByteArray(R"({"value":[01]})");
    QTest::newRow("bad number 2") << QByteArray(R"({"value":[1.]})");
    QTest::newRow("trailing garbage") << QByteArray(R"({"value":[1]} x)");
    QTest::newRow("mismatched") << QByteArray(R"({"value":[{"a":1]]})");
    QTest::newRow("deep") << (QByteArray(R"({"value":[)") + QByteArray(2000, '[') + QByteArray(2000, ']') + "]}");
}
void TestJsonScanner::malformed()
{
    QFETCH(QByteArray, body);
    QVERIFY(!JsonScanner::arrayElements(body, "value"));
}

// Fuzz-ish: random documents; each raw element must parse to exactly the element Qt's parser
// sees, and every truncation of the document must be rejected.
void TestJsonScanner::randomDocuments()
{
    QRandomGenerator g(4242);
    for (int iter = 0; iter < 1500; ++iter) {
        QList<QByteArray> expected;
        QByteArray body = "{" + ws(g) + "\"@odata.context\":" + randomString(g) + "," + ws(g) + "\"value\"" + ws(g)
            + ":" + ws(g) + "[" + ws(g);
        const int n = int(g.bounded(6));
        for (int i = 0; i < n; ++i) {
            const QByteArray v = randomValue(g, 0);
            expected << v;
            body += (i ? "," + ws(g) : QByteArray()) + v + ws(g);
        }
        body += "]" + ws(g) + "," + ws(g) + "\"tail\":" + randomValue(g, 2) + ws(g) + "}" + ws(g);
        QJsonParseError pe;
        const QJsonDocument doc = QJsonDocument::fromJson(body, &pe);
        QVERIFY2(pe.error == QJsonParseError::NoError, body.constData());
        const auto els = JsonScanner::arrayElements(body, "value");
        QVERIFY2(els, body.constData());
        QCOMPARE(*els, expected);
        const QJsonArray arr = doc.object().value(u"value").toArray();
        QCOMPARE(arr.size(), els->size());
        for (int i = 0; i < els->size(); ++i) {
            const QJsonDocument one = QJsonDocument::fromJson("[" + els->at(i) + "]");
            QCOMPARE(one.array().at(0), arr.at(i));
        }
        // Truncations are rejected.
        const qsizetype end = body.trimmed().size();
        for (int t = 0; t < 5; ++t) {
            const qsizetype cut = qsizetype(g.bounded(int(end)));
            QVERIFY2(!JsonScanner::arrayElements(body.left(cut), "value"), body.left(cut).constData());
        }
    }
}
#endif

QTEST_GUILESS_MAIN(TestJsonScanner)
#include "tst_jsonscanner.moc"
