#pragma once
// The checksum and structure tests behind the number detectors (pure functions; public so that
// tests and new detectors can use them).
#include <QString>

namespace ledger::detect {

// Luhn (mod 10) over a string of ASCII digits; false for anything else.
bool luhnValid(const QString &digits);
// The card network for a digit string of a valid length for that network, or "" when no
// known issuer prefix matches: visa, mastercard (51–55 and 2221–2720), amex, discover, jcb,
// diners, unionpay.
QString cardIssuer(const QString &digits);

// The IBAN length of a country in the SWIFT IBAN registry (0 = not an IBAN country).
int ibanLength(const QString &countryCode);
// A normalised IBAN (upper case, no spaces): registry length for its country, check digits
// 02–98, BBAN alphanumeric, ISO 7064 MOD 97-10 remainder 1.
bool ibanValid(const QString &iban);

// US Social Security number rules on 9 ASCII digits: area not 000, 666 or 900–999; group not
// 00; serial not 0000; not one of the numbers voided after being published.
bool ssnValid(const QString &digits);

// UK National Insurance number, normalised (AB123456C): prefix letters allowed by HMRC
// (first not D F I Q U V, second not D F I O Q U V, not BG GB KN NK NT TN ZZ), six digits,
// suffix A–D.
bool ninoValid(const QString &nino);

// German Steuerliche Identifikationsnummer on 11 ASCII digits: first digit not 0; in the first
// ten digits exactly one digit occurs twice or three times (three times never in a row) and the
// others at most once; check digit by ISO 7064 MOD 11,10.
bool deTaxIdValid(const QString &digits);
int deTaxIdCheckDigit(const QString &firstTenDigits);

} // namespace ledger::detect
