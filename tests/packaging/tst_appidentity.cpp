// The executable's desktop identity (resources/AppIdentity.cpp + resources.qrc): constructing
// a QGuiApplication sets the window icon from the linked resources and the desktop-file name
// that matches the installed .desktop file.
#include "AppIdentity.h"
#include "TestSupport.h"

#include <QFile>
#include <QGuiApplication>
#include <QImage>
#include <QTest>

class TestAppIdentity : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { ledger::test::isolateEnvironment(); }

    void windowIconComesFromTheResources()
    {
        const QIcon icon = QGuiApplication::windowIcon();
        QVERIFY(!icon.isNull());
        const QList<QSize> sizes = icon.availableSizes();
        for (const int n : {16, 32, 48, 256})
            QVERIFY2(sizes.contains(QSize(n, n)), qPrintable(QStringLiteral("missing %1 px").arg(n)));
        const QImage image = icon.pixmap(QSize(48, 48)).toImage();
        QCOMPARE(image.size(), QSize(48, 48));
        // The corners are transparent, the middle of the cover is not.
        QCOMPARE(qAlpha(image.pixel(0, 0)), 0);
        QVERIFY(qAlpha(image.pixel(14, 24)) > 200);
    }

    void svgIsInTheResources()
    {
        QFile svg(QStringLiteral(":/app/copilot-ledger.svg"));
        QVERIFY(svg.open(QIODevice::ReadOnly));
        QVERIFY(svg.readAll().contains("<svg"));
    }

    void desktopFileNameMatchesTheInstalledDesktopFile()
    {
        QCOMPARE(QGuiApplication::desktopFileName(), ledger::resources::desktopFileName());
        const QString desktopFile = QStringLiteral(LEDGER_RESOURCES_DIR "/linux/")
            + QGuiApplication::desktopFileName() + QStringLiteral(".desktop");
        QVERIFY2(QFile::exists(desktopFile), qPrintable(desktopFile));
    }
};

QTEST_MAIN(TestAppIdentity)
#include "tst_appidentity.moc"
