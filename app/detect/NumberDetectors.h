#pragma once
// The number detectors: credit_card, iban, us_ssn, uk_nino, de_tax_id. Each finds printed
// numbers (with or without the usual separators) and keeps those that pass the checks in
// detect/Checksums.h. Registered in DetectorRegistry.cpp.
#include "app/detect/Detector.h"
#include <memory>

namespace ledger::detect {

std::unique_ptr<Detector> makeCreditCardDetector();
std::unique_ptr<Detector> makeIbanDetector();
std::unique_ptr<Detector> makeUsSsnDetector();
std::unique_ptr<Detector> makeUkNinoDetector();
std::unique_ptr<Detector> makeDeTaxIdDetector();

} // namespace ledger::detect
