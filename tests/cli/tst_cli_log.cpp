// `copilot-ledger log` and `log --verify` (docs/CLI.md "log"): the listing (table and --json),
// the date range, the exit codes, and every kind of tampering — done with raw SQL on a copy of an
// archive after dropping the append-only triggers, as an attacker with the file would.
#include "CliRunner.h"
#include "SqlFile.h"
#include "TestSupport.h"
#include "app/archive/ActivityLog.h"
#include "app/archive/Archive.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace ledger;
using namespace ledger::test;
using namespace Qt::StringLiterals;

namespace {

const QDateTime kT0(QDate(2026, 3, 2), QTime(9, 0), Qt::UTC);

// Runs SQL on the archive file through a connection of its own; returns false on the first error.
bool tamper(const QString &path, const QStringList &statements, bool quiet = false)
{
    QString error;
    const bool ok = execSql(path, statements, &error);
    if (!ok && !quiet)
        qWarning().noquote() << "tamper:" << error;
    return ok;
}

// The attacker who knows the algorithm: recomputes every hash from entry 1 on and the head
// record, after the other changes (docs/CLI.md "log", limits).
QStringList rechainStatements(const QString &path)
{
    QStringList out{u"DROP TRIGGER IF EXISTS activity_log_no_update"_s};
    // The entries as they now stand, read the way `log` reads them, then chained afresh.
    QList<ActivityEntry> entries;
    {
        ActivityLogFile file;
        if (file.open(path) == ActivityLogFile::OpenResult::Opened)
            entries = file.entries();
    }
    QString prev = ActivityLog::zeroHash();
    for (ActivityEntry &e : entries) {
        e.hash = ActivityLog::chainHash(prev, e);
        out << u"UPDATE activity_log SET hash = '%1' WHERE seq = %2"_s.arg(e.hash).arg(e.seq);
        prev = e.hash;
    }
    if (!entries.isEmpty())
        out << u"UPDATE meta SET value = '%1 %2' WHERE key = 'activity_log_head'"_s.arg(entries.last().seq).arg(prev);
    return out;
}

} // namespace

class TestCliLog : public QObject {
    Q_OBJECT

    QString m_base;                 // an intact archive with 6 entries
    QString m_exportJson;           // an export.json that recorded entry 4 as the head
    QStringList m_hashes;           // the entries' hashes (index 0 = entry 1)

    QString copyOfBase(const QString &name)
    {
        const QString path = tempDir() + u'/' + name + u".sqlite"_s;
        QFile::remove(path);
        QFile::copy(m_base, path);
        return path;
    }
    static QString tag() { return QString::fromLatin1(QTest::currentDataTag()).replace(u' ', u'-'); }

private slots:
    void initTestCase()
    {
        isolateEnvironment();
        QVERIFY(!CliRunner::binary().isEmpty());
        m_base = tempDir() + u"/base.sqlite"_s;
        m_exportJson = tempDir() + u"/export.json"_s;
        Archive a;
        QVERIFY(a.open(m_base));
        auto at = [](int k) { ActivityLog::setClockForTesting(kT0.addDays(k)); };
        at(0);
        m_hashes << ActivityLog::append(a, u"sync"_s,
                                        {{u"from"_s, u"2026-01-01T00:00:00.000Z"_s}, {u"to"_s, u"2026-03-01T00:00:00.000Z"_s},
                                         {u"apps"_s, QJsonArray{}}, {u"users"_s, QJsonArray{}}, {u"users_synced"_s, 3},
                                         {u"interactions_new"_s, 120}, {u"outcome"_s, u"completed"_s}});
        at(1);
        m_hashes << ActivityLog::append(a, u"case.created"_s, {{u"case"_s, u"Falcon"_s}});
        at(2);
        m_hashes << ActivityLog::append(a, u"review.status"_s,
                                        {{u"user_id"_s, u"u1"_s}, {u"item_kind"_s, u"turn"_s}, {u"item_id"_s, u"p1"_s},
                                         {u"status"_s, u"flagged"_s}, {u"previous_status"_s, u"unreviewed"_s}});
        at(3);
        m_hashes << ActivityLog::append(a, u"review.note"_s,
                                        {{u"user_id"_s, u"u1"_s}, {u"item_kind"_s, u"turn"_s}, {u"item_id"_s, u"p1"_s},
                                         {u"note"_s, u"line one\nline two"_s}});
        // An export that recorded entry 4 as the head, then its own entry with the checksums.
        const QByteArray manifest = QJsonDocument(QJsonObject{{u"format_version"_s, 1},
                                                              {u"activity_log_head"_s, m_hashes.last()}})
                                        .toJson();
        QFile f(m_exportJson);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(manifest);
        f.close();
        at(4);
        m_hashes << ActivityLog::append(
            a, u"export"_s,
            {{u"folder"_s, u"/srv/audit"_s}, {u"scope"_s, QJsonObject{{u"scope"_s, u"all"_s}}},
             {u"row_counts"_s, QJsonObject{{u"prompts.csv"_s, 7}}},
             {u"checksums"_s, QJsonObject{{u"export.json"_s, QString::fromLatin1(QCryptographicHash::hash(
                                                                  manifest, QCryptographicHash::Sha256).toHex())}}}});
        at(5);
        m_hashes << ActivityLog::append(a, u"watchlist"_s,
                                        {{u"action"_s, u"created"_s}, {u"watchlist"_s, u"Projects"_s},
                                         {u"members"_s, QJsonArray{u"falcon"_s}}});
        ActivityLog::setClockForTesting({});
        for (const QString &h : std::as_const(m_hashes))
            QCOMPARE(h.size(), 64);
        QVERIFY(ActivityLog::verify(a).ok);
    }

