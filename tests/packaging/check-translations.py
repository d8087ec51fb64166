#!/usr/bin/env python3
"""Every plural message (tr("… %n …", nullptr, n)) in app/ and ui/ has its English singular and
plural forms in resources/translations/copilot-ledger_en.ts, and lupdate finds every tr() in a
context the program asks for (docs/TRANSLATING.md).
Usage: check-translations.py SOURCE_DIR LUPDATE. Exit 77 (skipped) when lupdate is missing."""
import os
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET


def numerus_messages(path):
    out = {}
    for ctx in ET.parse(path).getroot().iter("context"):
        name = ctx.findtext("name")
        for msg in ctx.iter("message"):
            if msg.get("numerus") != "yes":
                continue
            tr = msg.find("translation")
            forms = [f.text or "" for f in tr.findall("numerusform")] if tr is not None else []
            finished = tr is not None and tr.get("type") not in ("unfinished", "obsolete", "vanished")
            out[(name, msg.findtext("source"))] = (finished, forms)
    return out


def scan(src, lupdate):
    """(lines about tr() calls without a context, the plural messages lupdate finds)"""
    with tempfile.TemporaryDirectory() as tmp:
        fresh = os.path.join(tmp, "fresh_en.ts")
        # -I: the sources include their headers from the repository root ("ui/main/…"), which
        # lupdate needs to find to see the classes' namespaces.
        run = subprocess.run([lupdate, "-pluralonly", "-locations", "none", "-source-language", "en",
                              "-target-language", "en", "-I", src, os.path.join(src, "app"), os.path.join(src, "ui"),
                              "-ts", fresh],
                             check=True, capture_output=True, text=True, timeout=240, stdin=subprocess.DEVNULL)
        # A tr() outside a class with tr functions lands in a context the app never asks for.
        contextless = [l for l in (run.stdout + run.stderr).splitlines() if "lacks Q_OBJECT" in l]
        return contextless, numerus_messages(fresh)


def main():
    src, lupdate = sys.argv[1], sys.argv[2]
    if not os.path.exists(lupdate):
        print("lupdate not found: " + lupdate)
        return 77
    try:
        contextless, wanted = scan(src, lupdate)
    except subprocess.TimeoutExpired:
        print("lupdate did not finish in 240 s: a construct in the sources hangs its C++ parser"
              " (Qt 6.4: a template call such as qMin<qint64>(...) among tr()/translate() arguments)")
        return 1
    have = numerus_messages(os.path.join(src, "resources", "translations", "copilot-ledger_en.ts"))
    problems = ["untranslatable (wrong context): " + l for l in contextless]
    for key in sorted(wanted, key=str):
        finished, forms = have.get(key, (False, []))
        if not finished or len(forms) != 2 or not all("%n" in f or "%Ln" in f for f in forms):
            problems.append("%s: %r needs its English singular and plural forms" % key)
    for p in problems:
        print(p)
    print("%d plural messages in the sources, %d problems" % (len(wanted), len(problems)))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
