// The archive's export log.
#include "app/archive/ExportLog.h"

#include "app/archive/ArchivePrivate.h"

using namespace Qt::StringLiterals;

namespace ledger {

bool ExportLog::append(const ExportLogEntry &e)
{
    if (!d->isOpen())
        return false;
    QSqlQuery q(d->db);
    q.prepare(u"INSERT INTO export_log(when_utc, folder, query, files, row_counts, sha256) VALUES (?,?,?,?,?,?)"_s);
    q.addBindValue(timeValue(e.when));
    q.addBindValue(e.folder);
    q.addBindValue(e.query);
    q.addBindValue(e.files.join(u'\n'));
    q.addBindValue(e.rowCounts);
    q.addBindValue(e.sha256);
    return d->exec(q, u"Recording the export"_s);
}

QList<ExportLogEntry> ExportLog::entries() const
{
    QList<ExportLogEntry> out;
    QSqlQuery q(d->db);
    q.prepare(u"SELECT when_utc, folder, query, files, row_counts, sha256 FROM export_log ORDER BY id"_s);
    if (d->exec(q, u"Reading the export log"_s)) {
        while (q.next()) {
            ExportLogEntry e;
            e.when = timeFromValue(q.value(0));
            e.folder = q.value(1).toString();
            e.query = q.value(2).toString();
            e.files = q.value(3).toString().split(u'\n', Qt::SkipEmptyParts);
            e.rowCounts = q.value(4).toString();
            e.sha256 = q.value(5).toString();
            out << e;
        }
    }
    return out;
}

} // namespace ledger
