#pragma once
// Starts the GUI (QApplication, main window). `--demo` opens the built-in demo tenant.
namespace ledger::gui {
int run(int argc, char **argv);
}
