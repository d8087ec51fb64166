#include "app/tenant/ProfileService.h"

#include "app/archive/ActivityLog.h"
#include "app/archive/Archive.h"
#include "app/archive/ArchiveFiles.h"
#include "app/archive/ArchiveWorker.h"
#include "app/auth/ProfileStore.h"
#include "app/auth/SecretStore.h"

#include <QFileInfo>
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

namespace {

QJsonObject profileDetails(const QString &action, const Profile &p)
{
    QJsonObject o{{u"action"_s, action},          {u"profile_id"_s, p.id},
                  {u"name"_s, p.name},            {u"tenant"_s, p.connection.tenant},
                  {u"client_id"_s, p.connection.clientId}, {u"cloud"_s, cloudKey(p.connection.cloud)}};
    if (p.connection.cloud == Cloud::Custom) {
        o.insert(u"authority_url"_s, p.connection.authorityUrl.toString());
        o.insert(u"graph_url"_s, p.connection.graphUrl.toString());
    }
    return o;
}

// What changed between two versions of a profile: {"field": {"from": …, "to": …}}.
QJsonObject profileChanges(const Profile &a, const Profile &b)
{
    const QJsonObject x = profileDetails({}, a), y = profileDetails({}, b);
    QJsonObject out;
    for (const QString &key : {u"name"_s, u"tenant"_s, u"client_id"_s, u"cloud"_s, u"authority_url"_s, u"graph_url"_s}) {
        const QString from = x.value(key).toString(), to = y.value(key).toString();
        if (from != to)
            out.insert(key, QJsonObject{{u"from"_s, from}, {u"to"_s, to}});
    }
    return out;
}

} // namespace

bool ProfileService::recordChange(const QString &profileId, const QJsonObject &details, bool create, QString *error)
{
    const QString path = archivePath(profileId);
    if (!create && !QFileInfo::exists(path))
        return true;   // no archive: nothing to keep the entry in (it is created on first use)
    Archive archive;
    QString why;
    if (!archive.open(path, &why)) {
        if (error)
            *error = tr("The change was not recorded in the activity log: the archive %1 could not be opened (%2).")
                         .arg(path, why);
        return false;
    }
    if (ActivityLog::append(archive, u"profile"_s, details, &why).isEmpty()) {
        if (error)
            *error = tr("The change was not recorded in the activity log: %1").arg(why);
        return false;
    }
    return true;
}

Profile ProfileService::saveProfile(const Profile &profileIn, QString *logError)
{
    const std::optional<Profile> before = profileIn.id.isEmpty() ? std::nullopt : m_profiles->profile(profileIn.id);
    const Profile saved = m_profiles->save(profileIn);
    if (!before) {
        recordChange(saved.id, profileDetails(u"created"_s, saved), true, logError);
    } else {
        const QJsonObject changes = profileChanges(*before, saved);
        if (!changes.isEmpty()) {
            QJsonObject details = profileDetails(u"changed"_s, saved);
            details.insert(u"changes"_s, changes);
            recordChange(saved.id, details, true, logError);
        }
    }
    return saved;
}

bool ProfileService::renameProfile(const QString &profileId, const QString &newName, QString *logError)
{
    const std::optional<Profile> before = m_profiles->profile(profileId);
    if (!before || !m_profiles->rename(profileId, newName))
        return false;
    const std::optional<Profile> after = m_profiles->profile(profileId);
    if (after && after->name != before->name) {
        QJsonObject details = profileDetails(u"renamed"_s, *after);
        details.insert(u"changes"_s, profileChanges(*before, *after));
        recordChange(profileId, details, true, logError);
    }
    return true;
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
    } else {
        // The archive stays: its log says that its profile was deleted (a deleted archive takes
        // its log with it; docs/CLI.md "log", limits).
        QJsonObject details = profileDetails(u"deleted"_s, *profile);
        details.insert(u"archive_kept"_s, true);
        QString logError;
        if (!recordChange(profileId, details, false, &logError))
            r.problems << logError;
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
