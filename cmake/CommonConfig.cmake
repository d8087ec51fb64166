# Common compile settings for every target of the project (docs/ARCHITECTURE.md, Layers).
add_library(ledger_common INTERFACE)
target_compile_features(ledger_common INTERFACE cxx_std_17)
target_compile_definitions(ledger_common INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_CAST_FROM_BYTEARRAY
    QT_NO_URL_CAST_FROM_STRING
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_USE_QSTRINGBUILDER
    QT_DISABLE_DEPRECATED_UP_TO=0x060000
    LEDGER_VERSION="${PROJECT_VERSION}")
if(MSVC)
    target_compile_options(ledger_common INTERFACE /W4 /permissive- /utf-8)
else()
    target_compile_options(ledger_common INTERFACE -Wall -Wextra -Wpedantic)
    if(CMAKE_CXX_COMPILER_ID MATCHES "Clang")
        # Qt's qCWarning(category) << … leaves the macro's "..." empty, which clang's -Wpedantic
        # reports at every logging call; it is valid C++20 and harmless in C++17.
        target_compile_options(ledger_common INTERFACE -Wno-gnu-zero-variadic-macro-arguments)
    endif()
    # AddressSanitizer (with LeakSanitizer) + UndefinedBehaviorSanitizer. Undefined behaviour
    # aborts at the first report (no "recover and continue"), so a test that hits UB fails even
    # when UBSAN_OPTIONS is not set. Qt itself is not instrumented; see tests/sanitizer/.
    # The fuzz build (LEDGER_BUILD_FUZZ, clang only) uses the same sanitizers plus libFuzzer's
    # coverage instrumentation on every library; the fuzz targets link libFuzzer (fuzz/).
    if(LEDGER_BUILD_FUZZ)
        if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
            message(FATAL_ERROR "LEDGER_BUILD_FUZZ needs clang (configure with CC=clang CXX=clang++)")
        endif()
        target_compile_options(ledger_common INTERFACE
            -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined
            -fno-omit-frame-pointer)
        target_link_options(ledger_common INTERFACE -fsanitize=address,undefined)
    elseif(LEDGER_SANITIZE)
        target_compile_options(ledger_common INTERFACE
            -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer)
        target_link_options(ledger_common INTERFACE -fsanitize=address,undefined)
    endif()
endif()
