#pragma once
// National clouds and custom endpoints (docs/GRAPH.md).
#include <QString>
#include <QUrl>
#include <optional>

namespace ledger {

enum class Cloud { Global, UsGov, UsGovDod, China, Custom };

struct Endpoints {
    QUrl authority;   // e.g. https://login.microsoftonline.com   (no tenant, no trailing slash)
    QUrl graph;       // e.g. https://graph.microsoft.com          (no /v1.0)
};

// Command-line / settings keys: global, usgov, usgov-dod, china, custom.
QString cloudKey(Cloud cloud);
std::optional<Cloud> cloudFromKey(const QString &key);
QString cloudDisplayName(Cloud cloud);            // translatable, for the GUI
Endpoints endpointsFor(Cloud cloud);              // empty for Custom
// True when the interaction-history API is known not to exist in that cloud (China).
bool cloudLacksCopilotApi(Cloud cloud);

bool isLoopbackHost(const QString &host);          // localhost, 127.0.0.0/8, ::1
// Empty when the URL is acceptable as an authority/Graph base: https, or http on a
// loopback host only; otherwise a plain-language reason.
QString validateEndpointUrl(const QUrl &url);

} // namespace ledger
