// The export folder's reviews.csv, case exports (ArchiveFilter::reviewCase) and pseudonymised
// exports (export/Pseudonymizer.h), docs/EXPORT-FORMAT.md "reviews.csv", "Case exports",
// "Pseudonymised exports".
#include "app/archive/ActivityLog.h"
#include "app/export/Exporter.h"
#include "app/export/Pseudonymizer.h"
#include "app/review/ReviewStore.h"
#include "Fixtures.h"
#include "StrictCsv.h"
#include "TestSupport.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMessageAuthenticationCode>
#include <QRegularExpression>
#include <QTest>

using namespace ledger;
using namespace Qt::StringLiterals;

namespace {

const QString kAlice = u"0f8fad5b-d9cb-469f-a165-70867728950e"_s;
const QString kBob = u"7c9e6679-7425-40de-944b-e07fc1f90ae7"_s;
const QString kCarol = u"16fd2706-8baf-433b-82eb-8c7fada847da"_s;
const QString kTeamsChat = u"19:"_s + kAlice + u"_"_s + kBob + u"@unq.gbl.spaces"_s;

const test::FixtureClock at{2025, 3, QTime(8, 30)};

QByteArray rawItem(const QString &id, const QString &session, const QString &request, const QString &type,
                   const QDateTime &when, const QString &content)
{
    QJsonObject o = test::interactionJson(id, session, request, u"IPM.SkypeTeams.Message.Copilot.Teams"_s, type, when,
                                          u"text"_s, content);
    o.insert(u"conversationType"_s, u"appchat"_s);
    o.insert(u"locale"_s, u"en-us"_s);
    o.insert(u"from"_s, QJsonObject{{u"user"_s, QJsonObject{{u"id"_s, id.startsWith(u'p') ? kAlice : kBob}}}});
    return test::compactJson(o);
}

QList<QStringList> csv(const QString &path)
{
    QList<QStringList> rows;
    QString error;
    if (!test::parseStrictCsv(test::readFile(path), &rows, &error))
        qWarning("%s: %s", qPrintable(path), qPrintable(error));
    return rows;
}

QJsonObject manifestOf(const QString &dir)
{
    return QJsonDocument::fromJson(test::readFile(dir + u"/export.json"_s)).object();
}

QStringList column(const QList<QStringList> &rows, int c)
{
    QStringList out;
    for (qsizetype k = 1; k < rows.size(); ++k)
        out << rows.at(k).value(c);
    return out;
}

} // namespace

class TestCaseExport : public QObject {
    Q_OBJECT
    Archive m_archive;
    const QByteArray m_key = QByteArray(Pseudonymizer::kKeyBytes, 'k');

    ExportRequest request(const QString &dir) const
    {
        ExportRequest r;
        r.outDir = dir;
        r.tenant = u"contoso.example"_s;
        return r;
    }

