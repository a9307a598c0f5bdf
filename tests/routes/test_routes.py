#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Audio routes against real peers on loopback: Kamailio as registrar and
proxy, a baresip meeting bridge, and a second baresip as the user's own
phone ("call me"). meetdial-cli's `s` key moves the meeting's audio to the
phone and back; the recordings show whether any of it was lost.

Usage: test_routes.py MEETDIAL_CLI CASE
"""

import array
import json
import math
import os
import shutil
import signal
import struct
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "peers"))
sys.path.insert(0, HERE)

import peers  # noqa: E402
from audio_check import Recording  # noqa: E402
from meetdial import Call, Meetdial  # noqa: E402

PASSWORD = "s3cret-pass"
BRIDGE_USER = "+15550100"
BRIDGE_PASSWORD = "bridge-pass"
PHONE_USER = "+15550199"
PHONE_PASSWORD = "phone-pass"
USERS = {"alice": PASSWORD, BRIDGE_USER: BRIDGE_PASSWORD, PHONE_USER: PHONE_PASSWORD}
MIC_HZ, PHONE_HZ, BRIDGE_HZ = 440, 880, 1000
DIAL_IN_PIN = "8451234#"
# One packet: the longest the meeting may hear nothing at a seam.
MAX_GAP_MS = 20
# The longest a PulseAudio null sink's monitor keeps a new recording stream
# waiting (it renders 2 s ahead while idle), with some slack.
SOUND_SERVER_STALL_S = 3.0


def check(condition, message):
    if not condition:
        raise AssertionError(message)


def route_event(call, route, after=0.0):
    return call.wait_event(lambda e: e.get("event") == "route" and e.get("route") == route
                           and e["t"] > after, 15, f"route {route}")


def event(call, name, timeout=15):
    return call.wait_event(lambda e: e.get("event") == name, timeout, f"a {name} event")


class Meeting:
    """Kamailio, the bridge, "my phone", and meetdial-cli in a call to the
    bridge with a 440 Hz mic; the phone plays 880 Hz, the bridge 1000 Hz."""

    def __init__(self, md, logs, phone_answer="auto", dial=f"tel:{BRIDGE_USER}", incoming=False,
                 phone=True):
        self.md = md
        self.with_phone = phone   # False: the test brings a phone of its own
        self.dial = dial
        self.logs = logs
        self.phone_answer = phone_answer
        self.incoming = incoming   # the bridge calls us; `listen` answers
        self.heard = os.path.join(md.config, "heard.wav")

    def __enter__(self):
        self.kamailio = peers.Kamailio(USERS, logs=self.logs).start()
        try:
            self.bridge = peers.Baresip(self.kamailio.port, BRIDGE_USER, BRIDGE_PASSWORD,
                                        tone_hz=BRIDGE_HZ, logs=self.logs).start()
            if self.with_phone:
                self.phone = peers.Baresip(self.kamailio.port, PHONE_USER, PHONE_PASSWORD,
                                           tone_hz=PHONE_HZ, answer=self.phone_answer,
                                           logs=self.logs).start()
            self.md.add_account("work", self.kamailio.port, "alice", PASSWORD)
            audio = ("--mic", f"tone:{MIC_HZ}", "--speaker", f"file:{self.heard}",
                     "--phone-number", PHONE_USER)
            if self.incoming:
                self.call = Call(self.md, ["listen", "--json-events", "--auto-answer", *audio],
                                 subprocess.PIPE)
                event(self.call, "registered")
                self.bridge.command("dial", f"sip:alice@127.0.0.1:{self.kamailio.port}")
            else:
                self.call = self.md.start_call(self.dial, *audio)
            self.call.wait_state("active")
            self.bridge.wait_event("CALL_ESTABLISHED", timeout=10)
        except BaseException:
            self.__exit__()
            raise
        return self

    def __exit__(self, *exc):
        call = getattr(self, "call", None)
        if call:
            call.kill()
        for peer in ("phone", "bridge"):
            baresip = getattr(self, peer, None)
            if baresip:
                baresip.stop()
                baresip.cleanup()
        self.kamailio.stop()

    def hang_up(self):
        self.call.keys("h")
        if self.incoming:
            # listen stays for the next call: Ctrl+C ends it.
            self.call.wait_state("ended")
            self.call.proc.send_signal(signal.SIGINT)
        rc = self.call.wait(30)
        check(rc == 0, f"the meeting call exited {rc}: {self.call.stderr.decode()}")
        self.bridge.wait_event("CALL_CLOSED", timeout=10)


def recording(baresip):
    """The last call's decoded audio. baresip finishes the WAV header when it
    closes the file, a moment after it reports CALL_CLOSED: wait for that."""
    def finished():
        files = baresip.recordings("-dec.wav")
        if not files:
            return None
        rec = Recording(files[-1])
        return rec if rec.samples else None
    try:
        return peers.wait_for(finished, 5, f"{baresip.user}'s recording to be complete")
    except peers.PeerError:
        raise AssertionError(f"{baresip.user} recorded nothing")


def seam_gap_ms(rec, first_hz, second_hz):
    """Finds where @first_hz gives way to @second_hz in @rec and returns the
    longest silence within half a second of that seam."""
    runs = rec.tone_runs([MIC_HZ, PHONE_HZ])
    for (a, _, end_a), (b, start_b, _) in zip(runs, runs[1:]):
        if a == first_hz and b == second_hz:
            seam = (end_a + start_b) / 2
            return rec.longest_quiet_ms(seam - 0.5, seam + 0.5), seam
    raise AssertionError(f"no {first_hz} → {second_hz} Hz seam in {rec.path}: {runs}")


def case_call_me(md, logs):
    """s: the phone is called, answers, and the meeting hears it instead of
    the mic with no gap; s again: the mic is back with no gap, the phone leg
    is hung up. The bridge's tone reaches the phone while it carries the
    meeting, and not our speaker."""
    call_me(Meeting(md, logs))


def case_listen_call_me(md, logs):
    """The same for a call the meeting made to us and `listen` answered."""
    call_me(Meeting(md, logs, incoming=True))


def call_me(meeting):
    with meeting as m:
        time.sleep(1.5)   # the meeting hears the mic for a while
        m.call.keys("s")
        on_phone = route_event(m.call, "phone")
        m.phone.wait_event("CALL_ESTABLISHED", timeout=1)
        time.sleep(2.0)   # the meeting hears the phone for a while
        m.call.keys("s")
        back = route_event(m.call, "computer", after=on_phone["t"])
        m.phone.wait_event("CALL_CLOSED", timeout=10)
        time.sleep(1.5)
        m.hang_up()

        runs = recording(m.bridge).tone_runs([MIC_HZ, PHONE_HZ])
        order = [hz for hz, _, _ in runs]
        check(order == [MIC_HZ, PHONE_HZ, MIC_HZ],
              f"the bridge heard {order} Hz, not mic, phone, mic: {runs}")
        rec = recording(m.bridge)
        gap_out, _ = seam_gap_ms(rec, MIC_HZ, PHONE_HZ)
        gap_back, _ = seam_gap_ms(rec, PHONE_HZ, MIC_HZ)
        print(f"switch gap at the bridge: to phone {gap_out:.1f} ms, back {gap_back:.1f} ms")
        check(gap_out <= MAX_GAP_MS, f"the bridge heard {gap_out:.1f} ms of silence going to the phone")
        check(gap_back <= MAX_GAP_MS, f"the bridge heard {gap_back:.1f} ms of silence coming back")

        phone_rec = recording(m.phone)
        level = phone_rec.level(BRIDGE_HZ, 0.3, max(0.5, phone_rec.seconds() - 0.6))
        check(level > 0.05, f"the meeting's {BRIDGE_HZ} Hz did not reach the phone (level {level:.3f})")

        heard = Recording(m.heard)
        phone_s = back["t"] - on_phone["t"]
        quiet = heard.longest_quiet_ms(0, heard.seconds(), threshold=0.01) / 1000
        check(quiet >= phone_s - 0.5,
              f"our speaker was silent for {quiet:.2f} s of the {phone_s:.2f} s on the phone")
        check(heard.level(BRIDGE_HZ, 0.2, 1.0) > 0.05, "our speaker never heard the meeting")
        check(heard.level(BRIDGE_HZ, heard.seconds() - 1.0, 0.8) > 0.05,
              "our speaker did not hear the meeting again after switching back")


def phone_fails(md, logs, reject, want):
    """The phone leg does not get through: the meeting never leaves the mic,
    and the user is told why."""
    with Meeting(md, logs, phone_answer="manual") as m:
        time.sleep(1.0)   # the meeting hears the mic for a while
        m.call.keys("s")
        if reject:
            m.phone.wait_event("CALL_INCOMING", timeout=10)
            m.phone.command("hangup")
        failed = event(m.call, "route_failed")
        check(want in failed["message"] and "computer audio" in failed["message"],
              f"unclear failure message: {failed}")
        check(failed["route"] == "computer", f"{failed}")
        time.sleep(0.5)
        m.hang_up()
        routes = [e for e in m.call.events if e.get("event") == "route"]
        check(not routes, f"the route changed though the phone never answered: {routes}")
        order = [hz for hz, _, _ in recording(m.bridge).tone_runs([MIC_HZ, PHONE_HZ])]
        check(order == [MIC_HZ], f"the bridge heard {order} Hz, not the mic alone")


def case_call_me_cancel(md, logs):
    """s, and s again while the phone rings: the phone's call is cancelled,
    the user is told, and the meeting never leaves the mic."""
    with Meeting(md, logs, phone_answer="manual") as m:
        m.call.keys("s")
        m.phone.wait_event("CALL_INCOMING", timeout=10)
        m.call.keys("s")
        back = route_event(m.call, "computer")
        m.phone.wait_event("CALL_CLOSED", timeout=10)
        check(not m.call.ended(), f"the meeting ended: {m.call.ended()}")
        time.sleep(1.0)   # the meeting hears the mic for a while after
        m.hang_up()
        check(not [e for e in m.call.events if e.get("event") == "route_failed"],
              f"a cancel the user asked for was told as a failure: {m.call.events}")
        check(back["t"] < m.call.ended()[0]["t"], "the route came back only as the call ended")
        order = [hz for hz, _, _ in recording(m.bridge).tone_runs([MIC_HZ, PHONE_HZ])]
        check(order == [MIC_HZ], f"the bridge heard {order} Hz, not the mic alone")


def case_phone_busy(md, logs):
    phone_fails(md, logs, True, "The line is busy")


def case_phone_no_answer(md, logs):
    md.gsettings("no-answer-seconds", "2")
    phone_fails(md, logs, False, "Nobody answered")


def case_phone_silent(md, logs):
    """The phone answers but never sends audio (sipp): a few seconds on,
    the phone leg is hung up, the meeting never left the mic, and the user
    is told why. The calls' own no-audio timeout is pushed far out, so
    only the route's wait can end the phone leg."""
    md.env["MEETDIAL_RTP_TIMEOUT_MS"] = "60000"
    with Meeting(md, logs, phone=False) as m, \
         peers.Sipp("answer-silent.xml", logs=logs) as phone:
        with peers.Sipp("register.xml", logs=logs,
                        extra=[f"127.0.0.1:{m.kamailio.port}", "-key", "user", PHONE_USER,
                               "-au", PHONE_USER, "-ap", PHONE_PASSWORD,
                               "-key", "contact_port", str(phone.port)]) as register:
            check(register.wait(10) == 0,
                  f"sipp did not register the phone: {register.proc.log_text()[-1500:]}")
        time.sleep(1.0)   # the meeting hears the mic for a while
        m.call.keys("s")
        dialled = event(m.call, "route_switching")
        failed = event(m.call, "route_failed", timeout=20)
        waited = failed["t"] - dialled["t"]
        print(f"the silent phone was given up after {waited:.2f} s")
        check("answered but sent no audio" in failed["message"]
              and "computer audio" in failed["message"], f"unclear failure message: {failed}")
        check(failed["route"] == "computer", f"{failed}")
        check(4.5 <= waited <= 9, f"the silent phone was given up after {waited:.2f} s, not about 5 s")
        check(phone.wait(10) == 0, "the silent phone was not hung up (no BYE): "
                                   + phone.proc.log_text()[-1500:])
        time.sleep(1.0)
        m.hang_up()
        routes = [e for e in m.call.events if e.get("event") == "route"]
        check(not routes, f"the route changed though the phone sent nothing: {routes}")
        rec = recording(m.bridge)
        order = [hz for hz, _, _ in rec.tone_runs([MIC_HZ, PHONE_HZ])]
        check(order == [MIC_HZ], f"the bridge heard {order} Hz, not the mic alone")
        check(rec.longest_quiet_ms(0.5, rec.seconds() - 0.2) <= MAX_GAP_MS,
              f"the meeting lost our mic for {rec.longest_quiet_ms(0.5, rec.seconds() - 0.2):.0f} ms")


