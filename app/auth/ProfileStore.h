#pragma once
// Profiles in QSettings (the keychain cannot list entries, so the index lives here).
// Never stores the secret.
#include "app/auth/ConnectionSettings.h"
#include <QList>
#include <QObject>
#include <optional>

namespace ledger {

class ProfileStore : public QObject {
    Q_OBJECT
public:
    explicit ProfileStore(QObject *parent = nullptr);   // uses default QSettings (org/app names)

    QList<Profile> profiles() const;                     // sorted by name
    std::optional<Profile> profile(const QString &id) const;
    std::optional<Profile> profileByName(const QString &name) const;   // case-insensitive
    // Adds or updates (by id; empty id → new id assigned). Returns the stored profile.
    Profile save(const Profile &profile);
    bool rename(const QString &id, const QString &newName);
    bool remove(const QString &id);                      // caller also deletes the keychain entry

    QString lastUsedProfileId() const;
    void setLastUsedProfileId(const QString &id);

signals:
    void profilesChanged();
};

} // namespace ledger
