#include "app/model/TextFidelity.h"

namespace ledger {

namespace {
// Position of the first unpaired surrogate at or after `from`, or -1.
qsizetype firstUnpaired(const QString &s, qsizetype from)
{
    const QChar *p = s.constData();
    const qsizetype n = s.size();
    for (qsizetype i = from; i < n; ++i) {
        const char16_t c = p[i].unicode();
        if (c < 0xD800 || c > 0xDFFF)
            continue;
        if (c <= 0xDBFF && i + 1 < n && QChar::isLowSurrogate(p[i + 1].unicode())) {
            ++i;   // a well-formed pair
            continue;
        }
        return i;
    }
    return -1;
}
} // namespace

bool hasUnpairedSurrogate(const QString &text)
{
    return firstUnpaired(text, 0) >= 0;
}

QString replaceUnpairedSurrogates(const QString &text)
{
    qsizetype at = firstUnpaired(text, 0);
    if (at < 0)
        return text;
    QString out = text;
    while (at >= 0) {
        out[at] = QChar::ReplacementCharacter;
        at = firstUnpaired(out, at + 1);
    }
    return out;
}

} // namespace ledger