def phone_hangs_up(m):
    """The phone carries the meeting, then hangs up."""
    time.sleep(1.0)   # the meeting hears the mic for a while
    m.call.keys("s")
    route_event(m.call, "phone")
    time.sleep(1.0)
    m.phone.command("hangup")
    return event(m.call, "phone_ended")


def case_phone_hangup_fallback(md, logs):
    """Default: the meeting goes back to computer audio and says so."""
    with Meeting(md, logs) as m:
        ended = phone_hangs_up(m)
        check("back on computer audio" in ended["message"], f"{ended}")
        route_event(m.call, "computer")
        time.sleep(1.0)
        m.hang_up()
        order = [hz for hz, _, _ in recording(m.bridge).tone_runs([MIC_HZ, PHONE_HZ])]
        check(order == [MIC_HZ, PHONE_HZ, MIC_HZ], f"the bridge heard {order} Hz")


def case_phone_hangup_end(md, logs):
    """phone-hangup-action=end: the meeting call ends too."""
    md.gsettings("phone-hangup-action", "end")
    with Meeting(md, logs) as m:
        ended = phone_hangs_up(m)
        check("left the meeting" in ended["message"], f"{ended}")
        rc = m.call.wait(20)
        check(rc == 0, f"the call exited {rc}: {m.call.stderr.decode()[-2000:]}")
        check(m.call.ended(), "no ended event")
        m.bridge.wait_event("CALL_CLOSED", timeout=10)


