# SPDX-License-Identifier: GPL-3.0-or-later
"""Cold start to first frame and idle memory of `meetdial` with one SIP
account registered (at a Kamailio on loopback), against GNOME Calls
(Debian's gnome-calls) started the same way under the same Xvfb.

Both are timed from the moment the process is started until xdotool sees
the window mapped (the same observer for both); Meetdial also prints its own
first-frame time (MEETDIAL_BENCH=1). RSS and PSS are read from /proc after
the app sat idle. Prints medians and the ratios Meetdial / GNOME Calls.
Run inside tests/harness/keyring-session (meson test --benchmark does)."""

import os
import re
import select
import shutil
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "tests", "gui"))
sys.path.insert(0, os.path.join(HERE, "..", "tests", "peers"))
import guitest  # noqa: E402
import peers  # noqa: E402

RUNS = int(os.environ.get("MEETDIAL_BENCH_RUNS", "5"))
IDLE_SECONDS = 3  # what "idle" means here: a measured state, not a wait for an event
PASSWORD = "bench-pass"


def memory_kib(pid):
    rss = int(re.search(r"VmRSS:\s+(\d+)", open(f"/proc/{pid}/status").read()).group(1))
    pss = int(re.search(r"Pss:\s+(\d+)", open(f"/proc/{pid}/smaps_rollup").read()).group(1))
    return rss, pss


def wait_mapped(session, name, t0):
    """Asks the X server again and again (each ask takes a few ms) rather
    than `xdotool search --sync`, which looks only every half second."""
    deadline = t0 + 30
    while time.monotonic() < deadline:
        found = subprocess.run(["xdotool", "search", "--onlyvisible", "--name", name],
                               env=session.env, stdout=subprocess.PIPE,
                               stderr=subprocess.DEVNULL).stdout.strip()
        if found:
            return (time.monotonic() - t0) * 1000
    raise RuntimeError(f"no window {name!r} within 30 s")


def wait_line(reader, pattern, timeout=30):
    """Reads the app's stderr+stdout until @pattern; returns the match."""
    deadline = time.monotonic() + timeout
    while True:
        line = reader.readline(deadline)
        if not line:
            raise RuntimeError(f"no line matching {pattern!r} within {timeout} s")
        match = re.search(pattern, line)
        if match:
            return match


def stop(proc):
    proc.terminate()
    try:
        proc.wait(10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def run_meetdial(session):
    env = dict(session.env, MEETDIAL_BENCH="1", G_MESSAGES_DEBUG="md-gui")
    t0 = time.monotonic()
    proc = subprocess.Popen([os.environ["MEETDIAL"]], env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT)
    reader = guitest.LineReader(proc.stdout)
    try:
        mapped_ms = wait_mapped(session, "^Meetdial$", t0)
        own_ms = float(wait_line(reader, r"first frame after ([\d.]+) ms").group(1))
        wait_line(reader, r"Account work: registered")
        time.sleep(IDLE_SECONDS)
        rss, pss = memory_kib(proc.pid)
    except Exception:
        stop(proc)
        print(proc.stdout.read().decode(errors="replace")[-3000:], file=sys.stderr)
        raise
    stop(proc)
    return mapped_ms, own_ms, rss, pss


def run_gnome_calls(session):
    t0 = time.monotonic()
    log = open(os.path.join(session.artefacts, "bench-gnome-calls.log"), "a")
    proc = subprocess.Popen(["gnome-calls"], env=session.env, stdout=log, stderr=subprocess.STDOUT)
    try:
        mapped_ms = wait_mapped(session, "^Calls$", t0)
        time.sleep(IDLE_SECONDS)
        rss, pss = memory_kib(proc.pid)
    finally:
        stop(proc)
    return mapped_ms, rss, pss


def main():
    have_calls = shutil.which("gnome-calls") is not None
    # Xvfb has no GPU: GDK would still probe OpenGL and map Mesa's software
    # driver (with LLVM, ~50 MiB) into both apps; the cairo renderer needs
    # none of it. MEETDIAL_BENCH_GL=1 keeps the probe.
    gl = os.environ.get("MEETDIAL_BENCH_GL") == "1"
    results = {"meetdial": [], "calls": []}
    with peers.Kamailio({"alice": PASSWORD}) as kamailio:
        guitest.store_password("work", PASSWORD)
        account = ("[{'name': 'work', 'server': '127.0.0.1:%d', 'user': 'alice', "
                   "'domain': '', 'transport': 'udp', 'display-name': ''}]" % kamailio.port)
        # A fresh X server for every run: nothing cached from the last one,
        # and a run that loses its server does not take the others along.
        failures = []
        for run in range(RUNS):
            for name, runner, key in (("meetdial", run_meetdial, "meetdial"),
                                      ("gnome-calls", run_gnome_calls, "calls")):
                if key == "calls" and not have_calls:
                    continue
                with guitest.Session(f"bench-{name}-{run}", settings={"sip-accounts": account},
                                     screen_width=800) as session:
                    if not gl:
                        session.env["GDK_DEBUG"] = "gl-disable"
                    try:
                        results[key].append(runner(session))
                    except Exception as error:  # a run that fails is reported, not fatal
                        failures.append(f"{name} run {run + 1}: {error}")

    for failure in failures:
        print("failed:", failure)
    if not results["meetdial"]:
        sys.exit("no Meetdial run succeeded")

    med = lambda rows, i: statistics.median(r[i] for r in rows)  # noqa: E731
    m = results["meetdial"]
    print(f"runs: {len(results['meetdial'])} of {RUNS} (meetdial), "
          f"{len(results['calls'])} of {RUNS} (gnome-calls), idle {IDLE_SECONDS} s before memory is read, "
          f"OpenGL probe {'on' if gl else 'off (GDK_DEBUG=gl-disable)'}, GSK_RENDERER=cairo")
    print(f"meetdial: start → window mapped {med(m, 0):.0f} ms (own first frame "
          f"{med(m, 1):.0f} ms after main), RSS {med(m, 2) / 1024:.1f} MiB, "
          f"PSS {med(m, 3) / 1024:.1f} MiB, one account registered")
    if results["calls"]:
        c = results["calls"]
        print(f"gnome-calls: start → window mapped {med(c, 0):.0f} ms, "
              f"RSS {med(c, 1) / 1024:.1f} MiB, PSS {med(c, 2) / 1024:.1f} MiB, no account")
        print(f"ratio meetdial/gnome-calls: start {med(m, 0) / med(c, 0):.2f}, "
              f"RSS {med(m, 2) / med(c, 1):.2f}, PSS {med(m, 3) / med(c, 2):.2f}")
    else:
        print("gnome-calls: not installed (apt-get install gnome-calls); no ratio")


main()
