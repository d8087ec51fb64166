#!/usr/bin/env bash
# Copilot Ledger — one script for setting up, trying and testing (see README.md):
#   ./setup.sh demo      install what is missing, build only the application, start it on the
#                        built-in demo tenant (needs a display; says what to do without one)
#   ./setup.sh test      install what is missing, build everything, run every test headless
#   ./setup.sh build     install what is missing, build everything
#   ./setup.sh sanitize  every test program again (ui/ and cli/ included) and the copilot-ledger
#                        binary the cli/ tests start, built with AddressSanitizer (+LeakSanitizer)
#                        and UndefinedBehaviorSanitizer in build-sanitize/; any report fails it
#   ./setup.sh fuzz      build the libFuzzer targets with clang in build-fuzz/ and run each one
#                        for LEDGER_FUZZ_SECONDS (default 60) on its seed corpus
# Idempotent: a second run only rebuilds what changed. Debian 12 / Ubuntu 22.04+.
# Environment: LEDGER_BUILD_DIR, LEDGER_BUILD_TYPE, LEDGER_CMAKE_ARGS, LEDGER_CTEST_ARGS,
#              LEDGER_SANITIZE_BUILD_DIR, LEDGER_FUZZ_BUILD_DIR, LEDGER_FUZZ_SECONDS.
set -euo pipefail

PACKAGES=(build-essential cmake ninja-build pkg-config git
          qt6-base-dev qt6-base-dev-tools libqt6sql6-sqlite qt6-l10n-tools qt6-tools-dev qt6-translations-l10n
          qtkeychain-qt6-dev libgl-dev libqt6svg6 qt6-qpa-plugins
          sqlite3 python3 nsis xvfb xauth dbus dbus-x11 gnome-keyring dpkg-dev file fonts-dejavu-core fonts-wqy-microhei poppler-utils
          python3-yaml appstream desktop-file-utils)
# Only for ./setup.sh fuzz: Debian's clang and its libFuzzer/sanitizer runtimes.
FUZZ_PACKAGES=(clang-14 libclang-rt-14-dev)

# Returns 0 when a window can open: Linux needs DISPLAY or WAYLAND_DISPLAY (or an explicit
# QT_QPA_PLATFORM such as offscreen or vnc); otherwise prints one sentence saying what to do.
display_available() {
    [ "$(uname -s)" = Linux ] || return 0
    [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ] || [ -n "${QT_QPA_PLATFORM:-}" ] && return 0
    echo "setup.sh: no display is available (neither DISPLAY nor WAYLAND_DISPLAY is set), so the" \
         "window cannot open; to see the demo tenant without one, run './setup.sh build' and then" \
         "'${BUILD_DIR}/app/copilot-ledger export --demo --from 2026-09-01 --to 2026-11-20 --out ./demo-export'." >&2
    return 1
}

need_install() {
    local missing=()
    for p in "$@"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
    done
    printf '%s\n' "${missing[@]}"
}

