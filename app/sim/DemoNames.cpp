#include "app/sim/DemoNames.h"

namespace ledger::sim {

namespace {
struct NamePart {
    const char *display;
    const char *ascii;
};
struct Culture {
    DemoLang lang;
    std::initializer_list<NamePart> given;
    std::initializer_list<NamePart> family;
    bool familyFirst;        // display "Family Given" (CJK)
    int weight;
};

const Culture cultures[] = {
    {DemoLang::En,
     {{"Megan", "megan"}, {"Alex", "alex"}, {"Jordan", "jordan"}, {"Priya", "priya"}, {"Olivia", "olivia"},
      {"Daniel", "daniel"}, {"Grace", "grace"}, {"Marcus", "marcus"}, {"Aisha", "aisha"}, {"Liam", "liam"}},
     {{"Bowen", "bowen"}, {"Wilber", "wilber"}, {"Miller", "miller"}, {"Patel", "patel"}, {"O'Brien", "obrien"},
      {"Nguyen", "nguyen"}, {"Johnson", "johnson"}, {"Okafor", "okafor"}, {"Smith-Jones", "smith-jones"}},
     false, 40},
    {DemoLang::De,
     {{"Jürgen", "juergen"}, {"Anna", "anna"}, {"Lukas", "lukas"}, {"Sören", "soeren"}, {"Käthe", "kaethe"}},
     {{"Müller", "mueller"}, {"Schmidt", "schmidt"}, {"Weiß", "weiss"}, {"Groß", "gross"}, {"Köhler", "koehler"}},
     false, 12},
    {DemoLang::Fr,
     {{"Chloé", "chloe"}, {"François", "francois"}, {"Hélène", "helene"}, {"Benoît", "benoit"}, {"Zoë", "zoe"}},
     {{"Dubois", "dubois"}, {"Lefèvre", "lefevre"}, {"Martin", "martin"}, {"Giraud", "giraud"}, {"Béranger", "beranger"}},
     false, 10},
    {DemoLang::Es,
     {{"José", "jose"}, {"María", "maria"}, {"Núria", "nuria"}, {"Andrés", "andres"}},
     {{"García", "garcia"}, {"Muñoz", "munoz"}, {"Peña", "pena"}, {"Fernández", "fernandez"}},
     false, 8},
    {DemoLang::Ja,
     {{"さくら", "sakura"}, {"健二", "kenji"}, {"裕子", "yuko"}, {"大輔", "daisuke"}},
     {{"田中", "tanaka"}, {"佐藤", "sato"}, {"鈴木", "suzuki"}, {"高橋", "takahashi"}},
     true, 10},
    {DemoLang::Zh,
     {{"伟", "wei"}, {"芳", "fang"}, {"明", "ming"}, {"丽", "li"}},
     {{"王", "wang"}, {"李", "li"}, {"张", "zhang"}, {"陈", "chen"}},
     true, 10},
    {DemoLang::Ar,
     {{"فاطمة", "fatima"}, {"أحمد", "ahmed"}, {"ليلى", "layla"}, {"يوسف", "youssef"}},
     {{"السيد", "alsayed"}, {"حداد", "haddad"}, {"منصور", "mansour"}, {"خوري", "khoury"}},
     false, 10},
};

QString u8(const char *s) { return QString::fromUtf8(s); }

template<typename L> const NamePart &pickPart(const L &l, SplitMix64 &rng)
{
    return *(l.begin() + rng.bounded(int(l.size())));
}
} // namespace

DemoPerson DemoNames::person(SplitMix64 &rng)
{
    int total = 0;
    for (const Culture &c : cultures)
        total += c.weight;
    int r = rng.bounded(total);
    const Culture *culture = &cultures[0];
    for (const Culture &c : cultures) {
        if (r < c.weight) {
            culture = &c;
            break;
        }
        r -= c.weight;
    }
    const NamePart &g = pickPart(culture->given, rng);
    const NamePart &f = pickPart(culture->family, rng);
    DemoPerson p;
    p.lang = culture->lang;
    p.givenName = u8(g.display);
    p.surname = u8(f.display);
    p.displayName = culture->familyFirst ? QString(p.surname + p.givenName)
                                         : QString(p.givenName + u' ' + p.surname);
    if (culture->lang == DemoLang::Ja)
        p.displayName = p.surname + u' ' + p.givenName;
    p.mailNickname = QLatin1String(g.ascii) + u'.' + QLatin1String(f.ascii);
    return p;
}

QString DemoNames::department(SplitMix64 &rng)
{
    static const char *d[] = {"Finance", "Legal & Compliance", "Sales", "Marketing", "Engineering",
                              "Human Resources", "Operations", "Customer Success", "Research & Development", "IT"};
    return u8(d[rng.bounded(int(sizeof d / sizeof *d))]);
}

QString DemoNames::jobTitle(SplitMix64 &rng)
{
    static const char *t[] = {"Analyst", "Senior Analyst", "Manager", "Director", "Account Executive",
                              "Software Engineer", "Product Manager", "Compliance Officer", "Counsel",
                              "Consultant", "VP Sales", "Chief Financial Officer", "Designer"};
    return u8(t[rng.bounded(int(sizeof t / sizeof *t))]);
}

} // namespace ledger::sim
