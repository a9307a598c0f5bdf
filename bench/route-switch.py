#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Audio-route figures on loopback (Kamailio, a baresip bridge, a second
baresip as the user's phone), printed, never judged:

- the switch gap heard at the bridge, computer → phone and back, over N
  switches (from the bridge's recording: the longest near-silence at each
  seam, as tests/routes measures it);
- meetdial-cli's CPU per call-minute on computer audio with webrtcdsp
  (echo-loop:60 room model) and without, and baresip's CPU (the bridge) in the
  same calls as the reference peer;
- meetdial-cli's CPU per minute while it bridges the meeting to the phone.

Usage: route-switch.py MEETDIAL_CLI [SECONDS] (inside tests/harness/keyring-session)
"""

import os
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "tests", "peers"))
sys.path.insert(0, os.path.join(HERE, "..", "tests", "routes"))

import peers  # noqa: E402
import test_routes as routes  # noqa: E402
from meetdial import Meetdial  # noqa: E402

TICK = os.sysconf("SC_CLK_TCK")


def cpu_s(pid):
    """User + system CPU seconds a live process has used so far."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICK


def switch_gaps(md, logs, n):
    out, back = [], []
    for _ in range(n):
        with routes.Meeting(md, logs) as m:
            time.sleep(1.5)
            m.call.keys("s")
            on_phone = routes.route_event(m.call, "phone")
            time.sleep(2.0)
            m.call.keys("s")
            routes.route_event(m.call, "computer", after=on_phone["t"])
            m.phone.wait_event("CALL_CLOSED", timeout=10)
            time.sleep(1.5)
            m.hang_up()
            rec = routes.recording(m.bridge)
            out.append(routes.seam_gap_ms(rec, routes.MIC_HZ, routes.PHONE_HZ)[0])
            back.append(routes.seam_gap_ms(rec, routes.PHONE_HZ, routes.MIC_HZ)[0])
    return out, back


def computer_call_cpu(md, logs, seconds, processing):
    for key in ("echo-cancellation", "noise-suppression", "gain-control"):
        md.gsettings(key, "true" if processing else "false")
    with peers.Kamailio(routes.USERS, logs=logs) as kamailio, \
         peers.Baresip(kamailio.port, routes.BRIDGE_USER, routes.BRIDGE_PASSWORD,
                       tone_hz=routes.BRIDGE_HZ, logs=logs) as bridge:
        md.add_account("work", kamailio.port, "alice", routes.PASSWORD)
        call = md.start_call(f"tel:{routes.BRIDGE_USER}", "--mic", "echo-loop:60",
                             "--speaker", "null")
        call.wait_state("active")
        start = (cpu_s(call.proc.pid), cpu_s(bridge.proc.proc.pid))
        time.sleep(seconds)
        end = (cpu_s(call.proc.pid), cpu_s(bridge.proc.proc.pid))
        call.keys("h")
        call.wait(30)
    per_min = 60 / seconds
    return (end[0] - start[0]) * per_min, (end[1] - start[1]) * per_min


def bridged_cpu(md, logs, seconds):
    with routes.Meeting(md, logs) as m:
        m.call.keys("s")
        routes.route_event(m.call, "phone")
        start = (cpu_s(m.call.proc.pid), cpu_s(m.bridge.proc.proc.pid))
        time.sleep(seconds)
        end = (cpu_s(m.call.proc.pid), cpu_s(m.bridge.proc.proc.pid))
        m.hang_up()
    per_min = 60 / seconds
    return (end[0] - start[0]) * per_min, (end[1] - start[1]) * per_min


def main():
    cli = sys.argv[1]
    seconds = int(sys.argv[2]) if len(sys.argv) > 2 else 20
    logs = peers.log_dir()
    os.environ["MEETDIAL_TEST_LOGS"] = logs
    md = Meetdial(cli, logs)
    try:
        out, back = switch_gaps(md, logs, 3)
        print("switch gap at the bridge, ms (longest near-silence at the seam; one packet = 20 ms)")
        print(f"  computer → phone: {', '.join(f'{g:.1f}' for g in out)}")
        print(f"  phone → computer: {', '.join(f'{g:.1f}' for g in back)}")
        off = computer_call_cpu(md, logs, seconds, False)
        on = computer_call_cpu(md, logs, seconds, True)
        print(f"CPU per call-minute, computer audio (PCMU, echo-loop:60), {seconds} s calls:")
        print(f"  meetdial-cli without webrtcdsp: {off[0]:.2f} s   (bridge baresip {off[1]:.2f} s)")
        print(f"  meetdial-cli with webrtcdsp:    {on[0]:.2f} s   (bridge baresip {on[1]:.2f} s)")
        print(f"  webrtcdsp costs {on[0] - off[0]:.2f} CPU-s per call-minute "
              f"({(on[0] - off[0]) / 60 * 100:.1f} % of one core)")
        bridged = bridged_cpu(md, logs, seconds)
        print(f"CPU per minute of a bridged (call-me) meeting, both legs PCMU: meetdial-cli "
              f"{bridged[0]:.2f} s, bridge baresip {bridged[1]:.2f} s, "
              f"ratio {bridged[0] / max(bridged[1], 1e-3):.1f}")
    finally:
        md.cleanup()


if __name__ == "__main__":
    main()
