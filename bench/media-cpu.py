#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""CPU time and peak memory of a call's media: Meetdial's media core (two
MdMediaSessions in one process, bench/media-cpu.c) against a pair of baresip
processes in a call through Kamailio, each side sending a tone and recording.
Both run for the same SECONDS, measured from answer. Prints each figure and
its ratio to baresip; never passes or fails on speed.

Usage: media-cpu.py MEDIA_CPU_BINARY [SECONDS]
Needs kamailio and baresip-core for the baresip half (it fails and says so
when they are missing).
"""

import json
import os
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "peers"))

import peers  # noqa: E402

CLK_TCK = os.sysconf("SC_CLK_TCK")
USERS = {"caller": "caller-pass", "bridge": "bridge-pass"}


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLK_TCK


def peak_rss_kib(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return 0


def run_meetdial(binary, seconds):
    out = subprocess.run([binary, str(seconds)], capture_output=True, text=True,
                         timeout=seconds + 60, check=True).stdout
    print(out, end="")
    return json.loads(out.strip().splitlines()[-1])


def run_baresip(seconds, logs):
    with peers.Kamailio(USERS, logs=logs) as kamailio, \
         peers.Baresip(kamailio.port, "bridge", USERS["bridge"], logs=logs) as bridge:
        caller = peers.Baresip(kamailio.port, "caller", USERS["caller"], answer="manual",
                               tone_hz=440, logs=logs,
                               commands=[f"/dial sip:bridge@127.0.0.1:{kamailio.port}"])
        caller.start()
        try:
            caller.proc.wait_log("Call established", timeout=10)
            pids = [caller.proc.proc.pid, bridge.proc.proc.pid]
            before = sum(cpu_seconds(p) for p in pids)
            started = time.monotonic()
            time.sleep(seconds)   # the call's length is what is measured here
            cpu = sum(cpu_seconds(p) for p in pids) - before
            elapsed = time.monotonic() - started
            rss = sum(peak_rss_kib(p) for p in pids)
            caller.command("hangup")
        finally:
            caller.stop()
            caller.cleanup()
    return {"seconds": elapsed, "cpu_s": cpu, "peak_rss_kib": rss}


def ratio(a, b):
    return f"{a / b:.2f}×" if b else "n/a"


def main():
    binary = sys.argv[1]
    seconds = int(sys.argv[2]) if len(sys.argv) > 2 else 30
    logs = tempfile.mkdtemp(prefix="meetdial-bench-media-")
    # Like a desktop that ran GStreamer before: its plugin registry is built.
    subprocess.run([peers.need("gst-inspect-1.0", "gstreamer1.0-tools"), "rtpbin"],
                   capture_output=True, check=True)
    ours = run_meetdial(binary, seconds)
    theirs = run_baresip(seconds, logs)

    print(f"\nOne {seconds} s PCMU call, both ends (logs: {logs})")
    print(f"{'figure':36} {'meetdial media':>15} {'baresip pair':>13} {'ratio':>7}")
    ours_ms = ours["cpu_s"] * 1000 * 30 / ours["seconds"]
    theirs_ms = theirs["cpu_s"] * 1000 * 30 / theirs["seconds"]
    print(f"{'CPU per 30 s, both ends (ms)':36} {ours_ms:15.0f} {theirs_ms:13.0f} "
          f"{ratio(ours_ms, theirs_ms):>7}")
    print(f"{'peak RSS, both ends (MiB)':36} {ours['peak_rss_kib'] / 1024:15.1f} "
          f"{theirs['peak_rss_kib'] / 1024:13.1f} "
          f"{ratio(ours['peak_rss_kib'], theirs['peak_rss_kib']):>7}")
    print("Not quite like for like: each baresip end generates a 48 kHz stereo sine, "
          "resamples it and records both directions; each Meetdial end generates 8 kHz "
          "mono and records what it receives. Meetdial's two ends share one process "
          "(one GStreamer registry), baresip's are two processes.")


if __name__ == "__main__":
    main()
