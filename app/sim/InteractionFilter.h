#pragma once
// The $filter grammar getAllEnterpriseInteractions accepts (docs/GRAPH.md):
//   createdDateTime gt <ISO> and createdDateTime lt <ISO> [and (appClass eq '…' or appClass eq '…')]
// in any order; parentheses optional around a single appClass term. Both time bounds are needed
// when either appears (one bound → the service answers 500); only strict gt/lt.
#include <QString>
#include <QStringList>
#include <optional>

namespace ledger::sim {

struct InteractionFilter {
    enum class Outcome { Ok, BadRequest, OneBound };

    Outcome outcome = Outcome::Ok;
    QString error;                        // message for BadRequest / OneBound
    std::optional<qint64> afterMs;        // createdDateTime gt
    std::optional<qint64> beforeMs;       // createdDateTime lt
    QStringList appClasses;               // OR-ed; empty = any

    static InteractionFilter parse(const QString &text);
    bool matches(qint64 createdMs, const QString &appClass) const;
    // A canonical form (for binding skip tokens to the query).
    QString canonical() const;
};

} // namespace ledger::sim
