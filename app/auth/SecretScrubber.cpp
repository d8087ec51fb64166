#include "app/auth/SecretScrubber.h"

#include <QUrl>

using namespace Qt::StringLiterals;

namespace ledger {

QString scrubSecret(QString text, const QString &secret)
{
    if (secret.isEmpty() || text.isEmpty())
        return text;
    const QString encoded = QString::fromLatin1(QUrl::toPercentEncoding(secret));
    // Longest first: the encoded form may contain the raw one's characters.
    for (const QString &form : {encoded, encoded.toLower(), secret}) {
        if (!form.isEmpty())
            text.replace(form, u"***"_s, Qt::CaseSensitive);
    }
    // Percent-encoding is case-insensitive in its hex digits: catch mixed-case echoes too.
    if (encoded != secret)
        text.replace(encoded, u"***"_s, Qt::CaseInsensitive);
    return text;
}

} // namespace ledger
