// Writes the seed corpora of the fuzz targets from the demo tenant (app/sim/): real Graph pages,
// HTML bodies, Adaptive Cards, interaction objects, Graph and Entra ID error bodies, the HTTP
// requests a Graph client sends to the demo server, and CSV rows of demo text.
// usage: ledger_fuzz_seeds <out-dir>   (creates <out-dir>/<target>/seed-N)
#include "app/sim/DemoErrors.h"
#include "app/sim/DemoTenant.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QUrl>
#include <cstdio>

namespace {

class Corpus {
public:
    Corpus(const QString &root, const QString &target) : m_dir(root + u'/' + target)
    {
        QDir().mkpath(m_dir);
    }
    void add(const QByteArray &bytes)
    {
        QFile f(m_dir + QStringLiteral("/seed-%1").arg(m_n++));
        if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size()) {
            std::fprintf(stderr, "ledger_fuzz_seeds: cannot write %s\n", qPrintable(f.fileName()));
            std::exit(1);
        }
    }
    int count() const { return m_n; }

private:
    QString m_dir;
    int m_n = 0;
};

QByteArray page(const QList<QByteArray> &items, const QByteArray &nextLink)
{
    QByteArray out = "{\"@odata.context\":\"https://graph.microsoft.com/v1.0/$metadata#Collection(microsoft.graph.aiInteraction)\"";
    if (!nextLink.isEmpty())
        out += ",\"@odata.nextLink\":\"" + nextLink + '"';
    out += ",\"value\":[";
    for (qsizetype i = 0; i < items.size(); ++i)
        out += (i ? "," : "") + items.at(i);
    return out + "]}";
}