def case_dial_in(md, logs):
    """i shows how to dial in (number, PIN, QR code; the PIN only on screen,
    never in events); i again: the computer goes silent both ways; s: back."""
    dial_in(Meeting(md, logs, dial=f"tel:{BRIDGE_USER},,{DIAL_IN_PIN}"))


def case_listen_dial_in(md, logs):
    """The same for a call the meeting made to us: the number to dial in to
    is the caller's."""
    dial_in(Meeting(md, logs, incoming=True))


def dial_in(meeting):
    with meeting as m:
        time.sleep(1.0)
        m.call.keys("i")
        shown = event(m.call, "dial_in")
        check(shown["number"] == BRIDGE_USER, f"{shown}")
        check(DIAL_IN_PIN[:-1] not in m.call.stdout.decode(), "the PIN leaked into the events")
        m.call.keys("i")
        dialled_in = route_event(m.call, "dial-in")
        time.sleep(1.5)
        m.call.keys("s")
        back = route_event(m.call, "computer", after=dialled_in["t"])
        time.sleep(1.0)
        m.hang_up()
        silent_s = back["t"] - dialled_in["t"]
        bridge = recording(m.bridge)
        quiet = bridge.longest_quiet_ms(0, bridge.seconds()) / 1000
        check(quiet >= silent_s - 0.5,
              f"the meeting heard our mic while dialled in: {quiet:.2f} s quiet of {silent_s:.2f} s")
        check(bridge.level(MIC_HZ, bridge.seconds() - 0.8, 0.6) > 0.05,
              "the mic did not come back after switching back")
        heard = Recording(m.heard)
        quiet = heard.longest_quiet_ms(0, heard.seconds(), threshold=0.01) / 1000
        check(quiet >= silent_s - 0.5,
              f"our speaker played while dialled in: {quiet:.2f} s quiet of {silent_s:.2f} s")


