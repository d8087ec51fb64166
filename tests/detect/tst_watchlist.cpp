// Watchlists: the file format (comments, blank lines, '*' word-prefix wildcard, errors with the
// line number), whole-word / case- / accent-insensitive matching, longest phrase wins, the
// list's name from the file name, and the scanner's watchlist findings.
#include "app/detect/FindingScanner.h"
#include "app/detect/Watchlist.h"
#include "TestSupport.h"

#include <QFile>
#include <QTest>

using namespace ledger;
using namespace ledger::detect;
using namespace Qt::StringLiterals;

namespace {

Watchlist list(const QString &text)
{
    Watchlist w;
    QString error;
    if (!Watchlist::parse(u"Projects"_s, text, &w, &error))
        qFatal("%s", qPrintable(error));
    return w;
}

QStringList matches(const Watchlist &w, const QString &text)
{
    QList<Match> out;
    w.scan(FoldedText(text), out);
    QStringList s;
    for (const Match &m : out) {
        if (text.mid(m.start, m.length).simplified() != m.normalized)
            qFatal("range does not cover the match");
        s << m.normalized;
    }
    return s;
}

} // namespace

class TestWatchlist : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { test::isolateEnvironment(); }

    void format()
    {
        const Watchlist w = list(u"# code names\n\nFalcon\n  Project Blue Sky  \nconfidential*\n# Falcon again:\nfalcon\n"_s);
        QCOMPARE(w.name(), u"Projects"_s);
        QCOMPARE(w.terms().size(), 3);   // comment, blank and the duplicate skipped
        QCOMPARE(w.terms().at(1).words, (QStringList{u"project"_s, u"blue"_s, u"sky"_s}));
        QCOMPARE(w.terms().at(2).prefix, QList<bool>{true});
    }

    void errors_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("message");
        QTest::newRow("lone star") << u"ok\n*\n"_s << u"line 2:"_s;
        QTest::newRow("leading star") << u"*secret\n"_s << u"line 1:"_s;
        QTest::newRow("inner star") << u"a\nb\nco*nfidential\n"_s << u"line 3: '*' may only end a word"_s;
        QTest::newRow("no letters") << u"---\n"_s << u"line 1: no letters or digits"_s;
    }
    void errors()
    {
        QFETCH(QString, text);
        QFETCH(QString, message);
        Watchlist w;
        QString error;
        QVERIFY(!Watchlist::parse(u"x"_s, text, &w, &error));
        QVERIFY2(error.startsWith(message), qPrintable(error));
    }

    void matching()
    {
        const Watchlist w = list(u"Falcon\nProject Blue Sky\nProject Blue\nconfidential*\nMüller\nSão Paulo\n"_s);
        QCOMPARE(matches(w, u"About FALCON and falcon."_s), (QStringList{u"FALCON"_s, u"falcon"_s}));
        QCOMPARE(matches(w, u"Falcons, falconry, and the Millennium-Falcon"_s), QStringList{u"Falcon"_s});   // whole words only
        QCOMPARE(matches(w, u"the project  blue\nsky plan; project blue notes"_s),
                 (QStringList{u"project blue sky"_s, u"project blue"_s}));   // longest phrase, any white space
        QCOMPARE(matches(w, u"Strictly CONFIDENTIAL, confidentiality, Confidentially"_s),
                 (QStringList{u"CONFIDENTIAL"_s, u"confidentiality"_s, u"Confidentially"_s}));
        QCOMPARE(matches(w, u"nonconfidential"_s), QStringList());
        QCOMPARE(matches(w, u"Herr MULLER, Frau müller, Herr Mueller"_s), (QStringList{u"MULLER"_s, u"müller"_s}));
        QCOMPARE(matches(w, u"office in sao paulo"_s), QStringList{u"sao paulo"_s});
        // Decomposed input (u + combining diaeresis) is the same word.
        QCOMPARE(matches(w, u"Herr Mu\u0308ller"_s), QStringList{u"Mu\u0308ller"_s});
        QCOMPARE(matches(w, QString()), QStringList());
    }

    void prefixInPhrase()
    {
        const Watchlist w = list(u"merger talk*\n"_s);
        QCOMPARE(matches(w, u"Merger talks begin; merger talking points; merger"_s),
                 (QStringList{u"Merger talks"_s, u"merger talking"_s}));
    }

    void loadFile()
    {
        const QString path = test::tempDir() + u"/Customer Names.txt"_s;
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("\xEF\xBB\xBF# customers\r\nContoso\r\nFabrikam*\r\n");
        f.close();
        Watchlist w;
        QString error;
        QVERIFY2(Watchlist::load(path, &w, &error), qPrintable(error));
        QCOMPARE(w.name(), u"Customer Names"_s);
        QCOMPARE(w.terms().size(), 2);
        QVERIFY(!Watchlist::load(test::tempDir() + u"/missing.txt"_s, &w, &error));
        QVERIFY(error.contains(u"Cannot read the watchlist"));
        QFile bad(test::tempDir() + u"/bad.txt"_s);
        QVERIFY(bad.open(QIODevice::WriteOnly));
        bad.write("ok\n*\n");
        bad.close();
        QVERIFY(!Watchlist::load(bad.fileName(), &w, &error));
        QVERIFY2(error.contains(u"line 2"), qPrintable(error));
    }

    void scannerFindings()
    {
        const FindingScanner scanner({list(u"Contoso\n"_s)});
        Interaction i;
        i.type = InteractionType::UserPrompt;
        i.bodyText = u"Contoso card 4111111111111111"_s;
        const QList<Finding> f = scanner.scan(i);
        QCOMPARE(f.size(), 2);
        QCOMPARE(f.at(0).kind, FindingKind::Sensitive);
        QCOMPARE(f.at(1).kind, FindingKind::Watchlist);
        QCOMPARE(f.at(1).detector, u"Projects"_s);
        QCOMPARE(f.at(1).start, 0);
        QCOMPARE(f.at(1).length, 7);
        QCOMPARE(scanner.scan(i, FindingScanner::WatchlistsOnly).size(), 1);
        QCOMPARE(scanner.scan(i, FindingScanner::SensitiveOnly).size(), 1);
        // The signature changes with the terms and the names, not with comments.
        QCOMPARE(FindingScanner::signature({list(u"Contoso\n"_s)}), FindingScanner::signature({list(u"# x\nContoso"_s)}));
        QVERIFY(FindingScanner::signature({list(u"Contoso\n"_s)}) != FindingScanner::signature({list(u"Fabrikam\n"_s)}));
        QCOMPARE(FindingScanner::signature({}), QString());
    }
};

QTEST_GUILESS_MAIN(TestWatchlist)
#include "tst_watchlist.moc"
