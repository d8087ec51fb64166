#include "ui/common/TimeFormat.h"

#include <QSettings>
#include <QTimeZone>

namespace ledger::gui {

static const char kShowUtcKey[] = "view/showUtc";

bool showUtcSetting()
{
    return QSettings().value(QLatin1String(kShowUtcKey), false).toBool();
}

void setShowUtcSetting(bool on)
{
    QSettings().setValue(QLatin1String(kShowUtcKey), on);
}

QString displayTime(const QDateTime &utc, bool showUtc)
{
    if (!utc.isValid())
        return {};
    if (showUtc)
        return utc.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) + QStringLiteral(" UTC");
    const QDateTime local = utc.toLocalTime();
    QString zone = local.timeZoneAbbreviation();
    if (zone.isEmpty())
        zone = QString::fromUtf8(QTimeZone::systemTimeZoneId());
    return local.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) + u' ' + zone;
}

QString displayTime(const QDateTime &utc)
{
    return displayTime(utc, showUtcSetting());
}

QString utcTooltip(const QDateTime &utc)
{
    if (!utc.isValid())
        return {};
    return utc.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzz")) + QStringLiteral("Z (UTC)");
}

} // namespace ledger::gui
