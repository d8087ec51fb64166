#pragma once
// RFC 4180 CSV (docs/EXPORT-FORMAT.md): UTF-8 with BOM, fields quoted when needed, CRLF between records,
// formula-injection guard (a cell starting with = + - @ TAB CR gets one leading ').
#include <QByteArray>
#include <QIODevice>
#include <QStringList>

namespace ledger {

class CsvWriter {
public:
    explicit CsvWriter(QIODevice *device, bool formulaGuard = true);
    void writeBom();
    bool writeRow(const QStringList &cells);
    static QByteArray encodeCell(const QString &cell, bool formulaGuard);
    qint64 rowsWritten() const { return m_rows; }
private:
    QIODevice *m_device;
    bool m_guard;
    qint64 m_rows = 0;
};

} // namespace ledger
