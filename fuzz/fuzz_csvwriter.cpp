// libFuzzer target: the CSV writer (app/export/CsvWriter), round trip through the tests' strict
// RFC 4180 parser. The input is read as UTF-16 code units (so unpaired surrogates occur); U+001E
// separates rows and U+001F cells; the first code unit's low bit switches the formula guard.
// What the parser reads back must be exactly each cell as UTF-8 text, with the guard's leading '
// where the cell starts with = + - @ TAB CR.
#include "app/export/CsvWriter.h"
#include "StrictCsv.h"

#include <QBuffer>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2)
        return 0;
    QString text(qsizetype(size / 2), Qt::Uninitialized);
    for (qsizetype i = 0; i < text.size(); ++i)
        text[i] = QChar(char16_t(data[2 * i] | data[2 * i + 1] << 8));
    const bool guard = text.front().unicode() & 1;
    text.remove(0, 1);

    QList<QStringList> rows;
    for (const QString &row : text.split(QChar(0x1e)))
        rows.append(row.split(QChar(0x1f)));

    QByteArray out;
    QBuffer buffer(&out);
    buffer.open(QIODevice::WriteOnly);
    ledger::CsvWriter writer(&buffer, guard);
    writer.writeBom();
    for (const QStringList &row : rows) {
        if (!writer.writeRow(row))
            std::abort();
    }

    QList<QStringList> parsed;
    QString error;
    if (!ledger::test::parseStrictCsv(out, &parsed, &error)) {
        std::fprintf(stderr, "strict parser: %s\n", qPrintable(error));
        std::abort();
    }
    if (parsed.size() != rows.size())
        std::abort();
    for (qsizetype r = 0; r < rows.size(); ++r) {
        if (parsed.at(r).size() != rows.at(r).size())
            std::abort();
        for (qsizetype c = 0; c < rows.at(r).size(); ++c) {
            const QString &cell = rows.at(r).at(c);
            const QChar first = cell.isEmpty() ? QChar() : cell.front();
            const bool guarded = guard && (first == u'=' || first == u'+' || first == u'-'
                                           || first == u'@' || first == u'\t' || first == u'\r');
            // Exactly what UTF-8 can carry of the cell (an unpaired surrogate becomes U+FFFD).
            const QString expected = QString::fromUtf8((guarded ? QStringLiteral("'") + cell : cell).toUtf8());
            if (parsed.at(r).at(c) != expected) {
                std::fprintf(stderr, "row %lld cell %lld differs\n", qlonglong(r), qlonglong(c));
                std::abort();
            }
        }
    }
    return 0;
}
