#pragma once
// Input validation with plain messages (inputs are trimmed by the caller or by normalize()).
#include <QString>

namespace ledger {

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
