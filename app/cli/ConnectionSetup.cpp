#include "app/cli/ConnectionSetup.h"

#include "app/auth/CredentialValidation.h"
#include "app/auth/ProfileStore.h"
#include "app/auth/SecretStore.h"
#include "app/sim/DemoEnvironment.h"

#include <QCryptographicHash>
#include <QTextStream>
#include <QTimer>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace ledger::cli {

ConnectionSetup::ConnectionSetup(const CliOptions &options, QObject *parent)
    : QObject(parent), m_options(options)
{
}

ConnectionSetup::~ConnectionSetup() = default;

QString ConnectionSetup::missingSecretMessage()
{
    return u"No client secret. Give it in one of three ways: save it in the keychain with the "
           "profile (--profile NAME, set up in the app's connection dialog), set the environment "
           "variable COPILOT_LEDGER_CLIENT_SECRET, or pass --secret-stdin and write it as one line "
           "to standard input."_s;
}

namespace {

QString demoArchiveKey(const DemoTenantSpec &s)
{
    const DemoTenantSpec def;
    if (s.seed == def.seed && s.users == def.users && s.interactions == def.interactions && s.days == def.days)
        return u"demo"_s;
    return u"demo-s%1-u%2-i%3-d%4"_s.arg(s.seed).arg(s.users).arg(s.interactions).arg(s.days);
}

// A saved profile with exactly this connection shares its archive (as the GUI would).
QString tenantArchiveKey(const ConnectionSettings &settings)
{
    const ProfileStore store;
    for (const Profile &p : store.profiles())
        if (p.connection == settings)
            return p.id;
    const QString ident = settings.tenant.toLower() + u'|' + settings.clientId.toLower() + u'|'
        + settings.endpoints().graph.toString();
    return u"cli-"_s
        + QString::fromLatin1(QCryptographicHash::hash(ident.toUtf8(), QCryptographicHash::Sha256).toHex().left(16));
}

std::optional<Profile> findProfile(const QString &nameOrId, QString *error)
{
    const ProfileStore store;
    std::optional<Profile> p = store.profileByName(nameOrId);
    if (!p)
        p = store.profile(nameOrId);
    if (!p) {
        QStringList names;
        for (const Profile &each : store.profiles())
            names << each.name;
        *error = names.isEmpty()
            ? u"There is no profile named \"%1\" (no profiles are saved yet; create one in the app's connection dialog, or use --tenant and --client-id)."_s.arg(nameOrId)
            : u"There is no profile named \"%1\". Saved profiles: %2."_s.arg(nameOrId, names.join(u", "_s));
    }
    return p;
}

} // namespace

QString ConnectionSetup::archiveKeyFor(const CliOptions &options, QString *error)
{
    if (options.demo)
        return demoArchiveKey(options.demoSpec);
    if (!options.profile.isEmpty()) {
        const std::optional<Profile> p = findProfile(options.profile, error);
        return p ? p->id : QString();
    }
    return tenantArchiveKey(options.connection);
}

void ConnectionSetup::start()
{
    if (m_options.demo) {
        startDemo();
    } else if (!m_options.profile.isEmpty()) {
        startProfile();
    } else {
        m_settings = m_options.connection;
        m_label = m_settings.tenant;
        m_archiveKey = tenantArchiveKey(m_settings);
        QTimer::singleShot(0, this, [this] { secretFallback({}); });
    }
}

void ConnectionSetup::startDemo()
{
    QString error;
    m_demo = DemoEnvironment::start(m_options.demoSpec, m_options.demoOptions, 0, &error);
    if (!m_demo) {
        QTimer::singleShot(0, this, [this, error] {
            emit failed(1, u"The demo tenant could not be started: "_s + error);
        });
        return;
    }
    m_settings = m_demo->connection();
    m_secret = m_demo->clientSecret();
    m_label = u"demo tenant"_s;
    m_archiveKey = demoArchiveKey(m_options.demoSpec);
    QTimer::singleShot(0, this, &ConnectionSetup::ready);
}

void ConnectionSetup::startProfile()
{
    QString msg;
    const std::optional<Profile> p = findProfile(m_options.profile, &msg);
    if (!p) {
        QTimer::singleShot(0, this, [this, msg] { emit failed(2, msg); });
        return;
    }
    m_settings = p->connection;
    m_archiveKey = p->id;
    m_label = p->name;
    auto *secrets = new SecretStore(this);
    secrets->readSecret(p->id, [this, secrets](const SecretStore::Result &r) {
        secrets->deleteLater();
        if (r.ok && !r.secret.isEmpty())
            finishWithSecret(r.secret);
        else
            secretFallback(r.error);
    });
}

void ConnectionSetup::secretFallback(const QString &keychainProblem)
{
    const QString env = qEnvironmentVariable("COPILOT_LEDGER_CLIENT_SECRET");
    if (!env.isEmpty()) {
        finishWithSecret(normalizeInput(env));
        return;
    }
    if (m_options.secretStdin) {
        QTextStream in(stdin);
        const QString line = normalizeInput(in.readLine());
        if (!line.isEmpty()) {
            finishWithSecret(line);
            return;
        }
    }
    QString msg = missingSecretMessage();
    if (!keychainProblem.isEmpty())
        msg = u"The keychain entry of this profile could not be read: "_s + keychainProblem + u"\n"_s + msg;
    emit failed(2, msg);
}

void ConnectionSetup::finishWithSecret(const QString &secret)
{
    m_secret = secret;
    emit ready();
}

} // namespace ledger::cli
