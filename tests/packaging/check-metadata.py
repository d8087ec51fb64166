#!/usr/bin/env python3
"""Packaging check (CTest label "packaging"): the platform metadata and icons in resources/ are
well-formed and consistent with each other and with the project version.
usage: check-metadata.py <source-dir> <project-version>"""
import plistlib
import re
import struct
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

src, version = Path(sys.argv[1]), sys.argv[2]
res = src / "resources"
APP_ID = "app.copilot_ledger.CopilotLedger"
failures = []


def check(cond, what):
    print(("ok: " if cond else "FAIL: ") + what)
    if not cond:
        failures.append(what)


def png_size(data):
    if data[:8] != b"\x89PNG\r\n\x1a\n" or data[12:16] != b"IHDR":
        return None
    return struct.unpack(">II", data[16:24])


# Raster icons: every hicolor PNG has the size its folder says.
sizes = [16, 24, 32, 48, 64, 128, 256, 512]
for n in sizes:
    p = res / "icons" / "hicolor" / f"{n}x{n}" / "copilot-ledger.png"
    check(p.is_file() and png_size(p.read_bytes()) == (n, n), f"{p.relative_to(src)} is a {n}x{n} PNG")
svg = ET.parse(res / "icons" / "copilot-ledger.svg").getroot()
check(svg.tag.endswith("svg") and svg.get("viewBox") == "0 0 256 256", "copilot-ledger.svg is a square SVG")

# Windows .ico: a multi-size icon directory including 16, 32, 48 and 256.
ico = (res / "icons" / "copilot-ledger.ico").read_bytes()
reserved, kind, count = struct.unpack("<HHH", ico[:6])
ico_sizes = set()
for i in range(count):
    w, h = ico[6 + 16 * i], ico[7 + 16 * i]
    ico_sizes.add(256 if w == 0 else w)
check(reserved == 0 and kind == 1, "copilot-ledger.ico has an icon directory")
check({16, 32, 48, 256} <= ico_sizes, f"copilot-ledger.ico holds 16/32/48/256 (has {sorted(ico_sizes)})")

# macOS .icns: header length matches, PNG entries for 16…512.
icns = (res / "icons" / "copilot-ledger.icns").read_bytes()
check(icns[:4] == b"icns" and struct.unpack(">I", icns[4:8])[0] == len(icns), "copilot-ledger.icns header")
entries, off = {}, 8
while off + 8 <= len(icns):
    kind, length = icns[off:off + 4].decode("ascii", "replace"), struct.unpack(">I", icns[off + 4:off + 8])[0]
    if length < 8:
        break
    entries[kind] = png_size(icns[off + 8:off + length])
    off += length
check(off == len(icns), "copilot-ledger.icns entries cover the file")
expected_icns = {"icp4": (16, 16), "icp5": (32, 32), "ic07": (128, 128), "ic08": (256, 256), "ic09": (512, 512)}
check(all(entries.get(k) == v for k, v in expected_icns.items()), f"copilot-ledger.icns entries {sorted(entries)}")

# Qt resources: every file exists, the SVG is reachable as :/app/copilot-ledger.svg.
qrc = ET.parse(res / "resources.qrc").getroot()
aliases = {}
for q in qrc.iter("qresource"):
    for f in q.iter("file"):
        aliases[q.get("prefix", "") + "/" + (f.get("alias") or f.text)] = res / f.text
check(all(p.is_file() for p in aliases.values()), "every file listed in resources.qrc exists")
check("/app/copilot-ledger.svg" in aliases, ":/app/copilot-ledger.svg is in resources.qrc")

# Linux: .desktop and metainfo agree on the id, icon and binary; the newest release is this version.
desktop = (res / "linux" / f"{APP_ID}.desktop").read_text(encoding="utf-8")
keys = dict(re.findall(r"^([A-Za-z]+)=(.*)$", desktop, re.M))
check(keys.get("Icon") == "copilot-ledger" and keys.get("Exec", "").split()[0] == "copilot-ledger",
      ".desktop Icon/Exec name the installed icon and binary")
meta = ET.parse(res / "linux" / f"{APP_ID}.metainfo.xml").getroot()
check(meta.findtext("id") == APP_ID, "metainfo <id> matches the .desktop file name")
check(meta.findtext("launchable") == f"{APP_ID}.desktop", "metainfo <launchable> names the .desktop file")
check(meta.findtext("provides/binary") == "copilot-ledger", "metainfo provides the copilot-ledger binary")
releases = [r.get("version") for r in meta.iter("release")]
check(bool(releases) and releases[0] == version,
      f"metainfo newest <release> is the project version {version} (has {releases[:1]})")

# macOS Info.plist template.
plist = plistlib.loads((res / "macos" / "Info.plist.in").read_bytes())
check(plist.get("CFBundleIdentifier") == "@LEDGER_BUNDLE_ID@", "Info.plist CFBundleIdentifier from CMake")
check(plist.get("CFBundleShortVersionString") == "@PROJECT_VERSION@", "Info.plist version from CMake")
check(plist.get("CFBundleIconFile") == "copilot-ledger.icns", "Info.plist icon is copilot-ledger.icns")
check(plist.get("NSHighResolutionCapable") is True, "Info.plist NSHighResolutionCapable")
for key in ("LSMinimumSystemVersion", "NSHumanReadableCopyright", "CFBundleExecutable"):
    check(bool(plist.get(key)), f"Info.plist has {key}")
cmake = (res / "CMakeLists.txt").read_text(encoding="utf-8")
check(re.search(r'LEDGER_BUNDLE_ID "app\.copilot-ledger\.[A-Za-z]+"', cmake) is not None,
      "bundle id is app.copilot-ledger.*")

# Windows resource script: icon and version information.
rc = (res / "windows" / "copilot-ledger.rc.in").read_text(encoding="utf-8")
check(re.search(r"^IDI_ICON1\s+ICON\s", rc, re.M) is not None and "VERSIONINFO" in rc,
      "copilot-ledger.rc.in has the icon and VERSIONINFO")

print("PASS" if not failures else f"{len(failures)} check(s) failed")
sys.exit(1 if failures else 0)
