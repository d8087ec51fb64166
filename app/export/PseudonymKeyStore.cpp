#include "app/export/PseudonymKeyStore.h"
#include "app/export/Pseudonymizer.h"

#include <QCoreApplication>
#include <qt6keychain/keychain.h>

using namespace Qt::StringLiterals;

namespace ledger {

namespace {

const QString kService = u"copilot-ledger"_s;

QString keychainProblem(const QKeychain::Job *job)
{
    // The job's text never contains the key (we only ever read or write it as data).
    return QCoreApplication::translate("PseudonymKeyStore",
                                       "A pseudonymised export needs the system keychain, which keeps the key that "
                                       "makes the pseudonyms the same in every export of this profile; it could "
                                       "not be used: %1")
        .arg(job->errorString());
}

} // namespace

QString PseudonymKeyStore::keyFor(const QString &profileId)
{
    return u"copilot-ledger/"_s + profileId + u"/pseudonym-key"_s;
}

void PseudonymKeyStore::obtain(const QString &profileId, Callback done)
{
    // Jobs delete themselves when finished (see auth/SecretStore.cpp: deleting a job in flight
    // crashes in QtKeychain's libsecret callback); `this` as context drops a late answer.
    auto *job = new QKeychain::ReadPasswordJob(kService);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(keyFor(profileId));
    connect(job, &QKeychain::Job::finished, this, [this, job, profileId, done](QKeychain::Job *) {
        if (job->error() == QKeychain::NoError) {
            Result r;
            r.key = QByteArray::fromBase64(job->textData().toLatin1());
            r.ok = r.key.size() == Pseudonymizer::kKeyBytes;
            if (!r.ok)
                r.error = QCoreApplication::translate("PseudonymKeyStore",
                                                      "The pseudonym key in the system keychain (%1) is damaged.")
                              .arg(keyFor(profileId));
            done(r);
        } else if (job->error() == QKeychain::EntryNotFound) {
            create(profileId, done);
        } else {
            Result r;
            r.error = keychainProblem(job);
            done(r);
        }
    });
    job->start();
}

void PseudonymKeyStore::create(const QString &profileId, const Callback &done)
{
    const QByteArray key = Pseudonymizer::newKey();
    auto *job = new QKeychain::WritePasswordJob(kService);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(keyFor(profileId));
    job->setTextData(QString::fromLatin1(key.toBase64()));
    connect(job, &QKeychain::Job::finished, this, [job, key, done](QKeychain::Job *) {
        Result r;
        if (job->error() == QKeychain::NoError) {
            r.ok = true;
            r.created = true;
            r.key = key;
        } else {
            r.error = keychainProblem(job);
        }
        done(r);
    });
    job->start();
}

void PseudonymKeyStore::remove(const QString &profileId, Callback done)
{
    auto *job = new QKeychain::DeletePasswordJob(kService);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(keyFor(profileId));
    connect(job, &QKeychain::Job::finished, this, [job, done](QKeychain::Job *) {
        Result r;
        r.ok = job->error() == QKeychain::NoError || job->error() == QKeychain::EntryNotFound;
        if (!r.ok)
            r.error = keychainProblem(job);
        done(r);
    });
    job->start();
}

} // namespace ledger
