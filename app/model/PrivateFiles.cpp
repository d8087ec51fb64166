#include "app/model/PrivateFiles.h"

#include <QFile>
#include <QFileInfo>
#include <QtGlobal>

#ifdef Q_OS_UNIX
#include <sys/stat.h>
#endif

namespace ledger::privatefiles {

void restrictNewFiles()
{
#ifdef Q_OS_UNIX
    static const bool once = [] {
        ::umask(077);
        return true;
    }();
    Q_UNUSED(once);
#endif
}

bool tightenFolder(const QString &path)
{
#ifdef Q_OS_UNIX
    return QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
#else
    Q_UNUSED(path);
    return true;
#endif
}

bool tightenFile(const QString &path)
{
#ifdef Q_OS_UNIX
    return QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
#else
    Q_UNUSED(path);
    return true;
#endif
}

} // namespace ledger::privatefiles
