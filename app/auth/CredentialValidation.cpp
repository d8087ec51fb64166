#include "app/auth/CredentialValidation.h"
#include "app/auth/TokenClaims.h"

#include <QCoreApplication>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace ledger {


QString normalizeInput(const QString &s)
{
    QString t = s.trimmed();
    // Strip matching surrounding quotes (straight or typographic), repeatedly: "'x'".
    static const QList<QPair<QChar, QChar>> quotes = {
        {u'"', u'"'}, {u'\'', u'\''}, {QChar(0x201C), QChar(0x201D)}, {QChar(0x2018), QChar(0x2019)},
        {u'<', u'>'}, {u'`', u'`'}};
    bool changed = true;
    while (changed && t.size() >= 2) {
        changed = false;
        for (const auto &q : quotes) {
            if (t.startsWith(q.first) && t.endsWith(q.second)) {
                t = t.mid(1, t.size() - 2).trimmed();
                changed = true;
                break;
            }
        }
    }
    // Zero-width spaces / BOMs copied from web pages.
    t.remove(QChar(0x200B));
    t.remove(QChar(0xFEFF));
    return t;
}

bool looksLikeGuid(const QString &s)
{
    static const QRegularExpression re(
        u"\\A\\{?[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\}?\\z"_s);
    const QString t = s.trimmed();
    if (t.startsWith(u'{') != t.endsWith(u'}'))
        return false;
    return re.match(t).hasMatch();
}

static bool looksLikeDomain(const QString &s)
{
    static const QRegularExpression re(
        u"\\A(?=.{4,253}\\z)([a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\\.)+[a-zA-Z]{2,63}\\z"_s);
    return re.match(s).hasMatch();
}

FieldCheck checkTenant(const QString &tenantIn)
{
    const QString tenant = normalizeInput(tenantIn);
    if (tenant.isEmpty())
        return {false, CredentialValidation::tr("Enter the Directory (tenant) ID from the app registration's Overview page.")};
    if (looksLikeGuid(tenant))
        return {true, {}};
    const QString lower = tenant.toLower();
    if (lower == u"common" || lower == u"organizations" || lower == u"consumers")
        return {false, CredentialValidation::tr("Use your own Directory (tenant) ID, not \"common\", \"organizations\" or \"consumers\".")};
    if (lower.contains(u"://") || lower.contains(u'/'))
        return {false, CredentialValidation::tr("Enter only the Directory (tenant) ID or domain, not a web address.")};
    if (lower.contains(u'@'))
        return {false, CredentialValidation::tr("That looks like an e-mail address; enter the Directory (tenant) ID or the domain after the @.")};
    if (looksLikeDomain(tenant))
        return {true, {}};
    if (QRegularExpression(u"\\A[0-9a-fA-F{}-]+\\z"_s).match(tenant).hasMatch())
        return {false, CredentialValidation::tr("The Directory (tenant) ID should look like 1b2c3d4e-0000-1111-2222-333344445555; part of it seems to be missing.")};
    return {false, CredentialValidation::tr("Enter the Directory (tenant) ID (a GUID) or a verified domain such as contoso.onmicrosoft.com.")};
}

FieldCheck checkClientId(const QString &clientIdIn)
{
    const QString clientId = normalizeInput(clientIdIn);
    if (clientId.isEmpty())
        return {false, CredentialValidation::tr("Enter the Application (client) ID from the app registration's Overview page.")};
    if (!looksLikeGuid(clientId))
        return {false, CredentialValidation::tr("The Application (client) ID should look like 1b2c3d4e-0000-1111-2222-333344445555.")};
    if (clientId.compare(QLatin1String(kGraphAppId), Qt::CaseInsensitive) == 0)
        return {false, CredentialValidation::tr("That is Microsoft Graph's own ID; enter the Application (client) ID of your app registration.")};
    return {true, {}};
}

FieldCheck checkClientSecret(const QString &secretIn)
{
    const QString secret = secretIn.trimmed();
    if (secret.isEmpty())
        return {false, CredentialValidation::tr("Enter the client secret's Value.")};
    if (looksLikeGuid(normalizeInput(secret)))
        return {true, CredentialValidation::tr("This looks like the secret's ID; copy its Value (shown once, under Certificates & secrets).")};
    if (secret.size() < 16)
        return {true, CredentialValidation::tr("This secret is unusually short; make sure you copied the whole Value.")};
    return {true, {}};
}

FieldCheck checkProfileName(const QString &nameIn)
{
    const QString name = nameIn.trimmed();
    if (name.isEmpty())
        return {false, CredentialValidation::tr("Give this connection a name, for example the organisation's name.")};
    if (name.size() > 80)
        return {false, CredentialValidation::tr("The name is too long (80 characters at most).")};
    for (const QChar c : name) {
        if (c.category() == QChar::Other_Control)
            return {false, CredentialValidation::tr("The name contains control characters.")};
    }
    return {true, {}};
}

} // namespace ledger
