#include "app/export/JsonlLine.h"

#include "app/model/JsonQuote.h"

namespace ledger {

namespace {

void appendOneLine(QByteArray &line, const QByteArray &raw)
{
    if (raw.contains('\n') || raw.contains('\r')) {
        QByteArray flat = raw;
        flat.replace('\n', ' ').replace('\r', ' ');
        line += flat;
    } else {
        line += raw;
    }
}

} // namespace

QByteArray interactionsJsonlLine(const QString &userId, const QByteArray &raw)
{
    QByteArray line;
    line.reserve(raw.size() + userId.size() + 32);
    line += "{\"user_id\":";
    line += json::quote(userId);
    line += ",\"interaction\":";
    appendOneLine(line, raw);
    line += "}\n";
    return line;
}

QByteArray unreadableJsonlLine(const QString &userId, const QString &reason, const QByteArray &raw)
{
    QByteArray line;
    line += "{\"user_id\":";
    line += json::quote(userId);
    line += ",\"unreadable_reason\":";
    line += json::quote(reason);
    line += ",\"interaction\":";
    appendOneLine(line, raw);
    line += "}\n";
    return line;
}

} // namespace ledger
