#include "app/archive/ArchiveFiles.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QMutex>

using namespace Qt::StringLiterals;

namespace ledger::archivefiles {

namespace {
struct Registry {
    QMutex mutex;
    QHash<QString, int> open;   // absolute, cleaned path → open connections
};
Registry &registry()
{
    static Registry r;
    return r;
}
QString keyOf(const QString &path)
{
    return QDir::cleanPath(QFileInfo(path).absoluteFilePath());
}
// A context lupdate can see (a local tr() helper would hide these strings from it).
struct ArchiveFiles {
    Q_DECLARE_TR_FUNCTIONS(ledger::ArchiveFiles)
};
} // namespace

QStringList filesOf(const QString &archivePath)
{
    return {archivePath, archivePath + u"-wal"_s, archivePath + u"-shm"_s, archivePath + u"-journal"_s};
}

void connectionOpened(const QString &archivePath)
{
    QMutexLocker lock(&registry().mutex);
    ++registry().open[keyOf(archivePath)];
}

void connectionClosed(const QString &archivePath)
{
    QMutexLocker lock(&registry().mutex);
    auto it = registry().open.find(keyOf(archivePath));
    if (it != registry().open.end() && --it.value() <= 0)
        registry().open.erase(it);
}

int openConnections(const QString &archivePath)
{
    QMutexLocker lock(&registry().mutex);
    return registry().open.value(keyOf(archivePath));
}

bool remove(const QString &archivePath, QString *error)
{
    const int open = openConnections(archivePath);
    if (open > 0) {
        if (error)
            *error = ArchiveFiles::tr("The archive %1 is still in use (%n open connection(s)), so it was not deleted. "
                        "Wait for the sync or export to end and try again.", nullptr, open)
                         .arg(QDir::toNativeSeparators(archivePath));
        return false;
    }
    QStringList failed;
    for (const QString &file : filesOf(archivePath)) {
        QFile f(file);
        if (f.exists() && !f.remove())
            failed << QDir::toNativeSeparators(file) + u" ("_s + f.errorString() + u')';
    }
    if (!failed.isEmpty()) {
        if (error)
            *error = ArchiveFiles::tr("These archive files could not be deleted: %1. Close any program that has them open "
                        "and delete them by hand.").arg(failed.join(u"; "));
        return false;
    }
    return true;
}

} // namespace ledger::archivefiles
