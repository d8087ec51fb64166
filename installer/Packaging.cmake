# Install rules and CPack configuration. Included at the end of the top-level
# CMakeLists.txt. Generators:
#   Windows  NSIS      CopilotLedger-<ver>-windows-<arch>.exe (Start menu, optional desktop icon,
#                      uninstaller, licence page; Qt runtime via the Qt deploy script)
#   macOS    DragNDrop CopilotLedger-<ver>-macos-<arch>.dmg (copilot-ledger.app + Applications link)
#   Linux    DEB       copilot-ledger_<ver>_<arch>.deb (installs to /usr, system Qt via Depends)
# `cpack -G NSIS` also works on Linux with Debian's makensis: it proves the script compiles.
include(GNUInstallDirs)

set(LEDGER_PACKAGING_DIR "${CMAKE_CURRENT_LIST_DIR}")
if(NOT LEDGER_ICON_DIR)
    set(LEDGER_ICON_DIR "${PROJECT_SOURCE_DIR}/resources/icons")
endif()

# ---------------------------------------------------------------------------------------------
# Install rules
# ---------------------------------------------------------------------------------------------
install(TARGETS copilot-ledger
    RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}"
    BUNDLE DESTINATION .)

if(WIN32)
    # QtKeychain: a DLL next to the executable when it is a shared library (FetchContent build
    # or vcpkg); windeployqt only copies Qt's own DLLs.
    if(TARGET qt6keychain)
        get_target_property(_ledger_kc_type qt6keychain TYPE)
        if(_ledger_kc_type STREQUAL "SHARED_LIBRARY")
            install(FILES "$<TARGET_FILE:qt6keychain>" DESTINATION "${CMAKE_INSTALL_BINDIR}")
        endif()
    endif()
    # The MSVC runtime (vcruntime140.dll, msvcp140.dll, …) so no VC++ redistributable is needed.
    set(CMAKE_INSTALL_SYSTEM_RUNTIME_DESTINATION "${CMAKE_INSTALL_BINDIR}")
    set(CMAKE_INSTALL_UCRT_LIBRARIES OFF)
    include(InstallRequiredSystemLibraries)
    install(FILES "${PROJECT_SOURCE_DIR}/LICENSE" DESTINATION . RENAME LICENSE.txt)
elseif(APPLE)
    # Everything lives in the bundle, the licence too.
    install(FILES "${PROJECT_SOURCE_DIR}/LICENSE" DESTINATION copilot-ledger.app/Contents/Resources)
else()
    install(FILES "${PROJECT_SOURCE_DIR}/LICENSE"
        DESTINATION "${CMAKE_INSTALL_DATADIR}/doc/copilot-ledger" RENAME copyright)
endif()

# Qt runtime (Windows: windeployqt, macOS: macdeployqt). Deploys the platform, style,
# imageformats (svg included: Qt6::Svg is linked on macOS so macdeployqt picks it up),
# iconengines, sqldrivers and tls plugins of the modules the executable uses. On Linux the .deb
# depends on Debian's Qt packages instead.
if(WIN32 OR APPLE)
    if(APPLE)
        find_package(Qt6 COMPONENTS Svg QUIET)
        if(TARGET Qt6::Svg)
            target_link_libraries(copilot-ledger PRIVATE Qt6::Svg)
        endif()
    endif()
    if(Qt6_VERSION VERSION_GREATER_EQUAL "6.5")
        qt_generate_deploy_app_script(TARGET copilot-ledger
            OUTPUT_SCRIPT _ledger_deploy_script NO_UNSUPPORTED_PLATFORM_ERROR)
    else()
        qt_generate_deploy_app_script(TARGET copilot-ledger
            FILENAME_VARIABLE _ledger_deploy_script NO_UNSUPPORTED_PLATFORM_ERROR)
    endif()
    install(SCRIPT "${_ledger_deploy_script}")
endif()

# ---------------------------------------------------------------------------------------------
# CPack: common metadata
# ---------------------------------------------------------------------------------------------
if(CMAKE_SYSTEM_PROCESSOR MATCHES "^(AMD64|amd64|x86_64|x64)$")
    set(_ledger_arch x64)
