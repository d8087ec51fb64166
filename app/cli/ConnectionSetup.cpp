#include "app/cli/ConnectionSetup.h"

#include "app/auth/CredentialValidation.h"
#include "app/auth/ProfileStore.h"
#include "app/auth/SecretStore.h"
#include "sim/DemoEnvironment.h"

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

void ConnectionSetup::start()
{
    if (m_options.demo) {
        startDemo();
    } else if (!m_options.profile.isEmpty()) {
        startProfile();
    } else {
        m_settings = m_options.connection;
        m_label = m_settings.tenant;
        // Share the archive of a saved profile with the same connection (as the GUI would).
        const ProfileStore store;
        for (const Profile &p : store.profiles()) {
            if (p.connection == m_settings) {
                m_archiveKey = p.id;
                break;
            }
        }
        if (m_archiveKey.isEmpty()) {
            const QString ident = m_settings.tenant.toLower() + u'|' + m_settings.clientId.toLower()
                + u'|' + m_settings.endpoints().graph.toString();
            m_archiveKey = u"cli-"_s
                + QString::fromLatin1(QCryptographicHash::hash(ident.toUtf8(), QCryptographicHash::Sha256).toHex().left(16));
        }
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
    const DemoTenantSpec def;
    const DemoTenantSpec &s = m_options.demoSpec;
    if (s.seed == def.seed && s.users == def.users && s.interactions == def.interactions && s.days == def.days)
        m_archiveKey = u"demo"_s;
    else
        m_archiveKey = u"demo-s%1-u%2-i%3-d%4"_s.arg(s.seed).arg(s.users).arg(s.interactions).arg(s.days);
    QTimer::singleShot(0, this, &ConnectionSetup::ready);
}

void ConnectionSetup::startProfile()
{
    const ProfileStore store;
    std::optional<Profile> p = store.profileByName(m_options.profile);
    if (!p)
        p = store.profile(m_options.profile);
    if (!p) {
        QStringList names;
        for (const Profile &each : store.profiles())
            names << each.name;
        const QString msg = names.isEmpty()
            ? u"There is no profile named \"%1\" (no profiles are saved yet; create one in the app's connection dialog, or use --tenant and --client-id)."_s.arg(m_options.profile)
            : u"There is no profile named \"%1\". Saved profiles: %2."_s.arg(m_options.profile, names.join(u", "_s));
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
