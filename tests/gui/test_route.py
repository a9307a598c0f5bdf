# SPDX-License-Identifier: GPL-3.0-or-later
"""The audio route switch in a meeting call: “Call Me” (win.audio-route →
phone) calls the user's own phone (a second baresip that answers) and the
meeting's audio moves there; “Computer” moves it back and hangs the phone
up. The window's state follows the real route, and the desktop is told."""

import os
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
MY_PHONE = "+16465550177"
MY_PHONE_PASSWORD = "phone-pass"
INVITE = os.path.join(HERE, "zoom-invite.txt")

logs = os.environ.get("MEETDIAL_ARTEFACTS")
users = {"alice": PASSWORD, BRIDGE_USER: BRIDGE_PASSWORD, MY_PHONE: MY_PHONE_PASSWORD}
with peers.Kamailio(users, logs=logs) as kamailio, \
     peers.Baresip(kamailio.port, BRIDGE_USER, BRIDGE_PASSWORD, logs=logs) as bridge, \
     peers.Baresip(kamailio.port, MY_PHONE, MY_PHONE_PASSWORD, tone_hz=700, logs=logs) as phone:
    guitest.store_password("work", PASSWORD)
    account = guitest.sip_account(kamailio.port)
    settings = {"sip-accounts": account, "audio-input": "'tone:440'", "audio-output": "'null'",
                "my-phone-number": f"'{MY_PHONE}'", "pause-ms": "uint32 300"}

    with guitest.Session("route", settings=settings, screen_width=640) as session:
        notify = subprocess.Popen(["stdbuf", "-oL", "dbus-monitor", "--session",
                                   "interface='org.freedesktop.Notifications',member='Notify'"],
                                  stdout=subprocess.PIPE, text=True)
        session.procs.append(notify)
        session.start_notification_daemon()
        session.start_app()
        if session.action_enabled("audio-route"):
            guitest.fail("the route switch is offered with no call")

        session.activate("lookup", guitest.gvariant_string(open(INVITE).read()))
        session.wait_for_state("dial-in", lambda v: v == f"'{BRIDGE_USER}'", "the bridge's number")
        session.unfocus()
        session.activate("call")
        session.wait_for_state("call-state", lambda v: v == "'active'", "the meeting call")
        if not session.action_enabled("audio-route"):
            guitest.fail("no route switch in a meeting call")

        session.set_state("audio-route", "<'phone'>")
        session.wait_for_state("audio-route", lambda v: v == "'phone'",
                               "the audio to move to the phone", timeout=40)
        try:
            phone.wait_event("CALL_ESTABLISHED", timeout=5)
        except peers.PeerError as error:
            guitest.fail(str(error))
        session.screenshot("on-phone")

        session.set_state("audio-route", "<'computer'>")
        session.wait_for_state("audio-route", lambda v: v == "'computer'",
                               "the audio to come back to the computer")
        try:
            phone.wait_event("CALL_CLOSED", timeout=10)
        except peers.PeerError as error:
            guitest.fail(f"the phone leg was not hung up: {error}")
        if session.action_state("call-state") != "'active'":
            guitest.fail("the meeting call did not survive the switches")
        session.screenshot("back-on-computer")

        session.activate("decline", path=guitest.APP_PATH)
        session.wait_for_state("call-state", lambda v: v.startswith("'ended"), "the call to end")

    notify.terminate()
    seen = notify.communicate()[0]
    if "Audio Switched" not in seen:
        guitest.fail("no Notify call for the route switch:\n" + seen[-2000:])

print("ok")
