#pragma once
// One stable colour per app, recognisable (Word blue, Excel green, …) and readable on light and
// dark backgrounds.
#include <QColor>
#include <QString>

namespace ledger::gui {

QColor appColor(const QString &appName, bool darkBackground);

} // namespace ledger::gui
