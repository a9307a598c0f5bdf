# SPDX-License-Identifier: GPL-3.0-or-later
"""A link typed by the user with a wait step (“;”): after answer the call
waits, nothing is sent, the window offers Continue (win.continue enabled
on D-Bus); Continue sends the PIN, which the bridge receives. The account
only calls out (a desk phone holds its registration): the app never
registers it, and its call still goes out."""

import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "..", "peers"))
import guitest  # noqa: E402
import peers  # noqa: E402

PASSWORD = "s3cret-pass"
BRIDGE_USER = "+16465550100"
BRIDGE_PASSWORD = "bridge-pass"
PIN = "2468#"

logs = os.environ.get("MEETDIAL_ARTEFACTS")
with peers.Kamailio({"alice": PASSWORD, BRIDGE_USER: BRIDGE_PASSWORD}, logs=logs) as kamailio, \
     peers.Baresip(kamailio.port, BRIDGE_USER, BRIDGE_PASSWORD, logs=logs) as bridge:
    guitest.store_password("work", PASSWORD)
    account = guitest.sip_account(kamailio.port).replace("}]", ", 'register': 'no'}]")
    settings = {"sip-accounts": account, "audio-input": "'tone:440'", "audio-output": "'null'"}

    with guitest.Session("wait", settings=settings) as session:
        session.start_app()
        if session.action_enabled("continue"):
            guitest.fail("Continue is offered with no call")

        # Typed into the link field: the user's own link is dialed at once.
        session.activate("lookup", guitest.gvariant_string(f"tel:{BRIDGE_USER};{PIN}"))
        session.wait_for_state("call-state", lambda v: v == "'active'", "the call to be answered")
        session.wait_for_enabled("continue", True, "the wait step to offer Continue")
        session.screenshot("waiting")
        if bridge.dtmf():
            guitest.fail(f"digits were sent before Continue: {bridge.dtmf()}")

        session.activate("continue")
        peers.wait_for(lambda: len(bridge.dtmf()) >= len(PIN), 20, "the PIN at the bridge")
        received = "".join(digit for digit, _ in bridge.dtmf())
        if received != PIN:
            guitest.fail(f"the bridge received {received!r}, not {PIN!r}")
        session.wait_for_enabled("continue", False, "Continue to go away")
        session.activate("decline", path=guitest.APP_PATH)
        session.wait_for_state("call-state", lambda v: v.startswith("'ended"), "the call to end")
    if "REGISTERED alice" in kamailio.log_text():
        guitest.fail("the app registered an account that only calls out")

print("ok")
