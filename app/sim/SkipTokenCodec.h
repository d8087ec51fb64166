#pragma once
// Opaque $skiptoken values: the offset is encrypted (XOR with an HMAC keystream) and
// authenticated (HMAC-SHA256, truncated) together with the query it belongs to, so a tampered,
// foreign or made-up token is rejected with 400 like Graph does.
#include <QByteArray>
#include <QString>
#include <optional>

namespace ledger::sim {

class SkipTokenCodec {
public:
    explicit SkipTokenCodec(const QByteArray &key = {});
    // context: what the token is valid for (e.g. "users" or "<userId>|<filter>").
    QString encode(const QString &context, qint64 offset);
    std::optional<qint64> decode(const QString &context, const QString &token) const;

private:
    QByteArray m_key;
    quint64 m_nonce = 0;
};

} // namespace ledger::sim
