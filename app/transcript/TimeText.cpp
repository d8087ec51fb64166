#include "app/transcript/TimeText.h"

using namespace Qt::StringLiterals;

namespace ledger {

namespace {

QString zoneName(const QDateTime &local)
{
    QString zone = local.timeZoneAbbreviation();
    if (zone.isEmpty())
        zone = QString::fromUtf8(local.timeZone().id());
    if (zone.isEmpty())
        zone = QString::fromUtf8(QTimeZone::systemTimeZoneId());
    return zone;
}

} // namespace

QString displayTimeText(const QDateTime &utc, bool showUtc)
{
    if (!utc.isValid())
        return {};
    if (showUtc)
        return utc.toUTC().toString(u"yyyy-MM-dd HH:mm:ss"_s) + u" UTC"_s;
    const QDateTime local = utc.toLocalTime();
    return local.toString(u"yyyy-MM-dd HH:mm:ss"_s) + u' ' + zoneName(local);
}

QString utcTooltipText(const QDateTime &utc)
{
    if (!utc.isValid())
        return {};
    return utc.toUTC().toString(u"yyyy-MM-ddTHH:mm:ss.zzz"_s) + u"Z (UTC)"_s;
}

QString utcAndLocalText(const QDateTime &utc, const QTimeZone &zone)
{
    if (!utc.isValid())
        return {};
    const QDateTime u = utc.toUTC();
    QString text = u.toString(u"yyyy-MM-dd HH:mm:ss"_s) + u" UTC"_s;
    if (!zone.isValid())
        return text;
    const QDateTime local = u.toTimeZone(zone);
    if (local.offsetFromUtc() == 0 && (zone.id() == "UTC" || zone.id() == "Etc/UTC"))
        return text;
    const QString format = local.date() == u.date() ? u"HH:mm:ss"_s : u"yyyy-MM-dd HH:mm:ss"_s;
    return text + u" ("_s + local.toString(format) + u' ' + zoneName(local) + u')';
}

} // namespace ledger
