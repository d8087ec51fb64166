#include "app/transcript/FindingMarks.h"

#include "app/archive/Archive.h"
#include "app/detect/Finding.h"

using namespace Qt::StringLiterals;

namespace ledger {

QHash<QString, QList<FindingMark>> findingMarksFor(const Archive &archive, const QList<Interaction> &interactions,
                                                   const FindingLabeler &labeler)
{
    QHash<QString, QList<FindingMark>> out;
    for (const Interaction &i : interactions) {
        for (const detect::Finding &f : archive.findings().interactionFindings(i.userId, i.id)) {
            if (f.location == detect::FindingLocation::Attachment)
                continue;
            QString needle = i.bodyText.mid(f.start, f.length);
            needle.replace(u"\r\n"_s, u"\n"_s);
            if (needle.trimmed().isEmpty())
                continue;
            const bool watchlist = f.kind == detect::FindingKind::Watchlist;
            const QString what = labeler ? labeler(watchlist, f.detector)
                : watchlist              ? u"watchlist "_s + f.detector
                                         : f.detector;
            out[i.id] << FindingMark{needle, what + u": "_s + detect::maskMatch(f.match)};
        }
    }
    return out;
}

} // namespace ledger