elseif(CMAKE_SYSTEM_PROCESSOR MATCHES "^(arm64|ARM64|aarch64)$")
    set(_ledger_arch arm64)
else()
    set(_ledger_arch "${CMAKE_SYSTEM_PROCESSOR}")
endif()
if(APPLE AND CMAKE_OSX_ARCHITECTURES)
    list(LENGTH CMAKE_OSX_ARCHITECTURES _ledger_arch_count)
    if(_ledger_arch_count GREATER 1)
        set(_ledger_arch universal)
    else()
        set(_ledger_arch "${CMAKE_OSX_ARCHITECTURES}")
    endif()
endif()
# The platform's name in the package file name, and its installer.
if(WIN32)
    set(_ledger_os windows)
    set(CPACK_GENERATOR NSIS)
elseif(APPLE)
    set(_ledger_os macos)
    set(CPACK_GENERATOR DragNDrop)
else()
    set(_ledger_os linux)
    set(CPACK_GENERATOR DEB)
endif()

set(CPACK_PACKAGE_NAME "Copilot Ledger")   # shown by the installers; the .deb is named below
set(CPACK_PACKAGE_VENDOR "Copilot Ledger")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_DESCRIPTION_FILE "${LEDGER_PACKAGING_DIR}/description.txt")
set(CPACK_PACKAGE_HOMEPAGE_URL "${PROJECT_HOMEPAGE_URL}")
set(CPACK_PACKAGE_CONTACT "Copilot Ledger maintainers <maintainers@copilot-ledger.app>")
set(CPACK_PACKAGE_INSTALL_DIRECTORY "Copilot Ledger")
set(CPACK_PACKAGE_INSTALL_REGISTRY_KEY "Copilot Ledger")
set(CPACK_PACKAGE_EXECUTABLES "copilot-ledger" "Copilot Ledger")   # Start-menu shortcut
set(CPACK_CREATE_DESKTOP_LINKS "copilot-ledger")                    # offered, not forced
set(CPACK_RESOURCE_FILE_LICENSE "${PROJECT_SOURCE_DIR}/LICENSE")
set(CPACK_PACKAGE_FILE_NAME "CopilotLedger-${PROJECT_VERSION}-${_ledger_os}-${_ledger_arch}")
set(CPACK_PACKAGE_CHECKSUM SHA256)
set(CPACK_STRIP_FILES ON)
set(CPACK_VERBATIM_VARIABLES ON)
# Release builds sign the staged files before the installer is built (no-op without identity).
set(CPACK_PRE_BUILD_SCRIPTS "${LEDGER_PACKAGING_DIR}/sign-staged.cmake")
set(CPACK_SOURCE_GENERATOR TGZ)
set(CPACK_SOURCE_PACKAGE_FILE_NAME "copilot-ledger-${PROJECT_VERSION}")
set(CPACK_SOURCE_IGNORE_FILES "/\\\\.git/" "/build[^/]*/" "/\\\\.idea/" "/\\\\.vscode/" "\\\\.user$")

# ---------------------------------------------------------------------------------------------
# NSIS (Windows .exe). Set unconditionally so `cpack -G NSIS` can be exercised on Linux.
# ---------------------------------------------------------------------------------------------
set(CPACK_NSIS_PACKAGE_NAME "Copilot Ledger")
set(CPACK_NSIS_DISPLAY_NAME "Copilot Ledger ${PROJECT_VERSION}")
set(CPACK_NSIS_INSTALL_ROOT "$PROGRAMFILES64")
# makensis on Windows wants native separators in the MUI bitmap paths.
function(_ledger_nsis_path out path)
    if(CMAKE_HOST_WIN32)
        file(TO_NATIVE_PATH "${path}" path)
    endif()
    set(${out} "${path}" PARENT_SCOPE)
