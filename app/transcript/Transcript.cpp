#include "app/transcript/Transcript.h"

#include "app/model/AppClass.h"
#include "app/model/BodyText.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>
#include <initializer_list>
#include <utility>

using namespace Qt::StringLiterals;

namespace ledger {

namespace {

QString str(const QJsonObject &o, QLatin1StringView key)
{
    return o.value(key).toString().trimmed();
}

bool isAdaptiveCard(const QString &contentType)
{
    return contentType.compare("application/vnd.microsoft.card.adaptive"_L1, Qt::CaseInsensitive) == 0;
}

// The first of `keys` with a non-empty value in o, trimmed; "" when none has one.
QString firstOf(const QJsonObject &o, std::initializer_list<QLatin1StringView> keys)
{
    for (QLatin1StringView key : keys) {
        const QString v = str(o, key);
        if (!v.isEmpty())
            return v;
    }
    return {};
}

// "name (type)", or the name alone when the type is empty.
QString withType(const QString &name, const QString &type)
{
    return type.isEmpty() ? name : name + " ("_L1 + type + u')';
}

bool listable(const QString &s) { return !s.isEmpty(); }
bool listable(const TranscriptLink &l) { return !l.url.isEmpty() || !l.text.isEmpty(); }

// What `entry` makes of each object of the array json[key], in order, leaving out the entries
// with nothing to show: one walk for the attachments, links, mentions and contexts of a message.
template <typename T, typename Entry>
QList<T> listed(const QJsonObject &json, QLatin1StringView key, Entry entry)
{
    QList<T> out;
    const QJsonArray list = json.value(key).toArray();
    for (const QJsonValue &v : list) {
        T item = entry(v.toObject());
        if (listable(item))
            out << std::move(item);
    }
    return out;
}

QStringList attachmentStrings(const QJsonObject &json)
{
    return listed<QString>(json, "attachments"_L1, [](const QJsonObject &a) {
        const QString type = str(a, "contentType"_L1);
        if (isAdaptiveCard(type))
            return QString();   // its text is part of the message text
        const QString name = firstOf(a, {"name"_L1, "contentUrl"_L1, "attachmentId"_L1});
        return name.isEmpty() ? name : withType(name, type);
    });
}

QList<TranscriptLink> linkList(const QJsonObject &json)
{
    return listed<TranscriptLink>(json, "links"_L1, [](const QJsonObject &l) {
        return TranscriptLink{str(l, "displayName"_L1), str(l, "linkUrl"_L1)};
    });
}

QStringList mentionStrings(const QJsonObject &json)
{
    return listed<QString>(json, "mentions"_L1, [](const QJsonObject &m) {
        const QString text = str(m, "mentionText"_L1);
        if (!text.isEmpty())
            return text;
        // The mentioned identity set (user, application, …): the first with a display name.
        const QJsonObject mentioned = m.value("mentioned"_L1).toObject();
        for (const QJsonValue &ident : mentioned) {
            const QString name = str(ident.toObject(), "displayName"_L1);
            if (!name.isEmpty())
                return name;
        }
        return QString();
    });
}

QStringList contextStrings(const QJsonObject &json)
{
    return listed<QString>(json, "contexts"_L1, [](const QJsonObject &c) {
        const QString name = firstOf(c, {"displayName"_L1, "contextReference"_L1});
        return name.isEmpty() ? name : withType(name, str(c, "contextType"_L1));
    });
}

int roleOrder(MessageRole r)
{
    return r == MessageRole::Prompt ? 0 : r == MessageRole::Response ? 1 : 2;
}

} // namespace

QString copilotAuthorName()
{
    return QCoreApplication::translate("ledger::Transcript", "Copilot");
}

Transcript Transcript::fromInteractions(const QList<Interaction> &interactions, const QString &userName,
                                        const QString &userPrincipalName)
{
    Transcript t;
    t.userName = userName;
    t.userPrincipalName = userPrincipalName;
    const QString promptAuthor = !userName.isEmpty() ? userName
        : !userPrincipalName.isEmpty()              ? userPrincipalName
                                                    : QCoreApplication::translate("ledger::Transcript", "User");

    QStringList appNames;
    for (const Interaction &it : interactions) {
        TranscriptMessage m;
        m.id = it.id;
        m.created = it.created;
        m.appClass = it.appClass;
        m.appName = it.appClass.isEmpty() ? QString() : appNameForClass(it.appClass);
        switch (it.type) {
        case InteractionType::UserPrompt:
            m.role = MessageRole::Prompt;
            m.author = promptAuthor;
            ++t.promptCount;
            break;
        case InteractionType::AiResponse:
            m.role = MessageRole::Response;
            m.author = copilotAuthorName();
            ++t.responseCount;
            break;
        case InteractionType::Unknown:
            m.role = MessageRole::Other;
            m.author = QCoreApplication::translate("ledger::Transcript", "Other");
            break;
        }
        const QJsonObject json = it.json.isEmpty() && !it.raw.isEmpty() ? QJsonDocument::fromJson(it.raw).object() : it.json;
        const BodyText::Content content = BodyText::interactionContent(json);
        m.text = !it.bodyText.isEmpty() ? it.bodyText : content.text;
        m.markdown = content.markdown;
        const QList<TranscriptLink> links = linkList(json);
        QStringList shown;
        for (const BodyText::Citation &c : content.citations) {
            TranscriptCitation tc{c.number, c.url, {}};
            for (const TranscriptLink &l : links)
                if (l.url == c.url && tc.title.isEmpty())
                    tc.title = l.text;
            for (const BodyText::MarkdownLink &l : content.links)
                if (l.url == c.url && tc.title.isEmpty())
                    tc.title = l.title;
            m.citations << tc;
            shown << c.url;
        }
        for (const TranscriptLink &l : links) {
            if (l.url.isEmpty() || !shown.contains(l.url))
                m.links << l;
            shown << l.url;
        }
        for (const BodyText::MarkdownLink &l : content.links) {
            if (!shown.contains(l.url))
                m.links << TranscriptLink{l.title, l.url};
            shown << l.url;
        }
        m.attachments = attachmentStrings(json);
        m.mentions = mentionStrings(json);
        m.contexts = contextStrings(json);
        if (!m.appName.isEmpty() && !appNames.contains(m.appName))
            appNames << m.appName;
        if (t.userId.isEmpty())
            t.userId = it.userId;
        if (t.sessionId.isEmpty())
            t.sessionId = it.sessionId;
        t.messages << m;
    }

    std::stable_sort(t.messages.begin(), t.messages.end(), [](const TranscriptMessage &a, const TranscriptMessage &b) {
        if (a.created != b.created) {
            if (!a.created.isValid() || !b.created.isValid())
                return a.created.isValid() && !b.created.isValid();
            return a.created < b.created;
        }
        if (roleOrder(a.role) != roleOrder(b.role))
            return roleOrder(a.role) < roleOrder(b.role);
        return a.id < b.id;
    });

    for (const TranscriptMessage &m : std::as_const(t.messages)) {
        if (!m.created.isValid())
            continue;
        if (!t.started.isValid() || m.created < t.started)
            t.started = m.created;
        if (!t.ended.isValid() || m.created > t.ended)
            t.ended = m.created;
    }
    if (!t.messages.isEmpty())
        t.appClass = t.messages.constFirst().appClass;
    t.appName = appNames.join(", "_L1);
    return t;
}

} // namespace ledger
