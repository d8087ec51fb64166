#include "app/archive/SearchQuery.h"

#include "app/detect/Watchlist.h"   // FoldedText: words folded to lower case without accents

#include <algorithm>

using namespace Qt::StringLiterals;

namespace ledger {

QStringList SearchQuery::tokens(const QString &word)
{
    QStringList out;
    QString token;
    for (const QChar c : word) {
        if (c.isLetterOrNumber() || c.isMark()) {
            token += c;
        } else if (!token.isEmpty()) {
            out << token;
            token.clear();
        }
    }
    if (!token.isEmpty())
        out << token;
    return out;
}

QString SearchQuery::ftsTerm(const SearchTerm &t)
{
    QStringList parts;
    for (qsizetype k = 0; k < t.tokens.size(); ++k) {
        QString tok = t.tokens.at(k);
        tok.replace(u'"', u"\"\""_s);   // cannot occur (tokens are letters/digits); kept as a guard
        parts << u"\""_s + tok + u"\""_s + (t.kind == SearchTerm::Prefix && k == t.tokens.size() - 1 ? u"*"_s : QString());
    }
    // Explicit AND: FTS5 does not accept an implicit AND next to a parenthesised group.
    return parts.size() > 1 ? u"("_s + parts.join(u" AND "_s) + u")"_s : parts.join(u' ');
}

bool SearchQuery::parse(const QString &text, SearchQuery *out, QString *error)
{
    struct Lexeme {
        enum Type { Term, Or } type = Term;
        SearchTerm term;
        qsizetype pos = 0;
    };
    auto fail = [&](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    QList<Lexeme> lexemes;
    const qsizetype n = text.size();
    qsizetype i = 0;
    while (i < n) {
        if (text.at(i).isSpace()) {
            ++i;
            continue;
        }
        const qsizetype start = i;
        bool negated = false;
        if (text.at(i) == u'-') {
            negated = true;
            ++i;
            if (i >= n || text.at(i).isSpace())
                return fail(u"A '-' at position %1 must be directly followed by the word or \"phrase\" to exclude (e.g. -draft)."_s
                                .arg(start + 1));
        }
        Lexeme lx;
        lx.pos = start;
        lx.term.negated = negated;
        if (text.at(i) == u'"') {
            const qsizetype close = text.indexOf(u'"', i + 1);
            if (close < 0)
                return fail(u"The quotation mark at position %1 is not closed: end the phrase with another \"."_s.arg(i + 1));
            lx.term.kind = SearchTerm::Phrase;
            lx.term.text = text.mid(i + 1, close - i - 1).simplified();
            lx.term.tokens = tokens(lx.term.text);
            i = close + 1;
            if (lx.term.tokens.isEmpty())
                continue;   // "" or "..." finds nothing to look for: ignored
            if (i < n && text.at(i) == u'*')
                return fail(u"'*' cannot follow a phrase (position %1): use it at the end of a word, e.g. budg*."_s.arg(i + 1));
        } else {
            qsizetype j = i;
            while (j < n && !text.at(j).isSpace() && text.at(j) != u'"')
                ++j;
            QString word = text.mid(i, j - i);
            i = j;
            if (!negated && word == u"OR") {
                lx.type = Lexeme::Or;
                lexemes << lx;
                continue;
            }
            const qsizetype star = word.indexOf(u'*');
            if (star >= 0) {
                if (star != word.size() - 1 || word.size() == 1 || !word.at(star - 1).isLetterOrNumber())
                    return fail(u"'*' at position %1 must end a word (a word-prefix search, e.g. budg*)."_s.arg(start + (negated ? 1 : 0) + star + 1));
                word.chop(1);
                lx.term.kind = SearchTerm::Prefix;
            }
            lx.term.text = word;
            lx.term.tokens = tokens(word);
            if (lx.term.tokens.isEmpty())
                continue;   // punctuation only: nothing the index could find, ignored as before
        }
        lexemes << lx;
    }
    // Group: terms separated by OR form one clause.
    SearchQuery q;
    bool pendingOr = false;
    for (qsizetype k = 0; k < lexemes.size(); ++k) {
        const Lexeme &lx = lexemes.at(k);
        if (lx.type == Lexeme::Or) {
            if (q.m_clauses.isEmpty() || pendingOr)
                return fail(u"OR at position %1 needs a search term on both sides (e.g. budget OR forecast)."_s.arg(lx.pos + 1));
            pendingOr = true;
            continue;
        }
        if (pendingOr) {
            if (lx.term.negated || q.m_clauses.last().first().negated)
                return fail(u"An excluded term (-word) cannot be one side of OR (position %1): exclude it separately."_s.arg(lx.pos + 1));
            q.m_clauses.last() << lx.term;
            pendingOr = false;
        } else {
            q.m_clauses << QList<SearchTerm>{lx.term};
        }
    }
    if (pendingOr)
        return fail(u"OR at the end needs a search term after it (e.g. budget OR forecast)."_s);
    *out = q;
    return true;
}

QList<QPair<int, int>> SearchQuery::matchRanges(const QString &text) const
{
    // The text's words, folded (lower case, accents removed), with their ranges.
    struct Token {
        int start, end;
        QString folded;
    };
    QList<Token> toks;
    const detect::FoldedText folded(text);
    for (const detect::FoldedText::Word &w : folded.words())
        toks.append({int(w.start), int(w.end), w.folded});
    QList<QPair<int, int>> ranges;
    auto markEach = [&](const QString &token, bool prefix) {
        const QString f = detect::FoldedText::fold(token);
        if (f.isEmpty())
            return;
        for (const Token &t : std::as_const(toks))
            if (prefix ? t.folded.startsWith(f) : t.folded == f)
                ranges.append({t.start, t.end - t.start});
    };
    for (const QList<SearchTerm> &clause : m_clauses) {
        for (const SearchTerm &term : clause) {
            if (term.negated || term.tokens.isEmpty())
                continue;
            if (term.kind != SearchTerm::Phrase) {
                for (qsizetype k = 0; k < term.tokens.size(); ++k)
                    markEach(term.tokens.at(k), term.kind == SearchTerm::Prefix && k == term.tokens.size() - 1);
                continue;
            }
            QStringList want;
            for (const QString &t : term.tokens)
                want << detect::FoldedText::fold(t);
            for (qsizetype s = 0; s + want.size() <= toks.size(); ++s) {
                bool all = true;
                for (qsizetype k = 0; all && k < want.size(); ++k)
                    all = toks.at(s + k).folded == want.at(k);
                if (all) {
                    const int start = toks.at(s).start, end = toks.at(s + want.size() - 1).end;
                    ranges.append({start, end - start});
                }
            }
        }
    }
    std::sort(ranges.begin(), ranges.end());
    QList<QPair<int, int>> merged;
    for (const auto &r : std::as_const(ranges)) {
        if (!merged.isEmpty() && r.first <= merged.last().first + merged.last().second) {
            const int end = qMax(merged.last().first + merged.last().second, r.first + r.second);
            merged.last().second = end - merged.last().first;
        } else {
            merged.append(r);
        }
    }
    return merged;
}

} // namespace ledger
