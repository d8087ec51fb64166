#pragma once
// A write-only pass-through device that forwards every byte to a target device and hashes it
// (SHA-256), so the export can write SHA256SUMS without reading its files back.
#include <QCryptographicHash>
#include <QIODevice>

namespace ledger {

class HashingDevice : public QIODevice {
public:
    explicit HashingDevice(QIODevice *target);
    QByteArray hexDigest() const { return m_hash.result().toHex(); }
    qint64 bytesWritten() const { return m_bytes; }
protected:
    qint64 readData(char *, qint64) override { return -1; }
    qint64 writeData(const char *data, qint64 len) override;
private:
    QIODevice *m_target;
    QCryptographicHash m_hash{QCryptographicHash::Sha256};
    qint64 m_bytes = 0;
};

} // namespace ledger
