#pragma once
// Runs read jobs against an archive in a thread of its own (docs/ARCHITECTURE.md, Threading: nothing slow on the GUI
// thread). The worker opens its own Archive on the same file (an Archive belongs to the thread
// that opened it; WAL lets it read while the sync engine writes). Jobs run in the order they were
// posted; each job's result is handed to `done` in the thread that owns the worker.
//
// Destroying the worker waits for the running job (jobs poll their own cancel flags), so `done`
// callbacks may capture the worker's owner as long as the worker dies first (make it the last
// member, or delete it explicitly).
#include <QObject>
#include <QString>
#include <functional>
#include <memory>

class QThread;

namespace ledger {

class Archive;

class ArchiveWorker : public QObject {
    Q_OBJECT
public:
    explicit ArchiveWorker(QObject *parent = nullptr);
    ~ArchiveWorker() override;

    // The archive file the next jobs read; empty = none (jobs get nullptr). Setting a path
    // (even the same one) makes the next job reopen it, e.g. after "forget this tenant's data".
    void setPath(const QString &path);
    QString path() const { return m_path; }

    // Every worker of this process that has `path` open closes that connection now (after the
    // jobs already posted); a worker still set to `path` reads no archive afterwards (jobs get
    // nullptr) until setPath() is called again. Call it from the thread that owns the workers
    // (the GUI thread), before the archive is deleted. Returns how many connections were closed.
    static int closeAll(const QString &path);

    // job(archive) runs in the worker thread (archive is nullptr when none is open or it could
    // not be opened); then done(result) runs in this object's thread.
    template <typename Job, typename Done>
    void run(Job job, Done done)
    {
        using Result = decltype(job(static_cast<const Archive *>(nullptr)));
        post([this, job = std::move(job), done = std::move(done)](const Archive *archive) {
            auto result = std::make_shared<Result>(job(archive));
            deliver([done, result] { done(std::move(*result)); });
        });
    }

private:
    void post(std::function<void(const Archive *)> task);
    void deliver(std::function<void()> callback);

    struct Thread;
    std::unique_ptr<Thread> m_thread;
    QString m_path;
    quint64 m_pathSerial = 0;
};

} // namespace ledger
