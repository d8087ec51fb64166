#include "app/model/Conversation.h"

#include <QHash>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace ledger {

namespace {

// Appends i to the group of `key`; a new key starts a new group (groups keep the order of their
// first interaction).
void addToGroup(QHash<QString, int> &index, QList<QList<const Interaction *>> &groups, const QString &key,
                const Interaction *i)
{
    const auto it = index.constFind(key);
    if (it == index.constEnd()) {
        index.insert(key, int(groups.size()));
        groups.append({i});
    } else {
        groups[it.value()].append(i);
    }
}

bool earlier(const Interaction *a, const Interaction *b)
{
    const qint64 ta = a->created.isValid() ? a->created.toMSecsSinceEpoch() : 0;
    const qint64 tb = b->created.isValid() ? b->created.toMSecsSinceEpoch() : 0;
    if (ta != tb)
        return ta < tb;
    return a->id < b->id;
}

void appendUnique(QStringList *list, const QStringList &more)
{
    for (const QString &s : more)
        if (!list->contains(s))
            list->append(s);
}

Turn makeTurn(const Interaction *prompt, const QList<const Interaction *> &responses)
{
    Turn t;
    const Interaction *first = prompt ? prompt : responses.value(0);
    t.userId = first->userId;
    t.sessionId = first->sessionId;
    t.requestId = first->requestId;
    t.appClass = first->appClass;
    t.conversationType = first->conversationType;
    t.locale = first->locale;
    if (prompt) {
        t.promptId = prompt->id;
        t.promptCreated = prompt->created;
        t.promptText = prompt->bodyText;
        appendUnique(&t.attachments, prompt->attachments);
        appendUnique(&t.links, prompt->links);
        appendUnique(&t.contexts, prompt->contexts);
    }
    QStringList texts;
    for (const Interaction *r : responses) {
        if (t.responseId.isEmpty()) {
            t.responseId = r->id;
            t.responseCreated = r->created;
        }
        if (!r->bodyText.isEmpty())
            texts << r->bodyText;
        appendUnique(&t.attachments, r->attachments);
        appendUnique(&t.links, r->links);
        appendUnique(&t.contexts, r->contexts);
    }
    t.responseText = texts.join(u"\n\n"_s);
    return t;
}

} // namespace

QList<Turn> buildTurns(const QList<Interaction> &interactions)
{
    // Group by (user, session, requestId); a null requestId makes a turn of its own.
    QHash<QString, int> groupIndex;
    QList<QList<const Interaction *>> groups;
    for (const Interaction &i : interactions) {
        if (i.requestId.isEmpty()) {
            groups.append({&i});
            continue;
        }
        addToGroup(groupIndex, groups, i.userId + QChar(0x1F) + i.sessionId + QChar(0x1F) + i.requestId, &i);
    }
    QList<Turn> turns;
    turns.reserve(groups.size());
    for (QList<const Interaction *> &g : groups) {
        std::sort(g.begin(), g.end(), earlier);
        QList<const Interaction *> prompts, responses;
        for (const Interaction *i : g) {
            if (i->type == InteractionType::UserPrompt)
                prompts << i;
            else
                responses << i;
        }
        if (prompts.isEmpty()) {
            turns << makeTurn(nullptr, responses);
            continue;
        }
        // The first prompt takes the responses; repeated prompts (should not happen) stand alone.
        turns << makeTurn(prompts.first(), responses);
        for (qsizetype k = 1; k < prompts.size(); ++k)
            turns << makeTurn(prompts.at(k), {});
    }
    std::stable_sort(turns.begin(), turns.end(), [](const Turn &a, const Turn &b) {
        const QDateTime ta = a.promptCreated.isValid() ? a.promptCreated : a.responseCreated;
        const QDateTime tb = b.promptCreated.isValid() ? b.promptCreated : b.responseCreated;
        if (ta != tb)
            return ta < tb;
        const QString ia = a.promptId.isEmpty() ? a.responseId : a.promptId;
        const QString ib = b.promptId.isEmpty() ? b.responseId : b.promptId;
        return ia < ib;
    });
    return turns;
}

QList<Session> buildSessions(const QList<Interaction> &interactions)
{
    QHash<QString, int> index;
    QList<QList<const Interaction *>> groups;
    for (const Interaction &i : interactions) {
        addToGroup(index, groups, i.userId + QChar(0x1F) + i.sessionKey(), &i);
    }
    QList<Session> sessions;
    sessions.reserve(groups.size());
    for (QList<const Interaction *> &g : groups) {
        std::sort(g.begin(), g.end(), earlier);
        Session s;
        s.userId = g.first()->userId;
        s.sessionId = g.first()->sessionId;
        s.appClass = g.first()->appClass;
        s.started = g.first()->created;
        s.ended = g.last()->created;
        for (const Interaction *i : g) {
            if (i->type == InteractionType::UserPrompt) {
                if (s.promptCount == 0)
                    s.firstPrompt = i->bodyText;
                ++s.promptCount;
            } else {
                ++s.responseCount;
            }
        }
        sessions << s;
    }
    std::stable_sort(sessions.begin(), sessions.end(), [](const Session &a, const Session &b) {
        if (a.started != b.started)
            return a.started < b.started;
        if (a.userId != b.userId)
            return a.userId < b.userId;
        return a.sessionId < b.sessionId;
    });
    return sessions;
}

} // namespace ledger
