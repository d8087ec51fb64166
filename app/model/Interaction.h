#pragma once
// An aiInteraction (docs/GRAPH.md) with the columns the archive extracts.
#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace ledger {

enum class InteractionType { UserPrompt, AiResponse, Unknown };

struct Interaction {
    QString id;
    QString userId;                // whose history it came from (the path's {userId})
    QString sessionId;             // may be empty (null in Graph)
    QString requestId;             // may be empty (null in Graph)
    QString appClass;              // raw, e.g. IPM.SkypeTeams.Message.Copilot.Word
    InteractionType type = InteractionType::Unknown;
    QString conversationType;
    QDateTime created;             // UTC, millisecond precision
    QString locale;
    QString etag;
    QString bodyContentType;       // text | html
    QString bodyText;              // plain text (BodyText::toPlainText of body + cards)
    // Display strings for the export's attachments/links/contexts cells (docs/EXPORT-FORMAT.md):
    // "name <contentType>", "displayName <linkUrl>", "displayName <contextReference>".
    QStringList attachments, links, contexts;
    QJsonObject json;              // parsed object (NOT filled by ArchiveReader::forEachInteraction: parse `raw`)
    QByteArray raw;                // exact bytes as received from Graph

    // Parses one item (raw bytes as received); userId is the owner of the history.
    static Interaction fromRaw(const QString &userId, const QByteArray &raw);
    static Interaction fromJson(const QString &userId, const QJsonObject &o, const QByteArray &raw = {});
    bool isValid() const { return !id.isEmpty(); }
    // Why this item cannot be stored as an interaction (its id is not a string, its
    // createdDateTime is not a date, it is not a JSON object); empty when it can.
    QString unreadableReason;
    // The archive's grouping key of the session: sessionId, or "#<id>" when sessionId is null.
    QString sessionKey() const;
};

QString interactionTypeKey(InteractionType t);        // userPrompt, aiResponse, unknownFutureValue
InteractionType interactionTypeFromKey(const QString &key);

// Graph timestamps ("2025-01-02T03:04:05.123Z", any fraction length) → UTC QDateTime; and the
// export form: ISO-8601 UTC with milliseconds and Z.
QDateTime parseGraphTime(const QString &s);
QString formatUtc(const QDateTime &t);                 // "2025-01-02T03:04:05.123Z", "" if invalid

} // namespace ledger
