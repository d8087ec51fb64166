#include "app/model/AppClass.h"

using namespace Qt::StringLiterals;

namespace ledger {

namespace {

constexpr auto kPrefix = "IPM.SkypeTeams.Message.Copilot."_L1;

struct AppEntry { QLatin1StringView key; QLatin1StringView name; };

// Known appClass suffixes and their friendly names (docs/EXPORT-FORMAT.md).
constexpr AppEntry kApps[] = {
    {"Word"_L1, "Word"_L1},
    {"Excel"_L1, "Excel"_L1},
    {"PowerPoint"_L1, "PowerPoint"_L1},
    {"Outlook"_L1, "Outlook"_L1},
    {"Teams"_L1, "Teams"_L1},
    {"BizChat"_L1, "Copilot Chat"_L1},
    {"WebChat"_L1, "Web Chat"_L1},
    {"Loop"_L1, "Loop"_L1},
    {"OneNote"_L1, "OneNote"_L1},
    {"Whiteboard"_L1, "Whiteboard"_L1},
    {"Forms"_L1, "Forms"_L1},
    {"Planner"_L1, "Planner"_L1},
    {"Stream"_L1, "Stream"_L1},
    {"SharePoint"_L1, "SharePoint"_L1},
    {"OneDrive"_L1, "OneDrive"_L1},
    {"Designer"_L1, "Designer"_L1},
    {"Edge"_L1, "Edge"_L1},
};

QString lastSegment(const QString &appClass)
{
    const qsizetype dot = appClass.lastIndexOf(u'.');
    return dot < 0 ? appClass : appClass.mid(dot + 1);
}

} // namespace

QString appNameForClass(const QString &appClass)
{
    const QString key = lastSegment(appClass);
    for (const AppEntry &e : kApps) {
        if (key.compare(e.key, Qt::CaseInsensitive) == 0)
            return e.name;
    }
    return key;
}

QString appClassForName(const QString &name)
{
    const QString n = name.trimmed();
    if (n.isEmpty())
        return QString();
    for (const AppEntry &e : kApps) {
        if (n.compare(e.name, Qt::CaseInsensitive) == 0 || n.compare(e.key, Qt::CaseInsensitive) == 0)
            return kPrefix + e.key;
        const QString full = kPrefix + e.key;
        if (n.compare(full, Qt::CaseInsensitive) == 0)
            return full;
    }
    // A name without spaces typed as "CopilotChat" / "webchat".
    QString compact = n;
    compact.remove(u' ');
    for (const AppEntry &e : kApps) {
        QString nm = QString(e.name);
        nm.remove(u' ');
        if (compact.compare(nm, Qt::CaseInsensitive) == 0)
            return kPrefix + e.key;
    }
    // A full raw class of an app we do not know yet is accepted as is.
    if (n.startsWith(kPrefix, Qt::CaseInsensitive) && n.size() > kPrefix.size())
        return n;
    return QString();
}

QStringList knownAppNames()
{
    QStringList names;
    for (const AppEntry &e : kApps)
        names << QString(e.name);
    return names;
}

bool parseAppList(const QString &commaList, QStringList *appClasses, QString *error)
{
    QStringList out;
    const QStringList parts = commaList.split(u',', Qt::SkipEmptyParts);
    for (const QString &part : parts) {
        const QString p = part.trimmed();
        if (p.isEmpty())
            continue;
        const QString cls = appClassForName(p);
        if (cls.isEmpty()) {
            if (error)
                *error = u"Unknown app \"%1\". Known apps: %2."_s.arg(p, knownAppNames().join(u", "_s));
            return false;
        }
        if (!out.contains(cls))
            out << cls;
    }
    if (appClasses)
        *appClasses = out;
    if (error)
        error->clear();
    return true;
}

} // namespace ledger
