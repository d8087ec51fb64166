#pragma once
// Ctrl+C and SIGTERM for a headless command (docs/CLI.md, exit code 130). While a watcher
// exists, SIGINT and SIGTERM (Windows: Ctrl+C, Ctrl+Break) no longer end the process: the
// handler only sets an atomic flag and wakes the event loop, which then emits interrupted().
// The flag can be read from any thread and while the event loop is busy — the export passes it
// to Exporter as its cancel flag. POSIX: sigaction + a self-pipe read by a QSocketNotifier;
// Windows: SetConsoleCtrlHandler + a queued call. One watcher at a time; the destructor
// restores the previous handlers.
#include <QObject>
#include <QString>
#include <atomic>

class QSocketNotifier;

namespace ledger::cli {

class InterruptWatcher : public QObject {
    Q_OBJECT
public:
    // What shells report for a program stopped by Ctrl+C (128 + SIGINT); used for SIGTERM too.
    static constexpr int kExitCode = 130;

    explicit InterruptWatcher(QObject *parent = nullptr);
    ~InterruptWatcher() override;

    bool isInstalled() const { return m_installed; }
    // Set (once, never cleared) when the first interrupt arrives.
    const std::atomic_bool *flag() const;
    bool isInterrupted() const;
    QString signalName() const;          // "SIGINT", "SIGTERM", "Ctrl+C", "Ctrl+Break" or empty

signals:
    void interrupted();                  // once, in the watcher's thread

private:
    Q_INVOKABLE void wake();   // queued from the Windows control handler
    bool m_installed = false;
    bool m_emitted = false;
    QSocketNotifier *m_notifier = nullptr;
};

} // namespace ledger::cli
