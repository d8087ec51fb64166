#pragma once
// A failed token request, parsed from the Entra ID (AADSTS) error body or the transport error.
#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

namespace ledger {

struct AuthError {
    Q_DECLARE_TR_FUNCTIONS(ledger::AuthError)
public:
    int httpStatus = 0;            // 0 = no HTTP answer (transport failure)
    int networkError = 0;          // QNetworkReply::NetworkError when httpStatus == 0 (classified)
    bool timedOut = false;         // the transfer timeout ended the request
    QString transportError;        // QNetworkReply's error string (details only, may be translated)
                                   // or, for invalid_configuration, a plain sentence
    QString error;                 // "invalid_client", "unauthorized_client", …
    QString description;           // error_description (AADSTSnnnn: …)
    QList<int> codes;              // error_codes
    QString traceId, correlationId, timestamp;

    int primaryCode() const { return codes.isEmpty() ? 0 : codes.first(); }
    bool isValid() const { return httpStatus != 0 || networkError != 0 || timedOut || !error.isEmpty() || !transportError.isEmpty(); }
    // One sentence for a non-developer: what happened and what to do
    // (7000215 secret wrong / secret ID pasted, 7000222 expired, 700016 client ID not in tenant,
    //  90002 tenant not found / wrong cloud, 70011 bad scope, 900144 missing parameter, …).
    QString plainText() const;
    // Technical detail for the "Details" section (status, error, codes, trace/correlation ids).
    QString details() const;
    // The token was issued but lacks these application permissions (e.g. "User.Read.All"): what
    // to grant, by name. The same sentence for the connection check and a sync.
    static QString missingPermissionText(const QStringList &roles);
};

} // namespace ledger
