#include "app/sim/InteractionFilter.h"

#include <QDateTime>

namespace ledger::sim {

namespace {

struct Token {
    enum Kind { Word, String, Open, Close } kind;
    QString text;
};

std::optional<QList<Token>> tokenize(const QString &s, QString *error)
{
    QList<Token> out;
    qsizetype i = 0;
    while (i < s.size()) {
        const QChar c = s.at(i);
        if (c.isSpace()) {
            ++i;
        } else if (c == u'(') {
            out.append({Token::Open, QStringLiteral("(")});
            ++i;
        } else if (c == u')') {
            out.append({Token::Close, QStringLiteral(")")});
            ++i;
        } else if (c == u'\'') {
            QString value;
            ++i;
            bool closed = false;
            while (i < s.size()) {
                if (s.at(i) == u'\'') {
                    if (i + 1 < s.size() && s.at(i + 1) == u'\'') {
                        value += u'\'';
                        i += 2;
                        continue;
                    }
                    closed = true;
                    ++i;
                    break;
                }
                value += s.at(i++);
            }
            if (!closed) {
                *error = QStringLiteral("Syntax error: unterminated string literal in '%1'.").arg(s);
                return std::nullopt;
            }
            out.append({Token::String, value});
        } else {
            const qsizetype start = i;
            while (i < s.size() && !s.at(i).isSpace() && s.at(i) != u'(' && s.at(i) != u')'
                   && s.at(i) != u'\'')
                ++i;
            out.append({Token::Word, s.mid(start, i - start)});
        }
    }
    return out;
}

class Parser {
public:
    Parser(const QList<Token> &tokens, InteractionFilter &f) : m_t(tokens), m_f(f) { }

    bool parse()
    {
        if (m_t.isEmpty())
            return fail(QStringLiteral("The query specified in the URI is not valid. $filter is empty."));
        if (!clause())
            return false;
        while (m_pos < m_t.size()) {
            if (!keyword(QStringLiteral("and")))
                return fail(QStringLiteral("Syntax error at position %1: expected 'and'.").arg(m_pos));
            if (!clause())
                return false;
        }
        return true;
    }
    QString error;

private:
    bool fail(const QString &message)
    {
        if (error.isEmpty())
            error = message;
        return false;
    }
    bool keyword(const QString &word)
    {
        if (m_pos < m_t.size() && m_t.at(m_pos).kind == Token::Word
            && m_t.at(m_pos).text.compare(word, Qt::CaseInsensitive) == 0) {
            ++m_pos;
            return true;
        }
        return false;
    }
    bool clause()
    {
        if (m_pos < m_t.size() && m_t.at(m_pos).kind == Token::Open) {
            ++m_pos;
            if (m_appGroups++ > 0)
                return fail(QStringLiteral("Invalid filter clause: appClass may appear in one group only."));
            if (!appTerm())
                return false;
            while (keyword(QStringLiteral("or"))) {
                if (!appTerm())
                    return false;
            }
            if (m_pos >= m_t.size() || m_t.at(m_pos).kind != Token::Close)
                return fail(QStringLiteral("Syntax error: ')' expected at position %1.").arg(m_pos));
            ++m_pos;
            return true;
        }
        if (m_pos < m_t.size() && m_t.at(m_pos).kind == Token::Word
            && m_t.at(m_pos).text.compare(u"appClass", Qt::CaseInsensitive) == 0) {
            if (m_appGroups++ > 0)
                return fail(QStringLiteral("Invalid filter clause: appClass may appear in one group only."));
            return appTerm();
        }
        return timeTerm();
    }
    bool appTerm()
    {
        if (!keyword(QStringLiteral("appClass")))
            return fail(QStringLiteral("Invalid filter clause: only 'appClass eq' may be combined with 'or'."));
        if (!keyword(QStringLiteral("eq")))
            return fail(QStringLiteral("Invalid filter clause: appClass supports only the 'eq' operator."));
        if (m_pos >= m_t.size() || m_t.at(m_pos).kind != Token::String)
            return fail(QStringLiteral("Invalid filter clause: appClass needs a quoted string value."));
        m_f.appClasses.append(m_t.at(m_pos++).text);
        return true;
    }
    bool timeTerm()
    {
        if (!keyword(QStringLiteral("createdDateTime")))
            return fail(QStringLiteral("Invalid filter clause: Could not find a property named '%1' on type "
                                       "'microsoft.graph.aiInteraction' or the property is not filterable.")
                            .arg(m_pos < m_t.size() ? m_t.at(m_pos).text : QString()));
        if (m_pos >= m_t.size())
            return fail(QStringLiteral("Invalid filter clause: operator expected."));
        const QString op = m_t.at(m_pos++).text.toLower();
        if (op != u"gt" && op != u"lt")
            return fail(QStringLiteral("Invalid filter clause: operator '%1' is not supported for createdDateTime; "
                                       "use gt and lt.").arg(op));
        if (m_pos >= m_t.size() || m_t.at(m_pos).kind != Token::Word)
            return fail(QStringLiteral("Invalid filter clause: a DateTimeOffset literal is expected."));
        const QString literal = m_t.at(m_pos++).text;
        QDateTime t = QDateTime::fromString(literal, Qt::ISODateWithMs);
        const bool hasZone = literal.endsWith(u'Z') || literal.endsWith(u'z')
            || (literal.size() > 19 && (literal.at(literal.size() - 6) == u'+' || literal.at(literal.size() - 6) == u'-'));
        if (!t.isValid() || !hasZone)
            return fail(QStringLiteral("The DateTimeOffset text '%1' should be in format "
                                       "'yyyy-mm-ddThh:mm:ss('.'s+)?(zz:zz)?' and each field value is within valid range.")
                            .arg(literal));
        std::optional<qint64> &slot = op == u"gt" ? m_f.afterMs : m_f.beforeMs;
        if (slot)
            return fail(QStringLiteral("Invalid filter clause: createdDateTime %1 appears twice.").arg(op));
        slot = t.toMSecsSinceEpoch();
        return true;
    }

    const QList<Token> &m_t;
    InteractionFilter &m_f;
    qsizetype m_pos = 0;
    int m_appGroups = 0;
};

} // namespace

InteractionFilter InteractionFilter::parse(const QString &text)
{
    InteractionFilter f;
    QString error;
    const auto tokens = tokenize(text, &error);
    if (!tokens) {
        f.outcome = Outcome::BadRequest;
        f.error = error;
        return f;
    }
    Parser parser(*tokens, f);
    if (!parser.parse()) {
        InteractionFilter bad;
        bad.outcome = Outcome::BadRequest;
        bad.error = parser.error;
        return bad;
    }
    if (f.afterMs.has_value() != f.beforeMs.has_value()) {
        f.outcome = Outcome::OneBound;
        f.error = QStringLiteral("An error has occurred: createdDateTime requires both a 'gt' and an 'lt' bound.");
    }
    return f;
}

bool InteractionFilter::matches(qint64 createdMs, const QString &appClass) const
{
    if (afterMs && !(createdMs > *afterMs))
        return false;
    if (beforeMs && !(createdMs < *beforeMs))
        return false;
    return appClasses.isEmpty() || appClasses.contains(appClass);
}

QString InteractionFilter::canonical() const
{
    QStringList apps = appClasses;
    apps.sort();
    return QString::number(afterMs.value_or(-1)) + u'|' + QString::number(beforeMs.value_or(-1)) + u'|'
        + apps.join(u',');
}

} // namespace ledger::sim
