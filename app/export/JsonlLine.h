#pragma once
// One line of the export's interactions.jsonl (docs/EXPORT-FORMAT.md "interactions.jsonl"): the
// exact bytes, LF included. The transcripts hash the same bytes (docs/EXPORT-FORMAT.md
// "transcripts/"), so both are made here and nowhere else.
#include <QByteArray>
#include <QString>

namespace ledger {

// {"user_id":"<id>","interaction":<raw>}\n — raw unchanged except that CR and LF (JSON white
// space only, in a valid item) become spaces, to keep one object per line.
QByteArray interactionsJsonlLine(const QString &userId, const QByteArray &raw);
// The same for an item that could not be read as an interaction (with its reason).
QByteArray unreadableJsonlLine(const QString &userId, const QString &reason, const QByteArray &raw);

} // namespace ledger
