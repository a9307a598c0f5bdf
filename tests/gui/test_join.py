# SPDX-License-Identifier: GPL-3.0-or-later
"""Paste an invitation (through the real X clipboard) → its numbers appear,
the preferred one selected; screenshots of the start and result views, in
light and dark style and at 360 px wide."""

import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "peers"))
import guitest  # noqa: E402
import peers  # noqa: E402

INVITE = os.path.join(os.path.dirname(__file__), "zoom-invite.txt")


def copy_to_clipboard(session, path):
    guitest.need("xclip", "xclip")
    # xclip stays in the background as the clipboard's owner until the
    # session ends; the paste may only come once it owns the clipboard.
    owner = subprocess.Popen(["xclip", "-selection", "clipboard", "-quiet", path],
                             env=session.env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    session.procs.append(owner)
    with open(path, "rb") as invite:
        expected = invite.read()

    def clipboard_holds_it():
        if owner.poll() is not None:
            guitest.fail("xclip ended before it took the clipboard")
        return subprocess.run(["xclip", "-selection", "clipboard", "-o"], env=session.env,
                              capture_output=True, timeout=10).stdout == expected

    # no event says when xclip owns the clipboard: ask the X server
    peers.wait_for(clipboard_holds_it, 10, "xclip to take the clipboard")


def set_reveal(session, action, value):
    """Presses the row's show button: its toggle is bound to the action."""
    session.set_state(action, f"<{value}>")
    session.wait_for_state(action, lambda v: v == value, f"{action} to be {value}")


def reveal_codes(session):
    """The PIN and the passcode are masked until each one's own show button
    is pressed, and masked again for the next meeting. The left part of the
    screen (the rows' text, not their buttons) is compared frame against
    frame: each button must change it, and one must not do the other's
    work."""
    def text_frame(different_from=None):
        return session.frame(different_from, columns=session.screen_width // 2)

    for action in ("reveal-pin", "reveal-passcode"):
        if session.action_state(action) != "false":
            guitest.fail(f"{action} is on for a new meeting")
    masked = text_frame()
    set_reveal(session, "reveal-passcode", "true")
    passcode_only = text_frame(different_from=masked)
    session.screenshot("passcode-shown")
    set_reveal(session, "reveal-pin", "true")
    both = text_frame(different_from=passcode_only)
    set_reveal(session, "reveal-passcode", "false")
    pin_only = text_frame(different_from=both)
    if pin_only in (masked, passcode_only):
        guitest.fail("the passcode's show button also shows or hides the PIN")
    set_reveal(session, "reveal-pin", "false")
    if text_frame(different_from=pin_only) != masked:
        guitest.fail("hiding both codes again does not look as it did at first")

    # The next lookup starts masked, whatever was shown before.
    set_reveal(session, "reveal-passcode", "true")
    session.activate("new-lookup")
    session.activate("lookup", guitest.gvariant_string(open(INVITE).read()))
    session.wait_for_state("reveal-passcode", lambda v: v == "false",
                           "the passcode to be masked for the new meeting")


def join(name, width, extra_env=None):
    with guitest.Session(name, width=width) as session:
        session.start_app(extra_env=extra_env)
        session.screenshot("start")
        if session.action_state("dial-in") != "''":
            guitest.fail("a number is selected before any lookup")

        copy_to_clipboard(session, INVITE)
        session.activate("paste")
        state = session.wait_for_state("dial-in", lambda v: v not in (None, "''"),
                                       "the invitation's numbers")
        if state != "'+16465550100'":
            guitest.fail(f"expected the New York number to be preferred, got {state}")
        if session.action_state("view") != "'join'":
            guitest.fail("the result is not on the Join view")
        session.screenshot("result")

        if name == "join":
            reveal_codes(session)
            # A title that is not valid markup shows as written (GTK would
            # warn, and the test fail, if a row took it for markup).
            text = open(INVITE).read().replace("Topic: Weekly sync", "Topic: Q&A <team> sync")
            results = session.log_count("Join page: result")
            session.activate("lookup", guitest.gvariant_string(text))
            session.wait_log("Join page: result", more_than=results)
            session.screenshot("plain-title")

        # Another number can be chosen; the selection follows.
        session.activate("dial-in", guitest.gvariant_string("+442034815237"))
        state = session.wait_for_state("dial-in", lambda v: v == "'+442034815237'",
                                       "the UK number to be selected")

        # With no SIP account, Call explains how to add one.
        session.activate("call")
        session.screenshot("no-account")

        # A pasted text with no dial-in says so.
        session.activate("new-lookup")
        errors = session.log_count("Join page: error")
        session.activate("lookup", guitest.gvariant_string("Lunch on Friday? Bring snacks."))
        session.wait_log("Join page: error", more_than=errors)
        if session.action_state("dial-in") != "''" or session.action_enabled("call"):
            guitest.fail("the last meeting can still be called after a lookup that found none")
        session.screenshot("no-dial-in")

        if name == "join":
            session.activate("lookup", guitest.gvariant_string(open(INVITE).read()))
            session.wait_for_state("dial-in", lambda v: v == "'+16465550100'", "the numbers again")
            # The QR code for dialing from a mobile, then the shortcuts window.
            session.activate("show-qr")
            session.wait_for_window("^Dial In From Your Phone$")
            session.screenshot("qr-code")
            session.activate("show-help-overlay")
            session.wait_for_window("^Keyboard Shortcuts$")
            session.screenshot("shortcuts")


join("join", 480)
join("join-dark", 480, {"ADW_DEBUG_COLOR_SCHEME": "prefer-dark"})
join("join-narrow", 360)
print("ok")
