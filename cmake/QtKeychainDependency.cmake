# QtKeychain (BSD-3-Clause) — defines LEDGER_KEYCHAIN_TARGET for ledger_core.
#
# Default: the system package (Debian/Ubuntu `qtkeychain-qt6-dev`, Homebrew `qtkeychain`, or vcpkg
# `qtkeychain-qt6` through vcpkg.json), found with find_package(Qt6Keychain).
#
# -DLEDGER_FETCH_QTKEYCHAIN=ON (Windows/macOS release builds): build QtKeychain from source at the
# pinned release tag LEDGER_QTKEYCHAIN_TAG with FetchContent (needs network at configure time).
#   Built as a STATIC library by default and linked into copilot-ledger (and the tests): nothing
#   to deploy, no DLL search-path problems when the tests run from the build tree, no
#   install-name/rpath fix-ups inside the macOS bundle. QtKeychain is BSD-licensed, so static
#   linking is fine.
#   -DLEDGER_QTKEYCHAIN_SHARED=ON builds qt6keychain.dll/.dylib instead; on Windows
#   installer/Packaging.cmake then installs the DLL next to copilot-ledger.exe (to run the tests
#   from the build tree, put the DLL's folder on PATH).
#   QtKeychain's own install rules (headers, CMake package files) are kept out of our packages
#   (EXCLUDE_FROM_ALL).
option(LEDGER_FETCH_QTKEYCHAIN "Build QtKeychain from source at a pinned release" OFF)
set(LEDGER_QTKEYCHAIN_TAG "0.14.3" CACHE STRING "QtKeychain release tag built by LEDGER_FETCH_QTKEYCHAIN")
option(LEDGER_QTKEYCHAIN_SHARED "Build the fetched QtKeychain as a shared library" OFF)

if(NOT LEDGER_FETCH_QTKEYCHAIN)
    find_package(Qt6Keychain REQUIRED)
    set(LEDGER_KEYCHAIN_TARGET qt6keychain)
    return()
endif()

include(FetchContent)
FetchContent_Declare(qtkeychain
    GIT_REPOSITORY https://github.com/frankosterfeld/qtkeychain.git
    GIT_TAG "${LEDGER_QTKEYCHAIN_TAG}"
    GIT_SHALLOW TRUE
    # Populate only: the project is added below with our options and EXCLUDE_FROM_ALL.
    SOURCE_SUBDIR _ledger_populate_only)
FetchContent_MakeAvailable(qtkeychain)

function(_ledger_add_qtkeychain)
    # Variables set here are seen by QtKeychain's option() calls (policy CMP0077) and stay out
    # of our own scope.
    set(CMAKE_POLICY_DEFAULT_CMP0077 NEW)
    set(BUILD_WITH_QT6 ON)
    set(BUILD_TRANSLATIONS OFF)        # no Qt LinguistTools needed
    set(BUILD_TEST_APPLICATION OFF)
    set(BUILD_SHARED_LIBS ${LEDGER_QTKEYCHAIN_SHARED})
    if(LEDGER_QTKEYCHAIN_SHARED)
        set(QTKEYCHAIN_STATIC OFF)
    else()
        set(QTKEYCHAIN_STATIC ON)
    endif()
    add_subdirectory("${qtkeychain_SOURCE_DIR}" "${qtkeychain_BINARY_DIR}" EXCLUDE_FROM_ALL)
endfunction()
_ledger_add_qtkeychain()

if(NOT TARGET qt6keychain)
    message(FATAL_ERROR "QtKeychain ${LEDGER_QTKEYCHAIN_TAG} did not define the target qt6keychain")
endif()
if(NOT LEDGER_QTKEYCHAIN_SHARED)
    # generate_export_header's static switch: no dllimport/dllexport decorations.
    target_compile_definitions(qt6keychain PUBLIC QT6KEYCHAIN_STATIC_DEFINE)
endif()

# The source tree offers <qtkeychain/keychain.h>; our code includes <qt6keychain/keychain.h>
# as the installed package lays it out. A one-line forwarding header bridges the two.
set(_ledger_kc_shim "${CMAKE_BINARY_DIR}/_deps/qtkeychain-shim/include")
file(MAKE_DIRECTORY "${_ledger_kc_shim}/qt6keychain")
file(WRITE "${_ledger_kc_shim}/qt6keychain/keychain.h.in"
    "#pragma once\n#include <qtkeychain/keychain.h>\n")
configure_file("${_ledger_kc_shim}/qt6keychain/keychain.h.in"
    "${_ledger_kc_shim}/qt6keychain/keychain.h" COPYONLY)   # unchanged content: no rebuilds

add_library(ledger_qtkeychain INTERFACE)
target_link_libraries(ledger_qtkeychain INTERFACE qt6keychain)
target_include_directories(ledger_qtkeychain INTERFACE "${_ledger_kc_shim}")
set(LEDGER_KEYCHAIN_TARGET ledger_qtkeychain)
