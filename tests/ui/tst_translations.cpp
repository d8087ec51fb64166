// Translations: the English plural forms are compiled into the GUI and loaded
// whatever the user's language; Qt's own strings follow the user's language when Qt has it.
#include "TestSupport.h"

#include "ui/common/Translations.h"

#include <QFile>
#include <QLibraryInfo>
#include <QTranslator>
#include <QtTest>

using namespace ledger::gui;

class TestTranslations : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { ledger::test::isolateEnvironment(); }

    void cleanup()
    {
        for (QTranslator *t : qApp->findChildren<QTranslator *>()) {
            QCoreApplication::removeTranslator(t);
            delete t;
        }
    }

    void englishPluralForms()
    {
#ifndef LEDGER_HAVE_TRANSLATIONS
        QSKIP("built without Qt LinguistTools (CMake warned): no compiled translations");
#endif
        QVERIFY(QFile::exists(QStringLiteral(":/i18n/copilot-ledger_en.qm")));
        const QStringList loaded = installTranslations(qApp, QLocale(QLocale::English, QLocale::UnitedKingdom));
        QCOMPARE(loaded.size(), 1);
        QCOMPARE(QCoreApplication::translate("ledger::gui::Workspace", "%n users", nullptr, 1), QStringLiteral("1 user"));
        QCOMPARE(QCoreApplication::translate("ledger::gui::Workspace", "%n users", nullptr, 3), QStringLiteral("3 users"));
        QCOMPARE(QCoreApplication::translate("ledger::gui::MainWindow", "Sync finished: %Ln new interactions.", nullptr, 1),
                 QStringLiteral("Sync finished: 1 new interaction."));
        QCOMPARE(QCoreApplication::translate("ledger::SyncEngine",
                                             "%n user(s) synced: %1 with interactions, %2 without, %3 not licensed, %4 failed.",
                                             nullptr, 1).arg(1).arg(0).arg(0).arg(0),
                 QStringLiteral("1 user synced: 1 with interactions, 0 without, 0 not licensed, 0 failed."));
    }

    void otherLanguageKeepsEnglishPluralsAndGetsQtStrings()
    {
#ifndef LEDGER_HAVE_TRANSLATIONS
        QSKIP("built without Qt LinguistTools (CMake warned): no compiled translations");
#endif
        const QStringList loaded = installTranslations(qApp, QLocale(QLocale::German, QLocale::Germany));
        QCOMPARE(QCoreApplication::translate("ledger::gui::FilterBar", "%n apps", nullptr, 1), QStringLiteral("1 app"));
        const QString qtbase = QLibraryInfo::path(QLibraryInfo::TranslationsPath) + QStringLiteral("/qtbase_de.qm");
        if (!QFile::exists(qtbase))
            QSKIP("Qt's German translations are not installed (Debian: qt6-translations-l10n)");
        QVERIFY2(loaded.size() == 2, qPrintable(loaded.join(QLatin1Char(' '))));
        QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), QStringLiteral("Abbrechen"));
    }
};

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