# install_deps [package…]: the given packages (default: PACKAGES) that are not installed yet.
install_deps() {
    command -v dpkg-query >/dev/null || { echo "setup.sh: this script needs Debian or Ubuntu (apt). See README.md for macOS and Windows." >&2; exit 2; }
    [ $# -gt 0 ] || set -- "${PACKAGES[@]}"
    mapfile -t missing < <(need_install "$@")
    [ ${#missing[@]} -eq 0 ] || [ -z "${missing[0]}" ] && return 0
    echo "setup.sh: installing ${missing[*]} (about 2 to 5 minutes, depending on the mirror)"
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -q
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
}

# configure <build-dir> [cmake args…]
configure() {
    local dir=$1
    shift
    local type=${LEDGER_BUILD_TYPE:-RelWithDebInfo}
    # shellcheck disable=SC2086  # LEDGER_CMAKE_ARGS is a list of words on purpose
    cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE="$type" "$@" ${LEDGER_CMAKE_ARGS:-} >/dev/null
}

build() {
    configure "$BUILD_DIR"
    cmake --build "$BUILD_DIR" --parallel "$(nproc)"
}

# The application only (ledger_core, ledger_gui, copilot-ledger): no test program, no benchmark.
# It shares the build folder with ./setup.sh test, which later builds the rest.
build_app() {
    if [ -x "$BUILD_DIR/app/copilot-ledger" ]; then
        echo "setup.sh: checking that the application is up to date (seconds unless sources changed)"
    else
        echo "setup.sh: building the application, about 4 minutes on 2 cores (a second run takes seconds)"
    fi
    local start=$SECONDS
    configure "$BUILD_DIR"
    cmake --build "$BUILD_DIR" --parallel "$(nproc)" --target copilot-ledger
    echo "setup.sh: application ready after $((SECONDS - start)) s"
}

# run_ctest <build-dir> [extra env assignments…] -- [ctest args…]
run_ctest() {
    local dir=$1
    shift
    local envs=()
    while [ $# -gt 0 ] && [ "$1" != "--" ]; do
        envs+=("$1")
        shift
    done
    [ "${1:-}" != "--" ] || shift
    # A private D-Bus session with an unlocked gnome-keyring: the real Secret Service, isolated
    # from the user's own keyring (its files live in a throw-away data folder).
    local scratch
    scratch=$(mktemp -d)
    # RETURN traps outlive the function in bash: this one removes itself after the clean-up.
    trap 'rm -rf "${scratch:-}"; trap - RETURN' RETURN
    mkdir -p "$scratch/data" "$scratch/config" "$scratch/runtime"
    chmod 700 "$scratch/runtime"
    env "${envs[@]}" \
    XDG_DATA_HOME="$scratch/data" XDG_CONFIG_HOME="$scratch/config" XDG_RUNTIME_DIR="$scratch/runtime" \
    QT_QPA_PLATFORM=offscreen BUILD_DIR="$dir" LEDGER_REQUIRE_KEYCHAIN=1 CTEST_EXTRA="$*" \
    dbus-run-session -- sh -c '
        echo -n ledger-test | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1
        ctest --test-dir "$BUILD_DIR" --output-on-failure --parallel 2 --timeout 900 $CTEST_EXTRA '"${LEDGER_CTEST_ARGS:-}"'
    '
}

run_tests() {
    run_ctest "$BUILD_DIR" --
}

SANITIZER_SUPPRESSIONS=tests/sanitizer
# sanitizer_env [report-dir]: the sanitizer options of the sanitize and fuzz runs. With a
# report directory, every report goes to a file <report-dir>/asan.<pid> or ubsan.<pid> instead
# of stderr, from the test programs and from every copilot-ledger process they start (children
# inherit the environment), so a report in a child fails the run even when its test only looks
# at the exit code.
sanitizer_env() {
    local supp asan_log="" ubsan_log=""
    supp=$(pwd)/$SANITIZER_SUPPRESSIONS
    if [ -n "${1:-}" ]; then
        asan_log=":log_path=$1/asan"
        ubsan_log=":log_path=$1/ubsan"
    fi
    echo "ASAN_OPTIONS=halt_on_error=1:abort_on_error=0:detect_leaks=1:check_initialization_order=1:exitcode=86$asan_log"
    echo "UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1:report_error_type=1:suppressions=$supp/ubsan.supp$ubsan_log"
    echo "LSAN_OPTIONS=suppressions=$supp/lsan.supp:print_suppressions=0"
}

# The whole test suite under ASan+LSan+UBSan in its own build folder (never mixed with the
# normal build): every test program (tests/*/tst_*.cpp: the core areas, the ui/ tests, the cli/
# tests, tst_synckill, tst_appidentity) and the copilot-ledger binary that the cli/ tests and
# tst_synckill start. CTest gives each test LEDGER_APP_BINARY=<its build folder>/app/copilot-ledger,
# so these tests start the sanitized binary; sanitize() checks that before running them.
# Left out (SANITIZE_EXCLUDE): the packaging_* and setup_* checks. They are scripts that inspect
# files and run cpack, dpkg-deb, makensis, lupdate and python on a release build; the project code
# they execute (the packaged binary's --version, the app identity) is covered here by the cli/
# tests and tst_appidentity. Any sanitizer report, in a test program or in a copilot-ledger it
# started, fails the run.
SANITIZE_EXCLUDE='^(packaging|setup)_'
sanitize() {
    local dir=${LEDGER_SANITIZE_BUILD_DIR:-build-sanitize}
    local targets=(copilot-ledger) f
    for f in tests/*/tst_*.cpp; do
        targets+=("$(basename "$f" .cpp)")
    done
    echo "setup.sh: building copilot-ledger and $((${#targets[@]} - 1)) test programs with AddressSanitizer" \
         "and UndefinedBehaviorSanitizer in $dir/ (about 35 min on 2 cores the first time)"
    local start=$SECONDS
    configure "$dir" -DLEDGER_SANITIZE=ON -DLEDGER_BUILD_BENCH=OFF -DLEDGER_BUILD_TESTS=ON
    cmake --build "$dir" --parallel "$(nproc)" --target "${targets[@]}"
    echo "setup.sh: sanitized build took $((SECONDS - start)) s; running the tests under the sanitizers"
    # The tests must start the sanitized binary of this build folder, never the normal build's.
    local abs app
    abs=$(cd "$dir" && pwd)
    app="$abs/app/copilot-ledger"
    if ! grep -qF "LEDGER_APP_BINARY=$app" "$dir/tests/CTestTestfile.cmake" \
        || ! grep -q __asan_init <(nm -D "$app" 2>/dev/null; nm "$app" 2>/dev/null); then
        echo "setup.sh: $app is not the sanitized binary the tests start (LEDGER_APP_BINARY)" >&2
        return 1
    fi
    local reports="$abs/sanitizer-reports"
    rm -rf "$reports"
    mkdir -p "$reports"
    start=$SECONDS
    local envs rc=0
    mapfile -t envs < <(sanitizer_env "$reports")
    run_ctest "$dir" "${envs[@]}" -- -E "$SANITIZE_EXCLUDE" || rc=$?
    echo "setup.sh: sanitized suite took $((SECONDS - start)) s"
    local found=("$reports"/*)
    if [ -e "${found[0]}" ]; then
        for f in "${found[@]}"; do
            echo "=== setup.sh: sanitizer report $f"
            cat "$f"
        done
        echo "setup.sh: ${#found[@]} sanitizer report(s) above (in $reports/); the run fails" >&2
        return 1
    fi
    [ "$rc" -eq 0 ] || return "$rc"
    echo "setup.sh: no sanitizer report"
}

# The libFuzzer targets (fuzz/): clang, a separate build folder, ledger_core instrumented with
# -fsanitize=fuzzer-no-link,address,undefined. Each target first re-runs its committed
# regression inputs (fuzz/regressions/<target>/), then fuzzes for LEDGER_FUZZ_SECONDS.
fuzz() {
    install_deps "${FUZZ_PACKAGES[@]}"
    local dir=${LEDGER_FUZZ_BUILD_DIR:-build-fuzz}
    local seconds=${LEDGER_FUZZ_SECONDS:-60}
    echo "setup.sh: building the fuzz targets with clang in $dir/ (about 4 minutes on 2 cores the first time)"
    local start=$SECONDS
    CC=clang-14 CXX=clang++-14 configure "$dir" -DLEDGER_BUILD_FUZZ=ON -DLEDGER_BUILD_TESTS=OFF -DLEDGER_BUILD_BENCH=OFF
    cmake --build "$dir" --parallel "$(nproc)" --target ledger_fuzz_all
    echo "setup.sh: fuzz build took $((SECONDS - start)) s"
    local envs
    mapfile -t envs < <(sanitizer_env)
    env "${envs[@]}" QT_QPA_PLATFORM=offscreen \
        bash fuzz/run-fuzzers.sh "$dir/fuzz" "$dir/fuzz-work" "$seconds"
}

# Sourcing this file (tests do) defines the functions above and runs nothing.
if [ "${BASH_SOURCE[0]}" != "$0" ]; then
    BUILD_DIR=${LEDGER_BUILD_DIR:-build}
    return 0
fi

cd "$(dirname "$0")"
mode=${1:-}
BUILD_DIR=${LEDGER_BUILD_DIR:-build}

case "$mode" in
    demo)
        # Before installing or building anything: without a display the window cannot open.
        display_available || exit 1
        install_deps
        build_app
        exec "$BUILD_DIR/app/copilot-ledger" --demo
        ;;
    test)
        install_deps
        build
        run_tests
        ;;
    build)
        install_deps
        build
        ;;
    sanitize)
        install_deps
        sanitize
        ;;
    fuzz)
        install_deps
        fuzz
        ;;
    *)
        echo "usage: ./setup.sh demo | test | build | sanitize | fuzz" >&2
        exit 2
        ;;
esac
