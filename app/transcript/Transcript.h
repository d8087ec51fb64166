#pragma once
// A conversation prepared for display and export: the session's interactions as messages, in
// order, with plain text only (bodies through BodyText, never rendered as HTML) and the
// attachments, links, mentions and contexts as display strings.
#include "app/model/Interaction.h"
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace ledger {

enum class MessageRole { Prompt, Response, Other };

struct TranscriptLink {
    QString text;   // display name (may be empty)
    QString url;    // exactly as received; may be anything, e.g. "javascript:…" (never trusted)
};

struct TranscriptCitation {
    int number = 0;   // the [n] in the text
    QString url;
    QString title;    // Graph's display name of the link, or the card's link text (may be empty)
};

struct TranscriptMessage {
    QString id;
    MessageRole role = MessageRole::Other;
    QString author;                 // the user's name for prompts, "Copilot" for responses
    QDateTime created;              // UTC
    QString appClass, appName;
    QString text;                   // plain text
    QString markdown;               // the card answer as Markdown for formatted display ("" = show text)
    QList<TranscriptCitation> citations;   // the sources the text's [1], [2]… cite
    QStringList attachments;        // "name (type)"
    QList<TranscriptLink> links;    // Graph's links and the card's own links, cited URLs excluded
    QStringList mentions;
    QStringList contexts;
};

struct Transcript {
    QString userId, userName, userPrincipalName, sessionId;
    QString appClass, appName;      // of the first message ("Word, Teams" if several)
    QDateTime started, ended;
    int promptCount = 0, responseCount = 0;
    QList<TranscriptMessage> messages;

    bool isEmpty() const { return messages.isEmpty(); }
    // Messages sorted by time (prompt before response at equal times, then by id).
    static Transcript fromInteractions(const QList<Interaction> &interactions,
                                       const QString &userName = {},
                                       const QString &userPrincipalName = {});
};

QString copilotAuthorName();        // "Copilot"

} // namespace ledger
