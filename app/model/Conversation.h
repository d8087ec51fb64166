#pragma once
// Derived views: sessions (grouped by user + sessionId) and turns (a userPrompt with its
// aiResponse(s) by requestId) — docs/EXPORT-FORMAT.md rules, including orphans and null ids.
#include "app/model/Interaction.h"
#include <QList>

namespace ledger {

struct Turn {
    QString userId, sessionId, requestId, appClass, conversationType, locale;
    QString promptId;  QDateTime promptCreated;  QString promptText;
    QString responseId; QDateTime responseCreated; QString responseText;   // several responses: joined by a blank line; id/time = first
    QStringList attachments, links, contexts;   // display strings
    bool hasPrompt() const { return !promptId.isEmpty(); }
    bool hasResponse() const { return !responseId.isEmpty(); }
};

struct Session {
    QString userId, sessionId, appClass;
    QDateTime started, ended;
    int promptCount = 0, responseCount = 0;
    QString firstPrompt;
};

// Builds turns from one user's interactions (any order; output sorted by time).
QList<Turn> buildTurns(const QList<Interaction> &interactions);
QList<Session> buildSessions(const QList<Interaction> &interactions);

} // namespace ledger
