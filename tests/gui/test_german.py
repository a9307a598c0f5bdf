# SPDX-License-Identifier: GPL-3.0-or-later
"""The app in German: the translation from po/de.po is the one shown (a
window title only our catalogue translates), with screenshots of the main
views for the AppStream page and for translators."""

import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))
import guitest  # noqa: E402

INVITE = os.path.join(os.path.dirname(__file__), "zoom-invite.txt")


def compile_german_locale(locpath):
    """Compiles de_DE.UTF-8 into a private directory (LOCPATH): no root
    needed, and nothing depends on which locales the machine generated."""
    guitest.need("localedef", "libc-bin")
    if not os.path.exists("/usr/share/i18n/locales/de_DE"):
        guitest.fail("the de_DE locale source is missing: install the Debian package “locales”")
    subprocess.run(["localedef", "-i", "de_DE", "-f", "UTF-8", os.path.join(locpath, "de_DE.UTF-8")],
                   check=True, capture_output=True, timeout=120)


with tempfile.TemporaryDirectory(prefix="meetdial-locale-") as locpath, \
     guitest.Session("german") as session:
    compile_german_locale(locpath)
    session.env.update({"LOCPATH": locpath, "LANG": "de_DE.UTF-8", "LANGUAGE": "de"})
    session.start_app()
    session.screenshot("start")

    session.activate("lookup", guitest.gvariant_string(open(INVITE).read()))
    # The preferred number follows the locale's country: Berlin's.
    session.wait_for_state("dial-in", lambda v: v == "'+493056795800'", "the Berlin number")
    session.screenshot("result")

    # Only po/de.po turns this title into German.
    session.activate("show-qr")
    session.wait_for_window("^Vom Telefon aus einwählen$")
    session.screenshot("qr-code")
    session.activate("preferences", path=guitest.APP_PATH)
    session.wait_for_window("^Einstellungen$")
    session.screenshot("preferences")
