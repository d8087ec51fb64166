#include "app/auth/ProfileStore.h"

#include <QSettings>
#include <QUuid>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace ledger {

namespace {
const QString kIndex = u"profiles/index"_s;
const QString kLastUsed = u"profiles/lastUsed"_s;

QString groupFor(const QString &id)
{
    return u"profiles/"_s + id;
}

bool isSafeId(const QString &id)
{
    if (id.isEmpty() || id.size() > 64)
        return false;
    for (QChar c : id) {
        if (!(c.isLetterOrNumber() && c.unicode() < 128) && c != u'-' && c != u'_')
            return false;
    }
    return id != u"index" && id != u"lastUsed";
}

std::optional<Profile> readProfile(QSettings &s, const QString &id)
{
    if (!isSafeId(id))
        return std::nullopt;
    s.beginGroup(groupFor(id));
    const bool exists = s.contains(u"name"_s);
    Profile p;
    p.id = id;
    p.name = s.value(u"name"_s).toString();
    p.connection.tenant = s.value(u"tenant"_s).toString();
    p.connection.clientId = s.value(u"clientId"_s).toString();
    p.connection.cloud = cloudFromKey(s.value(u"cloud"_s).toString()).value_or(Cloud::Global);
    p.connection.authorityUrl = QUrl(s.value(u"authorityUrl"_s).toString());
    p.connection.graphUrl = QUrl(s.value(u"graphUrl"_s).toString());
    s.endGroup();
    if (!exists)
        return std::nullopt;
    return p;
}
} // namespace

ProfileStore::ProfileStore(QObject *parent)
    : QObject(parent)
{
}

QList<Profile> ProfileStore::profiles() const
{
    QSettings s;
    QList<Profile> out;
    const QStringList ids = s.value(kIndex).toStringList();
    for (const QString &id : ids) {
        if (auto p = readProfile(s, id))
            out.append(*p);
    }
    std::sort(out.begin(), out.end(), [](const Profile &a, const Profile &b) {
        const int c = a.name.localeAwareCompare(b.name);
        return c != 0 ? c < 0 : a.id < b.id;
    });
    return out;
}

std::optional<Profile> ProfileStore::profile(const QString &id) const
{
    QSettings s;
    if (!s.value(kIndex).toStringList().contains(id))
        return std::nullopt;
    return readProfile(s, id);
}

std::optional<Profile> ProfileStore::profileByName(const QString &name) const
{
    const QString wanted = name.trimmed();
    for (const Profile &p : profiles()) {
        if (p.name.compare(wanted, Qt::CaseInsensitive) == 0)
            return p;
    }
    return std::nullopt;
}

Profile ProfileStore::save(const Profile &profileIn)
{
    Profile p = profileIn;
    if (!isSafeId(p.id))
        p.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    p.name = p.name.trimmed();
    QSettings s;
    QStringList ids = s.value(kIndex).toStringList();
    if (!ids.contains(p.id)) {
        ids.append(p.id);
        s.setValue(kIndex, ids);
    }
    s.beginGroup(groupFor(p.id));
    s.setValue(u"name"_s, p.name);
    s.setValue(u"tenant"_s, p.connection.tenant);
    s.setValue(u"clientId"_s, p.connection.clientId);
    s.setValue(u"cloud"_s, cloudKey(p.connection.cloud));
    if (p.connection.cloud == Cloud::Custom) {
        s.setValue(u"authorityUrl"_s, p.connection.authorityUrl.toString());
        s.setValue(u"graphUrl"_s, p.connection.graphUrl.toString());
    } else {
        s.remove(u"authorityUrl"_s);
        s.remove(u"graphUrl"_s);
    }
    s.endGroup();
    s.sync();
    emit profilesChanged();
    return p;
}

bool ProfileStore::rename(const QString &id, const QString &newName)
{
    auto p = profile(id);
    if (!p || newName.trimmed().isEmpty())
        return false;
    p->name = newName.trimmed();
    save(*p);
    return true;
}

bool ProfileStore::remove(const QString &id)
{
    QSettings s;
    QStringList ids = s.value(kIndex).toStringList();
    if (!ids.removeAll(id))
        return false;
    s.setValue(kIndex, ids);
    if (isSafeId(id))
        s.remove(groupFor(id));
    if (s.value(kLastUsed).toString() == id)
        s.remove(kLastUsed);
    s.sync();
    emit profilesChanged();
    return true;
}

QString ProfileStore::lastUsedProfileId() const
{
    QSettings s;
    const QString id = s.value(kLastUsed).toString();
    return s.value(kIndex).toStringList().contains(id) ? id : QString();
}

void ProfileStore::setLastUsedProfileId(const QString &id)
{
    QSettings s;
    if (id.isEmpty())
        s.remove(kLastUsed);
    else
        s.setValue(kLastUsed, id);
    s.sync();
}

} // namespace ledger
