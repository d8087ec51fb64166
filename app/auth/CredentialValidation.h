#pragma once
// Input validation with plain messages (inputs are trimmed by the caller or by normalize()).
#include <QCoreApplication>
#include <QString>

namespace ledger {

// The translation context of the validation messages.
struct CredentialValidation {
    Q_DECLARE_TR_FUNCTIONS(ledger::CredentialValidation)
};

struct FieldCheck {
    bool ok = true;          // false → blocking error
    QString message;         // error (ok=false) or warning (ok=true, non-empty), plain words
};

QString normalizeInput(const QString &s);          // trims whitespace, strips surrounding quotes
bool looksLikeGuid(const QString &s);
FieldCheck checkTenant(const QString &tenant);      // GUID or verified domain
FieldCheck checkClientId(const QString &clientId);  // GUID
// Empty → error. A GUID → warning "this looks like the secret's ID, paste its Value".
FieldCheck checkClientSecret(const QString &secret);
FieldCheck checkProfileName(const QString &name);

} // namespace ledger
