# SPDX-License-Identifier: GPL-3.0-or-later
"""A tel: link given to a second `meetdial` process reaches the running one
(GApplication over D-Bus) and shows the confirmation with the PIN masked;
a link the dial core rejects changes nothing and gets its message."""

import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
import guitest  # noqa: E402

with guitest.Session("link") as session:
    first = session.start_app()

    second = session.run_app("tel:+16465550100,,84512345678%23")
    if second.returncode != 0:
        guitest.fail(f"second instance failed: {second.stderr}")
    if first.poll() is not None:
        guitest.fail("the first instance exited")

    state = session.wait_for_state("pending-link", lambda v: v not in (None, "''"),
                                   "the link confirmation")
    if state != "'tel:+16465550100,,••••••••••••'":
        guitest.fail(f"unexpected pending link {state}")
    if "84512345678" in state:
        guitest.fail("the PIN is shown in clear")
    session.screenshot("confirm")

    # A second, broken link is refused with the dial core's words and
    # leaves the waiting confirmation alone.
    bad = session.run_app("tel:+1415555010O")
    if bad.returncode != 0:
        guitest.fail(f"second instance failed: {bad.stderr}")
    session.screenshot("rejected")
    if session.action_state("pending-link") != state:
        guitest.fail("a rejected link replaced the confirmation")

    # A file named on the command line is an invitation to look up.
    invite = os.path.join(os.path.dirname(os.path.abspath(__file__)), "zoom-invite.txt")
    opened = session.run_app(invite)
    if opened.returncode != 0:
        guitest.fail(f"second instance failed: {opened.stderr}")
    session.wait_for_state("dial-in", lambda v: v == "'+16465550100'",
                           "the invitation given as a file to be looked up")

print("ok")
