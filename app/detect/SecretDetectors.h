#pragma once
// The secret detectors: private_key, aws_access_key, github_token, slack_token,
// azure_storage_key, jwt, password. Each checks the secret's known prefix, alphabet and length
// (and for JWTs and Azure keys what the token decodes to). Registered in DetectorRegistry.cpp.
#include "app/detect/Detector.h"
#include <memory>

namespace ledger::detect {

std::unique_ptr<Detector> makePrivateKeyDetector();
std::unique_ptr<Detector> makeAwsAccessKeyDetector();
std::unique_ptr<Detector> makeGithubTokenDetector();
std::unique_ptr<Detector> makeSlackTokenDetector();
std::unique_ptr<Detector> makeAzureStorageKeyDetector();
std::unique_ptr<Detector> makeJwtDetector();
std::unique_ptr<Detector> makePasswordDetector();

} // namespace ledger::detect
