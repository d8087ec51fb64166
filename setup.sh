#!/usr/bin/env bash
# Copilot Ledger — one script, two set-up commands (see README.md):
#   ./setup.sh demo   install what is missing, build, start the app on the built-in demo tenant
#   ./setup.sh test   install what is missing, build, run every test headless
# Idempotent: a second run only rebuilds what changed. Debian 12 / Ubuntu 22.04+.
set -euo pipefail
cd "$(dirname "$0")"
mode=${1:-}
BUILD_DIR=${LEDGER_BUILD_DIR:-build}

PACKAGES=(build-essential cmake ninja-build pkg-config git
          qt6-base-dev qt6-base-dev-tools libqt6sql6-sqlite qt6-l10n-tools qt6-tools-dev qt6-translations-l10n
          qtkeychain-qt6-dev libgl-dev libqt6svg6 qt6-qpa-plugins
          sqlite3 python3 nsis xvfb xauth dbus dbus-x11 gnome-keyring dpkg-dev file fonts-dejavu-core
          python3-yaml appstream desktop-file-utils)

need_install() {
    local missing=()
    for p in "${PACKAGES[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
    done
    printf '%s\n' "${missing[@]}"
}

install_deps() {
    command -v dpkg-query >/dev/null || { echo "setup.sh: this script needs Debian or Ubuntu (apt). See README.md for macOS and Windows." >&2; exit 2; }
    mapfile -t missing < <(need_install)
    [ ${#missing[@]} -eq 0 ] || [ -z "${missing[0]}" ] && return 0
    echo "setup.sh: installing ${missing[*]}"
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -q
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
}

build() {
    local type=${LEDGER_BUILD_TYPE:-RelWithDebInfo}
    cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE="$type" ${LEDGER_CMAKE_ARGS:-}
    cmake --build "$BUILD_DIR" --parallel "$(nproc)"
}

run_tests() {
    # A private D-Bus session with an unlocked gnome-keyring: the real Secret Service, isolated
    # from the user's own keyring (its files live in a throw-away data folder).
    local scratch
    scratch=$(mktemp -d)
    trap 'rm -rf "$scratch"' RETURN
    mkdir -p "$scratch/data" "$scratch/config" "$scratch/runtime"
    chmod 700 "$scratch/runtime"
    XDG_DATA_HOME="$scratch/data" XDG_CONFIG_HOME="$scratch/config" XDG_RUNTIME_DIR="$scratch/runtime" \
    QT_QPA_PLATFORM=offscreen BUILD_DIR="$BUILD_DIR" LEDGER_REQUIRE_KEYCHAIN=1 \
    dbus-run-session -- sh -c '
        echo -n ledger-test | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1
        ctest --test-dir "$BUILD_DIR" --output-on-failure --parallel 2 --timeout 900 '"${LEDGER_CTEST_ARGS:-}"'
    '
}

case "$mode" in
    demo)
        install_deps
        build
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
    *)
        echo "usage: ./setup.sh demo | test | build" >&2
        exit 2
        ;;
esac
