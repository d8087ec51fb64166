#include "app/sync/SyncEngine.h"
#include "app/archive/ActivityLog.h"

#include <QJsonArray>

#include "app/archive/Archive.h"
#include "app/auth/TokenProvider.h"
#include "app/check/LicencePlans.h"
#include "app/graph/GraphClient.h"
#include "app/sync/RequestRateMeter.h"
#include "app/sync/SyncQuery.h"
#include "app/sync/UserChain.h"

#include <QElapsedTimer>
#include <QPointer>
#include <QSet>
#include <QTimer>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace ledger {

QString SyncSummary::failureDetails() const
{
    if (authError.isValid())
        return authError.details();
    if (!missingRoles.isEmpty())
        return u"Missing application permissions: "_s + missingRoles.join(u", ");
    return fatalError.isValid() ? fatalError.details() : QString();
}

int SyncSummary::count(UserStatus s) const
{
    return int(std::count_if(outcomes.cbegin(), outcomes.cend(),
                             [s](const UserOutcome &o) { return o.status == s; }));
}

struct SyncEngine::Private {
    SyncEngine *q = nullptr;
    GraphClient *graph = nullptr;
    Archive *archive = nullptr;
    QPointer<TokenProvider> tokens;

    SyncOptions opt;
    QDateTime from, to;                 // effective range [from, to)
    bool running = false;
    bool filterRejected = false;
    QPointer<GraphPager> usersPager;
    QList<User> directory;
    QList<User> pending;
    QList<UserChain *> active;
    SyncSummary summary;
    SyncProgress progress;
    QElapsedTimer clock;
    RequestRateMeter meter;
    GraphStats statsAtStart;
    QTimer tick;
    QList<QMetaObject::Connection> runConnections;
    bool sawAuthError = false;
    AuthError lastAuthError;
    qint64 waitUntilMs = 0;             // clock: end of the latest Retry-After wait

    void beginSignIn();
    void beginUsers(bool deleted = false);
    bool readingDeleted = false;
    void usersFinished();
    void usersFailed(const GraphError &err);
    void resolveScopeAndRun();
    void pump();
    void chainFinished(UserChain *chain);
    void completeUser(const User &user, UserChain *chain);
    void skipUnlicensed(const User &user, const QString &reason);
    QString skipReason(const User &user, const SyncState &st) const;
    void emitProgress();
    void finishRun(bool completed);
    void abortChains();
    qint64 countInRange(const QString &userId) const;
};

SyncEngine::SyncEngine(GraphClient *graph, Archive *archive, QObject *parent)
    : QObject(parent), d(new Private)
{
    qRegisterMetaType<ledger::SyncProgress>();
    qRegisterMetaType<ledger::UserOutcome>();
    qRegisterMetaType<ledger::SyncSummary>();
    d->q = this;
    d->graph = graph;
    d->archive = archive;
    d->tick.setInterval(1000);
    connect(&d->tick, &QTimer::timeout, this, [this] { d->emitProgress(); });
}

SyncEngine::~SyncEngine()
{
    d->abortChains();
    for (const auto &c : std::as_const(d->runConnections))
        disconnect(c);
    delete d;
}

void SyncEngine::setTokenProvider(TokenProvider *tokens)
{
    d->tokens = tokens;
}

bool SyncEngine::isRunning() const
{
    return d->running;
}

void SyncEngine::start(const SyncOptions &options)
{
    if (d->running)
        return;
    d->opt = options;
    d->summary = SyncSummary{};
    d->progress = SyncProgress{};
    d->directory.clear();
    d->pending.clear();
    d->filterRejected = false;
    d->sawAuthError = false;
    d->lastAuthError = AuthError{};
    d->waitUntilMs = 0;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    d->to = options.to.isValid() ? options.to.toUTC() : now;
    d->from = options.from.isValid() ? options.from.toUTC() : now.addDays(-365);
    d->running = true;
    d->clock.start();
    d->meter.reset(0);
    d->statsAtStart = d->graph->stats();
    if (d->from >= d->to) {
        d->summary.message = tr("The start of the date range must be before its end.");
        d->finishRun(false);
        return;
    }
    if (options.requestsPerSecond > 0)
        d->graph->setRateLimit(options.requestsPerSecond);
    d->graph->setMaxConcurrent(std::max(1, options.maxConcurrentUsers));
    d->runConnections << connect(d->graph, &GraphClient::requestSent, this,
                                 [this] { d->meter.record(d->clock.elapsed()); });
    d->runConnections << connect(d->graph, &GraphClient::serverAskedToWait, this, [this](int seconds) {
        const qint64 until = d->clock.elapsed() + qint64(seconds) * 1000;
        d->waitUntilMs = std::max(d->waitUntilMs, until);
        d->emitProgress();
    });
    d->tick.start();
    if (d->tokens)
        d->beginSignIn();
    else
        d->beginUsers();
}

