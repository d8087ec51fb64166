#include "app/sim/SkipTokenCodec.h"

#include <QMessageAuthenticationCode>
#include <QtEndian>

namespace ledger::sim {

namespace {
constexpr int NonceSize = 8;
constexpr int PayloadSize = 8;
constexpr int MacSize = 16;

QByteArray hmac(const QByteArray &key, const QByteArray &data)
{
    return QMessageAuthenticationCode::hash(data, key, QCryptographicHash::Sha256);
}
} // namespace

SkipTokenCodec::SkipTokenCodec(const QByteArray &key)
    : m_key(key.isEmpty() ? QByteArrayLiteral("copilot-ledger-demo") : key)
{
}

QString SkipTokenCodec::encode(const QString &context, qint64 offset) const
{
    QByteArray payload(PayloadSize, '\0');
    qToBigEndian<qint64>(offset, payload.data());
    // Derived from what the token stands for: the same page always gets the same link, so
    // per-URL fault injection does not depend on the order in which pages were requested.
    const QByteArray nonce = hmac(m_key, QByteArray("nonce" + payload + context.toUtf8())).left(NonceSize);
    const QByteArray stream = hmac(m_key, QByteArray("enc" + nonce));
    for (int i = 0; i < PayloadSize; ++i)
        payload[i] = char(payload[i] ^ stream[i]);
    const QByteArray mac = hmac(m_key, QByteArray("mac" + nonce + payload + context.toUtf8())).left(MacSize);
    // Graph's tokens start with a short marker; keep that look (and URL-safe alphabet).
    return QStringLiteral("RFNwdAIA")
        + QString::fromLatin1(QByteArray(nonce + payload + mac).toBase64(QByteArray::Base64UrlEncoding
                                                               | QByteArray::OmitTrailingEquals));
}

std::optional<qint64> SkipTokenCodec::decode(const QString &context, const QString &token) const
{
    if (!token.startsWith(u"RFNwdAIA"))
        return std::nullopt;
    const auto decoded = QByteArray::fromBase64Encoding(
        token.mid(8).toLatin1(),
        QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.size() != NonceSize + PayloadSize + MacSize)
        return std::nullopt;
    const QByteArray nonce = decoded.decoded.left(NonceSize);
    QByteArray payload = decoded.decoded.mid(NonceSize, PayloadSize);
    const QByteArray mac = decoded.decoded.right(MacSize);
    if (hmac(m_key, QByteArray("mac" + nonce + payload + context.toUtf8())).left(MacSize) != mac)
        return std::nullopt;
    const QByteArray stream = hmac(m_key, QByteArray("enc" + nonce));
    for (int i = 0; i < PayloadSize; ++i)
        payload[i] = char(payload[i] ^ stream[i]);
    const qint64 offset = qFromBigEndian<qint64>(payload.constData());
    if (offset < 0)
        return std::nullopt;
    return offset;
}

} // namespace ledger::sim
