#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Where a call's CPU goes: the same PCMU call as call-vs-baresip.py (tone
out, received audio to a WAV, through Kamailio to a baresip bridge), made by
meetdial-cli and by baresip in turns; for SECONDS of the call's middle,
each thread's CPU (ms per second of call) and how often it was switched to.
Then the floor GStreamer sets by itself: a live source that makes one 20 ms
packet at a time into a sink that throws it away (gst-launch-1.0), the
least any GStreamer send path costs. Prints figures; never passes or fails.

Usage: cpu-by-thread.py MEETDIAL_CLI [SECONDS] [TURNS]
Needs kamailio, baresip-core, gstreamer1.0-tools, gnome-keyring (run inside
tests/harness/keyring-session), GSETTINGS_SCHEMA_DIR=<build>/data.
"""

import collections
import os
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "peers"))

import peers  # noqa: E402
from bench_call import BRIDGE, USERS, baresip_caller  # noqa: E402
from meetdial import Meetdial  # noqa: E402

PIN = "123456789#"
SETTLE = 3   # s after answer before measuring: the PIN is sent by then


def threads(pid):
    """{thread id: (name, CPU seconds, context switches)} of @pid now."""
    found = {}
    for tid in os.listdir(f"/proc/{pid}/task"):
        base = f"/proc/{pid}/task/{tid}"
        try:
            with open(f"{base}/comm") as f:
                name = f.read().strip()
            with open(f"{base}/schedstat") as f:
                cpu = int(f.read().split()[0]) / 1e9
            with open(f"{base}/status") as f:
                switches = sum(int(line.split()[1]) for line in f
                               if line.startswith(("voluntary_ctxt", "nonvoluntary_ctxt")))
        except FileNotFoundError:   # the thread ended meanwhile
            continue
        found[tid] = (name, cpu, switches)
    return found


def measure(pid, seconds):
    """{thread name: [CPU ms/s, switches/s]} over @seconds, threads of one
    name summed (baresip names all its threads "baresip")."""
    before = threads(pid)
    time.sleep(seconds)   # the window measured, not a synchronisation
    after = threads(pid)
    rates = collections.defaultdict(lambda: [0.0, 0.0])
    for tid, (name, cpu, switches) in after.items():
        _, cpu0, switches0 = before.get(tid, (name, 0.0, 0))
        rates[name][0] += (cpu - cpu0) * 1000 / seconds
        rates[name][1] += (switches - switches0) / seconds
    return rates


def meetdial_call(md, seconds):
    wav = os.path.join(md.config, "heard.wav")
    call = md.start_call(f"tel:{BRIDGE},,{PIN}", "--mic", "tone:440", "--speaker", f"file:{wav}",
                         "--pause-ms", "300", "--hangup-after", str(SETTLE + seconds + 2))
    call.wait_state("active", timeout=10)
    time.sleep(SETTLE)
    rates = measure(call.proc.pid, seconds)
    if call.wait(30) != 0:
        raise SystemExit("meetdial-cli call failed: " + call.stderr.decode())
    return rates


def baresip_call(kamailio, seconds, logs):
    with baresip_caller(kamailio, logs) as caller:
        time.sleep(SETTLE)
        rates = measure(caller.proc.proc.pid, seconds)
        caller.command("hangup")
    return rates


def gstreamer_floor(seconds):
    launch = peers.need("gst-launch-1.0", "gstreamer1.0-tools")
    proc = subprocess.Popen([launch, "-q", "audiotestsrc", "is-live=true", "samplesperbuffer=160",
                             "!", "audio/x-raw,format=S16LE,rate=8000,channels=1", "!", "fakesink"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        time.sleep(SETTLE)
        return measure(proc.pid, seconds)
    finally:
        proc.terminate()
        proc.wait(10)


def show(title, rates):
    total = sum(cpu for cpu, _ in rates.values())
    print(f"{title}: {total:.2f} ms of CPU per second of call")
    for name, (cpu, switches) in sorted(rates.items(), key=lambda i: -i[1][0]):
        if cpu >= 0.05 or switches >= 1:
            print(f"  {name:18} {cpu:6.2f} ms/s {switches:7.1f} switches/s")
    return total


def main():
    cli = sys.argv[1]
    seconds = int(sys.argv[2]) if len(sys.argv) > 2 else 15
    turns = int(sys.argv[3]) if len(sys.argv) > 3 else 3
    logs = tempfile.mkdtemp(prefix="meetdial-bench-")
    os.environ["MEETDIAL_TEST_LOGS"] = logs
    md = Meetdial(cli, logs)
    md.env["G_MESSAGES_DEBUG"] = ""
    totals = []
    try:
        with peers.Kamailio(USERS, logs=logs) as kamailio, \
             peers.Baresip(kamailio.port, BRIDGE, USERS[BRIDGE], logs=logs):
            md.add_account("work", kamailio.port, "alice", USERS["alice"])
            for turn in range(1, turns + 1):
                ours = show(f"turn {turn}, meetdial-cli", meetdial_call(md, seconds))
                theirs = show(f"turn {turn}, baresip", baresip_call(kamailio, seconds, logs))
                totals.append((ours, theirs))
    finally:
        md.cleanup()
    floor = show("GStreamer alone, a live source into a sink (gst-launch-1.0)",
                 gstreamer_floor(seconds))
    for turn, (ours, theirs) in enumerate(totals, 1):
        print(f"turn {turn}: meetdial-cli {ours:.2f} ms/s, baresip {theirs:.2f} ms/s "
              f"({ours / theirs:.2f}×); GStreamer's floor alone is {floor / theirs:.2f}× "
              "baresip's whole call")


if __name__ == "__main__":
    main()