void SyncEngine::cancel()
{
    if (!d->running)
        return;
    d->summary.cancelled = true;
    d->summary.message = tr("The sync was cancelled; everything read so far is kept in the archive.");
    d->abortChains();
    d->finishRun(false);
}

void SyncEngine::Private::beginSignIn()
{
    auto conns = std::make_shared<QList<QMetaObject::Connection>>();
    auto drop = [conns] {
        for (const auto &c : std::as_const(*conns))
            QObject::disconnect(c);
    };
    *conns << connect(tokens, &TokenProvider::tokenReady, q, [this, drop](const AccessToken &token) {
        drop();
        if (!running)
            return;
        if (token.claims) {
            QStringList missing;
            for (const char *role : {kRoleUsers, kRoleInteractions}) {
                if (!token.claims->hasRole(QString::fromLatin1(role)))
                    missing << QString::fromLatin1(role);
            }
            if (!missing.isEmpty()) {
                summary.authFailed = true;
                summary.missingRoles = missing;
                summary.message = AuthError::missingPermissionText(missing);
                finishRun(false);
                return;
            }
        }
        // Token failures later in the run (e.g. a revoked secret) are remembered for the summary.
        runConnections << connect(tokens, &TokenProvider::tokenFailed, q, [this](const AuthError &e) {
            sawAuthError = true;
            lastAuthError = e;
        });
        beginUsers();
    });
    *conns << connect(tokens, &TokenProvider::tokenFailed, q, [this, drop](const AuthError &e) {
        drop();
        if (!running)
            return;
        summary.authFailed = true;
        summary.authError = e;
        summary.message = e.plainText();
        finishRun(false);
    });
    runConnections << *conns;
    tokens->requestToken();
}

void SyncEngine::Private::beginUsers(bool deleted)
{
    readingDeleted = deleted;
    usersPager = deleted ? graph->getAll(graph->url(syncquery::deletedUsersPath(), syncquery::deletedUsersQuery()))
                         : graph->getAll(graph->url(syncquery::usersPath(), syncquery::usersQuery()));
    connect(usersPager, &GraphPager::page, q, [this, deleted](const GraphPage &page) {
        for (const QJsonValue &v : page.items) {
            const QJsonObject o = v.toObject();
            User u = User::fromJson(o);
            switch (LicencePlans::chatLicence(o)) {
            case ChatLicence::Readable: u.licence = User::Licence::Readable; break;
            case ChatLicence::NoChatPlan: u.licence = User::Licence::NoChatPlan; break;
            case ChatLicence::Unknown: break;
            }
            if (deleted) {
                // Deletion releases a user's licences; the history stays readable: always asked
                // (a 403 then counts for the re-probe interval like anyone else's).
                u.licence = User::Licence::Unknown;
                if (!u.isDeleted())
                    u.deletedDateTime = QDateTime::fromMSecsSinceEpoch(0, Qt::UTC);   // listed as deleted, no date
            }
            directory.append(u);
        }
    });
    connect(usersPager, &GraphPager::finished, q, [this] { usersFinished(); });
}

void SyncEngine::Private::usersFinished()
{
    GraphPager *pager = usersPager;
    usersPager = nullptr;
    if (!pager || !running)
        return;
    pager->disconnect(q);
    pager->deleteLater();
    if (!pager->ok()) {
        usersFailed(pager->error());
        return;
    }
    if (opt.includeDeleted && !readingDeleted) {
        beginUsers(true);
        return;
    }
    resolveScopeAndRun();
}

