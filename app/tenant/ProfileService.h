#pragma once
// The profiles' life cycle over ProfileStore (settings), SecretStore (keychain) and the archive
// files: what the Connections dialog and any other front end use to delete a profile, so the
// steps happen in the one safe order and every failure is reported (docs/ARCHITECTURE.md,
// Modules).
#include "app/auth/ConnectionSettings.h"
#include <QJsonObject>
#include <QObject>
#include <QString>
#include <QStringList>

namespace ledger {

class ProfileStore;
class SecretStore;

struct ProfileRemoval {
    QString profileId;
    bool removed = false;          // the profile is gone from the list
    bool archiveDeleted = false;   // the archive and all its side files are gone
    QStringList problems;          // plain words, one sentence each; empty = everything worked
    bool ok() const { return removed && problems.isEmpty(); }
};

class ProfileService : public QObject {
    Q_OBJECT
public:
    ProfileService(ProfileStore *profiles, SecretStore *secrets, QObject *parent = nullptr);

    ProfileStore *profiles() const { return m_profiles; }
    SecretStore *secrets() const { return m_secrets; }

    // Deletes a profile: first aboutToRemove() (every owner of an open Archive on it closes
    // it), then every ArchiveWorker thread's connection is closed; with deleteArchive the archive
    // and its side files are deleted (if that fails, nothing else is removed and the profile
    // stays, so the user can try again); then the profile leaves the list and its keychain entry
    // is deleted. removed() always follows, from the event loop.
    void removeProfile(const QString &profileId, bool deleteArchive);

    // Adds or updates a profile (ProfileStore::save) and records the change in that profile's
    // archive's activity log (kind "profile": created / changed, with what changed — never the
    // secret). The archive is created for a new profile. A log failure leaves the profile saved
    // and is returned in *logError.
    Profile saveProfile(const Profile &profile, QString *logError = nullptr);
    bool renameProfile(const QString &profileId, const QString &newName, QString *logError = nullptr);

    // Where a profile's archive lives (Archive::defaultPath unless set, for tests).
    QString archivePath(const QString &profileId) const;
    void setArchiveFolderForTesting(const QString &folder) { m_archiveFolder = folder; }

signals:
    // Delivered directly (synchronously): close every Archive opened on archivePath now.
    void aboutToRemove(const QString &profileId, const QString &archivePath);
    void removed(const ledger::ProfileRemoval &result);

private:
    void finish(const ProfileRemoval &result);
    // Appends a "profile" entry to the archive at archivePath(profileId); opens (and with create,
    // creates) it for this one entry.
    bool recordChange(const QString &profileId, const QJsonObject &details, bool create, QString *error);
    ProfileStore *m_profiles;
    SecretStore *m_secrets;
    QString m_archiveFolder;
};

} // namespace ledger

Q_DECLARE_METATYPE(ledger::ProfileRemoval)
