#pragma once
// One failed Graph request (docs/GRAPH.md): everything Microsoft support asks for.
#include <QCoreApplication>
#include <QDateTime>
#include <QMetaType>
#include <QString>
#include <QUrl>

namespace ledger {

struct GraphError {
    Q_DECLARE_TR_FUNCTIONS(ledger::GraphError)
public:
    int httpStatus = 0;        // 0 = transport failure (see networkError)
    int networkError = 0;      // QNetworkReply::NetworkError
    QString code;              // error.code, e.g. "Forbidden", "UnknownError"
    QString message;           // error.message
    QString requestId;         // error.innerError.request-id (or the request-id header)
    QString clientRequestId;   // the GUID we sent
    QString date;              // error.innerError.date (or the Date header)
    QUrl url;                  // request URL (never contains a token)
    int attempts = 1;          // how many times it was sent
    bool cancelled = false;

    bool isValid() const { return httpStatus != 0 || networkError != 0 || cancelled; }
    bool isForbiddenUnknown() const;   // 403 with code/message UnknownError (not licensed)
    QString plainText() const;         // one sentence, plain words
    QString details() const;           // multi-line technical detail, copyable for support

    // Parses a Graph error body {"error":{code,message,innerError{date,request-id,...}}}.
    static GraphError fromBody(int httpStatus, const QByteArray &body);
};

} // namespace ledger
Q_DECLARE_METATYPE(ledger::GraphError)
