#pragma once
// The built-in sensitive-information detectors, in a fixed order (the order of the Findings
// filter and of docs/DETECTION.md). Adding a detector: implement detect/Detector.h and append
// its factory to the list in DetectorRegistry.cpp — nothing else needs to change (the archive,
// the export and the window take the names from here). See docs/DETECTION.md.
#include "app/detect/Detector.h"
#include <QStringList>

namespace ledger::detect {

class DetectorRegistry {
public:
    // Every built-in detector (created once, shared by all threads: detectors are stateless).
    static const QList<const Detector *> &detectors();
    static QStringList names();
    static const Detector *find(const QString &name);   // nullptr if unknown
};

} // namespace ledger::detect
