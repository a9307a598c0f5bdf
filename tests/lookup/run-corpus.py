#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Runs `meetdial-cli lookup --json` on every invitation in invites/ and
compares the JSON it prints, as parsed data, with NAME.json next to it.
NAME.args holds extra arguments (default: --country US). The exit status
must match too: 0 for a result, 1 for an error, 3 for bad input."""

import json
import os
import subprocess
import sys

cli, invites = sys.argv[1], sys.argv[2]
env = dict(os.environ, LANG="C", LC_ALL="C", GSETTINGS_BACKEND="memory")

names = sorted(f for f in os.listdir(invites)
               if not f.endswith((".json", ".args")))
if len(names) < 30:
    sys.exit(f"the corpus has only {len(names)} invitations; it must have 30 or more")

failures = 0
for name in names:
    stem = os.path.splitext(name)[0]
    with open(os.path.join(invites, stem + ".json"), encoding="utf-8") as f:
        expected = json.load(f)
    args_path = os.path.join(invites, stem + ".args")
    args = ["--country", "US"]
    if os.path.exists(args_path):
        with open(args_path, encoding="utf-8") as f:
            args = f.read().split()

    run = subprocess.run([cli, "lookup", os.path.join(invites, name), "--json", *args],
                         capture_output=True, env=env, timeout=30)
    try:
        got = json.loads(run.stdout)
    except json.JSONDecodeError:
        got = {"unparseable stdout": run.stdout.decode(errors="replace")}

    if "error" in expected:
        want_status = 3 if expected["error"]["code"] == "bad-input" else 1
    else:
        want_status = 0

    if got != expected or run.returncode != want_status:
        failures += 1
        print(f"FAIL {name}: exit {run.returncode} (want {want_status})")
        print("  expected:", json.dumps(expected, ensure_ascii=False, sort_keys=True))
        print("  got:     ", json.dumps(got, ensure_ascii=False, sort_keys=True))
        print("  stderr:  ", run.stderr.decode(errors="replace").strip())
    elif want_status != 0 and not run.stderr.decode().startswith("meetdial-cli: "):
        failures += 1
        print(f"FAIL {name}: no “meetdial-cli: …” line on stderr")
    else:
        print(f"ok   {name}")

# The same invitation from standard input ("-") reads the same.
stem = "zoom-en"
with open(os.path.join(invites, stem + ".txt"), "rb") as f:
    run = subprocess.run([cli, "lookup", "-", "--json", "--country", "US"], input=f.read(),
                         capture_output=True, env=env, timeout=30)
with open(os.path.join(invites, stem + ".json"), encoding="utf-8") as f:
    if run.returncode != 0 or json.loads(run.stdout) != json.load(f):
        failures += 1
        print(f"FAIL {stem}.txt from standard input: exit {run.returncode}")
    else:
        print(f"ok   {stem}.txt from standard input")

run = subprocess.run([cli, "lookup", os.path.join(invites, "no-such-file.txt")],
                     capture_output=True, env=env, timeout=30)
# One line, "meetdial-cli: lookup: …", naming the file once (GLib's message does).
if (run.returncode != 3 or not run.stderr.startswith(b"meetdial-cli: lookup: ")
        or run.stderr.count(b"no-such-file.txt") != 1):
    failures += 1
    print(f"FAIL a missing file: exit {run.returncode}, {run.stderr!r}")
else:
    print("ok   a missing file is bad input (exit 3)")

print(f"{len(names) - failures}/{len(names)} invitations read as expected")
sys.exit(1 if failures else 0)
