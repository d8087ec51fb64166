#include "app/export/FindingsCsv.h"
#include "app/detect/Finding.h"
#include "app/model/AppClass.h"

using namespace Qt::StringLiterals;

namespace ledger {

QStringList findingsHeader()
{
    return {u"interaction_id"_s, u"user_id"_s, u"user_principal_name"_s, u"created_utc"_s, u"app"_s, u"kind"_s,
            u"detector"_s, u"location"_s, u"match"_s};
}

QStringList findingCells(const FindingRow &r)
{
    return {r.interactionId, r.userId, r.userPrincipalName, formatUtc(r.created), appNameForClass(r.appClass), r.kind,
            r.detector, r.location, detect::maskMatch(r.match)};
}

} // namespace ledger
