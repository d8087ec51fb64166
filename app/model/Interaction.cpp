#include "app/model/Interaction.h"
#include "app/model/BodyText.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace ledger {

namespace {

QString displayEntry(const QString &name, const QString &detail)
{
    if (name.isEmpty())
        return detail.isEmpty() ? QString() : u"<"_s + detail + u">"_s;
    if (detail.isEmpty())
        return name;
    return name + u" <"_s + detail + u">"_s;
}

int digits(const QString &s, qsizetype pos, int count, bool *ok)
{
    int v = 0;
    for (int i = 0; i < count; ++i) {
        if (pos + i >= s.size() || !s.at(pos + i).isDigit()) {
            *ok = false;
            return 0;
        }
        v = v * 10 + (s.at(pos + i).unicode() - u'0');
    }
    return v;
}

} // namespace

QString Interaction::sessionKey() const
{
    return sessionId.isEmpty() ? u"#"_s + id : sessionId;
}

Interaction Interaction::fromRaw(const QString &userId, const QByteArray &raw)
{
    QJsonParseError err;
    const QJsonDocument doc = QJsonDocument::fromJson(raw, &err);
    if (err.error != QJsonParseError::NoError || !doc.isObject()) {
        Interaction bad;
        bad.userId = userId;
        bad.raw = raw;
        bad.unreadableReason = u"the item is not a JSON object"_s;
        return bad;
    }
    return fromJson(userId, doc.object(), raw);
}

Interaction Interaction::fromJson(const QString &userId, const QJsonObject &o, const QByteArray &raw)
{
    Interaction i;
    i.userId = userId;
    i.id = o.value("id"_L1).toString();
    i.sessionId = o.value("sessionId"_L1).toString();
    i.requestId = o.value("requestId"_L1).toString();
    i.appClass = o.value("appClass"_L1).toString();
    i.type = interactionTypeFromKey(o.value("interactionType"_L1).toString());
    i.conversationType = o.value("conversationType"_L1).toString();
    i.created = parseGraphTime(o.value("createdDateTime"_L1).toString());
    i.locale = o.value("locale"_L1).toString();
    i.etag = o.value("etag"_L1).toString();
    i.bodyContentType = o.value("body"_L1).toObject().value("contentType"_L1).toString();
    const BodyText::Content content = BodyText::interactionContent(o);
    i.bodyText = content.text;
    for (const QJsonValue &v : o.value("attachments"_L1).toArray()) {
        const QJsonObject a = v.toObject();
        QString name = a.value("name"_L1).toString();
        if (name.isEmpty())
            name = a.value("attachmentId"_L1).toString();
        const QString e = displayEntry(name, a.value("contentType"_L1).toString());
        if (!e.isEmpty())
            i.attachments << e;
    }
    // Graph's links, then the URLs the text cites ("[1] …", docs/EXPORT-FORMAT.md), then the card
    // text's own links; every URL once.
    QStringList urls;
    auto citationNumber = [&content](const QString &url) {
        for (const BodyText::Citation &c : content.citations)
            if (c.url == url)
                return c.number;
        return 0;
    };
    for (const QJsonValue &v : o.value("links"_L1).toArray()) {
        const QJsonObject l = v.toObject();
        const QString url = l.value("linkUrl"_L1).toString();
        QString name = l.value("displayName"_L1).toString();
        if (const int n = url.isEmpty() ? 0 : citationNumber(url))
            name = name.isEmpty() ? u"[%1]"_s.arg(n) : u"[%1] "_s.arg(n) + name;
        const QString e = displayEntry(name, url);
        if (!e.isEmpty() && !i.links.contains(e))
            i.links << e;
        urls << url;
    }
    for (const BodyText::Citation &c : content.citations) {
        if (!urls.contains(c.url)) {
            i.links << displayEntry(u"[%1]"_s.arg(c.number), c.url);
            urls << c.url;
        }
    }
    for (const BodyText::MarkdownLink &l : content.links) {
        if (!urls.contains(l.url)) {
            i.links << displayEntry(l.title, l.url);
            urls << l.url;
        }
    }
    for (const QJsonValue &v : o.value("contexts"_L1).toArray()) {
        const QJsonObject c = v.toObject();
        const QString e = displayEntry(c.value("displayName"_L1).toString(), c.value("contextReference"_L1).toString());
        if (!e.isEmpty())
            i.contexts << e;
    }
    const QJsonValue idValue = o.value("id"_L1);
    const QJsonValue createdValue = o.value("createdDateTime"_L1);
    if (!idValue.isString() || i.id.isEmpty())
        i.unreadableReason = u"its id is not a string"_s;
    else if (!i.created.isValid())
        i.unreadableReason = createdValue.isString()
            ? u"its createdDateTime \"%1\" is not a date"_s.arg(createdValue.toString().left(40))
            : u"it has no createdDateTime"_s;
    i.json = o;
    i.raw = raw.isEmpty() ? QJsonDocument(o).toJson(QJsonDocument::Compact) : raw;
    return i;
}

