#pragma once
// Times as people read them (docs/USER-GUIDE.md "Times"): stored in UTC, shown in local time with
// the zone's name, or in UTC. The window's ui/common/TimeFormat adds its setting on top.
#include <QDateTime>
#include <QString>
#include <QTimeZone>

namespace ledger {

// "2025-03-04 14:05:09 CET" (local) or "2025-03-04 13:05:09 UTC"; "" for an invalid time.
QString displayTimeText(const QDateTime &utc, bool showUtc);
// The exact UTC time with milliseconds, "2025-03-04T13:05:09.123Z (UTC)".
QString utcTooltipText(const QDateTime &utc);
// Both at once for printed documents: "2025-03-04 13:05:09 UTC (14:05:09 CET)"; the local part
// in `zone` (the viewer's zone by default) and left out when it is UTC; with its date when the
// local date differs.
QString utcAndLocalText(const QDateTime &utc, const QTimeZone &zone = QTimeZone::systemTimeZone());

} // namespace ledger
