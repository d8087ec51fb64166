#pragma once
// One finding of the sensitive-information detectors or of a watchlist: where it is (which text
// of the interaction, which characters) and what it is (the detector's normalised form).
// See docs/DETECTION.md.
#include <QList>
#include <QString>

namespace ledger::detect {

enum class FindingKind { Sensitive, Watchlist };
// Which text of an interaction: the prompt's or the response's plain text (body with cards
// inlined), or the attachment lines (the archive's `attachments` column, joined by '\n').
enum class FindingLocation { Prompt, Response, Attachment };

// What a detector reports inside one text.
struct Match {
    QString normalized;        // digits only for cards/national numbers, IBAN upper-case without spaces, the token for secrets
    qsizetype start = 0;       // UTF-16 code units into the scanned text
    qsizetype length = 0;
};

struct Finding {
    FindingKind kind = FindingKind::Sensitive;
    QString detector;          // detector name (credit_card, …) or the watchlist's name
    FindingLocation location = FindingLocation::Prompt;
    QString match;             // normalised, NOT masked (mask with maskMatch before showing it)
    qsizetype start = 0;
    qsizetype length = 0;
    friend bool operator==(const Finding &a, const Finding &b)
    {
        return a.kind == b.kind && a.detector == b.detector && a.location == b.location && a.match == b.match
            && a.start == b.start && a.length == b.length;
    }
};

// All but the last four characters replaced by '*' (a match of four or fewer characters is
// masked completely: showing it would show all of it).
QString maskMatch(const QString &match);

QString findingKindKey(FindingKind k);            // sensitive | watchlist
bool findingKindFromKey(const QString &key, FindingKind *out);
QString findingLocationKey(FindingLocation l);    // prompt | response | attachment
bool findingLocationFromKey(const QString &key, FindingLocation *out);

} // namespace ledger::detect
