#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Which number `meetdial-cli lookup` prefers: --country, else the
preferred-country setting (real GSettings keyfile backend, compiled schema
from the build tree), else the country of the locale."""

import json
import os
import subprocess
import sys
import tempfile

cli, invites = sys.argv[1], sys.argv[2]
zoom = os.path.join(invites, "zoom-en.txt")  # US toll-free is #3, GB is #4
failures = []

with tempfile.TemporaryDirectory() as home:
    env = {k: v for k, v in os.environ.items() if not k.startswith("LC_") and k != "LANGUAGE"}
    env.update(GSETTINGS_BACKEND="keyfile", XDG_CONFIG_HOME=home, HOME=home, LANG="C")

    def preferred(*args, **extra):
        done = subprocess.run([cli, "lookup", zoom, "--json", *args], capture_output=True,
                              env=dict(env, **extra), timeout=30)
        if done.returncode != 0:
            failures.append(f"lookup {args} failed: {done.stderr.decode()}")
            return None
        return json.loads(done.stdout)["preferred"]

    def check(got, want, what):
        print(("ok   " if got == want else "FAIL ") + f"{what}: preferred {got}, want {want}")
        if got != want:
            failures.append(what)

    check(preferred(LANG="en_GB.UTF-8"), 4, "the locale's country when nothing is set")
    subprocess.run(["gsettings", "set", "io.github.meetdial.Meetdial", "preferred-country", "'US'"],
                   env=env, check=True)
    check(preferred(LANG="en_GB.UTF-8"), 3, "the preferred-country setting beats the locale")
    check(preferred("--country", "gb"), 4, "--country beats the setting")
    check(preferred("--country", "JP"), 0, "a country with no number falls back to the first")

sys.exit(1 if failures else 0)
