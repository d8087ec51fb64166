#pragma once
// People of the demo tenant: names from several cultures (with accents, CJK, Arabic) and their
// ASCII mail nicknames, departments and job titles.
#include "app/sim/DemoContent.h"
#include "app/sim/SplitMix64.h"
#include <QString>

namespace ledger::sim {

struct DemoPerson {
    QString displayName;     // as shown, in the person's script
    QString givenName;       // display script
    QString surname;         // display script
    QString mailNickname;    // ascii "first.last"
    DemoLang lang = DemoLang::En;
};

class DemoNames {
public:
    static DemoPerson person(SplitMix64 &rng);
    static QString department(SplitMix64 &rng);
    static QString jobTitle(SplitMix64 &rng);
};

} // namespace ledger::sim
