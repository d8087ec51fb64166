# CPACK_PRE_BUILD_SCRIPTS hook: signs the staged files after CPack installed them into its
# temporary directory and before it builds the installer. Does nothing (and says so) unless the
# release workflow provided a signing identity:
#   Windows  LEDGER_SIGN_PFX (path of a .pfx) + LEDGER_SIGN_PASSWORD → signtool on every .exe/.dll
#   macOS    LEDGER_CODESIGN_IDENTITY → codesign (hardened runtime, timestamp) on every .app
# CPack sets CPACK_TEMPORARY_INSTALL_DIRECTORY for this script.
if(NOT CPACK_TEMPORARY_INSTALL_DIRECTORY)
    message(FATAL_ERROR "sign-staged.cmake runs from CPack (CPACK_PRE_BUILD_SCRIPTS)")
endif()
set(stage "${CPACK_TEMPORARY_INSTALL_DIRECTORY}")

if(CMAKE_HOST_WIN32 AND DEFINED ENV{LEDGER_SIGN_PFX} AND NOT "$ENV{LEDGER_SIGN_PFX}" STREQUAL "")
    file(GLOB signtool_candidates "$ENV{ProgramFiles\(x86\)}/Windows Kits/10/bin/*/x64/signtool.exe")
    list(SORT signtool_candidates)
    list(REVERSE signtool_candidates)
    find_program(SIGNTOOL signtool HINTS ${signtool_candidates})
    if(NOT SIGNTOOL AND signtool_candidates)
        list(GET signtool_candidates 0 SIGNTOOL)
    endif()
    if(NOT SIGNTOOL)
        message(FATAL_ERROR "LEDGER_SIGN_PFX is set but signtool.exe was not found")
    endif()
    file(GLOB_RECURSE binaries "${stage}/*.exe" "${stage}/*.dll")
    foreach(binary IN LISTS binaries)
        execute_process(COMMAND "${SIGNTOOL}" sign /fd SHA256 /f "$ENV{LEDGER_SIGN_PFX}"
                /p "$ENV{LEDGER_SIGN_PASSWORD}" /tr http://timestamp.digicert.com /td SHA256 "${binary}"
            RESULT_VARIABLE rc OUTPUT_QUIET)
        if(NOT rc EQUAL 0)
            message(FATAL_ERROR "signtool failed on ${binary}")
        endif()
    endforeach()
    list(LENGTH binaries n)
    message(STATUS "sign-staged: signed ${n} executables and DLLs")
elseif(CMAKE_HOST_APPLE AND DEFINED ENV{LEDGER_CODESIGN_IDENTITY} AND NOT "$ENV{LEDGER_CODESIGN_IDENTITY}" STREQUAL "")
    file(GLOB_RECURSE plists LIST_DIRECTORIES false "${stage}/Info.plist")
    # Top-level bundles only (not apps nested inside another bundle).
    list(FILTER plists INCLUDE REGEX "\\.app/Contents/Info\\.plist$")
    list(FILTER plists EXCLUDE REGEX "\\.app/.*\\.app/")
    foreach(plist IN LISTS plists)
        get_filename_component(contents "${plist}" DIRECTORY)
        get_filename_component(app "${contents}" DIRECTORY)
        # --deep signs the frameworks and plug-ins macdeployqt copied, inside out.
        execute_process(COMMAND codesign --force --deep --timestamp --options runtime
                --sign "$ENV{LEDGER_CODESIGN_IDENTITY}" "${app}" RESULT_VARIABLE rc)
        if(NOT rc EQUAL 0)
            message(FATAL_ERROR "codesign failed on ${app}")
        endif()
        execute_process(COMMAND codesign --verify --deep --strict --verbose=2 "${app}" RESULT_VARIABLE rc)
        if(NOT rc EQUAL 0)
            message(FATAL_ERROR "codesign --verify failed on ${app}")
        endif()
        message(STATUS "sign-staged: signed ${app}")
    endforeach()
else()
    message(STATUS "sign-staged: no signing identity in the environment; the package is unsigned")
endif()
