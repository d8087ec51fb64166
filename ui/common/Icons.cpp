#include "ui/common/Icons.h"

#include <QApplication>
#include <QFile>
#include <QHash>
#include <QPalette>
#include <QPixmap>

static void initIconResources()
{
    Q_INIT_RESOURCE(icons);
}

namespace ledger::gui {

namespace {

QPixmap renderSvg(const QByteArray &svg, int size)
{
    QPixmap pm;
    pm.loadFromData(svg, "SVG");
    if (pm.isNull())
        return pm;
    return pm.scaled(size, size, Qt::KeepAspectRatio, Qt::SmoothTransformation);
}

} // namespace

QIcon themedIcon(const QString &name)
{
    static bool initialised = false;
    if (!initialised) {
        initIconResources();
        initialised = true;
    }
    const QPalette pal = QApplication::palette();
    const QString key = name + QLatin1Char('|') + pal.color(QPalette::WindowText).name();
    static QHash<QString, QIcon> cache;
    const auto it = cache.constFind(key);
    if (it != cache.constEnd())
        return *it;

    QFile f(QStringLiteral(":/icons/") + name + QStringLiteral(".svg"));
    QIcon icon;
    if (f.open(QIODevice::ReadOnly)) {
        const QByteArray raw = f.readAll();
        QByteArray normal = raw;
        normal.replace("currentColor", pal.color(QPalette::WindowText).name().toLatin1());
        QByteArray disabled = raw;
        disabled.replace("currentColor",
                         pal.color(QPalette::Disabled, QPalette::WindowText).name().toLatin1());
        QByteArray selected = raw;
        selected.replace("currentColor", pal.color(QPalette::HighlightedText).name().toLatin1());
        // Render large and let QIcon scale down: crisp on high-DPI screens.
        for (int size : {16, 24, 32, 48, 64}) {
            icon.addPixmap(renderSvg(normal, size), QIcon::Normal);
            icon.addPixmap(renderSvg(disabled, size), QIcon::Disabled);
            icon.addPixmap(renderSvg(selected, size), QIcon::Selected);
        }
    }
    cache.insert(key, icon);
    return icon;
}

QIcon appIcon()
{
    // The executable links the real application icon (resources/, set as the window icon at
    // start-up); libraries and tests fall back to a simple drawn one.
    const QIcon fromApp = QApplication::windowIcon();
    if (!fromApp.isNull() && !fromApp.availableSizes().isEmpty())
        return fromApp;
    return themedIcon(QStringLiteral("app"));
}

} // namespace ledger::gui
