// AboutDialog and ComponentVersions: every fact the brief asks for is shown and real.
#include "ui/AboutDialog.h"
#include "TestSupport.h"
#include "app/about/ComponentVersions.h"

#include <QApplication>
#include <QClipboard>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QtTest>

using namespace ledger;
using namespace Qt::StringLiterals;

class tst_AboutDialog : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { ledger::test::isolateEnvironment(); }

    void versionsAreReal()
    {
        QCOMPARE(ComponentVersions::application(), QStringLiteral(LEDGER_VERSION));
        QCOMPARE(ComponentVersions::qtRuntime(), QString::fromLatin1(qVersion()));
        QCOMPARE(ComponentVersions::qtBuild(), QStringLiteral(QT_VERSION_STR));
        const QRegularExpression version(u"^\\d+\\.\\d+(\\.\\d+)?"_s);
        QVERIFY2(version.match(ComponentVersions::sqlite()).hasMatch(), qPrintable(ComponentVersions::sqlite()));
        QVERIFY2(version.match(ComponentVersions::qtKeychain()).hasMatch(), qPrintable(ComponentVersions::qtKeychain()));
        QVERIFY(!ComponentVersions::dataFolder().isEmpty());
    }

    void dialogShowsEverything()
    {
        gui::AboutDialog dialog;
        QStringList texts;
        for (QLabel *l : dialog.findChildren<QLabel *>())
            texts << l->text();
        const QString all = texts.join(u'\n');
        QVERIFY(all.contains(u"Copilot Ledger"_s));
        QVERIFY(all.contains(QStringLiteral(LEDGER_VERSION)));
        QVERIFY(all.contains(QString::fromLatin1(qVersion())));
        QVERIFY(all.contains(QStringLiteral(QT_VERSION_STR)));
        QVERIFY(all.contains(ComponentVersions::sqlite()));
        QVERIFY(all.contains(ComponentVersions::qtKeychain()));
        QVERIFY(all.contains(u"Apache License 2.0"_s));
        QVERIFY(all.contains(ComponentVersions::dataFolder()));

        auto *notices = dialog.findChild<QPlainTextEdit *>(u"thirdPartyNotices"_s);
        QVERIFY(notices);
        const QString n = notices->toPlainText();
        QVERIFY(n.contains(u"LGPLv3"_s));
        QVERIFY(n.contains(u"QtKeychain"_s));
        QVERIFY(n.contains(u"BSD"_s));
        QVERIFY(n.contains(u"Apache License"_s));

        QApplication::clipboard()->clear();
        for (QPushButton *b : dialog.findChildren<QPushButton *>())
            if (b->text() == u"Copy Details"_s)
                b->click();
        const QString clip = QApplication::clipboard()->text();
        QCOMPARE(clip, dialog.detailsText());
        QVERIFY(clip.contains(u"SQLite: "_s + ComponentVersions::sqlite()));
    }
};

QTEST_MAIN(tst_AboutDialog)
#include "tst_aboutdialog.moc"
