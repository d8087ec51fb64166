#!/usr/bin/env bash
# ./setup.sh demo on Linux without DISPLAY/WAYLAND_DISPLAY: one sentence on stderr that names the
# missing display and suggests `copilot-ledger export --demo`, exit 1, and nothing installed or
# built (cmake, apt-get and sudo are replaced by stubs that record being called).
# usage: check-demo-display.sh <source-dir> <scratch-dir>
set -uo pipefail
src=$1 scratch=$2
rm -rf "$scratch"
mkdir -p "$scratch/bin"
for tool in cmake apt-get sudo ninja; do
    printf '#!/bin/sh\necho "%s $*" >> "%s/called"\nexit 99\n' "$tool" "$scratch" > "$scratch/bin/$tool"
    chmod +x "$scratch/bin/$tool"
done
failures=0
check() {
    if eval "$1"; then echo "ok: $2"; else echo "FAIL: $2"; failures=$((failures + 1)); fi
}

env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM PATH="$scratch/bin:$PATH" \
    LEDGER_BUILD_DIR="$scratch/build" bash "$src/setup.sh" demo >"$scratch/out" 2>"$scratch/err"
rc=$?
echo "--- stderr:"; cat "$scratch/err"; echo "---"
check '[ $rc -eq 1 ]' "exit code 1 (got $rc)"
check '[ "$(wc -l < "$scratch/err")" -eq 1 ]' "exactly one line on stderr"
check '! grep -q "\. " "$scratch/err"' "one sentence (no '. ' inside it)"
check 'grep -q "no display" "$scratch/err"' "says that no display is available"
check 'grep -q "DISPLAY" "$scratch/err" && grep -q "WAYLAND_DISPLAY" "$scratch/err"' "names DISPLAY and WAYLAND_DISPLAY"
check 'grep -q "copilot-ledger export --demo" "$scratch/err"' "suggests copilot-ledger export --demo"
check '[ ! -s "$scratch/out" ]' "nothing on stdout"
check '[ ! -e "$scratch/called" ]' "installs and builds nothing ($(cat "$scratch/called" 2>/dev/null | tr '\n' ' '))"
check '[ ! -e "$scratch/build" ]' "creates no build folder"

# With a display (X11 or Wayland) or an explicit Qt platform, the check passes silently.
for setting in DISPLAY=:99 WAYLAND_DISPLAY=wayland-0 QT_QPA_PLATFORM=offscreen; do
    env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM "$setting" \
        bash -c 'source "$1" && display_available' _ "$src/setup.sh" >"$scratch/out2" 2>&1
    rc=$?
    check '[ $rc -eq 0 ] && [ ! -s "$scratch/out2" ]' "$setting: display available, nothing printed (rc $rc)"
done
[ $failures -eq 0 ] && echo PASS || echo "$failures check(s) failed"
exit $((failures > 0))
