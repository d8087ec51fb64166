# Packaging check (CTest label "packaging"): runs `cpack -G NSIS` on this build tree with
# makensis (Debian's nsis package on Linux) to prove the Windows installer script compiles, and
# checks the generated script for the features the installer must have. On Linux the payload
# is the Linux build; that is fine, the script is what is being tested.
#   cmake -DCPACK=<cpack> -DBUILD_DIR=<build> -DSCRATCH=<dir> -DVERSION=<x.y.z> [-DCONFIG=<cfg>]
#         -P check-nsis.cmake
# Exit code 77 (skipped) when makensis is not installed.
cmake_minimum_required(VERSION 3.25)
foreach(var CPACK BUILD_DIR SCRATCH VERSION)
    if(NOT DEFINED ${var})
        message(FATAL_ERROR "check-nsis.cmake: -D${var}=… is required")
    endif()
endforeach()

find_program(MAKENSIS makensis PATHS "$ENV{ProgramFiles\(x86\)}/NSIS" "$ENV{ProgramFiles}/NSIS")
if(NOT MAKENSIS)
    message("SKIP: makensis not installed")
    cmake_language(EXIT 77)
endif()

file(REMOVE_RECURSE "${SCRATCH}")
file(MAKE_DIRECTORY "${SCRATCH}")
set(config_args "")
if(CONFIG)
    set(config_args -C "${CONFIG}")
endif()
execute_process(
    COMMAND "${CPACK}" --config "${BUILD_DIR}/CPackConfig.cmake" -G NSIS ${config_args} -B "${SCRATCH}"
    RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
if(NOT rc EQUAL 0)
    file(GLOB_RECURSE logs "${SCRATCH}/_CPack_Packages/*/NSIS/NSISOutput.log")
    foreach(log IN LISTS logs)
        file(READ "${log}" text)
        string(APPEND out "\n--- ${log}\n${text}")
    endforeach()
    message(FATAL_ERROR "FAIL: cpack -G NSIS exited ${rc}\n${out}")
endif()

file(GLOB installers "${SCRATCH}/CopilotLedger-${VERSION}-*.exe")
list(LENGTH installers n)
if(NOT n EQUAL 1)
    message(FATAL_ERROR "FAIL: expected one CopilotLedger-${VERSION}-*.exe in ${SCRATCH}, found ${n}")
endif()
file(READ "${installers}" magic LIMIT 2 HEX)
if(NOT magic STREQUAL "4d5a")
    message(FATAL_ERROR "FAIL: ${installers} is not a Windows executable (starts with ${magic})")
endif()
file(STRINGS "${installers}" nsis_marker LIMIT_COUNT 1 REGEX "Nullsoft|NullsoftInst")
if(NOT nsis_marker)
    message(FATAL_ERROR "FAIL: ${installers} carries no Nullsoft installer marker")
endif()
message("ok: built ${installers}")

# What the generated script must contain.
file(GLOB_RECURSE scripts "${SCRATCH}/_CPack_Packages/*/NSIS/project.nsi")
if(NOT scripts)
    message(FATAL_ERROR "FAIL: no generated project.nsi under ${SCRATCH}/_CPack_Packages")
endif()
list(GET scripts 0 script)
file(READ "${script}" nsi)
set(expectations
    "licence page|MUI_PAGE_LICENSE \"[^\"]*LICENSE\""
    "Start-menu shortcut|CreateShortCut \"\\$SMPROGRAMS\\\\\\$STARTMENU_FOLDER\\\\Copilot Ledger.lnk\" \"\\$INSTDIR\\\\bin\\\\copilot-ledger.exe\""
    "optional desktop shortcut|StrCmp \"\\$INSTALL_DESKTOP\" \"1\" 0 \\+2[\r\n ]+CreateShortCut \"\\$DESKTOP\\\\Copilot Ledger.lnk\""
    "uninstaller|WriteUninstaller \"\\$INSTDIR\\\\Uninstall.exe\""
    "Apps & features publisher|Push \"Publisher\"[\r\n ]+Push \"Copilot Ledger\""
    "Apps & features version|Push \"DisplayVersion\"[\r\n ]+Push \"${VERSION}\""
    "installer icon|MUI_ICON \"[^\"]*copilot-ledger.ico\""
    "uninstaller icon|MUI_UNICON \"[^\"]*copilot-ledger.ico\""
    "version resource|VIProductVersion ${VERSION}.0"
    "64-bit Program Files|\\$PROGRAMFILES64"
    "install options page|NSIS.InstallOptions.ini")
foreach(item IN LISTS expectations)
    string(FIND "${item}" "|" bar)
    string(SUBSTRING "${item}" 0 ${bar} what)
    math(EXPR from "${bar} + 1")
    string(SUBSTRING "${item}" ${from} -1 regex)
    if(NOT nsi MATCHES "${regex}")
        message(FATAL_ERROR "FAIL: the NSIS script has no ${what} (/${regex}/ in ${script})")
    endif()
    message("ok: ${what}")
endforeach()
message("PASS")
