#include "app/sim/DemoInteractionGenerator.h"

#include "app/sim/JsonText.h"

#include <QDateTime>
#include <QUrl>
#include <QUuid>
#include <algorithm>

namespace ledger::sim {

using json::quote;
using json::quoteOrNull;

struct DemoInteractionGenerator::Item {
    qint64 ms = 0;
    bool prompt = true;
    DemoApp app = DemoApp::Word;
    QString userId;
    QString sessionId;            // null QString → JSON null
    QString requestId;
    QString locale;
    QString content;
    QByteArray attachments = QByteArrayLiteral("[]");
    QByteArray links = QByteArrayLiteral("[]");
    QByteArray mentions = QByteArrayLiteral("[]");
    QByteArray contexts = QByteArrayLiteral("[]");   // empty → the key is missing
};

namespace {
constexpr qint64 Second = 1000;
constexpr qint64 Minute = 60 * Second;
constexpr qint64 Hour = 60 * Minute;

DemoApp pickApp(SplitMix64 &rng)
{
    // Word, Excel, PowerPoint, Outlook, Teams, BizChat, WebChat
    static const int weights[DemoAppCount] = {16, 12, 8, 14, 18, 26, 6};
    int r = rng.bounded(100);
    for (int i = 0; i < DemoAppCount; ++i) {
        if (r < weights[i])
            return DemoApp(i);
        r -= weights[i];
    }
    return DemoApp::BizChat;
}

QString sharePointUrl(const QString &domain, const QString &file)
{
    const QString host = domain.section(u'.', 0, 0);
    return QStringLiteral("https://") + host + QStringLiteral(".sharepoint.com/sites/Shared/Shared%20Documents/")
        + QString::fromLatin1(QUrl::toPercentEncoding(file));
}

QByteArray fileObject(const QString &url, const QString &name, const char *typeKey, const char *typeValue,
                      const char *urlKey)
{
    return QByteArray("{\"") + urlKey + "\":" + quote(url) + ",\"" + typeKey + "\":" + quote(typeValue)
        + ",\"displayName\":" + quote(name) + '}';
}
} // namespace

DemoInteractionGenerator::DemoInteractionGenerator(const QString &tenantId, const QString &domain,
                                                   QList<DemoColleague> colleagues)
    : m_tenantId(tenantId), m_domain(domain), m_colleagues(std::move(colleagues))
{
}

QString DemoInteractionGenerator::guid(SplitMix64 &rng)
{
    const quint64 a = rng.next();
    const quint64 b = rng.next();
    const QUuid u(uint(a >> 32), ushort(a >> 16), ushort((a & 0x0fff) | 0x4000), uchar(((b >> 56) & 0x3f) | 0x80),
                  uchar(b >> 48), uchar(b >> 40), uchar(b >> 32), uchar(b >> 24), uchar(b >> 16), uchar(b >> 8),
                  uchar(b));
    return u.toString(QUuid::WithoutBraces);
}

DemoInteractionGenerator::Feature DemoInteractionGenerator::nextFeature()
{
    static const Feature schedule[] = {
        Feature::Hostile0, Feature::FormulaEq, Feature::Messy, Feature::Hostile1, Feature::FormulaPlus,
        Feature::Big, Feature::Hostile2, Feature::FormulaMinus, Feature::NullRequest, Feature::Hostile3,
        Feature::FormulaAt, Feature::Orphan, Feature::Hostile4, Feature::NoResponse, Feature::Emoji,
        Feature::NullSession, Feature::Big, Feature::Messy, Feature::Orphan, Feature::NoResponse,
        Feature::NullRequest, Feature::FormulaEq, Feature::FormulaAt,
    };
    const int turn = m_turn++;
    if (turn % 17 == 3 && m_forced < int(sizeof schedule / sizeof *schedule))
        return schedule[m_forced++];
    return Feature::None;
}

QString DemoInteractionGenerator::uniqueId(qint64 ms)
{
    while (m_usedIds.contains(ms))
        ++ms;
    m_usedIds.insert(ms);
    return QString::number(ms);
}

void DemoInteractionGenerator::addTurn(QList<Item> &items, const QString &userId, DemoApp app, DemoLang lang,
                                       const QString &sessionId, qint64 promptMs, SplitMix64 &rng)
{
    Feature f = nextFeature();
    int sensitive = -1;   // a prompt with sensitive information or a near-miss (no extra draw)
    if (f == Feature::None) {
        const double r = rng.unit();
        if (r >= 0.1006 && r < 0.1256)
            sensitive = int((r - 0.1006) * 1e6);
        if (r < 0.012) f = Feature::NoResponse;
        else if (r < 0.018) f = Feature::Orphan;
        else if (r < 0.023) f = Feature::NullRequest;
        else if (r < 0.033) f = Feature::FormulaEq;
        else if (r < 0.040) f = Feature::FormulaMinus;
        else if (r < 0.045) f = Feature::FormulaAt;
        else if (r < 0.048) f = Feature::FormulaPlus;
        else if (r < 0.070) f = Feature::Messy;
        else if (r < 0.100) f = Feature::Emoji;
        else if (r < 0.1006) f = Feature(int(Feature::Hostile0) + rng.bounded(DemoContent::HostileKinds));
    }
    Item base;
    base.app = app;
    base.userId = userId;
    base.sessionId = f == Feature::NullSession ? QString() : sessionId;
    base.requestId = f == Feature::NullRequest ? QString() : guid(rng);
    base.locale = DemoContent::locale(lang);
    // What the user had open (document apps) or nothing.
    QString docName;
    if (app == DemoApp::Word || app == DemoApp::Excel || app == DemoApp::PowerPoint
        || (app == DemoApp::BizChat && rng.chance(0.3))) {
        docName = DemoContent::documentName(app, rng);
        base.contexts = '[' + fileObject(sharePointUrl(m_domain, docName), docName, "contextType", "file",
                                         "contextReference") + ']';
    }

    if (f != Feature::Orphan) {
        Item p = base;
        p.ms = promptMs;
        switch (f) {
        case Feature::FormulaEq: p.content = DemoContent::formulaPrompt(u'='); break;
        case Feature::FormulaPlus: p.content = DemoContent::formulaPrompt(u'+'); break;
        case Feature::FormulaMinus: p.content = DemoContent::formulaPrompt(u'-'); break;
        case Feature::FormulaAt: p.content = DemoContent::formulaPrompt(u'@'); break;
        case Feature::Messy: p.content = DemoContent::messyPrompt(rng); break;
        case Feature::Emoji: p.content = DemoContent::emojiPrompt(rng); break;
        default:
            p.content = DemoContent::prompt(app, lang, rng);
            if (sensitive >= 0)
                p.content = DemoContent::sensitivePrompt(sensitive);
        }
        if ((f == Feature::FormulaAt || rng.chance(0.04)) && !m_colleagues.isEmpty()) {
            const DemoColleague &c = rng.pick(m_colleagues);
            p.mentions = "[{\"mentionId\":0,\"mentionText\":" + quote(c.displayName)
                + ",\"mentioned\":{\"application\":null,\"device\":null,\"conversation\":null,\"tag\":null,"
                  "\"user\":{\"id\":" + quote(c.id) + ",\"displayName\":" + quote(c.displayName)
                + ",\"userIdentityType\":\"aadUser\"}}}]";
        }
        items.append(p);
    }
    if (f == Feature::NoResponse)
        return;
    const int responses = rng.chance(0.08) ? 2 : 1;
    qint64 t = promptMs;
    for (int i = 0; i < responses; ++i) {
        Item r = base;
        r.prompt = false;
        QByteArray chatLinks;
        t += rng.range(2, 20) * Second + rng.bounded(1000);
        r.ms = t;
        if (f >= Feature::Hostile0 && f <= Feature::Hostile4 && i == 0) {
            r.content = DemoContent::hostileBody(int(f) - int(Feature::Hostile0));
        } else if (f == Feature::Big && i == 0) {
            r.content = DemoContent::bigBody(rng);
        } else if (app == DemoApp::BizChat && rng.chance(0.55)) {
            const QString attachmentId = guid(rng);
            r.content = QStringLiteral("<attachment id=\"%1\"></attachment>").arg(attachmentId);
            QString card = DemoContent::adaptiveCard(lang, rng);
            // Most Copilot Chat cards are the documented two-block answer. Decided by a PRNG of its
            // own (seeded from the attachment id), so the rest of the tenant stays as it was.
            const QByteArray idBytes = attachmentId.toLatin1();
            SplitMix64 own(SplitMix64::hash(0xC4A7, idBytes.constData(), idBytes.size()));
            if (own.chance(0.6)) {
                const QString file = DemoContent::documentName(DemoApp::Word, own);
                const QString meeting = DemoContent::meetingTitle(own);
                const QString fileUrl = sharePointUrl(m_domain, file) + QStringLiteral("?web=1");
                const QString meetingUrl = QStringLiteral("https://teams.microsoft.com/l/meeting/details?eventId=")
                    + QString::fromLatin1(idBytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
                card = DemoContent::chatAnswerCard(file, fileUrl, meeting, meetingUrl, own);
                chatLinks = '[' + fileObject(fileUrl + QStringLiteral("&EntityRepresentationId=") + guid(own), file,
                                             "linkType", "File", "linkUrl")
                    + ',' + fileObject(meetingUrl, meeting, "linkType", "Meeting", "linkUrl") + ']';
            }
            r.attachments = "[{\"attachmentId\":" + quote(attachmentId)
                + ",\"contentType\":\"application/vnd.microsoft.card.adaptive\",\"contentUrl\":null,\"content\":"
                + quote(card) + ",\"name\":null}]";
        } else if (app == DemoApp::Teams && rng.chance(0.5)) {
            const QString attachmentId = guid(rng);
            const QString title = DemoContent::meetingTitle(rng);
            const QString recording = title + QStringLiteral("-Meeting Recording.mp4");
            r.content = DemoContent::meetingRecapHtml(title, attachmentId, rng);
            r.attachments = "[{\"attachmentId\":" + quote(attachmentId)
                + ",\"contentType\":\"reference\",\"contentUrl\":" + quote(sharePointUrl(m_domain, recording))
                + ",\"content\":null,\"name\":" + quote(recording) + "}]";
            r.links = '[' + fileObject(sharePointUrl(m_domain, title + QStringLiteral(" transcript.vtt")),
                                       title + QStringLiteral(" transcript"), "linkType", "file", "linkUrl") + ']';
        } else {
            r.content = DemoContent::responseHtml(app, lang, rng);
        }
        if (r.links == "[]" && !docName.isEmpty() && rng.chance(0.5))
            r.links = '[' + fileObject(sharePointUrl(m_domain, docName), docName, "linkType", "file", "linkUrl") + ']';
        if (!chatLinks.isEmpty())
            r.links = r.links == "[]" ? chatLinks : r.links.chopped(1) + ',' + chatLinks.mid(1);
        if (rng.chance(0.1))
            r.contexts.clear();                     // some responses lack `contexts`
        items.append(r);
    }
}

QList<GeneratedInteraction> DemoInteractionGenerator::generate(const QString &userId, DemoLang lang, int count,
                                                               qint64 fromMs, qint64 toMs, SplitMix64 &rng)
{
    QList<Item> items;
    items.reserve(count + 8);
    const qint64 span = std::max<qint64>(toMs - fromMs - 2 * Hour, Minute);
    while (items.size() < count) {
        const DemoApp app = pickApp(rng);
        QString sessionId = app == DemoApp::BizChat || app == DemoApp::WebChat
            ? QStringLiteral("19:") + guid(rng).remove(u'-') + QStringLiteral("@unq.gbl.spaces")
            : QStringLiteral("19:") + guid(rng) + QStringLiteral("@thread.v2");
        qint64 t = fromMs + qint64(rng.unit() * double(span));
        const int turns = rng.range(1, 8);
        for (int i = 0; i < turns && items.size() < count; ++i) {
            addTurn(items, userId, app, lang, sessionId, t, rng);
            t += rng.range(30, 360) * Second + rng.bounded(1000);
        }
    }
    items.resize(count);
    std::stable_sort(items.begin(), items.end(), [](const Item &a, const Item &b) { return a.ms < b.ms; });
    QList<GeneratedInteraction> out;
    out.reserve(items.size());
    for (const Item &item : std::as_const(items))
        out.append({item.ms, DemoContent::appClass(item.app), serialize(item)});
    return out;
}

QByteArray DemoInteractionGenerator::serialize(const Item &item)
{
    const QString id = uniqueId(item.ms);
    const QString created = QDateTime::fromMSecsSinceEpoch(item.ms, Qt::UTC).toString(Qt::ISODateWithMs);
    QByteArray out;
    out.reserve(700 + item.content.size() * 2 + item.attachments.size());
    out += "{\"id\":" + quote(id) + ",\"sessionId\":" + quoteOrNull(item.sessionId)
        + ",\"requestId\":" + quoteOrNull(item.requestId) + ",\"appClass\":" + quote(DemoContent::appClass(item.app))
        + ",\"interactionType\":" + (item.prompt ? QByteArrayLiteral("\"userPrompt\"") : QByteArrayLiteral("\"aiResponse\""))
        + ",\"conversationType\":" + quote(DemoContent::conversationType(item.app)) + ",\"createdDateTime\":"
        + quote(created) + ",\"etag\":" + quote(id) + ",\"locale\":" + quote(item.locale) + ",\"from\":";
    if (item.prompt) {
        out += "{\"application\":null,\"device\":null,\"user\":{\"@odata.type\":\"#microsoft.graph.teamworkUserIdentity\","
               "\"id\":" + quote(item.userId) + ",\"displayName\":" + quote(QStringLiteral("8:orgid:") + item.userId)
            + ",\"userIdentityType\":\"aadUser\",\"tenantId\":" + quote(m_tenantId) + "}}";
    } else {
        out += "{\"application\":{\"@odata.type\":\"#microsoft.graph.teamworkApplicationIdentity\",\"id\":null,"
               "\"displayName\":" + quote(DemoContent::appDisplayName(item.app))
            + ",\"applicationIdentityType\":\"bot\"},\"device\":null,\"user\":null}";
    }
    out += ",\"body\":{\"contentType\":" + (item.prompt ? QByteArrayLiteral("\"text\"") : QByteArrayLiteral("\"html\""))
        + ",\"content\":" + quote(item.content) + "},\"attachments\":" + item.attachments + ",\"links\":" + item.links
        + ",\"mentions\":" + item.mentions;
    if (!item.contexts.isEmpty())
        out += ",\"contexts\":" + item.contexts;
    out += '}';
    return out;
}

} // namespace ledger::sim
