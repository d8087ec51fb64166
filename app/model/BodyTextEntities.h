#pragma once
// HTML5 named character references: the whole WHATWG list, generated into BodyTextEntities.cpp by
// resources/html-entities/generate-html-entities.py.
#include <QString>

namespace ledger::BodyText {

// name: ASCII, with its ';' if any ("eacute;", "amp"). True and *decoded set when it is an entity.
bool namedEntity(const char *name, QString *decoded);
int namedEntityCount();

} // namespace ledger::BodyText
