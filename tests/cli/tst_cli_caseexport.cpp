// `copilot-ledger export --case NAME` and `--pseudonymize [--pseudonym-map FILE]` on the demo
// tenant (docs/CLI.md): a pseudonymised export has no user id, UPN or mail of the tenant in any
// byte and no display name in a name column, header or file name; pseudonyms are stable across
// exports of a profile and differ between profiles; the map is refused inside --out; a case export
// has exactly the case's turns; an unknown case is refused with the list of cases.
// The pseudonym key lives in the OS keychain: with LEDGER_REQUIRE_KEYCHAIN=1 an unusable keychain
// is a failure, otherwise those tests are skipped.
#include "CliRunner.h"
#include "PdfText.h"
#include "../export/StrictCsv.h"
#include "TestSupport.h"

#include "app/archive/Archive.h"
#include "app/review/ReviewStore.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTest>

using namespace ledger;
using namespace ledger::test;
using namespace Qt::StringLiterals;

namespace {

QStringList demo(const QString &seed, const QString &days = u"90"_s)
{
    return {u"--demo"_s, u"--demo-users"_s, u"10"_s, u"--demo-interactions"_s, u"1500"_s, u"--demo-seed"_s, seed,
            u"--demo-days"_s, days, u"--rate"_s, u"1000"_s};
}
const QStringList kRange{u"--from"_s, u"2020-01-01"_s, u"--to"_s, u"2030-01-01"_s};

QString report(const CliResult &r) { return u"exit %1\n"_s.arg(r.exitCode) + r.out + r.err; }

QList<QStringList> csv(const QString &path)
{
    QList<QStringList> rows;
    QString error;
    if (!parseStrictCsv(readFile(path), &rows, &error))
        qWarning("%s: %s", qPrintable(path), qPrintable(error));
    return rows;
}

QString findArchive(const CliRunner &cli, const QString &name)
{
    QDirIterator it(cli.home(), {name + u".sqlite"_s}, QDir::Files, QDirIterator::Subdirectories);
    return it.hasNext() ? it.next() : QString();
}

struct TenantUser {
    QString id, upn, mail, displayName;
};

QList<TenantUser> tenantUsers(const QString &archivePath)
{
    QList<TenantUser> out;
    Archive a;
    if (!a.open(archivePath))
        return out;
    QSqlQuery q(QSqlDatabase::database(a.connectionName(), false));
    q.exec(u"SELECT id, upn, mail, display_name FROM users"_s);
    while (q.next())
        out << TenantUser{q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString()};
    return out;
}

bool keychainMissing(const CliResult &r) { return r.exitCode == 2 && r.err.contains(u"keychain"_s); }

} // namespace

// A test that needs the keychain skips without one, or fails with LEDGER_REQUIRE_KEYCHAIN=1.
#define SKIP_WITHOUT_KEYCHAIN(result)                                                                    \
    do {                                                                                                 \
        if (!keychainUsable(result)) {                                                                   \
            if (qEnvironmentVariableIntValue("LEDGER_REQUIRE_KEYCHAIN") == 1)                            \
                QFAIL("the keychain is required");                                                      \
            QSKIP("no usable keychain");                                                                 \
        }                                                                                                \
    } while (false)

class CliCaseExportTest : public QObject {
    Q_OBJECT

    // Skips (or fails with LEDGER_REQUIRE_KEYCHAIN=1) when the keychain cannot keep the key.
    bool keychainUsable(const CliResult &r)
    {
        if (!keychainMissing(r))
            return true;
        if (qEnvironmentVariableIntValue("LEDGER_REQUIRE_KEYCHAIN") == 1)
            qWarning("keychain unusable: %s", qPrintable(r.err));
        return false;
    }

private slots:
    void initTestCase()
    {
        isolateEnvironment();
        if (CliRunner::binary().isEmpty())
            QSKIP("LEDGER_APP_BINARY is not set (run through ctest)");
    }

    void helpNamesTheOptions()
    {
        CliRunner cli;
        const CliResult r = cli.run({u"export"_s, u"--help"_s});
        QCOMPARE(r.exitCode, 0);
        for (const QString &option : {u"--case NAME"_s, u"--pseudonymize"_s, u"--pseudonym-map FILE"_s, u"reviews.csv"_s})
            QVERIFY2(r.out.contains(option), qPrintable(option));
    }

