// `copilot-ledger export --demo` end to end (docs/EXPORT-FORMAT.md, docs/CLI.md): SHA256SUMS verifies, python3's csv
// module reads every CSV, counts match the demo tenant, the date range is [from, to), faults and
// throttling change nothing in the files, failed users give exit code 4 and show in users.csv.
#include "CliRunner.h"

#include "app/model/Interaction.h"
#include "app/sim/DemoTenant.h"
#include "app/transcript/TranscriptRenderer.h"

#include <QCryptographicHash>
#include <QDir>
#include <QProcess>
#include <functional>
#include <QRegularExpression>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTest>

using namespace ledger;
using namespace ledger::test;
using namespace Qt::StringLiterals;

namespace {

// SHA256SUMS: "<hex>  <name>" per line, covering every other file.
bool verifySums(const QString &dir, QString *why)
{
    const QList<QByteArray> lines = ledger::test::readFile(dir + u"/SHA256SUMS"_s).split('\n');
    QStringList covered;
    for (const QByteArray &line : lines) {
        if (line.trimmed().isEmpty())
            continue;
        const qsizetype sep = line.indexOf("  ");
        if (sep != 64) {
            *why = u"bad line: "_s + QString::fromUtf8(line);
            return false;
        }
        const QString name = QString::fromUtf8(line.mid(sep + 2)).trimmed();
        const QByteArray hex = QCryptographicHash::hash(ledger::test::readFile(dir + u'/' + name), QCryptographicHash::Sha256).toHex();
        if (hex != line.left(64)) {
            *why = u"checksum mismatch: "_s + name;
            return false;
        }
        covered << name;
    }
    covered.sort();
    QStringList expected{u"export.json"_s, u"findings.csv"_s, u"interactions.jsonl"_s, u"prompts.csv"_s, u"reviews.csv"_s,
                         u"sessions.csv"_s, u"users.csv"_s};
    if (covered != expected) {
        *why = u"covers "_s + covered.join(u", "_s);
        return false;
    }
    return true;
}

// Rows (without the header) of a CSV as python3's csv module reads it; -1 on failure.
int pythonCsvRows(const QString &path, QStringList *header = nullptr)
{
    QProcess p;
    p.start(u"python3"_s, {u"-c"_s,
                           u"import csv,sys\n"
                           "csv.field_size_limit(sys.maxsize)\n"
                           "with open(sys.argv[1], newline='', encoding='utf-8-sig') as f:\n"
                           "    rows = list(csv.reader(f, strict=True))\n"
                           "print(','.join(rows[0]))\n"
                           "print(len(rows) - 1)\n"_s,
                           path});
    if (!p.waitForFinished(60000) || p.exitCode() != 0)
        return -1;
    const QStringList out = QString::fromUtf8(p.readAllStandardOutput()).trimmed().split(u'\n');
    if (header)
        *header = out.value(0).split(u',');
    return out.value(1).toInt();
}

QStringList demoArgs(const DemoTenantSpec &spec)
{
    return {u"--demo"_s, u"--demo-users"_s, QString::number(spec.users), u"--demo-interactions"_s,
            QString::number(spec.interactions), u"--demo-seed"_s, QString::number(spec.seed),
            u"--demo-days"_s, QString::number(spec.days)};
}

} // namespace

class CliExportTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        LEDGER_CLI_TEST_INIT();
        m_python = !QStandardPaths::findExecutable(u"python3"_s).isEmpty();
    }

    void fullDemoExport()   // the full-size demo tenant
    {
        CliRunner cli;
        const QString out = tempDir() + u"/export"_s;
        const CliResult r = cli.run({u"export"_s, u"--demo"_s, u"--from"_s, u"2026-01-01"_s, u"--to"_s, u"2027-01-01"_s,
                                     u"--out"_s, out, u"--rate"_s, u"500"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(u"exit %1\n"_s.arg(r.exitCode) + r.out + r.err));
        QString why;
        QVERIFY2(verifySums(out, &why), qPrintable(why));

        const DemoTenant t{DemoTenantSpec{}};
        int unlicensed = 0;
        for (const auto &u : t.users())
            unlicensed += u.licensed ? 0 : 1;
        const QList<QByteArray> jsonl = ledger::test::readFile(out + u"/interactions.jsonl"_s).split('\n');
        QCOMPARE(qint64(jsonl.size() - 1), t.totalInteractions());   // last line ends with \n
        QVERIFY(r.out.contains(u"%1 not licensed"_s.arg(unlicensed)));
        QVERIFY(r.out.contains(u"Result: complete"_s));

        if (!m_python)
            QSKIP("python3 is not installed: CSV check skipped");
        QStringList header;
        QCOMPARE(pythonCsvRows(out + u"/users.csv"_s, &header), int(t.users().size()));
        QCOMPARE(header.value(8), u"status"_s);
        QVERIFY(pythonCsvRows(out + u"/prompts.csv"_s, &header) > 0);
        QCOMPARE(header.first(), u"user_id"_s);
        QVERIFY(pythonCsvRows(out + u"/sessions.csv"_s) > 0);
    }

    void rangeIsFromInclusiveToExclusive()
    {
        const DemoTenantSpec spec{4242, 20, 3000, 60, {}};
        const DemoTenant t{spec};
        // Pick --from/--to on exact interaction times of the first user.
        const QString uid = t.users().first().json.value(u"id"_s).toString();
        const auto &items = t.interactions(uid);
        QVERIFY(items.size() > 20);
        const QDateTime from = Interaction::fromRaw(uid, items.at(5)).created;
        const QDateTime to = Interaction::fromRaw(uid, items.at(items.size() - 5)).created;
        qint64 expected = 0;
        for (const auto &u : t.users()) {
            if (!u.licensed)
                continue;
            for (const QByteArray &raw : t.interactions(u.json.value(u"id"_s).toString())) {
                const QDateTime c = Interaction::fromRaw({}, raw).created;
                expected += (c >= from && c < to) ? 1 : 0;
            }
        }
        CliRunner cli;
        const QString out = tempDir() + u"/export"_s;
        const CliResult r = cli.run(QStringList{u"export"_s} + demoArgs(spec)
                                    + QStringList{u"--from"_s, formatUtc(from), u"--to"_s, formatUtc(to), u"--out"_s, out});
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        const QList<QByteArray> lines = ledger::test::readFile(out + u"/interactions.jsonl"_s).split('\n');
        QCOMPARE(qint64(lines.size() - 1), expected);
        for (const QByteArray &line : lines) {
            if (line.isEmpty())
                continue;
            const QJsonObject o = QJsonDocument::fromJson(line).object();
            const QDateTime c = parseGraphTime(o.value(u"interaction"_s).toObject().value(u"createdDateTime"_s).toString());
            QVERIFY(c >= from && c < to);
        }
    }

    // --transcripts pdf on the demo tenant: users writing Japanese, Chinese and Arabic; the text
    // of each script is in their PDFs (pdftotext), the footer's hash is that of their lines of
    // interactions.jsonl, and sha256sum -c verifies the whole folder with the transcripts.
    void demoTranscriptsInEveryScript()
    {
        if (QStandardPaths::findExecutable(u"pdftotext"_s).isEmpty() || QStandardPaths::findExecutable(u"sha256sum"_s).isEmpty())
            QFAIL("pdftotext (poppler-utils) and sha256sum are needed: ./setup.sh installs them");
        const DemoTenantSpec spec{4242, 40, 800, 30, {}};
        const DemoTenant t{spec};
        struct Pick {
            QString id, upn, name, prompt;
        };
        QList<Pick> picks;
        static const QRegularExpression kana(u"[\\x{3040}-\\x{30FF}]"_s), han(u"[\\x{4E00}-\\x{9FFF}]"_s),
            arabic(u"[\\x{0600}-\\x{06FF}]"_s);
        const QList<std::function<bool(const QString &)>> scripts{
            [](const QString &text) { return text.contains(kana); },                            // Japanese
            [](const QString &text) { return text.contains(han) && !text.contains(kana); },     // Chinese
            [](const QString &text) { return text.contains(arabic); },                          // Arabic
        };
        for (const auto &isScript : scripts) {
            for (const auto &u : t.users()) {
                const QString id = u.json.value(u"id"_s).toString();
                if (!u.licensed)
                    continue;
                Pick p{id, u.json.value(u"userPrincipalName"_s).toString(), u.json.value(u"displayName"_s).toString(), {}};
                for (const QByteArray &raw : t.interactions(id)) {
                    const Interaction i = Interaction::fromRaw(id, raw);
                    if (i.type == InteractionType::UserPrompt && isScript(i.bodyText) && i.created.date().year() == 2026) {
                        p.prompt = i.bodyText.left(12);
                        break;
                    }
                }
                if (!p.prompt.isEmpty()) {
                    picks << p;
                    break;
                }
            }
        }
        QCOMPARE(picks.size(), 3);
        QStringList upns;
        for (const Pick &p : std::as_const(picks))
            upns << p.upn;
        CliRunner cli;
        const QString out = tempDir() + u"/transcripts-export"_s;
        const CliResult r = cli.run(QStringList{u"export"_s} + demoArgs(spec)
                                    + QStringList{u"--from"_s, u"2026-01-01"_s, u"--to"_s, u"2027-01-01"_s, u"--users"_s,
                                                  upns.join(u','), u"--transcripts"_s, u"pdf"_s, u"--out"_s, out});
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        QVERIFY2(r.out.contains(u"transcripts/"_s), qPrintable(r.out));
        QProcess sums;
        sums.setWorkingDirectory(out);
        sums.start(u"sha256sum"_s, {u"-c"_s, u"--quiet"_s, u"SHA256SUMS"_s});
        QVERIFY(sums.waitForFinished(60000));
        QVERIFY2(sums.exitCode() == 0, sums.readAllStandardOutput().constData());
        const QList<QByteArray> jsonl = ledger::test::readFile(out + u"/interactions.jsonl"_s).split('\n');
        for (const Pick &p : std::as_const(picks)) {
            const QDir folder(out + u"/transcripts/"_s + p.upn);
            const QStringList pdfs = folder.entryList({u"*.pdf"_s}, QDir::Files, QDir::Name);
            QVERIFY2(!pdfs.isEmpty(), qPrintable(p.upn));
            QString all;
            for (const QString &pdf : pdfs) {
                QProcess text;
                text.start(u"pdftotext"_s, {u"-enc"_s, u"UTF-8"_s, folder.filePath(pdf), u"-"_s});
                QVERIFY(text.waitForFinished(60000));
                const QString t = QString::fromUtf8(text.readAllStandardOutput());
                all += t;
                // The footer's hash: the session's lines of interactions.jsonl, in file order.
                const QString part = pdf.mid(11, pdf.size() - 15);
                QString session = part;   // the sessionId whose safe name is the file's
                for (const QByteArray &line : jsonl) {
                    const QString sid = QJsonDocument::fromJson(line).object().value(u"interaction"_s).toObject()
                                            .value(u"sessionId"_s).toString();
                    if (!sid.isEmpty() && safeFileNameComponent(sid, 64) == part)
                        session = sid;
                }
                QCryptographicHash h(QCryptographicHash::Sha256);
                for (const QByteArray &line : jsonl) {
                    const QJsonObject o = QJsonDocument::fromJson(line).object();
                    const QJsonObject i = o.value(u"interaction"_s).toObject();
                    if (o.value(u"user_id"_s).toString() == p.id && !o.contains(u"unreadable_reason"_s)
                        && (session == u"no-session"_s ? i.value(u"sessionId"_s).toString().isEmpty()
                                                             && i.value(u"createdDateTime"_s).toString().startsWith(pdf.left(10))
                                                       : i.value(u"sessionId"_s).toString() == session))
                        h.addData(QByteArray(line + '\n'));
                }
                QVERIFY2(t.contains(u"SHA-256 of the session's interactions.jsonl lines: "_s + QString::fromLatin1(h.result().toHex())),
                         qPrintable(pdf + u"\n"_s + t));
                QVERIFY(t.contains(u"Page 1 of "_s));
            }
            // pdftotext gives Arabic as presentation forms with bidi marks (docs/EXPORT-FORMAT.md
            // "transcripts/"): NFKC and dropping the marks give the text as written.
            static const QRegularExpression ws(u"\\s+"_s), marks(u"[\\x{200E}\\x{200F}\\x{202A}-\\x{202E}]"_s);
            auto plain = [](QString text) {
                text = text.normalized(QString::NormalizationForm_KC);
                text.remove(marks);
                return text.replace(ws, u" "_s);
            };
            all = plain(all);
            QVERIFY2(all.contains(plain(p.name)), qPrintable(p.name + u" not in\n"_s + all.left(3000)));
            QVERIFY2(all.contains(plain(p.prompt)), qPrintable(p.prompt + u" not in\n"_s + all.left(3000)));
        }
    }

    void faultsAndThrottlingGiveIdenticalFiles()
    {
        const DemoTenantSpec spec{99, 20, 2000, 60, {}};
        const QStringList range{u"--from"_s, u"2026-01-01"_s, u"--to"_s, u"2027-01-01"_s};
        CliRunner clean, faulty;
        const QString outA = tempDir() + u"/a"_s, outB = tempDir() + u"/b"_s;
        CliResult r = clean.run(QStringList{u"export"_s} + demoArgs(spec) + range + QStringList{u"--out"_s, outA, u"--rate"_s, u"500"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        r = faulty.run(QStringList{u"export"_s} + demoArgs(spec) + range
                       + QStringList{u"--demo-faults"_s, u"--demo-rate"_s, u"4"_s, u"--rate"_s, u"200"_s, u"--max-retries"_s, u"20"_s, u"--concurrency"_s, u"4"_s, u"--out"_s, outB});
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        QVERIFY2(!r.out.contains(u", 0 throttled"_s), qPrintable(r.out));
        for (const QString &name : {u"prompts.csv"_s, u"sessions.csv"_s, u"users.csv"_s, u"interactions.jsonl"_s}) {
            const QByteArray a = ledger::test::readFile(outA + u'/' + name), b = ledger::test::readFile(outB + u'/' + name);
            QVERIFY2(!a.isEmpty() && a == b, qPrintable(name));
        }
        QString why;
        QVERIFY2(verifySums(outB, &why), qPrintable(why));
    }

    void usersScopeAndIncrementalRerun()
    {
        const DemoTenantSpec spec{7, 20, 2000, 60, {}};
        const DemoTenant t{spec};
        const QString upn = t.users().at(0).json.value(u"userPrincipalName"_s).toString();
        const QString id2 = t.users().at(3).json.value(u"id"_s).toString();
        const QString listFile = tempDir() + u"/users.txt"_s;
        QFile f(listFile);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write((u"# audit scope\n"_s + upn.toUpper() + u"\n\n"_s + id2 + u"\n"_s).toUtf8());
        f.close();
        CliRunner cli;
        const QString out = tempDir() + u"/scoped"_s;
        CliResult r = cli.run(QStringList{u"export"_s} + demoArgs(spec)
                              + QStringList{u"--from"_s, u"2026-01-01"_s, u"--to"_s, u"2027-01-01"_s, u"--users"_s, u'@' + listFile, u"--out"_s, out});
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        QVERIFY(r.out.contains(u"Users: 2 "_s));
        const QList<QByteArray> users = ledger::test::readFile(out + u"/users.csv"_s).split('\n');
        QCOMPARE(users.size(), 4);   // header, 2 rows, empty after the last CRLF

        // Unknown user: exit 2, nothing exported.
        const QString out2 = tempDir() + u"/unknown"_s;
        r = cli.run(QStringList{u"export"_s} + demoArgs(spec)
                    + QStringList{u"--from"_s, u"2026-01-01"_s, u"--to"_s, u"2027-01-01"_s, u"--users"_s, u"nobody@nowhere.invalid"_s, u"--out"_s, out2});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(u"nobody@nowhere.invalid"_s));
        QVERIFY(!QFileInfo::exists(out2));

        // Same archive again (incremental): same files; --force into the same folder.
        r = cli.run(QStringList{u"export"_s} + demoArgs(spec)
                    + QStringList{u"--from"_s, u"2026-01-01"_s, u"--to"_s, u"2027-01-01"_s, u"--users"_s, u'@' + listFile, u"--out"_s, out});
        QCOMPARE(r.exitCode, 2);   // not empty without --force
        const QByteArray prompts = ledger::test::readFile(out + u"/prompts.csv"_s);
        r = cli.run(QStringList{u"export"_s} + demoArgs(spec)
                    + QStringList{u"--from"_s, u"2026-01-01"_s, u"--to"_s, u"2027-01-01"_s, u"--users"_s, u'@' + listFile, u"--out"_s, out, u"--force"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        QVERIFY(r.out.contains(u"Sync: 0 new interactions"_s));
        QCOMPARE(ledger::test::readFile(out + u"/prompts.csv"_s), prompts);
    }

    void failedUsersArePartial()
    {
        // Faults without retries: some users fail → exit 4, the export is written and users.csv
        // shows them as failed, with request ids in the summary.
        CliRunner cli;
        CliResult r;
        QString out;
        for (int attempt = 0; attempt < 3; ++attempt) {   // a fault may hit the user list itself
            // The faults are seeded per URL: another seed gives the user list another chance.
            const DemoTenantSpec spec{quint64(31 + attempt), 30, 3000, 60, {}};
            out = tempDir() + u"/partial"_s + QString::number(attempt);
            r = cli.run(QStringList{u"export"_s} + demoArgs(spec)
                        + QStringList{u"--demo-faults"_s, u"--demo-fault-rate"_s, u"0.5"_s, u"--max-retries"_s, u"0"_s,
                                      u"--from"_s, u"2026-01-01"_s, u"--to"_s, u"2027-01-01"_s, u"--out"_s, out});
            if (r.exitCode != 1)
                break;
        }
        QVERIFY2(r.exitCode == 4, qPrintable(u"exit %1\n"_s.arg(r.exitCode) + r.out + r.err));
        QVERIFY(r.out.contains(u"Failed users"_s));
        QVERIFY(r.out.contains(u"client-request-id"_s));
        QVERIFY(r.out.contains(u"Result: partial"_s));
        const QByteArray users = ledger::test::readFile(out + u"/users.csv"_s);
        QVERIFY(users.contains(",failed,"));
        QString why;
        QVERIFY2(verifySums(out, &why), qPrintable(why));
    }

private:
    bool m_python = false;
};

QTEST_GUILESS_MAIN(CliExportTest)
#include "tst_cli_export.moc"
