# SPDX-License-Identifier: GPL-3.0-or-later
"""The desktop file routes tel:, sip:, sips: and callto: links to Meetdial:
in a temporary XDG_DATA_HOME, GIO lists it for each scheme and xdg-mime makes
and reports it the default tel: handler."""

import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))
import guitest  # noqa: E402

DESKTOP_ID = guitest.APP_ID + ".desktop"

guitest.need("xdg-mime", "xdg-utils")
guitest.need("gio", "libglib2.0-bin")
guitest.need("update-desktop-database", "desktop-file-utils")

with tempfile.TemporaryDirectory() as home:
    env = dict(os.environ)
    env.update({"XDG_DATA_HOME": os.path.join(home, "data"),
                "XDG_CONFIG_HOME": os.path.join(home, "config"),
                "XDG_DATA_DIRS": os.path.join(home, "none"),
                "XDG_CURRENT_DESKTOP": "",
                # GIO skips entries whose Exec= program is not on PATH.
                "PATH": os.path.dirname(os.environ["MEETDIAL"]) + os.pathsep + os.environ["PATH"]})
    applications = os.path.join(env["XDG_DATA_HOME"], "applications")
    os.makedirs(applications)
    os.makedirs(env["XDG_CONFIG_HOME"])
    shutil.copy(os.environ["MEETDIAL_DESKTOP_FILE"], applications)
    # What `meson install` does after installing it (gnome.post_install).
    subprocess.run(["update-desktop-database", applications], env=env, check=True)

    for scheme in ("tel", "sip", "sips", "callto"):
        out = subprocess.run(["gio", "mime", "x-scheme-handler/" + scheme], env=env,
                             capture_output=True, text=True, check=True).stdout
        if DESKTOP_ID not in out:
            guitest.fail(f"GIO does not list {DESKTOP_ID} for {scheme}: links:\n{out}")

    subprocess.run(["xdg-mime", "default", DESKTOP_ID, "x-scheme-handler/tel"], env=env, check=True)
    after = subprocess.run(["xdg-mime", "query", "default", "x-scheme-handler/tel"], env=env,
                           capture_output=True, text=True, check=True).stdout.strip()
    if after != DESKTOP_ID:
        guitest.fail(f"xdg-mime reports {after!r} as the tel: handler")

print("ok")
