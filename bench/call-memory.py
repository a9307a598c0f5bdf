#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Where a call's memory goes. The PCMU call of call-vs-baresip.py (a tone
out, the received audio to a WAV, through Kamailio to a baresip bridge),
made by meetdial-cli and by baresip, each measured 3 s after answer from
/proc/PID/smaps_rollup: resident, proportional (PSS) and private dirty
memory, and the peak RSS. Then meetdial-cli once more with GStreamer shown
only the plugins its first call mapped (a private plugin folder and
registry, GST_PLUGIN_SYSTEM_PATH_1_0 and GST_REGISTRY_1_0): what the
system's whole plugin registry costs, also in GStreamer's start
(gst-inspect-1.0 with either registry). Prints figures; never passes or
fails.

baresip's PSS counts its modules at half: the bridge maps the same ones.

Usage: call-memory.py MEETDIAL_CLI
Needs kamailio, baresip-core, gnome-keyring (run inside
tests/harness/keyring-session), GSETTINGS_SCHEMA_DIR=<build>/data.
"""

import os
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "peers"))

import peers  # noqa: E402
from bench_call import BRIDGE, USERS, baresip_caller  # noqa: E402
from meetdial import Meetdial  # noqa: E402
SETTLE = 3   # s after answer: the PIN has gone, the audio runs


def memory(pid):
    """KiB: RSS, PSS and private dirty of @pid now."""
    fields = {}
    with open(f"/proc/{pid}/smaps_rollup") as f:
        for line in f:
            parts = line.split()
            if len(parts) >= 2 and parts[0].endswith(":") and parts[1].isdigit():
                fields[parts[0][:-1]] = int(parts[1])
    return {"rss": fields["Rss"], "pss": fields["Pss"], "dirty": fields["Private_Dirty"]}


def peak_rss(pid):
    with open(f"/proc/{pid}/status") as f:
        return next(int(line.split()[1]) for line in f if line.startswith("VmHWM:"))


def gstreamer_plugins(pid):
    """The GStreamer plugin files @pid has mapped."""
    with open(f"/proc/{pid}/maps") as f:
        paths = {line.split()[-1] for line in f if "/gstreamer-1.0/libgst" in line}
    return sorted(paths)


def inspect_ms(env, runs=7):
    """Median wall time of `gst-inspect-1.0 rtpbin`: GStreamer's start with
    the registry @env names, and one element looked up."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(["gst-inspect-1.0", "rtpbin"], env=env, capture_output=True, check=True)
        times.append((time.perf_counter() - start) * 1000)
    return sorted(times)[runs // 2]


def meetdial_call(md, kamailio, logs):
    wav = os.path.join(logs, "heard.wav")
    call = md.start_call(f"tel:{BRIDGE},,123#", "--mic", "tone:440", "--speaker",
                         f"file:{wav}", "--hangup-after", str(SETTLE + 1))
    call.wait_state("active", timeout=10)
    time.sleep(SETTLE)   # the moment measured, not a synchronisation
    figures = memory(call.proc.pid)
    figures["peak"] = peak_rss(call.proc.pid)
    plugins = gstreamer_plugins(call.proc.pid)
    if call.wait(20) != 0:
        raise SystemExit("meetdial-cli call failed: " + call.stderr.decode())
    return figures, plugins


def baresip_call(kamailio, logs):
    with baresip_caller(kamailio, logs) as caller:
        time.sleep(SETTLE)   # the moment measured, not a synchronisation
        figures = memory(caller.proc.proc.pid)
        figures["peak"] = peak_rss(caller.proc.proc.pid)
    return figures


def main():
    cli = sys.argv[1]
    logs = tempfile.mkdtemp(prefix="meetdial-bench-")
    os.environ["MEETDIAL_TEST_LOGS"] = logs
    md = Meetdial(cli, logs)
    plugin_dir = os.path.join(logs, "plugins")
    rows = []
    try:
        with peers.Kamailio(USERS, logs=logs) as kamailio, \
             peers.Baresip(kamailio.port, BRIDGE, USERS[BRIDGE], logs=logs):
            md.add_account("work", kamailio.port, "alice", USERS["alice"])
            meetdial_call(md, kamailio, logs)   # the codec cache and registry are warm
            ours, plugins = meetdial_call(md, kamailio, logs)
            rows.append(("meetdial-cli", ours))
            rows.append(("baresip", baresip_call(kamailio, logs)))

            os.makedirs(plugin_dir)
            for path in plugins:
                os.symlink(path, os.path.join(plugin_dir, os.path.basename(path)))
            md.env["GST_PLUGIN_SYSTEM_PATH_1_0"] = plugin_dir
            md.env["GST_REGISTRY_1_0"] = os.path.join(logs, "registry.bin")
            subprocess.run(["gst-inspect-1.0", "rtpbin"], env=md.env, capture_output=True,
                           check=True)
            small, _ = meetdial_call(md, kamailio, logs)
            rows.append((f"meetdial-cli, {len(plugins)} plugins", small))
            system_env = {k: v for k, v in md.env.items() if not k.startswith("GST_")}
            start_ms = [(inspect_ms(system_env), inspect_ms(md.env)) for _ in range(3)]
    finally:
        md.cleanup()

    theirs = rows[1][1]
    print(f"Memory {SETTLE} s into a PCMU call through Kamailio to a baresip bridge "
          f"(logs: {logs}), MiB, and the ratio to baresip")
    print(f"{'program':28} {'peak RSS':>14} {'RSS':>14} {'PSS':>14} {'private dirty':>14}")
    for name, fig in rows:
        cells = [f"{fig[k] / 1024:.1f} ({fig[k] / theirs[k]:.2f}×)"
                 for k in ("peak", "rss", "pss", "dirty")]
        print(f"{name:28} " + " ".join(f"{c:>14}" for c in cells))
    print("plugins the call mapped: " + ", ".join(os.path.basename(p)[6:-3] for p in plugins))
    print("gst-inspect-1.0 rtpbin, median of 7, ms, the system's registry against the "
          "call's plugins only, three rounds: "
          + "; ".join(f"{a:.1f} / {b:.1f}" for a, b in start_ms))


if __name__ == "__main__":
    main()
