# SPDX-License-Identifier: GPL-3.0-or-later
"""The account is edited in Preferences while a call goes out on it: the
call goes on on the old registration, the window says the change waits for
the call, and once the call ends the app registers the edited account
(Kamailio sees the new user register)."""

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
WAITS = "The account changed during a call: it registers again when the call ends"

logs = os.environ.get("MEETDIAL_ARTEFACTS")
# alice and bob share the password: the edit changes only the user name,
# and the keyring keeps the password.
users = {"alice": PASSWORD, "bob": PASSWORD, BRIDGE_USER: BRIDGE_PASSWORD}
with peers.Kamailio(users, logs=logs) as kamailio, \
     peers.Baresip(kamailio.port, BRIDGE_USER, BRIDGE_PASSWORD, logs=logs) as bridge:
    guitest.store_password("work", PASSWORD)
    account = guitest.sip_account(kamailio.port)
    settings = {"sip-accounts": account, "audio-input": "'tone:440'", "audio-output": "'null'"}

    with guitest.Session("account-in-call", settings=settings) as session:
        session.start_app()
        session.wait_log("Account work: registered")
        session.activate("lookup", guitest.gvariant_string(f"tel:{BRIDGE_USER}"))
        session.wait_for_state("call-state", lambda v: v == "'active'", "the call to be answered")
        registered = session.log_count("Account work: registered")

        # The user name becomes bob; Save (Alt+S) keeps the stored password.
        session.activate("edit-account", guitest.gvariant_string("work"))
        session.wait_for_window("^Edit Account$")
        session.focus_window("^Edit Account$")
        session.xdotool("key", "Tab")   # from the server to the user name
        session.xdotool("key", "ctrl+a")
        session.xdotool("type", "--delay", "5", "bob")
        session.xdotool("key", "alt+s")
        session.wait_log(WAITS)
        session.wait_for_window("^Preferences$")
        session.screenshot("waits-for-the-call")

        # Nothing changed under the call: no new registration, still talking.
        if "REGISTERED bob" in kamailio.log_text():
            guitest.fail("the edited account registered during the call")
        if session.log_count("Account work: registered") != registered:
            guitest.fail("the account registered again during the call")
        if session.action_state("call-state") != "'active'":
            guitest.fail("editing the account ended the call")
        if not bridge.proc.running():
            guitest.fail("the bridge went away during the call")

        session.activate("decline", path=guitest.APP_PATH)
        state = session.wait_for_state("call-state", lambda v: v.startswith("'ended"),
                                       "the call to end")
        if state != "'ended: hung up'":
            guitest.fail(f"the call ended as {state}")

        # Now the edited account registers.
        try:
            kamailio.proc.wait_log("REGISTERED bob", timeout=guitest.TIMEOUT)
        except peers.PeerError as error:
            guitest.fail(f"the edited account did not register after the call: {error}")
        session.wait_log("Account work: registered", more_than=registered)

print("ok")