class PulseServer:
    """A private PulseAudio with two null sinks (real PulseAudio devices,
    each with its monitor source), on a socket of its own."""

    def __init__(self, logs):
        self.logs = logs

    def __enter__(self):
        self.dir = tempfile.mkdtemp(prefix="pulse-")
        self.socket = os.path.join(self.dir, "pa.sock")
        env = dict(os.environ, XDG_RUNTIME_DIR=self.dir, HOME=self.dir)
        self.proc = peers.Process(
            "pulseaudio",
            [peers.need("pulseaudio", "pulseaudio"), "-n", "--daemonize=no",
             "--exit-idle-time=-1", "--use-pid-file=no",
             "-L", f"module-native-protocol-unix socket={self.socket} auth-anonymous=1",
             "-L", "module-null-sink sink_name=md_desk sink_properties=device.description=Desk",
             "-L", "module-null-sink sink_name=md_headset sink_properties=device.description=Headset"],
            os.path.join(self.logs, f"pulseaudio-{os.getpid()}.log"), env=env)
        self.server = f"unix:{self.socket}"
        peers.wait_for(lambda: self.pactl("info") is not None or not self.proc.running(), 10,
                       "PulseAudio to answer")
        if not self.proc.running():
            raise peers.PeerError("PulseAudio exited at start:\n" + self.proc.log_text()[-2000:])
        return self

    def pactl(self, *args):
        result = subprocess.run([peers.need("pactl", "pulseaudio-utils"), *args],
                                env=dict(os.environ, PULSE_SERVER=self.server),
                                capture_output=True, text=True)
        return result.stdout if result.returncode == 0 else None

    def index_of(self, kind, name):
        for line in (self.pactl("list", "short", kind) or "").splitlines():
            fields = line.split("\t")
            if fields[1] == name:
                return fields[0]
        raise AssertionError(f"PulseAudio has no {kind} {name}")

    def wait_streams(self, kind, want, what):
        """Polls pactl gently (each call is a PulseAudio client of its own)."""
        deadline = time.monotonic() + 10
        while self.stream_devices(kind) != want:
            if time.monotonic() > deadline:
                raise AssertionError(f"timed out after 10 s waiting for {what}: "
                                     f"{kind} on {self.stream_devices(kind)}, not {want}")
            time.sleep(0.2)

    def stream_devices(self, kind):
        """The device index each playing (sink-inputs) or recording
        (source-outputs) stream uses."""
        return [line.split("\t")[1] for line in (self.pactl("list", "short", kind) or "").splitlines()]

    def __exit__(self, *exc):
        self.proc.stop()
        shutil.rmtree(self.dir, ignore_errors=True)


class MonitorRecording:
    """parec on a PulseAudio source (a sink's monitor): what the sink plays,
    as raw samples that can be read while it records."""

    RATE = 16000

    def __init__(self, pulse, source, path):
        self.argv = [peers.need("parec", "pulseaudio-utils"), f"--device={source}",
                     "--format=s16le", "--channels=1", f"--rate={self.RATE}",
                     "--latency-msec=50"]
        self.env = dict(os.environ, PULSE_SERVER=pulse.server)
        self.path = path

    def __enter__(self):
        """Once the recording runs: an idle null sink's monitor may hold a
        new recording back for up to SOUND_SERVER_STALL_S."""
        with open(self.path, "wb") as out:
            self.proc = subprocess.Popen(self.argv, env=self.env, stdout=out,
                                         stderr=subprocess.DEVNULL)
        peers.wait_for(lambda: self.recording().seconds() >= 0.2 or self.proc.poll() is not None,
                       SOUND_SERVER_STALL_S + 2, "the speaker's recording to start")
        check(self.proc.poll() is None, f"parec exited {self.proc.returncode}")
        return self

    def recording(self):
        return Recording.raw(self.path, self.RATE)

    def __exit__(self, *exc):
        self.proc.kill()
        self.proc.wait()


