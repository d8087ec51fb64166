#pragma once
// A small, fully known archive for the GUI tests: 6 users (one not licensed, one failed, one
// with no interactions), three apps, 14 sessions, 35 turns. Header-only, shared by tests/ui.
#include "TestSupport.h"
#include "app/archive/Archive.h"
#include "app/auth/ProfileStore.h"
#include "app/model/Interaction.h"
#include "app/model/User.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QSettings>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

namespace ledger::uitest {

inline const char *kWord = "IPM.SkypeTeams.Message.Copilot.Word";
inline const char *kTeams = "IPM.SkypeTeams.Message.Copilot.Teams";
inline const char *kBizChat = "IPM.SkypeTeams.Message.Copilot.BizChat";

struct Expected {
    int users = 0;
    int sessions = 0;
    int turns = 0;
    int wordTurns = 0;
    int budgetTurns = 0;          // turns whose prompt or response contains "budget"
    QStringList userIds;
    QHash<QString, int> turnsPerUser;
};

// Settings (profiles, table layouts) and the demo archive survive between test programs in
// QStandardPaths test mode: start every GUI test from nothing.
inline void clearSettings()
{
    QSettings().clear();
    const QString demo = Archive::defaultPath(QStringLiteral("demo"));
    for (const char *suffix : {"", "-wal", "-shm"})
        QFile::remove(demo + QLatin1String(suffix));
}

inline QString userId(int i) { return QStringLiteral("00000000-0000-4000-8000-%1").arg(i, 12, 10, QLatin1Char('0')); }

inline QByteArray interactionJson(const QString &id, const QString &uid, const QString &session,
                                  const QString &request, const QString &appClass, bool prompt,
                                  const QDateTime &t, const QString &text)
{
    QJsonObject from;
    if (prompt)
        from.insert(QStringLiteral("user"), QJsonObject{{QStringLiteral("id"), uid},
                                                         {QStringLiteral("displayName"), QString(QStringLiteral("8:orgid:") + uid)}});
    else
        from.insert(QStringLiteral("application"), QJsonObject{{QStringLiteral("id"), QStringLiteral("copilot")},
                                                                {QStringLiteral("displayName"), QStringLiteral("Microsoft 365 Chat")}});
    QJsonObject o{
        {QStringLiteral("id"), id},
        {QStringLiteral("sessionId"), session},
        {QStringLiteral("requestId"), request},
        {QStringLiteral("appClass"), appClass},
        {QStringLiteral("interactionType"), prompt ? QStringLiteral("userPrompt") : QStringLiteral("aiResponse")},
        {QStringLiteral("conversationType"), QStringLiteral("appchat")},
        {QStringLiteral("createdDateTime"), t.toString(Qt::ISODateWithMs)},
        {QStringLiteral("etag"), QStringLiteral("1")},
        {QStringLiteral("locale"), QStringLiteral("en-us")},
        {QStringLiteral("from"), from},
        {QStringLiteral("body"), QJsonObject{{QStringLiteral("contentType"), QStringLiteral("text")},
                                             {QStringLiteral("content"), text}}},
        {QStringLiteral("attachments"), QJsonArray{}},
        {QStringLiteral("links"), QJsonArray{}},
        {QStringLiteral("mentions"), QJsonArray{}},
        {QStringLiteral("contexts"), QJsonArray{}},
    };
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

// Fills an open archive; returns what the views must show.
inline Expected fillArchive(Archive &archive)
{
    Expected e;
    const QStringList names = {QStringLiteral("Adele Vance"), QStringLiteral("Alex Wilber"),
                               QStringLiteral("Diego Siciliani"), QStringLiteral("Grady Archie"),
                               QStringLiteral("Isaiah Langer"), QStringLiteral("Johanna Lorenz")};
    QList<User> users;
    for (int i = 0; i < names.size(); ++i) {
        User u;
        u.id = userId(i);
        u.displayName = names.at(i);
        u.userPrincipalName = names.at(i).split(QLatin1Char(' ')).first().toLower() + QStringLiteral("@contoso.test");
        u.mail = u.userPrincipalName;
        u.department = i % 2 ? QStringLiteral("Finance") : QStringLiteral("Legal");
        u.jobTitle = QStringLiteral("Analyst");
        u.accountEnabled = i != 5;
        u.userType = QStringLiteral("Member");
        users << u;
        e.userIds << u.id;
    }
    archive.writer().upsertUsers(users);
    e.users = int(users.size());

    const QStringList apps = {QString::fromLatin1(kWord), QString::fromLatin1(kTeams), QString::fromLatin1(kBizChat)};
    const QDateTime base(QDate(2026, 10, 1), QTime(9, 0), Qt::UTC);
    QList<Interaction> all;
    int n = 0;
    // Users 0..3 have history; 4 is not licensed; 5 has none.
    for (int u = 0; u < 4; ++u) {
        const int sessions = u == 0 ? 5 : 3;
        for (int s = 0; s < sessions; ++s) {
            const QString session = QStringLiteral("session-%1-%2").arg(u).arg(s);
            const QString app = apps.at((u + s) % apps.size());
            ++e.sessions;
            const int turns = 2 + (s % 2);
            for (int t = 0; t < turns; ++t) {
                const QDateTime when = base.addDays(u * 7 + s).addSecs(t * 120);
                const QString req = QStringLiteral("req-%1").arg(++n);
                const bool budget = (t == 0);
                const QString prompt = budget ? QStringLiteral("Summarise the budget for project %1").arg(n)
                                              : QStringLiteral("Draft a reply about the offsite %1").arg(n);
                const QString answer = budget ? QStringLiteral("The budget is 1,000 EUR for item %1.").arg(n)
                                              : QStringLiteral("Here is a draft reply %1.").arg(n);
                all << Interaction::fromRaw(userId(u), interactionJson(QStringLiteral("p-%1").arg(n), userId(u), session, req, app, true, when, prompt));
                all << Interaction::fromRaw(userId(u), interactionJson(QStringLiteral("r-%1").arg(n), userId(u), session, req, app, false, when.addSecs(5), answer));
                ++e.turns;
                e.turnsPerUser[userId(u)] += 1;
                if (app == QString::fromLatin1(kWord))
                    ++e.wordTurns;
                if (budget)
                    ++e.budgetTurns;
            }
        }
    }
    archive.writer().insertInteractions(all);
    for (int u = 0; u < names.size(); ++u) {
        SyncState st;
        st.userId = userId(u);
        st.status = u < 4 ? UserStatus::Ok : (u == 4 ? UserStatus::NotLicensed : UserStatus::NoInteractions);
        if (u == 3) {
            st.status = UserStatus::Failed;
            st.lastError = QStringLiteral("Microsoft Graph answered 500 three times (request-id 1234).");
        }
        st.lastRun = base;
        archive.writer().setSyncState(st);
    }
    return e;
}

// Saves the profile "Contoso test" (tenant contoso.onmicrosoft.com, a fixed client id); its id.
inline QString saveTestProfile()
{
    ProfileStore store;
    Profile p;
    p.name = QStringLiteral("Contoso test");
    p.connection.tenant = QStringLiteral("contoso.onmicrosoft.com");
    p.connection.clientId = QStringLiteral("11111111-2222-3333-4444-555555555555");
    return store.save(p).id;
}

// Opens (creating) the archive `fileName` in a fresh temporary folder in `archive`.
inline bool openTempArchive(Archive &archive, const QString &fileName, QString *error)
{
    return archive.open(QDir(test::tempDir()).filePath(fileName), error);
}

// Opens the default archive of profile `profileId` in `archive`, making its folder first.
inline bool openProfileArchive(Archive &archive, const QString &profileId, QString *error)
{
    const QString path = Archive::defaultPath(profileId);
    QDir().mkpath(QFileInfo(path).absolutePath());
    return archive.open(path, error);
}

// The usual start of a test over a temporary archive: an isolated environment, no settings,
// `fileName` opened in a fresh temporary folder and filled by fillArchive() (*expected).
// False (*error set) when the archive cannot be opened.
inline bool startWithFilledArchive(Archive &archive, const QString &fileName, Expected *expected, QString *error)
{
    test::isolateEnvironment();
    clearSettings();
    if (!openTempArchive(archive, fileName, error))
        return false;
    *expected = fillArchive(archive);
    return true;
}

// The usual start of a window test: an isolated environment, no settings, the saved test
// profile whose archive holds fillArchive()'s data (*expected, when given) and whatever `more`
// adds, closed again. The profile's id; "" (*error set) when its archive cannot be opened.
template <typename More>
QString startWithFilledProfile(Expected *expected, QString *error, More &&more)
{
    test::isolateEnvironment();
    clearSettings();
    const QString profileId = saveTestProfile();
    Archive archive;
    if (!openProfileArchive(archive, profileId, error))
        return {};
    const Expected e = fillArchive(archive);
    if (expected)
        *expected = e;
    more(archive);
    archive.close();
    return profileId;
}
inline QString startWithFilledProfile(Expected *expected, QString *error)
{
    return startWithFilledProfile(expected, error, [](Archive &) {});
}

// A second "Adele Vance": another person, another UPN.
inline User twinUser()
{
    User twin;
    twin.id = userId(9);
    twin.displayName = QStringLiteral("Adele Vance");
    twin.userPrincipalName = QStringLiteral("adele.vance2@contoso.test");
    return twin;
}

// Stores `twin` with one conversation: a Word turn on 20 October 2026 (session twin-s,
// "Twin question" / "Twin answer"), synced without error.
inline void addTwin(Archive &archive, const User &twin)
{
    archive.writer().upsertUsers({twin});
    const QDateTime when(QDate(2026, 10, 20), QTime(10, 0), Qt::UTC);
    const QString app = QString::fromLatin1(kWord);
    archive.writer().insertInteractions(
        {Interaction::fromRaw(twin.id, interactionJson(QStringLiteral("tw-p"), twin.id, QStringLiteral("twin-s"),
                                                       QStringLiteral("tw-r"), app, true, when, QStringLiteral("Twin question"))),
         Interaction::fromRaw(twin.id, interactionJson(QStringLiteral("tw-a"), twin.id, QStringLiteral("twin-s"),
                                                       QStringLiteral("tw-r"), app, false, when.addSecs(3),
                                                       QStringLiteral("Twin answer")))});
    SyncState st;
    st.userId = twin.id;
    st.status = UserStatus::Ok;
    archive.writer().setSyncState(st);
}

} // namespace ledger::uitest
