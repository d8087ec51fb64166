#include "app/transcript/TranscriptSession.h"

#include "app/archive/Archive.h"
#include "app/export/JsonlLine.h"
#include "app/review/ReviewStore.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QSet>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace ledger {

QString interactionsSha256(const QList<Interaction> &interactions)
{
    QCryptographicHash h(QCryptographicHash::Sha256);
    for (const Interaction &i : interactions)
        h.addData(interactionsJsonlLine(i.userId, i.raw));
    return QString::fromLatin1(h.result().toHex());
}

TranscriptPerson TranscriptBuilder::personFor(const QString &userId) const
{
    if (m_namer)
        return m_namer(userId);
    const auto it = m_people.constFind(userId);
    if (it != m_people.constEnd())
        return it.value();
    TranscriptPerson p;
    if (const std::optional<User> u = m_archive.reader().user(userId)) {
        p.name = u->displayName;
        p.upn = u->userPrincipalName;
    }
    m_people.insert(userId, p);
    return p;
}

TranscriptSession TranscriptBuilder::basic(const QList<Interaction> &interactions, const TranscriptPerson &person,
                                           const QList<qint64> &lines)
{
    TranscriptSession s;
    if (interactions.isEmpty())
        return s;
    QList<Interaction> parsed = interactions;
    for (Interaction &i : parsed)
        if (i.json.isEmpty() && !i.raw.isEmpty())
            i.json = QJsonDocument::fromJson(i.raw).object();
    s.person = person;
    s.transcript = Transcript::fromInteractions(parsed, person.name, person.upn);
    s.transcript.userId = parsed.constFirst().userId;
    s.sessionId = parsed.constFirst().sessionId;
    s.transcript.sessionId = s.sessionId;
    const QDateTime first = s.transcript.started.isValid() ? s.transcript.started : parsed.constFirst().created;
    s.day = first.toUTC().date();
    s.rawSha256 = interactionsSha256(parsed);
    s.interactionCount = int(parsed.size());
    s.jsonlLines = lines;
    return s;
}

TranscriptSession TranscriptBuilder::build(const QList<Interaction> &interactions, const QList<qint64> &lines) const
{
    if (interactions.isEmpty())
        return {};
    const QString userId = interactions.constFirst().userId;
    TranscriptSession s = basic(interactions, personFor(userId), lines);
    const QList<Interaction> &parsed = interactions;
    s.findings = findingMarksFor(m_archive, parsed, m_labeler);
    if (m_reviews) {
        ReviewStore store(m_archive);
        QList<ReviewRef> turnRefs, sessionRefs;
        QSet<QString> sessionKeys;
        for (const Interaction &i : std::as_const(parsed)) {
            turnRefs << ReviewRef{userId, ReviewKind::Turn, i.id, i.sessionKey()};
            if (!sessionKeys.contains(i.sessionKey())) {
                sessionKeys.insert(i.sessionKey());
                sessionRefs << ReviewRef{userId, ReviewKind::Session, i.sessionKey(), i.sessionKey()};
            }
        }
        const QHash<QString, ReviewRecord> turns = store.records(turnRefs);
        for (const ReviewRef &r : std::as_const(turnRefs)) {
            const ReviewRecord rec = turns.value(r.key());
            if (rec.exists)
                s.turnReviews.insert(r.itemId, rec);
        }
        const QHash<QString, ReviewRecord> sessions = store.records(sessionRefs);
        for (const ReviewRef &r : std::as_const(sessionRefs)) {
            const ReviewRecord rec = sessions.value(r.key());
            if (rec.exists)
                s.sessionReviews << rec;
        }
    }
    return s;
}

QList<QList<int>> TranscriptBuilder::groupSessions(const QList<Interaction> &interactions)
{
    QHash<QString, int> index;
    QList<QList<int>> groups;
    for (int k = 0; k < interactions.size(); ++k) {
        const Interaction &i = interactions.at(k);
        const QString key = !i.sessionId.isEmpty() ? u"s:"_s + i.sessionId
                                                   : u"d:"_s + i.created.toUTC().date().toString(Qt::ISODate);
        const auto it = index.constFind(key);
        if (it == index.constEnd()) {
            index.insert(key, int(groups.size()));
            groups.append(QList<int>{k});
        } else {
            groups[it.value()].append(k);
        }
    }
    // Groups by their first interaction (input order is time order, so the first index is the
    // earliest); stable for equal starts.
    std::stable_sort(groups.begin(), groups.end(), [](const QList<int> &a, const QList<int> &b) {
        return a.constFirst() < b.constFirst();
    });
    return groups;
}

TranscriptSession TranscriptBuilder::forSession(const QString &userId, const QString &sessionKey) const
{
    return build(m_archive.reader().sessionInteractions(userId, sessionKey));
}

QList<TranscriptSession> TranscriptBuilder::forUser(const QString &userId, const QDateTime &from, const QDateTime &to) const
{
    ArchiveFilter f;
    f.userIds = {userId};
    f.from = from;
    f.to = to;
    QList<Interaction> all;
    m_archive.reader().forEachInteraction(f, [&all](const Interaction &i) {
        all << i;
        return true;
    });
    QList<TranscriptSession> out;
    for (const QList<int> &g : groupSessions(all)) {
        QList<Interaction> part;
        for (int k : g)
            part << all.at(k);
        out << build(part);
    }
    return out;
}

QList<TranscriptSession> TranscriptBuilder::forSessions(const QList<QPair<QString, QString>> &userAndSessionKeys) const
{
    QList<TranscriptSession> out;
    QSet<QString> seen;
    for (const auto &[userId, key] : userAndSessionKeys) {
        const QString id = userId + QChar(0x1F) + key;
        if (seen.contains(id))
            continue;
        seen.insert(id);
        TranscriptSession s = forSession(userId, key);
        if (!s.transcript.isEmpty())
            out << s;
    }
    return out;
}

QList<QPair<QString, QString>> TranscriptBuilder::caseSessions(const QString &caseName) const
{
    ReviewStore store(m_archive);
    struct Item {
        QString userId, key;
        QDateTime start;
    };
    QList<Item> items;
    QSet<QString> seen;
    auto add = [&](const QString &userId, const QString &key) {
        if (userId.isEmpty() || key.isEmpty() || seen.contains(userId + QChar(0x1F) + key))
            return;
        seen.insert(userId + QChar(0x1F) + key);
        const QList<Interaction> list = m_archive.reader().sessionInteractions(userId, key);
        if (!list.isEmpty())
            items.append({userId, key, list.constFirst().created});
    };
    const QString wanted = caseName.trimmed();
    for (ReviewKind kind : {ReviewKind::Session, ReviewKind::Turn}) {
        for (const ReviewRecord &r : store.allRecords(kind)) {
            bool inCase = false;
            for (const QString &c : r.cases)
                inCase = inCase || c.compare(wanted, Qt::CaseInsensitive) == 0;
            if (!inCase)
                continue;
            add(r.ref.userId, kind == ReviewKind::Session ? r.ref.itemId : r.ref.sessionKey);
        }
    }
    std::stable_sort(items.begin(), items.end(), [](const Item &a, const Item &b) {
        if (a.start != b.start)
            return a.start < b.start;
        return a.userId + a.key < b.userId + b.key;
    });
    QList<QPair<QString, QString>> out;
    for (const Item &i : std::as_const(items))
        out.append({i.userId, i.key});
    return out;
}

QString TranscriptBuilder::lastError() const
{
    return m_archive.lastError();
}

} // namespace ledger