    QString exportTo(const QString &name, ExportRequest r)
    {
        Exporter ex(m_archive);
        const ExportResult res = ex.exportFolder(r);
        if (!res.ok)
            qWarning("%s: %s", qPrintable(name), qPrintable(res.error));
        return res.ok ? r.outDir : QString();
    }

private slots:
    void initTestCase()
    {
        test::isolateEnvironment();
        QVERIFY(m_archive.open(test::tempDir() + u"/cases.sqlite"_s));
        User alice = test::makeUser(kAlice, u"Alice Adams"_s, u"alice@contoso.example"_s);
        alice.mail = u"alice.adams@contoso.example"_s;
        alice.department = u"Finance"_s;
        alice.userType = u"Member"_s;
        User bob = test::sameAs(alice, kBob, u"Bob Brown"_s, u"bob@contoso.example"_s);
        bob.mail = u"bob@contoso.example"_s;
        User carol = test::sameAs(alice, kCarol, u"Carol Clark"_s, u"carol@contoso.example"_s);
        carol.mail = QString();
        QVERIFY(m_archive.writer().upsertUsers({alice, bob, carol}));
        const QList<Interaction> items{
            Interaction::fromRaw(kAlice, rawItem(u"p1"_s, kTeamsChat, u"r1"_s, u"userPrompt"_s, at(1),
                                                 u"Mail bob@contoso.example and CAROL@contoso.example about Bob Brown's plan"_s)),
            Interaction::fromRaw(kAlice, rawItem(u"a1"_s, kTeamsChat, u"r1"_s, u"aiResponse"_s, at(1, 1),
                                                 u"See https://contoso-my.sharepoint.com/personal/alice_contoso_example/plan.docx"_s)),
            Interaction::fromRaw(kAlice, rawItem(u"p2"_s, kTeamsChat, u"r2"_s, u"userPrompt"_s, at(1, 10), u"second question"_s)),
            Interaction::fromRaw(kAlice, rawItem(u"a2"_s, kTeamsChat, u"r2"_s, u"aiResponse"_s, at(1, 11), u"second answer"_s)),
            Interaction::fromRaw(kBob, rawItem(u"o1"_s, u"s9"_s, u"r9"_s, u"aiResponse"_s, at(2), u"orphan answer"_s)),
            Interaction::fromRaw(kBob, rawItem(u"p9"_s, u"s9"_s, u"r10"_s, u"userPrompt"_s, at(2, 5),
                                               u"my card 4111 1111 1111 1111"_s)),
            Interaction::fromRaw(kBob, rawItem(u"p10"_s, u"s10"_s, u"r11"_s, u"userPrompt"_s, at(3), u"another day"_s)),
        };
        QCOMPARE(m_archive.writer().insertInteractions(items), int(items.size()));
        for (const QString &id : {kAlice, kBob})
            QVERIFY(m_archive.writer().setSyncState(test::syncState(id, UserStatus::Ok)));

        ReviewStore store(m_archive);
        const QList<TurnRow> turns = m_archive.reader().turns(ArchiveFilter{}, SortSpec{TurnRow::Time, Qt::AscendingOrder});
        QCOMPARE(turns.size(), 5);
        auto turn = [&](const QString &id) {
            for (const TurnRow &t : turns)
                if (t.promptId == id || (t.promptId.isEmpty() && t.responseId == id))
                    return ReviewStore::turnRef(t);
            return ReviewRef{};
        };
        QString error;
        QVERIFY2(store.setStatus(turn(u"p1"_s), ReviewStatus::Flagged, &error), qPrintable(error));
        QVERIFY(store.setNote(turn(u"p1"_s), u"=HYPERLINK(\"x\")\nsecond line, with comma"_s));
        QVERIFY(store.addToCase(turn(u"p1"_s), u"Case A"_s));
        QVERIFY(store.addToCase(turn(u"p1"_s), u"Beta case"_s));
        QVERIFY(turn(u"o1"_s).isValid());
        QCOMPARE(turn(u"o1"_s).itemId, u"o1"_s);   // a turn without a prompt: its response's id
        QVERIFY(store.setStatus(turn(u"o1"_s), ReviewStatus::Escalated));
        QVERIFY(store.addToCase(turn(u"o1"_s), u"Case A"_s));
        QVERIFY(store.setNote(turn(u"p9"_s), u"check this"_s));
        // A record reset to unreviewed without note or case is no reviewed turn.
        QVERIFY(store.setStatus(turn(u"p2"_s), ReviewStatus::Flagged));
        QVERIFY(store.setStatus(turn(u"p2"_s), ReviewStatus::Unreviewed));
        // A session in a case brings its turns.
        const QList<SessionRow> sessions = m_archive.reader().sessions(ArchiveFilter{});
        for (const SessionRow &s : sessions)
            if (s.sessionId == u"s10")
                QVERIFY(store.addToCase(ReviewStore::sessionRef(s), u"Session case"_s));
        QVERIFY(store.createCase(u"Empty case"_s));
    }

