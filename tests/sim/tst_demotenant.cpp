// The synthetic tenant: deterministic from the seed, and covering every feature other tests and
// the GUI safety checks rely on (counted, not just present).
#include "TestSupport.h"

#include "app/model/Interaction.h"
#include "app/sim/DemoTenant.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <cmath>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QtTest>

using namespace ledger;
using namespace Qt::StringLiterals;

class tst_DemoTenant : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<DemoTenant> m_tenant;

    static QString id(const DemoTenant::DemoUser &u) { return u.json.value(QStringLiteral("id")).toString(); }
    static bool hasPlan(const DemoTenant::DemoUser &u, const char *planId, bool enabledOnly)
    {
        for (const auto &p : u.assignedPlans) {
            const QJsonObject o = p.toObject();
            if (o.value(QStringLiteral("servicePlanId")).toString() == QLatin1String(planId)
                && (!enabledOnly || o.value(QStringLiteral("capabilityStatus")).toString() == u"Enabled"))
                return true;
        }
        return false;
    }

private slots:
    void initTestCase()
    {
        ledger::test::isolateEnvironment();
        QElapsedTimer timer;
        timer.start();
        m_tenant = std::make_unique<DemoTenant>();
        qInfo() << "default tenant generated in" << timer.elapsed() << "ms";
    }

    void determinism()
    {
        DemoTenantSpec spec;
        spec.users = 30;
        spec.interactions = 2000;
        const DemoTenant a(spec), b(spec);
        spec.seed += 1;
        const DemoTenant c(spec);
        QCOMPARE(a.tenantId(), b.tenantId());
        QCOMPARE(a.fullClient().secret, b.fullClient().secret);
        QCOMPARE(a.users().size(), 30);
        bool anyDifferent = false;
        for (int i = 0; i < a.users().size(); ++i) {
            QCOMPARE(a.users().at(i).json, b.users().at(i).json);
            QCOMPARE(a.interactions(id(a.users().at(i))), b.interactions(id(b.users().at(i))));
            anyDifferent = anyDifferent || a.users().at(i).json != c.users().at(i).json;
        }
        QVERIFY(anyDifferent);
        QVERIFY(a.tenantId() != c.tenantId());
        QCOMPARE(a.totalInteractions(), 2000);
        QCOMPARE(c.totalInteractions(), 2000);
        QVERIFY(a.interactions(a.heavyUserId()) != c.interactions(c.heavyUserId()));
    }

    void users()
    {
        const auto &users = m_tenant->users();
        QCOMPARE(users.size(), 150);
        const auto &first = users.at(0);
        QVERIFY(first.licensed);
        QVERIFY(first.json.value(QStringLiteral("accountEnabled")).toBool());
        QCOMPARE(first.json.value(QStringLiteral("userType")).toString(), QStringLiteral("Member"));
        int unlicensed = 0, disabled = 0, guests = 0, idle = 0, connectorsOnly = 0, firstUnlicensed = -1;
        QSet<QString> upns, ids;
        bool cjk = false, arabic = false, accents = false;
        for (int i = 0; i < users.size(); ++i) {
            const auto &u = users.at(i);
            const QString upn = u.json.value(QStringLiteral("userPrincipalName")).toString();
            const QString name = u.json.value(QStringLiteral("displayName")).toString();
            upns.insert(upn.toLower());
            ids.insert(id(u));
            QVERIFY(upn.endsWith(u"@contoso-demo.onmicrosoft.com"));
            QVERIFY(QRegularExpression(QStringLiteral("^[\\x21-\\x7e]+$")).match(upn).hasMatch());
            cjk = cjk || QRegularExpression(QStringLiteral("[\\x{4e00}-\\x{9fff}]")).match(name).hasMatch();
            arabic = arabic || QRegularExpression(QStringLiteral("[\\x{0600}-\\x{06ff}]")).match(name).hasMatch();
            accents = accents || QRegularExpression(QStringLiteral("[éèüöäßçñ]")).match(name).hasMatch();
            if (!u.licensed) {
                ++unlicensed;
                if (firstUnlicensed < 0)
                    firstUnlicensed = i;
                QVERIFY(!hasPlan(u, "3f30311c-6b1e-48a4-ab79-725b469da960", true));
                connectorsOnly += hasPlan(u, "82d30987-df9b-4486-b146-198b21d164c7", false) ? 1 : 0;
                QVERIFY(m_tenant->interactions(id(u)).isEmpty());
            } else {
                QVERIFY(hasPlan(u, "3f30311c-6b1e-48a4-ab79-725b469da960", true));
                idle += m_tenant->interactions(id(u)).isEmpty() ? 1 : 0;
            }
            disabled += u.json.value(QStringLiteral("accountEnabled")).toBool() ? 0 : 1;
            if (u.json.value(QStringLiteral("userType")).toString() == u"Guest") {
                ++guests;
                QVERIFY(upn.contains(u"#EXT#"));
            }
            QCOMPARE(m_tenant->userIndex(id(u)), i);
            QCOMPARE(m_tenant->userIndex(upn.toUpper()), i);
        }
        QCOMPARE(upns.size(), 150);
        QCOMPARE(ids.size(), 150);
        QVERIFY(unlicensed >= 10);
        QVERIFY(firstUnlicensed > 0 && firstUnlicensed < 5);
        QVERIFY(connectorsOnly >= 2);
        QVERIFY(disabled >= 4);
        QVERIFY(guests >= 3);
        QVERIFY(idle >= 2);
        QVERIFY(cjk && arabic && accents);
        QVERIFY(m_tenant->interactions(m_tenant->heavyUserId()).size() >= 3000);
    }

    void clients()
    {
        const auto clients = m_tenant->clients();
        QVERIFY(clients.size() >= 3);
        QCOMPARE(clients.at(0).clientId, m_tenant->fullClient().clientId);
        QVERIFY(m_tenant->fullClient().roles.contains(QStringLiteral("AiEnterpriseInteraction.Read.All")));
        QVERIFY(!m_tenant->clientWithoutInteractionRole().roles.contains(QStringLiteral("AiEnterpriseInteraction.Read.All")));
        QVERIFY(!m_tenant->clientWithoutUserRole().roles.contains(QStringLiteral("User.Read.All")));
        QVERIFY(m_tenant->findClient(m_tenant->fullClient().clientId.toUpper()));
        QVERIFY(!m_tenant->findClient(QStringLiteral("nope")));
    }

    void interactionFeatures()
    {
        static const QRegularExpression reTime(QStringLiteral("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z$"));
        static const QRegularExpression reKana(QStringLiteral("[\\x{3040}-\\x{30ff}]"));
        static const QRegularExpression reArabic(QStringLiteral("[\\x{0600}-\\x{06ff}]"));
        static const QRegularExpression reCardBody(QStringLiteral("^<attachment id=\"[^\"]+\"></attachment>$"));
        int total = 0, prompts = 0, responses = 0, cards = 0, chatAnswers = 0, recaps = 0, nullRequest = 0, nullSession = 0,
            missingContexts = 0, withLinks = 0, withMentions = 0, big = 0, crlf = 0, tabs = 0, emoji = 0;
        QHash<QChar, int> formula;
        QHash<QString, int> apps, hostile, languages;
        QSet<QString> ids;
        for (const auto &u : m_tenant->users()) {
            const auto &list = m_tenant->interactions(id(u));
            const auto &meta = m_tenant->interactionMeta(id(u));
            QCOMPARE(meta.size(), list.size());
            qint64 previous = 0;
            QHash<QString, int> promptsByRequest, responsesByRequest;
            for (int i = 0; i < list.size(); ++i) {
                const QByteArray &raw = list.at(i);
                QJsonParseError pe;
                const QJsonObject o = QJsonDocument::fromJson(raw, &pe).object();
                QVERIFY2(pe.error == QJsonParseError::NoError, raw.left(200).constData());
                ++total;
                ids.insert(o.value(QStringLiteral("id")).toString());
                const QString created = o.value(QStringLiteral("createdDateTime")).toString();
                QVERIFY(reTime.match(created).hasMatch());
                const qint64 t = QDateTime::fromString(created, Qt::ISODateWithMs).toMSecsSinceEpoch();
                QCOMPARE(t, meta.at(i).createdMs);
                QVERIFY(t >= previous);   // oldest first
                previous = t;
                QCOMPARE(o.value(QStringLiteral("appClass")).toString(), meta.at(i).appClass);
                apps[o.value(QStringLiteral("appClass")).toString()]++;
                for (const char *key : {"etag", "locale", "conversationType", "from", "body", "attachments", "links", "mentions"})
                    QVERIFY2(o.contains(QLatin1String(key)), key);
                const QString content = o.value(QStringLiteral("body")).toObject().value(QStringLiteral("content")).toString();
                const QString requestId = o.value(QStringLiteral("requestId")).toString();
                nullRequest += o.value(QStringLiteral("requestId")).isNull() ? 1 : 0;
                nullSession += o.value(QStringLiteral("sessionId")).isNull() ? 1 : 0;
                withLinks += o.value(QStringLiteral("links")).toArray().isEmpty() ? 0 : 1;
                withMentions += o.value(QStringLiteral("mentions")).toArray().isEmpty() ? 0 : 1;
                big += raw.size() >= 200 * 1024 ? 1 : 0;
                if (o.value(QStringLiteral("interactionType")).toString() == u"userPrompt") {
                    ++prompts;
                    QCOMPARE(o.value(QStringLiteral("body")).toObject().value(QStringLiteral("contentType")).toString(), QStringLiteral("text"));
                    QCOMPARE(o.value(QStringLiteral("from")).toObject().value(QStringLiteral("user")).toObject()
                                 .value(QStringLiteral("displayName")).toString(), QStringLiteral("8:orgid:") + id(u));
                    if (!content.isEmpty() && QStringLiteral("=+-@").contains(content.at(0)))
                        formula[content.at(0)]++;
                    crlf += content.contains(QStringLiteral("\r\n")) ? 1 : 0;
                    tabs += content.contains(u'\t') ? 1 : 0;
                    emoji += content.contains(QString::fromUtf8("🎉")) || content.contains(QString::fromUtf8("😊")) || content.contains(QString::fromUtf8("👍")) || content.contains(QString::fromUtf8("🎄")) ? 1 : 0;
                    if (reKana.match(content).hasMatch()) languages[QStringLiteral("ja")]++;
                    if (reArabic.match(content).hasMatch()) languages[QStringLiteral("ar")]++;
                    if (content.contains(QString::fromUtf8("请"))) languages[QStringLiteral("zh")]++;
                    if (content.contains(QString::fromUtf8("Fasse")) || content.contains(QString::fromUtf8("Übersicht"))) languages[QStringLiteral("de")]++;
                    if (content.contains(QString::fromUtf8("Résume")) || content.contains(QString::fromUtf8("Rédige"))) languages[QStringLiteral("fr")]++;
                    if (!requestId.isEmpty()) promptsByRequest[requestId]++;
                } else {
                    ++responses;
                    QCOMPARE(o.value(QStringLiteral("body")).toObject().value(QStringLiteral("contentType")).toString(), QStringLiteral("html"));
                    QVERIFY(o.value(QStringLiteral("from")).toObject().value(QStringLiteral("application")).isObject());
                    missingContexts += o.contains(QStringLiteral("contexts")) ? 0 : 1;
                    if (!requestId.isEmpty()) responsesByRequest[requestId]++;
                    const QJsonArray attachments = o.value(QStringLiteral("attachments")).toArray();
                    if (reCardBody.match(content).hasMatch()) {
                        QCOMPARE(attachments.size(), 1);
                        const QJsonObject a = attachments.at(0).toObject();
                        QCOMPARE(a.value(QStringLiteral("contentType")).toString(), QStringLiteral("application/vnd.microsoft.card.adaptive"));
                        const QJsonObject card = QJsonDocument::fromJson(a.value(QStringLiteral("content")).toString().toUtf8()).object();
                        QCOMPARE(card.value(QStringLiteral("type")).toString(), QStringLiteral("AdaptiveCard"));
                        const QByteArray cardText = a.value(QStringLiteral("content")).toString().toUtf8();
                        if (cardText.contains("\"MessageTextField\"")) {
                            // Copilot Chat's documented shape: the answer as Markdown and again as MessageTextField.
                            const QJsonArray body = card.value(QStringLiteral("body")).toArray();
                            QCOMPARE(body.size(), 2);
                            QVERIFY(body.at(0).toObject().value(QStringLiteral("text")).toString().contains(QStringLiteral("[1](https://")));
                            QVERIFY(body.at(1).toObject().value(QStringLiteral("text")).toString().contains(QStringLiteral("[^1^]")));
                            QCOMPARE(o.value(QStringLiteral("links")).toArray().isEmpty(), false);
                            // …which the archive's text shows once, without Markdown, citing two sources.
                            if (chatAnswers < 50) {
                                const Interaction it = Interaction::fromJson(QStringLiteral("u"), o);
                                QCOMPARE(it.bodyText.count(QStringLiteral("Do you want me to draft a follow-up email?")), 1);
                                QVERIFY2(!it.bodyText.contains(QStringLiteral("**")) && it.bodyText.contains(QStringLiteral("[2].")),
                                         qPrintable(it.bodyText));
                                QVERIFY(it.links.filter(QStringLiteral("[1] ")).size() == 1 && it.links.filter(QStringLiteral("[2] ")).size() == 1);
                            }
                            ++chatAnswers;
                        } else {
                            QVERIFY(cardText.contains("\"ColumnSet\"") && cardText.contains("\"FactSet\"") && cardText.contains("\"TextBlock\""));
                        }
                        ++cards;
                    } else if (content.contains(u"<attachment id=")) {
                        QVERIFY(!attachments.isEmpty());
                        QCOMPARE(attachments.at(0).toObject().value(QStringLiteral("contentType")).toString(), QStringLiteral("reference"));
                        ++recaps;
                    }
                    if (content.contains(u"<script>")) hostile[QStringLiteral("script")]++;
                    if (content.contains(u"<img src=\"http://127.0.0.1:9/")) hostile[QStringLiteral("img")]++;
                    if (content.contains(u"javascript:alert(1)")) hostile[QStringLiteral("js-link")]++;
                    if (content.contains(u"url(")) hostile[QStringLiteral("css")]++;
                }
            }
            // Orphans: responses whose requestId has no prompt, prompts without response.
            for (auto it = responsesByRequest.cbegin(); it != responsesByRequest.cend(); ++it)
                languages[QStringLiteral("_orphanResponses")] += promptsByRequest.contains(it.key()) ? 0 : 1;
            for (auto it = promptsByRequest.cbegin(); it != promptsByRequest.cend(); ++it)
                languages[QStringLiteral("_promptsWithoutResponse")] += responsesByRequest.contains(it.key()) ? 0 : 1;
        }
        qInfo() << "interactions" << total << "prompts" << prompts << "responses" << responses << "cards" << cards
                << "recaps" << recaps << "hostile" << hostile << "formula" << formula << "languages" << languages;
        QCOMPARE(total, 30000);
        QCOMPARE(m_tenant->totalInteractions(), 30000);
        QCOMPARE(ids.size(), total);                       // ids unique tenant-wide
        QVERIFY(prompts > 10000 && responses > 10000);
        QCOMPARE(apps.size(), 7);
        QVERIFY(cards >= 500);
        QVERIFY(chatAnswers >= 200 && chatAnswers < cards);   // both card shapes
        QVERIFY(recaps >= 200);
        for (const char *kind : {"script", "img", "js-link", "css"})
            QVERIFY2(hostile.value(QLatin1String(kind)) >= 1, kind);
        for (QChar c : {u'=', u'+', u'-', u'@'})
            QVERIFY(formula.value(c) >= 2);
        QVERIFY(crlf >= 5 && tabs >= 5 && emoji >= 5);
        for (const char *lang : {"ja", "ar", "zh", "de", "fr"})
            QVERIFY2(languages.value(QLatin1String(lang)) >= 5, lang);
        QVERIFY(languages.value(QStringLiteral("_orphanResponses")) >= 5);
        QVERIFY(languages.value(QStringLiteral("_promptsWithoutResponse")) >= 5);
        QVERIFY(nullRequest >= 5);
        QVERIFY(nullSession >= 1);
        QVERIFY(missingContexts >= 100);
        QVERIFY(withLinks >= 100 && withMentions >= 20);
        QCOMPARE(big, 2);
    }

    void smallTenantsStillHaveTheSpecialCases()
    {
        DemoTenantSpec spec;
        spec.users = 12;
        spec.interactions = 600;
        const DemoTenant t(spec);
        int hostile = 0, formula = 0;
        for (const auto &u : t.users()) {
            for (const QByteArray &raw : t.interactions(id(u))) {
                hostile += raw.contains("<script>") || raw.contains("javascript:") ? 1 : 0;
                formula += raw.contains("\"content\":\"=SUM") ? 1 : 0;
            }
        }
        QVERIFY(hostile >= 2);
        QVERIFY(formula >= 1);
        QVERIFY(!t.users().at(0).json.isEmpty() && t.users().at(0).licensed);
    }

    void licensedShareChoosesThatShareOfUsers()
    {
        for (const double share : {0.1, 0.3}) {
            DemoTenantSpec spec;
            spec.users = 3000;
            spec.interactions = 3000;
            spec.licensedShare = share;
            const DemoTenant t(spec);
            int licensed = 0;
            for (const auto &u : t.users()) {
                bool enabledPlan = false;
                for (const QJsonValue &v : u.assignedPlans) {
                    const QJsonObject p = v.toObject();
                    enabledPlan = enabledPlan
                        || (p.value(u"servicePlanId"_s).toString() == u"3f30311c-6b1e-48a4-ab79-725b469da960"_s
                            && p.value(u"capabilityStatus"_s).toString() == u"Enabled"_s);
                }
                // The directory tells the truth: the plan exactly where the history is readable.
                QCOMPARE(enabledPlan, u.licensed);
                if (u.json.value(u"userType"_s).toString() == u"Guest"_s)
                    QVERIFY(!u.licensed);
                licensed += u.licensed ? 1 : 0;
                if (!u.licensed)
                    QVERIFY(t.interactions(id(u)).isEmpty());
            }
            QVERIFY2(std::abs(double(licensed) / 3000.0 - share) < 0.03, qPrintable(QString::number(licensed)));
            QVERIFY(t.users().at(0).licensed);
            QCOMPARE(t.totalInteractions(), qint64(3000));
        }
        // Without a share: the fixed pattern (about 90 % licensed) as before.
        DemoTenantSpec spec;
        spec.users = 150;
        spec.interactions = 0;
        const DemoTenant t(spec);
        QVERIFY(!t.users().at(2).licensed && !t.users().at(7).licensed && t.users().at(1).licensed);
    }

    void addInteractions()
    {
        DemoTenantSpec spec;
        spec.users = 10;
        spec.interactions = 300;
        DemoTenant t(spec);
        const QString user = id(t.users().at(0));
        const qsizetype before = t.interactions(user).size();
        const qint64 latest = t.interactionMeta(user).constLast().createdMs;
        const qint64 total = t.totalInteractions();
        t.addInteractions(user, 25);
        QCOMPARE(t.interactions(user).size(), before + 25);
        QCOMPARE(t.totalInteractions(), total + 25);
        for (qsizetype i = before; i < before + 25; ++i) {
            QVERIFY(t.interactionMeta(user).at(i).createdMs > latest);
            QVERIFY(i == before || t.interactionMeta(user).at(i).createdMs >= t.interactionMeta(user).at(i - 1).createdMs);
            QVERIFY(!QJsonDocument::fromJson(t.interactions(user).at(i)).isNull());
        }
        // by UPN too; unknown users are ignored
        t.addInteractions(t.users().at(0).json.value(QStringLiteral("userPrincipalName")).toString(), 3);
        QCOMPARE(t.interactions(user).size(), before + 28);
        t.addInteractions(QStringLiteral("nobody"), 3);
        QCOMPARE(t.totalInteractions(), total + 28);
    }
};

QTEST_GUILESS_MAIN(tst_DemoTenant)
#include "tst_demotenant.moc"
