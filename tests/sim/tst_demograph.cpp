// The demo tenant's Graph endpoints driven by a plain QNetworkAccessManager: /users paging and
// $select, /users/{id}, interactions paging with exact bytes, $top bounds, the $filter rules
// (both bounds, strict gt/lt, appClass), rejectFilter, 403/404 cases and role checks.
#include "SimTestClient.h"
#include "TestSupport.h"

#include "app/sim/DemoTenant.h"

#include <QJsonArray>
#include <QRegularExpression>

using namespace ledger;
using namespace ledger::test;

namespace {
using Query = QList<std::pair<QString, QString>>;

QString iso(qint64 ms) { return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs); }

} // namespace

class tst_DemoGraph : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<DemoServer> m_server;
    std::unique_ptr<SimClient> m_client;
    QByteArray m_token;

    const DemoTenant &tenant() const { return m_server->tenant(); }
    QString firstUnlicensed() const
    {
        for (const auto &u : tenant().users())
            if (!u.licensed)
                return u.json.value(QStringLiteral("id")).toString();
        return {};
    }
    // Follows nextLinks; returns all raw items, the number of pages, and the links seen.
    QList<QByteArray> drain(const QUrl &first, int *pages = nullptr, QStringList *links = nullptr)
    {
        QList<QByteArray> all;
        QUrl url = first;
        int n = 0;
        while (url.isValid() && n < 1000) {
            const SimReply r = m_client->get(url, m_token);
            if (r.status != 200) {
                qWarning() << "status" << r.status << r.body.left(300);
                return {};
            }
            all += rawValueItems(r.body);
            ++n;
            const QString next = r.json.value(QStringLiteral("@odata.nextLink")).toString();
            if (links && !next.isEmpty())
                links->append(next);
            url = next.isEmpty() ? QUrl() : QUrl(next);
        }
        if (pages)
            *pages = n;
        return all;
    }

