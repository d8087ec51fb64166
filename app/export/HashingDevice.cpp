#include "app/export/HashingDevice.h"

namespace ledger {

HashingDevice::HashingDevice(QIODevice *target) : m_target(target)
{
    open(QIODevice::WriteOnly | QIODevice::Unbuffered);
}

qint64 HashingDevice::writeData(const char *data, qint64 len)
{
    const qint64 n = m_target->write(data, len);
    if (n != len) {
        setErrorString(m_target->errorString());
        return -1;
    }
    m_hash.addData(QByteArrayView(data, len));
    m_bytes += len;
    return n;
}

} // namespace ledger
