#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Check xgettext extracts strings from every file in po/POTFILES.in, and
that every language in po/LINGUAS translates every message it extracts.

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
        incomplete = untranslated(xgettext, source_root, pot, tmp)

    referenced = {ref.rsplit(':', 1)[0] for line in references for ref in line.split()}
    empty = [path for path in listed if path not in referenced]
    for path in empty:
        print(f'FAIL: xgettext found no translatable string in {path}')
    if not empty:
        print(f'ok: xgettext extracts messages from all {len(listed)} files in POTFILES.in')
    for language, messages in incomplete.items():
        print(f'FAIL: po/{language}.po lacks a translation (or has a fuzzy one) of:')
        for message in messages:
            print(f'  {message}')
    return 1 if empty or incomplete else 0


def untranslated(xgettext, source_root, pot, tmp):
    """{language: [msgid, …]} of what each po/LINGUAS file leaves untranslated
    or fuzzy once merged with @pot, as `ninja meetdial-update-po` would."""
    tools = os.path.dirname(xgettext)
    with open(os.path.join(source_root, 'po', 'LINGUAS'), encoding='utf-8') as f:
        languages = [w for line in f if not line.startswith('#') for w in line.split()]
    missing = {}
    for language in languages:
        merged = os.path.join(tmp, language + '.po')
        subprocess.run([os.path.join(tools, 'msgmerge'), '--quiet', '--no-fuzzy-matching',
                        os.path.join(source_root, 'po', language + '.po'), pot, '-o', merged],
                       check=True)
        left = subprocess.run([os.path.join(tools, 'msgattrib'), '--untranslated',
                               '--no-obsolete', merged],
                              stdout=subprocess.PIPE, text=True, check=True).stdout
        left += subprocess.run([os.path.join(tools, 'msgattrib'), '--only-fuzzy',
                                '--no-obsolete', merged],
                               stdout=subprocess.PIPE, text=True, check=True).stdout
        msgids = [m.replace('"\n"', '') for m in
                  re.findall(r'^msgid ((?:".*"\n)+)', left, re.MULTILINE)]
        msgids = [m.strip().strip('"') for m in msgids if m.strip() != '""']
        if msgids:
            missing[language] = msgids
    return missing


if __name__ == '__main__':
    sys.exit(main())