endfunction()
_ledger_nsis_path(CPACK_NSIS_MUI_ICON "${LEDGER_ICON_DIR}/copilot-ledger.ico")
_ledger_nsis_path(CPACK_NSIS_MUI_UNIICON "${LEDGER_ICON_DIR}/copilot-ledger.ico")
_ledger_nsis_path(CPACK_PACKAGE_ICON "${LEDGER_PACKAGING_DIR}/windows/header.bmp")   # page header
_ledger_nsis_path(CPACK_NSIS_MUI_WELCOMEFINISHPAGE_BITMAP "${LEDGER_PACKAGING_DIR}/windows/welcome.bmp")
_ledger_nsis_path(CPACK_NSIS_MUI_UNWELCOMEFINISHPAGE_BITMAP "${LEDGER_PACKAGING_DIR}/windows/welcome.bmp")
set(CPACK_NSIS_INSTALLED_ICON_NAME "bin\\copilot-ledger.exe")        # Apps & features icon
set(CPACK_NSIS_EXECUTABLES_DIRECTORY "bin")
set(CPACK_NSIS_MUI_FINISHPAGE_RUN "copilot-ledger.exe")
set(CPACK_NSIS_URL_INFO_ABOUT "${PROJECT_HOMEPAGE_URL}")
set(CPACK_NSIS_HELP_LINK "${PROJECT_HOMEPAGE_URL}")
set(CPACK_NSIS_CONTACT "maintainers@copilot-ledger.app")
set(CPACK_NSIS_ENABLE_UNINSTALL_BEFORE_INSTALL ON)
# The "Install Options" page: "Create Copilot Ledger Desktop Icon" (CPACK_CREATE_DESKTOP_LINKS)
# and an opt-in "Add to the system PATH" for the command line (docs/CLI.md).
set(CPACK_NSIS_MODIFY_PATH ON)
set(CPACK_NSIS_MANIFEST_DPI_AWARE ON)
# Version resource of the installer .exe itself (Properties → Details) and the branding line.
# (BrandingText is written here rather than via CPACK_NSIS_BRANDING_TEXT, whose /TRIM option
# Debian's makensis rejects, so the Linux check compiles exactly what Windows compiles.)
set(CPACK_NSIS_DEFINES "BrandingText \"Copilot Ledger ${PROJECT_VERSION}\"
VIProductVersion ${PROJECT_VERSION}.0
VIAddVersionKey /LANG=1033 ProductName \"Copilot Ledger\"
VIAddVersionKey /LANG=1033 CompanyName \"${CPACK_PACKAGE_VENDOR}\"
VIAddVersionKey /LANG=1033 FileDescription \"Copilot Ledger Setup\"
VIAddVersionKey /LANG=1033 FileVersion ${PROJECT_VERSION}
VIAddVersionKey /LANG=1033 ProductVersion ${PROJECT_VERSION}
VIAddVersionKey /LANG=1033 LegalCopyright \"Apache License 2.0\"")

# WiX (MSI) is not built by default; if someone runs `cpack -G WIX`, upgrades must replace the
# old version, so the UpgradeCode is fixed forever.
set(CPACK_WIX_UPGRADE_GUID "6B0E2C4A-3F1D-4C8E-9A57-2D8B4F7E1C93")
set(CPACK_WIX_PRODUCT_ICON "${LEDGER_ICON_DIR}/copilot-ledger.ico")
set(CPACK_WIX_LICENSE_RTF "${LEDGER_PACKAGING_DIR}/windows/license.rtf")

# ---------------------------------------------------------------------------------------------
# DragNDrop (macOS .dmg): the bundle plus a link to /Applications (CPack's default).
# ---------------------------------------------------------------------------------------------
set(CPACK_DMG_VOLUME_NAME "Copilot Ledger")
set(CPACK_DMG_FORMAT UDZO)
set(CPACK_DMG_SLA_USE_RESOURCE_FILE_LICENSE OFF)

# ---------------------------------------------------------------------------------------------
# DEB (Debian/Ubuntu). shlibdeps finds the linked libraries (Qt Core/Gui/Widgets/Network/Sql,
# libqt6keychain1); the plugins loaded at run time are listed by hand.
# ---------------------------------------------------------------------------------------------
set(CPACK_DEBIAN_PACKAGE_NAME "copilot-ledger")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6sql6-sqlite, qt6-qpa-plugins, libqt6svg6")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "gnome-keyring | kwalletmanager | keepassxc, qt6-translations-l10n, fonts-noto-cjk | fonts-wqy-microhei")
set(CPACK_DEBIAN_PACKAGE_SECTION "utils")
set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "${PROJECT_HOMEPAGE_URL}")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)

include(CPack)
