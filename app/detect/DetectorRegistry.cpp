#include "app/detect/DetectorRegistry.h"
#include "app/detect/NumberDetectors.h"
#include "app/detect/SecretDetectors.h"

#include <vector>

namespace ledger::detect {

namespace {

struct Registry {
    std::vector<std::unique_ptr<Detector>> owned;
    QList<const Detector *> list;
    Registry()
    {
        // The place to add a detector: append its factory here. Names must be unique,
        // lower_snake_case and never change once released (they are stored in archives and
        // written to findings.csv).
        for (auto make : {makeCreditCardDetector, makeIbanDetector, makeUsSsnDetector, makeUkNinoDetector,
                          makeDeTaxIdDetector, makePrivateKeyDetector, makeAwsAccessKeyDetector,
                          makeGithubTokenDetector, makeSlackTokenDetector, makeAzureStorageKeyDetector,
                          makeJwtDetector, makePasswordDetector}) {
            owned.push_back(make());
            list << owned.back().get();
        }
    }
};

const Registry &registry()
{
    static const Registry r;   // thread-safe initialisation
    return r;
}

} // namespace

const QList<const Detector *> &DetectorRegistry::detectors() { return registry().list; }

QStringList DetectorRegistry::names()
{
    QStringList out;
    for (const Detector *d : detectors())
        out << d->name();
    return out;
}

const Detector *DetectorRegistry::find(const QString &name)
{
    for (const Detector *d : detectors())
        if (d->name() == name)
            return d;
    return nullptr;
}

} // namespace ledger::detect
