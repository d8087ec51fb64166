#include "app/cli/InterruptWatcher.h"

#include <QMetaObject>
#include <QSocketNotifier>

#ifdef Q_OS_WIN
#ifndef NOMINMAX
#define NOMINMAX
#endif
#include <windows.h>
#else
#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <unistd.h>
#endif

using namespace Qt::StringLiterals;

namespace ledger::cli {

namespace {

// Touched from the signal handler: lock-free atomics only (async-signal-safe).
std::atomic_bool g_interrupted{false};
std::atomic_int g_which{0};   // POSIX: the signal number; Windows: the control type + 1
static_assert(std::atomic_bool::is_always_lock_free && std::atomic_int::is_always_lock_free);

void record(int which)
{
    int none = 0;
    g_which.compare_exchange_strong(none, which);
    g_interrupted.store(true);
}

#ifdef Q_OS_WIN
std::atomic<InterruptWatcher *> g_watcher{nullptr};

// Runs in a thread the system creates for the event.
BOOL WINAPI onConsoleControl(DWORD type)
{
    if (type != CTRL_C_EVENT && type != CTRL_BREAK_EVENT)
        return FALSE;   // close / logoff / shutdown: the default handling
    record(int(type) + 1);
    if (InterruptWatcher *w = g_watcher.load())
        QMetaObject::invokeMethod(w, "wake", Qt::QueuedConnection);
    return TRUE;
}
#else
int g_pipe[2] = {-1, -1};
struct sigaction g_previousInt, g_previousTerm;

void onSignal(int signalNumber)
{
    const int savedErrno = errno;
    record(signalNumber);
    if (g_pipe[1] >= 0) {
        const char byte = 1;
        const ssize_t written = ::write(g_pipe[1], &byte, 1);   // full pipe: a wake-up is pending anyway
        (void)written;
    }
    errno = savedErrno;
}

bool makePipe()
{
    if (::pipe(g_pipe) != 0)
        return false;
    for (int fd : g_pipe) {
        ::fcntl(fd, F_SETFD, FD_CLOEXEC);
        ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK);
    }
    return true;
}
#endif

} // namespace

InterruptWatcher::InterruptWatcher(QObject *parent) : QObject(parent)
{
    g_interrupted.store(false);
    g_which.store(0);
#ifdef Q_OS_WIN
    g_watcher.store(this);
    m_installed = SetConsoleCtrlHandler(onConsoleControl, TRUE) != 0;
#else
    if (!makePipe())
        return;
    m_notifier = new QSocketNotifier(qintptr(g_pipe[0]), QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, [this] {
        char buffer[64];
        while (::read(g_pipe[0], buffer, sizeof buffer) > 0) {
        }
        wake();
    });
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(SIGINT, &action, &g_previousInt);
    sigaction(SIGTERM, &action, &g_previousTerm);
    // A signal the parent told us to ignore (e.g. SIGINT of a background job) stays ignored.
    if (g_previousInt.sa_handler == SIG_IGN)
        sigaction(SIGINT, &g_previousInt, nullptr);
    if (g_previousTerm.sa_handler == SIG_IGN)
        sigaction(SIGTERM, &g_previousTerm, nullptr);
    m_installed = true;
#endif
}

InterruptWatcher::~InterruptWatcher()
{
#ifdef Q_OS_WIN
    if (m_installed)
        SetConsoleCtrlHandler(onConsoleControl, FALSE);
    g_watcher.store(nullptr);
#else
    if (!m_installed)
        return;
    sigaction(SIGINT, &g_previousInt, nullptr);
    sigaction(SIGTERM, &g_previousTerm, nullptr);
    delete m_notifier;
    m_notifier = nullptr;
    const int readEnd = g_pipe[0], writeEnd = g_pipe[1];
    g_pipe[0] = g_pipe[1] = -1;
    ::close(readEnd);
    ::close(writeEnd);
#endif
}

const std::atomic_bool *InterruptWatcher::flag() const { return &g_interrupted; }

bool InterruptWatcher::isInterrupted() const { return g_interrupted.load(); }

QString InterruptWatcher::signalName() const
{
    const int which = g_which.load();
#ifdef Q_OS_WIN
    if (which == int(CTRL_C_EVENT) + 1)
        return u"Ctrl+C"_s;
    if (which == int(CTRL_BREAK_EVENT) + 1)
        return u"Ctrl+Break"_s;
#else
    if (which == SIGINT)
        return u"SIGINT"_s;
    if (which == SIGTERM)
        return u"SIGTERM"_s;
#endif
    return {};
}

void InterruptWatcher::wake()
{
    if (m_emitted || !g_interrupted.load())
        return;
    m_emitted = true;
    emit interrupted();
}

} // namespace ledger::cli
