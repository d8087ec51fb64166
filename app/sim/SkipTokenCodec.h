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
    // Deterministic: the same context and offset give the same token.
    QString encode(const QString &context, qint64 offset) const;
    std::optional<qint64> decode(const QString &context, const QString &token) const;

private:
    QByteArray m_key;
};

} // namespace ledger::sim
