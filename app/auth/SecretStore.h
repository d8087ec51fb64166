#pragma once
// The client secret in the OS keychain via QtKeychain (namespaced key
// "copilot-ledger/<profile-id>/client-secret"; insecure fallback never enabled). When no backend
// works, the secret is kept in memory for this run only and `keychainAvailable()` says why not.
#include <QObject>
#include <QString>
#include <functional>

namespace ledger {

class SecretStore : public QObject {
    Q_OBJECT
public:
    explicit SecretStore(QObject *parent = nullptr);
    ~SecretStore() override;

    static QString keyFor(const QString &profileId);

    struct Result {
        bool ok = false;
        bool inMemoryOnly = false;  // keychain unusable: secret kept for this run only
        QString secret;             // for reads
        QString error;              // plain words (never contains the secret)
    };
    using Callback = std::function<void(const Result &)>;

    // Asynchronous; callback is invoked exactly once on the caller's thread.
    void writeSecret(const QString &profileId, const QString &secret, Callback done);
    void readSecret(const QString &profileId, Callback done);
    void deleteSecret(const QString &profileId, Callback done);

    bool keychainAvailable() const;       // false after a backend failure
    QString keychainProblem() const;      // why not, plain words

private:
    struct Private;
    Private *d;
};

} // namespace ledger
