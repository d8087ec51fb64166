#include "app/detect/Checksums.h"

#include <QHash>

using namespace Qt::StringLiterals;

namespace ledger::detect {

namespace {

bool allDigits(const QString &s)
{
    for (QChar c : s)
        if (c.unicode() < u'0' || c.unicode() > u'9')
            return false;
    return !s.isEmpty();
}

int prefixValue(const QString &digits, int n) { return digits.left(n).toInt(); }

} // namespace

bool luhnValid(const QString &digits)
{
    if (!allDigits(digits))
        return false;
    int sum = 0;
    bool twice = false;
    for (qsizetype i = digits.size() - 1; i >= 0; --i) {
        int d = digits.at(i).unicode() - u'0';
        if (twice) {
            d *= 2;
            if (d > 9)
                d -= 9;
        }
        sum += d;
        twice = !twice;
    }
    return sum % 10 == 0;
}

QString cardIssuer(const QString &digits)
{
    const qsizetype n = digits.size();
    if (!allDigits(digits) || n < 12)
        return QString();
    const int p2 = prefixValue(digits, 2), p3 = prefixValue(digits, 3), p4 = prefixValue(digits, 4),
              p6 = prefixValue(digits, 6);
    if (digits.front() == u'4' && (n == 13 || n == 16 || n == 19))
        return u"visa"_s;
    if (((p2 >= 51 && p2 <= 55) || (p4 >= 2221 && p4 <= 2720)) && n == 16)
        return u"mastercard"_s;
    if ((p2 == 34 || p2 == 37) && n == 15)
        return u"amex"_s;
    if ((p4 == 6011 || (p3 >= 644 && p3 <= 649) || p2 == 65 || (p6 >= 622126 && p6 <= 622925)) && n >= 16 && n <= 19)
        return u"discover"_s;
    if (p4 >= 3528 && p4 <= 3589 && n >= 16 && n <= 19)
        return u"jcb"_s;
    if (((p3 >= 300 && p3 <= 305) || p2 == 36 || p2 == 38 || p2 == 39) && n >= 14 && n <= 19)
        return u"diners"_s;
    if ((p2 == 62 || p2 == 81) && n >= 16 && n <= 19)
        return u"unionpay"_s;
    return QString();
}

int ibanLength(const QString &countryCode)
{
    // The SWIFT IBAN registry: every country with an IBAN (89) and its total length.
    static const QHash<QString, int> lengths = {
        {u"AD"_s, 24}, {u"AE"_s, 23}, {u"AL"_s, 28}, {u"AT"_s, 20}, {u"AZ"_s, 28}, {u"BA"_s, 20}, {u"BE"_s, 16},
        {u"BG"_s, 22}, {u"BH"_s, 22}, {u"BI"_s, 27}, {u"BR"_s, 29}, {u"BY"_s, 28}, {u"CH"_s, 21}, {u"CR"_s, 22},
        {u"CY"_s, 28}, {u"CZ"_s, 24}, {u"DE"_s, 22}, {u"DJ"_s, 27}, {u"DK"_s, 18}, {u"DO"_s, 28}, {u"EE"_s, 20},
        {u"EG"_s, 29}, {u"ES"_s, 24}, {u"FI"_s, 18}, {u"FK"_s, 18}, {u"FO"_s, 18}, {u"FR"_s, 27}, {u"GB"_s, 22},
        {u"GE"_s, 22}, {u"GI"_s, 23}, {u"GL"_s, 18}, {u"GR"_s, 27}, {u"GT"_s, 28}, {u"HN"_s, 28}, {u"HR"_s, 21},
        {u"HU"_s, 28}, {u"IE"_s, 22}, {u"IL"_s, 23}, {u"IQ"_s, 23}, {u"IS"_s, 26}, {u"IT"_s, 27}, {u"JO"_s, 30},
        {u"KW"_s, 30}, {u"KZ"_s, 20}, {u"LB"_s, 28}, {u"LC"_s, 32}, {u"LI"_s, 21}, {u"LT"_s, 20}, {u"LU"_s, 20},
        {u"LV"_s, 21}, {u"LY"_s, 25}, {u"MC"_s, 27}, {u"MD"_s, 24}, {u"ME"_s, 22}, {u"MK"_s, 19}, {u"MN"_s, 20},
        {u"MR"_s, 27}, {u"MT"_s, 31}, {u"MU"_s, 30}, {u"NI"_s, 28}, {u"NL"_s, 18}, {u"NO"_s, 15}, {u"OM"_s, 23},
        {u"PK"_s, 24}, {u"PL"_s, 28}, {u"PS"_s, 29}, {u"PT"_s, 25}, {u"QA"_s, 29}, {u"RO"_s, 24}, {u"RS"_s, 22},
        {u"RU"_s, 33}, {u"SA"_s, 24}, {u"SC"_s, 31}, {u"SD"_s, 18}, {u"SE"_s, 24}, {u"SI"_s, 19}, {u"SK"_s, 24},
        {u"SM"_s, 27}, {u"SO"_s, 23}, {u"ST"_s, 25}, {u"SV"_s, 28}, {u"TL"_s, 23}, {u"TN"_s, 24}, {u"TR"_s, 26},
        {u"UA"_s, 29}, {u"VA"_s, 22}, {u"VG"_s, 24}, {u"XK"_s, 20}, {u"YE"_s, 30},
    };
    return lengths.value(countryCode, 0);
}

bool ibanValid(const QString &iban)
{
    if (iban.size() < 15 || ibanLength(iban.left(2)) != iban.size())
        return false;
    const int check = iban.mid(2, 2).toInt();
    if (!iban.at(2).isDigit() || !iban.at(3).isDigit() || check < 2 || check > 98)
        return false;
    // Move the first four characters to the end, letters → 10..35, remainder mod 97 must be 1.
    const QString rearranged = iban.mid(4) + iban.left(4);
    int rem = 0;
    for (QChar c : rearranged) {
        const char16_t u = c.unicode();
        if (u >= u'0' && u <= u'9') {
            rem = (rem * 10 + (u - u'0')) % 97;
        } else if (u >= u'A' && u <= u'Z') {
            rem = (rem * 100 + (u - u'A' + 10)) % 97;
        } else {
            return false;
        }
    }
    return rem == 1;
}

bool ssnValid(const QString &digits)
{
    if (digits.size() != 9 || !allDigits(digits))
        return false;
    const int area = digits.left(3).toInt(), group = digits.mid(3, 2).toInt(), serial = digits.right(4).toInt();
    if (area == 0 || area == 666 || area >= 900 || group == 0 || serial == 0)
        return false;
    // Published on a wallet insert and in advertising, then voided by the SSA.
    return digits != u"078051120" && digits != u"219099999" && digits != u"123456789";
}

bool ninoValid(const QString &nino)
{
    if (nino.size() != 9)
        return false;
    const QChar a = nino.at(0), b = nino.at(1), suffix = nino.at(8);
    auto upper = [](QChar c) { return c.unicode() >= u'A' && c.unicode() <= u'Z'; };
    if (!upper(a) || !upper(b) || !allDigits(nino.mid(2, 6)))
        return false;
    if (QStringView(u"DFIQUV").contains(a) || QStringView(u"DFIOQUV").contains(b))
        return false;
    static const QStringList banned = {u"BG"_s, u"GB"_s, u"KN"_s, u"NK"_s, u"NT"_s, u"TN"_s, u"ZZ"_s};
    if (banned.contains(nino.left(2)))
        return false;
    return suffix.unicode() >= u'A' && suffix.unicode() <= u'D';
}

int deTaxIdCheckDigit(const QString &firstTen)
{
    int product = 10;
    for (QChar c : firstTen) {
        int sum = (c.unicode() - u'0' + product) % 10;
        if (sum == 0)
            sum = 10;
        product = (sum * 2) % 11;
    }
    const int check = 11 - product;
    return check == 10 ? 0 : check;
}

bool deTaxIdValid(const QString &digits)
{
    if (digits.size() != 11 || !allDigits(digits) || digits.front() == u'0')
        return false;
    int counts[10] = {};
    for (qsizetype i = 0; i < 10; ++i)
        ++counts[digits.at(i).unicode() - u'0'];
    int repeated = -1;
    for (int d = 0; d < 10; ++d) {
        if (counts[d] > 3)
            return false;
        if (counts[d] >= 2) {
            if (repeated >= 0)
                return false;   // more than one digit repeats
            repeated = d;
        }
    }
    if (repeated < 0)
        return false;
    if (counts[repeated] == 3) {
        const QChar r = QChar(u'0' + repeated);
        for (qsizetype i = 0; i + 2 < 10; ++i)
            if (digits.at(i) == r && digits.at(i + 1) == r && digits.at(i + 2) == r)
                return false;
    }
    return deTaxIdCheckDigit(digits.left(10)) == digits.at(10).unicode() - u'0';
}

} // namespace ledger::detect
