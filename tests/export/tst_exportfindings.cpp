// findings.csv in the export folder: the exact header, one row per finding of the exported
// interactions with the match masked, kind/detector/location values, the same CSV rules as the
// other files, listed in SHA256SUMS and export.json; findings out of date are brought up to
// date before the export; the date filter applies.
#include "app/archive/Archive.h"
#include "app/export/Exporter.h"
#include "Fixtures.h"
#include "StrictCsv.h"
#include "TestSupport.h"

#include <QCryptographicHash>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace ledger;
using namespace Qt::StringLiterals;

namespace {

const test::FixtureClock at{2025, 4, QTime(8, 30)};

Interaction make(const QString &user, const QString &id, const QString &request, const QString &type,
                 const QDateTime &when, const QString &text, const QJsonArray &attachments = {})
{
    QJsonObject o = test::interactionJson(id, QString(u"s-"_s + user), request, u"IPM.SkypeTeams.Message.Copilot.Word"_s,
                                          type, when, u"text"_s, text);
    o.insert(u"attachments"_s, QJsonValue(attachments));
    return test::interactionOf(user, o);
}

} // namespace

class TestExportFindings : public QObject {
    Q_OBJECT
    Archive m_archive;

private slots:
    void initTestCase()
    {
        test::isolateEnvironment();
        QVERIFY(m_archive.open(test::tempDir() + u"/findings.sqlite"_s));
        const User alice = test::makeUser(u"alice-id"_s, u"Alice"_s, u"alice@contoso.example"_s);
        QVERIFY(m_archive.writer().upsertUsers({alice}));
        QVERIFY(m_archive.writer().setSyncState(test::syncState(alice.id, UserStatus::Ok)));
        detect::Watchlist w;
        QVERIFY(detect::Watchlist::parse(u"Projects"_s, u"Falcon\n"_s, &w, nullptr));
        QVERIFY(m_archive.findings().saveWatchlists({w}));
        const QJsonArray attachment{QJsonObject{{u"attachmentId"_s, u"x1"_s}, {u"name"_s, u"AKIAIOSFODNN7EXAMPLE.txt"_s},
                                                {u"contentType"_s, u"file"_s}}};
        QCOMPARE(m_archive.writer().insertInteractions({
                     make(u"alice-id"_s, u"p1"_s, u"r1"_s, u"userPrompt"_s, at(1), u"Falcon: charge 4111 1111 1111 1111"_s, attachment),
                     make(u"alice-id"_s, u"a1"_s, u"r1"_s, u"aiResponse"_s, at(1, 1), u"IBAN DE89370400440532013000 noted"_s),
                     make(u"alice-id"_s, u"p2"_s, u"r2"_s, u"userPrompt"_s, at(9), u"password: Hunter2!"_s),
                 }),
                 3);
    }

    void findingsCsv()
    {
        const QString dir = test::tempDir() + u"/out"_s;
        ExportRequest req;
        req.outDir = dir;
        req.filter.to = at(5);   // the second prompt is outside the range
        const ExportResult r = Exporter(m_archive).exportFolder(req);
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(r.findings, qint64(4));
        QVERIFY(r.files.contains(QDir(dir).filePath(u"findings.csv"_s)));

        const QByteArray bytes = test::readFile(dir + u"/findings.csv"_s);
        QVERIFY(bytes.startsWith("\xEF\xBB\xBF"));
        QVERIFY(bytes.startsWith("\xEF\xBB\xBFinteraction_id,user_id,user_principal_name,created_utc,app,kind,detector,location,match\r\n"));
        QList<QStringList> rows;
        QString error;
        QVERIFY2(test::parseStrictCsv(bytes, &rows, &error), qPrintable(error));
        QCOMPARE(rows.size(), 5);
        // Order: user, time, interaction, location (prompt, response, attachment), position.
        QCOMPARE(rows.at(1), (QStringList{u"p1"_s, u"alice-id"_s, u"alice@contoso.example"_s, u"2025-04-01T08:30:00.000Z"_s,
                                          u"Word"_s, u"watchlist"_s, u"Projects"_s, u"prompt"_s, u"**lcon"_s}));
        QCOMPARE(rows.at(2), (QStringList{u"p1"_s, u"alice-id"_s, u"alice@contoso.example"_s, u"2025-04-01T08:30:00.000Z"_s,
                                          u"Word"_s, u"sensitive"_s, u"credit_card"_s, u"prompt"_s, u"************1111"_s}));
        QCOMPARE(rows.at(3).at(6), u"aws_access_key"_s);
        QCOMPARE(rows.at(3).at(7), u"attachment"_s);
        QCOMPARE(rows.at(3).at(8), u"****************MPLE"_s);
        QCOMPARE(rows.at(4).at(0), u"a1"_s);
        QCOMPARE(rows.at(4).at(7), u"response"_s);
        QCOMPARE(rows.at(4).at(8), u"******************3000"_s);
        QVERIFY(!bytes.contains("4111111111111111"));
        QVERIFY(!bytes.contains("Hunter2"));

        // Listed in SHA256SUMS (with the right digest) and in export.json.
        const QByteArray sums = test::readFile(dir + u"/SHA256SUMS"_s);
        const QByteArray digest = QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex();
        QVERIFY2(sums.contains(QByteArray(digest + "  findings.csv\n")), sums.constData());
        const QJsonObject m = QJsonDocument::fromJson(test::readFile(dir + u"/export.json"_s)).object();
        QVERIFY(m.value(u"files"_s).toArray().contains(u"findings.csv"_s));
        QCOMPARE(m.value(u"row_counts"_s).toObject().value(u"findings.csv"_s).toInt(), 4);
        QCOMPARE(m.value(u"watchlists"_s).toArray(), QJsonArray{u"Projects"_s});
        QVERIFY(m.value(u"detectors"_s).toArray().contains(u"credit_card"_s));
    }

    void outOfDateFindingsAreUpdatedFirst()
    {
        detect::Watchlist w;
        QVERIFY(detect::Watchlist::parse(u"Banks"_s, u"IBAN\n"_s, &w, nullptr));
        m_archive.findings().setWatchlists({w});
        QVERIFY(m_archive.findings().rescanNeeded() & FindingsStore::RescanWatchlists);
        ExportRequest req;
        req.outDir = test::tempDir() + u"/out2"_s;
        const ExportResult r = Exporter(m_archive).exportFolder(req);
        QVERIFY2(r.ok, qPrintable(r.error));
        const QByteArray bytes = test::readFile(req.outDir + u"/findings.csv"_s);
        QVERIFY(bytes.contains(",watchlist,Banks,response,IBAN\r\n") || bytes.contains(",watchlist,Banks,response,****\r\n"));
        QVERIFY(!bytes.contains("Projects"));
        QCOMPARE(m_archive.findings().rescanNeeded(), int(FindingsStore::RescanNone));
    }

    void emptyArchiveHasHeaderOnly()
    {
        Archive empty;
        QVERIFY(empty.open(test::tempDir() + u"/empty.sqlite"_s));
        ExportRequest req;
        req.outDir = test::tempDir() + u"/out3"_s;
        const ExportResult r = Exporter(empty).exportFolder(req);
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(test::readFile(req.outDir + u"/findings.csv"_s),
                 QByteArray("\xEF\xBB\xBFinteraction_id,user_id,user_principal_name,created_utc,app,kind,detector,location,match\r\n"));
    }
};

QTEST_GUILESS_MAIN(TestExportFindings)
#include "tst_exportfindings.moc"
