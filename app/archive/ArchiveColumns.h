#pragma once
// How the archive stores times and interaction types in its columns (UTC milliseconds since the
// epoch, NULL for no time; 1 prompt, 2 response, 0 unknown), for every module that reads or
// writes archive tables (review, saved searches, the activity log).
#include "app/model/Interaction.h"

#include <QDateTime>
#include <QMetaType>
#include <QVariant>

namespace ledger {

inline QVariant timeValue(const QDateTime &t)
{
    return t.isValid() ? QVariant(t.toMSecsSinceEpoch()) : QVariant(QMetaType(QMetaType::LongLong));
}
inline QDateTime timeFromValue(const QVariant &v)
{
    return v.isNull() ? QDateTime() : QDateTime::fromMSecsSinceEpoch(v.toLongLong(), Qt::UTC);
}
inline int typeCode(InteractionType t)
{
    return t == InteractionType::UserPrompt ? 1 : t == InteractionType::AiResponse ? 2 : 0;
}
inline InteractionType typeFromCode(int c)
{
    return c == 1 ? InteractionType::UserPrompt : c == 2 ? InteractionType::AiResponse : InteractionType::Unknown;
}

} // namespace ledger
