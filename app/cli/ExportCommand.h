#pragma once
// `copilot-ledger export`: incremental sync into the connection's archive (the demo tenant has
// its own archive), then Exporter::exportFolder for the asked range/apps/users. Summary on
// stdout, progress on stderr. Exit 0 complete, 1 failed, 2 usage, 3 sign-in/permission, 4 partial,
// 130 interrupted (Ctrl+C / SIGTERM: the sync stops, everything stored stays in the archive, no
// export file is written; see docs/CLI.md).
#include "app/cli/CliOptions.h"
#include "app/cli/ProgressPrinter.h"
#include <QJsonObject>
#include <QObject>
#include <memory>

namespace ledger {
class Archive;
class TenantConnection;
class SyncEngine;
struct SyncSummary;
struct ExportResult;
}

namespace ledger::cli {

class ConnectionSetup;
class InterruptWatcher;

class ExportCommand : public QObject {
    Q_OBJECT
public:
    explicit ExportCommand(const CliOptions &options, QObject *parent = nullptr);
    ~ExportCommand() override;
    void start();

signals:
    void done(int exitCode);

private:
    void run();
    void startSync();
    void syncFinished(const SyncSummary &summary);
    void writeExport(const SyncSummary &summary);
    void fail(int code, const QString &message);
    void onInterrupted();
    void stopInterrupted(const QString &what);
    void holdForTest(qint64 done);
    void onTimeout();
    QString timeoutText() const;
    void printSummary(const SyncSummary &summary, const ExportResult &result);
    bool applySavedSearch();          // --search NAME: false (and done(2)) when it is unknown

    CliOptions m_options;
    ConnectionSetup *m_setup = nullptr;
    std::unique_ptr<TenantConnection> m_net;
    std::unique_ptr<Archive> m_archive;
    SyncEngine *m_engine = nullptr;
    ProgressPrinter m_progress;
    InterruptWatcher *m_interrupt = nullptr;
    bool m_finished = false;
    bool m_timedOut = false;          // --timeout ran out: the sync was stopped
    SyncProgress m_lastProgress;      // for the --timeout message: what was done
    int m_testHoldMs = 0;
    // --search: the saved search's text and findings filter, and what export.json records.
    QString m_searchText, m_searchFindings;
    QJsonObject m_savedSearch;
    QByteArray m_pseudonymKey;        // --pseudonymize: the profile's key from the keychain
};

} // namespace ledger::cli
