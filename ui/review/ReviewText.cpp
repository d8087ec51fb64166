#include "ui/review/ReviewText.h"

namespace ledger::gui {

QString ReviewText::statusName(const QString &key)
{
    if (key == QLatin1String("unreviewed"))
        return tr("Unreviewed");
    if (key == QLatin1String("flagged"))
        return tr("Flagged");
    if (key == QLatin1String("escalated"))
        return tr("Escalated");
    if (key == QLatin1String("cleared"))
        return tr("Cleared");
    return key;
}

QStringList ReviewText::statusKeys()
{
    return {QStringLiteral("unreviewed"), QStringLiteral("flagged"), QStringLiteral("escalated"), QStringLiteral("cleared")};
}

QString ReviewText::casesCell(const QStringList &cases)
{
    return cases.join(tr(", ", "between case names"));
}

} // namespace ledger::gui
