#include "app/sim/JsonText.h"

#include "app/model/JsonQuote.h"

namespace ledger::sim::json {

QByteArray quote(const QString &s) { return ledger::json::quote(s); }
QByteArray quote(const char *utf8) { return ledger::json::quoteUtf8(QByteArray(utf8)); }
QByteArray quoteOrNull(const QString &s) { return s.isNull() ? QByteArrayLiteral("null") : quote(s); }

} // namespace ledger::sim::json
