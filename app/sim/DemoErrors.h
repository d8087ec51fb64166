#pragma once
// Error and JSON answers of the demo server in the exact shapes of Entra ID and Microsoft Graph.
#include "app/sim/HttpResponse.h"
#include <QByteArray>
#include <QString>
#include <QUrl>

namespace ledger::sim {

struct RequestIds {
    QByteArray requestId;         // fresh GUID, also sent as the request-id header
    QByteArray clientRequestId;   // echoed when the client sent one
};

HttpResponse jsonResponse(int status, const QByteArray &body);
// {"error":{"code","message","innerError":{"date","request-id","client-request-id"}}}
HttpResponse graphError(int status, const QString &code, const QString &message, const RequestIds &ids);
// {"error","error_description":"AADSTSn: … Trace ID … Correlation ID … Timestamp …","error_codes":[n],
//  "timestamp","trace_id","correlation_id","error_uri"}
HttpResponse entraError(int status, const QString &error, int code, const QString &description,
                        const QUrl &base, const RequestIds &ids);

} // namespace ledger::sim
