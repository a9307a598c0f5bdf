#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Drives tests/phone/test-call-hold.c against a real Kamailio and baresip
bridge.

hold: we hold (a sendonly re-INVITE through the proxy), the held call
outlasts the media's RTP timeout while the bridge sends nothing, we resume
(sendrecv) and hang up.

password-later: the call goes before the account's password is known; the
proxy challenges the INVITE, the call waits (the account does not register
meanwhile), and once the password comes the INVITE goes again and the
bridge answers.

hold-in-plan: the same, the call's plan two pauses and a PIN, and the hold
within the first pause: nothing is sent while held, and after the resume
the pause that was due, then the whole PIN.

Usage: test_phone.py TEST_CALL_HOLD [hold|hold-in-plan|password-later]
"""

import os
import queue
import subprocess
import sys
import threading
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "peers"))

import peers  # noqa: E402

PASSWORD = "s3cret-pass"
BRIDGE = "+15550100"
USERS = {"alice": PASSWORD, BRIDGE: "bridge-pass"}
RTP_TIMEOUT_MS = 1000
PIN = "1234#"
PAUSE_MS = 1000   # test-call-hold's


class Program:
    """The C side: its stdout lines arrive in a queue; stderr goes to a log."""

    def __init__(self, argv, env, log_path):
        self.log = open(log_path, "wb")
        self.proc = subprocess.Popen(argv, env=env, stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=self.log)
        self.lines = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        for line in self.proc.stdout:
            self.lines.put(line.decode().strip())
        self.lines.put(None)

    def expect(self, word, timeout=15):
        try:
            line = self.lines.get(timeout=timeout)
        except queue.Empty:
            line = "(nothing)"
        if line != word:
            self.stop()
            raise AssertionError(f"test-call-hold said {line!r}, not {word!r}; see {self.log.name}")

    def tell(self, word):
        self.proc.stdin.write(word.encode() + b"\n")
        self.proc.stdin.flush()

    def stop(self):
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait()
        self.log.close()


def hang_up(call, bridge):
    call.tell("hangup")
    call.expect("ended hung up")
    rc = call.proc.wait(15)
    if rc != 0:
        raise AssertionError(f"test-call-hold exited {rc}")
    bridge.wait_event("CALL_CLOSED", timeout=5)


def password_later(program, env, logs):
    with peers.Kamailio(USERS, logs=logs) as kamailio, \
         peers.Baresip(kamailio.port, BRIDGE, USERS[BRIDGE], logs=logs) as bridge:
        log = os.path.join(logs, f"test-password-later-{os.getpid()}.log")
        call = Program([program, f"127.0.0.1:{kamailio.port}", f"tel:{BRIDGE}",
                        "--password-later"], env, log)
        try:
            call.expect("dialing")
            peers.wait_for(lambda: "before the account's password came" in
                           open(log, errors="replace").read(), 10,
                           "the INVITE challenged before the password came")
            if "REGISTERED alice" in kamailio.log_text():
                raise AssertionError("the account registered before its password came")
            call.tell(PASSWORD)
            call.expect("active")
            # The first INVITE, challenged; then again, challenged and
            # answered with the password.
            invites = kamailio.log_text().count("INVITE from alice")
            if invites != 3:
                raise AssertionError(f"Kamailio saw {invites} INVITEs from us, not 3")
            peers.wait_for(lambda: "REGISTERED alice" in kamailio.log_text(), 5,
                           "the registration once the password came")
            hang_up(call, bridge)
        finally:
            call.stop()
    print("ok: password later")


def main():
    program = sys.argv[1]
    mode = sys.argv[2] if len(sys.argv) > 2 else "hold"
    logs = os.environ.get("MEETDIAL_TEST_LOGS") or peers.log_dir()
    os.makedirs(logs, exist_ok=True)
    env = dict(os.environ, MEETDIAL_RTP_TIMEOUT_MS=str(RTP_TIMEOUT_MS),
               G_MESSAGES_DEBUG="md-sip md-phone md-media")
    if mode == "password-later":
        password_later(program, env, logs)
        return
    hold(program, env, logs, mode == "hold-in-plan")


def hold(program, env, logs, in_plan):
    """Hold and resume; @in_plan: the call's plan has two 1 s pauses and a
    PIN, and the hold comes as it is answered, within the first pause."""
    target = f"tel:{BRIDGE},,{PIN}" if in_plan else f"tel:{BRIDGE}"
    with peers.Kamailio(USERS, logs=logs) as kamailio, \
         peers.Baresip(kamailio.port, BRIDGE, USERS[BRIDGE], logs=logs) as bridge:
        call = Program([program, f"127.0.0.1:{kamailio.port}", target], env,
                       os.path.join(logs, f"test-call-hold-{os.getpid()}.log"))
        try:
            call.tell(PASSWORD)
            call.expect("active")
            call.expect("held")
            peers.wait_for(lambda: "REOFFER alice sendonly" in kamailio.log_text(), 5,
                           "our sendonly re-INVITE at the proxy")
            # The bridge now sends no audio. Asserting that the call does
            # not end needs a window: well past our RTP timeout, and past
            # both pauses of the plan.
            time.sleep(RTP_TIMEOUT_MS / 1000 * 2.5)
            if bridge.dtmf():
                raise AssertionError(f"digits went out while held: {bridge.dtmf()}")
            resumed = time.monotonic()
            call.tell("resume")
            call.expect("resumed")
            peers.wait_for(lambda: "REOFFER alice sendrecv" in kamailio.log_text(), 5,
                           "our sendrecv re-INVITE at the proxy")
            if in_plan:
                # The pause that was due comes after the resume, then the PIN.
                peers.wait_for(lambda: len(bridge.dtmf()) == len(PIN), 10,
                               "the PIN after the resume")
                received = bridge.dtmf()
                digits = "".join(d for d, _ in received)
                if digits != PIN:
                    raise AssertionError(f"the bridge received {digits!r}, not {PIN!r}")
                if received[0][1] - resumed < PAUSE_MS / 1000:
                    raise AssertionError(f"the PIN began {received[0][1] - resumed:.2f} s after "
                                         f"the resume, before the pause due")
            hang_up(call, bridge)
        finally:
            call.stop()
    print("ok: hold in the plan" if in_plan else "ok: hold")


if __name__ == "__main__":
    main()
