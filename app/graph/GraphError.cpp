#include "app/graph/GraphError.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace ledger {


bool GraphError::isForbiddenUnknown() const
{
    return httpStatus == 403
        && (code.compare(u"UnknownError", Qt::CaseInsensitive) == 0
            || message.compare(u"UnknownError", Qt::CaseInsensitive) == 0
            || code.isEmpty());
}

QString GraphError::plainText() const
{
    if (cancelled)
        return GraphError::tr("The request was cancelled.");
    if (httpStatus == 0) {
        switch (networkError) {
        case QNetworkReply::HostNotFoundError:
            return GraphError::tr("Microsoft Graph could not be found. Check the internet connection, the proxy and the chosen cloud.");
        case QNetworkReply::ConnectionRefusedError:
            return GraphError::tr("Microsoft Graph refused the connection. Check the address, proxy and firewall.");
        case QNetworkReply::TimeoutError:
        case QNetworkReply::OperationCanceledError:
        case QNetworkReply::ProxyTimeoutError:
            return GraphError::tr("Microsoft Graph did not answer in time. Try again later.");
        case QNetworkReply::SslHandshakeFailedError:
        case QNetworkReply::UnknownNetworkError:
            if (networkError == QNetworkReply::SslHandshakeFailedError)
                return GraphError::tr("A secure (TLS) connection to Microsoft Graph could not be established. A proxy may be inspecting traffic, or the system clock may be wrong.");
            break;
        case QNetworkReply::RemoteHostClosedError:
            return GraphError::tr("Microsoft Graph closed the connection unexpectedly. Try again.");
        case QNetworkReply::ProtocolFailure:
            return message.isEmpty() ? GraphError::tr("Microsoft Graph sent an answer that could not be read.") : message;
        default:
            break;
        }
        if (!message.isEmpty())
            return message;
        return GraphError::tr("Microsoft Graph could not be reached. Check the internet connection and try again.");
    }
    switch (httpStatus) {
    case 400:
        return GraphError::tr("Microsoft Graph rejected the request as invalid (%1).").arg(message.isEmpty() ? code : message);
    case 401:
        return GraphError::tr("Microsoft Graph did not accept the sign-in token. Check the app registration and try again.");
    case 403:
        if (isForbiddenUnknown())
            return GraphError::tr("Access was denied (403 UnknownError). This usually means the user has no qualifying Microsoft 365 Copilot licence.");
        return GraphError::tr("Access was denied. Check that the application permissions were added and admin consent was granted.");
    case 404:
        return GraphError::tr("Microsoft Graph did not find the requested item (it may have been deleted, or the API is not available in this cloud).");
    case 429:
        return GraphError::tr("Microsoft Graph is throttling requests and the retries were used up. Try again later or lower the request rate.");
    case 500:
    case 502:
    case 503:
    case 504:
        return GraphError::tr("Microsoft Graph had a temporary problem (HTTP %1). Try again later.").arg(httpStatus);
    default:
        break;
    }
    return GraphError::tr("Microsoft Graph answered with an error (HTTP %1%2).")
        .arg(httpStatus)
        .arg(code.isEmpty() ? QString() : u", "_s + code);
}

QString GraphError::details() const
{
    QStringList lines;
    if (httpStatus)
        lines << u"HTTP status: "_s + QString::number(httpStatus);
    if (networkError)
        lines << u"Network error: "_s + QString::number(networkError);
    if (cancelled)
        lines << u"Cancelled: yes"_s;
    if (!code.isEmpty())
        lines << u"Code: "_s + code;
    if (!message.isEmpty())
        lines << u"Message: "_s + message;
    if (!requestId.isEmpty())
        lines << u"request-id: "_s + requestId;
    if (!clientRequestId.isEmpty())
        lines << u"client-request-id: "_s + clientRequestId;
    if (!date.isEmpty())
        lines << u"Date: "_s + date;
    if (!url.isEmpty())
        lines << u"URL: "_s + url.toString(QUrl::RemoveUserInfo);
    lines << u"Attempts: "_s + QString::number(attempts);
    return lines.join(u'\n');
}

GraphError GraphError::fromBody(int httpStatus, const QByteArray &body)
{
    GraphError e;
    e.httpStatus = httpStatus;
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    const QJsonObject err = doc.object().value(u"error").toObject();
    e.code = err.value(u"code").toString();
    e.message = err.value(u"message").toString();
    QJsonObject inner = err.value(u"innerError").toObject();
    if (inner.isEmpty())
        inner = err.value(u"innererror").toObject();
    e.requestId = inner.value(u"request-id").toString();
    e.clientRequestId = inner.value(u"client-request-id").toString();
    e.date = inner.value(u"date").toString();
    if (e.message.size() > 2000)
        e.message = e.message.left(2000) + u'…';
    return e;
}

} // namespace ledger
