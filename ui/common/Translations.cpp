#include "ui/common/Translations.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QTranslator>

namespace ledger::gui {

namespace {

bool install(QCoreApplication *app, const QLocale &locale, const QString &name, const QStringList &dirs,
             QStringList *loaded)
{
    for (const QString &dir : dirs) {
        auto *t = new QTranslator(app);
        if (t->load(locale, name, QStringLiteral("_"), dir) && QCoreApplication::installTranslator(t)) {
            *loaded << t->filePath();
            return true;
        }
        delete t;
    }
    return false;
}

} // namespace

QStringList installTranslations(QCoreApplication *app, const QLocale &locale)
{
    QStringList loaded;
    const QString ours = QStringLiteral(":/i18n");
    const QString name = QStringLiteral("copilot-ledger");
    // Installed later = searched first: English (the source language's plural forms) goes first.
    install(app, QLocale(QLocale::English, QLocale::UnitedStates), name, {ours}, &loaded);
    if (locale.language() != QLocale::English && locale.language() != QLocale::C)
        install(app, locale, name, {ours}, &loaded);
    // Qt's own strings: next to the executable (windeployqt, the macOS bundle), else Qt's folder.
    const QStringList qtDirs = {QCoreApplication::applicationDirPath() + QStringLiteral("/translations"),
                                QCoreApplication::applicationDirPath() + QStringLiteral("/../Resources/translations"),
                                QLibraryInfo::path(QLibraryInfo::TranslationsPath)};
    if (locale.language() != QLocale::English && locale.language() != QLocale::C)
        install(app, locale, QStringLiteral("qtbase"), qtDirs, &loaded);
    return loaded;
}

} // namespace ledger::gui
