#include "app/transcript/Transcript.h"

#include "app/model/AppClass.h"
#include "app/model/BodyText.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>

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

QStringList attachmentStrings(const QJsonObject &json)
{
    QStringList out;
    const QJsonArray list = json.value("attachments"_L1).toArray();
    for (const QJsonValue &v : list) {
        const QJsonObject a = v.toObject();
        const QString type = str(a, "contentType"_L1);
        if (isAdaptiveCard(type))
            continue;   // its text is part of the message text
        QString name = str(a, "name"_L1);
        if (name.isEmpty())
            name = str(a, "contentUrl"_L1);
        if (name.isEmpty())
            name = str(a, "attachmentId"_L1);
        if (name.isEmpty())
            continue;
        out << (type.isEmpty() ? name : name + " ("_L1 + type + u')');
    }
    return out;
}

QList<TranscriptLink> linkList(const QJsonObject &json)
{
    QList<TranscriptLink> out;
    const QJsonArray list = json.value("links"_L1).toArray();
    for (const QJsonValue &v : list) {
        const QJsonObject l = v.toObject();
        TranscriptLink link{str(l, "displayName"_L1), str(l, "linkUrl"_L1)};
        if (!link.url.isEmpty() || !link.text.isEmpty())
            out << link;
    }
    return out;
}

QStringList mentionStrings(const QJsonObject &json)
{
    QStringList out;
    const QJsonArray list = json.value("mentions"_L1).toArray();
    for (const QJsonValue &v : list) {
        const QJsonObject m = v.toObject();
        QString text = str(m, "mentionText"_L1);
        if (text.isEmpty()) {
            const QJsonObject mentioned = m.value("mentioned"_L1).toObject();
            for (const QJsonValue &ident : mentioned) {
                text = str(ident.toObject(), "displayName"_L1);
                if (!text.isEmpty())
                    break;
            }
        }
        if (!text.isEmpty())
            out << text;
    }
    return out;
}

QStringList contextStrings(const QJsonObject &json)
{
    QStringList out;
    const QJsonArray list = json.value("contexts"_L1).toArray();
    for (const QJsonValue &v : list) {
        const QJsonObject c = v.toObject();
        QString name = str(c, "displayName"_L1);
        const QString type = str(c, "contextType"_L1);
        const QString ref = str(c, "contextReference"_L1);
        if (name.isEmpty())
            name = ref;
        if (name.isEmpty())
            continue;
        out << (type.isEmpty() ? name : name + " ("_L1 + type + u')');
    }
    return out;
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
