#include "app/sim/DemoGraphApi.h"

#include "app/sim/DemoTenant.h"
#include "app/sim/InteractionFilter.h"
#include "app/sim/JsonText.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace ledger::sim {

namespace {
const QString RoleInteractions = QStringLiteral("AiEnterpriseInteraction.Read.All");
const QString RoleUsers = QStringLiteral("User.Read.All");

const QStringList &selectableUserFields()
{
    static const QStringList fields{QStringLiteral("id"), QStringLiteral("displayName"),
        QStringLiteral("userPrincipalName"), QStringLiteral("mail"), QStringLiteral("department"),
        QStringLiteral("jobTitle"), QStringLiteral("accountEnabled"), QStringLiteral("userType"),
        QStringLiteral("assignedPlans"), QStringLiteral("givenName"), QStringLiteral("surname"),
        QStringLiteral("deletedDateTime")};
    return fields;
}

QString queryValue(const HttpRequest &request, const QString &key, bool *present = nullptr)
{
    for (const auto &item : request.queryItems()) {
        if (item.first.compare(key, Qt::CaseInsensitive) == 0) {
            if (present)
                *present = true;
            return item.second;
        }
    }
    if (present)
        *present = false;
    return {};
}

QByteArray encodeQueryValue(const QString &value)
{
    return QUrl::toPercentEncoding(value, "$:,()'@!*");
}

// Parses $select into canonical field names; empty + error when a field is unknown.
QStringList parseSelect(const QString &select, QString *unknown)
{
    QStringList out;
    const QStringList parts = select.split(u',', Qt::SkipEmptyParts);
    for (const QString &raw : parts) {
        const QString field = raw.trimmed();
        bool found = false;
        for (const QString &known : selectableUserFields()) {
            if (known.compare(field, Qt::CaseInsensitive) == 0) {
                if (!out.contains(known))
                    out.append(known);
                found = true;
                break;
            }
        }
        if (!found) {
            *unknown = field;
            return {};
        }
    }
    return out;
}

QJsonObject projectUser(const DemoTenant::DemoUser &user, const QStringList &fields)
{
    QJsonObject o;
    for (const QString &f : fields) {
        if (f == u"assignedPlans")
            o.insert(f, user.assignedPlans);
        else
            o.insert(f, user.json.value(f));
    }
    return o;
}

QStringList defaultUserFields()
{
    return {QStringLiteral("displayName"), QStringLiteral("givenName"), QStringLiteral("jobTitle"),
            QStringLiteral("mail"), QStringLiteral("surname"), QStringLiteral("userPrincipalName"),
            QStringLiteral("id")};
}

// The user fields the request's $select names (defaultUserFields() without one: *hasSelect false).
// Empty, with Graph's 400 answer in *refusal, when it names a property users do not have.
QStringList selectedUserFields(const HttpRequest &request, const RequestIds &ids, bool *hasSelect, HttpResponse *refusal)
{
    const QString select = queryValue(request, QStringLiteral("$select"), hasSelect);
    QString unknown;
    const QStringList fields = *hasSelect ? parseSelect(select, &unknown) : defaultUserFields();
    if (fields.isEmpty())
        *refusal = graphError(400, QStringLiteral("Request_BadRequest"),
                              QStringLiteral("Could not find a property named '%1' on type 'microsoft.graph.user'.").arg(unknown),
                              ids);
    return fields;
}

std::optional<int> parseTop(const QString &text)
{
    bool ok = false;
    const int v = text.trimmed().toInt(&ok);
    return ok ? std::optional<int>(v) : std::nullopt;
}
} // namespace

DemoGraphApi::DemoGraphApi(const DemoTenant &tenant, quint64 seed)
    : m_tenant(tenant), m_skip(QByteArray::number(seed) + "-skiptoken-key")
{
}

HttpResponse DemoGraphApi::handle(const HttpRequest &request, const IssuedToken &token, const QUrl &baseUrl,
                                  bool rejectFilter, const RequestIds &ids)
{
    const QString base = baseUrl.toString(QUrl::StripTrailingSlash);
    // Decoded per segment: an encoded "/" in a user id stays inside its segment.
    const QStringList seg = request.pathSegments();   // v1.0, users, …
    auto is = [&](int i, const char *name) { return seg.value(i).compare(QLatin1String(name), Qt::CaseInsensitive) == 0; };
    const bool deletedList = seg.size() == 4 && is(1, "directory") && is(2, "deletedItems") && is(3, "microsoft.graph.user");
    const bool known = (seg.size() == 2 && is(1, "users")) || (seg.size() == 3 && is(1, "users")) || deletedList
        || (seg.size() == 6 && is(1, "copilot") && is(2, "users") && is(4, "interactionHistory")
            && is(5, "getAllEnterpriseInteractions"));
    if (!known) {
        return graphError(400, QStringLiteral("BadRequest"),
                          QStringLiteral("Resource not found for the segment '%1'.").arg(seg.value(seg.size() - 1)), ids);
    }
    if (request.method != "GET")
        return graphError(405, QStringLiteral("Request_BadRequest"),
                          QStringLiteral("Specified HTTP method is not allowed for the request target."), ids);
    if (seg.size() == 2)
        return listUsers(request, token, base, ids, false);
    if (deletedList)
        return listUsers(request, token, base, ids, true);
    if (seg.size() == 3)
        return getUser(seg.at(2), request, token, base, ids);
    return interactions(seg.at(3), request, token, base, rejectFilter, ids);
}

