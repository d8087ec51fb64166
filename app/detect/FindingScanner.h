#pragma once
// Runs the built-in detectors and a set of watchlists over an interaction: the prompt's or the
// response's plain text, and its attachment lines. Thread-safe for concurrent scans (const).
#include "app/detect/Finding.h"
#include "app/detect/Watchlist.h"
#include "app/model/Interaction.h"

namespace ledger::detect {

class FindingScanner {
public:
    enum Scope { SensitiveOnly = 1, WatchlistsOnly = 2, Everything = 3 };
    explicit FindingScanner(const QList<Watchlist> &watchlists = {}) : m_watchlists(watchlists) {}

    const QList<Watchlist> &watchlists() const { return m_watchlists; }
    // userPrompt → prompt, otherwise response; the attachments → attachment (offsets into the
    // lines joined by '\n', as the archive stores them).
    QList<Finding> scan(const Interaction &interaction, Scope scope = Everything) const;
    QList<Finding> scanText(const QString &text, FindingLocation location, Scope scope = Everything) const;
    static FindingLocation bodyLocation(const Interaction &interaction);
    // Identifies a set of watchlists (names and terms): stored findings of another signature
    // are out of date.
    static QString signature(const QList<Watchlist> &watchlists);

private:
    QList<Watchlist> m_watchlists;
};

} // namespace ledger::detect
