#include "app/cli/Output.h"

#include <cstdio>
#ifdef Q_OS_WIN
#include <io.h>
#define LEDGER_ISATTY _isatty
#define LEDGER_FILENO _fileno
#else
#include <unistd.h>
#define LEDGER_ISATTY isatty
#define LEDGER_FILENO fileno
#endif

namespace ledger::cli {

static void write(FILE *f, const QString &text)
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), f);
    std::fflush(f);
}

void printOut(const QString &text)
{
    write(stdout, text);
}

void printErr(const QString &text)
{
    write(stderr, text);
}

bool stderrIsTerminal()
{
    return LEDGER_ISATTY(LEDGER_FILENO(stderr)) != 0;
}

} // namespace ledger::cli
