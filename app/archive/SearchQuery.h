#pragma once
// The text filter's search language (docs/USER-GUIDE.md, "Searching"):
//   budget report        both words (AND is the default)
//   budget OR forecast   either word (OR binds tighter than the implicit AND:
//                        `a b OR c` = a AND (b OR c))
//   "exact phrase"       these words in this order
//   -draft               not containing the word (or -"a phrase")
//   budg*                any word starting with "budg"
// A word is whole (`budget` does not find "budgets"; write `budget*`). Letter case and accents
// are ignored (FTS5 unicode61 with remove_diacritics). Words containing punctuation are split
// like the index splits them ("e-mail" = "e" and "mail"). The parsed query is translated into
// FTS5 terms that are always quoted, so that nothing typed is ever FTS syntax.
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

namespace ledger {

struct SearchTerm {
    enum Kind { Word, Prefix, Phrase };
    Kind kind = Word;
    QStringList tokens;       // the index tokens (letters and digits)
    QString text;             // as typed (a phrase without its quotes)
    bool negated = false;
};

class SearchQuery {
public:
    // Parses; on a syntax error returns false and says what is wrong (and where) in *error.
    static bool parse(const QString &text, SearchQuery *out, QString *error = nullptr);
    // The query's clauses, all of which must hold; each holds when any of its terms does.
    const QList<QList<SearchTerm>> &clauses() const { return m_clauses; }
    bool isEmpty() const { return m_clauses.isEmpty(); }
    // Index tokens of a typed word (letters and digits; everything else separates).
    static QStringList tokens(const QString &word);
    // One FTS5 term for a word or prefix term: "tok" / "tok"* / ("tok1" AND "tok2"*), every token quoted.
    static QString ftsTerm(const SearchTerm &t);
    // What the query finds in `text`, for highlighting (tables, conversation view): [start, length)
    // ranges in UTF-16 units, sorted and merged. Whole words of Word terms (each token of a word
    // the index splits, like "e-mail", on its own), whole words starting with a Prefix term,
    // a Phrase only as its words in order; letter case and accents ignored. Excluded terms and
    // the operators (OR, quotes, '-', '*') are never marked.
    QList<QPair<int, int>> matchRanges(const QString &text) const;

private:
    QList<QList<SearchTerm>> m_clauses;
};

} // namespace ledger