def ring_streams(pulse):
    """The sound server's playing streams named as our ring."""
    text = pulse.pactl("list", "sink-inputs") or ""
    return text.count('media.name = "Ringing"')


def loudest(rec, freq, last_s):
    """The strongest @freq in any 0.3 s of the last @last_s of @rec: a ring
    sounds only part of the time."""
    end = rec.seconds() - 0.3
    starts = [end - i * 0.1 for i in range(int(last_s / 0.1)) if end - i * 0.1 >= 0]
    return max((rec.level(freq, start, 0.3) for start in starts), default=0.0)


def wait_ring_heard(monitor, freq, what):
    """Until @freq sounds on the monitored device."""
    peers.wait_for(lambda: loudest(monitor.recording(), freq, 1.0) > 0.05,
                   SOUND_SERVER_STALL_S, f"{what}: the {freq} Hz ring on the speaker")


def case_ring_incoming(md, logs):
    """An incoming call rings on the speaker (480 Hz, twice every 3 s) until
    the user declines it; the ring stops at once. A call answered at once
    (--auto-answer) does not ring at all."""
    with PulseServer(logs) as pulse:
        md.env["PULSE_SERVER"] = pulse.server
        with peers.Kamailio(USERS, logs=logs) as kamailio, \
             peers.Baresip(kamailio.port, BRIDGE_USER, BRIDGE_PASSWORD, answer="manual",
                           logs=logs) as caller:
            md.add_account("work", kamailio.port, "alice", PASSWORD)
            listener = Call(md, ["listen", "--json-events", "--mic", "null", "--speaker", "auto"],
                            stdin=subprocess.PIPE)
            try:
                listener.wait_event(lambda e: e.get("event") == "registered", 15, "registration")
                with MonitorRecording(pulse, "md_desk.monitor",
                                      os.path.join(md.config, "ring.wav")) as monitor:
                    caller.command("dial", f"sip:alice@127.0.0.1:{kamailio.port}")
                    listener.wait_event(lambda e: e.get("event") == "incoming", 10, "a ring")
                    peers.wait_for(lambda: ring_streams(pulse) == 1, 5, "the ring to play")
                    wait_ring_heard(monitor, 480, "an incoming call")
                listener.keys("d")
                caller.wait_event("CALL_CLOSED", timeout=5)
                peers.wait_for(lambda: ring_streams(pulse) == 0, 2, "the ring to stop on decline")
            finally:
                listener.proc.send_signal(signal.SIGINT)
                listener.wait(10)

            auto = Call(md, ["listen", "--json-events", "--auto-answer", "--mic", "null",
                             "--speaker", "auto"], stdin=subprocess.PIPE)
            try:
                auto.wait_event(lambda e: e.get("event") == "registered", 15, "registration")
                caller.command("dial", f"sip:alice@127.0.0.1:{kamailio.port}")
                auto.wait_state("active")
                time.sleep(0.5)
                check(ring_streams(pulse) == 0, "a call answered at once still rang")
                caller.command("hangup")
                auto.wait_state("ended")
            finally:
                auto.proc.send_signal(signal.SIGINT)
                auto.wait(10)
            check("Ringing" not in (pulse.pactl("list", "sink-inputs") or ""),
                  "a ring was left playing")


def case_ringback(md, logs):
    """Our call rings at the far end (180, no early media): the speaker
    plays the ringing tone (425 Hz, 1 s in 5) until the far end answers,
    then only the call."""
    with PulseServer(logs) as pulse, \
         peers.Sipp("ring-then-answer.xml", logs=logs) as sipp:
        md.env["PULSE_SERVER"] = pulse.server
        with MonitorRecording(pulse, "md_desk.monitor",
                              os.path.join(md.config, "ringback.wav")) as monitor:
            call = md.start_call(f"sip:room@127.0.0.1:{sipp.port}", "--mic", "null",
                                 "--speaker", "auto")
            call.wait_state("ringing")
            peers.wait_for(lambda: ring_streams(pulse) == 1, 5, "the ringing tone to play")
            wait_ring_heard(monitor, 425, "a call ringing at the far end")
        call.wait_state("active", timeout=10)
        check(ring_streams(pulse) == 0, "the ringing tone went on after answer")
        rc = call.wait(20)
        check(rc == 0, f"call exited {rc}: {call.stderr.decode()[-1500:]}")
        check(sipp.wait(10) == 0, "sipp did not complete:\n" + sipp.messages()[-3000:])