    void reviewsCsvContract()
    {
        const QString dir = exportTo(u"full"_s, request(test::tempDir() + u"/full"_s));
        QVERIFY(!dir.isEmpty());
        QStringList names = QDir(dir).entryList(QDir::Files);
        names.sort();
        QStringList expected = Exporter::fileNames();
        expected.sort();
        QCOMPARE(names, expected);
        QVERIFY(names.contains(u"reviews.csv"_s));

        const QByteArray bytes = test::readFile(dir + u"/reviews.csv"_s);
        QVERIFY(bytes.startsWith("\xEF\xBB\xBF"
                                 "interaction_id,session_id,user_principal_name,status,cases,note,reviewed_by,reviewed_utc\r\n"));
        QVERIFY(bytes.endsWith("\r\n"));
        const QList<QStringList> rows = csv(dir + u"/reviews.csv"_s);
        QCOMPARE(rows.size(), 4);   // header, p1, o1, p9 (p2 was reset to unreviewed)
        QCOMPARE(rows.at(0).join(u','), u"interaction_id,session_id,user_principal_name,status,cases,note,reviewed_by,reviewed_utc"_s);
        QCOMPARE(column(rows, 0), (QStringList{u"p1"_s, u"o1"_s, u"p9"_s}));
        const QStringList &p1 = rows.at(1);
        QCOMPARE(p1.at(1), kTeamsChat);
        QCOMPARE(p1.at(2), u"alice@contoso.example"_s);
        QCOMPARE(p1.at(3), u"flagged"_s);
        QCOMPARE(p1.at(4), u"Beta case\nCase A"_s);   // one case per line
        QCOMPARE(p1.at(5), u"'=HYPERLINK(\"x\")\nsecond line, with comma"_s);   // formula guard, quoting
        QCOMPARE(p1.at(6), ActivityLog::currentOperator());
        static const QRegularExpression utc(u"^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z$"_s);
        QVERIFY2(utc.match(p1.at(7)).hasMatch(), qPrintable(p1.at(7)));
        const QStringList &o1 = rows.at(2);
        QCOMPARE(o1.at(0), u"o1"_s);   // no prompt: the response's id
        QCOMPARE(o1.at(2), u"bob@contoso.example"_s);
        QCOMPARE(o1.at(3), u"escalated"_s);
        QCOMPARE(o1.at(4), u"Case A"_s);
        QCOMPARE(rows.at(3).at(3), u"unreviewed"_s);   // a note only
        QCOMPARE(rows.at(3).at(5), u"check this"_s);

        // Listed in SHA256SUMS (with its digest) and export.json.
        const QByteArray sums = test::readFile(dir + u"/SHA256SUMS"_s);
        QVERIFY(sums.contains(QByteArray(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex() + "  reviews.csv\n")));
        QCOMPARE(sums.trimmed().split('\n').size(), 7);
        const QJsonObject m = manifestOf(dir);
        QVERIFY(m.value(u"files"_s).toArray().contains(u"reviews.csv"_s));
        QCOMPARE(m.value(u"files"_s).toArray().size(), 7);
        QCOMPARE(m.value(u"row_counts"_s).toObject().value(u"reviews.csv"_s).toInt(), 3);
        QVERIFY(m.value(u"case"_s).isNull());
        QCOMPARE(m.value(u"pseudonymized"_s).toBool(true), false);
    }

    void reviewsInScopeOnly()
    {
        ExportRequest r = request(test::tempDir() + u"/bob"_s);
        r.filter.userIds = {kBob};
        const QString dir = exportTo(u"bob"_s, r);
        QVERIFY(!dir.isEmpty());
        QCOMPARE(column(csv(dir + u"/reviews.csv"_s), 0), (QStringList{u"o1"_s, u"p9"_s}));
    }

    void caseExportHasExactlyTheCaseTurns()
    {
        ExportRequest r = request(test::tempDir() + u"/case-a"_s);
        r.filter.reviewCase = u"Case A"_s;
        const QString dir = exportTo(u"case"_s, r);
        QVERIFY(!dir.isEmpty());
        const QList<QStringList> prompts = csv(dir + u"/prompts.csv"_s);
        QCOMPARE(column(prompts, 8), (QStringList{u"p1"_s, u""_s}));   // prompt ids
        QCOMPARE(column(prompts, 11), (QStringList{u"a1"_s, u"o1"_s}));   // response ids
        QCOMPARE(column(csv(dir + u"/sessions.csv"_s), 3), (QStringList{kTeamsChat, u"s9"_s}));
        QCOMPARE(column(csv(dir + u"/users.csv"_s), 0), (QStringList{kAlice, kBob}));
        QStringList ids;
        const QList<QByteArray> lines = test::readFile(dir + u"/interactions.jsonl"_s).trimmed().split('\n');
        for (const QByteArray &line : lines)
            ids << QJsonDocument::fromJson(line).object().value(u"interaction"_s).toObject().value(u"id"_s).toString();
        QCOMPARE(ids, (QStringList{u"p1"_s, u"a1"_s, u"o1"_s}));   // not p2/a2 of the same session
        QCOMPARE(csv(dir + u"/findings.csv"_s).size(), 1);   // the card number is in p9, not in the case
        QCOMPARE(column(csv(dir + u"/reviews.csv"_s), 0), (QStringList{u"p1"_s, u"o1"_s}));
        const QJsonObject m = manifestOf(dir);
        QCOMPARE(m.value(u"case"_s).toString(), u"Case A"_s);
        QCOMPARE(m.value(u"scope"_s).toString(), u"as_filtered"_s);
        QCOMPARE(m.value(u"row_counts"_s).toObject().value(u"prompts.csv"_s).toInt(), 2);
        QCOMPARE(m.value(u"row_counts"_s).toObject().value(u"interactions.jsonl"_s).toInt(), 3);
    }

