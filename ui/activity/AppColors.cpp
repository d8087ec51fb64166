#include "ui/activity/AppColors.h"

#include <QHash>

namespace ledger::gui {

QColor appColor(const QString &appName, bool darkBackground)
{
    // The Okabe–Ito palette: eight colours that stay distinct for the common forms of colour
    // blindness. The most used apps get one each; the rarer ones share greys.
    static const QHash<QString, QRgb> known = {
        {QStringLiteral("Word"), 0x0072B2},          {QStringLiteral("Excel"), 0x009E73},
        {QStringLiteral("PowerPoint"), 0xD55E00},    {QStringLiteral("Outlook"), 0x56B4E9},
        {QStringLiteral("Teams"), 0xCC79A7},         {QStringLiteral("Copilot Chat"), 0xE69F00},
        {QStringLiteral("Web Chat"), 0xF0E442},      {QStringLiteral("Loop"), 0x000000},
    };
    static const QRgb fallback[] = {0x999999, 0x666666, 0x808080, 0x4D4D4D};
    QRgb rgb;
    const auto it = known.constFind(appName);
    if (it != known.cend())
        rgb = *it;
    else
        rgb = fallback[qHash(appName, 7u) % (sizeof fallback / sizeof fallback[0])];
    // On a dark window black would vanish: it becomes white there (the palette's usual swap);
    // the other colours keep their hue, a little lighter.
    if (darkBackground && rgb == 0x000000)
        return QColor::fromRgb(0xFFFFFF);
    const QColor c = QColor::fromRgb(rgb);
    return darkBackground ? c.lighter(115) : c;
}

QColor paletteColor(int index, bool darkBackground)
{
    static const QRgb okabeIto[] = {0xE69F00, 0x56B4E9, 0x009E73, 0xD55E00, 0x0072B2, 0xCC79A7, 0xF0E442, 0x999999};
    constexpr int n = int(sizeof okabeIto / sizeof okabeIto[0]);
    const int i = qMax(0, index);
    QColor c = QColor::fromRgb(okabeIto[i % n]);
    if (i >= n)
        c = c.lighter(100 + 25 * (i / n));
    return darkBackground ? c.lighter(115) : c;
}

} // namespace ledger::gui
