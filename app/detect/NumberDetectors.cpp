#include "app/detect/NumberDetectors.h"
#include "app/detect/Checksums.h"

using namespace Qt::StringLiterals;

namespace ledger::detect {

namespace {

// A printed number: digit groups separated by single spaces or dashes (one kind per number).
struct DigitRun {
    qsizetype start = 0, end = 0;      // [start, end) in the text
    QList<int> groupSizes;
    QString digits;
    bool partOfLarger = false;         // touches letters, a '+' (phone), or a decimal/date/time/path
};

bool isRunSeparator(QChar c) { return c == u' ' || c == u'-'; }
bool isJoiner(QChar c) { return c == u'.' || c == u',' || c == u'/' || c == u':'; }

DigitRun readRun(const QString &s, qsizetype i)
{
    DigitRun r;
    r.start = i;
    QChar sep;
    int group = 0;
    qsizetype j = i;
    while (j < s.size()) {
        if (isAsciiDigit(s.at(j))) {
            r.digits += s.at(j);
            ++group;
            ++j;
            continue;
        }
        if (group > 0 && isRunSeparator(s.at(j)) && j + 1 < s.size() && isAsciiDigit(s.at(j + 1))
            && (sep.isNull() || sep == s.at(j))) {
            sep = s.at(j);
            r.groupSizes << group;
            group = 0;
            ++j;
            continue;
        }
        break;
    }
    r.groupSizes << group;
    r.end = j;
    const QChar before = i > 0 ? s.at(i - 1) : QChar();
    const QChar after = j < s.size() ? s.at(j) : QChar();
    r.partOfLarger = isWordChar(before) || before == u'+' || isWordChar(after)
        || (i >= 2 && isJoiner(before) && isAsciiDigit(s.at(i - 2)))
        || (j + 1 < s.size() && isJoiner(after) && isAsciiDigit(s.at(j + 1)))
        || (i >= 2 && isRunSeparator(before) && isAsciiDigit(s.at(i - 2)));
    return r;
}

// Calls f(run) for every digit run of the text.
template <typename F>
void forEachRun(const QString &s, F f)
{
    qsizetype i = 0;
    while (i < s.size()) {
        if (!isAsciiDigit(s.at(i)) || wordCharAt(s, i - 1)) {
            ++i;
            continue;
        }
        const DigitRun r = readRun(s, i);
        if (!r.partOfLarger)
            f(r);
        i = qMax(r.end, i + 1);
    }
}

class CreditCardDetector final : public Detector {
public:
    QString name() const override { return u"credit_card"_s; }
    QString description() const override { return u"Payment card number (Luhn check, known issuer prefix)"_s; }
    void scan(const QString &text, QList<Match> &out) const override
    {
        forEachRun(text, [&](const DigitRun &r) {
            if (r.digits.size() < 13 || r.digits.size() > 19)
                return;
            for (int g : r.groupSizes)
                if (r.groupSizes.size() > 1 && g < 3)
                    return;
            if (luhnValid(r.digits) && !cardIssuer(r.digits).isEmpty())
                out << Match{r.digits, r.start, r.end - r.start};
        });
    }
};

class IbanDetector final : public Detector {
public:
    QString name() const override { return u"iban"_s; }
    QString description() const override { return u"IBAN (registry length for the country, mod-97 check)"_s; }
    void scan(const QString &text, QList<Match> &out) const override
    {
        const qsizetype n = text.size();
        for (qsizetype i = 0; i + 15 <= n; ++i) {
            // Cheap checks first (this runs at every letter): two ASCII letters, two digits.
            const QChar c0 = text.at(i), c1 = text.at(i + 1);
            if (!isAsciiAlnum(c0) || isAsciiDigit(c0) || !isAsciiAlnum(c1) || isAsciiDigit(c1)
                || !isAsciiDigit(text.at(i + 2)) || !isAsciiDigit(text.at(i + 3)) || wordCharAt(text, i - 1))
                continue;
            const QString country = text.mid(i, 2).toUpper();
            const int length = ibanLength(country);
            if (length == 0)
                continue;
            // Collect alphanumerics, allowing single spaces between groups, up to the length.
            QString iban;
            qsizetype j = i;
            while (j < n && iban.size() < length) {
                const QChar c = text.at(j);
                if (isAsciiAlnum(c)) {
                    iban += c.toUpper();
                    ++j;
                } else if (c == u' ' && j > i && isAsciiAlnum(text.at(j - 1)) && j + 1 < n && isAsciiAlnum(text.at(j + 1))) {
                    ++j;
                } else {
                    break;
                }
            }
            if (iban.size() != length || wordCharAt(text, j) || !ibanValid(iban))
                continue;
            out << Match{iban, i, j - i};
            i = j - 1;
        }
    }
};

bool keywordBefore(const QString &text, qsizetype pos, const QStringList &keywords, int window)
{
    const QString before = text.mid(qMax<qsizetype>(0, pos - window), qMin<qsizetype>(pos, window)).toLower();
    for (const QString &k : keywords) {
        qsizetype at = before.indexOf(k);
        while (at >= 0) {
            if (!wordCharAt(before, at - 1) && !wordCharAt(before, at + k.size()))
                return true;
            at = before.indexOf(k, at + 1);
        }
    }
    return false;
}

class UsSsnDetector final : public Detector {
public:
    QString name() const override { return u"us_ssn"_s; }
    QString description() const override
    {
        return u"US Social Security number (area/group/serial rules; a keyword nearby when printed without dashes)"_s;
    }
    void scan(const QString &text, QList<Match> &out) const override
    {
        static const QStringList keywords = {u"ssn"_s, u"ssns"_s, u"ss#"_s, u"social security"_s, u"soc sec"_s,
                                             u"ss no"_s, u"ssn#"_s};
        forEachRun(text, [&](const DigitRun &r) {
            if (r.digits.size() != 9 || !ssnValid(r.digits))
                return;
            const bool delimited = r.groupSizes == QList<int>{3, 2, 4};
            if (delimited || (r.groupSizes.size() == 1 && keywordBefore(text, r.start, keywords, 40)))
                out << Match{r.digits, r.start, r.end - r.start};
        });
    }
};

class UkNinoDetector final : public Detector {
public:
    QString name() const override { return u"uk_nino"_s; }
    QString description() const override { return u"UK National Insurance number (HMRC prefix rules, suffix A–D)"_s; }
    void scan(const QString &text, QList<Match> &out) const override
    {
        const qsizetype n = text.size();
        for (qsizetype i = 0; i + 9 <= n; ++i) {
            if (!isAsciiUpper(text.at(i)) || wordCharAt(text, i - 1) || !isAsciiUpper(text.at(i + 1)))
                continue;
            // AB123456C, AB 12 34 56 C
            QString nino = text.mid(i, 2);
            qsizetype j = i + 2;
            const bool spaced = j < n && text.at(j) == u' ';
            bool ok = true;
            for (int pair = 0; pair < 3 && ok; ++pair) {
                if (spaced) {
                    ok = j < n && text.at(j) == u' ';
                    ++j;
                }
                ok = ok && j + 1 < n && isAsciiDigit(text.at(j)) && isAsciiDigit(text.at(j + 1));
                if (ok) {
                    nino += text.mid(j, 2);
                    j += 2;
                }
            }
            if (!ok)
                continue;
            if (spaced && j < n && text.at(j) == u' ')
                ++j;
            if (j >= n || !isAsciiUpper(text.at(j)))
                continue;
            nino += text.at(j);
            ++j;
            if (wordCharAt(text, j) || !ninoValid(nino))
                continue;
            out << Match{nino, i, j - i};
            i = j - 1;
        }
    }
};

class DeTaxIdDetector final : public Detector {
public:
    QString name() const override { return u"de_tax_id"_s; }
    QString description() const override
    {
        return u"German tax ID (Steuer-ID: digit-repetition rule, ISO 7064 MOD 11,10 check digit)"_s;
    }
    void scan(const QString &text, QList<Match> &out) const override
    {
        forEachRun(text, [&](const DigitRun &r) {
            if (r.digits.size() != 11)
                return;
            const bool layout = r.groupSizes.size() == 1 || r.groupSizes == QList<int>{2, 3, 3, 3};
            if (layout && deTaxIdValid(r.digits))
                out << Match{r.digits, r.start, r.end - r.start};
        });
    }
};

} // namespace

std::unique_ptr<Detector> makeCreditCardDetector() { return std::make_unique<CreditCardDetector>(); }
std::unique_ptr<Detector> makeIbanDetector() { return std::make_unique<IbanDetector>(); }
std::unique_ptr<Detector> makeUsSsnDetector() { return std::make_unique<UsSsnDetector>(); }
std::unique_ptr<Detector> makeUkNinoDetector() { return std::make_unique<UkNinoDetector>(); }
std::unique_ptr<Detector> makeDeTaxIdDetector() { return std::make_unique<DeTaxIdDetector>(); }

} // namespace ledger::detect
