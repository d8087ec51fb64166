// `copilot-ledger export --demo --watchlist FILE…`: findings.csv with the demo tenant's realistic
// findings (masked, never in full) and the watchlist's terms under the file's base name; bad
// watchlist files stop with exit code 2 before anything is written.
#include "CliRunner.h"
#include "../export/StrictCsv.h"
#include "TestSupport.h"
#include "app/archive/Archive.h"
#include "app/archive/SavedSearch.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTest>

using namespace ledger::test;
using namespace Qt::StringLiterals;

namespace {

const QStringList kDemo{u"--demo"_s, u"--demo-users"_s, u"8"_s, u"--demo-interactions"_s, u"12000"_s,
                        u"--demo-seed"_s, u"77"_s, u"--from"_s, u"2020-01-01"_s, u"--to"_s, u"2030-01-01"_s,
                        u"--rate"_s, u"1000"_s};

QString writeFile(const QString &name, const QByteArray &content)
{
    const QString path = tempDir() + u'/' + name;
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return QString();
    f.write(content);
    return path;
}

} // namespace

class CliFindingsTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        LEDGER_CLI_TEST_INIT();
    }

    void demoFindingsWithWatchlist()
    {
        const QString list = writeFile(u"Code Names.txt"_s, "# projects\nFalcon\ncontoso renewal\n");
        CliRunner cli;
        const QString out = tempDir() + u"/export"_s;
        const CliResult r = cli.run(QStringList{u"export"_s} + kDemo + QStringList{u"--watchlist"_s, list, u"--out"_s, out});
        QVERIFY2(r.exitCode == 0, qPrintable(u"exit %1\n"_s.arg(r.exitCode) + r.out + r.err));
        QVERIFY2(r.out.contains(u"findings.csv"_s), qPrintable(r.out));
        const QByteArray bytes = readFile(out + u"/findings.csv"_s);
        QList<QStringList> rows;
        QString error;
        QVERIFY2(parseStrictCsv(bytes, &rows, &error), qPrintable(error));
        QCOMPARE(rows.first().join(u','), u"interaction_id,user_id,user_principal_name,created_utc,app,kind,detector,location,match"_s);
        QVERIFY(rows.size() > 10);
        QSet<QString> detectors;
        for (qsizetype k = 1; k < rows.size(); ++k) {
            const QStringList &row = rows.at(k);
            QCOMPARE(row.size(), 9);
            QVERIFY(row.at(5) == u"sensitive" || row.at(5) == u"watchlist");
            QVERIFY(row.at(7) == u"prompt" || row.at(7) == u"response" || row.at(7) == u"attachment");
            QVERIFY2(row.at(8).size() <= 4 || row.at(8).startsWith(QString(row.at(8).size() - 4, u'*')), qPrintable(row.at(8)));
            QVERIFY(row.at(3).endsWith(u'Z'));
            detectors.insert(row.at(6));
        }
        for (const QString &d : {u"credit_card"_s, u"iban"_s, u"us_ssn"_s, u"uk_nino"_s, u"de_tax_id"_s, u"aws_access_key"_s,
                                 u"github_token"_s, u"slack_token"_s, u"jwt"_s, u"password"_s, u"private_key"_s, u"Code Names"_s})
            QVERIFY2(detectors.contains(d), qPrintable(d));
        // Never a full number, never the near-misses.
        QVERIFY(!bytes.contains("4111111111111111"));
        QVERIFY(!bytes.contains("DE89370400440532013000"));
        QVERIFY(!bytes.contains("4111111111111112"));
        QVERIFY(readFile(out + u"/SHA256SUMS"_s).contains("  findings.csv\n"));
        QVERIFY(readFile(out + u"/export.json"_s).contains("\"Code Names\""));

        // The lists were for that run only: without --watchlist the next export has none.
        const QString out2 = tempDir() + u"/export2"_s;
        const CliResult r2 = cli.run(QStringList{u"export"_s} + kDemo + QStringList{u"--out"_s, out2});
        QVERIFY2(r2.exitCode == 0, qPrintable(r2.out + r2.err));
        const QByteArray again = readFile(out2 + u"/findings.csv"_s);
        QVERIFY(!again.contains("Code Names"));
        QVERIFY(again.contains(",sensitive,credit_card,"));
    }

    // export --search NAME: a search saved in the window narrows the export (text, dates, apps,
    // findings); export.json records it; an unknown name ends with exit 2 naming the known ones.
    void exportSavedSearch()
    {
        CliRunner cli;
        const QString first = tempDir() + u"/search-first"_s;
        const CliResult r0 = cli.run(QStringList{u"export"_s} + kDemo + QStringList{u"--out"_s, first});
        QVERIFY2(r0.exitCode == 0, qPrintable(r0.out + r0.err));
        const QString archivePath = cli.findArchive();
        QVERIFY(!archivePath.isEmpty());
        const qint64 allPrompts = [&] {
            ledger::Archive a;
            if (!a.open(archivePath))
                return qint64(-1);
            ledger::SavedSearch s;
            s.name = u"Card numbers"_s;
            s.findings = u"sensitive:credit_card"_s;
            s.period = ledger::SavedSearch::CustomRange;
            s.from = QDate(2020, 1, 1);
            s.to = QDate(2029, 12, 31);
            ledger::SavedSearch gdpr;
            gdpr.name = u"GDPR last 30 days"_s;
            gdpr.text = u"GDPR"_s;
            gdpr.period = ledger::SavedSearch::Last30Days;
            ledger::SavedSearchStore store(a);
            if (!store.save(s) || !store.save(gdpr))
                return qint64(-1);
            return a.reader().countTurns({});
        }();
        QVERIFY(allPrompts > 0);

        // No --from/--to: the search's dates apply. The name is case-insensitive.
        QStringList demoNoDates = kDemo;
        for (const QString &opt : {u"--from"_s, u"--to"_s}) {
            const qsizetype at = demoNoDates.indexOf(opt);
            demoNoDates.remove(at, 2);
        }
        const QString out = tempDir() + u"/search-cards"_s;
        const CliResult r = cli.run(QStringList{u"export"_s} + demoNoDates + QStringList{u"--search"_s, u"card NUMBERS"_s, u"--out"_s, out});
        QVERIFY2(r.exitCode == 0, qPrintable(u"exit %1\n"_s.arg(r.exitCode) + r.out + r.err));
        QVERIFY2(r.err.contains(u"Saved search: Card numbers"_s), qPrintable(r.err));
        QList<QStringList> rows;
        QString error;
        QVERIFY2(parseStrictCsv(readFile(out + u"/findings.csv"_s), &rows, &error), qPrintable(error));
        QVERIFY(rows.size() > 1);
        for (qsizetype k = 1; k < rows.size(); ++k)
            QCOMPARE(rows.at(k).at(6), u"credit_card"_s);
        QList<QStringList> prompts;
        QVERIFY(parseStrictCsv(readFile(out + u"/prompts.csv"_s), &prompts, &error));
        QVERIFY(prompts.size() - 1 > 0 && prompts.size() - 1 < allPrompts);
        const QJsonObject manifest = QJsonDocument::fromJson(readFile(out + u"/export.json"_s)).object();
        QCOMPARE(manifest.value(u"saved_search"_s).toObject().value(u"name"_s).toString(), u"Card numbers"_s);
        QCOMPARE(manifest.value(u"saved_search"_s).toObject().value(u"definition"_s).toObject().value(u"findings"_s).toString(),
                 u"sensitive:credit_card"_s);
        QCOMPARE(manifest.value(u"findings_filter"_s).toString(), u"sensitive:credit_card"_s);
        // The custom range: from the first day's local midnight to the midnight after the last.
        const QJsonObject range = manifest.value(u"date_range"_s).toObject();
        QCOMPARE(QDateTime::fromString(range.value(u"from"_s).toString(), Qt::ISODateWithMs),
                 QDateTime(QDate(2020, 1, 1), QTime(0, 0), Qt::LocalTime).toUTC());
        QCOMPARE(QDateTime::fromString(range.value(u"to"_s).toString(), Qt::ISODateWithMs),
                 QDateTime(QDate(2030, 1, 1), QTime(0, 0), Qt::LocalTime).toUTC());
        QCOMPARE(manifest.value(u"scope"_s).toString(), u"as_filtered"_s);
        // Without --search export.json says so.
        QVERIFY(QJsonDocument::fromJson(readFile(first + u"/export.json"_s)).object().value(u"saved_search"_s).isNull());

        // An unknown name: exit 2 before the sync, the saved searches named, nothing written.
        const QString never = tempDir() + u"/search-never"_s;
        const CliResult bad = cli.run(QStringList{u"export"_s} + demoNoDates + QStringList{u"--search"_s, u"cards"_s, u"--out"_s, never});
        QCOMPARE(bad.exitCode, 2);
        QVERIFY2(bad.err.contains(u"there is no saved search named \"cards\""_s), qPrintable(bad.err));
        QVERIFY2(bad.err.contains(u"\"Card numbers\", \"GDPR last 30 days\""_s), qPrintable(bad.err));
        QVERIFY(!QDir(never).exists());
        // Only one of --from / --to with --search: a usage error.
        const CliResult half = cli.run(QStringList{u"export"_s} + demoNoDates
                                       + QStringList{u"--search"_s, u"Card numbers"_s, u"--from"_s, u"2025-01-01"_s, u"--out"_s, never});
        QCOMPARE(half.exitCode, 2);
        QVERIFY2(half.err.contains(u"both --from DATE and --to DATE"_s), qPrintable(half.err));
        // Without --search the dates stay required.
        const CliResult noDates = cli.run(QStringList{u"export"_s} + demoNoDates + QStringList{u"--out"_s, never});
        QCOMPARE(noDates.exitCode, 2);
        QVERIFY(!QDir(never).exists());
    }

    void badWatchlists_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("missing file") << QStringList{u"--watchlist"_s, tempDir() + u"/nope.txt"_s}
                                      << u"--watchlist: Cannot read the watchlist"_s;
        QTest::newRow("bad line") << QStringList{u"--watchlist"_s, writeFile(u"bad.txt"_s, "ok\nco*de\n")}
                                  << u"line 2: '*' may only end a word"_s;
        QTest::newRow("same name twice")
            << QStringList{u"--watchlist"_s, writeFile(u"a.txt"_s, "x\n"), u"--watchlist"_s, writeFile(u"A.list"_s, "y\n")}
            << u"two lists are named"_s;
    }
    void badWatchlists()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        CliRunner cli;
        const QString out = tempDir() + u"/never"_s;
        const CliResult r = cli.run(QStringList{u"export"_s} + kDemo + args + QStringList{u"--out"_s, out});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
        QVERIFY(!QDir(out).exists());
    }
};

QTEST_GUILESS_MAIN(CliFindingsTest)
#include "tst_cli_findings.moc"
