#include "app/cli/LogCommand.h"

#include "app/archive/ActivityLog.h"
#include "app/archive/Archive.h"
#include "app/cli/ConnectionSetup.h"
#include "app/cli/Output.h"
#include "app/model/Interaction.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace ledger::cli {

namespace {

int usage(const QString &message)
{
    printErr(u"copilot-ledger log: "_s + message + u'\n');
    return 2;
}

// --expect-head FILE: the head that export.json recorded, and the file's own SHA-256 (which the
// export's log entry records among its checksums).
bool readAnchorFile(const QString &path, ActivityAnchor *anchor, QString *error)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = u"--expect-head: %1 cannot be read (%2)."_s.arg(path, f.errorString());
        return false;
    }
    const QByteArray bytes = f.readAll();
    QJsonParseError pe{};
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &pe);
    const QJsonValue head = doc.object().value(u"activity_log_head"_s);
    static const QRegularExpression hex(u"^([0-9a-f]{64})?$"_s);
    if (pe.error != QJsonParseError::NoError || !doc.isObject() || !head.isString()
        || !hex.match(head.toString()).hasMatch()) {
        *error = u"--expect-head: %1 is not an export.json with an activity_log_head (Copilot Ledger writes it "
                 "since the activity log exists)."_s.arg(path);
        return false;
    }
    anchor->head = head.toString();
    anchor->exportJsonSha256 = QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
    return true;
}

QString oneLine(QString s)
{
    s.replace(u"\r\n"_s, u" "_s);
    s.replace(u'\n', u' ');
    s.replace(u'\r', u' ');
    s.replace(u'\t', u' ');
    return s;
}

QJsonValue timeOrNull(const QDateTime &t)
{
    return t.isValid() ? QJsonValue(formatUtc(t)) : QJsonValue(QJsonValue::Null);
}

QJsonObject verificationJson(const ActivityVerification &v, const ActivityAnchor &anchor)
{
    QJsonObject firstBad;
    if (!v.ok)
        firstBad = {{u"seq"_s, v.firstBadSeq > 0 ? QJsonValue(v.firstBadSeq) : QJsonValue(QJsonValue::Null)},
                    {u"time_utc"_s, timeOrNull(v.firstBadTime)},
                    {u"problem"_s, v.problem}};
    return {{u"intact"_s, v.ok},
            {u"entries"_s, v.entries},
            {u"head"_s, v.head.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(v.head)},
            {u"expected_head"_s, anchor.head.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(anchor.head)},
            {u"expected_export_json_sha256"_s, anchor.exportJsonSha256.isEmpty() ? QJsonValue(QJsonValue::Null)
                                                                                   : QJsonValue(anchor.exportJsonSha256)},
            {u"first_bad"_s, v.ok ? QJsonValue(QJsonValue::Null) : QJsonValue(firstBad)},
            {u"message"_s, v.message}};
}

QString table(const QList<ActivityEntry> &entries)
{
    const QStringList header{u"SEQ"_s, u"TIME (UTC)"_s, u"OPERATOR"_s, u"KIND"_s, u"DETAILS"_s};
    QList<QStringList> rows;
    for (const ActivityEntry &e : entries)
        rows << QStringList{QString::number(e.seq), e.time.toUTC().toString(u"yyyy-MM-dd HH:mm:ss"_s),
                            oneLine(e.operatorName + u'@' + e.machine), oneLine(e.kind),
                            oneLine(ActivityLog::summary(e))};
    QList<qsizetype> widths;
    for (const QString &h : header)
        widths << h.size();
    for (const QStringList &r : std::as_const(rows))
        for (int c = 0; c + 1 < r.size(); ++c)
            widths[c] = std::max(widths[c], r.at(c).size());
    auto line = [&](const QStringList &cells) -> QString {
        QString out;
        for (int c = 0; c < cells.size(); ++c) {
            if (c + 1 == cells.size())
                out += cells.at(c);
            else if (c == 0)
                out += cells.at(c).rightJustified(widths[c]) + u"  "_s;
            else
                out += cells.at(c).leftJustified(widths[c]) + u"  "_s;
        }
        while (out.endsWith(u' '))
            out.chop(1);
        return out + u'\n';
    };
    QString out = line(header);
    for (const QStringList &r : std::as_const(rows))
        out += line(r);
    return out;
}

} // namespace

int runLogCommand(const CliOptions &o)
{
    QString path = o.archivePath;
    if (path.isEmpty()) {
        QString error;
        const QString key = ConnectionSetup::archiveKeyFor(o, &error);
        if (key.isEmpty())
            return usage(error);
        path = Archive::defaultPath(key);
    }
    ActivityAnchor anchor;
    anchor.head = o.expectHead;
    if (!o.expectExportJson.isEmpty()) {
        QString error;
        if (!readAnchorFile(o.expectExportJson, &anchor, &error))
            return usage(error);
    }
    ActivityLogFile log;
    QString error;
    switch (log.open(path, &error)) {
    case ActivityLogFile::OpenResult::Opened: break;
    case ActivityLogFile::OpenResult::Missing:
        return usage(error + (o.archivePath.isEmpty() ? u" This connection has not been synced on this computer."_s
                                                      : QString()));
    case ActivityLogFile::OpenResult::Unreadable:
        printErr(u"copilot-ledger log: "_s + error + u'\n');
        return 1;
    }
    const ActivityVerification v = log.verify(anchor);
    const bool hasTable = log.hasLogTable();
    const QList<ActivityEntry> entries = hasTable ? log.entries(o.from, o.to) : QList<ActivityEntry>{};
    const int exitCode = !hasTable || (o.verify && !v.ok) ? 1 : 0;

    if (o.json) {
        QJsonArray list;
        for (const ActivityEntry &e : entries)
            list.append(ActivityLog::toJson(e));
        const QJsonObject doc{{u"archive"_s, QDir::toNativeSeparators(path)},
                              {u"from"_s, timeOrNull(o.from)},
                              {u"to"_s, timeOrNull(o.to)},
                              {u"entries"_s, list},
                              {u"verification"_s, verificationJson(v, anchor)}};
        printOut(QString::fromUtf8(QJsonDocument(doc).toJson(QJsonDocument::Indented)));
        return exitCode;
    }
    if (!hasTable && !o.verify) {
        printErr(u"copilot-ledger log: "_s + v.message + u'\n');
        return 1;
    }
    if (o.verify) {
        QString out = u"Archive: "_s + QDir::toNativeSeparators(path) + u'\n';
        if (v.ok) {
            out += v.message + u'\n';
            if (!v.head.isEmpty())
                out += u"Head: "_s + v.head + u'\n';
            out += u"Result: intact\n"_s;
        } else {
            out += v.message + u'\n';
            out += u"Result: NOT intact (exit code 1)\n"_s;
        }
        printOut(out);
        return exitCode;
    }
    QString out = table(entries);
    out += (o.from.isValid() || o.to.isValid())
        ? u"%1 of the log's entries in the range.\n"_s.arg(entries.size())
        : u"%1 entries.\n"_s.arg(entries.size());
    printOut(out);
    if (!v.ok)
        printErr(u"copilot-ledger log: warning: "_s + v.message + u" Run 'copilot-ledger log --verify' for the verdict.\n"_s);
    return exitCode;
}

} // namespace ledger::cli
