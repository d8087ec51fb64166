#include "app/auth/AuthError.h"

#include <QCoreApplication>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace ledger {


// Classified by QNetworkReply's error code, never by its error string (Qt translates it).
static QString transportText(int networkError, bool timedOut)
{
    if (timedOut)
        return AuthError::tr("The sign-in server did not answer in time. Check the internet connection and try again.");
    switch (QNetworkReply::NetworkError(networkError)) {
    case QNetworkReply::HostNotFoundError:
        return AuthError::tr("The sign-in server could not be found. Check the internet connection, the proxy and the chosen cloud.");
    case QNetworkReply::ConnectionRefusedError:
        return AuthError::tr("The sign-in server refused the connection. Check the address, proxy and firewall.");
    case QNetworkReply::SslHandshakeFailedError:
        return AuthError::tr("A secure (TLS) connection to the sign-in server could not be established. A proxy or firewall may be inspecting traffic, or the system clock may be wrong.");
    case QNetworkReply::TimeoutError:
    case QNetworkReply::OperationCanceledError:
        return AuthError::tr("The sign-in server did not answer in time. Check the internet connection and try again.");
    case QNetworkReply::RemoteHostClosedError:
        return AuthError::tr("The connection to the sign-in server was closed unexpectedly. Try again.");
    case QNetworkReply::ProxyConnectionRefusedError:
    case QNetworkReply::ProxyConnectionClosedError:
    case QNetworkReply::ProxyNotFoundError:
    case QNetworkReply::ProxyTimeoutError:
    case QNetworkReply::ProxyAuthenticationRequiredError:
    case QNetworkReply::UnknownProxyError:
        return AuthError::tr("The proxy refused or failed the connection to the sign-in server. Check the proxy settings.");
    default:
        return AuthError::tr("The sign-in server could not be reached. Check the internet connection and try again.");
    }
}

QString AuthError::plainText() const
{
    if (httpStatus == 0 && error == u"invalid_configuration" && !transportError.isEmpty())
        return transportError;   // already a plain sentence (e.g. why an address is refused)
    if (httpStatus == 0)
        return transportText(networkError, timedOut);
    auto hasCode = [this](int c) {
        return codes.contains(c) || description.contains(u"AADSTS"_s + QString::number(c) + u':');
    };
    if (hasCode(7000215))
        return AuthError::tr("The client secret is wrong. You may have copied the secret's ID instead of its Value: create a new secret under Certificates & secrets and copy its Value.");
    if (hasCode(7000222))
        return AuthError::tr("The client secret has expired. Create a new one under Certificates & secrets and enter its Value.");
    if (hasCode(700016))
        return AuthError::tr("No application with this Application (client) ID exists in this tenant. Check the client ID and the tenant ID (the app may be registered in another tenant).");
    if (hasCode(90002))
        return AuthError::tr("The tenant was not found. Check the Directory (tenant) ID and that the right cloud (Global, US Government, China) is selected.");
    if (hasCode(70011))
        return AuthError::tr("The requested permission scope is invalid. Check the Microsoft Graph address of the chosen cloud.");
    if (hasCode(900144))
        return AuthError::tr("The sign-in request was missing a required value. Check that the tenant ID, client ID and secret are all filled in.");
    if (hasCode(7000218))
        return AuthError::tr("The sign-in request did not contain a client secret. Enter the secret's Value.");
    if (hasCode(50034))
        return AuthError::tr("The account does not exist in this tenant. Check the Directory (tenant) ID.");
    if (hasCode(700023) || hasCode(90013) || hasCode(900023))
        return AuthError::tr("The tenant ID is not valid. Check the Directory (tenant) ID.");
    if (hasCode(7000112) || hasCode(700024))
        return AuthError::tr("The application is disabled or not allowed to sign in. Check the app registration and its enterprise application.");
    if (hasCode(50053) || hasCode(50057))
        return AuthError::tr("The application's sign-in is locked or disabled in this tenant.");
    if (error == u"invalid_client")
        return AuthError::tr("The client ID or secret was rejected. Check both values.");
    if (error == u"unauthorized_client")
        return AuthError::tr("This application is not allowed to sign in to this tenant. Check the client ID and tenant ID.");
    if (httpStatus == 429)
        return AuthError::tr("The sign-in server is throttling requests. Wait a minute and try again.");
    if (httpStatus >= 500)
        return AuthError::tr("The sign-in server had a temporary problem. Try again in a few minutes.");
    QString what = u"HTTP "_s + QString::number(httpStatus);
    if (primaryCode()) {
        what = u"AADSTS"_s + QString::number(primaryCode());
    } else {
        const auto m = QRegularExpression(u"AADSTS\\d+"_s).match(description);
        if (m.hasMatch())
            what = m.captured(0);
    }
    return AuthError::tr("Sign-in failed (%1). See Details for the error Microsoft returned.").arg(what);
}

QString AuthError::missingPermissionText(const QStringList &roles)
{
    return AuthError::tr("The application lacks the permission %1. In the Azure portal open the app registration → API permissions → "
                         "Add a permission → Microsoft Graph → Application permissions → add %1 → Grant admin consent.")
        .arg(roles.join(u", "));
}

QString AuthError::details() const
{
    QStringList lines;
    if (httpStatus == 0) {
        lines << u"Transport error: "_s
                + (transportError.isEmpty() ? u"(no answer)"_s : transportError)
                + u" (QNetworkReply error "_s + QString::number(networkError) + (timedOut ? u", timed out)"_s : u")"_s);
    } else {
        lines << u"HTTP status: "_s + QString::number(httpStatus);
        if (!error.isEmpty())
            lines << u"Error: "_s + error;
        if (!codes.isEmpty()) {
            QStringList cs;
            for (int c : codes)
                cs << u"AADSTS"_s + QString::number(c);
            lines << u"Codes: "_s + cs.join(u", ");
        }
        if (!description.isEmpty())
            lines << u"Description: "_s + description;
    }
    if (!traceId.isEmpty())
        lines << u"Trace ID: "_s + traceId;
    if (!correlationId.isEmpty())
        lines << u"Correlation ID: "_s + correlationId;
    if (!timestamp.isEmpty())
        lines << u"Timestamp: "_s + timestamp;
    return lines.join(u'\n');
}

} // namespace ledger
