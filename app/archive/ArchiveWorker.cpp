#include "app/archive/ArchiveWorker.h"

#include "app/archive/Archive.h"

#include <QDir>
#include <QFileInfo>
#include <QList>
#include <QLoggingCategory>
#include <QMutex>
#include <QThread>

namespace ledger {

namespace {
Q_LOGGING_CATEGORY(lcWorker, "ledger.archive.worker")

// Every live worker, for closeAll().
// A reader's page cache: a window has a worker per table (and superseded ones finishing), so 64 MiB
// each would add up to hundreds of MB on a big archive; the OS caches the file for all of them.
constexpr int kReaderCacheKiB = 8192;

QMutex g_workersMutex;
QList<ArchiveWorker *> g_workers;

QString cleanPath(const QString &path)
{
    return path.isEmpty() ? QString() : QDir::cleanPath(QFileInfo(path).absoluteFilePath());
}
} // namespace

// State that lives in the worker thread: its own Archive connection.
struct ArchiveWorker::Thread {
    QThread thread;
    QObject *context = nullptr;           // lives in `thread`: posted tasks run there
    std::unique_ptr<Archive> archive;     // opened and closed in `thread` only
    QString openPath;
    quint64 openSerial = 0;

    const Archive *archiveFor(const QString &path, quint64 serial)
    {
        if (archive && openSerial == serial && openPath == path)
            return archive->isOpen() ? archive.get() : nullptr;
        archive.reset();
        openPath = path;
        openSerial = serial;
        if (path.isEmpty())
            return nullptr;
        archive = std::make_unique<Archive>();
        QString error;
        if (!archive->open(path, &error)) {
            qCWarning(lcWorker) << "The archive could not be opened for reading:" << error;
            return nullptr;
        }
        archive->setCacheSizeKiB(kReaderCacheKiB);
        return archive.get();
    }
};

ArchiveWorker::ArchiveWorker(QObject *parent)
    : QObject(parent)
    , m_thread(std::make_unique<Thread>())
{
    m_thread->thread.setObjectName(QStringLiteral("ArchiveWorker"));
    m_thread->context = new QObject;
    m_thread->context->moveToThread(&m_thread->thread);
    Thread *t = m_thread.get();
    // Runs in the worker thread as its event loop ends: the connection is closed where it was opened.
    connect(&t->thread, &QThread::finished, &t->thread, [t] {
        t->archive.reset();
        delete t->context;
        t->context = nullptr;
    }, Qt::DirectConnection);
    m_thread->thread.start();
    QMutexLocker lock(&g_workersMutex);
    g_workers.append(this);
}

ArchiveWorker::~ArchiveWorker()
{
    {
        QMutexLocker lock(&g_workersMutex);
        g_workers.removeOne(this);
    }
    m_thread->thread.quit();
    m_thread->thread.wait();
}

void ArchiveWorker::setPath(const QString &path)
{
    m_path = path;
    ++m_pathSerial;
}

int ArchiveWorker::closeAll(const QString &path)
{
    const QString wanted = cleanPath(path);
    QList<ArchiveWorker *> workers;
    {
        QMutexLocker lock(&g_workersMutex);
        workers = g_workers;
    }
    int closed = 0;
    for (ArchiveWorker *w : std::as_const(workers)) {
        if (cleanPath(w->m_path) == wanted)
            w->setPath(QString());   // later jobs get no archive (and do not re-create the file)
        Thread *t = w->m_thread.get();
        bool had = false;
        // Runs after the jobs already posted, in the worker thread, where the connection was
        // opened; a worker whose path changed may still hold the old connection until its next job.
        QMetaObject::invokeMethod(t->context, [t, &wanted, &had] {
            if (t->archive && cleanPath(t->openPath) == wanted) {
                t->archive.reset();
                t->openPath.clear();
                had = true;
            }
        }, Qt::BlockingQueuedConnection);
        closed += had ? 1 : 0;
    }
    return closed;
}

void ArchiveWorker::post(std::function<void(const Archive *)> task)
{
    Thread *t = m_thread.get();
    const QString path = m_path;
    const quint64 serial = m_pathSerial;
    QMetaObject::invokeMethod(t->context, [t, path, serial, task = std::move(task)] {
        task(t->archiveFor(path, serial));
    }, Qt::QueuedConnection);
}

void ArchiveWorker::deliver(std::function<void()> callback)
{
    QMetaObject::invokeMethod(this, std::move(callback), Qt::QueuedConnection);
}

} // namespace ledger
