#pragma once
// The application's translations: every user-visible string goes through tr();
// the .ts files live in resources/translations/ and are compiled into the GUI as :/i18n/*.qm
// (docs/TRANSLATING.md). The English plural forms ("1 user", "2 users") are always installed; the
// user's language goes over them when the app has it; Qt's own strings (dialog buttons) follow
// the same language.
#include <QLocale>
#include <QStringList>

class QCoreApplication;

namespace ledger::gui {

// Returns the translation files that were loaded (for the About box and tests).
QStringList installTranslations(QCoreApplication *app, const QLocale &locale = QLocale());

} // namespace ledger::gui
