#include "export/ExportScope.h"

#include "filter/FilterBar.h"
#include "model/AppClass.h"

#include <QCoreApplication>
#include <QLocale>

namespace ledger::gui {

QString describeExportScope(const ledger::ArchiveFilter &f, const QString &userLabel, qint64 matching, qint64 total)
{
    const auto tr = [](const char *s) { return QCoreApplication::translate("ExportScope", s); };
    const QLocale loc;
    QStringList parts;
    if (!f.text.isEmpty())
        parts << tr("text '%1'").arg(f.text);
    const QString dates = FilterBar::describeDates(f);
    if (!dates.isEmpty())
        parts << dates;
    QStringList apps;
    for (const QString &c : f.appClasses)
        apps << appNameForClass(c);
    if (!apps.isEmpty())
        parts << FilterBar::joinNames(apps);
    if (!userLabel.isEmpty())
        parts << userLabel;
    if (parts.isEmpty())
        return tr("All %1 prompts").arg(loc.toString(total));
    return tr("%1 of %2 prompts: %3").arg(loc.toString(matching), loc.toString(total), parts.join(QStringLiteral(", ")));
}

} // namespace ledger::gui
