# QtKeychain: Debian/Homebrew/vcpkg package by default.
# (An opt-in FetchContent build for Windows/macOS is added by the packaging work: LEDGER_FETCH_QTKEYCHAIN.)
option(LEDGER_FETCH_QTKEYCHAIN "Build QtKeychain from source at a pinned release" OFF)
if(NOT LEDGER_FETCH_QTKEYCHAIN)
    find_package(Qt6Keychain REQUIRED)
    set(LEDGER_KEYCHAIN_TARGET qt6keychain)
endif()