    void caseWithASession()
    {
        ExportRequest r = request(test::tempDir() + u"/case-s"_s);
        r.filter.reviewCase = u"Session case"_s;
        const QString dir = exportTo(u"session case"_s, r);
        QVERIFY(!dir.isEmpty());
        QCOMPARE(column(csv(dir + u"/prompts.csv"_s), 8), QStringList{u"p10"_s});
        QCOMPARE(column(csv(dir + u"/sessions.csv"_s), 3), QStringList{u"s10"_s});
        QCOMPARE(column(csv(dir + u"/users.csv"_s), 0), QStringList{kBob});
        QCOMPARE(csv(dir + u"/reviews.csv"_s).size(), 1);   // only the session is in the case: no reviewed turn
        // A case without turns: every file with its header only.
        r = request(test::tempDir() + u"/case-empty"_s);
        r.filter.reviewCase = u"Empty case"_s;
        const QString empty = exportTo(u"empty case"_s, r);
        QVERIFY(!empty.isEmpty());
        QCOMPARE(csv(empty + u"/prompts.csv"_s).size(), 1);
        QCOMPARE(test::readFile(empty + u"/interactions.jsonl"_s), QByteArray());
    }

    void unknownCaseIsRefused()
    {
        const QString dir = test::tempDir() + u"/nocase"_s;
        ExportRequest r = request(dir);
        r.filter.reviewCase = u"No such case"_s;
        const ExportResult res = Exporter(m_archive).exportFolder(r);
        QVERIFY(!res.ok);
        QVERIFY2(res.error.contains(u"No such case"_s), qPrintable(res.error));
        QVERIFY(!QDir(dir).exists());
    }

    void pseudonymizerBasics()
    {
        User u;
        u.id = kAlice;
        u.userPrincipalName = u"alice@contoso.example"_s;
        u.displayName = u"Alice Adams"_s;
        const Pseudonymizer p(m_key, {u});
        const QString alice = Pseudonymizer::pseudonymFor(m_key, kAlice);
        QCOMPARE(alice, u"user-"_s + QString::fromLatin1(QMessageAuthenticationCode::hash(kAlice.toUtf8(), m_key,
                                                                                          QCryptographicHash::Sha256).toHex().left(12)));
        QCOMPARE(p.userPseudonym(kAlice), alice);
        QCOMPARE(p.nameCell(kAlice, u"Alice Adams"_s), alice);
        QCOMPARE(p.nameCell(kAlice, QString()), QString());
        QCOMPARE(p.scrub(u"to ALICE@Contoso.Example."_s), u"to "_s + alice + u"."_s);
        QCOMPARE(p.scrub(u"xalice@contoso.example alice@contoso.examples"_s), u"xalice@contoso.example alice@contoso.examples"_s);
        QCOMPARE(p.scrub(u"/personal/alice_contoso_example/x"_s), u"/personal/"_s + alice + u"/x"_s);
        QCOMPARE(p.scrub(u"id "_s + QString(kAlice).remove(u'-').toUpper()), u"id "_s + alice);
        QCOMPARE(p.scrub(u"Alice Adams wrote"_s), u"Alice Adams wrote"_s);   // names as words are not found
        QVERIFY(p.reviewerPseudonym(u"officer"_s).startsWith(u"reviewer-"_s));
        QCOMPARE(p.usedEntries().size(), 2);   // alice and the reviewer
        const Pseudonymizer off;
        QCOMPARE(off.userPseudonym(kAlice), kAlice);
        QCOMPARE(off.scrub(u"alice@contoso.example"_s), u"alice@contoso.example"_s);
    }

