#pragma once
// Reading generated transcripts back (docs/EXPORT-FORMAT.md "transcripts/"): the text of a PDF as
// pdftotext (poppler-utils) gives it, and the footer's SHA-256.
#include <QProcess>
#include <QRegularExpression>
#include <QString>
#include <QStringList>

namespace ledger::test {

// pdftotext of a PDF, UTF-8 (-layout keeps the page's layout); "" when it is not installed or fails.
inline QString pdfText(const QString &path, bool layout = false)
{
    QProcess p;
    QStringList args{QStringLiteral("-enc"), QStringLiteral("UTF-8")};
    if (layout)
        args << QStringLiteral("-layout");
    args << path << QStringLiteral("-");
    p.start(QStringLiteral("pdftotext"), args);
    if (!p.waitForFinished(60000) || p.exitCode() != 0)
        return {};
    return QString::fromUtf8(p.readAllStandardOutput());
}

// The footer's SHA-256 of the session's interactions.jsonl lines (of an ordinary export, or of a
// pseudonymised one, whose footer says the lines are not in it); "" when the text has none.
inline QString footerHash(const QString &text, bool pseudonymised = false)
{
    static const QRegularExpression plain(
        QStringLiteral("SHA-256 of the session's interactions.jsonl lines: ([0-9a-f]{64})"));
    static const QRegularExpression omitted(QStringLiteral(
        "SHA-256 of the session's interactions.jsonl lines \\(not exported\\): ([0-9a-f]{64})"));
    const auto m = (pseudonymised ? omitted : plain).match(text);
    return m.hasMatch() ? m.captured(1) : QString();
}

} // namespace ledger::test