HttpResponse DemoGraphApi::listUsers(const HttpRequest &request, const IssuedToken &token, const QString &base,
                                     const RequestIds &ids, bool deleted)
{
    const QString collection = deleted ? QStringLiteral("directory/deletedItems/microsoft.graph.user")
                                       : QStringLiteral("users");
    if (!token.roles.contains(RoleUsers))
        return graphError(403, QStringLiteral("Authorization_RequestDenied"),
                          QStringLiteral("Insufficient privileges to complete the operation."), ids);
    bool hasSelect = false, hasTop = false, hasSkip = false;
    const QString topText = queryValue(request, QStringLiteral("$top"), &hasTop);
    const QString skip = queryValue(request, QStringLiteral("$skiptoken"), &hasSkip);
    HttpResponse refusal;
    const QStringList fields = selectedUserFields(request, ids, &hasSelect, &refusal);
    if (fields.isEmpty())
        return refusal;
    int top = 100;
    if (hasTop) {
        const auto v = parseTop(topText);
        if (!v || *v < 1 || *v > 999)
            return graphError(400, QStringLiteral("Request_UnsupportedQuery"),
                              QStringLiteral("Invalid page size specified: '%1'. Must be between 1 and 999 inclusive.")
                                  .arg(topText),
                              ids);
        top = *v;
    }
    qint64 offset = 0;
    if (hasSkip) {
        const auto decoded = m_skip.decode(collection, skip);
        if (!decoded)
            return graphError(400, QStringLiteral("Directory_ExpiredPageToken"),
                              QStringLiteral("The specified page token value has expired and can no longer be included "
                                             "in your request."),
                              ids);
        offset = *decoded;
    }
    const auto &users = deleted ? m_tenant.deletedUsers() : m_tenant.users();
    QJsonArray value;
    const qint64 end = std::min<qint64>(offset + top, users.size());
    for (qint64 i = offset; i < end; ++i)
        value.append(projectUser(users.at(i), fields));
    QJsonObject o;
    o.insert(QStringLiteral("@odata.context"),
             QString(base + (deleted ? QStringLiteral("/v1.0/$metadata#directoryObjects/microsoft.graph.user")
                                     : QStringLiteral("/v1.0/$metadata#users"))
                     + (hasSelect ? QString(u'(' + fields.join(u',') + u')') : QString())));
    o.insert(QStringLiteral("value"), value);
    if (end < users.size()) {
        QByteArray link = base.toUtf8() + "/v1.0/" + collection.toUtf8() + '?';
        if (hasSelect)
            link += "$select=" + encodeQueryValue(fields.join(u',')) + '&';
        if (hasTop)
            link += "$top=" + QByteArray::number(top) + '&';
        link += "$skiptoken=" + encodeQueryValue(m_skip.encode(collection, end));
        o.insert(QStringLiteral("@odata.nextLink"), QString::fromUtf8(link));
    }
    return jsonResponse(200, QJsonDocument(o).toJson(QJsonDocument::Compact));
}

HttpResponse DemoGraphApi::getUser(const QString &idOrUpn, const HttpRequest &request, const IssuedToken &token,
                                   const QString &base, const RequestIds &ids)
{
    if (!token.roles.contains(RoleUsers))
        return graphError(403, QStringLiteral("Authorization_RequestDenied"),
                          QStringLiteral("Insufficient privileges to complete the operation."), ids);
    const int index = m_tenant.userIndex(idOrUpn);
    if (index < 0)
        return graphError(404, QStringLiteral("Request_ResourceNotFound"),
                          QStringLiteral("Resource '%1' does not exist or one of its queried reference-property objects "
                                         "are not present.").arg(idOrUpn),
                          ids);
    bool hasSelect = false;
    HttpResponse refusal;
    const QStringList fields = selectedUserFields(request, ids, &hasSelect, &refusal);
    if (fields.isEmpty())
        return refusal;
    QJsonObject o = projectUser(m_tenant.users().at(index), fields);
    o.insert(QStringLiteral("@odata.context"),
             QString(base + QStringLiteral("/v1.0/$metadata#users")
                     + (hasSelect ? QString(u'(' + fields.join(u',') + u')') : QString()) + QStringLiteral("/$entity")));
    return jsonResponse(200, QJsonDocument(o).toJson(QJsonDocument::Compact));
}

