#pragma once
// What identifies a connection to a tenant, minus the secret (which lives only in the keychain).
#include "app/auth/CloudEndpoints.h"
#include <QString>
#include <QUrl>

namespace ledger {

struct ConnectionSettings {
    QString tenant;        // directory (tenant) ID GUID or a verified domain (contoso.onmicrosoft.com)
    QString clientId;      // application (client) ID GUID
    Cloud cloud = Cloud::Global;
    QUrl authorityUrl;     // only for Cloud::Custom (else derived from cloud)
    QUrl graphUrl;         // only for Cloud::Custom (else derived from cloud)

    Endpoints endpoints() const;   // resolved authority/graph for this cloud (custom → the URLs)
    bool operator==(const ConnectionSettings &o) const;
};

// A saved profile: settings in QSettings, the secret in the keychain under
// "copilot-ledger/<id>/client-secret".
struct Profile {
    QString id;            // stable, generated (QUuid without braces); never changes on rename
    QString name;          // what the user calls it
    ConnectionSettings connection;
};

} // namespace ledger
