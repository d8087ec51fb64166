#include "app/detect/Finding.h"

using namespace Qt::StringLiterals;

namespace ledger::detect {

QString maskMatch(const QString &match)
{
    const qsizetype keep = match.size() > 4 ? 4 : 0;
    return QString(match.size() - keep, u'*') + match.right(keep);
}

QString findingKindKey(FindingKind k)
{
    return k == FindingKind::Watchlist ? u"watchlist"_s : u"sensitive"_s;
}

bool findingKindFromKey(const QString &key, FindingKind *out)
{
    if (key == u"sensitive")
        *out = FindingKind::Sensitive;
    else if (key == u"watchlist")
        *out = FindingKind::Watchlist;
    else
        return false;
    return true;
}

QString findingLocationKey(FindingLocation l)
{
    switch (l) {
    case FindingLocation::Prompt:
        return u"prompt"_s;
    case FindingLocation::Response:
        return u"response"_s;
    case FindingLocation::Attachment:
        return u"attachment"_s;
    }
    return u"prompt"_s;
}

bool findingLocationFromKey(const QString &key, FindingLocation *out)
{
    for (FindingLocation l : {FindingLocation::Prompt, FindingLocation::Response, FindingLocation::Attachment}) {
        if (findingLocationKey(l) == key) {
            *out = l;
            return true;
        }
    }
    return false;
}

} // namespace ledger::detect
