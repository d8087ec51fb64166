#include "app/cli/ProgressPrinter.h"

#include "app/cli/Output.h"

using namespace Qt::StringLiterals;

namespace ledger::cli {

ProgressPrinter::ProgressPrinter() : ProgressPrinter(stderrIsTerminal()) {}

ProgressPrinter::ProgressPrinter(bool terminal) : m_terminal(terminal) {}

static QString duration(qint64 s)
{
    if (s < 0)
        return u"?"_s;
    if (s >= 3600)
        return u"%1:%2:%3"_s.arg(s / 3600).arg((s / 60) % 60, 2, 10, QChar(u'0')).arg(s % 60, 2, 10, QChar(u'0'));
    return u"%1:%2"_s.arg(s / 60).arg(s % 60, 2, 10, QChar(u'0'));
}

QString ProgressPrinter::syncLine(const SyncProgress &p)
{
    const QString wait = p.serverWaitSeconds > 0
        ? u" · waiting %1 s because Microsoft Graph asked"_s.arg(p.serverWaitSeconds) : QString();
    return u"Syncing: %1/%2 users · %3 new / %4 seen interactions · %5 req/s · %6 throttled · ETA %7"_s
        .arg(p.usersDone)
        .arg(p.usersTotal)
        .arg(p.interactionsNew)
        .arg(p.interactionsSeen)
        .arg(p.requestsPerSecond, 0, 'f', 1)
        .arg(p.throttled)
        .arg(duration(p.etaSeconds)) + wait;
}

void ProgressPrinter::sync(const SyncProgress &p)
{
    const bool last = p.usersTotal > 0 && p.usersDone == p.usersTotal;
    show(syncLine(p), last);
}

void ProgressPrinter::exportRows(qint64 done, qint64 total)
{
    // The first line of the export phase is shown at once, whatever the sync printed last.
    show(u"Exporting: %1/%2"_s.arg(done).arg(total), done == 0 || (total > 0 && done == total));
}

void ProgressPrinter::show(const QString &line, bool force)
{
    const int interval = m_terminal ? 100 : 5000;
    if (!force && m_last.isValid() && m_last.elapsed() < interval)
        return;
    if (force && line == m_lastLine)
        return;
    m_last.start();
    m_lastLine = line;
    if (m_terminal) {
        QString padded = line;
        if (padded.size() < m_lastWidth)
            padded += QString(m_lastWidth - padded.size(), u' ');
        m_lastWidth = int(line.size());
        printErr(u"\r"_s + padded);
        m_lineOpen = true;
    } else {
        printErr(line + u'\n');
    }
}

void ProgressPrinter::note(const QString &line)
{
    done();
    printErr(line + u'\n');
}

void ProgressPrinter::done()
{
    if (m_lineOpen) {
        printErr(u"\n"_s);
        m_lineOpen = false;
        m_lastWidth = 0;
    }
}

} // namespace ledger::cli
