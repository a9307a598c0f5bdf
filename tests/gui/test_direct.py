# SPDX-License-Identifier: GPL-3.0-or-later
"""A SIP address with no account set up: the link is called directly (the
confirmation says so), not handed to the phone app; the far end answers,
and when it hangs up the call ends as "hung up by far end"."""

import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "..", "peers"))
import guitest  # noqa: E402
import peers  # noqa: E402

logs = os.environ.get("MEETDIAL_ARTEFACTS")
settings = {"audio-input": "'tone:440'", "audio-output": "'null'"}
with peers.Sipp("remote-bye.xml", logs=logs, tone_seconds=10) as sipp, \
     guitest.Session("direct", settings=settings) as session:
    target = f"sip:room@127.0.0.1:{sipp.port}"
    session.start_app()
    session.activate("lookup", guitest.gvariant_string(target))
    session.wait_for_state("call-state", lambda v: v == "'active'", "the direct call to be answered")
    session.screenshot("answered")
    session.wait_for_state("call-state", lambda v: "hung up by far end" in v,
                           "the far end's hang-up")
    if sipp.wait(10) != 0:
        guitest.fail("sipp did not complete:\n" + sipp.messages()[-3000:])
    if f"INVITE {target}" not in sipp.messages():
        guitest.fail("the INVITE did not go to the address itself")

print("ok")