private slots:
    void initTestCase()
    {
        isolateEnvironment();
        m_server = std::make_unique<DemoServer>();
        QVERIFY(m_server->listen());
        m_client = std::make_unique<SimClient>(*m_server);
        m_token = m_client->fullToken();
        QVERIFY(!m_token.isEmpty());
    }

    void usersPaging()
    {
        const QString select = QStringLiteral("id,displayName,userPrincipalName,mail,department,jobTitle,accountEnabled,userType");
        QUrl url = m_client->url(QStringLiteral("/v1.0/users"), {{QStringLiteral("$select"), select}, {QStringLiteral("$top"), QStringLiteral("40")}});
        QSet<QString> ids;
        int pages = 0;
        while (url.isValid()) {
            const SimReply r = m_client->get(url, m_token);
            QCOMPARE(r.status, 200);
            QVERIFY(r.json.value(QStringLiteral("@odata.context")).toString().startsWith(m_server->baseUrl().toString()));
            const QJsonArray value = r.json.value(QStringLiteral("value")).toArray();
            QVERIFY(value.size() <= 40);
            for (const auto &v : value) {
                const QJsonObject u = v.toObject();
                QCOMPARE(u.keys().size(), 8);
                QVERIFY(u.contains(QStringLiteral("accountEnabled")));
                QVERIFY(!u.contains(QStringLiteral("assignedPlans")));
                ids.insert(u.value(QStringLiteral("id")).toString());
            }
            ++pages;
            const QString next = r.json.value(QStringLiteral("@odata.nextLink")).toString();
            if (!next.isEmpty()) {
                QVERIFY2(next.startsWith(m_server->baseUrl().toString() + QStringLiteral("/v1.0/users?")), qPrintable(next));
                const QString token = QUrlQuery(QUrl(next)).queryItemValue(QStringLiteral("$skiptoken"));
                QVERIFY(!token.isEmpty());
                QVERIFY(!QRegularExpression(QStringLiteral("^\\d+$")).match(token).hasMatch());   // opaque
            }
            url = next.isEmpty() ? QUrl() : QUrl(next);
        }
        QCOMPARE(pages, 4);
        QCOMPARE(ids.size(), 150);
    }

    void usersTopBoundsAndTamperedToken()
    {
        auto users = [&](const QString &top) {
            return m_client->get(m_client->url(QStringLiteral("/v1.0/users"), {{QStringLiteral("$top"), top}}), m_token);
        };
        QCOMPARE(users(QStringLiteral("0")).status, 400);
        QCOMPARE(users(QStringLiteral("1000")).status, 400);
        QCOMPARE(users(QStringLiteral("abc")).status, 400);
        const SimReply ok = users(QStringLiteral("999"));
        QCOMPARE(ok.status, 200);
        QCOMPARE(ok.json.value(QStringLiteral("value")).toArray().size(), 150);
        QVERIFY(!ok.json.contains(QStringLiteral("@odata.nextLink")));
        // default page size 100
        const SimReply def = m_client->get(m_client->url(QStringLiteral("/v1.0/users")), m_token);
        QCOMPARE(def.json.value(QStringLiteral("value")).toArray().size(), 100);
        QString next = def.json.value(QStringLiteral("@odata.nextLink")).toString();
        QVERIFY(!next.isEmpty());
        QUrl link(next);
        QUrlQuery q(link);
        QString token = q.queryItemValue(QStringLiteral("$skiptoken"));
        token[token.size() - 2] = token.at(token.size() - 2) == u'A' ? u'B' : u'A';
        q.removeQueryItem(QStringLiteral("$skiptoken"));
        q.addQueryItem(QStringLiteral("$skiptoken"), token);
        link.setQuery(q);
        QCOMPARE(m_client->get(link, m_token).status, 400);
        QCOMPARE(m_client->get(m_client->url(QStringLiteral("/v1.0/users"), {{QStringLiteral("$skiptoken"), QStringLiteral("100")}}), m_token).status, 400);
        QCOMPARE(m_client->get(QUrl(next), m_token).status, 200);
        // unknown $select field
        QCOMPARE(m_client->get(m_client->url(QStringLiteral("/v1.0/users"), {{QStringLiteral("$select"), QStringLiteral("id,shoeSize")}}), m_token).status, 400);
    }

    void singleUser()
    {
        const auto &users = tenant().users();
        QVERIFY(users.at(0).licensed);
        QCOMPARE(users.at(0).json.value(QStringLiteral("userType")).toString(), QStringLiteral("Member"));
        QVERIFY(users.at(0).json.value(QStringLiteral("accountEnabled")).toBool());
        const QString unlicensed = firstUnlicensed();
        const SimReply r = m_client->get(m_client->url(QStringLiteral("/v1.0/users/") + unlicensed,
                                                       {{QStringLiteral("$select"), QStringLiteral("assignedPlans,userType")}}), m_token);
        QCOMPARE(r.status, 200);
        QVERIFY(r.json.contains(QStringLiteral("assignedPlans")));
        QVERIFY(r.json.contains(QStringLiteral("userType")));
        for (const auto &p : r.json.value(QStringLiteral("assignedPlans")).toArray()) {
            const QJsonObject plan = p.toObject();
            QVERIFY(!(plan.value(QStringLiteral("servicePlanId")).toString() == u"3f30311c-6b1e-48a4-ab79-725b469da960"
                      && plan.value(QStringLiteral("capabilityStatus")).toString() == u"Enabled"));
        }
        const QString upn = users.at(0).json.value(QStringLiteral("userPrincipalName")).toString();
        const SimReply byUpn = m_client->get(m_client->url(QStringLiteral("/v1.0/users/") + upn), m_token);
        QCOMPARE(byUpn.status, 200);
        QCOMPARE(byUpn.json.value(QStringLiteral("id")).toString(), users.at(0).json.value(QStringLiteral("id")).toString());
        const SimReply missing = m_client->get(m_client->url(QStringLiteral("/v1.0/users/00000000-0000-0000-0000-000000000000")), m_token);
        QCOMPARE(missing.status, 404);
        QCOMPARE(missing.graphError().value(QStringLiteral("code")).toString(), QStringLiteral("Request_ResourceNotFound"));
    }

    void interactionsPagingExactBytes()
    {
        const QString heavy = tenant().heavyUserId();
        QVERIFY(tenant().interactions(heavy).size() >= 3000);
        int pages = 0;
        QStringList links;
        const QList<QByteArray> items = drain(m_client->interactionsUrl(heavy, {{QStringLiteral("$top"), QStringLiteral("100")}}), &pages, &links);
        QCOMPARE(items, tenant().interactions(heavy));
        QVERIFY(pages >= 30);
        QCOMPARE(QSet<QString>(links.begin(), links.end()).size(), links.size());
        for (const QString &l : std::as_const(links))
            QVERIFY(l.startsWith(m_server->baseUrl().toString() + QStringLiteral("/v1.0/copilot/users/")));
        // default page size 10
        const SimReply def = m_client->get(m_client->interactionsUrl(heavy), m_token);
        QCOMPARE(def.json.value(QStringLiteral("value")).toArray().size(), 10);
        // a user without history: empty value, no link
        QString idle;
        for (const auto &u : tenant().users()) {
            const QString id = u.json.value(QStringLiteral("id")).toString();
            if (u.licensed && tenant().interactions(id).isEmpty())
                idle = id;
        }
        QVERIFY(!idle.isEmpty());
        const SimReply empty = m_client->get(m_client->interactionsUrl(idle), m_token);
        QCOMPARE(empty.status, 200);
        QCOMPARE(empty.json.value(QStringLiteral("value")).toArray().size(), 0);
        QVERIFY(!empty.json.contains(QStringLiteral("@odata.nextLink")));
    }

    void interactionsTopBounds()
    {
        const QString id = tenant().heavyUserId();
        auto get = [&](const QString &top) {
            return m_client->get(m_client->interactionsUrl(id, {{QStringLiteral("$top"), top}}), m_token);
        };
        QCOMPARE(get(QStringLiteral("0")).status, 400);
        QCOMPARE(get(QStringLiteral("101")).status, 400);
        QCOMPARE(get(QStringLiteral("x")).status, 400);
        QCOMPARE(get(QStringLiteral("1")).json.value(QStringLiteral("value")).toArray().size(), 1);
        QCOMPARE(get(QStringLiteral("100")).json.value(QStringLiteral("value")).toArray().size(), 100);
        QCOMPARE(get(QStringLiteral("101")).graphError().value(QStringLiteral("code")).toString(), QStringLiteral("BadRequest"));
    }

    void filterBoundsStrict()
    {
        const QString id = tenant().heavyUserId();
        const auto &meta = tenant().interactionMeta(id);
        const qint64 lo = meta.at(100).createdMs, hi = meta.at(400).createdMs;
        int expected = 0;
        for (const auto &m : meta)
            expected += (m.createdMs > lo && m.createdMs < hi) ? 1 : 0;
        const QString f = QStringLiteral("createdDateTime gt %1 and createdDateTime lt %2").arg(iso(lo), iso(hi));
        const QList<QByteArray> items = drain(m_client->interactionsUrl(id, {{QStringLiteral("$top"), QStringLiteral("100")}, {QStringLiteral("$filter"), f}}));
        QCOMPARE(items.size(), expected);
        QVERIFY(expected > 250);
        for (const QByteArray &raw : items) {
            const qint64 t = QDateTime::fromString(QJsonDocument::fromJson(raw).object().value(QStringLiteral("createdDateTime")).toString(), Qt::ISODateWithMs).toMSecsSinceEpoch();
            QVERIFY(t > lo && t < hi);   // strict: the boundary items themselves are excluded
        }
        // bounds in either order, date without milliseconds
        const QString swapped = QStringLiteral("createdDateTime lt %2 and createdDateTime gt %1")
                                    .arg(QDateTime::fromMSecsSinceEpoch(lo, Qt::UTC).toString(Qt::ISODate), iso(hi));
        QCOMPARE(m_client->get(m_client->interactionsUrl(id, {{QStringLiteral("$filter"), swapped}}), m_token).status, 200);
    }

    void filterErrors_data()
    {
        QTest::addColumn<QString>("filter");
        QTest::addColumn<int>("status");
        QTest::newRow("only gt") << QStringLiteral("createdDateTime gt 2026-10-01T00:00:00Z") << 500;
        QTest::newRow("only lt") << QStringLiteral("createdDateTime lt 2026-10-01T00:00:00Z") << 500;
        QTest::newRow("only lt + app") << QStringLiteral("createdDateTime lt 2026-10-01T00:00:00Z and appClass eq 'IPM.SkypeTeams.Message.Copilot.Word'") << 500;
        QTest::newRow("ge") << QStringLiteral("createdDateTime ge 2026-10-01T00:00:00Z and createdDateTime lt 2026-11-01T00:00:00Z") << 400;
        QTest::newRow("le") << QStringLiteral("createdDateTime gt 2026-10-01T00:00:00Z and createdDateTime le 2026-11-01T00:00:00Z") << 400;
        QTest::newRow("other property") << QStringLiteral("locale eq 'en-us'") << 400;
        QTest::newRow("garbage") << QStringLiteral("createdDateTime gt yesterday and createdDateTime lt today") << 400;
        QTest::newRow("or of dates") << QStringLiteral("createdDateTime gt 2026-10-01T00:00:00Z or createdDateTime lt 2026-11-01T00:00:00Z") << 400;
        QTest::newRow("unterminated") << QStringLiteral("appClass eq 'IPM") << 400;
        QTest::newRow("appClass ne") << QStringLiteral("appClass ne 'x'") << 400;
    }

    void filterErrors()
    {
        QFETCH(QString, filter);
        QFETCH(int, status);
        const SimReply r = m_client->get(m_client->interactionsUrl(tenant().heavyUserId(), {{QStringLiteral("$filter"), filter}}), m_token);
        QCOMPARE(r.status, status);
        QVERIFY(!r.graphError().value(QStringLiteral("code")).toString().isEmpty());
        QVERIFY(r.graphError().value(QStringLiteral("innerError")).toObject().contains(QStringLiteral("request-id")));
    }

    void appClassFilter()
    {
        const QString id = tenant().heavyUserId();
        const QString word = QStringLiteral("IPM.SkypeTeams.Message.Copilot.Word"), teams = QStringLiteral("IPM.SkypeTeams.Message.Copilot.Teams");
        int expectedWord = 0, expectedBoth = 0;
        for (const auto &m : tenant().interactionMeta(id)) {
            expectedWord += m.appClass == word;
            expectedBoth += m.appClass == word || m.appClass == teams;
        }
        const QList<QByteArray> onlyWord = drain(m_client->interactionsUrl(id, {{QStringLiteral("$top"), QStringLiteral("100")}, {QStringLiteral("$filter"), QStringLiteral("appClass eq '%1'").arg(word)}}));
        QCOMPARE(onlyWord.size(), expectedWord);
        for (const QByteArray &raw : onlyWord)
            QCOMPARE(QJsonDocument::fromJson(raw).object().value(QStringLiteral("appClass")).toString(), word);
        const QString both = QStringLiteral("createdDateTime gt 2000-01-01T00:00:00Z and createdDateTime lt 2100-01-01T00:00:00Z and (appClass eq '%1' or appClass eq '%2')").arg(word, teams);
        QCOMPARE(drain(m_client->interactionsUrl(id, {{QStringLiteral("$top"), QStringLiteral("100")}, {QStringLiteral("$filter"), both}})).size(), expectedBoth);
        QVERIFY(expectedBoth > expectedWord);
    }

    void incrementalAfterAddInteractions()
    {
        const QString id = tenant().users().at(0).json.value(QStringLiteral("id")).toString();
        const qint64 watermark = tenant().interactionMeta(id).constLast().createdMs;
        m_server->tenant().addInteractions(id, 12);
        const QString f = QStringLiteral("createdDateTime gt %1 and createdDateTime lt %2")
                              .arg(iso(watermark), QStringLiteral("2100-01-01T00:00:00Z"));
        const QList<QByteArray> fresh = drain(m_client->interactionsUrl(id, {{QStringLiteral("$top"), QStringLiteral("5")}, {QStringLiteral("$filter"), f}}));
        QCOMPARE(fresh.size(), 12);
        QCOMPARE(fresh, tenant().interactions(id).mid(tenant().interactions(id).size() - 12));
    }

    void rejectFilter()
    {
        DemoServerOptions o;
        o.rejectFilter = true;
        m_server->setOptions(o);
        const QString id = tenant().heavyUserId();
        const SimReply r = m_client->get(m_client->interactionsUrl(id, {{QStringLiteral("$filter"), QStringLiteral("appClass eq 'IPM.SkypeTeams.Message.Copilot.Word'")}}), m_token);
        const SimReply plain = m_client->get(m_client->interactionsUrl(id), m_token);
        m_server->setOptions({});
        QCOMPARE(r.status, 400);
        QCOMPARE(plain.status, 200);
    }

    void unlicensedAndUnknown()
    {
        const SimReply r = m_client->get(m_client->interactionsUrl(firstUnlicensed()), m_token);
        QCOMPARE(r.status, 403);
        QCOMPARE(r.graphError().value(QStringLiteral("code")).toString(), QStringLiteral("UnknownError"));
        QCOMPARE(r.graphError().value(QStringLiteral("message")).toString(), QString());
        QCOMPARE(m_client->get(m_client->interactionsUrl(QStringLiteral("00000000-0000-0000-0000-000000000000")), m_token).status, 404);
    }

    void roleChecks()
    {
        const QByteArray noInteraction = m_client->tokenFor(tenant().clientWithoutInteractionRole());
        const QByteArray noUsers = m_client->tokenFor(tenant().clientWithoutUserRole());
        const SimReply a = m_client->get(m_client->interactionsUrl(tenant().heavyUserId()), noInteraction);
        QCOMPARE(a.status, 403);
        QVERIFY(a.graphError().value(QStringLiteral("code")).toString() != u"UnknownError");
        QCOMPARE(m_client->get(m_client->url(QStringLiteral("/v1.0/users")), noInteraction).status, 200);
        const SimReply b = m_client->get(m_client->url(QStringLiteral("/v1.0/users")), noUsers);
        QCOMPARE(b.status, 403);
        QCOMPARE(b.graphError().value(QStringLiteral("code")).toString(), QStringLiteral("Authorization_RequestDenied"));
        QCOMPARE(m_client->get(m_client->interactionsUrl(tenant().heavyUserId()), noUsers).status, 200);
    }
};

QTEST_GUILESS_MAIN(tst_DemoGraph)
#include "tst_demograph.moc"
