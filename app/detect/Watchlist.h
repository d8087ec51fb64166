#pragma once
// A watchlist: a named list of terms and phrases the compliance officer wants found (project
// code names, customer names, "confidential*"). File format (UTF-8, one term or phrase a line):
//   # a comment line           blank lines are ignored
//   Project Falcon             a phrase: these words in this order
//   confidential*              '*' at the end of a word: any word starting with it
// Matching is whole-word, case- and accent-insensitive ("Müller" finds "MULLER" and "muller").
// See docs/DETECTION.md.
#include "app/detect/Finding.h"
#include <QHash>
#include <QStringList>

namespace ledger::detect {

// A text folded for matching (lower case, accents removed), split into words, with the original
// character range of every word.
class FoldedText {
public:
    explicit FoldedText(const QString &text);
    struct Word {
        QString folded;
        qsizetype start = 0, end = 0;   // [start, end) in the original text
    };
    const QList<Word> &words() const { return m_words; }
    const QString &original() const { return *m_text; }
    static QString fold(const QString &s);   // lower case, accents removed
    static QStringList foldedWords(const QString &s);

private:
    const QString *m_text;
    QList<Word> m_words;
};

class Watchlist {
public:
    struct Term {
        QStringList words;     // folded
        QList<bool> prefix;    // word i ends in '*'
        QString text;          // as written in the list
    };

    Watchlist() = default;
    // Parses the list's text; on a bad line returns false with "line N: what is wrong".
    static bool parse(const QString &name, const QString &text, Watchlist *out, QString *error);
    // Reads a UTF-8 file; the list's name is the file's base name ("Customers.txt" → Customers).
    static bool load(const QString &path, Watchlist *out, QString *error);

    QString name() const { return m_name; }
    const QList<Term> &terms() const { return m_terms; }
    QString source() const { return m_source; }   // the text it was parsed from
    bool isEmpty() const { return m_terms.isEmpty(); }
    // The matches in the text: the longest term at each word, not overlapping; normalized = the
    // matched words as they are written in the text.
    void scan(const FoldedText &text, QList<Match> &out) const;

private:
    void index();
    bool termAt(const Term &t, const QList<FoldedText::Word> &words, qsizetype i) const;

    QString m_name;
    QString m_source;
    QList<Term> m_terms;
    QHash<QString, QList<int>> m_byFirstWord;   // exact first word → terms
    QList<int> m_prefixFirst;                   // terms whose first word is a prefix
};

} // namespace ledger::detect
