# SPDX-License-Identifier: GPL-3.0-or-later
"""What the call benchmarks share: the users of the test Kamailio, the
bridge's number, and baresip calling the bridge the way meetdial-cli does
(a 440 Hz tone out, through Kamailio)."""

import contextlib
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "peers"))

import peers  # noqa: E402

BRIDGE = "+15550100"
USERS = {"alice": "alice-pass", "bob": "bob-pass", BRIDGE: "bridge-pass"}


@contextlib.contextmanager
def baresip_caller(kamailio, logs):
    """baresip as bob, calling the bridge; yields it once the call is up,
    and stops it after."""
    caller = peers.Baresip(kamailio.port, "bob", USERS["bob"], answer="manual", tone_hz=440,
                           logs=logs, commands=[f"/dial sip:{BRIDGE}@127.0.0.1:{kamailio.port}"])
    caller.start()
    try:
        # The dial runs before ctrl_tcp has a client: the log tells.
        caller.proc.wait_log("Call established", timeout=10)
        yield caller
    finally:
        caller.stop()
        caller.cleanup()
