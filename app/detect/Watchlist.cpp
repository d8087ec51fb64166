#include "app/detect/Watchlist.h"

#include <QFile>
#include <QFileInfo>
#include <QSet>

using namespace Qt::StringLiterals;

namespace ledger::detect {

namespace {

bool isWordLetter(QChar c) { return c.isLetterOrNumber(); }

// One character folded: decomposed (recursively) without combining marks, then case-folded.
void appendFolded(QString &out, QChar c)
{
    if (c.unicode() < 0x80) {
        out += c.toLower();
        return;
    }
    if (c.category() == QChar::Mark_NonSpacing || c.category() == QChar::Mark_Enclosing
        || c.category() == QChar::Mark_SpacingCombining)
        return;
    if (c.decompositionTag() == QChar::Canonical || c.decompositionTag() == QChar::Compat) {
        const QString decomposed = c.decomposition();
        if (!decomposed.isEmpty() && decomposed != QString(c)) {
            for (QChar d : decomposed)
                appendFolded(out, d);
            return;
        }
    }
    out += c.toCaseFolded();
}

} // namespace

QString FoldedText::fold(const QString &s)
{
    QString out;
    out.reserve(s.size());
    for (QChar c : s)
        appendFolded(out, c);
    return out;
}

QStringList FoldedText::foldedWords(const QString &s)
{
    QStringList out;
    const FoldedText folded(s);
    for (const Word &w : folded.words())
        out << w.folded;
    return out;
}

FoldedText::FoldedText(const QString &text) : m_text(&text)
{
    const qsizetype n = text.size();
    qsizetype i = 0;
    while (i < n) {
        if (!isWordLetter(text.at(i)) && !text.at(i).isMark()) {
            ++i;
            continue;
        }
        Word w;
        w.start = i;
        while (i < n) {
            const QChar c = text.at(i);
            const char16_t u = c.unicode();
            if (u < 0x80) {   // ASCII fast path
                if (!((u >= u'a' && u <= u'z') || (u >= u'0' && u <= u'9') || (u >= u'A' && u <= u'Z')))
                    break;
                w.folded += QChar(u >= u'A' && u <= u'Z' ? char16_t(u + 32) : u);
            } else if (isWordLetter(c) || c.isMark()) {
                appendFolded(w.folded, c);
            } else {
                break;
            }
            ++i;
        }
        w.end = i;
        if (!w.folded.isEmpty())
            m_words << w;
    }
}

bool Watchlist::parse(const QString &name, const QString &text, Watchlist *out, QString *error)
{
    Watchlist list;
    list.m_name = name;
    list.m_source = text;
    const QStringList lines = text.split(u'\n');
    QSet<QString> seen;
    for (qsizetype n = 0; n < lines.size(); ++n) {
        const QString line = lines.at(n).trimmed();
        if (line.isEmpty() || line.startsWith(u'#'))
            continue;
        Term t;
        t.text = line;
        // Words: runs of letters/digits; a '*' may only end a word.
        QString word;
        auto flush = [&](bool prefix) {
            const QString folded = FoldedText::fold(word);
            if (!folded.isEmpty()) {
                t.words << folded;
                t.prefix << prefix;
            }
            word.clear();
        };
        for (qsizetype k = 0; k < line.size(); ++k) {
            const QChar c = line.at(k);
            if (c == u'*') {
                if (word.isEmpty()) {
                    if (error)
                        *error = u"line %1: '*' must follow the start of a word (\"confidential*\"), not stand alone or start a word: %2"_s
                                     .arg(n + 1).arg(line);
                    return false;
                }
                if (k + 1 < line.size() && isWordLetter(line.at(k + 1))) {
                    if (error)
                        *error = u"line %1: '*' may only end a word (a word-prefix wildcard): %2"_s.arg(n + 1).arg(line);
                    return false;
                }
                flush(true);
            } else if (isWordLetter(c) || c.isMark()) {
                word += c;
            } else {
                flush(false);
            }
        }
        flush(false);
        if (t.words.isEmpty()) {
            if (error)
                *error = u"line %1: no letters or digits to look for: %2"_s.arg(n + 1).arg(line);
            return false;
        }
        QString key;
        for (qsizetype k = 0; k < t.words.size(); ++k)
            key += t.words.at(k) + (t.prefix.at(k) ? u"* "_s : u" "_s);
        if (seen.contains(key))
            continue;
        seen.insert(key);
        list.m_terms << t;
    }
    list.index();
    *out = list;
    return true;
}

bool Watchlist::load(const QString &path, Watchlist *out, QString *error)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        if (error)
            *error = u"Cannot read the watchlist %1: %2"_s.arg(path, f.errorString());
        return false;
    }
    const QByteArray bytes = f.readAll();
    QString text = QString::fromUtf8(bytes);
    if (text.startsWith(QChar(0xFEFF)))
        text.remove(0, 1);
    if (text.contains(QChar::ReplacementCharacter) && !bytes.contains("\xEF\xBF\xBD")) {
        if (error)
            *error = u"The watchlist %1 is not UTF-8 text."_s.arg(path);
        return false;
    }
    text.replace(u"\r\n"_s, u"\n"_s).replace(u'\r', u'\n');
    const QString name = QFileInfo(path).completeBaseName();
    QString why;
    if (!parse(name, text, out, &why)) {
        if (error)
            *error = u"Watchlist %1, %2"_s.arg(path, why);
        return false;
    }
    return true;
}

void Watchlist::index()
{
    m_byFirstWord.clear();
    m_prefixFirst.clear();
    for (int k = 0; k < m_terms.size(); ++k) {
        if (m_terms.at(k).prefix.first())
            m_prefixFirst << k;
        else
            m_byFirstWord[m_terms.at(k).words.first()] << k;
    }
}

bool Watchlist::termAt(const Term &t, const QList<FoldedText::Word> &words, qsizetype i) const
{
    if (i + t.words.size() > words.size())
        return false;
    for (qsizetype k = 0; k < t.words.size(); ++k) {
        const QString &w = words.at(i + k).folded;
        if (t.prefix.at(k) ? !w.startsWith(t.words.at(k)) : w != t.words.at(k))
            return false;
    }
    return true;
}

void Watchlist::scan(const FoldedText &text, QList<Match> &out) const
{
    if (m_terms.isEmpty())
        return;
    const QList<FoldedText::Word> &words = text.words();
    for (qsizetype i = 0; i < words.size(); ++i) {
        qsizetype best = 0;
        auto consider = [&](int k) {
            const Term &t = m_terms.at(k);
            if (t.words.size() > best && termAt(t, words, i))
                best = t.words.size();
        };
        const auto it = m_byFirstWord.constFind(words.at(i).folded);
        if (it != m_byFirstWord.constEnd())
            for (int k : *it)
                consider(k);
        for (int k : m_prefixFirst)
            consider(k);
        if (best == 0)
            continue;
        const qsizetype start = words.at(i).start, end = words.at(i + best - 1).end;
        out << Match{text.original().mid(start, end - start).simplified(), start, end - start};
        i += best - 1;
    }
}

} // namespace ledger::detect