def case_devices(md, logs):
    """`devices` lists a sound server's inputs and outputs with the default
    marked; the input-device and output-device settings choose what "auto"
    opens in a call."""
    with PulseServer(logs) as pulse:
        md.env["PULSE_SERVER"] = pulse.server
        result = md.run("devices", "--json")
        check(result.returncode == 0, f"devices exited {result.returncode}: {result.stderr!r}")
        listed = json.loads(result.stdout)
        outputs = {d["id"]: d for d in listed["outputs"]}
        inputs = {d["id"]: d for d in listed["inputs"]}
        check({"md_desk", "md_headset"} <= set(outputs), f"outputs: {listed['outputs']}")
        check("md_headset.monitor" in inputs, f"inputs: {listed['inputs']}")
        check(outputs["md_desk"]["default"] and not outputs["md_headset"]["default"],
              f"the default output is not marked: {listed['outputs']}")
        check(outputs["md_headset"]["name"] == "Headset", f"{outputs['md_headset']}")
        human = md.run("devices")
        check(b"* Desk (md_desk)" in human.stdout, f"{human.stdout!r}")

        md.gsettings("input-device", "md_headset.monitor")
        md.gsettings("output-device", "md_headset")
        with peers.Kamailio(USERS, logs=logs) as kamailio, \
             peers.Baresip(kamailio.port, BRIDGE_USER, BRIDGE_PASSWORD, logs=logs):
            md.add_account("work", kamailio.port, "alice", PASSWORD)
            call = md.start_call(f"tel:{BRIDGE_USER}", "--mic", "auto", "--speaker", "auto")
            try:
                call.wait_state("active")
                sink = pulse.index_of("sinks", "md_headset")
                source = pulse.index_of("sources", "md_headset.monitor")
                pulse.wait_streams("sink-inputs", [sink], "the call to play on the headset")
                pulse.wait_streams("source-outputs", [source], "the call to record from the headset")
                call.keys("h")
                check(call.wait(20) == 0, f"the call failed: {call.stderr.decode()[-1500:]}")
            finally:
                call.kill()


def case_sound_server_stuck(md, logs):
    """The sound server hangs mid-call (stopped, as a PipeWire that no longer
    answers): hanging up still ends the call, within the few seconds the
    audio is given to come down, says so, and the far end gets its BYE;
    the program does not hang with the server."""
    with PulseServer(logs) as pulse:
        md.env["PULSE_SERVER"] = pulse.server
        with peers.Kamailio(USERS, logs=logs) as kamailio, \
             peers.Baresip(kamailio.port, BRIDGE_USER, BRIDGE_PASSWORD, logs=logs) as bridge:
            md.add_account("work", kamailio.port, "alice", PASSWORD)
            call = md.start_call(f"tel:{BRIDGE_USER}", "--mic", "auto", "--speaker", "auto")
            try:
                call.wait_state("active")
                pulse.wait_streams("sink-inputs", [pulse.index_of("sinks", "md_desk")],
                                   "the call to play")
                pulse.proc.proc.send_signal(signal.SIGSTOP)
                hung_up = time.monotonic()
                call.keys("h")
                check(call.wait(15) == 0, f"the call failed: {call.stderr.decode()[-1500:]}")
                took = time.monotonic() - hung_up
            finally:
                pulse.proc.proc.send_signal(signal.SIGCONT)
                call.kill()
            ended = call.ended()
            check(ended and ended[0]["reason"] == "hung up", f"ended {ended}")
            check(took < 10, f"hanging up took {took:.1f} s")
            check("The sound server does not answer" in call.stderr.decode(),
                  f"no word of the sound server: {call.stderr.decode()[-1500:]}")
            bridge.wait_event("CALL_CLOSED", timeout=5)


class Capture:
    """tshark on the loopback interface, writing UDP packets to a pcap."""

    def __init__(self, logs, path):
        self.logs = logs
        self.path = path

    def __enter__(self):
        self.proc = peers.Process(
            "tshark", [peers.need("tshark", "tshark"), "-i", "lo", "-f", "udp", "-F", "pcap", "-w", self.path],
            os.path.join(self.logs, f"tshark-{os.getpid()}.log"))
        self.proc.wait_log("Capturing on", timeout=15)
        return self

    def __exit__(self, *exc):
        self.proc.stop()


def rtp_flows(pcap):
    """{(source port, destination port): [payload, …]} of the PCMU (PT 0)
    RTP-shaped packets in a pcap of the loopback interface. The RTP header
    stays in the clear under SRTP; only the payload is encrypted."""
    flows = {}
    with open(pcap, "rb") as f:
        data = f.read()
    link = struct.unpack_from("<I", data, 20)[0]
    offset = 24
    while offset + 16 <= len(data):
        caplen = struct.unpack_from("<I", data, offset + 8)[0]
        frame = data[offset + 16:offset + 16 + caplen]
        offset += 16 + caplen
        ip = frame[14:] if link == 1 else frame[16:] if link == 113 else frame[4:]
        if len(ip) < 28 or ip[0] >> 4 != 4 or ip[9] != 17:
            continue
        udp = ip[(ip[0] & 15) * 4:]
        sport, dport = struct.unpack_from(">HH", udp, 0)
        payload = udp[8:]
        if len(payload) >= 12 + 160 and payload[0] >> 6 == 2 and payload[1] & 0x7f == 0:
            flows.setdefault((sport, dport), []).append(payload[12:12 + 160])
    return flows