    void pseudonymisedExportNamesNobody()
    {
        ExportRequest r = request(test::tempDir() + u"/pseudo"_s);
        r.pseudonymKey = m_key;
        r.userScope = {u"Alice@contoso.example"_s};
        const QString dir = exportTo(u"pseudo"_s, r);
        QVERIFY(!dir.isEmpty());

        // No interactions.jsonl; export.json lists the files actually written.
        QStringList names = QDir(dir).entryList(QDir::Files);
        QVERIFY(!names.contains(u"interactions.jsonl"_s));
        QStringList expected = Exporter::fileNames(true);
        names.sort();
        expected.sort();
        QCOMPARE(names, expected);
        const QJsonObject m = manifestOf(dir);
        QCOMPARE(m.value(u"pseudonymized"_s).toBool(), true);
        QStringList listed;
        for (const QJsonValue &v : m.value(u"files"_s).toArray())
            listed << v.toString();
        QCOMPARE(listed, Exporter::fileNames(true).mid(0, 6));
        QVERIFY(!m.value(u"row_counts"_s).toObject().contains(u"interactions.jsonl"_s));
        QCOMPARE(m.value(u"user_scope"_s).toArray().first().toString(), Pseudonymizer::pseudonymFor(m_key, kAlice));
        QVERIFY(!test::readFile(dir + u"/SHA256SUMS"_s).contains("interactions.jsonl"));

        // No user id (with or without dashes), UPN or mail of the tenant in any byte of any file.
        QList<QByteArray> identities;
        for (const QString &id : {kAlice, kBob, kCarol}) {
            identities << id.toUtf8() << QString(id).remove(u'-').toUtf8();
        }
        identities << "alice@contoso.example" << "alice.adams@contoso.example" << "bob@contoso.example"
                   << "carol@contoso.example" << "alice_contoso_example";
        for (const QString &name : QDir(dir).entryList(QDir::Files)) {
            const QByteArray bytes = test::readFile(dir + u'/' + name).toLower();
            for (const QByteArray &identity : std::as_const(identities))
                QVERIFY2(!bytes.contains(identity.toLower()), qPrintable(name + u": "_s + QString::fromUtf8(identity)));
            for (const char *display : {"Alice", "Bob", "Carol"})
                QVERIFY2(!name.contains(QLatin1StringView(display), Qt::CaseInsensitive), qPrintable(name));
        }

        // Name columns hold pseudonyms; no display name in a name column or a header.
        static const QRegularExpression pseudonym(u"^user-[0-9a-f]{12}$"_s);
        const QStringList displayNames{u"Alice Adams"_s, u"Bob Brown"_s, u"Carol Clark"_s};
        const QList<QPair<QString, QList<int>>> nameColumns{
            {u"prompts.csv"_s, {0, 1, 2}}, {u"sessions.csv"_s, {0, 1, 2}}, {u"users.csv"_s, {0, 1, 2, 3}},
            {u"findings.csv"_s, {1, 2}}, {u"reviews.csv"_s, {2}}};
        for (const auto &[file, cols] : nameColumns) {
            const QList<QStringList> rows = csv(dir + u'/' + file);
            QVERIFY2(rows.size() > 1, qPrintable(file));
            for (const QString &header : rows.first())
                for (const QString &display : displayNames)
                    QVERIFY(!header.contains(display));
            for (int c : cols) {
                for (const QString &cell : column(rows, c)) {
                    if (file == u"users.csv" && c == 3 && cell.isEmpty())
                        continue;   // carol has no mail
                    QVERIFY2(pseudonym.match(cell).hasMatch(), qPrintable(file + u": "_s + cell));
                }
            }
        }
        const QList<QStringList> prompts = csv(dir + u"/prompts.csv"_s);
        const QString alice = Pseudonymizer::pseudonymFor(m_key, kAlice), bob = Pseudonymizer::pseudonymFor(m_key, kBob);
        QCOMPARE(prompts.at(1).at(0), alice);
        QCOMPARE(prompts.at(1).at(3), u"19:"_s + alice + u"_"_s + bob + u"@unq.gbl.spaces"_s);   // the chat id names both
        QCOMPARE(prompts.at(1).at(10), u"Mail "_s + bob + u" and "_s + Pseudonymizer::pseudonymFor(m_key, kCarol)
                                           + u" about Bob Brown's plan"_s);   // a name typed as words stays
        const QList<QStringList> reviews = csv(dir + u"/reviews.csv"_s);
        static const QRegularExpression reviewer(u"^reviewer-[0-9a-f]{12}$"_s);
        QVERIFY(reviewer.match(reviews.at(1).at(6)).hasMatch());
        QVERIFY(!test::readFile(dir + u"/reviews.csv"_s).contains(QByteArray(ActivityLog::currentOperator().toUtf8() + ",")));
    }

