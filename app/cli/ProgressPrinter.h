#pragma once
// Progress of `export` on stderr: one line updated in place with \r when stderr is a terminal,
// otherwise plain lines at most every few seconds (logs of scheduled runs stay short).
#include "app/sync/SyncEngine.h"
#include <QElapsedTimer>
#include <QString>

namespace ledger::cli {

class ProgressPrinter {
public:
    ProgressPrinter();
    explicit ProgressPrinter(bool terminal);
    void sync(const SyncProgress &p);
    void exportRows(qint64 done, qint64 total);
    void note(const QString &line);      // a message of its own (ends the updating line first)
    void done();                         // ends the updating line

    static QString syncLine(const SyncProgress &p);

private:
    void show(const QString &line, bool force);
    bool m_terminal;
    bool m_lineOpen = false;
    int m_lastWidth = 0;
    QElapsedTimer m_last;
    QString m_lastLine;
};

} // namespace ledger::cli
