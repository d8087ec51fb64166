#pragma once
// A JSON string literal written by hand (for the export's interactions.jsonl and the demo
// tenant's answers, which keep exact bytes and key order): escapes ", \ and control characters,
// keeps every other character — including those outside the BMP — as UTF-8.
#include <QByteArray>
#include <QString>

namespace ledger::json {

QByteArray quote(const QString &s);
QByteArray quoteUtf8(const QByteArray &utf8);

} // namespace ledger::json