    void listsTable()
    {
        CliRunner cli;
        const CliResult r = cli.run({u"log"_s, u"--archive"_s, m_base});
        QCOMPARE(r.exitCode, 0);
        const QStringList lines = r.out.split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 1 + 6 + 1);   // header, entries, count
        QVERIFY(lines.at(0).startsWith(u"SEQ  TIME (UTC)"_s));
        QVERIFY(lines.at(0).contains(u"OPERATOR"_s) && lines.at(0).contains(u"KIND"_s) && lines.at(0).contains(u"DETAILS"_s));
        QVERIFY2(lines.at(1).contains(u"2026-03-02 09:00:00"_s) && lines.at(1).contains(u"sync"_s), qPrintable(lines.at(1)));
        QVERIFY(lines.at(1).contains(u'@' + ActivityLog::currentMachine()));
        QVERIFY(lines.at(2).contains(u"case “Falcon” created"_s));
        QVERIFY(lines.at(4).contains(u"note “line one line two”"_s));   // one line per entry
        QCOMPARE(lines.last(), u"6 entries."_s);
        QVERIFY(r.err.isEmpty());
    }

    void listsJsonInRange()
    {
        CliRunner cli;
        const CliResult r = cli.run({u"log"_s, u"--archive"_s, m_base, u"--from"_s, u"2026-03-03"_s, u"--to"_s,
                                     u"2026-03-05T09:00:00Z"_s, u"--json"_s});
        QCOMPARE(r.exitCode, 0);
        QJsonParseError pe{};
        const QJsonObject doc = QJsonDocument::fromJson(r.out.toUtf8(), &pe).object();
        QCOMPARE(pe.error, QJsonParseError::NoError);
        QCOMPARE(doc.value(u"from"_s).toString(), u"2026-03-03T00:00:00.000Z"_s);
        QCOMPARE(doc.value(u"to"_s).toString(), u"2026-03-05T09:00:00.000Z"_s);
        const QJsonArray entries = doc.value(u"entries"_s).toArray();
        QCOMPARE(entries.size(), 2);   // entries 2 and 3: entry 4 is at exactly --to, which is exclusive
        const QJsonObject first = entries.at(0).toObject();
        QStringList keys = first.keys();
        QCOMPARE(keys, (QStringList{u"app_version"_s, u"details"_s, u"hash"_s, u"kind"_s, u"machine"_s, u"operator"_s,
                                    u"seq"_s, u"time_utc"_s}));
        QCOMPARE(first.value(u"seq"_s).toInteger(), 2);
        QCOMPARE(first.value(u"kind"_s).toString(), u"case.created"_s);
        QCOMPARE(first.value(u"hash"_s).toString(), m_hashes.at(1));
        QCOMPARE(first.value(u"details"_s).toObject().value(u"case"_s).toString(), u"Falcon"_s);
        QCOMPARE(first.value(u"operator"_s).toString(), ActivityLog::currentOperator());
        const QJsonObject v = doc.value(u"verification"_s).toObject();
        QCOMPARE(v.value(u"intact"_s).toBool(), true);
        QCOMPARE(v.value(u"entries"_s).toInteger(), 6);
        QCOMPARE(v.value(u"head"_s).toString(), m_hashes.last());
        QVERIFY(v.value(u"first_bad"_s).isNull());
    }

    void verifiesIntact()
    {
        CliRunner cli;
        CliResult r = cli.run({u"log"_s, u"--verify"_s, u"--archive"_s, m_base});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(u"intact: 6 entries verified"_s));
        QVERIFY(r.out.contains(u"Result: intact"_s));
        // The anchors of the earlier export: its head, and the export.json file itself.
        r = cli.run({u"log"_s, u"--verify"_s, u"--archive"_s, m_base, u"--expect-head"_s, m_hashes.at(3)});
        QCOMPARE(r.exitCode, 0);
        r = cli.run({u"log"_s, u"--verify"_s, u"--archive"_s, m_base, u"--expect-head"_s, m_exportJson});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(u"earlier export"_s));
    }

    // Reading never changes the archive (an auditor's copy stays byte for byte as it was).
    void readsReadOnly()
    {
        const QString path = copyOfBase(u"readonly"_s);
        const QByteArray before = readFile(path);
        CliRunner cli;
        QCOMPARE(cli.run({u"log"_s, u"--archive"_s, path}).exitCode, 0);
        QCOMPARE(cli.run({u"log"_s, u"--verify"_s, u"--archive"_s, path}).exitCode, 0);
        QVERIFY(readFile(path) == before);
    }

    void tampering_data()
    {
        QTest::addColumn<QStringList>("sql");
        QTest::addColumn<bool>("rechain");        // the attacker also recomputes every hash and the head
        QTest::addColumn<QString>("expectHead");  // "" = none, "file" = the export.json, else the hash index
        QTest::addColumn<qint64>("firstBad");     // 0 = no entry named (an anchor failure)
        QTest::addColumn<QString>("says");
        const QString upd = u"DROP TRIGGER activity_log_no_update"_s, del = u"DROP TRIGGER activity_log_no_delete"_s;
        QTest::newRow("edited details") << QStringList{upd, u"UPDATE activity_log SET details = '{\"case\":\"Eagle\"}' WHERE seq = 2"_s}
                                        << false << QString() << qint64(2) << u"was changed"_s;
        QTest::newRow("edited details whitespace") << QStringList{upd, u"UPDATE activity_log SET details = '{\"case\": \"Falcon\"}' WHERE seq = 2"_s}
                                                   << false << QString() << qint64(2) << u"not in the form"_s;
        QTest::newRow("edited time") << QStringList{upd, u"UPDATE activity_log SET time_utc = '2026-03-04T10:00:00.000Z' WHERE seq = 3"_s}
                                     << false << QString() << qint64(3) << u"hash was changed"_s;
        QTest::newRow("edited operator") << QStringList{upd, u"UPDATE activity_log SET operator = 'mallory' WHERE seq = 1"_s}
                                         << false << QString() << qint64(1) << u"hash was changed"_s;
        QTest::newRow("edited hash") << QStringList{upd, u"UPDATE activity_log SET hash = '"_s + QString(64, u'a') + u"' WHERE seq = 5"_s}
                                     << false << QString() << qint64(5) << u"hash was changed"_s;
        QTest::newRow("deleted entry") << QStringList{del, u"DELETE FROM activity_log WHERE seq = 3"_s}
                                       << false << QString() << qint64(3) << u"entry 3 was deleted"_s;
        QTest::newRow("deleted entries") << QStringList{del, u"DELETE FROM activity_log WHERE seq IN (2, 3)"_s}
                                         << false << QString() << qint64(2) << u"entries 2 to 3 were deleted"_s;
        QTest::newRow("deleted first") << QStringList{del, u"DELETE FROM activity_log WHERE seq = 1"_s}
                                       << false << QString() << qint64(1) << u"entry 1 was deleted"_s;
        QTest::newRow("deleted newest") << QStringList{del, u"DELETE FROM activity_log WHERE seq = 6"_s}
                                        << false << QString() << qint64(6) << u"the newest entry was deleted"_s;
        QTest::newRow("deleted two newest") << QStringList{del, u"DELETE FROM activity_log WHERE seq >= 5"_s}
                                            << false << QString() << qint64(5) << u"newest entries (5 to 6) were deleted"_s;
        QTest::newRow("deleted all") << QStringList{del, u"DELETE FROM activity_log"_s}
                                     << false << QString() << qint64(1) << u"newest entries (1 to 6) were deleted"_s;
        QTest::newRow("deleted head record") << QStringList{u"DELETE FROM meta WHERE key = 'activity_log_head'"_s}
                                             << false << QString() << qint64(6) << u"head record"_s;
        // Inserted: in the middle (the later entries renumbered), and at the end.
        QTest::newRow("inserted entry") << QStringList{upd, u"UPDATE activity_log SET seq = seq + 100 WHERE seq >= 3"_s,
                                                       u"UPDATE activity_log SET seq = seq - 99 WHERE seq >= 100"_s,
                                                       u"INSERT INTO activity_log SELECT 3, '2026-03-03T12:00:00.000Z', operator, machine,"
                                                       " app_version, 'case.created', '{\"case\":\"Decoy\"}', hash FROM activity_log WHERE seq = 2"_s}
                                        << false << QString() << qint64(3) << u"hash was changed"_s;
        QTest::newRow("inserted newest") << QStringList{u"INSERT INTO activity_log SELECT 7, '2026-03-09T12:00:00.000Z', operator, machine,"
                                                        " app_version, 'case.created', '{\"case\":\"Decoy\"}', hash FROM activity_log WHERE seq = 6"_s}
                                         << false << QString() << qint64(7) << u"hash was changed"_s;
        QTest::newRow("inserted with a gap") << QStringList{u"INSERT INTO activity_log SELECT 9, time_utc, operator, machine,"
                                                            " app_version, kind, details, hash FROM activity_log WHERE seq = 6"_s}
                                             << false << QString() << qint64(7) << u"entries 7 to 8 were deleted"_s;
        QTest::newRow("reordered") << QStringList{upd, u"UPDATE activity_log SET seq = 100 WHERE seq = 2"_s,
                                                  u"UPDATE activity_log SET seq = 2 WHERE seq = 3"_s,
                                                  u"UPDATE activity_log SET seq = 3 WHERE seq = 100"_s}
                                   << false << QString() << qint64(2) << u"hash was changed"_s;
        QTest::newRow("reordered times kept") << QStringList{upd,
                                                  u"UPDATE activity_log SET details = (SELECT details FROM activity_log WHERE seq = 3),"
                                                  " kind = (SELECT kind FROM activity_log WHERE seq = 3) WHERE seq = 2"_s}
                                              << false << QString() << qint64(2) << u"hash was changed"_s;
        // The attacker who also recomputes the chain and the head record is caught by the
        // anchor of an earlier export (the limit documented in docs/CLI.md).
        QTest::newRow("rewritten, head anchor") << QStringList{upd, u"UPDATE activity_log SET details = '{\"case\":\"Eagle\"}' WHERE seq = 2"_s}
                                                << true << u"3"_s << qint64(0) << u"no entry has the hash"_s;
        QTest::newRow("rewritten, file anchor") << QStringList{upd, u"UPDATE activity_log SET details = '{\"case\":\"Eagle\"}' WHERE seq = 2"_s}
                                                << true << u"file"_s << qint64(0) << u"no entry has the hash"_s;
        QTest::newRow("newest deleted, head fixed, head anchor")
            << QStringList{del, u"DELETE FROM activity_log WHERE seq >= 4"_s} << true << u"3"_s << qint64(0)
            << u"no entry has the hash"_s;
        QTest::newRow("export entry deleted, head fixed, file anchor")
            << QStringList{del, u"DELETE FROM activity_log WHERE seq >= 5"_s} << true << u"file"_s << qint64(0)
            << u"no entry of the export that wrote this export.json"_s;
        QTest::newRow("all deleted, head removed, file anchor")
            << QStringList{del, u"DELETE FROM activity_log"_s, u"DELETE FROM meta WHERE key = 'activity_log_head'"_s} << false
            << u"file"_s << qint64(0) << u"no entry has the hash"_s;
        QTest::newRow("table dropped") << QStringList{u"DROP TABLE activity_log"_s} << false << QString() << qint64(0)
                                       << u"no activity_log table"_s;
    }
    void tampering()
    {
        QFETCH(QStringList, sql);
        QFETCH(bool, rechain);
        QFETCH(QString, expectHead);
        QFETCH(qint64, firstBad);
        QFETCH(QString, says);
        const QString path = copyOfBase(u"tamper-"_s + tag());
        // The triggers refuse the change as long as they are there.
        QVERIFY(!tamper(path, {u"DELETE FROM activity_log WHERE seq = 1"_s}, true));
        QVERIFY(!tamper(path, {u"UPDATE activity_log SET kind = 'x' WHERE seq = 1"_s}, true));
        QVERIFY(tamper(path, sql));
        if (rechain)
            QVERIFY(tamper(path, rechainStatements(path)));
        QStringList args{u"log"_s, u"--verify"_s, u"--archive"_s, path};
        if (rechain) {
            // Without the anchor this attacker is not seen (documented): the chain is consistent.
            CliRunner cli;
            QCOMPARE(cli.run(args).exitCode, 0);
        }
        if (expectHead == u"file")
            args << u"--expect-head"_s << m_exportJson;
        else if (!expectHead.isEmpty())
            args << u"--expect-head"_s << m_hashes.at(expectHead.toInt());
        CliRunner cli;
        CliResult r = cli.run(args);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.out.contains(says), qPrintable(r.out + r.err));
        QVERIFY(r.out.contains(u"Result: NOT intact"_s) || r.err.contains(says));
        if (firstBad > 0)
            QVERIFY2(r.out.contains(u"Entry %1 "_s.arg(firstBad)), qPrintable(r.out));
        // The same verdict in JSON, with the first bad entry's number, time and problem.
        r = cli.run(args << u"--json"_s);
        QCOMPARE(r.exitCode, 1);
        const QJsonObject v = QJsonDocument::fromJson(r.out.toUtf8()).object().value(u"verification"_s).toObject();
        QCOMPARE(v.value(u"intact"_s).toBool(true), false);
        const QJsonObject bad = v.value(u"first_bad"_s).toObject();
        QVERIFY(bad.value(u"problem"_s).toString().contains(says) || v.value(u"message"_s).toString().contains(says));
        if (firstBad > 0) {
            QCOMPARE(bad.value(u"seq"_s).toInteger(), firstBad);
            if (firstBad <= 6 && !says.contains(u"deleted"_s))   // an entry that is there: its time is named
                QVERIFY(bad.value(u"time_utc"_s).toString().startsWith(u"2026-03-0"_s));
        } else {
            QVERIFY(bad.value(u"seq"_s).isNull());
        }
        // The listing still works and warns (exit 0: it is not --verify).
        if (expectHead.isEmpty() && !says.contains(u"table"_s)) {
            r = cli.run({u"log"_s, u"--archive"_s, path});
            QCOMPARE(r.exitCode, 0);
            QVERIFY2(r.err.contains(u"warning"_s), qPrintable(r.err));
        }
    }

    void failures_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("says");
        const QString missing = tempDir() + u"/nothing-here.sqlite"_s;
        QTest::newRow("no archive") << QStringList{u"--archive"_s, missing} << 2 << u"There is no archive"_s;
        QTest::newRow("demo never synced") << QStringList{u"--demo"_s} << 2 << u"not been synced"_s;
        QTest::newRow("unknown profile") << QStringList{u"--profile"_s, u"Nope"_s} << 2 << u"no profile named"_s;
        QTest::newRow("no connection") << QStringList{} << 2 << u"Say which archive"_s;
        QTest::newRow("both") << QStringList{u"--demo"_s, u"--archive"_s, missing} << 2 << u"not both"_s;
        QTest::newRow("bad date") << QStringList{u"--archive"_s, missing, u"--from"_s, u"yesterday"_s} << 2 << u"is not a date"_s;
        QTest::newRow("from after to") << QStringList{u"--archive"_s, missing, u"--from"_s, u"2026-03-05"_s, u"--to"_s, u"2026-03-01"_s}
                                       << 2 << u"--from must be before --to"_s;
        QTest::newRow("bad expect-head") << QStringList{u"--verify"_s, u"--archive"_s, missing, u"--expect-head"_s, u"abc"_s}
                                         << 2 << u"--expect-head needs"_s;
        QTest::newRow("expect-head without verify") << QStringList{u"--archive"_s, missing, u"--expect-head"_s, QString(64, u'0')}
                                                    << 2 << u"goes with --verify"_s;
        QTest::newRow("unknown option") << QStringList{u"--archive"_s, missing, u"--out"_s, u"x"_s} << 2 << u"Unknown option --out"_s;
        QTest::newRow("secret") << QStringList{u"--demo"_s, u"--secret-stdin"_s} << 2 << u"needs no client secret"_s;
        QTest::newRow("not an archive") << QStringList{u"--archive"_s, QString()} << 1 << u"cannot be read"_s;
    }
    void failures()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QString, says);
        if (args.size() == 2 && args.at(1).isEmpty()) {   // a file that is not SQLite
            const QString junk = tempDir() + u"/junk.sqlite"_s;
            QFile f(junk);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(QByteArray(4096, 'x'));
            f.close();
            args[1] = junk;
        }
        CliRunner cli;
        const CliResult r = cli.run(QStringList{u"log"_s} + args);
        QCOMPARE(r.exitCode, exitCode);
        QVERIFY2(r.err.contains(says), qPrintable(r.err));
        QVERIFY(r.out.isEmpty());
        QVERIFY(cli.findArchive().isEmpty());   // nothing was created
    }

    // End to end: a real export's export.json anchors the log of the archive it came from.
    void realExportAnchors()
    {
        CliRunner cli;
        const QString out = cli.home() + u"/export"_s;
        const QStringList demo{u"--demo"_s, u"--demo-users"_s, u"3"_s, u"--demo-interactions"_s, u"40"_s, u"--demo-days"_s, u"30"_s};
        CliResult r = cli.run(QStringList{u"export"_s} + demo + QStringList{u"--from"_s, u"2020-01-01"_s, u"--to"_s, u"2030-01-01"_s, u"--out"_s, out});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = cli.run(QStringList{u"log"_s, u"--verify"_s, u"--expect-head"_s, out + u"/export.json"_s} + demo);
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        r = cli.run(QStringList{u"log"_s, u"--json"_s} + demo);
        QCOMPARE(r.exitCode, 0);
        const QJsonArray entries = QJsonDocument::fromJson(r.out.toUtf8()).object().value(u"entries"_s).toArray();
        QCOMPARE(entries.size(), 2);
        QCOMPARE(entries.at(0).toObject().value(u"kind"_s).toString(), u"sync"_s);
        QCOMPARE(entries.at(1).toObject().value(u"kind"_s).toString(), u"export"_s);
        // Removing the export's entry (and fixing the head record) is seen through that export.json.
        const QString archive = cli.findArchive();
        QVERIFY(tamper(archive, {u"DROP TRIGGER activity_log_no_delete"_s, u"DELETE FROM activity_log WHERE seq = 2"_s}));
        QVERIFY(tamper(archive, rechainStatements(archive)));
        QCOMPARE(cli.run(QStringList{u"log"_s, u"--verify"_s} + demo).exitCode, 0);
        r = cli.run(QStringList{u"log"_s, u"--verify"_s, u"--expect-head"_s, out + u"/export.json"_s} + demo);
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.out.contains(u"no entry of the export"_s));
    }
};

QTEST_GUILESS_MAIN(TestCliLog)
#include "tst_cli_log.moc"
