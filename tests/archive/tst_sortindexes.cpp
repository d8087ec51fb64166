// The sort indexes and the reads that use them (docs/ARCHITECTURE.md "Archive schema"): the
// views' row keys must come in exactly the order of the plain ORDER BY they replace (text under
// NOCASE, then the row id; user name under NOCASE, then the row id), for every filter, and the
// first keys of a view (firstRowKeys) must be the first keys of the whole order.
#include "TestSupport.h"

#include "app/archive/Archive.h"
#include "app/model/Interaction.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QtTest>

using namespace ledger;
using namespace Qt::StringLiterals;

namespace {

const QString kWord = u"IPM.SkypeTeams.Message.Copilot.Word"_s;
const QString kTeams = u"IPM.SkypeTeams.Message.Copilot.Teams"_s;

QString uid(int i) { return u"00000000-0000-4000-8000-%1"_s.arg(i, 12, 10, QLatin1Char('0')); }

QByteArray item(const QString &id, const QString &user, const QString &session, const QString &request,
                const QString &app, bool prompt, const QDateTime &t, const QString &text)
{
    QJsonObject from;
    if (prompt)
        from.insert(u"user"_s, QJsonObject{{u"id"_s, user}, {u"displayName"_s, user}});
    else
        from.insert(u"application"_s, QJsonObject{{u"id"_s, u"copilot"_s}, {u"displayName"_s, u"Copilot"_s}});
    const QJsonObject o{{u"id"_s, id}, {u"sessionId"_s, session}, {u"requestId"_s, request}, {u"appClass"_s, app},
                        {u"interactionType"_s, prompt ? u"userPrompt"_s : u"aiResponse"_s},
                        {u"conversationType"_s, u"appchat"_s}, {u"createdDateTime"_s, t.toString(Qt::ISODateWithMs)},
                        {u"etag"_s, u"1"_s}, {u"locale"_s, u"en-us"_s}, {u"from"_s, from},
                        {u"body"_s, QJsonObject{{u"contentType"_s, u"text"_s}, {u"content"_s, text}}},
                        {u"attachments"_s, QJsonArray{}}, {u"links"_s, QJsonArray{}}, {u"mentions"_s, QJsonArray{}},
                        {u"contexts"_s, QJsonArray{}}};
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

// Texts that tell a prefix sort from a full sort: equal first 40 characters that differ later
// (in case only, too), exactly 40 characters, ASCII case variants, non-ASCII, empty, ties.
const QStringList kTexts = {
    u"Summarise the quarterly budget for the project Alpha please"_s,
    u"Summarise the quarterly budget for the project alpha please"_s,
    u"summarise the quarterly budget for the project Beta"_s,
    u"SUMMARISE THE QUARTERLY BUDGET FOR THE PR"_s,   // 40 characters
    u"Summarise the quarterly budget for the pr"_s,   // 41
    u"Summarise the quarterly budget for the p"_s,    // 40
    u"Ärger mit dem Budget"_s,
    u"ärger mit dem Budget"_s,
    u"Zebra"_s,
    u"zebra"_s,
    u"zebra"_s,
    u""_s,
    u"Draft a reply"_s,
    u"draft a reply about the offsite, with the agenda attached and the room"_s,
    u"Draft a reply about the offsite, with the agenda attached and the ROOM"_s,
    u"日本語のテキストの要約をお願いします。日本語のテキストの要約をお願いします。日本語のテキストの要約"_s,
    u"日本語のテキストの要約をお願いします。日本語のテキストの要約をお願いします。日本語のテキストの要約を"_s,
};

} // namespace

class tst_SortIndexes : public QObject {
    Q_OBJECT

    Archive m_archive;
    QString m_path;

