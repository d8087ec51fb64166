#include "activity/AppColors.h"

#include <QHash>

namespace ledger::gui {

QColor appColor(const QString &appName, bool darkBackground)
{
    static const QHash<QString, QRgb> known = {
        {QStringLiteral("Word"), 0x2b6cc4},         {QStringLiteral("Excel"), 0x1e8a4c},
        {QStringLiteral("PowerPoint"), 0xd35230},   {QStringLiteral("Outlook"), 0x38a6e8},
        {QStringLiteral("Teams"), 0x6a6fc9},        {QStringLiteral("Copilot Chat"), 0x0f9d8f},
        {QStringLiteral("Web Chat"), 0xb0479a},     {QStringLiteral("Loop"), 0x8e5bd8},
        {QStringLiteral("OneNote"), 0x9a3fb5},      {QStringLiteral("Whiteboard"), 0xd99a1e},
        {QStringLiteral("Forms"), 0x038387},        {QStringLiteral("Planner"), 0x31752f},
    };
    static const QRgb fallback[] = {0x7a7f87, 0xc2732b, 0x4f8a8b, 0xa05a7a, 0x6b8e23, 0x8c6d3f};
    QColor c;
    const auto it = known.constFind(appName);
    if (it != known.cend())
        c = QColor::fromRgb(*it);
    else
        c = QColor::fromRgb(fallback[qHash(appName, 7u) % (sizeof fallback / sizeof fallback[0])]);
    return darkBackground ? c.lighter(125) : c;
}

} // namespace ledger::gui
