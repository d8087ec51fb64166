#include "ui/common/TimeFormat.h"
#include "app/transcript/TimeText.h"

#include <QSettings>

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
    return ledger::displayTimeText(utc, showUtc);
}

QString displayTime(const QDateTime &utc)
{
    return displayTime(utc, showUtcSetting());
}

QString utcTooltip(const QDateTime &utc)
{
    return ledger::utcTooltipText(utc);
}

} // namespace ledger::gui
