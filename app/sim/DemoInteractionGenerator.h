#pragma once
// Generates one user's aiInteraction objects for the demo tenant (sessions of 1–8 turns; a turn
// is a userPrompt and one or two aiResponses with the same requestId) and serializes them to the
// exact bytes the server sends. A fixed schedule plants every special case (hostile bodies,
// formula prefixes, 200 KB bodies, null ids, orphans…) early, so even small tenants have them.
#include "app/sim/DemoContent.h"
#include "app/sim/SplitMix64.h"
#include <QByteArray>
#include <QList>
#include <QSet>
#include <QString>

namespace ledger::sim {

struct GeneratedInteraction {
    qint64 createdMs = 0;
    QString appClass;
    QByteArray bytes;
};

struct DemoColleague {
    QString id;
    QString displayName;
};

class DemoInteractionGenerator {
public:
    DemoInteractionGenerator(const QString &tenantId, const QString &domain, QList<DemoColleague> colleagues);

    // count interactions for userId with createdDateTime in [fromMs, toMs), oldest first.
    QList<GeneratedInteraction> generate(const QString &userId, DemoLang lang, int count, qint64 fromMs,
                                         qint64 toMs, SplitMix64 &rng);

    static QString guid(SplitMix64 &rng);

private:
    enum class Feature {
        None, Hostile0, Hostile1, Hostile2, Hostile3, Hostile4, FormulaEq, FormulaPlus, FormulaMinus,
        FormulaAt, Messy, Big, NullRequest, NullSession, Orphan, NoResponse, Emoji
    };
    struct Item;
    Feature nextFeature();
    void addTurn(QList<Item> &items, const QString &userId, DemoApp app, DemoLang lang, const QString &sessionId,
                 qint64 promptMs, SplitMix64 &rng);
    QByteArray serialize(const Item &item);
    QString uniqueId(qint64 ms);

    QString m_tenantId;
    QString m_domain;
    QList<DemoColleague> m_colleagues;
    QSet<qint64> m_usedIds;
    int m_turn = 0;
    int m_forced = 0;
};

} // namespace ledger::sim
