#pragma once
// Recomputes an archive's findings in a thread of its own (after an upgrade, a detector change
// or a watchlist change), with its own Archive connection on the same file: the window stays
// responsive and a sync can write meanwhile (the rescan commits in short batches).
#include "app/detect/Watchlist.h"
#include <QObject>
#include <atomic>
#include <memory>

class QThread;

namespace ledger {

class FindingsRescan : public QObject {
    Q_OBJECT
public:
    explicit FindingsRescan(QObject *parent = nullptr);
    ~FindingsRescan() override;   // cancels a running rescan and waits for it

    // Rescans `scope` (FindingsStore::RescanScope bits) of the archive at path with these watchlists.
    // A running rescan is cancelled first. Returns false when scope is none.
    bool start(const QString &path, const QList<detect::Watchlist> &watchlists, int scope);
    void cancel();
    bool isRunning() const;

signals:
    void progress(qint64 done, qint64 total);
    void finished(bool ok, const QString &error);   // not emitted for a cancelled rescan

private:
    void stop();
    QThread *m_thread = nullptr;
    std::shared_ptr<std::atomic_bool> m_cancel;
};

} // namespace ledger
