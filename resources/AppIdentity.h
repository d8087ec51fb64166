#pragma once
// Desktop identity of the executable: the window icon (from the :/app resources linked into
// copilot-ledger) and the desktop-entry name used by Wayland/X11 to match the .desktop file.
// Applied automatically when a QGuiApplication is constructed (Q_COREAPP_STARTUP_FUNCTION);
// a headless command (QCoreApplication) is left untouched.
#include <QIcon>
#include <QString>

namespace ledger::resources {

// Reverse-DNS id shared by the .desktop file and the AppStream metainfo.
QString desktopFileName();
// The application icon from the pre-rendered PNG sizes (works without the SVG plugins;
// :/app/copilot-ledger.svg is in the resources too for views that want to scale it).
QIcon applicationIcon();

} // namespace ledger::resources
