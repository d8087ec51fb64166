#pragma once
// One stable colour per app from the Okabe–Ito palette (distinct for colour-blind readers; Word
// blue, Excel green, …), readable on light and dark backgrounds.
#include <QColor>
#include <QString>

namespace ledger::gui {

QColor appColor(const QString &appName, bool darkBackground);
// The index-th colour of the same palette (the findings series: one colour per detector or
// watchlist in stacking order; after eight the colours repeat, lighter).
QColor paletteColor(int index, bool darkBackground);

} // namespace ledger::gui