def ulaw_tone_level(payloads, freq):
    """How much of @freq a flow's payloads hold when read as G.711 µ-law."""
    pcm = array.array("h")
    for payload in payloads:
        for byte in payload:
            u = ~byte & 0xff
            magnitude = (((u & 0x0f) << 3) + 0x84) << ((u & 0x70) >> 4)
            pcm.append((0x84 - magnitude) if u & 0x80 else (magnitude - 0x84))
    rec = Recording.__new__(Recording)
    rec.rate, rec.samples, rec.path = 8000, pcm, "wire"
    return rec.level(freq, 0, rec.seconds())


def srtp_call(md, logs, mode):
    """A 4 s call to a bridge that requires SRTP or refuses it; returns the
    tone levels (440 Hz, 1000 Hz) read off the wire as µ-law, per flow."""
    md.gsettings("srtp", mode)
    pcap = os.path.join(md.config, f"{mode}.pcap")
    heard = os.path.join(md.config, f"heard-{mode}.wav")
    mediaenc = ";mediaenc=srtp-mand" if mode == "always" else ""
    with peers.Kamailio(USERS, logs=logs) as kamailio, \
         peers.Baresip(kamailio.port, BRIDGE_USER, BRIDGE_PASSWORD, tone_hz=BRIDGE_HZ,
                       logs=logs, extra_modules=["srtp.so"], extra_account=mediaenc) as bridge, \
         Capture(logs, pcap):
        with open(os.path.join(bridge.dir, "config")) as f:
            first, last = next(line.split()[1] for line in f
                               if line.startswith("rtp_ports ")).split("-")
        bridge_ports = range(int(first), int(last) + 1)
        md.add_account("work", kamailio.port, "alice", PASSWORD)
        call = md.start_call(f"tel:{BRIDGE_USER}", "--mic", f"tone:{MIC_HZ}",
                             "--speaker", f"file:{heard}", "--hangup-after", "4")
        rc = call.wait(30)
        check(rc == 0, f"the {mode} SRTP call failed ({rc}): {call.stderr.decode()[-1500:]}")
        bridge.wait_event("CALL_CLOSED", timeout=10)
        out = recording(bridge).level(MIC_HZ, 1.0, 2.0)
        back = Recording(heard).level(BRIDGE_HZ, 1.0, 2.0)
        check(out > 0.05, f"{mode}: the bridge did not hear our tone (level {out:.3f})")
        check(back > 0.05, f"{mode}: we did not hear the bridge's tone (level {back:.3f})")
    # Other tests may be calling on loopback at the same time: only the
    # bridge's own RTP ports count.
    flows = {k: v for k, v in rtp_flows(pcap).items()
             if len(v) >= 50 and (k[0] in bridge_ports or k[1] in bridge_ports)}
    check(len(flows) >= 2, f"{mode}: fewer than two RTP flows on the wire: {list(flows)}")
    return {f"{a}→{b} ({len(v)})": round(max(ulaw_tone_level(v, MIC_HZ), ulaw_tone_level(v, BRIDGE_HZ)), 3)
            for (a, b), v in flows.items()}


def case_srtp(md, logs):
    """srtp=always against a bridge that demands SRTP (baresip srtp-mand):
    audio both ways, and the packets on the wire no longer read as the
    tones µ-law would carry; the same call in plain RTP shows them."""
    plain = srtp_call(md, logs, "never")
    check(all(level > 0.1 for level in plain.values()),
          f"the wire check cannot see the tones even in plain RTP: {plain}")
    secret = srtp_call(md, logs, "always")
    print(f"tone level on the wire: plain {plain}, SRTP {secret}")
    check(all(level < 0.02 for level in secret.values()), f"a tone is readable in SRTP packets: {secret}")
    for output in md.outputs:
        check(b"inline:" not in output, "an SRTP key reached the CLI's output")


