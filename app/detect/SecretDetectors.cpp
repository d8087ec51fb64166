#include "app/detect/SecretDetectors.h"

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace ledger::detect {

namespace {

bool isBase64Char(QChar c) { return isAsciiAlnum(c) || c == u'+' || c == u'/'; }
bool isBase64UrlChar(QChar c) { return isAsciiAlnum(c) || c == u'-' || c == u'_'; }
bool isBase32Char(QChar c)
{
    return isAsciiUpper(c) || (c.unicode() >= u'2' && c.unicode() <= u'7');
}

// Length of the run of characters satisfying pred from i.
template <typename P>
qsizetype runLength(const QString &s, qsizetype i, P pred)
{
    qsizetype j = i;
    while (j < s.size() && pred(s.at(j)))
        ++j;
    return j - i;
}

// Calls f(position) for every occurrence of any literal prefix (cheap pre-filter before the
// structure test), in text order; f returns the position to continue from. The text is searched
// (QString::indexOf, vectorised) for the prefixes' common start only; the rest is compared there.
template <typename F>
void forEachPrefix(const QString &text, const QStringList &prefixes, Qt::CaseSensitivity cs, F f)
{
    QString common = prefixes.first();
    for (const QString &p : prefixes)
        while (!p.startsWith(common, cs))
            common.chop(1);
    const QStringView view(text);
    qsizetype i = text.indexOf(common, 0, cs);
    while (i >= 0) {
        bool hit = false;
        for (const QString &p : prefixes) {
            if (view.mid(i).startsWith(p, cs)) {
                hit = true;
                break;
            }
        }
        const qsizetype next = hit ? qMax(i + 1, f(i)) : i + 1;
        i = next < text.size() ? text.indexOf(common, next, cs) : -1;
    }
}

// Whether any of the (lower-case ASCII) keywords occurs, ignoring case, in one pass.
bool containsAnyKeyword(const QString &text, const QStringList &keys)
{
    const QStringView view(text);
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t u = text.at(i).unicode();
        const char16_t lower = (u >= u'A' && u <= u'Z') ? char16_t(u + 32) : u;
        for (const QString &k : keys)
            if (k.front().unicode() == lower && view.mid(i).startsWith(k, Qt::CaseInsensitive))
                return true;
    }
    return false;
}

class PrivateKeyDetector final : public Detector {
public:
    QString name() const override { return u"private_key"_s; }
    QString description() const override { return u"Private key block (-----BEGIN … PRIVATE KEY-----)"_s; }
    void scan(const QString &text, QList<Match> &out) const override
    {
        if (!text.contains(u"PRIVATE KEY-----"))
            return;
        static const QRegularExpression begin(u"-----BEGIN ((?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?)-----"_s);
        qsizetype from = 0;
        for (auto m = begin.match(text, from); m.hasMatch(); m = begin.match(text, from)) {
            const QString label = m.captured(1);
            const qsizetype bodyStart = m.capturedEnd();
            // Body: base64 (and PEM header lines such as "Proc-Type: 4,ENCRYPTED") up to END.
            const QString end = u"-----END "_s + label + u"-----"_s;
            const qsizetype endAt = text.indexOf(end, bodyStart);
            const qsizetype bodyEnd = endAt >= 0 ? endAt : text.size();
            QString body;
            for (qsizetype i = bodyStart; i < bodyEnd; ++i) {
                const QChar c = text.at(i);
                if (isBase64Char(c) || c == u'=')
                    body += c;
                else if (!c.isSpace() && c != u':' && c != u',' && c != u'-')
                    break;   // not a key body: stop at the first foreign character
            }
            // A truncated paste (no END line) still counts when a key's worth of body is there.
            const bool complete = endAt >= 0;
            if (body.size() >= 64 && (complete || body.size() >= 200)) {
                const qsizetype stop = complete ? endAt + end.size() : bodyStart + body.size();
                out << Match{body, m.capturedStart(), (complete ? stop : bodyEnd) - m.capturedStart()};
                from = complete ? stop : bodyEnd;
            } else {
                from = bodyStart;
            }
        }
    }
};

class AwsAccessKeyDetector final : public Detector {
public:
    QString name() const override { return u"aws_access_key"_s; }
    QString description() const override { return u"AWS access key ID (AKIA/ASIA… prefix, 20 base-32 characters)"_s; }
    void scan(const QString &text, QList<Match> &out) const override
    {
        static const QStringList prefixes = {u"AKIA"_s, u"ASIA"_s, u"ABIA"_s, u"ACCA"_s, u"AGPA"_s, u"AIDA"_s,
                                             u"AROA"_s, u"AIPA"_s, u"ANPA"_s, u"ANVA"_s, u"APKA"_s};
        forEachPrefix(text, prefixes, Qt::CaseSensitive, [&](qsizetype at) -> qsizetype {
            if (wordCharAt(text, at - 1) || runLength(text, at, isBase32Char) != 20 || wordCharAt(text, at + 20))
                return at + 1;
            out << Match{text.mid(at, 20), at, 20};
            return at + 20;
        });
    }
};

class GithubTokenDetector final : public Detector {
public:
    QString name() const override { return u"github_token"_s; }
    QString description() const override
    {
        return u"GitHub token (ghp_/gho_/ghu_/ghs_/ghr_ + 36 characters, github_pat_ fine-grained)"_s;
    }
    void scan(const QString &text, QList<Match> &out) const override
    {
        static const QStringList prefixes = {u"ghp_"_s, u"gho_"_s, u"ghu_"_s, u"ghs_"_s, u"ghr_"_s, u"github_pat_"_s};
        forEachPrefix(text, prefixes, Qt::CaseSensitive, [&](qsizetype at) -> qsizetype {
            if (wordCharAt(text, at - 1))
                return at + 1;
            if (text.mid(at, 11) == u"github_pat_") {
                // github_pat_ + 22 alphanumerics + '_' + 59 alphanumerics
                const qsizetype a = at + 11;
                if (runLength(text, a, isAsciiAlnum) != 22 || text.mid(a + 22, 1) != u"_"
                    || runLength(text, a + 23, isAsciiAlnum) != 59 || wordCharAt(text, a + 82))
                    return at + 1;
                out << Match{text.mid(at, 93), at, 93};
                return at + 93;
            }
            if (runLength(text, at + 4, isAsciiAlnum) != 36 || wordCharAt(text, at + 40))
                return at + 1;
            out << Match{text.mid(at, 40), at, 40};
            return at + 40;
        });
    }
};

class SlackTokenDetector final : public Detector {
public:
    QString name() const override { return u"slack_token"_s; }
    QString description() const override
    {
        return u"Slack token (xoxb-/xoxp-/xoxa-/xoxr-/xoxs-/xoxe-, numeric workspace parts and a secret part)"_s;
    }
    void scan(const QString &text, QList<Match> &out) const override
    {
        static const QStringList prefixes = {u"xoxb-"_s, u"xoxp-"_s, u"xoxa-"_s, u"xoxr-"_s, u"xoxs-"_s, u"xoxe-"_s};
        forEachPrefix(text, prefixes, Qt::CaseSensitive, [&](qsizetype at) -> qsizetype {
            if (wordCharAt(text, at - 1))
                return at + 1;
            // Parts after the prefix: at least two numeric ids (workspace, user/bot), then a
            // secret of 24+ alphanumerics; e.g. xoxb-123456789012-1234567890123-AbCd…
            qsizetype j = at + 5;
            int numeric = 0;
            qsizetype secret = 0;
            while (j < text.size()) {
                const qsizetype len = runLength(text, j, isAsciiAlnum);
                if (len == 0)
                    break;
                const QString part = text.mid(j, len);
                bool allDigits = true;
                for (QChar c : part)
                    allDigits = allDigits && isAsciiDigit(c);
                j += len;
                if (allDigits && secret == 0 && len >= 8) {
                    ++numeric;
                } else {
                    secret = len;
                    break;
                }
                if (j < text.size() && text.at(j) == u'-')
                    ++j;
                else
                    break;
            }
            if (numeric < 2 || secret < 24 || wordCharAt(text, j) || (j < text.size() && text.at(j) == u'-'))
                return at + 1;
            out << Match{text.mid(at, j - at), at, j - at};
            return j;
        });
    }
};

class AzureStorageKeyDetector final : public Detector {
public:
    QString name() const override { return u"azure_storage_key"_s; }
    QString description() const override
    {
        return u"Azure storage account key (88 base-64 characters decoding to 64 bytes, after AccountKey= or near \"azure\"/\"storage\")"_s;
    }
    void scan(const QString &text, QList<Match> &out) const override
    {
        if (!text.contains(u"=="))
            return;
        for (qsizetype at = text.indexOf(u"=="); at >= 0; at = text.indexOf(u"==", at + 2)) {
            // 86 base-64 characters then "==": 64 bytes.
            const qsizetype start = at - 86;
            if (start < 0 || (start > 0 && isBase64Char(text.at(start - 1))) || text.mid(at + 2, 1) == u"=")
                continue;
            bool ok = true;
            for (qsizetype i = start; i < at && ok; ++i)
                ok = isBase64Char(text.at(i));
            if (!ok || (at + 2 < text.size() && isBase64Char(text.at(at + 2))))
                continue;
            const QString key = text.mid(start, 88);
            if (QByteArray::fromBase64(key.toLatin1()).size() != 64 || !keyContext(text, start))
                continue;
            out << Match{key, start, 88};
        }
    }

private:
    static bool keyContext(const QString &text, qsizetype start)
    {
        if (text.mid(qMax<qsizetype>(0, start - 11), qMin<qsizetype>(start, 11)).compare(u"AccountKey=", Qt::CaseInsensitive) == 0)
            return true;
        const QString before = text.mid(qMax<qsizetype>(0, start - 120), qMin<qsizetype>(start, 120)).toLower();
        return before.contains(u"azure") || before.contains(u"storage") || before.contains(u"accountkey")
            || before.contains(u"account key");
    }
};

QJsonObject decodeJsonSegment(const QString &segment)
{
    const QByteArray bytes = QByteArray::fromBase64(segment.toLatin1(), QByteArray::Base64UrlEncoding);
    const QJsonDocument doc = QJsonDocument::fromJson(bytes);
    return doc.isObject() ? doc.object() : QJsonObject();
}

class JwtDetector final : public Detector {
public:
    QString name() const override { return u"jwt"_s; }
    QString description() const override { return u"JSON Web Token (header with \"alg\" and payload that decode to JSON)"_s; }
    void scan(const QString &text, QList<Match> &out) const override
    {
        forEachPrefix(text, {u"eyJ"_s}, Qt::CaseSensitive, [&](qsizetype at) -> qsizetype {
            if (wordCharAt(text, at - 1) || (at > 0 && text.at(at - 1) == u'.'))
                return at + 1;
            const qsizetype h = runLength(text, at, isBase64UrlChar);
            if (h < 10 || text.mid(at + h, 1) != u".")
                return at + 1;
            const qsizetype p0 = at + h + 1;
            const qsizetype p = runLength(text, p0, isBase64UrlChar);
            if (p < 2 || text.mid(p0 + p, 1) != u".")
                return at + 1;
            const qsizetype s0 = p0 + p + 1;
            const qsizetype sig = runLength(text, s0, isBase64UrlChar);
            const QJsonObject header = decodeJsonSegment(text.mid(at, h));
            const QString alg = header.value(u"alg").toString();
            if (alg.isEmpty() || decodeJsonSegment(text.mid(p0, p)).isEmpty() || (sig == 0 && alg != u"none")
                || wordCharAt(text, s0 + sig))
                return at + 1;
            const qsizetype len = s0 + sig - at;
            out << Match{text.mid(at, len), at, len};
            return at + len;
        });
    }
};

class PasswordDetector final : public Detector {
public:
    QString name() const override { return u"password"_s; }
    QString description() const override
    {
        return u"A password given in the text (password/pwd/secret/kennwort/mot de passe followed by a value)"_s;
    }
    void scan(const QString &text, QList<Match> &out) const override
    {
        // Keyword, then ":" / "=" / "is" / "ist" / "est" / "lautet", then the value (quoted, or up to white
        // space or a query string's '&').
        static const QRegularExpression re(
            u"(?<![\\w])(?:passwords?|passwort|passwd|pwd|secret|kennwort|mot de passe|contrase\u00f1a)"
            "\\s*(?:[:=]|\\s(?:is|ist|est|lautet|was|war)\\b:?)\\s*(?:\"([^\"\\s]{4,128})\"|'([^'\\s]{4,128})'|([^\\s&]{4,128}))"_s,
            QRegularExpression::CaseInsensitiveOption | QRegularExpression::UseUnicodePropertiesOption);
        static const QStringList keys = {u"passw"_s, u"pwd"_s, u"secret"_s, u"kennwort"_s, u"mot de passe"_s, u"contrase"_s};
        if (!containsAnyKeyword(text, keys))
            return;
        for (auto it = re.globalMatch(text); it.hasNext();) {
            const auto m = it.next();
            int group = 1;
            while (group < 3 && !m.hasCaptured(group))
                ++group;
            qsizetype start = m.capturedStart(group);
            QString value = m.captured(group);
            if (group == 3) {   // unquoted: trailing sentence punctuation is not part of it
                while (!value.isEmpty() && QStringView(u".,;:)]}").contains(value.back()))
                    value.chop(1);
            }
            if (looksLikePassword(value))
                out << Match{value, start, value.size()};
        }
    }

private:
    // Structure test: a real password mixes character classes; an ordinary word ("required",
    // "forgotten"), a placeholder ("****", "<your password>", "xxxx") does not count.
    static bool looksLikePassword(const QString &v)
    {
        if (v.size() < 4)
            return false;
        int lower = 0, upper = 0, digit = 0, other = 0;
        for (QChar c : v) {
            if (c.isLower())
                ++lower;
            else if (c.isUpper())
                ++upper;
            else if (c.isDigit())
                ++digit;
            else
                ++other;
        }
        if (v.startsWith(u'<') || v.startsWith(u'{') || v.startsWith(u'$') || v.startsWith(u'%'))
            return false;   // template placeholders and variables
        QString distinct = v;
        std::sort(distinct.begin(), distinct.end());
        distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
        if (distinct.size() <= 2)
            return false;   // ****, xxxx, ....
        const int classes = (lower > 0) + (upper > 0) + (digit > 0) + (other > 0);
        return classes >= 2 && (digit > 0 || other > 0);
    }
};

} // namespace

std::unique_ptr<Detector> makePrivateKeyDetector() { return std::make_unique<PrivateKeyDetector>(); }
std::unique_ptr<Detector> makeAwsAccessKeyDetector() { return std::make_unique<AwsAccessKeyDetector>(); }
std::unique_ptr<Detector> makeGithubTokenDetector() { return std::make_unique<GithubTokenDetector>(); }
std::unique_ptr<Detector> makeSlackTokenDetector() { return std::make_unique<SlackTokenDetector>(); }
std::unique_ptr<Detector> makeAzureStorageKeyDetector() { return std::make_unique<AzureStorageKeyDetector>(); }
std::unique_ptr<Detector> makeJwtDetector() { return std::make_unique<JwtDetector>(); }
std::unique_ptr<Detector> makePasswordDetector() { return std::make_unique<PasswordDetector>(); }

} // namespace ledger::detect
