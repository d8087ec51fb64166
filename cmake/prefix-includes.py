#!/usr/bin/env python3
# Rewrites a project include to the form that names its library's folder from the repository
# root (docs/ARCHITECTURE.md, "Include paths"): "export/Exporter.h" in app/ becomes
# "app/export/Exporter.h", "export/ExportController.h" in ui/ becomes "ui/export/…",
# "GuiMain.h" in app/main.cpp becomes "ui/GuiMain.h". The folder is the one the compiler found
# before the change: next to the including file first, then ui/ before app/ for widget code
# (ui/, tests/ui/, bench/bench_gui.cpp), app/ before ui/ for everything else. Includes that
# already start with app/, ui/ or tests/, relative ones ("../graph/…") and file names
# without a folder that stand next to the including file ("TestSupport.h" in tests/support, a
# .moc) stay as they are, so running it twice changes nothing.
#
#   python3 cmake/prefix-includes.py $(git ls-files '*.cpp' '*.h')
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
INCLUDE = re.compile(r'^(\s*#\s*include\s*")([^"]+)(".*)$')
PREFIXES = ('app/', 'ui/', 'tests/', '../', './')


def resolve(including, name):
    here = os.path.dirname(including)
    if name.startswith(PREFIXES) or ('/' not in name and os.path.exists(os.path.join(here, name))):
        return None
    rel = os.path.relpath(including, ROOT).replace(os.sep, '/')
    gui_first = rel.startswith(('ui/', 'tests/ui/')) or rel == 'bench/bench_gui.cpp'
    for lib in (('ui', 'app') if gui_first else ('app', 'ui')):
        if os.path.isfile(os.path.join(ROOT, lib, name)):
            return lib + '/' + name
    return None


def main(paths):
    changed = 0
    for path in paths:
        full = os.path.abspath(path)
        with open(full, encoding='utf-8') as f:
            lines = f.read().split('\n')
        out = []
        for line in lines:
            m = INCLUDE.match(line)
            target = resolve(full, m.group(2)) if m else None
            out.append(m.group(1) + target + m.group(3) if target else line)
        if out != lines:
            with open(full, 'w', encoding='utf-8') as f:
                f.write('\n'.join(out))
            changed += 1
    print(f'prefix-includes: {changed} of {len(paths)} files rewritten')


if __name__ == '__main__':
    main(sys.argv[1:])
