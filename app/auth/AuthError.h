#pragma once
// A failed token request, parsed from the Entra ID (AADSTS) error body or the transport error.
#include <QCoreApplication>
#include <QList>
#include <QString>

namespace ledger {

struct AuthError {
    Q_DECLARE_TR_FUNCTIONS(ledger::AuthError)
public:
    int httpStatus = 0;            // 0 = no HTTP answer (transport failure)
    QString transportError;        // QNetworkReply error string when httpStatus == 0
    QString error;                 // "invalid_client", "unauthorized_client", …
    QString description;           // error_description (AADSTSnnnn: …)
    QList<int> codes;              // error_codes
    QString traceId, correlationId, timestamp;

    int primaryCode() const { return codes.isEmpty() ? 0 : codes.first(); }
    // One sentence for a non-developer: what happened and what to do
    // (7000215 secret wrong / secret ID pasted, 7000222 expired, 700016 client ID not in tenant,
    //  90002 tenant not found / wrong cloud, 70011 bad scope, 900144 missing parameter, …).
    QString plainText() const;
    // Technical detail for the "Details" section (status, error, codes, trace/correlation ids).
    QString details() const;
};

} // namespace ledger
