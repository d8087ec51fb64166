#include "app/export/CsvWriter.h"

namespace ledger {

CsvWriter::CsvWriter(QIODevice *device, bool formulaGuard) : m_device(device), m_guard(formulaGuard) {}

void CsvWriter::writeBom()
{
    m_device->write("\xEF\xBB\xBF", 3);
}

namespace {

inline bool needsGuard(QChar c)
{
    return c == u'=' || c == u'+' || c == u'-' || c == u'@' || c == u'\t' || c == u'\r';
}

void appendCell(QByteArray &out, const QString &cell, bool formulaGuard)
{
    const bool guard = formulaGuard && !cell.isEmpty() && needsGuard(cell.front());
    bool quote = false;
    for (const QChar c : cell) {
        const char16_t u = c.unicode();
        if (u == u'"' || u == u',' || u == u'\r' || u == u'\n') {
            quote = true;
            break;
        }
    }
    if (!quote) {
        if (guard)
            out += '\'';
        out += cell.toUtf8();
        return;
    }
    out += '"';
    if (guard)
        out += '\'';
    const QByteArray utf8 = cell.toUtf8();
    qsizetype start = 0;
    for (qsizetype i = 0; i < utf8.size(); ++i) {
        if (utf8.at(i) == '"') {
            out.append(utf8.constData() + start, i - start + 1);
            out += '"';
            start = i + 1;
        }
    }
    out.append(utf8.constData() + start, utf8.size() - start);
    out += '"';
}

} // namespace

QByteArray CsvWriter::encodeCell(const QString &cell, bool formulaGuard)
{
    QByteArray out;
    appendCell(out, cell, formulaGuard);
    return out;
}

bool CsvWriter::writeRow(const QStringList &cells)
{
    QByteArray line;
    line.reserve(256);
    for (qsizetype i = 0; i < cells.size(); ++i) {
        if (i)
            line += ',';
        appendCell(line, cells.at(i), m_guard);
    }
    line += "\r\n";
    if (m_device->write(line) != line.size())
        return false;
    ++m_rows;
    return true;
}

} // namespace ledger
