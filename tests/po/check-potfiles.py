#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Check po/POTFILES.in against the sources.

    check-potfiles.py SOURCE_ROOT

Fails when a C or C++ source or header, or a GtkBuilder .ui file, under src/
has translatable strings but is not listed in po/POTFILES.in (its strings
would never reach translators), and when POTFILES.in lists a file that does
not exist (xgettext would stop). Prints what to add or remove.
"""

import os
import re
import sys

C_SUFFIXES = ('.c', '.h', '.cc', '.cpp', '.hh', '.hpp')
UI_SUFFIXES = ('.ui',)

# _("…"), N_("…"), C_("ctx", "…"), NC_("ctx", "…"), g_dngettext (…), ngettext (…)
C_MARKERS = re.compile(r'(?<![\w.>])(?:_|N_|C_|NC_|g_dngettext|ngettext)\s*\(')
# the macros' own definitions are not translatable strings
C_DEFINE = re.compile(r'^\s*#\s*define\s+(?:_|N_|C_|NC_|g_dngettext|ngettext)\b')
UI_MARKER = re.compile(r'''translatable\s*=\s*["'](?:yes|true|1)["']''')


def strip_c_comments_and_strings(text):
    """Blank out comments and string/char literals, keeping line structure."""
    out = []
    i, n = 0, len(text)
    while i < n:
        two = text[i:i + 2]
        if two == '/*':
            end = text.find('*/', i + 2)
            end = n if end < 0 else end + 2
            out.append(re.sub(r'[^\n]', ' ', text[i:end]))
            i = end
        elif two == '//':
            end = text.find('\n', i)
            end = n if end < 0 else end
            i = end
        elif text[i] in '"\'':
            quote = text[i]
            j = i + 1
            while j < n and text[j] != quote and text[j] != '\n':
                j += 2 if text[j] == '\\' else 1
            out.append(quote + ' ' * (min(j, n) - i - 1) + quote)
            i = j + 1
        else:
            out.append(text[i])
            i += 1
    return ''.join(out)


def has_translatable_strings(path):
    with open(path, encoding='utf-8', errors='replace') as f:
        text = f.read()
    if path.endswith(UI_SUFFIXES):
        return bool(UI_MARKER.search(text))
    code = strip_c_comments_and_strings(text)
    return any(C_MARKERS.search(line) and not C_DEFINE.match(line)
               for line in code.splitlines())


def read_potfiles(path):
    entries = []
    with open(path, encoding='utf-8') as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith('#'):
                entries.append(line)
    return entries


def sources_with_strings(source_root):
    found = []
    src = os.path.join(source_root, 'src')
    for directory, dirnames, filenames in os.walk(src):
        dirnames.sort()
        for name in sorted(filenames):
            if name.endswith(C_SUFFIXES + UI_SUFFIXES):
                path = os.path.join(directory, name)
                if has_translatable_strings(path):
                    found.append(os.path.relpath(path, source_root))
    return found


def main():
    if len(sys.argv) != 2:
        print('usage: check-potfiles.py SOURCE_ROOT', file=sys.stderr)
        return 2
    source_root = sys.argv[1]
    potfiles_path = os.path.join(source_root, 'po', 'POTFILES.in')
    listed = read_potfiles(potfiles_path)
    failed = False

    duplicates = sorted({e for e in listed if listed.count(e) > 1})
    if duplicates:
        failed = True
        print('FAIL: po/POTFILES.in lists these more than once:')
        for entry in duplicates:
            print(f'  {entry}')

    missing_files = [e for e in listed if not os.path.isfile(os.path.join(source_root, e))]
    if missing_files:
        failed = True
        print('FAIL: po/POTFILES.in lists files that do not exist; remove these lines:')
        for entry in missing_files:
            print(f'  {entry}')

    unlisted = [p for p in sources_with_strings(source_root) if p not in listed]
    if unlisted:
        failed = True
        print('FAIL: these files have translatable strings but are not in po/POTFILES.in;')
        print('add these lines to po/POTFILES.in:')
        for path in unlisted:
            print(f'  {path}')

    if not failed:
        print(f'ok: po/POTFILES.in lists {len(listed)} files and every src/ file with '
              'translatable strings')
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
