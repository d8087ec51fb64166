#include "ui/export/ExportScope.h"

#include "ui/filter/FilterBar.h"
#include "app/model/AppClass.h"

#include <QCoreApplication>
#include <QLocale>

namespace ledger::gui {

namespace {
// A context lupdate can see (a local tr() helper would hide these strings from it).
struct ExportScope {
    Q_DECLARE_TR_FUNCTIONS(ExportScope)
};
} // namespace

QString describeExportScope(const ledger::ArchiveFilter &f, const QString &userLabel, qint64 matching, qint64 total)
{
    const QLocale loc;
    QStringList parts;
    if (!f.text.isEmpty())
        parts << ExportScope::tr("text '%1'").arg(f.text);
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
        return ExportScope::tr("All %1 prompts").arg(loc.toString(total));
    return ExportScope::tr("%1 of %2 prompts: %3").arg(loc.toString(matching), loc.toString(total), parts.join(QStringLiteral(", ")));
}

} // namespace ledger::gui