void SyncEngine::Private::usersFailed(const GraphError &err)
{
    summary.fatalError = err;
    if (sawAuthError) {
        summary.authFailed = true;
        summary.authError = lastAuthError;
        summary.message = lastAuthError.plainText();
    } else if (err.httpStatus == 401) {
        summary.authFailed = true;
        summary.message = SyncEngine::tr("Microsoft Graph did not accept the app's sign-in (%1). "
                                         "Test the connection to find out why.")
                              .arg(err.plainText());
    } else if (err.httpStatus == 403) {
        summary.authFailed = true;
        summary.message = SyncEngine::tr(
            "The app may not read the directory's users: grant the application permission "
            "User.Read.All and admin consent (API permissions → Grant admin consent).");
    } else if (readingDeleted) {
        summary.message = SyncEngine::tr("The list of deleted users could not be read: %1").arg(err.plainText());
    } else {
        summary.message = SyncEngine::tr("The list of users could not be read: %1").arg(err.plainText());
    }
    finishRun(false);
}

void SyncEngine::Private::resolveScopeAndRun()
{
    QList<User> scope;
    if (opt.userScope.isEmpty()) {
        scope = directory;
    } else {
        QSet<QString> taken;
        for (const QString &rawEntry : std::as_const(opt.userScope)) {
            const QString entry = rawEntry.trimmed();
            if (entry.isEmpty())
                continue;
            auto it = std::find_if(directory.cbegin(), directory.cend(), [&entry](const User &u) {
                return u.id.compare(entry, Qt::CaseInsensitive) == 0
                    || u.userPrincipalName.compare(entry, Qt::CaseInsensitive) == 0
                    || (!u.mail.isEmpty() && u.mail.compare(entry, Qt::CaseInsensitive) == 0);
            });
            if (it == directory.cend()) {
                summary.unknownUsers << entry;
            } else if (!taken.contains(it->id)) {
                taken.insert(it->id);
                scope << *it;
            }
        }
        if (!summary.unknownUsers.isEmpty()) {
            summary.message = SyncEngine::tr("No user with this user principal name or ID exists in "
                                             "the tenant: %1. Nothing was synced.")
                                  .arg(summary.unknownUsers.join(u", "_s));
            finishRun(false);
            return;
        }
    }
    if (!archive->writer().upsertUsers(directory)) {
        summary.message = SyncEngine::tr("The local archive could not store the user list: %1")
                              .arg(archive->lastError());
        finishRun(false);
        return;
    }
    pending = scope;
    progress.usersTotal = int(scope.size());
    emitProgress();
    pump();
}

void SyncEngine::Private::pump()
{
    const int maxChains = std::max(1, opt.maxConcurrentUsers);
    while (running && active.size() < maxChains && !pending.isEmpty()) {
        const User user = pending.takeFirst();
        UserChain::Params p;
        p.user = user;
        p.start = from;
        p.end = to;
        p.appClasses = opt.appClasses;
        p.useFilter = !filterRejected;
        const SyncState st = archive->writer().syncState(user.id);
        if (const QString reason = skipReason(user, st); !reason.isEmpty()) {
            skipUnlicensed(user, reason);
            continue;
        }
        if (opt.incremental) {
            if (st.watermark.isValid())
                p.start = std::max(from, st.watermark.toUTC().addSecs(-qint64(opt.overlapMinutes) * 60));
        }
        if (p.start >= p.end) {
            // Everything in range was read by an earlier run: no request needed.
            completeUser(user, nullptr);
            continue;
        }
        auto *chain = new UserChain(graph, archive, p, q);
        active.append(chain);
        connect(chain, &UserChain::pageStored, q, [this](qint64 added, qint64 seen) {
            progress.interactionsNew += added;
            progress.interactionsSeen += seen;
            emitProgress();
        });
        connect(chain, &UserChain::finished, q, [this, chain] { chainFinished(chain); });
        chain->start();
    }
    if (running && pending.isEmpty() && active.isEmpty())
        finishRun(true);
}

