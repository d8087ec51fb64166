#pragma once
// Hand-written JSON text for the demo tenant: keeps Graph's key order and exact bytes, and is
// much faster than building QJsonObjects for 30,000 interactions.
#include <QByteArray>
#include <QString>

namespace ledger::sim::json {

// A JSON string literal (with quotes) for s; escapes ", \, control characters; keeps UTF-8.
QByteArray quote(const QString &s);
QByteArray quote(const char *utf8);
// "null" when s is null, else quote(s).
QByteArray quoteOrNull(const QString &s);

} // namespace ledger::sim::json
