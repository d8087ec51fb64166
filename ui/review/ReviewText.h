#pragma once
// The words the window uses for review statuses (the stored keys are review/ReviewTypes.h's).
#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace ledger::gui {

struct ReviewText {
    Q_DECLARE_TR_FUNCTIONS(ReviewText)
public:
    // "Unreviewed", "Flagged", "Escalated", "Cleared" for a status key; the key itself otherwise.
    static QString statusName(const QString &key);
    static QStringList statusKeys();   // in workflow order
    // A table cell for a case list ("Falcon, Legal hold").
    static QString casesCell(const QStringList &cases);
};

} // namespace ledger::gui