// UTF-16 little-endian code units, the input format of fuzz_csvwriter (see there).
QByteArray utf16Bytes(const QString &s)
{
    QByteArray out;
    for (const QChar c : s) {
        out += char(c.unicode() & 0xff);
        out += char(c.unicode() >> 8);
    }
    return out;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc != 2) {
        std::fprintf(stderr, "usage: ledger_fuzz_seeds <out-dir>\n");
        return 2;
    }
    const QString root = QString::fromLocal8Bit(argv[1]);
    ledger::DemoTenantSpec spec;
    spec.users = 12;
    spec.interactions = 600;
    const ledger::DemoTenant tenant(spec);

    Corpus pages(root, QStringLiteral("fuzz_jsonscanner"));
    Corpus bodies(root, QStringLiteral("fuzz_bodytext"));
    Corpus csv(root, QStringLiteral("fuzz_csvwriter"));
    QSet<QString> seenBodies;
    for (const auto &user : tenant.users()) {
        const QString id = user.json.value(QStringLiteral("id")).toString();
        const QList<QByteArray> &items = tenant.interactions(id);
        if (!items.isEmpty()) {
            pages.add(page(items.mid(0, 3), "https://graph.microsoft.com/v1.0/copilot/users/" + id.toUtf8()
                                                + "/interactionHistory/getAllEnterpriseInteractions?$skiptoken=abc"));
            pages.add(page(items.mid(3, 1), {}));
        }
        QStringList userRow{id, user.json.value(QStringLiteral("displayName")).toString(),
                            user.json.value(QStringLiteral("userPrincipalName")).toString()};
        csv.add(utf16Bytes(QStringLiteral("\x01") + userRow.join(QChar(0x1f))));
        for (const QByteArray &raw : items) {
            const QJsonObject o = QJsonDocument::fromJson(raw).object();
            const QJsonObject body = o.value(QStringLiteral("body")).toObject();
            const QString content = body.value(QStringLiteral("content")).toString();
            // One seed per kind of body: the first of each content type / attachment shape.
            const QJsonArray attachments = o.value(QStringLiteral("attachments")).toArray();
            const QString kind = body.value(QStringLiteral("contentType")).toString() + u'/'
                + attachments.first().toObject().value(QStringLiteral("contentType")).toString() + u'/'
                + o.value(QStringLiteral("appClass")).toString();
            if (seenBodies.contains(kind) || bodies.count() > 60)
                continue;
            seenBodies.insert(kind);
            bodies.add('\0' + content.toUtf8());
            bodies.add('\2' + raw);
            for (const auto &a : attachments) {
                const QJsonValue card = a.toObject().value(QStringLiteral("content"));
                if (card.isString())
                    bodies.add('\1' + card.toString().toUtf8());
            }
            csv.add(utf16Bytes(QStringLiteral("\x01") + o.value(QStringLiteral("id")).toString() + QChar(0x1f)
                               + content + QChar(0x1e) + QStringLiteral("=SUM(A1)") + QChar(0x1f)
                               + QStringLiteral("\"quoted\", with\r\nline")));
        }
    }
    QJsonArray userArray;
    for (const auto &user : tenant.users().mid(0, 3))
        userArray.append(user.json);
    pages.add(QJsonDocument(QJsonObject{{QStringLiteral("value"), userArray}}).toJson(QJsonDocument::Compact));
    pages.add("{\"value\":[]}");

    Corpus errors(root, QStringLiteral("fuzz_grapherror"));
    const ledger::sim::RequestIds ids{"0b6c1a52-93c5-4d3e-9a8e-5d0f1c2b3a4d", "5f2d1c0b-aaaa-4bbb-8ccc-0123456789ab"};
    const auto status = [](int s) -> QByteArray { return QByteArray(1, char(((s - 100) >> 8) & 0xff)) + char((s - 100) & 0xff); };
    const struct { int status; const char *code; const char *message; } graphErrors[] = {
        {403, "UnknownError", ""},
        {403, "Authorization_RequestDenied", "Insufficient privileges to complete the operation."},
        {400, "Directory_ExpiredPageToken", "The specified page token value has expired and can no longer be included in your request."},
        {429, "TooManyRequests", "Too many requests."},
        {404, "Request_ResourceNotFound", "Resource 'x' does not exist or one of its queried reference-property objects are not present."},
    };
    for (const auto &e : graphErrors)
        errors.add(status(e.status) + ledger::sim::graphError(e.status, QString::fromLatin1(e.code),
                                                              QString::fromLatin1(e.message), ids).body);
    errors.add(status(401) + ledger::sim::entraError(401, QStringLiteral("invalid_client"), 7000215,
                                                     QStringLiteral("Invalid client secret provided."),
                                                     QUrl(QStringLiteral("http://127.0.0.1:8080")), ids).body);
    errors.add(status(503) + "<html><body>Service Unavailable</body></html>");

    Corpus requests(root, QStringLiteral("fuzz_httprequest"));
    const QByteArray userId = tenant.users().first().json.value(QStringLiteral("id")).toString().toUtf8();
    const QByteArray get = "GET /v1.0/copilot/users/" + userId
        + "/interactionHistory/getAllEnterpriseInteractions?$top=100&$filter=createdDateTime%20ge%202026-09-01T00:00:00Z HTTP/1.1\r\n"
          "Host: 127.0.0.1:8080\r\nAuthorization: Bearer eyJ0eXAi.eyJhdWQi.c2ln\r\n"
          "client-request-id: 5f2d1c0b-aaaa-4bbb-8ccc-0123456789ab\r\nAccept: application/json\r\n\r\n";
    const QByteArray form = "client_id=11111111-2222-3333-4444-555555555555&client_secret=demo%2Bsecret"
                            "&scope=https%3A%2F%2Fgraph.microsoft.com%2F.default&grant_type=client_credentials";
    const QByteArray post = "POST /" + tenant.tenantId().toUtf8() + "/oauth2/v2.0/token HTTP/1.1\r\nHost: 127.0.0.1:8080\r\n"
        "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + QByteArray::number(form.size())
        + "\r\nConnection: close\r\n\r\n" + form;
    const QByteArray users = "GET /v1.0/users?$select=id,displayName,userPrincipalName&$top=999 HTTP/1.1\r\nHost: x\r\n\r\n";
    for (const char chunk : {'\xff', '\x00', '\x07'}) {
        requests.add(chunk + get);
        requests.add(chunk + post);
        requests.add(chunk + users + "\r\n" + get);   // pipelined, with a stray CRLF between
    }
    std::printf("ledger_fuzz_seeds: %d pages, %d bodies, %d errors, %d requests, %d CSV inputs in %s\n",
                pages.count(), bodies.count(), errors.count(), requests.count(), csv.count(), argv[1]);
    return 0;
}
