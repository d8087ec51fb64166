#include "app/auth/TokenClaims.h"

#include <QtTest>

class tst_Smoke : public QObject {
    Q_OBJECT
private slots:
    void version() { QVERIFY(QByteArrayLiteral(LEDGER_VERSION).count('.') == 2); }
};

QTEST_GUILESS_MAIN(tst_Smoke)
#include "tst_smoke.moc"