void SyncEngine::Private::chainFinished(UserChain *chain)
{
    if (!active.removeOne(chain))
        return;
    chain->deleteLater();
    if (chain->filterRejected())
        filterRejected = summary.filterRejected = true;
    const GraphError &err = chain->error();
    if (chain->failed() && err.httpStatus == 403 && !err.isForbiddenUnknown()) {
        // Not a licence problem: the app may not read interaction history at all.
        summary.authFailed = true;
        summary.fatalError = err;
        summary.message = SyncEngine::tr(
            "Microsoft Graph refused to read interaction history (%1). Check that the app has the "
            "application permission AiEnterpriseInteraction.Read.All with admin consent, and test the "
            "connection for a full diagnosis.").arg(err.plainText());
        abortChains();
        finishRun(false);
        return;
    }
    completeUser(chain->params().user, chain);
    pump();
}

QString SyncEngine::Private::skipReason(const User &user, const SyncState &st) const
{
    if (user.licence == User::Licence::Readable)
        return QString();   // the directory says the history exists: always read
    if (user.licence == User::Licence::NoChatPlan && !opt.probeUnlicensed)
        return QString::fromLatin1(kNoChatPlanReason);
    // Probed anyway (or nothing known): not again within the interval after a 403.
    if (opt.reprobeDays > 0 && st.status == UserStatus::NotLicensed && st.lastForbidden.isValid()) {
        const QDateTime next = st.lastForbidden.addDays(opt.reprobeDays);
        if (QDateTime::currentDateTimeUtc() < next)
            return SyncEngine::tr("answered 403 on %1; asked again from %2")
                .arg(st.lastForbidden.toUTC().toString(Qt::ISODate), next.toUTC().toString(Qt::ISODate));
    }
    return QString();
}

void SyncEngine::Private::skipUnlicensed(const User &user, const QString &reason)
{
    UserOutcome o;
    o.userId = user.id;
    o.userPrincipalName = user.userPrincipalName;
    o.status = UserStatus::NotLicensed;
    o.error.message = reason;
    o.interactions = countInRange(user.id);
    SyncState st = archive->writer().syncState(user.id);
    st.userId = user.id;
    st.lastRun = QDateTime::currentDateTimeUtc();
    st.status = UserStatus::NotLicensed;
    st.lastError = reason;
    st.lastRequestId.clear();
    st.lastClientRequestId.clear();
    st.lastErrorDate.clear();
    // st.watermark and st.lastForbidden stay: nothing was asked.
    archive->writer().setSyncState(st);
    summary.outcomes.append(o);
    ++summary.skippedUnlicensed;
    ++progress.usersDone;
    emit q->userFinished(o);
    emitProgress();
}

qint64 SyncEngine::Private::countInRange(const QString &userId) const
{
    ArchiveFilter f;
    f.from = from;
    f.to = to;
    f.appClasses = opt.appClasses;
    f.userIds = {userId};
    return archive->reader().countInteractions(f);
}

void SyncEngine::Private::completeUser(const User &user, UserChain *chain)
{
    UserOutcome o;
    o.userId = user.id;
    o.userPrincipalName = user.userPrincipalName;
    SyncState st = archive->writer().syncState(user.id);
    st.userId = user.id;
    st.lastRun = QDateTime::currentDateTimeUtc();
    if (!chain || chain->ok()) {
        o.interactions = countInRange(user.id);
        o.status = o.interactions > 0 ? UserStatus::Ok : UserStatus::NoInteractions;
        // The watermark only moves after a complete chain over every app (an app-filtered run
        // did not read the other apps up to that time).
        if (chain && opt.appClasses.isEmpty() && chain->newestSeen().isValid()
            && (!st.watermark.isValid() || chain->newestSeen() > st.watermark))
            st.watermark = chain->newestSeen();
        st.lastError.clear();
        st.lastRequestId.clear();
        st.lastClientRequestId.clear();
        st.lastErrorDate.clear();
        if (chain && chain->unreadableItems() > 0) {
            o.status = UserStatus::Partial;
            st.lastError = SyncEngine::tr("%n item(s) of this user's history could not be read (%1); they are kept "
                                          "as received and exported in interactions.jsonl.", nullptr,
                                          int(chain->unreadableItems()))
                               .arg(chain->unreadableReason());
            o.error.message = st.lastError;
        }
    } else {
        const GraphError &err = chain->error();
        o.error = err;
        o.status = chain->notLicensed() ? UserStatus::NotLicensed : UserStatus::Failed;
        if (o.status == UserStatus::NotLicensed) {
            st.lastForbidden = QDateTime::currentDateTimeUtc();
            st.lastError = SyncEngine::tr("Microsoft Graph answered 403 UnknownError: this user most "
                                          "likely has no Microsoft 365 Copilot licence.");
        } else if (!chain->localError().isEmpty()) {
            st.lastError = chain->localError();
            o.error.message = chain->localError();
        } else {
            st.lastError = err.plainText();
        }
        o.interactions = countInRange(user.id);
        st.lastRequestId = err.requestId;
        st.lastClientRequestId = err.clientRequestId;
        st.lastErrorDate = err.date;
        // st.watermark stays as it was: the next run reads this user's range again.
    }
    st.status = o.status;
    archive->writer().setSyncState(st);
    summary.outcomes.append(o);
    ++progress.usersDone;
    emit q->userFinished(o);
    emitProgress();
}

