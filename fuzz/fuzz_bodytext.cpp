// libFuzzer target: message bodies to plain text (app/model/BodyText). The first byte picks the
// entry point: 0 HTML body, 1 Adaptive Card JSON, 2 a whole interaction object (body plus
// attachments, the path the archive takes); the rest is the text (UTF-8, invalid bytes allowed).
#include "app/model/BodyText.h"

#include <QJsonDocument>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const QByteArray bytes(reinterpret_cast<const char *>(data) + 1, qsizetype(size - 1));
    switch (data[0] % 3) {
    case 0:
        (void)ledger::BodyText::htmlToPlainText(QString::fromUtf8(bytes));
        break;
    case 1:
        (void)ledger::BodyText::adaptiveCardText(QString::fromUtf8(bytes));
        break;
    default: {
        const QJsonDocument doc = QJsonDocument::fromJson(bytes);
        if (doc.isObject())
            (void)ledger::BodyText::interactionText(doc.object());
        break;
    }
    }
    return 0;
}
