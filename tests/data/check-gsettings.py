#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Check the schema compiled into the build dir, through gsettings itself.

    check-gsettings.py GSETTINGS SCHEMA_ID

Runs with the environment other tests get from `gsettings_test_env`
(GSETTINGS_SCHEMA_DIR set to the build dir's data/), so it also proves that
environment finds the schema. Checks the defaults and ranges of the keys the
code relies on; keys added later need no entry here.
"""

import subprocess
import sys

# key: (default as gsettings prints it, range as gsettings prints it)
EXPECTED = {
    'pause-ms': ('uint32 2000', 'range u 0 60000'),
    'dtmf-mode': ("'auto'", "enum 'auto' 'rfc4733' 'sip-info' 'inband'"),
    'confirm-links': ('true', 'type b'),
    'preferred-country': ("''", 'type s'),
    'default-account': ("''", 'type s'),
}


def gsettings(program, *args):
    result = subprocess.run([program, *args], stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True)
    return result.returncode, ' '.join(result.stdout.split())


def main():
    if len(sys.argv) != 3:
        print('usage: check-gsettings.py GSETTINGS SCHEMA_ID', file=sys.stderr)
        return 2
    program, schema = sys.argv[1:]
    errors = []
    for key, (default, key_range) in EXPECTED.items():
        for args, expected in ((('get', schema, key), default),
                               (('range', schema, key), key_range)):
            status, output = gsettings(program, *args)
            if status != 0 or output != expected:
                errors.append(f'gsettings {" ".join(args)} gave {output!r} '
                              f'(status {status}), expected {expected!r}')
    for error in errors:
        print('FAIL:', error)
    if not errors:
        print(f'ok: {schema} has the expected keys, defaults and ranges')
    return 1 if errors else 0


if __name__ == '__main__':
    sys.exit(main())
