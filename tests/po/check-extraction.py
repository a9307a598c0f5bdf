#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Check xgettext extracts strings from every file in po/POTFILES.in.

    check-extraction.py XGETTEXT SOURCE_ROOT

Runs xgettext over POTFILES.in into a temporary file, as `ninja meetdial-pot`
does. Fails when xgettext fails or warns, or when a listed file gives no
message at all: then xgettext does not know how to read it (a missing ITS
rule, a wrong file name) or it has nothing to translate and should not be
listed.
"""

import os
import re
import subprocess
import sys
import tempfile

# The gettext keywords of meson's 'glib' preset.
KEYWORDS = ['_', 'N_', 'C_:1c,2', 'NC_:1c,2', 'g_dngettext:2,3', 'g_dpgettext2:2c,3']


def main():
    if len(sys.argv) != 3:
        print('usage: check-extraction.py XGETTEXT SOURCE_ROOT', file=sys.stderr)
        return 2
    xgettext, source_root = sys.argv[1:]
    potfiles = os.path.join(source_root, 'po', 'POTFILES.in')
    with open(potfiles, encoding='utf-8') as f:
        listed = [line.strip() for line in f
                  if line.strip() and not line.strip().startswith('#')]

    with tempfile.TemporaryDirectory() as tmp:
        pot = os.path.join(tmp, 'messages.pot')
        command = [xgettext, '--directory', source_root, '--files-from', potfiles,
                   '--from-code=UTF-8', '--add-comments', '--output', pot]
        command += [f'--keyword={k}' for k in KEYWORDS]
        result = subprocess.run(command, stdout=subprocess.PIPE,
                                stderr=subprocess.STDOUT, text=True)
        if result.returncode != 0 or result.stdout.strip():
            print(f'FAIL: xgettext exited with {result.returncode} and said:')
            print(result.stdout)
            return 1
        with open(pot, encoding='utf-8') as f:
            references = set(re.findall(r'^#: (.*)$', f.read(), re.MULTILINE))

    referenced = {ref.rsplit(':', 1)[0] for line in references for ref in line.split()}
    empty = [path for path in listed if path not in referenced]
    for path in empty:
        print(f'FAIL: xgettext found no translatable string in {path}')
    if not empty:
        print(f'ok: xgettext extracts messages from all {len(listed)} files in POTFILES.in')
    return 1 if empty else 0


if __name__ == '__main__':
    sys.exit(main())
