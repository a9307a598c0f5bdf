# SPDX-License-Identifier: GPL-3.0-or-later
"""Adding a SIP account in Preferences, typed with the keyboard: the account
goes into the settings and its password into the keyring (gnome-keyring on
the private bus), never into the settings file."""

import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))
import guitest  # noqa: E402

PASSWORD = "s3cret-for-the-test"

guitest.need("secret-tool", "libsecret-tools")

with guitest.Session("preferences") as session:
    session.start_app()
    session.activate("preferences", path=guitest.APP_PATH)
    session.wait_for_window("^Preferences$")
    session.screenshot("general")

    session.activate("add-account", path=guitest.APP_PATH)
    # The form names its window once its first field has the focus.
    session.wait_for_window("^Add Account$")
    session.screenshot("add-account")

    created = session.watch_signal("org.freedesktop.secrets", "ItemCreated")

    # The fields in their order, Tab between them, Enter saves. The password
    # is typed from a file so it is not on any command line.
    def xdotool(*args):
        subprocess.run(["xdotool", *args], env=session.env, check=True, timeout=guitest.TIMEOUT)

    xdotool("search", "--onlyvisible", "--name", "^Add Account$", "windowfocus", "--sync")
    for field in ("office", "127.0.0.1:5060", "alice"):
        xdotool("type", "--delay", "5", field)
        xdotool("key", "Tab")
    with tempfile.NamedTemporaryFile("w", suffix=".txt") as keys:
        keys.write(PASSWORD)
        keys.flush()
        xdotool("type", "--delay", "5", "--file", keys.name)
    session.screenshot("typed")
    xdotool("key", "Return")

    # The keyring announces the new item; then read it back.
    created.wait()
    stored = subprocess.run(["secret-tool", "lookup", "kind", "sip-password", "key", "office"],
                            capture_output=True, text=True).stdout
    session.screenshot("saved")
    if stored != PASSWORD:
        guitest.fail(f"the keyring holds {stored!r} for the account, not the typed password")

    settings = open(session.keyfile).read()
    if "'name': 'office'" not in settings or "alice" not in settings:
        guitest.fail("the account is not in the settings:\n" + settings)
    if PASSWORD in settings:
        guitest.fail("the password was written to the settings file")

print("ok")
