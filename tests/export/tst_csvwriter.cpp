// CsvWriter: RFC 4180 quoting, BOM, CRLF, formula guard — checked with a strict parser and with
// Python's csv module.
#include "app/export/CsvWriter.h"
#include "StrictCsv.h"
#include "TestSupport.h"

#include <QBuffer>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTest>

using namespace ledger;
using namespace Qt::StringLiterals;

class TestCsvWriter : public QObject {
    Q_OBJECT
private:
    static QStringList hostileCells()
    {
        return {
            u"plain"_s, QString(), u"with \"quotes\" inside"_s, u"comma, separated"_s, u"line1\r\nline2"_s,
            u"lf\nonly"_s, u"cr\ronly"_s, u"tab\tinside"_s, u"=1+1"_s, u"+SUM(A1)"_s, u"-2"_s, u"@cmd"_s,
            u"\tleading tab"_s, u"\rleading cr"_s, u"=HYPERLINK(\"http://x\",\"y\")"_s,
            u"emoji 😀👩‍💻"_s, u"中文字符 テスト"_s, u"עברית מימין לשמאל \u202Eevil"_s, u"\""_s, u","_s,
            u" spaced "_s, u"'already quoted"_s, QString(200 * 1024, u'x') + u"\",\r\n"_s,
        };
    }
    static QString guarded(const QString &c)
    {
        if (!c.isEmpty() && QStringView(u"=+-@\t\r").contains(c.front()))
            return u"'"_s + c;
        return c;
    }
private slots:
    void initTestCase() { test::isolateEnvironment(); }

    void encodeCell()
    {
        QCOMPARE(CsvWriter::encodeCell(u"abc"_s, true), QByteArray("abc"));
        QCOMPARE(CsvWriter::encodeCell(u"a\"b"_s, true), QByteArray("\"a\"\"b\""));
        QCOMPARE(CsvWriter::encodeCell(u"a,b"_s, true), QByteArray("\"a,b\""));
        QCOMPARE(CsvWriter::encodeCell(u"a\nb"_s, true), QByteArray("\"a\nb\""));
        QCOMPARE(CsvWriter::encodeCell(u"=1+2"_s, true), QByteArray("'=1+2"));
        QCOMPARE(CsvWriter::encodeCell(u"=1+2"_s, false), QByteArray("=1+2"));
        QCOMPARE(CsvWriter::encodeCell(u"-x,y"_s, true), QByteArray("\"'-x,y\""));
        QCOMPARE(CsvWriter::encodeCell(u"\r"_s, true), QByteArray("\"'\r\""));
        QCOMPARE(CsvWriter::encodeCell(u"x=1"_s, true), QByteArray("x=1"));
        QCOMPARE(CsvWriter::encodeCell(u"é"_s, true), QByteArray("\xC3\xA9"));
    }

    void roundTripHostileCells_data()
    {
        QTest::addColumn<bool>("guard");
        QTest::newRow("guard") << true;
        QTest::newRow("no-guard") << false;
    }
    void roundTripHostileCells()
    {
        QFETCH(bool, guard);
        QByteArray bytes;
        QBuffer buf(&bytes);
        QVERIFY(buf.open(QIODevice::WriteOnly));
        CsvWriter w(&buf, guard);
        w.writeBom();
        const QStringList cells = hostileCells();
        QVERIFY(w.writeRow({u"a"_s, u"b"_s}));
        QVERIFY(w.writeRow(cells));
        for (const QString &c : cells)
            QVERIFY(w.writeRow({c, u"end"_s}));
        QCOMPARE(w.rowsWritten(), qint64(2 + cells.size()));
        QVERIFY(bytes.startsWith("\xEF\xBB\xBF" "a,b\r\n"));
        QVERIFY(bytes.endsWith("\r\n"));

        QList<QStringList> records;
        QString error;
        QVERIFY2(test::parseStrictCsv(bytes, &records, &error), qPrintable(error));
        QCOMPARE(records.size(), 2 + cells.size());
        QStringList expected;
        for (const QString &c : cells)
            expected << (guard ? guarded(c) : c);
        QCOMPARE(records.at(1), expected);
        for (qsizetype k = 0; k < cells.size(); ++k)
            QCOMPARE(records.at(2 + k), (QStringList{expected.at(k), u"end"_s}));
    }

    void strictParserRejectsBadCsv()
    {
        QList<QStringList> r;
        QString e;
        QVERIFY(!test::parseStrictCsv("\xEF\xBB\xBF" "a,b\n", &r, &e));
        QVERIFY(!test::parseStrictCsv("\xEF\xBB\xBF" "a\"b\r\n", &r, &e));
        QVERIFY(!test::parseStrictCsv("\xEF\xBB\xBF" "\"a\r\n", &r, &e));
        QVERIFY(!test::parseStrictCsv("a\r\n", &r, &e));
        QVERIFY(test::parseStrictCsv("\xEF\xBB\xBF" "\"a\"\"\",\r\n", &r, &e));
        QCOMPARE(r.first(), (QStringList{u"a\""_s, QString()}));
    }

    void pythonCsvReadsIt()
    {
        const QString python = QStandardPaths::findExecutable(u"python3"_s);
        if (python.isEmpty())
            QSKIP("python3 not available");
        const QString path = test::tempDir() + u"/py.csv"_s;
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        CsvWriter w(&f, true);
        w.writeBom();
        const QStringList cells = hostileCells();
        for (const QString &c : cells)
            w.writeRow({c, u"end"_s});
        f.close();
        QProcess p;
        p.start(python, {u"-c"_s, u"import csv,sys\ncsv.field_size_limit(2**31-1)\n"
                                  "rows=list(csv.reader(open(sys.argv[1],encoding='utf-8-sig',newline='')))\n"
                                  "print(len(rows)); print(all(len(r)==2 and r[1]=='end' for r in rows)); print(len(rows[-1][0]))"_s,
                          path});
        QVERIFY(p.waitForFinished(30000));
        const QByteArray stdoutBytes = p.readAllStandardOutput();
        const QList<QByteArray> out = stdoutBytes.trimmed().split('\n');
        if (out.size() != 3)
            qWarning() << stdoutBytes << p.readAllStandardError();
        QCOMPARE(out.size(), 3);
        QCOMPARE(out.at(0).trimmed().toInt(), int(cells.size()));
        QCOMPARE(out.at(1).trimmed(), QByteArray("True"));
        QCOMPARE(out.at(2).trimmed().toInt(), int(cells.last().size()));
    }
};

QTEST_GUILESS_MAIN(TestCsvWriter)
#include "tst_csvwriter.moc"
