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
    if(LEDGER_SANITIZE)
        target_compile_options(ledger_common INTERFACE -fsanitize=address,undefined -fno-omit-frame-pointer)
        target_link_options(ledger_common INTERFACE -fsanitize=address,undefined)
    endif()
endif()
