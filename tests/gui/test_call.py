# SPDX-License-Identifier: GPL-3.0-or-later
"""From the UI to the meeting: an invitation is pasted, Call goes out through
the account (Kamailio with digest auth) to a baresip bridge, the PIN and the
passcode arrive there as DTMF after the pauses, the user hangs up, the window
says how the call ended, the desktop is told (Notify calls seen on the bus)
and the history keeps the call without its PIN. Redialled from the history,
the call is hung up by the bridge: Call Again dials it once more."""

import os
import sqlite3
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "..", "peers"))
import guitest  # noqa: E402
import peers  # noqa: E402

PASSWORD = "s3cret-pass"
BRIDGE_USER = "+16465550100"
BRIDGE_PASSWORD = "bridge-pass"
PIN = "84512345678"
DIGITS = PIN + "#*731904#"
INVITE = os.path.join(HERE, "zoom-invite.txt")


logs = os.environ.get("MEETDIAL_ARTEFACTS")
with peers.Kamailio({"alice": PASSWORD, BRIDGE_USER: BRIDGE_PASSWORD}, logs=logs) as kamailio, \
     peers.Baresip(kamailio.port, BRIDGE_USER, BRIDGE_PASSWORD, logs=logs) as bridge:
    guitest.store_password("work", PASSWORD)
    account = guitest.sip_account(kamailio.port)
    settings = {"sip-accounts": account, "pause-ms": "uint32 300",
                "audio-input": "'tone:440'", "audio-output": "'null'"}

    with guitest.Session("call", settings=settings, screen_width=640) as session:
        notify = subprocess.Popen(["stdbuf", "-oL", "dbus-monitor", "--session",
                                   "interface='org.freedesktop.Notifications',member='Notify'"],
                                  stdout=subprocess.PIPE, text=True)
        session.procs.append(notify)
        session.start_notification_daemon()
        session.start_app()
        session.activate("lookup", guitest.gvariant_string(open(INVITE).read()))
        session.wait_for_state("dial-in", lambda v: v == f"'{BRIDGE_USER}'", "the bridge's number")

        # Notifications are for when Meetdial is in the background: give the
        # X focus to the root window, as when the user works elsewhere.
        session.unfocus()
        session.activate("call")
        session.wait_for_state("call-state", lambda v: v == "'active'", "the call to be answered")
        session.screenshot("in-call")

        # Every digit of the PIN and the passcode reaches the bridge, in order.
        for index in range(len(DIGITS)):
            try:
                bridge.wait_event("CALL_DTMF_START", timeout=20, after=0)
            except peers.PeerError as error:
                guitest.fail(str(error))
            if len(bridge.dtmf()) > index:
                continue
        peers.wait_for(lambda: len(bridge.dtmf()) >= len(DIGITS), 30, "all DTMF digits")
        received = "".join(digit for digit, _ in bridge.dtmf())
        if received != DIGITS:
            guitest.fail(f"the bridge received {received!r}, not {DIGITS!r}")
        session.screenshot("pin-sent")

        session.activate("decline", path=guitest.APP_PATH)
        state = session.wait_for_state("call-state", lambda v: v.startswith("'ended"),
                                       "the call to end")
        if state != "'ended: hung up'":
            guitest.fail(f"the call ended as {state}")
        bridge.wait_event("CALL_CLOSED", timeout=10)
        session.screenshot("ended")

        session.activate("view", guitest.gvariant_string("history"))
        session.screenshot("history")

        # Redial from the history: the PIN comes back from the keyring (the
        # database has it masked), so the bridge gets every digit again.
        database = os.path.join(os.environ["XDG_DATA_HOME"], "meetdial", "history.db")
        call_id = sqlite3.connect(database).execute("SELECT id FROM calls").fetchone()[0]
        session.activate("redial", f"<int64 {call_id}>")
        session.wait_for_state("call-state", lambda v: v == "'active'", "the redial to connect")
        peers.wait_for(lambda: len(bridge.dtmf()) >= 2 * len(DIGITS), 30, "the PIN again")
        again = "".join(digit for digit, _ in bridge.dtmf()[len(DIGITS):])
        if again != DIGITS:
            guitest.fail(f"the redial sent {again!r}, not {DIGITS!r}")
        if session.action_enabled("call-again"):
            guitest.fail("Call Again is offered during a call")

        # This time the bridge hangs up (a meeting that dropped us): the
        # window offers Call Again, and Alt+A dials the meeting once more.
        bridge.command("hangup")
        state = session.wait_for_state("call-state", lambda v: v.startswith("'ended"),
                                       "the bridge to hang up")
        if state != "'ended: hung up by far end'":
            guitest.fail(f"the redial ended as {state}")
        session.wait_for_enabled("call-again", True, "Call Again to be offered")
        session.screenshot("call-again")
        session.focus_window("^Meetdial$")
        session.xdotool("key", "alt+a")
        session.wait_for_state("call-state", lambda v: v == "'active'", "the call again to connect")
        peers.wait_for(lambda: len(bridge.dtmf()) >= 3 * len(DIGITS), 30, "the PIN once more")
        third = "".join(digit for digit, _ in bridge.dtmf()[2 * len(DIGITS):])
        if third != DIGITS:
            guitest.fail(f"Call Again sent {third!r}, not {DIGITS!r}")

        # After the user hangs up, calling again is not offered.
        session.activate("decline")
        session.wait_for_state("call-state", lambda v: v.startswith("'ended"), "the call to end")
        if session.action_enabled("call-again"):
            guitest.fail("Call Again is offered after the user hung up")

    # The app is gone; what it told the desktop and kept stays checkable.
    notify.terminate()
    seen = notify.communicate()[0]
    if "Call Ended" not in seen or "PIN Sent" not in seen:
        guitest.fail("no Notify call for the call's events:\n" + seen[-2000:])
    if PIN in seen:
        guitest.fail("a notification showed the PIN")

    database = os.path.join(os.environ["XDG_DATA_HOME"], "meetdial", "history.db")
    rows = sqlite3.connect(database).execute(
        "SELECT target, masked_dial, outcome, title FROM calls ORDER BY id").fetchall()
    if ([(r[0], r[2]) for r in rows]
            != [(BRIDGE_USER, "hung up"), (BRIDGE_USER, "hung up by far end"),
                (BRIDGE_USER, "hung up")]):
        guitest.fail(f"unexpected history: {rows}")
    if any(PIN in r[1] or r[3] != "Weekly sync" for r in rows):
        guitest.fail(f"the history keeps {rows}")

print("ok")
