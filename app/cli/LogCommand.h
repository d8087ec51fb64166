#pragma once
// `copilot-ledger log`: lists and verifies the archive's activity log (docs/CLI.md "log").
// Reads the archive file read-only (archive/ActivityLog.h, ActivityLogFile): it never creates,
// upgrades or writes an archive, and needs no secret and no network.
#include "app/cli/CliOptions.h"

namespace ledger::cli {

// Returns the exit code: 0 listed / intact, 1 the log does not verify (--verify) or cannot be
// read, 2 usage (no archive there, an unknown profile, an unreadable --expect-head file).
int runLogCommand(const CliOptions &options);

} // namespace ledger::cli
