#pragma once
// Line icons from ui/icons/*.svg, tinted with the palette's text colour so they read well in
// light and dark palettes ("currentColor" in the SVG is replaced; status icons keep their accent).
#include <QIcon>
#include <QString>

namespace ledger::gui {

QIcon themedIcon(const QString &name);   // name without ".svg", e.g. "sync"
QIcon appIcon();

} // namespace ledger::gui
