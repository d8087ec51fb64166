#pragma once
// The findings of a conversation's messages (detectors and watchlists, docs/DETECTION.md) as
// marks on the message text: the text as it appears, and a label naming what was found with the
// match masked. The conversation view highlights them; the transcripts highlight and list them.
#include <QHash>
#include <QList>
#include <QString>
#include <functional>

namespace ledger {

class Archive;
struct Interaction;

struct FindingMark {
    QString needle;   // the text as it appears in the message (line breaks normalised to LF)
    QString label;    // e.g. "Card numbers: ************1111"
};

// kind ("sensitive" / "watchlist") and detector or watchlist name → the words before the masked
// match. Default: the detector's name, "watchlist <name>" for a watchlist.
using FindingLabeler = std::function<QString(bool watchlist, const QString &detector)>;

// message id → the marks of its prompt/response text (attachment findings are not in the
// message text and are left out), from the archive's stored findings.
QHash<QString, QList<FindingMark>> findingMarksFor(const Archive &archive, const QList<Interaction> &interactions,
                                                   const FindingLabeler &labeler = {});

} // namespace ledger
