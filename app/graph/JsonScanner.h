#pragma once
// A small, strict JSON scanner that finds the exact bytes of each element of a top-level
// object's array member (e.g. "value" of a Graph collection page) without re-serialising them,
// so archives keep every object exactly as Graph returned it.
#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <optional>

namespace ledger {

class JsonScanner {
public:
    // The raw bytes (whitespace-trimmed) of each element of the array `member` of the top-level
    // object in `json`. nullopt when the text is not a well-formed object of that shape or the
    // member is missing / not an array. An empty array gives an empty list.
    static std::optional<QList<QByteArray>> arrayElements(const QByteArray &json, QByteArrayView member);

private:
    explicit JsonScanner(const QByteArray &json) : m_s(json) {}
    bool skipWs();
    bool scanString(QByteArray *decoded);   // at '"'; decoded may be null
    bool scanValue(int depth);
    template <typename Item>
    bool scanItems(bool decodeKeys, Item &&item);
    bool scanLiteral();
    bool scanNumber();
    qsizetype skipDigits();   // past ASCII digits; how many
    const QByteArray &m_s;
    qsizetype m_pos = 0;
};

} // namespace ledger
