#include "app/tenant/ProfileService.h"

#include "app/archive/Archive.h"
#include "app/archive/ArchiveFiles.h"
#include "app/archive/ArchiveWorker.h"
#include "app/auth/ProfileStore.h"
#include "app/auth/SecretStore.h"

#include <QPointer>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace ledger {

ProfileService::ProfileService(ProfileStore *profiles, SecretStore *secrets, QObject *parent)
    : QObject(parent), m_profiles(profiles), m_secrets(secrets)
{
    qRegisterMetaType<ledger::ProfileRemoval>();
}

QString ProfileService::archivePath(const QString &profileId) const
{
    if (m_archiveFolder.isEmpty())
        return Archive::defaultPath(profileId);
    return m_archiveFolder + u'/' + profileId + u".sqlite"_s;
}

void ProfileService::finish(const ProfileRemoval &result)
{
    QTimer::singleShot(0, this, [this, result] { emit removed(result); });
}

void ProfileService::removeProfile(const QString &profileId, bool deleteArchive)
{
    ProfileRemoval r;
    r.profileId = profileId;
    const auto profile = m_profiles->profile(profileId);
    if (!profile) {
        r.problems << tr("There is no profile with the ID “%1”.").arg(profileId);
        finish(r);
        return;
    }
    const QString path = archivePath(profileId);
    emit aboutToRemove(profileId, path);
    ArchiveWorker::closeAll(path);
    if (deleteArchive) {
        QString error;
        if (!archivefiles::remove(path, &error)) {
            r.problems << error
                       << tr("The profile “%1” was kept, so you can try again.").arg(profile->name);
            finish(r);
            return;
        }
        r.archiveDeleted = true;
    }
    if (!m_profiles->remove(profileId)) {
        r.problems << tr("The profile “%1” could not be removed from the settings.").arg(profile->name);
        finish(r);
        return;
    }
    r.removed = true;
    const QString name = profile->name;
    QPointer<ProfileService> self(this);
    m_secrets->deleteSecret(profileId, [self, r, name](const SecretStore::Result &k) mutable {
        if (!self)
            return;
        if (!k.ok)
            r.problems << tr("The client secret of “%1” could not be removed from the keychain: %2")
                              .arg(name, k.error.isEmpty() ? tr("unknown error") : k.error);
        emit self->removed(r);
    });
}

} // namespace ledger
