#include "app/auth/TokenClaims.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace ledger {

static QDateTime fromEpoch(const QJsonValue &v)
{
    if (!v.isDouble())
        return {};
    return QDateTime::fromSecsSinceEpoch(qint64(v.toDouble()), Qt::UTC);
}

std::optional<TokenClaims> TokenClaims::decode(const QString &jwtIn)
{
    const QString jwt = jwtIn.trimmed();
    const QStringList parts = jwt.split(u'.');
    if (parts.size() != 3 || parts.at(0).isEmpty() || parts.at(1).isEmpty())
        return std::nullopt;
    QByteArray payload = parts.at(1).toLatin1();
    for (char c : payload) {
        const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
            || c == '-' || c == '_' || c == '=';
        if (!ok)
            return std::nullopt;
    }
    const auto decoded = QByteArray::fromBase64Encoding(
        payload, QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    QJsonParseError err;
    const QJsonDocument doc = QJsonDocument::fromJson(*decoded, &err);
    if (err.error != QJsonParseError::NoError || !doc.isObject())
        return std::nullopt;
    const QJsonObject o = doc.object();
    TokenClaims c;
    c.raw = o;
    c.aud = o.value(u"aud").toString();
    c.tid = o.value(u"tid").toString();
    c.appid = o.value(u"appid").toString();
    if (c.appid.isEmpty())
        c.appid = o.value(u"azp").toString();
    c.appDisplayName = o.value(u"app_displayname").toString();
    const QJsonValue roles = o.value(u"roles");
    if (roles.isArray()) {
        for (const QJsonValue &r : roles.toArray())
            if (r.isString())
                c.roles.append(r.toString());
    } else if (roles.isString()) {
        c.roles = roles.toString().split(u' ', Qt::SkipEmptyParts);
    }
    c.exp = fromEpoch(o.value(u"exp"));
    c.iat = fromEpoch(o.value(u"iat"));
    return c;
}

} // namespace ledger
