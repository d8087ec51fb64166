#pragma once
// A strict RFC 4180 parser for the tests: records end with CRLF, quoted fields may contain
// anything ("" for a quote), unquoted fields may not contain '"', CR or LF. Any deviation is an error.
#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace ledger::test {

inline bool parseStrictCsv(const QByteArray &in, QList<QStringList> *records, QString *error, bool expectBom = true)
{
    qsizetype i = 0;
    if (expectBom) {
        if (!in.startsWith("\xEF\xBB\xBF")) {
            *error = QStringLiteral("missing BOM");
            return false;
        }
        i = 3;
    }
    records->clear();
    QStringList record;
    QByteArray field;
    const qsizetype n = in.size();
    if (i == n)
        return true;
    while (true) {
        field.clear();
        if (i < n && in.at(i) == '"') {
            ++i;
            while (true) {
                if (i >= n) {
                    *error = QStringLiteral("unterminated quoted field");
                    return false;
                }
                if (in.at(i) == '"') {
                    if (i + 1 < n && in.at(i + 1) == '"') {
                        field += '"';
                        i += 2;
                        continue;
                    }
                    ++i;
                    break;
                }
                field += in.at(i++);
            }
        } else {
            while (i < n && in.at(i) != ',' && in.at(i) != '\r') {
                if (in.at(i) == '"' || in.at(i) == '\n') {
                    *error = QStringLiteral("bare quote or LF in unquoted field at byte %1").arg(i);
                    return false;
                }
                field += in.at(i++);
            }
        }
        record << QString::fromUtf8(field);
        if (i < n && in.at(i) == ',') {
            ++i;
            continue;
        }
        if (i + 1 < n && in.at(i) == '\r' && in.at(i + 1) == '\n') {
            i += 2;
            records->append(record);
            record.clear();
            if (i == n)
                return true;
            continue;
        }
        *error = QStringLiteral("record not terminated by CRLF at byte %1").arg(i);
        return false;
    }
}

} // namespace ledger::test
