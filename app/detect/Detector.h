#pragma once
// A sensitive-information detector: finds candidates in a text and keeps only those that pass a
// checksum or a structure test (never a bare pattern). Detectors are stateless and thread-safe:
// one instance serves every thread. New detectors are added in DetectorRegistry.cpp (see
// docs/DETECTION.md, "Adding a detector").
#include "app/detect/Finding.h"

namespace ledger::detect {

class Detector {
public:
    virtual ~Detector() = default;
    // The stable name used in the archive, findings.csv and the window (lower_snake_case).
    virtual QString name() const = 0;
    // A short human description for the window ("Payment card number (Luhn, issuer prefix)").
    virtual QString description() const = 0;
    // Appends the matches in text (ascending start, not overlapping each other).
    virtual void scan(const QString &text, QList<Match> &out) const = 0;
};

// Character classes shared by the detectors.
inline bool isAsciiDigit(QChar c) { return c.unicode() >= u'0' && c.unicode() <= u'9'; }
inline bool isAsciiUpper(QChar c) { return c.unicode() >= u'A' && c.unicode() <= u'Z'; }
inline bool isAsciiAlnum(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= u'0' && u <= u'9') || (u >= u'A' && u <= u'Z') || (u >= u'a' && u <= u'z');
}
// A character that continues a word or number (a match must not start or end next to one).
inline bool isWordChar(QChar c) { return c.isLetterOrNumber() || c == u'_'; }
inline bool wordCharAt(const QString &s, qsizetype i) { return i >= 0 && i < s.size() && isWordChar(s.at(i)); }

} // namespace ledger::detect