    void pseudonymMapInsideOutIsRefused_data()
    {
        QTest::addColumn<QString>("where");
        QTest::newRow("in the folder") << u"out/map.csv"_s;
        QTest::newRow("the folder") << u"out"_s;
        QTest::newRow("below it") << u"out/deeper/map.csv"_s;
        QTest::newRow("through ..") << u"other/../out/map.csv"_s;
    }
    void pseudonymMapInsideOutIsRefused()
    {
        QFETCH(QString, where);
        CliRunner cli;
        const QString base = tempDir();
        QVERIFY(QDir().mkpath(base + u"/other"_s));
        const CliResult r = cli.run(QStringList{u"export"_s} + demo(u"5"_s) + kRange
                                    + QStringList{u"--out"_s, base + u"/out"_s, u"--pseudonymize"_s, u"--pseudonym-map"_s,
                                                  base + u'/' + where});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(u"inside the export folder"_s), qPrintable(r.err));
        QVERIFY(!QFileInfo::exists(base + u"/out"_s));
        QVERIFY(cli.filesWritten().isEmpty());
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        const QString out = tempDir() + u"/u"_s;
        QTest::newRow("map without pseudonymize")
            << (demo(u"5"_s) + kRange + QStringList{u"--out"_s, out, u"--pseudonym-map"_s, tempDir() + u"/m.csv"_s})
            << u"--pseudonym-map goes with --pseudonymize"_s;
        QTest::newRow("no range without case") << (demo(u"5"_s) + QStringList{u"--out"_s, out}) << u"--from DATE and --to DATE"_s;
        QTest::newRow("one date with case")
            << (demo(u"5"_s) + QStringList{u"--case"_s, u"X"_s, u"--from"_s, u"2020-01-01"_s, u"--out"_s, out})
            << u"--from and --to go together"_s;
        QTest::newRow("users with case, no range")
            << (demo(u"5"_s) + QStringList{u"--case"_s, u"X"_s, u"--users"_s, u"a@b.c"_s, u"--out"_s, out})
            << u"--users needs --from and --to"_s;
        QTest::newRow("empty case") << (demo(u"5"_s) + QStringList{u"--case"_s, u" "_s, u"--out"_s, out})
                                    << u"--case needs the name of a case"_s;
    }
    void usageErrors()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        CliRunner cli;
        const CliResult r = cli.run(QStringList{u"export"_s} + args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
        QVERIFY(cli.filesWritten().isEmpty());
    }

    void pseudonymisedDemoExport()
    {
        CliRunner cli;
        const QString out = tempDir() + u"/pseudo"_s;
        const QString map = tempDir() + u"/restricted-map.csv"_s;
        CliResult r = cli.run(QStringList{u"export"_s} + demo(u"41"_s) + kRange
                              + QStringList{u"--out"_s, out, u"--pseudonymize"_s, u"--pseudonym-map"_s, map});
        SKIP_WITHOUT_KEYCHAIN(r);
        QVERIFY2(r.exitCode == 0 || r.exitCode == 4, qPrintable(report(r)));
        QVERIFY2(r.out.contains(u"Pseudonym map: "_s), qPrintable(r.out));
        QVERIFY(!QFileInfo::exists(out + u"/interactions.jsonl"_s));
        const QJsonObject m = QJsonDocument::fromJson(readFile(out + u"/export.json"_s)).object();
        QCOMPARE(m.value(u"pseudonymized"_s).toBool(), true);
        QVERIFY(!m.value(u"files"_s).toArray().contains(u"interactions.jsonl"_s));

        const QString archive = findArchive(cli, u"demo-s41-u10-i1500-d90"_s);
        QVERIFY2(!archive.isEmpty(), "the demo archive");
        const QList<TenantUser> users = tenantUsers(archive);
        QVERIFY(users.size() >= 10);
        const QStringList files = QDir(out).entryList(QDir::Files);
        QCOMPARE(files.size(), 7);
        QHash<QString, QByteArray> lowered;
        for (const QString &f : files)
            lowered.insert(f, readFile(out + u'/' + f).toLower());
        for (const TenantUser &u : users) {
            QList<QByteArray> identities{u.id.toLower().toUtf8(), QString(u.id).remove(u'-').toLower().toUtf8()};
            for (const QString &name : {u.upn, u.mail})
                if (!name.isEmpty())
                    identities << name.toLower().toUtf8();
            for (auto it = lowered.cbegin(); it != lowered.cend(); ++it)
                for (const QByteArray &identity : std::as_const(identities))
                    QVERIFY2(!it.value().contains(identity), qPrintable(it.key() + u": "_s + QString::fromUtf8(identity)));
            for (const QString &f : files)
                QVERIFY(!f.contains(u.displayName, Qt::CaseInsensitive));
        }
        static const QRegularExpression pseudonym(u"^user-[0-9a-f]{12}$"_s);
        const QList<QPair<QString, QList<int>>> nameColumns{{u"prompts.csv"_s, {0, 1, 2}}, {u"sessions.csv"_s, {0, 1, 2}},
                                                            {u"users.csv"_s, {0, 1, 2}}, {u"findings.csv"_s, {1, 2}}};
        QHash<QString, QStringList> pseudonymsOf;
        for (const auto &[file, cols] : nameColumns) {
            const QList<QStringList> rows = csv(out + u'/' + file);
            QVERIFY2(rows.size() > 1, qPrintable(file));
            for (const TenantUser &u : users)
                QVERIFY(!rows.first().join(u',').contains(u.displayName));
            for (qsizetype k = 1; k < rows.size(); ++k) {
                for (int c : cols) {
                    const QString cell = rows.at(k).at(c);
                    QVERIFY2(cell.isEmpty() || pseudonym.match(cell).hasMatch(), qPrintable(file + u": "_s + cell));
                    for (const TenantUser &u : users)
                        QVERIFY2(cell != u.displayName, qPrintable(file + u": "_s + cell));
                }
                pseudonymsOf[file] << rows.at(k).at(0);
            }
        }
        // The map: outside the folder, only for the owner, and it re-identifies.
        QCOMPARE(QFile::permissions(map), QFile::ReadOwner | QFile::WriteOwner | QFile::ReadUser | QFile::WriteUser);
        const QList<QStringList> mapRows = csv(map);
        QCOMPARE(mapRows.first().join(u','), u"pseudonym,user_id,user_principal_name,user_display_name"_s);
        QHash<QString, QString> idOf;
        for (const QStringList &row : mapRows)
            idOf.insert(row.at(0), row.at(1));
        for (const QString &p : pseudonymsOf.value(u"users.csv"_s))
            QVERIFY2(!idOf.value(p).isEmpty(), qPrintable(p));

        // Stable: a second export of the same profile gives the same pseudonyms.
        const QString again = tempDir() + u"/pseudo-again"_s;
        r = cli.run(QStringList{u"export"_s} + demo(u"41"_s) + kRange + QStringList{u"--out"_s, again, u"--pseudonymize"_s});
        QVERIFY2(r.exitCode == 0 || r.exitCode == 4, qPrintable(report(r)));
        QCOMPARE(readFile(again + u"/users.csv"_s), readFile(out + u"/users.csv"_s));
        QCOMPARE(readFile(again + u"/prompts.csv"_s), readFile(out + u"/prompts.csv"_s));

        // Another profile (another demo shape: same users, its own archive and key): other pseudonyms.
        const QString other = tempDir() + u"/pseudo-other"_s;
        r = cli.run(QStringList{u"export"_s} + demo(u"41"_s, u"91"_s) + kRange + QStringList{u"--out"_s, other, u"--pseudonymize"_s});
        QVERIFY2(r.exitCode == 0 || r.exitCode == 4, qPrintable(report(r)));
        const QList<QStringList> otherUsers = csv(other + u"/users.csv"_s);
        QCOMPARE(otherUsers.size() - 1, pseudonymsOf.value(u"users.csv"_s).size());
        for (qsizetype k = 1; k < otherUsers.size(); ++k)
            QVERIFY(!pseudonymsOf.value(u"users.csv"_s).contains(otherUsers.at(k).at(0)));
    }

    // Transcripts in a pseudonymised export: named by pseudonym only (folder, heading, footer, the
    // prompts' author), no user id, UPN or mail of the tenant in any file's text, and the footer's
    // hash is that of the session's lines in the non-pseudonymised export of the same data.
    void pseudonymisedTranscripts_data()
    {
        QTest::addColumn<QString>("format");
        QTest::newRow("pdf") << u"pdf"_s;
        QTest::newRow("html") << u"html"_s;
    }
    void pseudonymisedTranscripts()
    {
        QFETCH(QString, format);
        if (format == u"pdf" && QStandardPaths::findExecutable(u"pdftotext"_s).isEmpty())
            QFAIL("pdftotext (poppler-utils) is needed: ./setup.sh installs it");
        CliRunner cli;
        const QString plain = tempDir() + u"/plain"_s, out = tempDir() + u"/pseudo"_s;
        CliResult r = cli.run(QStringList{u"export"_s} + demo(u"47"_s) + kRange
                              + QStringList{u"--out"_s, plain, u"--transcripts"_s, u"html"_s});
        QVERIFY2(r.exitCode == 0 || r.exitCode == 4, qPrintable(report(r)));
        r = cli.run(QStringList{u"export"_s} + demo(u"47"_s) + kRange
                    + QStringList{u"--out"_s, out, u"--pseudonymize"_s, u"--transcripts"_s, format});
        SKIP_WITHOUT_KEYCHAIN(r);
        QVERIFY2(r.exitCode == 0 || r.exitCode == 4, qPrintable(report(r)));
        QVERIFY(!QFileInfo::exists(out + u"/interactions.jsonl"_s));

        // The footer hashes of the plain export's transcripts (HTML keeps them in data-sha256).
        static const QRegularExpression dataSha(u"data-sha256=\"([0-9a-f]{64})\""_s);
        QSet<QString> plainHashes;
        QDirIterator pit(plain + u"/transcripts"_s, QDir::Files, QDirIterator::Subdirectories);
        while (pit.hasNext())
            for (const auto &m : dataSha.globalMatch(QString::fromUtf8(readFile(pit.next()))))
                plainHashes.insert(m.captured(1));
        QVERIFY(plainHashes.size() >= 10);

        const QList<TenantUser> users = tenantUsers(findArchive(cli, u"demo-s47-u10-i1500-d90"_s));
        QVERIFY(users.size() >= 10);
        static const QRegularExpression pseudonym(u"^user-[0-9a-f]{12}$"_s);
        static const QRegularExpression named(u"(?:User: |Copilot conversation — )([^\\s<]+)"_s);
        const QJsonObject manifest = QJsonDocument::fromJson(readFile(out + u"/export.json"_s)).object();
        const QJsonArray listed = manifest.value(u"files"_s).toArray();
        const QByteArray sums = readFile(out + u"/SHA256SUMS"_s);
        QSet<QString> hashes;
        int transcripts = 0;
        QDirIterator it(out + u"/transcripts"_s, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            const QString relative = QDir(out).relativeFilePath(path);
            ++transcripts;
            QVERIFY2(relative.endsWith(u'.' + format), qPrintable(relative));
            QVERIFY2(pseudonym.match(relative.section(u'/', 1, 1)).hasMatch(), qPrintable(relative));
            QVERIFY2(listed.contains(relative), qPrintable(relative));
            QVERIFY2(sums.contains(QByteArray("  " + relative.toUtf8() + "\n")), qPrintable(relative));
            const QString text = format == u"pdf" ? pdfText(path) : QString::fromUtf8(readFile(path));
            QVERIFY2(!text.isEmpty(), qPrintable(relative));
            const QString lowered = text.toLower();
            for (const TenantUser &u : users) {
                QVERIFY2(!relative.contains(u.displayName, Qt::CaseInsensitive), qPrintable(relative));
                for (const QString &identity : {u.id, QString(u.id).remove(u'-'), u.upn, u.mail})
                    QVERIFY2(identity.isEmpty() || !lowered.contains(identity.toLower()),
                             qPrintable(relative + u": "_s + identity));
            }
            int names = 0;
            for (const auto &m : named.globalMatch(text)) {
                ++names;
                QVERIFY2(pseudonym.match(m.captured(1)).hasMatch(), qPrintable(relative + u": "_s + m.captured(0)));
            }
            QVERIFY2(names >= 2, qPrintable(relative));   // heading and at least one footer
            if (format == u"pdf") {
                const QString hash = test::footerHash(text, true);
                QVERIFY2(!hash.isEmpty(), qPrintable(text));
                hashes.insert(hash);
            } else {
                QVERIFY(text.contains(u"interactions.jsonl lines (not exported): "_s));
                for (const auto &m : dataSha.globalMatch(text))
                    hashes.insert(m.captured(1));
            }
        }
        QCOMPARE(manifest.value(u"pseudonymized"_s).toBool(), true);
        QVERIFY(transcripts >= 10);
        QCOMPARE(hashes, plainHashes);
    }

    void caseExport()
    {
        CliRunner cli;
        // A first export fills the demo archive.
        CliResult r = cli.run(QStringList{u"export"_s} + demo(u"43"_s) + kRange + QStringList{u"--out"_s, tempDir() + u"/first"_s});
        QVERIFY2(r.exitCode == 0 || r.exitCode == 4, qPrintable(report(r)));
        const QString path = findArchive(cli, u"demo-s43-u10-i1500-d90"_s);
        QVERIFY(!path.isEmpty());

        // Unknown case, with no case in the archive yet.
        const QString out = tempDir() + u"/case"_s;
        r = cli.run(QStringList{u"export"_s} + demo(u"43"_s) + QStringList{u"--case"_s, u"Audit 7"_s, u"--out"_s, out});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(u"no cases yet"_s), qPrintable(r.err));

        QStringList promptIds;
        {
            Archive a;
            QVERIFY(a.open(path));
            ReviewStore store(a);
            const QList<TurnRow> turns = a.reader().turns(ArchiveFilter{}, SortSpec{TurnRow::Time, Qt::AscendingOrder});
            QVERIFY(turns.size() > 20);
            for (int k : {3, 11, 19}) {
                QVERIFY(store.addToCase(ReviewStore::turnRef(turns.at(k)), u"Audit 7"_s));
                promptIds << ReviewStore::turnRef(turns.at(k)).itemId;
            }
            QVERIFY(store.createCase(u"Other"_s));
        }
        r = cli.run(QStringList{u"export"_s} + demo(u"43"_s) + QStringList{u"--case"_s, u"No such"_s, u"--out"_s, out});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(u"There is no case named \"No such\". Cases in this archive: \"Audit 7\", \"Other\"."_s),
                 qPrintable(r.err));
        QVERIFY(!QFileInfo::exists(out));

        // No range: nothing synced, the case as the archive holds it (the name in any letter case).
        r = cli.run(QStringList{u"export"_s} + demo(u"43"_s) + QStringList{u"--case"_s, u"audit 7"_s, u"--out"_s, out});
        QVERIFY2(r.exitCode == 0, qPrintable(report(r)));
        QVERIFY2(r.out.contains(u"Sync: none"_s), qPrintable(r.out));
        const QList<QStringList> prompts = csv(out + u"/prompts.csv"_s);
        QStringList exported;
        for (qsizetype k = 1; k < prompts.size(); ++k)
            exported << (prompts.at(k).at(8).isEmpty() ? prompts.at(k).at(11) : prompts.at(k).at(8));
        exported.sort();
        promptIds.sort();
        QCOMPARE(exported, promptIds);
        QCOMPARE(csv(out + u"/reviews.csv"_s).size(), 4);
        const QJsonObject m = QJsonDocument::fromJson(readFile(out + u"/export.json"_s)).object();
        QCOMPARE(m.value(u"case"_s).toString(), u"Audit 7"_s);
        QVERIFY(readFile(out + u"/SHA256SUMS"_s).contains("  reviews.csv\n"));
    }
};

QTEST_GUILESS_MAIN(CliCaseExportTest)
#include "tst_cli_caseexport.moc"
