#pragma once
// Times are stored in UTC and shown in local time with the zone name, UTC on hover
// (an officer compares times with colleagues in other zones). A setting ("view/showUtc") switches the display to UTC.
#include <QDateTime>
#include <QString>

namespace ledger::gui {

bool showUtcSetting();
void setShowUtcSetting(bool on);

// "2025-03-04 14:05:09 CET" (local) or "2025-03-04 13:05:09 UTC"; "" for an invalid time.
QString displayTime(const QDateTime &utc, bool showUtc);
QString displayTime(const QDateTime &utc);        // uses showUtcSetting()
// Tooltip: the exact UTC time with milliseconds, "2025-03-04T13:05:09.123Z (UTC)".
QString utcTooltip(const QDateTime &utc);

} // namespace ledger::gui
