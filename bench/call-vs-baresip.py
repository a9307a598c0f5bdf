#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""One 30 s PCMU call to the same Kamailio + baresip bridge, made once by
meetdial-cli and once by baresip doing comparable work (a generated tone as
the source, the received audio written to a WAV): CPU and peak RSS. Then
short calls by each, taken in turns, for the figures of the start (medians).
Prints each figure and its ratio to baresip; never passes or fails on speed.

Usage: call-vs-baresip.py MEETDIAL_CLI [SECONDS]
Needs root (tshark on lo), kamailio, baresip-core, tshark, gnome-keyring (run
inside tests/harness/keyring-session), GSETTINGS_SCHEMA_DIR=<build>/data.
"""

import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "peers"))

import peers  # noqa: E402
from meetdial import Meetdial  # noqa: E402

CLK_TCK = os.sysconf("SC_CLK_TCK")
PIN = "123456789#"
BRIDGE = "+15550100"
USERS = {"alice": "alice-pass", "bob": "bob-pass", BRIDGE: "bridge-pass"}
STARTS = 9   # short calls per program for the figures of the start (medians)


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLK_TCK


def sip_messages(capture):
    """SIP messages in @capture as (epoch time, from user, method, status,
    CSeq method)."""
    rows = []
    for row in capture.fields("sip", "frame.time_epoch", "sip.from.user", "sip.Method",
                              "sip.Status-Code", "sip.CSeq.method"):
        t, user, method, status, cseq = (row + [""] * 5)[:5]
        rows.append((float(t), user, method, status, cseq))
    return rows


def library_rss(pid):
    """KiB resident per shared object (by file name) in @pid now."""
    rss, name = {}, None
    with open(f"/proc/{pid}/smaps") as f:
        for line in f:
            fields = line.split()
            if "-" in fields[0] and len(fields) >= 5 and ":" in fields[3]:
                path = fields[5] if len(fields) > 5 else ""
                name = os.path.basename(path) if ".so" in path else None
            elif fields[0] == "Rss:" and name:
                rss[name] = rss.get(name, 0) + int(fields[1])
    return rss


def wire_times(rows, user, start):
    """The caller's first INVITE after @start, and the first 200 OK to an
    INVITE after that."""
    invite = min(t for t, u, m, s, c in rows if u == user and m == "INVITE" and t > start)
    ok = min(t for t, u, m, s, c in rows
             if u == user and s == "200" and c == "INVITE" and t > invite)
    return invite, ok


def run_meetdial(md, kamailio, bridge, seconds, logs):
    md.add_account("work", kamailio.port, "alice", USERS["alice"])
    wav = os.path.join(md.config, "heard.wav")
    n_events = len(bridge.events)
    call = md.start_call(f"tel:{BRIDGE},,{PIN}", "--mic", "tone:440", "--speaker", f"file:{wav}",
                         "--hangup-after", str(seconds))
    call.wait_state("active", timeout=10)
    cpu_at_answer = cpu_seconds(call.proc.pid)
    libraries = library_rss(call.proc.pid)
    proc = peers.Process.__new__(peers.Process)   # reuse wait_rusage on this child
    proc.proc, proc.name = call.proc, "meetdial-cli"
    usage = proc.wait_rusage(seconds + 30)
    call.reader.join(5)
    if call.proc.returncode != 0:
        raise SystemExit("meetdial-cli call failed: " + call.stderr.decode())
    active_ms = [e["t_ms"] for e in call.events if e.get("state") == "active"][0]
    sent_ms = [e["t_ms"] for e in call.events if e.get("event") == "dtmf"]
    events = bridge.events[n_events:]
    answered = [e["t"] for e in events if e.get("type") == "CALL_ESTABLISHED"][0]
    digits = [e["t"] for e in events if e.get("type") == "CALL_DTMF_START"]
    return {
        "cpu": usage.ru_utime + usage.ru_stime - cpu_at_answer,
        "rss_kib": proc.peak_rss_kib,
        "libraries": libraries,
        "first_digit_ms": (digits[0] - answered) * 1000 if digits else None,
        "first_sent_ms": sent_ms[0] - active_ms if sent_ms else None,
        "ms_per_digit": ((digits[-1] - digits[0]) * 1000 / (len(digits) - 1)) if len(digits) > 1 else None,
        "n_digits": len(digits),
    }


def run_baresip(kamailio, bridge, seconds, logs):
    caller = peers.Baresip(kamailio.port, "bob", USERS["bob"], answer="manual", tone_hz=440,
                           logs=logs,
                           commands=[f"/dial sip:{BRIDGE}@127.0.0.1:{kamailio.port}"])
    caller.start()
    try:
        # The dial runs before ctrl_tcp has a client: the log tells.
        caller.proc.wait_log("Call established", timeout=10)
        cpu_at_answer = cpu_seconds(caller.proc.proc.pid)
        libraries = library_rss(caller.proc.proc.pid)
        time.sleep(seconds)   # the call's length is what is measured here
        caller.command("hangup")
        caller.proc.wait_log("terminated (duration", timeout=10)
        os.kill(caller.proc.proc.pid, 15)
        usage = caller.proc.wait_rusage(30)
        peak_rss_kib = caller.proc.peak_rss_kib
    finally:
        caller.stop()
        caller.cleanup()
    return {"cpu": usage.ru_utime + usage.ru_stime - cpu_at_answer,
            "rss_kib": peak_rss_kib, "libraries": libraries}


def sample_starts(md, kamailio, logs, runs):
    """Short calls, one program after the other, each started afresh and
    hung up once answered: their start times, for the figures of the start
    (one start alone varies by more than the difference)."""
    ours, theirs = [], []
    dial = f"/dial sip:{BRIDGE}@127.0.0.1:{kamailio.port}"
    for _ in range(runs):
        start = time.time()
        call = md.start_call(f"tel:{BRIDGE}", "--mic", "null", "--speaker", "null",
                             "--hangup-after", "1")
        if call.wait(20) != 0:
            raise SystemExit("meetdial-cli call failed: " + call.stderr.decode())
        ours.append(start)
        caller = peers.Baresip(kamailio.port, "bob", USERS["bob"], answer="manual",
                               logs=logs, commands=[dial])
        caller.start()
        try:
            theirs.append(caller.proc.started_at)
            caller.proc.wait_log("Call established", timeout=10)
            caller.command("hangup")
        finally:
            caller.stop()
            caller.cleanup()
    return ours, theirs


def start_figures(rows, user, starts):
    """Medians over @starts: start → first INVITE, first INVITE → 200 OK,
    start → 200 OK (what the user waits for; the INVITE may go before the
    password is known, and be sent again once it is)."""
    figures = {"start_to_invite_ms": [], "dial_to_200_ms": [], "start_to_200_ms": []}
    for start in starts:
        invite, ok = wire_times(rows, user, start)
        figures["start_to_invite_ms"].append((invite - start) * 1000)
        figures["dial_to_200_ms"].append((ok - invite) * 1000)
        figures["start_to_200_ms"].append((ok - start) * 1000)
    return {key: statistics.median(values) for key, values in figures.items()}


def idle_start(argv, runs=20):
    """Median wall time of a process that starts and exits at once: the
    floor set by loading its libraries."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append((time.perf_counter() - start) * 1000)
    return sorted(times)[len(times) // 2]


def start_to_invite_without_account(md, runs=10):
    """Median time from start to the first packet of `meetdial-cli call` to a
    SIP address at a bare UDP socket: no account, so no password lookup and
    no registrar; what is left is loading, SIP's and GStreamer's start."""
    times = []
    for _ in range(runs):
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sink:
            sink.bind(("127.0.0.1", 0))
            sink.settimeout(10)
            start = time.perf_counter()
            proc = subprocess.Popen([md.cli, "call", "sip:bench@127.0.0.1:%d" % sink.getsockname()[1],
                                     "--mic", "null", "--speaker", "null"],
                                    env=md.env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            try:
                sink.recvfrom(65536)   # the INVITE
                times.append((time.perf_counter() - start) * 1000)
            finally:
                proc.terminate()
                proc.wait(10)
    return statistics.median(times)


def ratio(a, b):
    return f"{a / b:.2f}×" if b else "n/a"


def main():
    cli = sys.argv[1]
    seconds = int(sys.argv[2]) if len(sys.argv) > 2 else 30
    logs = tempfile.mkdtemp(prefix="meetdial-bench-")
    os.environ["MEETDIAL_TEST_LOGS"] = logs
    md = Meetdial(cli, logs)
    md.env["G_MESSAGES_DEBUG"] = ""
    # Like a desktop that ran GStreamer before: its plugin registry is built.
    subprocess.run([peers.need("gst-inspect-1.0", "gstreamer1.0-tools"), "rtpbin"],
                   env=md.env, capture_output=True, check=True)
    # And one that ran Meetdial before: it remembers the codecs GStreamer has
    # (the first of these starts leaves them in the cache folder).
    no_account_ms = start_to_invite_without_account(md)
    port = peers.free_port()
    # Only the registrar's port: other tests may be calling on lo too.
    capture = peers.Capture(logs, port).start()
    try:
        with peers.Kamailio(USERS, port=port, logs=logs) as kamailio, \
             peers.Baresip(kamailio.port, BRIDGE, USERS[BRIDGE], logs=logs) as bridge:
            ours = run_meetdial(md, kamailio, bridge, seconds, logs)
            theirs = run_baresip(kamailio, bridge, seconds, logs)
            our_starts, their_starts = sample_starts(md, kamailio, logs, STARTS)
            time.sleep(0.5)   # let tshark write the last packets
    finally:
        capture.stop()
        md.cleanup()

    ours["no_account_ms"] = no_account_ms
    rows = sip_messages(capture)
    ours.update(start_figures(rows, "alice", our_starts))
    theirs.update(start_figures(rows, "bob", their_starts))

    print(f"One {seconds} s PCMU call through Kamailio to a baresip bridge (logs: {logs})")
    print(f"{'figure':34} {'meetdial-cli':>14} {'baresip':>10} {'ratio':>8}")
    for name, key, fmt in (("CPU during the call, s", "cpu", "{:.2f}"),
                           ("peak RSS, MiB", "rss_kib", None),
                           (f"start → first INVITE, ms ({STARTS})", "start_to_invite_ms", "{:.1f}"),
                           (f"first INVITE → 200 OK, ms ({STARTS})", "dial_to_200_ms", "{:.1f}"),
                           (f"start → 200 OK, ms ({STARTS})", "start_to_200_ms", "{:.1f}")):
        a, b = ours[key], theirs[key]
        if key == "rss_kib":
            a, b, fmt = a / 1024, b / 1024, "{:.1f}"
        print(f"{name:34} {fmt.format(a):>14} {fmt.format(b):>10} {ratio(a, b):>8}")
    # What the libraries alone hold once the call runs: those only Meetdial
    # loads (GLib, GIO, GStreamer, libsecret, …) set a floor under its RSS.
    only_ours = {n: k for n, k in ours["libraries"].items() if n not in theirs["libraries"]}
    only_theirs = {n: k for n, k in theirs["libraries"].items() if n not in ours["libraries"]}
    both = sum(k for n, k in ours["libraries"].items() if n in theirs["libraries"])
    top = ", ".join(f"{n.split('.so')[0]} {k / 1024:.1f}"
                    for n, k in sorted(only_ours.items(), key=lambda i: -i[1])[:6])
    print(f"resident in shared libraries during the call, MiB: {both / 1024:.1f} in those both load; "
          f"{sum(only_ours.values()) / 1024:.1f} in those only meetdial-cli loads ({top}, …); "
          f"{sum(only_theirs.values()) / 1024:.1f} in those only baresip loads")
    print(f"libraries alone against baresip's peak RSS: "
          f"{ratio((both + sum(only_ours.values())) / 1024, theirs['rss_kib'] / 1024)}")
    print(f"answer → first PIN digit: {ours['first_sent_ms']:.0f} ms sent by meetdial-cli, "
          f"{ours['first_digit_ms']:.0f} ms seen by the bridge (plan: 2 pauses × 2000 ms; "
          "the bridge reports a digit after its jitter buffer)")
    print(f"PIN digits received: {ours['n_digits']}, {ours['ms_per_digit']:.0f} ms per digit")
    # What every start pays before main(): loading the linked libraries.
    ours_idle = idle_start([cli, "--version"])
    theirs_idle = idle_start([peers.need("baresip", "baresip-core"), "-h"])
    print(f"start and exit at once (--version / -h), median of 20: {ours_idle:.1f} ms "
          f"against {theirs_idle:.1f} ms ({ratio(ours_idle, theirs_idle)})")
    print(f"start → INVITE of meetdial-cli without an account (a SIP address, no password "
          f"lookup), median of 10: {ours['no_account_ms']:.1f} ms")


if __name__ == "__main__":
    main()
