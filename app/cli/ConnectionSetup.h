#pragma once
// Turns the connection options into settings + secret (docs/CLI.md): --demo starts the demo
// tenant in-process; --profile reads the profile (QSettings) and its keychain entry; the secret
// otherwise comes from $COPILOT_LEDGER_CLIENT_SECRET or one line of stdin (--secret-stdin).
// Asynchronous (the keychain is): ready() or failed(exitCode, message) follows start().
#include "app/auth/ConnectionSettings.h"
#include "app/cli/CliOptions.h"
#include <QObject>
#include <memory>

namespace ledger {
class DemoEnvironment;
}

namespace ledger::cli {

class ConnectionSetup : public QObject {
    Q_OBJECT
public:
    explicit ConnectionSetup(const CliOptions &options, QObject *parent = nullptr);
    ~ConnectionSetup() override;

    void start();

    const ConnectionSettings &settings() const { return m_settings; }
    QString secret() const { return m_secret; }       // never printed
    // Which archive this connection uses: a profile id, "demo…" or "cli-<hash>".
    QString archiveKey() const { return m_archiveKey; }
    QString label() const { return m_label; }         // for messages: profile name or tenant
    DemoEnvironment *demo() const { return m_demo.get(); }

    static QString missingSecretMessage();

    // The archive key of the connection options without connecting (no secret, no demo server):
    // what archiveKey() will be. "" with *error (an unknown profile) on failure. For `log`.
    static QString archiveKeyFor(const CliOptions &options, QString *error);

signals:
    void ready();
    void failed(int exitCode, const QString &message);

private:
    void startDemo();
    void startProfile();
    void secretFallback(const QString &keychainProblem);
    void finishWithSecret(const QString &secret);

    CliOptions m_options;
    ConnectionSettings m_settings;
    QString m_secret, m_archiveKey, m_label;
    std::unique_ptr<DemoEnvironment> m_demo;
};

} // namespace ledger::cli
