#pragma once
// The per-profile pseudonym key (export/Pseudonymizer.h) in the OS keychain via QtKeychain, entry
// "copilot-ledger/<profile-id>/pseudonym-key" (the demo tenant: profile id "demo"). Made from the
// system's random source the first time a pseudonymised export of that profile asks for it, and
// never written anywhere else: when no keychain works, obtaining it fails (an in-memory key would
// give other pseudonyms next time). docs/EXPORT-FORMAT.md "Pseudonymised exports".
#include <QByteArray>
#include <QObject>
#include <QString>
#include <functional>

namespace ledger {

class PseudonymKeyStore : public QObject {
    Q_OBJECT
public:
    explicit PseudonymKeyStore(QObject *parent = nullptr) : QObject(parent) {}

    static QString keyFor(const QString &profileId);

    struct Result {
        bool ok = false;
        bool created = false;   // the key did not exist and was made now
        QByteArray key;         // Pseudonymizer::kKeyBytes bytes
        QString error;          // plain words
    };
    using Callback = std::function<void(const Result &)>;

    // Reads the profile's key, creating it when there is none. Asynchronous; `done` is called
    // exactly once on the caller's thread (not after this object is destroyed).
    void obtain(const QString &profileId, Callback done);
    // Removes the key (tests; a profile's removal). Asynchronous like obtain().
    void remove(const QString &profileId, Callback done);

private:
    void create(const QString &profileId, const Callback &done);
};

} // namespace ledger
