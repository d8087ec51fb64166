#!/usr/bin/env bash
# Regenerates the committed raster icons from copilot-ledger.svg (run by hand after editing the
# SVG; the build never needs ImageMagick). Needs: ImageMagick 6/7 (`convert`) and python3.
#   hicolor/<N>x<N>/copilot-ledger.png   Linux hicolor theme + the Qt resource (window icon)
#   copilot-ledger.ico                   Windows (16…256, PNG-compressed 256 entry)
#   copilot-ledger.icns                  macOS (icp4/icp5/icp6/ic07/ic08/ic09 PNG entries)
set -euo pipefail
cd "$(dirname "$0")"
svg=copilot-ledger.svg
sizes=(16 24 32 48 64 128 256 512)
for n in "${sizes[@]}"; do
    mkdir -p "hicolor/${n}x${n}"
    # Render at 4x the target size, then downsample: crisper small sizes.
    density=$(( 96 * n * 4 / 256 ))
    convert -background none -density "$density" "$svg" -resize "${n}x${n}" -depth 8 \
        -strip "PNG32:hicolor/${n}x${n}/copilot-ledger.png"
done
convert hicolor/{16x16,24x24,32x32,48x48,64x64,128x128,256x256}/copilot-ledger.png copilot-ledger.ico
python3 - <<'PY'
import struct
entries = [(b'icp4', 16), (b'icp5', 32), (b'icp6', 64), (b'ic07', 128), (b'ic08', 256), (b'ic09', 512)]
body = b''
for kind, n in entries:
    data = open(f'hicolor/{n}x{n}/copilot-ledger.png', 'rb').read()
    body += kind + struct.pack('>I', len(data) + 8) + data
open('copilot-ledger.icns', 'wb').write(b'icns' + struct.pack('>I', len(body) + 8) + body)
PY
echo "icons regenerated"