HttpResponse DemoGraphApi::interactions(const QString &userKey, const HttpRequest &request, const IssuedToken &token,
                                        const QString &base, bool rejectFilter, const RequestIds &ids)
{
    if (!token.roles.contains(RoleInteractions))
        return graphError(403, QStringLiteral("Forbidden"),
                          QStringLiteral("Missing role permissions on the request. API requires one of '%1'. Roles on "
                                         "the request '%2'.").arg(RoleInteractions, token.roles.join(u',')),
                          ids);
    bool hasTop = false, hasFilter = false, hasSkip = false;
    const QString topText = queryValue(request, QStringLiteral("$top"), &hasTop);
    const QString filterText = queryValue(request, QStringLiteral("$filter"), &hasFilter);
    const QString skip = queryValue(request, QStringLiteral("$skiptoken"), &hasSkip);
    int top = 10;
    if (hasTop) {
        const auto v = parseTop(topText);
        if (!v || *v < 1)
            return graphError(400, QStringLiteral("BadRequest"),
                              QStringLiteral("Invalid value '%1' for $top query option. The value must be a positive "
                                             "integer.").arg(topText),
                              ids);
        if (*v > 100)
            return graphError(400, QStringLiteral("BadRequest"),
                              QStringLiteral("The limit of '100' for Top query has been exceeded. The value from the "
                                             "incoming request is '%1'.").arg(*v),
                              ids);
        top = *v;
    }
    InteractionFilter filter;
    if (hasFilter) {
        if (rejectFilter)
            return graphError(400, QStringLiteral("BadRequest"),
                              QStringLiteral("Query option 'Filter' is not allowed. To allow it, set the "
                                             "'AllowedQueryOptions' property on EnableQueryAttribute or QueryValidationSettings."),
                              ids);
        filter = InteractionFilter::parse(filterText);
        if (filter.outcome == InteractionFilter::Outcome::BadRequest)
            return graphError(400, QStringLiteral("BadRequest"), filter.error, ids);
        if (filter.outcome == InteractionFilter::Outcome::OneBound)
            return graphError(500, QStringLiteral("InternalServerError"), filter.error, ids);
    }
    const int index = m_tenant.userIndex(userKey);
    const int deletedIndex = index < 0 ? m_tenant.deletedUserIndex(userKey) : -1;
    if (index < 0 && deletedIndex < 0)
        return graphError(404, QStringLiteral("Request_ResourceNotFound"),
                          QStringLiteral("User '%1' was not found in the tenant.").arg(userKey), ids);
    const DemoTenant::DemoUser &user = index >= 0 ? m_tenant.users().at(index) : m_tenant.deletedUsers().at(deletedIndex);
    if (!user.licensed)
        return graphError(403, QStringLiteral("UnknownError"), QString(), ids);
    const QString userId = user.json.value(QStringLiteral("id")).toString();
    const QString context = userId + u'|' + filter.canonical();
    qint64 offset = 0;
    if (hasSkip) {
        const auto decoded = m_skip.decode(context, skip);
        if (!decoded)
            return graphError(400, QStringLiteral("BadRequest"),
                              QStringLiteral("The skip token is not valid for this request."), ids);
        offset = *decoded;
    }
    const auto &bytes = m_tenant.interactions(userId);
    const auto &meta = m_tenant.interactionMeta(userId);
    QByteArray body = "{\"@odata.context\":" + json::quote(base + QStringLiteral("/v1.0/$metadata#Collection(microsoft.graph.aiInteraction)"))
        + ",\"value\":[";
    qint64 matched = 0;   // index among matching items
    int written = 0;
    bool more = false;
    for (qsizetype i = 0; i < meta.size(); ++i) {
        if (!filter.matches(meta.at(i).createdMs, meta.at(i).appClass))
            continue;
        if (matched++ < offset)
            continue;
        if (written == top) {
            more = true;
            break;
        }
        if (written++)
            body += ',';
        body += bytes.at(i);
    }
    body += ']';
    if (more) {
        QByteArray link = base.toUtf8() + "/v1.0/copilot/users/" + QUrl::toPercentEncoding(userId)
            + "/interactionHistory/getAllEnterpriseInteractions?";
        if (hasTop)
            link += "$top=" + QByteArray::number(top) + '&';
        if (hasFilter)
            link += "$filter=" + encodeQueryValue(filterText) + '&';
        link += "$skiptoken=" + encodeQueryValue(m_skip.encode(context, offset + written));
        body += ",\"@odata.nextLink\":" + json::quote(QString::fromUtf8(link));
    }
    body += '}';
    return jsonResponse(200, body);
}

} // namespace ledger::sim
