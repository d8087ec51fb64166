#include "app/sim/DemoErrors.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace ledger::sim {

HttpResponse jsonResponse(int status, const QByteArray &body)
{
    HttpResponse r;
    r.status = status;
    r.body = body;
    return r;
}

HttpResponse graphError(int status, const QString &code, const QString &message, const RequestIds &ids)
{
    const QString date = QDateTime::currentDateTimeUtc().toString(Qt::ISODate).chopped(1);   // Graph omits the Z
    QJsonObject inner{{QStringLiteral("date"), date},
                      {QStringLiteral("request-id"), QString::fromLatin1(ids.requestId)},
                      {QStringLiteral("client-request-id"),
                       QString::fromLatin1(ids.clientRequestId.isEmpty() ? ids.requestId : ids.clientRequestId)}};
    QJsonObject error{{QStringLiteral("code"), code},
                      {QStringLiteral("message"), message},
                      {QStringLiteral("innerError"), inner}};
    return jsonResponse(status, QJsonDocument(QJsonObject{{QStringLiteral("error"), error}})
                                    .toJson(QJsonDocument::Compact));
}

HttpResponse entraError(int status, const QString &error, int code, const QString &description,
                        const QUrl &base, const RequestIds &ids)
{
    const QString timestamp = QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss'Z'"));
    const QString trace = QString::fromLatin1(newGuid());
    const QString correlation = QString::fromLatin1(ids.clientRequestId.isEmpty() ? newGuid() : ids.clientRequestId);
    const QString full = QStringLiteral("AADSTS%1: %2 Trace ID: %3 Correlation ID: %4 Timestamp: %5")
                             .arg(code)
                             .arg(description, trace, correlation, timestamp);
    QJsonObject o{{QStringLiteral("error"), error},
                  {QStringLiteral("error_description"), full},
                  {QStringLiteral("error_codes"), QJsonArray{code}},
                  {QStringLiteral("timestamp"), timestamp},
                  {QStringLiteral("trace_id"), trace},
                  {QStringLiteral("correlation_id"), correlation},
                  {QStringLiteral("error_uri"),
                   QString(base.toString(QUrl::StripTrailingSlash) + QStringLiteral("/error?code=%1").arg(code))}};
    HttpResponse r = jsonResponse(status, QJsonDocument(o).toJson(QJsonDocument::Compact));
    r.setHeader("x-ms-request-id", trace.toLatin1());
    return r;
}

} // namespace ledger::sim
