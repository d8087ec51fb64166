#include "app/archive/FindingsRescan.h"
#include "app/archive/Archive.h"

#include <QPointer>
#include <QThread>

using namespace Qt::StringLiterals;

namespace ledger {

FindingsRescan::FindingsRescan(QObject *parent) : QObject(parent) {}

FindingsRescan::~FindingsRescan() { stop(); }

bool FindingsRescan::isRunning() const { return m_thread && m_thread->isRunning(); }

void FindingsRescan::cancel()
{
    if (m_cancel)
        m_cancel->store(true);
}

void FindingsRescan::stop()
{
    cancel();
    if (m_thread) {
        m_thread->wait();
        delete m_thread;
        m_thread = nullptr;
    }
}

bool FindingsRescan::start(const QString &path, const QList<detect::Watchlist> &watchlists, int scope)
{
    stop();
    if (scope == FindingsStore::RescanNone || path.isEmpty())
        return false;
    auto cancel = std::make_shared<std::atomic_bool>(false);
    m_cancel = cancel;
    QPointer<FindingsRescan> self(this);
    m_thread = QThread::create([self, cancel, path, watchlists, scope] {
        Archive archive;
        QString error;
        bool ok = archive.open(path, &error);
        if (ok) {
            archive.findings().setWatchlists(watchlists);
            ok = archive.findings().rescan(
                scope, [cancel] { return cancel->load(); },
                [self, cancel](qint64 done, qint64 total) {
                    if (!cancel->load() && self)
                        QMetaObject::invokeMethod(self, [self, done, total] {
                            if (self)
                                emit self->progress(done, total);
                        }, Qt::QueuedConnection);
                });
            if (!ok)
                error = archive.lastError();
        }
        if (cancel->load())
            return;
        QMetaObject::invokeMethod(self, [self, ok, error] {
            if (self)
                emit self->finished(ok, error);
        }, Qt::QueuedConnection);
    });
    m_thread->setObjectName(u"findings-rescan"_s);
    m_thread->start(QThread::LowPriority);
    return true;
}

} // namespace ledger