def device_switch(md, logs, settle_s):
    """Changing input-device and output-device during a call moves its
    PulseAudio streams to the new devices; the call goes on, and the bridge
    hears us until the end of it."""
    for key in ("echo-cancellation", "noise-suppression", "gain-control"):
        md.gsettings(key, "false")
    with PulseServer(logs) as pulse:
        md.env["PULSE_SERVER"] = pulse.server
        with peers.Kamailio(USERS, logs=logs) as kamailio, \
             peers.Baresip(kamailio.port, BRIDGE_USER, BRIDGE_PASSWORD, tone_hz=BRIDGE_HZ,
                           logs=logs) as bridge:
            md.add_account("work", kamailio.port, "alice", PASSWORD)
            call = md.start_call(f"tel:{BRIDGE_USER}", "--mic", "auto", "--speaker", "auto")
            try:
                call.wait_state("active")
                desk = pulse.index_of("sinks", "md_desk")
                pulse.wait_streams("sink-inputs", [desk], "the call to play on the default device")
                time.sleep(settle_s)   # how long the call ran before the user chose
                moved_at = time.monotonic()
                md.gsettings("output-device", "md_headset")
                md.gsettings("input-device", "md_headset.monitor")
                sink = pulse.index_of("sinks", "md_headset")
                source = pulse.index_of("sources", "md_headset.monitor")
                pulse.wait_streams("sink-inputs", [sink], "the call's speaker to move to the headset")
                pulse.wait_streams("source-outputs", [source], "the call's mic to move to the headset")
                time.sleep(4.0)   # the call goes on: the length of the recording
                check(not call.ended(), f"the call ended on a device change: {call.ended()}")
                call.keys("h")
                after_move_s = time.monotonic() - moved_at
                check(call.wait(20) == 0, f"the call failed: {call.stderr.decode()[-1500:]}")
            finally:
                call.kill()
            bridge.wait_event("CALL_CLOSED", timeout=10)
            rec = recording(bridge)
            # The new input is the monitor of the new output, which plays the
            # bridge's own tone: the bridge hears it back after the move, in
            # every half second of its last 2 s up to the end of the call.
            # Not in its first half second: the tone has yet to go round the
            # loop once (bridge → us → headset → its monitor → bridge), and
            # the sound server may hold a moved stream back for up to
            # SOUND_SERVER_STALL_S, leaving a recording barely 2 s long.
            end = rec.seconds() - 0.2
            starts = [end - 0.5 * (i + 1) for i in range(4)]
            levels = [rec.level(BRIDGE_HZ, start, 0.5) for start in starts if start >= 0.5]
            check(len(levels) >= 2, f"the bridge decoded only {rec.seconds():.2f} s of our audio")
            print(f"after the move: {after_move_s:.2f} s of call, the bridge decoded "
                  f"{rec.seconds():.2f} s in all, {BRIDGE_HZ} Hz level in its last 2 s "
                  + " ".join(f"{level:.3f}" for level in reversed(levels)))
            check(min(levels) > 0.02, f"the bridge stopped hearing us before the end of the call: "
                                      f"{BRIDGE_HZ} Hz level in its last 2 s {levels[::-1]}")
            # A null sink that has been idle renders 2 s at a time: a stream
            # moved to its monitor may wait that long for its first audio
            # (so may one opened on it). Anything longer is audio we lost.
            check(rec.seconds() >= after_move_s - SOUND_SERVER_STALL_S,
                  f"the bridge decoded only {rec.seconds():.2f} s of our audio, "
                  f"{after_move_s:.2f} s of call after the move")


def case_device_switch(md, logs):
    """The user plugs a headset in a while into the call."""
    device_switch(md, logs, 1.0)


def case_device_switch_early(md, logs):
    """The user picks a headset as the call is answered, before the sound
    server has delivered any of the mic's audio."""
    device_switch(md, logs, 0.0)


def echo_returned(md, logs, processing):
    """The level (dBFS) of the bridge's own tone coming back to it from a
    room modelled by echo-loop:60 (our speaker heard by our mic 60 ms later),
    over the last seconds of a 6 s call, after the canceller has adapted."""
    # The canceller alone: noise suppression would also flatten a steady
    # tone and hide whether the echo was cancelled.
    md.gsettings("echo-cancellation", "true" if processing else "false")
    for key in ("noise-suppression", "gain-control"):
        md.gsettings(key, "false")
    with peers.Kamailio(USERS, logs=logs) as kamailio, \
         peers.Baresip(kamailio.port, BRIDGE_USER, BRIDGE_PASSWORD, tone_hz=BRIDGE_HZ,
                       logs=logs) as bridge:
        md.add_account("work", kamailio.port, "alice", PASSWORD)
        call = md.start_call(f"tel:{BRIDGE_USER}", "--mic", "echo-loop:60",
                             "--speaker", "null", "--hangup-after", "6")
        rc = call.wait(40)
        check(rc == 0, f"the call exited {rc}: {call.stderr.decode()[-2000:]}")
        bridge.wait_event("CALL_CLOSED", timeout=10)
        rec = recording(bridge)
        check(rec.seconds() > 5, f"the bridge recorded only {rec.seconds():.1f} s")
        level = rec.level(BRIDGE_HZ, 3.0, rec.seconds() - 3.5)
        return 20 * math.log10(max(level, 1e-6))


def case_echo(md, logs):
    """webrtcdsp cancels the echo of a room: the bridge's tone comes back at
    least 20 dB weaker than without it."""
    without = echo_returned(md, logs, False)
    with_dsp = echo_returned(md, logs, True)
    print(f"echo back at the bridge: {without:.1f} dBFS without webrtcdsp, "
          f"{with_dsp:.1f} dBFS with it")
    check(without > -30, f"the echo loop returned too little to measure: {without:.1f} dBFS")
    check(without - with_dsp >= 20,
          f"webrtcdsp removed only {without - with_dsp:.1f} dB of echo")


def main():
    cli, case = sys.argv[1], sys.argv[2]
    logs = os.environ.get("MEETDIAL_TEST_LOGS") or peers.log_dir()
    os.makedirs(logs, exist_ok=True)
    os.environ["MEETDIAL_TEST_LOGS"] = logs
    md = Meetdial(cli, logs)
    try:
        globals()["case_" + case.replace("-", "_")](md, logs)
    finally:
        md.cleanup()
    print(f"ok: {case}")


if __name__ == "__main__":
    main()
