// Units under the demo server: the incremental HTTP request parser, the $filter grammar and the
// opaque skip tokens.
#include "TestSupport.h"

#include "app/sim/HttpRequestParser.h"
#include "app/sim/InteractionFilter.h"
#include "app/sim/SkipTokenCodec.h"
#include "app/sim/DemoServerCommand.h"

#include <QtTest>

using namespace ledger::sim;

class tst_SimProtocol : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { ledger::test::isolateEnvironment(); }

    void parserByteByByte()
    {
        const QByteArray wire = "POST /t/oauth2/v2.0/token?x=1 HTTP/1.1\r\nHost: a\r\nContent-Length: 11\r\n"
                                "X-Thing:  spaced \r\n\r\nhello=world"
                                "GET /v1.0/users/a%40b.com?%24top=5&%24filter=a+b%20c HTTP/1.1\r\nConnection: close\r\n\r\n";
        HttpRequestParser p;
        QList<HttpRequest> got;
        for (char c : wire) {
            p.feed(QByteArray(1, c));
            while (p.state() == HttpRequestParser::State::Ready)
                got.append(*p.take());
            QVERIFY(p.state() != HttpRequestParser::State::Error);
        }
        QCOMPARE(got.size(), 2);
        QCOMPARE(got.at(0).method, QByteArrayLiteral("POST"));
        QCOMPARE(got.at(0).path(), QStringLiteral("/t/oauth2/v2.0/token"));
        QCOMPARE(got.at(0).body, QByteArrayLiteral("hello=world"));
        QCOMPARE(got.at(0).header("x-thing"), QByteArrayLiteral("spaced"));
        QVERIFY(got.at(0).keepAlive());
        QCOMPARE(got.at(1).path(), QStringLiteral("/v1.0/users/a@b.com"));
        const auto items = got.at(1).queryItems();
        QCOMPARE(items.size(), 2);
        QCOMPARE(items.at(0).first, QStringLiteral("$top"));
        QCOMPARE(items.at(1).second, QStringLiteral("a b c"));
        QVERIFY(!got.at(1).keepAlive());
        QCOMPARE(p.buffered(), 0);
    }

    void parserErrors_data()
    {
        QTest::addColumn<QByteArray>("wire");
        QTest::addColumn<int>("status");
        QTest::newRow("garbage") << QByteArrayLiteral("hello\r\n\r\n") << 400;
        QTest::newRow("bad length") << QByteArrayLiteral("POST / HTTP/1.1\r\nContent-Length: x\r\n\r\n") << 400;
        QTest::newRow("chunked") << QByteArrayLiteral("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n") << 411;
        QTest::newRow("too big") << QByteArrayLiteral("POST / HTTP/1.1\r\nContent-Length: 999999999\r\n\r\n") << 413;
        QTest::newRow("header flood") << (QByteArrayLiteral("GET / HTTP/1.1\r\nX: ") + QByteArray(70000, 'a')) << 431;
    }

    void parserErrors()
    {
        QFETCH(QByteArray, wire);
        QFETCH(int, status);
        HttpRequestParser p;
        p.feed(wire);
        QCOMPARE(p.state(), HttpRequestParser::State::Error);
        QCOMPARE(p.errorStatus(), status);
    }

    void formDecoding()
    {
        const auto pairs = decodeFormPairs("a=1&scope=http%3A%2F%2F127.0.0.1%3A5%2F.default&s=x+y%2Bz&&empty=");
        QCOMPARE(pairs.size(), 4);
        QCOMPARE(pairs.at(1).second, QStringLiteral("http://127.0.0.1:5/.default"));
        QCOMPARE(pairs.at(2).second, QStringLiteral("x y+z"));
        QCOMPARE(pairs.at(3).second, QString());
    }

    void filterGrammar_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("outcome");   // 0 ok, 1 bad request, 2 one bound
        QTest::addColumn<int>("apps");
        QTest::newRow("both") << QStringLiteral("createdDateTime gt 2025-01-01T00:00:00Z and createdDateTime lt 2025-02-01T00:00:00Z") << 0 << 0;
        QTest::newRow("fraction+offset") << QStringLiteral("createdDateTime gt 2025-01-01T00:00:00.123Z and createdDateTime lt 2025-02-01T00:00:00+02:00") << 0 << 0;
        QTest::newRow("no zone") << QStringLiteral("createdDateTime gt 2025-01-01T00:00:00 and createdDateTime lt 2025-02-01T00:00:00Z") << 1 << 0;
        QTest::newRow("apps") << QStringLiteral("createdDateTime gt 2025-01-01T00:00:00Z and createdDateTime lt 2025-02-01T00:00:00Z and (appClass eq 'A' or appClass eq 'B')") << 0 << 2;
        QTest::newRow("app first") << QStringLiteral("appClass eq 'A' and createdDateTime gt 2025-01-01T00:00:00Z and createdDateTime lt 2025-02-01T00:00:00Z") << 0 << 1;
        QTest::newRow("single app in parens") << QStringLiteral("(appClass eq 'A')") << 0 << 1;
        QTest::newRow("quote escape") << QStringLiteral("appClass eq 'O''Brien'") << 0 << 1;
        QTest::newRow("two app groups") << QStringLiteral("appClass eq 'A' and appClass eq 'B'") << 1 << 0;
        QTest::newRow("or without parens") << QStringLiteral("appClass eq 'A' or appClass eq 'B'") << 1 << 0;
        QTest::newRow("gt twice") << QStringLiteral("createdDateTime gt 2025-01-01T00:00:00Z and createdDateTime gt 2025-02-01T00:00:00Z") << 1 << 0;
        QTest::newRow("one bound") << QStringLiteral("createdDateTime gt 2025-01-01T00:00:00Z") << 2 << 0;
        QTest::newRow("empty") << QString() << 1 << 0;
        QTest::newRow("trailing and") << QStringLiteral("appClass eq 'A' and") << 1 << 0;
        QTest::newRow("eq date") << QStringLiteral("createdDateTime eq 2025-01-01T00:00:00Z") << 1 << 0;
    }

    void filterGrammar()
    {
        QFETCH(QString, text);
        QFETCH(int, outcome);
        QFETCH(int, apps);
        const InteractionFilter f = InteractionFilter::parse(text);
        QCOMPARE(int(f.outcome), outcome);
        if (outcome != 0)
            QVERIFY(!f.error.isEmpty());
        else
            QCOMPARE(f.appClasses.size(), apps);
    }

    void filterMatchesStrictly()
    {
        const InteractionFilter f = InteractionFilter::parse(
            QStringLiteral("createdDateTime gt 1970-01-01T00:00:01Z and createdDateTime lt 1970-01-01T00:00:02Z and appClass eq 'W'"));
        QVERIFY(!f.matches(1000, QStringLiteral("W")));
        QVERIFY(f.matches(1001, QStringLiteral("W")));
        QVERIFY(f.matches(1999, QStringLiteral("W")));
        QVERIFY(!f.matches(2000, QStringLiteral("W")));
        QVERIFY(!f.matches(1500, QStringLiteral("X")));
    }

    void skipTokens()
    {
        SkipTokenCodec codec(QByteArrayLiteral("k"));
        const QString a = codec.encode(QStringLiteral("users"), 100);
        const QString b = codec.encode(QStringLiteral("users"), 101);
        QVERIFY(a != b);
        QCOMPARE(codec.encode(QStringLiteral("users"), 100), a);   // stable links → deterministic faults
        QVERIFY(!a.contains(QStringLiteral("100")));
        QCOMPARE(codec.decode(QStringLiteral("users"), a), std::optional<qint64>(100));
        QCOMPARE(codec.decode(QStringLiteral("users"), b), std::optional<qint64>(101));
        QVERIFY(codec.encode(QStringLiteral("other"), 100) != a);
        QVERIFY(!codec.decode(QStringLiteral("other"), a));            // bound to its query
        QString tampered = a;
        tampered[12] = tampered.at(12) == u'A' ? u'B' : u'A';
        QVERIFY(!codec.decode(QStringLiteral("users"), tampered));
        QVERIFY(!codec.decode(QStringLiteral("users"), QStringLiteral("RFNwdAIA")));
        QVERIFY(!codec.decode(QStringLiteral("users"), QStringLiteral("100")));
        SkipTokenCodec otherKey(QByteArrayLiteral("k2"));
        QVERIFY(!otherKey.decode(QStringLiteral("users"), a));
    }

    void demoServerCommandUsage_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("unknown") << QStringList{QStringLiteral("--bogus")};
        QTest::newRow("port text") << QStringList{QStringLiteral("--port"), QStringLiteral("abc")};
        QTest::newRow("port range") << QStringList{QStringLiteral("--port=70000")};
        QTest::newRow("missing value") << QStringList{QStringLiteral("--rate")};
        QTest::newRow("negative latency") << QStringList{QStringLiteral("--latency-ms"), QStringLiteral("-5")};
        QTest::newRow("seed fraction") << QStringList{QStringLiteral("--seed"), QStringLiteral("1.5")};
        QTest::newRow("flag with value") << QStringList{QStringLiteral("--faults=yes")};
    }

    void demoServerCommandUsage()
    {
        QFETCH(QStringList, args);
        QCOMPARE(runDemoServerCommand(args), 2);
    }

    void demoServerCommandRuns()
    {
        // Serves until the application quits; here it quits right away.
        QTimer::singleShot(0, QCoreApplication::instance(), [] { QCoreApplication::exit(0); });
        QCOMPARE(runDemoServerCommand({QStringLiteral("--users"), QStringLiteral("5"), QStringLiteral("--interactions"),
                                       QStringLiteral("50"), QStringLiteral("--rate=30"), QStringLiteral("--faults"),
                                       QStringLiteral("--seed"), QStringLiteral("42")}),
                 0);
    }
};

QTEST_GUILESS_MAIN(tst_SimProtocol)
#include "tst_simprotocol.moc"