    // The reference: the plain ORDER BY the views used before the sort indexes.
    QList<qint64> reference(const QString &sql)
    {
        QList<qint64> out;
        QSqlDatabase db = QSqlDatabase::database(u"reference"_s);
        QSqlQuery q(db);
        if (!q.exec(sql)) {
            qWarning() << q.lastError().text() << sql;
            return out;
        }
        while (q.next())
            out << q.value(0).toLongLong();
        return out;
    }

private slots:
    void initTestCase()
    {
        test::isolateEnvironment();
        m_path = QDir(test::tempDir()).filePath(u"sort.sqlite"_s);
        QString error;
        QVERIFY2(m_archive.open(m_path, &error), qPrintable(error));
        // Users whose names are equal under NOCASE, a non-ASCII name, an empty one, and a user
        // with history but no directory entry (sorted by the id).
        const QStringList names = {u"Ann Lee"_s, u"ann lee"_s, u"Émile Zola"_s, u"Bob"_s, u""_s, u"ANN LEE"_s};
        QList<User> users;
        for (int i = 0; i < names.size(); ++i) {
            User u;
            u.id = uid(i);
            u.displayName = names.at(i);
            u.userPrincipalName = u"user%1@contoso.test"_s.arg(i);
            users << u;
        }
        QVERIFY(m_archive.writer().upsertUsers(users));
        QList<Interaction> all;
        const QDateTime base(QDate(2026, 10, 1), QTime(9, 0), Qt::UTC);
        quint32 rng = 12345;
        auto next = [&rng](int n) {
            rng = rng * 1103515245u + 12345u;
            return int((rng >> 8) % quint32(n));
        };
        int n = 0;
        for (int u = 0; u <= names.size(); ++u) {   // index names.size(): no users row
            for (int s = 0; s < 6; ++s) {
                const QString session = u"s-%1-%2"_s.arg(u).arg(s);
                for (int t = 0; t < 4; ++t) {
                    ++n;
                    const QDateTime when = base.addSecs(qint64(next(90 * 24 * 3600)));
                    const QString app = next(2) ? kWord : kTeams;
                    const QString req = u"req-%1"_s.arg(n);
                    all << Interaction::fromRaw(uid(u), item(u"p-%1"_s.arg(n), uid(u), session, req, app, true, when,
                                                            kTexts.at(next(int(kTexts.size())))));
                    all << Interaction::fromRaw(uid(u), item(u"r-%1"_s.arg(n), uid(u), session, req, app, false,
                                                            when.addSecs(3), kTexts.at(next(int(kTexts.size())))));
                }
            }
        }
        QVERIFY(m_archive.writer().insertInteractions(all) > 0);
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"reference"_s);
        db.setDatabaseName(m_path);
        QVERIFY(db.open());
    }

    void cleanupTestCase()
    {
        QSqlDatabase::database(u"reference"_s).close();
        QSqlDatabase::removeDatabase(u"reference"_s);
    }

    void indexesExistAfterOpen()
    {
        QSqlQuery q(QSqlDatabase::database(u"reference"_s));
        QVERIFY(q.exec(u"SELECT name FROM sqlite_master WHERE type = 'index'"_s));
        QStringList names;
        while (q.next())
            names << q.value(0).toString();
        for (const QString &ix : {u"ix_turns_prompt_sort"_s, u"ix_turns_response_sort"_s, u"ix_sessions_first_prompt_sort"_s})
            QVERIFY2(names.contains(ix), qPrintable(names.join(u", ")));
        // Opening again is idempotent.
        Archive again;
        QVERIFY(again.open(m_path));
        QCOMPARE(again.reader().countTurns({}), m_archive.reader().countTurns({}));
    }

    void orderIsThatOfThePlainSort_data()
    {
        QTest::addColumn<int>("view");      // 0 turns, 1 sessions
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("sortSql");   // the plain ORDER BY (without direction)
        QTest::addColumn<QString>("joinUsers");
        const QString join = u" LEFT JOIN users u ON u.id = %1.user_id"_s;
        QTest::newRow("turns by prompt") << 0 << int(TurnRow::Prompt) << u"t.prompt_text COLLATE NOCASE"_s << QString();
        QTest::newRow("turns by response") << 0 << int(TurnRow::Response) << u"t.response_text COLLATE NOCASE"_s << QString();
        QTest::newRow("turns by user") << 0 << int(TurnRow::User) << u"COALESCE(u.display_name, t.user_id) COLLATE NOCASE"_s
                                       << join.arg(u"t"_s);
        QTest::newRow("sessions by first prompt") << 1 << int(SessionRow::FirstPrompt)
                                                  << u"s.first_prompt COLLATE NOCASE"_s << QString();
        QTest::newRow("sessions by user") << 1 << int(SessionRow::User)
                                          << u"COALESCE(u.display_name, s.user_id) COLLATE NOCASE"_s << join.arg(u"s"_s);
    }

