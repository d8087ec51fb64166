#include "app/auth/SecretStore.h"
#include "app/auth/SecretScrubber.h"

#include <QCoreApplication>
#include <QHash>
#include <QMutex>
#include <QPointer>
#include <qt6keychain/keychain.h>

using namespace Qt::StringLiterals;

namespace ledger {

namespace {
const QString kService = u"copilot-ledger"_s;

// Secrets kept for this run only when no keychain works (never written anywhere).
struct MemoryVault {
    QMutex mutex;
    QHash<QString, QString> secrets;
};
MemoryVault &vault()
{
    static MemoryVault v;
    return v;
}


bool isBackendFailure(QKeychain::Error e)
{
    return e == QKeychain::NoBackendAvailable || e == QKeychain::OtherError || e == QKeychain::AccessDenied
        || e == QKeychain::NotImplemented;
}

QString problemText(QKeychain::Error e, const QString &detail = QString())
{
    if (e == QKeychain::OtherError
        && (detail.contains(u"D-Bus", Qt::CaseInsensitive) || detail.contains(u"dbus", Qt::CaseInsensitive)))
        e = QKeychain::NoBackendAvailable;   // no session bus: no Secret Service to talk to
    switch (e) {
    case QKeychain::NoBackendAvailable:
        return SecretStore::tr("No system keychain is available (on Linux: no Secret Service such as GNOME Keyring or KWallet is running).");
    case QKeychain::AccessDenied:
        return SecretStore::tr("The system keychain is locked or denied access.");
    case QKeychain::AccessDeniedByUser:
        return SecretStore::tr("Access to the system keychain was refused.");
    case QKeychain::NotImplemented:
        return SecretStore::tr("The system keychain does not support this operation.");
    default:
        return SecretStore::tr("The system keychain reported an error.");
    }
}

QString scrub(const QString &text, const QString &secret)
{
    return scrubSecret(text, secret);
}
} // namespace

struct SecretStore::Private {
    bool available = true;
    QString problem;
};

SecretStore::SecretStore(QObject *parent)
    : QObject(parent)
    , d(new Private)
{
}

SecretStore::~SecretStore()
{
    delete d;
}

QString SecretStore::keyFor(const QString &profileId)
{
    return u"copilot-ledger/"_s + profileId + u"/client-secret"_s;
}

bool SecretStore::keychainAvailable() const
{
    return d->available;
}

QString SecretStore::keychainProblem() const
{
    return d->problem;
}

void SecretStore::writeSecret(const QString &profileId, const QString &secret, Callback done)
{
    const QString key = keyFor(profileId);
    auto fallback = [this, key, secret](QKeychain::Error e, const QString &detail) {
        {
            QMutexLocker lock(&vault().mutex);
            vault().secrets.insert(key, secret);
        }
        d->available = false;
        d->problem = problemText(e, scrub(detail, secret));
        Result r;
        r.ok = true;
        r.inMemoryOnly = true;
        r.error = d->problem + u' ' + SecretStore::tr("The secret is kept in memory for this session only and must be entered again next time.");
        return r;
    };
    // Jobs are not children of the store: deleting a job while its Secret Service call is in
    // flight crashes in QtKeychain's libsecret callback. A job deletes itself when it finishes;
    // the connection's context (`this`) drops the callback if the store has gone by then.
    auto *job = new QKeychain::WritePasswordJob(kService);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key);
    job->setTextData(secret);
    connect(job, &QKeychain::Job::finished, this, [job, key, secret, fallback, done](QKeychain::Job *) {
        Result r;
        if (job->error() == QKeychain::NoError) {
            r.ok = true;
            QMutexLocker lock(&vault().mutex);
            vault().secrets.remove(key);
        } else if (isBackendFailure(job->error())) {
            r = fallback(job->error(), job->errorString());
            qInfo("SecretStore: keychain write failed (%s); secret kept in memory for this run",
                  qUtf8Printable(scrub(job->errorString(), secret)));
        } else {
            r.error = problemText(job->error()) + u" ("_s + scrub(job->errorString(), secret) + u')';
        }
        done(r);
    });
    job->start();
}

void SecretStore::readSecret(const QString &profileId, Callback done)
{
    const QString key = keyFor(profileId);
    auto fromMemory = [key]() -> std::optional<QString> {
        QMutexLocker lock(&vault().mutex);
        auto it = vault().secrets.constFind(key);
        if (it == vault().secrets.constEnd())
            return std::nullopt;
        return *it;
    };
    auto *job = new QKeychain::ReadPasswordJob(kService);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key);
    connect(job, &QKeychain::Job::finished, this, [this, job, fromMemory, done](QKeychain::Job *) {
        Result r;
        const auto mem = fromMemory();
        if (job->error() == QKeychain::NoError) {
            r.ok = true;
            r.secret = job->textData();
        } else if (mem) {
            r.ok = true;
            r.secret = *mem;
            r.inMemoryOnly = true;
            if (isBackendFailure(job->error())) {
                d->available = false;
                d->problem = problemText(job->error(), job->errorString());
            }
        } else if (job->error() == QKeychain::EntryNotFound) {
            r.error = SecretStore::tr("No client secret is saved for this connection; enter it again.");
        } else {
            if (isBackendFailure(job->error())) {
                d->available = false;
                d->problem = problemText(job->error(), job->errorString());
                r.inMemoryOnly = true;
            }
            r.error = problemText(job->error(), job->errorString()) + u' ' + SecretStore::tr("Enter the client secret again.");
        }
        done(r);
    });
    job->start();
}

void SecretStore::deleteSecret(const QString &profileId, Callback done)
{
    const QString key = keyFor(profileId);
    bool hadMemory = false;
    {
        QMutexLocker lock(&vault().mutex);
        hadMemory = vault().secrets.remove(key) > 0;
    }
    auto *job = new QKeychain::DeletePasswordJob(kService);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key);
    connect(job, &QKeychain::Job::finished, this, [this, job, hadMemory, done](QKeychain::Job *) {
        Result r;
        const auto e = job->error();
        if (e == QKeychain::NoError || e == QKeychain::EntryNotFound) {
            r.ok = true;
        } else if (isBackendFailure(e)) {
            d->available = false;
            d->problem = problemText(e, job->errorString());
            r.ok = hadMemory;
            r.inMemoryOnly = true;
            if (!hadMemory)
                r.error = d->problem;
        } else {
            r.error = problemText(e);
        }
        done(r);
    });
    job->start();
}

} // namespace ledger
