# SPDX-License-Identifier: GPL-3.0-or-later
"""An incoming call: a baresip peer calls our registered account through
Kamailio, the window shows the ringing view with Answer and Decline, the
desktop is notified (Notify seen on the bus), Answer connects the call and
takes the notification with its own Answer and Decline off the screen
(CloseNotification), the answered call's audio can move to "dialled in
from a phone" and back like a meeting's, and the caller's hang-up ends the
call with that reason."""

import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "..", "peers"))
import guitest  # noqa: E402
import peers  # noqa: E402

PASSWORD = "s3cret-pass"
CALLER = "+16465550111"
CALLER_PASSWORD = "caller-pass"

logs = os.environ.get("MEETDIAL_ARTEFACTS")
with peers.Kamailio({"alice": PASSWORD, CALLER: CALLER_PASSWORD}, logs=logs) as kamailio, \
     peers.Baresip(kamailio.port, CALLER, CALLER_PASSWORD, answer="manual", logs=logs) as caller:
    guitest.store_password("work", PASSWORD)
    account = guitest.sip_account(kamailio.port)
    settings = {"sip-accounts": account, "audio-input": "'tone:440'", "audio-output": "'null'"}

    with guitest.Session("incoming", settings=settings, screen_width=640) as session:
        notify = subprocess.Popen(["stdbuf", "-oL", "dbus-monitor", "--session",
                                   "interface='org.freedesktop.Notifications',member='Notify'",
                                   "interface='org.freedesktop.Notifications',"
                                   "member='CloseNotification'"],
                                  stdout=subprocess.PIPE, text=True)
        session.procs.append(notify)
        session.start_notification_daemon()
        session.start_app()
        session.unfocus()
        # The account registers by itself once the window is up.
        session.wait_log("Account work: registered")

        caller.command("dial", f"sip:alice@127.0.0.1:{kamailio.port}")
        session.wait_for_state("call-state", lambda v: v == "'ringing'", "the phone to ring")
        if session.action_state("view") != "'call'":
            guitest.fail("the ringing call is not shown")
        session.screenshot("ringing")

        session.activate("answer", path=guitest.APP_PATH)
        session.wait_for_state("call-state", lambda v: v == "'active'", "the call to be answered")
        try:
            caller.wait_event("CALL_ESTABLISHED", timeout=10)
        except peers.PeerError as error:
            guitest.fail(str(error))
        session.screenshot("answered")

        if not session.action_enabled("audio-route"):
            guitest.fail("no audio route switch in an answered incoming call")
        session.set_state("audio-route", "<'dial-in'>")
        session.wait_for_state("audio-route", lambda v: v == "'dial-in'", "the dial-in route")
        session.screenshot("dial-in")
        session.set_state("audio-route", "<'computer'>")
        session.wait_for_state("audio-route", lambda v: v == "'computer'", "computer audio again")

        caller.command("hangup")
        state = session.wait_for_state("call-state", lambda v: v.startswith("'ended"),
                                       "the call to end")
        if state != "'ended: hung up by far end'":
            guitest.fail(f"the call ended as {state}")

    notify.terminate()
    seen = notify.communicate()[0]
    if "Incoming Call" not in seen:
        guitest.fail("no Notify call for the incoming call:\n" + seen[-2000:])
    if "CloseNotification" not in seen.split("Incoming Call", 1)[1]:
        guitest.fail("the incoming call's notification stayed after the call was answered:\n"
                     + seen[-2000:])

print("ok")
