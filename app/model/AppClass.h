#pragma once
// appClass raw values ↔ friendly app names (docs/EXPORT-FORMAT.md: "Copilot Chat" for BizChat, …).
#include <QString>
#include <QStringList>

namespace ledger {

QString appNameForClass(const QString &appClass);   // IPM.SkypeTeams.Message.Copilot.BizChat → "Copilot Chat"; unknown → last segment
QString appClassForName(const QString &name);        // case-insensitive; "" if unknown
QStringList knownAppNames();                          // Word, Excel, PowerPoint, Outlook, Teams, Copilot Chat, Web Chat, Loop, OneNote, …
// Accepts names as typed on the command line (Word, teams, BizChat, "Copilot Chat", WebChat);
// returns the raw appClass values, or an error message naming the unknown entry.
bool parseAppList(const QString &commaList, QStringList *appClasses, QString *error);

} // namespace ledger