    void orderIsThatOfThePlainSort()
    {
        QFETCH(int, view);
        QFETCH(int, column);
        QFETCH(QString, sortSql);
        QFETCH(QString, joinUsers);
        const bool turns = view == 0;
        const QString table = turns ? u"turns t"_s : u"sessions s"_s;
        const QString id = turns ? u"t.tid"_s : u"s.sid"_s;
        const QString a = turns ? u"t"_s : u"s"_s;
        const QDateTime from(QDate(2026, 10, 20), QTime(0, 0), Qt::UTC), to(QDate(2026, 11, 25), QTime(0, 0), Qt::UTC);
        struct Case {
            const char *name;
            ArchiveFilter filter;
            QString where;   // the same filter in SQL
        };
        ArchiveFilter word;
        word.appClasses = {kWord};
        ArchiveFilter users;
        users.userIds = {uid(1), uid(5), uid(6)};
        ArchiveFilter text;
        text.text = u"summarise"_s;
        ArchiveFilter range;
        range.from = from;
        range.to = to;
        const QList<Case> cases = {
            {"no filter", {}, QString()},
            {"app", word, u" WHERE %1.app_class = '%2'"_s.arg(a, kWord)},
            {"users", users, u" WHERE %1.user_id IN ('%2','%3','%4')"_s.arg(a, uid(1), uid(5), uid(6))},
            {"text", text, QString()},   // compared with the archive's own full-text result set below
            {"range", range, QString()},
        };
        for (const Case &c : cases) {
            for (const Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
                const QString dir = order == Qt::AscendingOrder ? u" ASC"_s : u" DESC"_s;
                const SortSpec sort{column, order};
                const ArchiveView v = turns ? ArchiveView::Turns : ArchiveView::Sessions;
                const QList<qint64> keys = m_archive.reader().rowKeys(v, c.filter, sort);
                QString where = c.where;
                if (c.filter.text.size() || c.filter.from.isValid()) {
                    // The matching rows are the archive's (the filter semantics are not under
                    // test here): the same set, in the plain sort's order.
                    QStringList ids;
                    for (qint64 k : keys)
                        ids << QString::number(k);
                    where = u" WHERE %1 IN (%2)"_s.arg(id, ids.isEmpty() ? u"-1"_s : ids.join(u','));
                    QVERIFY2(!keys.isEmpty(), c.name);
                }
                const QList<qint64> expected = reference(u"SELECT "_s + id + u" FROM "_s + table + joinUsers + where
                                                         + u" ORDER BY "_s + sortSql + dir + u", "_s + id + dir);
                QVERIFY2(!expected.isEmpty(), c.name);
                QCOMPARE(keys, expected);
                for (int limit : {0, 1, 3, 7, 25, 1000}) {
                    const QList<qint64> first = m_archive.reader().firstRowKeys(v, c.filter, sort, limit);
                    QCOMPARE(first, expected.mid(0, limit));
                }
            }
        }
    }

    void rowsOfTheFirstKeysAreTheSortedRows()
    {
        // Through the public row reads too (the page the old design read).
        const SortSpec sort{int(TurnRow::Prompt), Qt::AscendingOrder};
        const QList<TurnRow> page = m_archive.reader().turns({}, sort, 0, 10);
        const QList<TurnRow> byKeys = m_archive.reader().turnsByKeys(m_archive.reader().firstRowKeys(ArchiveView::Turns, {}, sort, 10));
        QCOMPARE(byKeys.size(), page.size());
        for (int i = 0; i < page.size(); ++i)
            QCOMPARE(byKeys.at(i).promptId, page.at(i).promptId);
    }
};

QTEST_GUILESS_MAIN(tst_SortIndexes)
#include "tst_sortindexes.moc"
