#include "app/cli/ExportCommand.h"

#include "app/archive/Archive.h"
#include "app/auth/CloudEndpoints.h"
#include "app/cli/ConnectionSetup.h"
#include "app/cli/InterruptWatcher.h"
#include "app/cli/Output.h"
#include "app/export/Exporter.h"
#include "app/export/PseudonymKeyStore.h"
#include "app/review/ReviewStore.h"
#include "app/graph/GraphClient.h"
#include "app/sync/SyncEngine.h"
#include "app/tenant/TenantConnection.h"
#include "app/archive/SavedSearch.h"
#include "app/archive/SearchQuery.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFileInfo>
#include <QSet>
#include <QThread>
#include <QTimer>
#include <chrono>

using namespace Qt::StringLiterals;

namespace ledger::cli {

ExportCommand::ExportCommand(const CliOptions &options, QObject *parent)
    : QObject(parent), m_options(options)
{
    // Undocumented test hook (tests/cli/tst_cli_interrupt): progress every 64 rows, and the
    // export waits up to this long for an interrupt after its first rows.
    m_testHoldMs = qEnvironmentVariableIntValue("LEDGER_TEST_EXPORT_HOLD_MS");
}

ExportCommand::~ExportCommand()
{
    delete m_engine;   // before the network stack and the archive it uses
}

void ExportCommand::start()
{
    m_interrupt = new InterruptWatcher(this);
    connect(m_interrupt, &InterruptWatcher::interrupted, this, &ExportCommand::onInterrupted);
    if (m_options.timeoutSeconds > 0) {
        auto *timer = new QTimer(this);
        timer->setSingleShot(true);
        connect(timer, &QTimer::timeout, this, &ExportCommand::onTimeout);
        timer->start(std::chrono::seconds(m_options.timeoutSeconds));
    }
    m_setup = new ConnectionSetup(m_options, this);
    connect(m_setup, &ConnectionSetup::failed, this, &ExportCommand::fail);
    connect(m_setup, &ConnectionSetup::ready, this, &ExportCommand::run);
    m_setup->start();
}

void ExportCommand::fail(int code, const QString &message)
{
    m_progress.done();
    printErr(u"copilot-ledger export: "_s + message + u'\n');
    m_finished = true;
    emit done(code);
}

// Ctrl+C / SIGTERM seen by the event loop. During the sync: cancel it (finished() follows at
// once and syncFinished() reports the interrupt). While the export writes, the event loop is
// busy and the exporter reads the watcher's flag itself.
void ExportCommand::onInterrupted()
{
    if (m_finished)
        return;
    if (m_engine && m_engine->isRunning()) {
        m_engine->cancel();
        return;
    }
    stopInterrupted(u"before the sync started. Nothing was read and no export file was written."_s);
}

// --timeout: the run stops where it is. The deadline covers sign-in and the sync (the network
// part); once the files are being written the event loop is busy and the export completes.
void ExportCommand::onTimeout()
{
    if (m_finished)
        return;
    m_timedOut = true;
    if (m_engine && m_engine->isRunning()) {
        m_engine->cancel();   // → syncFinished() reports the timeout
        return;
    }
    fail(1, u"Stopped by --timeout %1 before the sync started. Nothing was read and no export file was written."_s
                .arg(timeoutText()));
}

QString ExportCommand::timeoutText() const
{
    const qint64 s = m_options.timeoutSeconds;
    return s % 3600 == 0 ? u"%1h"_s.arg(s / 3600) : s % 60 == 0 ? u"%1m"_s.arg(s / 60) : u"%1s"_s.arg(s);
}

void ExportCommand::stopInterrupted(const QString &what)
{
    const QString name = m_interrupt->signalName();
    fail(InterruptWatcher::kExitCode,
         u"Interrupted%1 %2"_s.arg(name.isEmpty() ? QString() : u" ("_s + name + u')', what));
}

void ExportCommand::holdForTest(qint64 done)
{
    printErr(u"Exporting: held for a test at row %1\n"_s.arg(done));
    const QDeadlineTimer deadline(m_testHoldMs);
    while (!m_interrupt->isInterrupted() && !deadline.hasExpired())
        QThread::msleep(5);
}

void ExportCommand::run()
{
    if (m_interrupt->isInterrupted()) {   // e.g. Ctrl+C while --secret-stdin was waiting for its line
        onInterrupted();
        return;
    }
    const ConnectionSettings &s = m_setup->settings();
    if (cloudLacksCopilotApi(s.cloud)) {
        fail(2, u"Microsoft does not offer the Copilot interaction history API in this cloud (%1)."_s.arg(cloudDisplayName(s.cloud)));
        return;
    }
    const QString path = m_options.archivePath.isEmpty() ? Archive::defaultPath(m_setup->archiveKey())
                                                         : m_options.archivePath;
    if (!m_options.searchName.isEmpty() && !QFileInfo::exists(path)) {
        fail(2, u"--search: there is no saved search named \"%1\": this connection has no archive yet (%2), so it has"
                " no saved searches. Save the search in the window first (Saved searches → Save current search)."_s
                    .arg(m_options.searchName, QDir::toNativeSeparators(path)));
        return;
    }
    if (!m_options.reviewCase.isEmpty() && !QFileInfo::exists(path)) {
        fail(2, u"There is no case named \"%1\": the archive %2 does not exist yet, so it has no cases."_s.arg(
                    m_options.reviewCase, QDir::toNativeSeparators(path)));
        return;
    }
    QDir().mkpath(QFileInfo(path).absolutePath());
    m_archive = std::make_unique<Archive>();
    QString error;
    if (!m_archive->open(path, &error)) {
        fail(1, u"The archive %1 could not be opened: %2"_s.arg(path, error));
        return;
    }
    m_progress.note(u"Archive: "_s + path);
    if (!m_options.searchName.isEmpty() && !applySavedSearch())
        return;
    if (!m_options.reviewCase.isEmpty()) {
        // The case's name as the archive spells it: exactly, else the one case that differs only
        // in letter case. Checked before anything is synced or written.
        const QStringList cases = ReviewStore(*m_archive).caseNames();
        QString found = cases.contains(m_options.reviewCase) ? m_options.reviewCase : QString();
        if (found.isEmpty()) {
            QStringList similar;
            for (const QString &c : cases)
                if (c.compare(m_options.reviewCase, Qt::CaseInsensitive) == 0)
                    similar << c;
            if (similar.size() == 1)
                found = similar.first();
        }
        if (found.isEmpty()) {
            QStringList quoted;
            for (const QString &c : cases)
                quoted << u'"' + c + u'"';
            fail(2, cases.isEmpty() ? u"There is no case named \"%1\": this archive has no cases yet (cases are made in the "
                                      "window's review workflow)."_s.arg(m_options.reviewCase)
                                    : u"There is no case named \"%1\". Cases in this archive: %2."_s.arg(
                                          m_options.reviewCase, quoted.join(u", "_s)));
            return;
        }
        m_options.reviewCase = found;
        m_progress.note(u"Case: "_s + found);
    }
    if (m_options.watchlistsGiven) {
        // For this run only (the profile's stored lists are not changed); the stored watchlist
        // findings are recomputed with these lists before the export is written.
        m_archive->findings().setWatchlists(m_options.watchlists);
        QStringList names;
        for (const detect::Watchlist &w : m_options.watchlists)
            names << w.name();
        m_progress.note(u"Watchlists: "_s + names.join(u", "_s));
    }
    if (m_options.pseudonymize) {
        // The profile's pseudonym key (made on first use); without a keychain nothing is written.
        auto *keys = new PseudonymKeyStore(this);
        keys->obtain(m_setup->archiveKey(), [this, keys](const PseudonymKeyStore::Result &r) {
            keys->deleteLater();
            if (m_finished)
                return;
            if (!r.ok) {
                fail(2, r.error + u" Nothing was synced and no export file was written."_s);
                return;
            }
            m_pseudonymKey = r.key;
            if (r.created)
                m_progress.note(u"Pseudonyms: a new pseudonym key for this profile was made and stored in the keychain"_s);
            startSync();
        });
        return;
    }
    startSync();
}

void ExportCommand::startSync()
{
    if (m_finished)
        return;
    if (!m_options.hasRange) {   // --case without --from/--to: the case as the archive holds it
        writeExport(SyncSummary{});
        return;
    }
    const ConnectionSettings &s = m_setup->settings();
    m_net = std::make_unique<TenantConnection>(s, m_setup->secret());
    if (m_options.maxRetries >= 0) {
        RetryPolicy policy;
        policy.maxRetries = m_options.maxRetries;
        m_net->graph()->setRetryPolicy(policy);
    }
    m_engine = m_net->createSync(m_archive.get());
    connect(m_engine, &SyncEngine::progress, this, [this](const SyncProgress &p) {
        m_lastProgress = p;
        m_progress.sync(p);
    });
    connect(m_engine, &SyncEngine::finished, this, &ExportCommand::syncFinished);
    SyncOptions so;
    so.from = m_options.from;
    so.to = m_options.to;
    so.appClasses = m_options.appClasses;
    so.userScope = m_options.users;
    so.incremental = !m_options.full;
    so.probeUnlicensed = m_options.probeUnlicensed;
    if (m_options.reprobeDays >= 0)
        so.reprobeDays = m_options.reprobeDays;
    so.includeDeleted = m_options.includeDeleted;
    if (m_options.concurrency > 0)
        so.maxConcurrentUsers = m_options.concurrency;
    if (m_options.rate > 0)
        so.requestsPerSecond = m_options.rate;
    m_engine->start(so);
}

void ExportCommand::syncFinished(const SyncSummary &summary)
{
    m_progress.done();
    if (m_interrupt->isInterrupted()) {
        stopInterrupted(u"during the sync. Everything read so far is kept in the archive and the next run "
                        "continues from there. No export file was written."_s);
        return;
    }
    if (m_timedOut) {
        fail(1, u"Stopped by --timeout %1 during the sync: %2 of %3 users done, %4 new interactions stored. "
                "Everything read so far is kept in the archive and the next run continues from there. "
                "No export file was written."_s
                    .arg(timeoutText())
                    .arg(m_lastProgress.usersDone)
                    .arg(m_lastProgress.usersTotal)
                    .arg(summary.interactionsNew));
        return;
    }
    if (!summary.unknownUsers.isEmpty()) {
        fail(2, summary.message);
        return;
    }
    if (summary.authFailed) {
        QString msg = summary.message;
        const QString details = summary.authError.httpStatus != 0 || !summary.authError.transportError.isEmpty()
            ? summary.authError.details()
            : (summary.fatalError.isValid() ? summary.fatalError.details() : QString());
        if (!details.trimmed().isEmpty())
            msg += u"\nDetails:\n"_s + details.trimmed();
        fail(3, msg);
        return;
    }
    if (summary.cancelled || !summary.completed) {
        QString msg = summary.message;
        if (summary.fatalError.isValid())
            msg += u"\nDetails:\n"_s + summary.fatalError.details().trimmed();
        fail(1, msg);
        return;
    }
    writeExport(summary);
}

void ExportCommand::writeExport(const SyncSummary &summary)
{
    ExportRequest req;
    req.outDir = m_options.outDir;
    req.filter.from = m_options.from;
    req.filter.to = m_options.to;
    req.filter.appClasses = m_options.appClasses;
    req.filter.text = m_searchText;
    req.filter.findings = m_searchFindings;
    req.savedSearch = m_savedSearch;
    if (!m_options.users.isEmpty()) {
        for (const UserOutcome &o : summary.outcomes)
            req.filter.userIds << o.userId;
    }
    req.force = m_options.force;
    req.formulaGuard = m_options.formulaGuard;
    req.tenant = m_setup->settings().tenant;
    req.clientId = m_setup->settings().clientId;
    req.userScope = m_options.users;
    req.filter.reviewCase = m_options.reviewCase;
    req.pseudonymKey = m_pseudonymKey;
    req.pseudonymMapPath = m_options.pseudonymMap;
    req.transcripts = !m_options.transcripts.isEmpty();
    req.transcriptFormat = m_options.transcripts == u"html" ? TranscriptFormat::Html : TranscriptFormat::Pdf;
    Exporter exporter(*m_archive);
    if (m_testHoldMs > 0)
        Exporter::setProgressIntervalForTesting(0);
    bool held = false;
    // The event loop is busy until exportFolder returns: the interrupt flag is its cancel flag.
    const ExportResult result = exporter.exportFolder(req, [this, &held](qint64 done, qint64 total) {
        m_progress.exportRows(done, total);
        if (m_testHoldMs > 0 && done > 0 && !held) {
            held = true;
            holdForTest(done);
        }
    }, m_interrupt->flag());
    m_progress.done();
    if (result.cancelled) {
        stopInterrupted(u"while the export was being written. No export file was written: the folder is as it "
                        "was before. The synced history is kept in the archive."_s);
        return;
    }
    if (!result.ok) {
        fail(1, u"The export could not be written: "_s + result.error);
        return;
    }
    printSummary(summary, result);
    m_finished = true;
    emit done(summary.count(UserStatus::Failed) + summary.count(UserStatus::Partial) > 0 ? 4 : 0);
}

bool ExportCommand::applySavedSearch()
{
    // The search's parts apply where the command line does not give its own (docs/CLI.md,
    // "export --search"); relative periods ("last 30 days") count back from today, local days.
    const SavedSearchStore store(*m_archive);
    const std::optional<SavedSearch> found = store.find(m_options.searchName);
    if (!found) {
        QStringList names = store.names();
        for (QString &n : names)
            n = u'"' + n + u'"';
        fail(2, names.isEmpty()
                 ? u"--search: there is no saved search named \"%1\"; this archive has no saved searches. Save the"
                   " search in the window first (Saved searches → Save current search)."_s.arg(m_options.searchName)
                 : u"--search: there is no saved search named \"%1\". The saved searches are: %2."_s.arg(
                       m_options.searchName, names.join(u", "_s)));
        return false;
    }
    SearchQuery parsed;
    QString syntax;
    if (!SearchQuery::parse(found->text, &parsed, &syntax)) {
        fail(2, u"--search: the text of the saved search \"%1\" is not a valid search: %2"_s.arg(found->name, syntax));
        return false;
    }
    const ArchiveFilter f = found->filter(QDate::currentDate());
    if (!m_options.datesGiven) {
        m_options.from = f.from;
        m_options.to = f.to;
    }
    if (m_options.appClasses.isEmpty())
        m_options.appClasses = f.appClasses;
    if (m_options.users.isEmpty())
        m_options.users = f.userIds;
    m_searchText = f.text;
    m_searchFindings = f.findings;
    m_savedSearch = QJsonObject{{u"name"_s, found->name}, {u"definition"_s, found->definition()}};
    m_progress.note(u"Saved search: %1 (%2)"_s.arg(found->name, found->summary()));
    return true;
}

void ExportCommand::printSummary(const SyncSummary &summary, const ExportResult &result)
{
    QString t;
    const int partial = summary.count(UserStatus::Partial);
    const int failed = summary.count(UserStatus::Failed);
    if (!m_options.hasRange) {
        t += u"Sync: none (--case without --from/--to: the case as the archive holds it)\n"_s;
    } else {
    t += u"Users: %1 — %2 ok, %3 no interactions, %4 not licensed, %5 failed"_s
             .arg(summary.outcomes.size())
             .arg(summary.count(UserStatus::Ok))
             .arg(summary.count(UserStatus::NoInteractions))
             .arg(summary.count(UserStatus::NotLicensed))
             .arg(summary.count(UserStatus::Failed));
    t += partial > 0 ? u", %1 partial\n"_s.arg(partial) : u"\n"_s;
    t += u"Sync: %1 new interactions stored, %2 requests, %3 throttled\n"_s
             .arg(summary.interactionsNew)
             .arg(summary.requests)
             .arg(summary.throttled);
    if (summary.filterRejected)
        t += u"Note: the tenant rejected $filter; all history was paged and filtered locally.\n"_s;
    if (failed > 0) {
        t += u"Failed users (their history could not be read; users.csv shows them as failed):\n"_s;
        for (const UserOutcome &o : summary.outcomes) {
            if (o.status != UserStatus::Failed)
                continue;
            t += u"  %1 (%2): %3\n"_s.arg(o.userPrincipalName, o.userId,
                                          o.error.isValid() ? o.error.plainText() : o.error.message);
            t += u"      request-id: %1  client-request-id: %2  date: %3\n"_s.arg(
                o.error.requestId.isEmpty() ? u"-"_s : o.error.requestId,
                o.error.clientRequestId.isEmpty() ? u"-"_s : o.error.clientRequestId,
                o.error.date.isEmpty() ? u"-"_s : o.error.date);
        }
    }
    if (partial > 0) {
        t += u"Partial users (some items could not be read; they are kept as received in interactions.jsonl):\n"_s;
        for (const UserOutcome &o : summary.outcomes)
            if (o.status == UserStatus::Partial)
                t += u"  %1 (%2): %3\n"_s.arg(o.userPrincipalName, o.userId, o.error.message);
    }
    }
    if (!m_options.reviewCase.isEmpty())
        t += u"Case: %1\n"_s.arg(m_options.reviewCase);
    t += u"Export: %1\n"_s.arg(QDir::toNativeSeparators(m_options.outDir));
    t += u"  prompts.csv         %1 rows\n"_s.arg(result.prompts);
    t += u"  sessions.csv        %1 rows\n"_s.arg(result.sessions);
    t += u"  users.csv           %1 rows\n"_s.arg(result.users);
    if (!result.pseudonymized)
        t += u"  interactions.jsonl  %1 lines\n"_s.arg(result.interactions);
    t += u"  findings.csv        %1 rows\n"_s.arg(result.findings);
    t += u"  reviews.csv         %1 rows\n"_s.arg(result.reviews);
    if (!m_options.transcripts.isEmpty())
        t += u"  transcripts/        %1 %2 files\n"_s.arg(result.transcripts).arg(m_options.transcripts.toUpper());
    t += u"  export.json, SHA256SUMS\n"_s;
    if (result.pseudonymized)
        t += u"Pseudonymised: users are named user-…; interactions.jsonl was left out (it carries the identities)\n"_s;
    if (!result.pseudonymMap.isEmpty())
        t += u"Pseudonym map: %1 (it re-identifies every user: keep it apart from the export)\n"_s.arg(
            QDir::toNativeSeparators(result.pseudonymMap));
    t += failed > 0 ? u"Result: partial — %1 user(s) failed (exit code 4)\n"_s.arg(failed)
        : partial > 0 ? u"Result: partial — %1 user(s) with unreadable items (exit code 4)\n"_s.arg(partial)
                      : u"Result: complete\n"_s;
    printOut(t);
}

} // namespace ledger::cli
