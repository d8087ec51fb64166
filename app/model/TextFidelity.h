#pragma once
// Text as it may be stored: Qt's SQLite driver binds QStrings as UTF-16 and SQLite's UTF-16 to
// UTF-8 conversion pairs an unpaired surrogate with whatever code unit follows it (so
// "\ud800 (" would be stored as U+10020). Every string is passed through here before it is
// bound (Archive's single execute function), so the archive and the CSVs hold U+FFFD followed
// by the untouched next character. interactions.jsonl keeps Graph's raw bytes.
#include <QString>

namespace ledger {

bool hasUnpairedSurrogate(const QString &text);
// Every unpaired high or low surrogate replaced with U+FFFD; well-formed text is returned as is.
QString replaceUnpairedSurrogates(const QString &text);

} // namespace ledger