    void pseudonymsStableAndPerProfile()
    {
        ExportRequest r = request(test::tempDir() + u"/stable1"_s);
        r.pseudonymKey = m_key;
        const QString one = exportTo(u"1"_s, r);
        r.outDir = test::tempDir() + u"/stable2"_s;
        const QString two = exportTo(u"2"_s, r);
        r.outDir = test::tempDir() + u"/other"_s;
        r.pseudonymKey = QByteArray(Pseudonymizer::kKeyBytes, 'o');   // another profile's key
        const QString other = exportTo(u"other"_s, r);
        QVERIFY(!one.isEmpty() && !two.isEmpty() && !other.isEmpty());
        for (const QString &file : {u"prompts.csv"_s, u"sessions.csv"_s, u"users.csv"_s, u"findings.csv"_s})
            QCOMPARE(test::readFile(two + u'/' + file), test::readFile(one + u'/' + file));
        const QStringList a = column(csv(one + u"/users.csv"_s), 0), b = column(csv(other + u"/users.csv"_s), 0);
        QCOMPARE(a.size(), b.size());
        for (qsizetype k = 0; k < a.size(); ++k)
            QVERIFY(a.at(k) != b.at(k));
    }

    void pseudonymMapOutsideTheFolderOnly()
    {
        const QString dir = test::tempDir() + u"/mapped"_s;
        for (const QString &inside : QStringList{dir + u"/map.csv"_s, dir, dir + u"/sub/map.csv"_s, dir + u"/../mapped/map.csv"_s}) {
            ExportRequest r = request(dir);
            r.pseudonymKey = m_key;
            r.pseudonymMapPath = inside;
            const ExportResult res = Exporter(m_archive).exportFolder(r);
            QVERIFY2(!res.ok, qPrintable(inside));
            QVERIFY2(res.error.contains(u"inside the export folder"_s), qPrintable(res.error));
            QVERIFY(!QDir(dir).exists());
        }
        ExportRequest r = request(dir);
        const QString map = test::tempDir() + u"/pseudonyms.csv"_s;
        r.pseudonymMapPath = map;
        QVERIFY(!Exporter(m_archive).exportFolder(r).ok);   // a map without pseudonymisation
        r.pseudonymKey = m_key;
        const ExportResult res = Exporter(m_archive).exportFolder(r);
        QVERIFY2(res.ok, qPrintable(res.error));
        QCOMPARE(res.pseudonymMap, QFileInfo(map).absoluteFilePath());
#ifdef Q_OS_UNIX
        QCOMPARE(QFile::permissions(map), QFile::ReadOwner | QFile::WriteOwner | QFile::ReadUser | QFile::WriteUser);
#endif
        const QList<QStringList> rows = csv(map);
        QCOMPARE(rows.at(0).join(u','), u"pseudonym,user_id,user_principal_name,user_display_name"_s);
        bool foundAlice = false;
        for (const QStringList &row : rows) {
            if (row.at(1) == kAlice) {
                foundAlice = true;
                QCOMPARE(row.at(0), Pseudonymizer::pseudonymFor(m_key, kAlice));
                QCOMPARE(row.at(2), u"alice@contoso.example"_s);
                QCOMPARE(row.at(3), u"Alice Adams"_s);
            }
        }
        QVERIFY(foundAlice);
    }

    void pseudonymisedReplaceRemovesOldJsonl()
    {
        const QString dir = test::tempDir() + u"/replace"_s;
        QVERIFY(!exportTo(u"plain"_s, request(dir)).isEmpty());
        QVERIFY(QFileInfo::exists(dir + u"/interactions.jsonl"_s));
        ExportRequest r = request(dir);
        r.force = true;
        r.pseudonymKey = m_key;
        QVERIFY(!exportTo(u"replace"_s, r).isEmpty());
        QVERIFY(!QFileInfo::exists(dir + u"/interactions.jsonl"_s));
    }
};

QTEST_GUILESS_MAIN(TestCaseExport)
#include "tst_caseexport.moc"
