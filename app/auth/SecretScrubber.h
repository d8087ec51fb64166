#pragma once
// The one secret scrubber: text that came from a server or a library (an error description, a
// proxy's echo of the request) passes through here before it is printed, shown or logged, so the
// client secret — raw or percent-encoded as it travels in the token request's form body — never
// reaches a terminal, a scheduler log or a dialog.
#include <QString>

namespace ledger {

// `text` with every occurrence of `secret` (and of its form/percent encodings) replaced by ***.
QString scrubSecret(QString text, const QString &secret);

} // namespace ledger