QString interactionTypeKey(InteractionType t)
{
    switch (t) {
    case InteractionType::UserPrompt: return u"userPrompt"_s;
    case InteractionType::AiResponse: return u"aiResponse"_s;
    case InteractionType::Unknown: break;
    }
    return u"unknownFutureValue"_s;
}

InteractionType interactionTypeFromKey(const QString &key)
{
    if (key.compare("userPrompt"_L1, Qt::CaseInsensitive) == 0)
        return InteractionType::UserPrompt;
    if (key.compare("aiResponse"_L1, Qt::CaseInsensitive) == 0)
        return InteractionType::AiResponse;
    return InteractionType::Unknown;
}

// yyyy-MM-ddTHH:mm:ss[.f…][Z|±hh:mm]; a fraction of any length (rounded down to ms).
QDateTime parseGraphTime(const QString &in)
{
    const QString s = in.trimmed();
    bool ok = true;
    if (s.size() < 19 || s.at(4) != u'-' || s.at(7) != u'-' || (s.at(10) != u'T' && s.at(10) != u't' && s.at(10) != u' ')
        || s.at(13) != u':' || s.at(16) != u':')
        return {};
    const int y = digits(s, 0, 4, &ok), mo = digits(s, 5, 2, &ok), d = digits(s, 8, 2, &ok);
    const int h = digits(s, 11, 2, &ok), mi = digits(s, 14, 2, &ok), se = digits(s, 17, 2, &ok);
    if (!ok)
        return {};
    qsizetype pos = 19;
    int ms = 0;
    if (pos < s.size() && (s.at(pos) == u'.' || s.at(pos) == u',')) {
        ++pos;
        int n = 0;
        while (pos < s.size() && s.at(pos).isDigit()) {
            if (n < 3)
                ms = ms * 10 + (s.at(pos).unicode() - u'0');
            ++n;
            ++pos;
        }
        if (n == 0)
            return {};
        for (int k = n; k < 3; ++k)
            ms *= 10;
    }
    int offsetSeconds = 0;
    if (pos < s.size()) {
        const QChar c = s.at(pos);
        if (c == u'Z' || c == u'z') {
            ++pos;
        } else if (c == u'+' || c == u'-') {
            const int oh = digits(s, pos + 1, 2, &ok);
            qsizetype mpos = pos + 3;
            if (mpos < s.size() && s.at(mpos) == u':')
                ++mpos;
            const int om = digits(s, mpos, 2, &ok);
            if (!ok)
                return {};
            offsetSeconds = (oh * 60 + om) * 60 * (c == u'-' ? -1 : 1);
            pos = mpos + 2;
        } else {
            return {};
        }
    }
    if (pos != s.size())
        return {};
    const QDate date(y, mo, d);
    const QTime time(h, mi, se, ms);
    if (!date.isValid() || !time.isValid())
        return {};
    QDateTime dt(date, time, Qt::UTC);
    if (offsetSeconds != 0)
        dt = dt.addSecs(-offsetSeconds);
    return dt;
}

QString formatUtc(const QDateTime &t)
{
    if (!t.isValid())
        return QString();
    const QDateTime u = t.timeSpec() == Qt::UTC ? t : t.toUTC();
    const QDate d = u.date();
    const QTime tm = u.time();
    char buf[32];
    const int y = d.year();
    if (y < 0 || y > 9999)
        return u.toString(Qt::ISODateWithMs);
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", y, d.month(), d.day(), tm.hour(),
                  tm.minute(), tm.second(), tm.msec());
    return QString::fromLatin1(buf);
}

} // namespace ledger
