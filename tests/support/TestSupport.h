#pragma once
// Shared helpers for the Qt Test programs.
#include <QByteArray>
#include <QList>
#include <QString>

namespace ledger::test {

// Isolates QSettings and QStandardPaths (test mode) and sets org/app names. Call in initTestCase().
void isolateEnvironment();
// A fresh temporary directory path that lives until the process exits.
QString tempDir();
// The bytes of a file; empty when it does not exist or cannot be read.
QByteArray readFile(const QString &path);

// The lines of `text`: split at \n, without the empty one after a last \n, each without a trailing \r.
QList<QByteArray> splitLines(const QByteArray &text);

} // namespace ledger::test