void SyncEngine::Private::emitProgress()
{
    if (!running)
        return;
    const qint64 now = clock.elapsed();
    progress.requestsPerSecond = meter.rate(now);
    progress.serverWaitSeconds = waitUntilMs > now ? int((waitUntilMs - now + 999) / 1000) : 0;
    progress.throttled = graph->stats().throttled - statsAtStart.throttled;
    if (progress.usersDone > 0 && progress.usersTotal > progress.usersDone)
        progress.etaSeconds = now * (progress.usersTotal - progress.usersDone) / progress.usersDone / 1000;
    else
        progress.etaSeconds = progress.usersTotal > 0 && progress.usersDone == progress.usersTotal ? 0 : -1;
    emit q->progress(progress);
}

void SyncEngine::Private::abortChains()
{
    if (usersPager) {
        usersPager->disconnect(q);
        usersPager->cancel();
        usersPager->deleteLater();
        usersPager = nullptr;
    }
    const QList<UserChain *> chains = active;
    active.clear();
    pending.clear();
    for (UserChain *c : chains) {
        c->disconnect(q);
        c->cancel();
        c->deleteLater();
    }
}

void SyncEngine::Private::finishRun(bool completed)
{
    if (!running)
        return;
    emitProgress();
    running = false;
    tick.stop();
    for (const auto &c : std::as_const(runConnections))
        QObject::disconnect(c);
    runConnections.clear();
    const GraphStats stats = graph->stats();
    summary.completed = completed;
    summary.requests = stats.requests - statsAtStart.requests;
    summary.throttled = stats.throttled - statsAtStart.throttled;
    summary.interactionsNew = progress.interactionsNew;
    if (summary.message.isEmpty()) {
        summary.message = SyncEngine::tr("%n user(s) synced: %1 with interactions, %2 without, "
                                         "%3 not licensed, %4 failed.", nullptr, int(summary.outcomes.size()))
                              .arg(summary.count(UserStatus::Ok))
                              .arg(summary.count(UserStatus::NoInteractions))
                              .arg(summary.count(UserStatus::NotLicensed))
                              .arg(summary.count(UserStatus::Failed));
    }
    // The activity log: what was asked (range, apps, users) and what came of it.
    if (archive && archive->isOpen()) {
        QJsonObject counts;
        for (const UserStatus st : {UserStatus::Ok, UserStatus::NoInteractions, UserStatus::NotLicensed, UserStatus::Failed})
            counts.insert(userStatusKey(st), summary.count(st));
        ActivityLog::append(*archive, u"sync"_s,
                            {{u"from"_s, formatUtc(from)}, {u"to"_s, formatUtc(to)},
                             {u"apps"_s, QJsonArray::fromStringList(opt.appClasses)},
                             {u"users"_s, QJsonArray::fromStringList(opt.userScope)},
                             {u"users_synced"_s, qint64(summary.outcomes.size())}, {u"user_outcomes"_s, counts},
                             {u"interactions_new"_s, summary.interactionsNew}, {u"requests"_s, summary.requests},
                             {u"outcome"_s, summary.authFailed ? u"auth_failed"_s
                                          : summary.cancelled   ? u"cancelled"_s
                                          : completed           ? u"completed"_s
                                                                : u"failed"_s},
                             {u"message"_s, summary.message}});
    }
    // Always delivered from the event loop, never from inside start()/cancel().
    QTimer::singleShot(0, q, [q = q, s = summary] { emit q->finished(s); });
}

} // namespace ledger
