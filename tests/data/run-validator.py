#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Run a validator and fail on anything it reports, not only on its exit status.

    run-validator.py [--ignore REGEX]... [--allow REGEX]...
                     [--allow-optional REGEX]... -- COMMAND [ARG]...

Every line the command prints (stdout and stderr) counts as a finding unless
it matches an --ignore pattern (lines that are not findings, such as a
summary) or an allowance (a finding that is known and justified where the
test is declared). Fails when the command exits non-zero, prints a finding,
or when an --allow pattern matched nothing (a stale allowance);
--allow-optional is for findings that only some versions of a tool print.
"""

import argparse
import re
import subprocess
import sys


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--ignore', action='append', default=[])
    parser.add_argument('--allow', action='append', default=[])
    parser.add_argument('--allow-optional', action='append', default=[])
    parser.add_argument('command', nargs=argparse.REMAINDER)
    args = parser.parse_args()
    command = args.command[1:] if args.command[:1] == ['--'] else args.command
    if not command:
        parser.error('no command given')

    result = subprocess.run(command, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True)
    ignores = [re.compile(p) for p in args.ignore]
    allows = {p: re.compile(p) for p in args.allow + args.allow_optional}
    allowed_hits = {p: 0 for p in args.allow}
    findings = []
    for line in result.stdout.splitlines():
        if not line.strip() or any(r.search(line) for r in ignores):
            continue
        allowed = [p for p, r in allows.items() if r.search(line)]
        for p in allowed:
            if p in allowed_hits:
                allowed_hits[p] += 1
        if not allowed:
            findings.append(line)

    name = ' '.join(command)
    failed = False
    if result.returncode != 0:
        print(f'FAIL: {name} exited with status {result.returncode}')
        failed = True
    for line in findings:
        print(f'FAIL: finding not allowed: {line}')
        failed = True
    for p, hits in allowed_hits.items():
        if hits == 0:
            print(f'FAIL: allowance {p!r} matched nothing; remove it')
            failed = True
    if failed:
        print('--- full output ---')
        print(result.stdout, end='')
        return 1
    print(f'ok: {name}')
    return 0


if __name__ == '__main__':
    sys.exit(main())
