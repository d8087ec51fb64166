#pragma once
// Pseudonymised exports (docs/EXPORT-FORMAT.md "Pseudonymised exports"): every user of the tenant
// gets a stable pseudonym, "user-" + the first 12 hex digits of HMAC-SHA-256(user id) under the
// profile's pseudonym key (kept in the OS keychain, export/PseudonymKeyStore.h). The same key gives
// the same pseudonyms in every export of that profile.
//
// Writers (the export folder's CSVs, transcripts) call:
//   userPseudonym(id)   for a name column (user id, UPN, display name, mail) of that user;
//   scrub(text)         for every other text: each user id, UPN and mail of the tenant in it (whole
//                       words, any case; also a UPN as OneDrive writes it in URLs, alice_contoso_com)
//                       is replaced by that user's pseudonym. Names typed as words are NOT found.
//   reviewerPseudonym() for an operator (OS account) of the review workflow.
// An inactive Pseudonymizer (default-constructed) returns everything unchanged. Not thread-safe
// (it remembers which pseudonyms it handed out, for the pseudonym map).
#include "app/model/User.h"
#include <QByteArray>
#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

namespace ledger {

class Archive;

class Pseudonymizer {
public:
    static constexpr int kKeyBytes = 32;

    Pseudonymizer() = default;
    // users: every user of the tenant (the archive's users table), so that any of them is found
    // in the text, not only the exported ones.
    Pseudonymizer(const QByteArray &key, const QList<User> &users);
    // The same with every user of the archive's users table. *ok (when given) is false when the
    // table could not be read (the result is then inactive: never write such an export).
    static Pseudonymizer fromArchive(const QByteArray &key, const Archive &archive, bool *ok = nullptr);

    bool isActive() const { return !m_key.isEmpty(); }

    // "user-" + 12 lowercase hex digits of HMAC-SHA-256(key, UTF-8 of the user id).
    static QString pseudonymFor(const QByteArray &key, const QString &userId);
    static QByteArray newKey();   // kKeyBytes from the system's random source

    // The user's pseudonym (active), else userId unchanged. Empty stays empty.
    QString userPseudonym(const QString &userId) const;
    // For a name column of the user `userId` whose cell is `value`: the pseudonym when the cell is
    // not empty (active), else the value unchanged.
    QString nameCell(const QString &userId, const QString &value) const;
    // "reviewer-" + 12 hex digits of HMAC-SHA-256(key, "reviewer:" + name) (active); empty stays empty.
    QString reviewerPseudonym(const QString &operatorName) const;
    // Known identities in free text replaced by pseudonyms (active); text unchanged otherwise.
    QString scrub(const QString &text) const;
    // A user given as the user asked for it (UPN, id or mail, any case): that user's pseudonym;
    // unknown text gets a pseudonym of its own (HMAC of the lower-cased text).
    QString pseudonymOfName(const QString &given) const;

    // The pseudonym map (docs/EXPORT-FORMAT.md): one entry per pseudonym handed out so far.
    struct MapEntry {
        QString pseudonym, userId, userPrincipalName, displayName;
    };
    QList<MapEntry> usedEntries() const;   // sorted by pseudonym
    static QStringList mapHeader();        // pseudonym,user_id,user_principal_name,user_display_name

private:
    struct Pattern {
        QString text;      // lower case
        int user = -1;     // index into m_users
    };
    void addPattern(const QString &text, int user);
    QString pseudonymOfIndex(int user) const;

    QByteArray m_key;
    QList<User> m_users;
    QStringList m_pseudonyms;                 // per user, index as m_users
    QHash<QString, int> m_byId;               // user id (as stored) → index
    QHash<QString, int> m_byLowerName;        // lower-cased id, UPN, mail → index
    // Patterns by their first run of letters and digits (lower case): a text is scanned word by
    // word, and only words that start a pattern are compared further.
    QHash<QString, QList<Pattern>> m_byFirstWord;
    mutable QSet<int> m_usedUsers;
    mutable QHash<QString, QString> m_usedReviewers;   // pseudonym → operator
};

} // namespace ledger
