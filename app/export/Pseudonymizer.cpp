#include "app/export/Pseudonymizer.h"
#include "app/archive/Archive.h"

#include <QSqlDatabase>
#include <QSqlQuery>

#include <QMessageAuthenticationCode>
#include <QRandomGenerator>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace ledger {

namespace {

constexpr int kPseudonymHexDigits = 12;
// Identities shorter than this are not searched for in free text (an id "1" would replace every 1).
constexpr qsizetype kShortestPattern = 4;

inline bool isWordChar(QChar c) { return c.isLetterOrNumber(); }

QString hmacHex(const QByteArray &key, const QByteArray &message)
{
    return QString::fromLatin1(
        QMessageAuthenticationCode::hash(message, key, QCryptographicHash::Sha256).toHex().left(kPseudonymHexDigits));
}

} // namespace

Pseudonymizer::Pseudonymizer(const QByteArray &key, const QList<User> &users) : m_key(key), m_users(users)
{
    m_pseudonyms.reserve(m_users.size());
    for (int k = 0; k < m_users.size(); ++k) {
        const User &u = m_users.at(k);
        m_pseudonyms << pseudonymFor(m_key, u.id);
        m_byId.insert(u.id, k);
        for (const QString &name : {u.id, u.userPrincipalName, u.mail}) {
            if (name.isEmpty())
                continue;
            m_byLowerName.insert(name.toLower(), k);
            addPattern(name, k);
            // OneDrive and SharePoint write a UPN into URLs with '@' and '.' as '_'
            // (…/personal/alice_contoso_com/…).
            if (name == u.id && name.contains(u'-'))
                addPattern(QString(name).remove(u'-'), k);   // a GUID written without dashes
            if (name.contains(u'@')) {
                QString underscored = name;
                underscored.replace(u'@', u'_').replace(u'.', u'_');
                addPattern(underscored, k);
            }
        }
    }
}

Pseudonymizer Pseudonymizer::fromArchive(const QByteArray &key, const Archive &archive, bool *ok)
{
    if (ok)
        *ok = false;
    QSqlQuery q(QSqlDatabase::database(archive.connectionName(), false));
    q.setForwardOnly(true);
    if (!q.exec(u"SELECT id, upn, display_name, mail FROM users ORDER BY id"_s))
        return {};
    QList<User> users;
    while (q.next()) {
        User u;
        u.id = q.value(0).toString();
        u.userPrincipalName = q.value(1).toString();
        u.displayName = q.value(2).toString();
        u.mail = q.value(3).toString();
        users << u;
    }
    if (ok)
        *ok = true;
    return Pseudonymizer(key, users);
}

void Pseudonymizer::addPattern(const QString &text, int user)
{
    if (text.size() < kShortestPattern || !isWordChar(text.front()))
        return;
    qsizetype end = 0;
    while (end < text.size() && isWordChar(text.at(end)))
        ++end;
    m_byFirstWord[text.left(end).toLower()].append(Pattern{text.toLower(), user});
}

QString Pseudonymizer::pseudonymFor(const QByteArray &key, const QString &userId)
{
    return u"user-"_s + hmacHex(key, userId.toUtf8());
}

QByteArray Pseudonymizer::newKey()
{
    QByteArray key(kKeyBytes, Qt::Uninitialized);
    QRandomGenerator::system()->generate(reinterpret_cast<quint32 *>(key.data()),
                                         reinterpret_cast<quint32 *>(key.data() + key.size()));
    return key;
}

QString Pseudonymizer::pseudonymOfIndex(int user) const
{
    m_usedUsers.insert(user);
    return m_pseudonyms.at(user);
}

QString Pseudonymizer::userPseudonym(const QString &userId) const
{
    if (!isActive() || userId.isEmpty())
        return userId;
    if (const auto it = m_byId.constFind(userId); it != m_byId.constEnd())
        return pseudonymOfIndex(*it);
    return pseudonymFor(m_key, userId);   // not in the users table (yet)
}

QString Pseudonymizer::nameCell(const QString &userId, const QString &value) const
{
    if (!isActive() || value.isEmpty())
        return value;
    return userPseudonym(userId);
}

QString Pseudonymizer::reviewerPseudonym(const QString &operatorName) const
{
    if (!isActive() || operatorName.isEmpty())
        return operatorName;
    const QString p = u"reviewer-"_s + hmacHex(m_key, (u"reviewer:"_s + operatorName).toUtf8());
    m_usedReviewers.insert(p, operatorName);
    return p;
}

QString Pseudonymizer::pseudonymOfName(const QString &given) const
{
    if (!isActive() || given.isEmpty())
        return given;
    const QString lower = given.trimmed().toLower();
    if (const auto it = m_byLowerName.constFind(lower); it != m_byLowerName.constEnd())
        return pseudonymOfIndex(*it);
    return u"user-"_s + hmacHex(m_key, lower.toUtf8());
}

QString Pseudonymizer::scrub(const QString &text) const
{
    if (!isActive() || text.size() < kShortestPattern || m_byFirstWord.isEmpty())
        return text;
    QString out;
    qsizetype copied = 0;
    const qsizetype n = text.size();
    QString word;
    qsizetype i = 0;
    while (i < n) {
        if (!isWordChar(text.at(i))) {
            ++i;
            continue;
        }
        qsizetype j = i;
        while (j < n && isWordChar(text.at(j)))
            ++j;
        word = QStringView(text).mid(i, j - i).toString().toLower();
        const auto it = m_byFirstWord.constFind(word);
        qsizetype bestLength = 0;
        int bestUser = -1;
        if (it != m_byFirstWord.constEnd()) {
            for (const Pattern &p : *it) {
                const qsizetype len = p.text.size();
                if (len <= bestLength || len > n - i)
                    continue;
                if (QStringView(text).mid(i, len).compare(p.text, Qt::CaseInsensitive) != 0)
                    continue;
                // A whole word: the match does not continue into letters or digits.
                if (i + len < n && isWordChar(p.text.back()) && isWordChar(text.at(i + len)))
                    continue;
                bestLength = len;
                bestUser = p.user;
            }
        }
        if (bestUser < 0) {
            i = j;
            continue;
        }
        out += QStringView(text).mid(copied, i - copied);
        out += pseudonymOfIndex(bestUser);
        i += bestLength;
        copied = i;
    }
    if (copied == 0)
        return text;
    out += QStringView(text).mid(copied);
    return out;
}

QList<Pseudonymizer::MapEntry> Pseudonymizer::usedEntries() const
{
    QList<MapEntry> out;
    for (int k : m_usedUsers) {
        const User &u = m_users.at(k);
        out << MapEntry{m_pseudonyms.at(k), u.id, u.userPrincipalName, u.displayName};
    }
    for (auto it = m_usedReviewers.constBegin(); it != m_usedReviewers.constEnd(); ++it)
        out << MapEntry{it.key(), QString(), QString(), it.value()};
    std::sort(out.begin(), out.end(), [](const MapEntry &a, const MapEntry &b) { return a.pseudonym < b.pseudonym; });
    return out;
}

QStringList Pseudonymizer::mapHeader()
{
    return {u"pseudonym"_s, u"user_id"_s, u"user_principal_name"_s, u"user_display_name"_s};
}

} // namespace ledger
