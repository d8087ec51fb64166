#include "app/detect/FindingScanner.h"
#include "app/detect/DetectorRegistry.h"

#include <QCryptographicHash>

using namespace Qt::StringLiterals;

namespace ledger::detect {

FindingLocation FindingScanner::bodyLocation(const Interaction &i)
{
    return i.type == InteractionType::UserPrompt ? FindingLocation::Prompt : FindingLocation::Response;
}

QList<Finding> FindingScanner::scanText(const QString &text, FindingLocation location, Scope scope) const
{
    QList<Finding> out;
    if (text.isEmpty())
        return out;
    QList<Match> matches;
    if (scope & SensitiveOnly) {
        for (const Detector *d : DetectorRegistry::detectors()) {
            matches.clear();
            d->scan(text, matches);
            for (const Match &m : std::as_const(matches))
                out << Finding{FindingKind::Sensitive, d->name(), location, m.normalized, m.start, m.length};
        }
    }
    if ((scope & WatchlistsOnly) && !m_watchlists.isEmpty()) {
        const FoldedText folded(text);
        for (const Watchlist &w : m_watchlists) {
            matches.clear();
            w.scan(folded, matches);
            for (const Match &m : std::as_const(matches))
                out << Finding{FindingKind::Watchlist, w.name(), location, m.normalized, m.start, m.length};
        }
    }
    return out;
}

QList<Finding> FindingScanner::scan(const Interaction &i, Scope scope) const
{
    QList<Finding> out = scanText(i.bodyText, bodyLocation(i), scope);
    if (!i.attachments.isEmpty())
        out << scanText(i.attachments.join(u'\n'), FindingLocation::Attachment, scope);
    return out;
}

QString FindingScanner::signature(const QList<Watchlist> &watchlists)
{
    if (watchlists.isEmpty())
        return QString();
    QCryptographicHash h(QCryptographicHash::Sha256);
    for (const Watchlist &w : watchlists) {
        h.addData(w.name().toUtf8());
        h.addData(QByteArrayView("\x1f", 1));
        for (const Watchlist::Term &t : w.terms()) {
            h.addData(t.text.toUtf8());
            h.addData(QByteArrayView("\x1e", 1));
        }
        h.addData(QByteArrayView("\x1d", 1));
    }
    return QString::fromLatin1(h.result().toHex());
}

} // namespace ledger::detect
