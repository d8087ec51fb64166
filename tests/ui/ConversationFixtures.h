#pragma once
// Hand-built interactions for the conversation tests (no archive needed).
#include "app/model/Interaction.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace fixtures {

inline QDateTime utc(const char *iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODateWithMs).toUTC();
}

inline ledger::Interaction make(const QString &id, ledger::InteractionType type, const char *createdIso,
                                const QString &text, const QString &appClass = QStringLiteral("IPM.SkypeTeams.Message.Copilot.Word"),
                                QJsonObject extra = {})
{
    ledger::Interaction it;
    it.id = id;
    it.userId = QStringLiteral("u-1");
    it.sessionId = QStringLiteral("s-1");
    it.requestId = QStringLiteral("r-") + id.left(2);
    it.appClass = appClass;
    it.type = type;
    it.created = utc(createdIso);
    it.bodyContentType = QStringLiteral("text");
    it.bodyText = text;
    extra.insert(QStringLiteral("id"), id);
    extra.insert(QStringLiteral("appClass"), appClass);
    extra.insert(QStringLiteral("interactionType"), type == ledger::InteractionType::UserPrompt ? QStringLiteral("userPrompt")
                                                                                                : QStringLiteral("aiResponse"));
    if (!extra.contains(QStringLiteral("body")))
        extra.insert(QStringLiteral("body"), QJsonObject{{QStringLiteral("contentType"), QStringLiteral("text")},
                                                         {QStringLiteral("content"), text}});
    it.json = extra;
    it.raw = QJsonDocument(extra).toJson(QJsonDocument::Compact);
    return it;
}

inline ledger::Interaction prompt(const QString &id, const char *iso, const QString &text, QJsonObject extra = {})
{
    return make(id, ledger::InteractionType::UserPrompt, iso, text, QStringLiteral("IPM.SkypeTeams.Message.Copilot.Word"), extra);
}

inline ledger::Interaction response(const QString &id, const char *iso, const QString &text, QJsonObject extra = {})
{
    return make(id, ledger::InteractionType::AiResponse, iso, text, QStringLiteral("IPM.SkypeTeams.Message.Copilot.Word"), extra);
}

} // namespace fixtures
