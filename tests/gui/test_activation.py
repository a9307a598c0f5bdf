# SPDX-License-Identifier: GPL-3.0-or-later
"""D-Bus activation, as the desktop does it for DBusActivatable=true: with
only a D-Bus service file (Exec=meetdial --gapplication-service), a
org.freedesktop.Application.Open call for a tel: link starts Meetdial on the
bus, which then shows the link's confirmation."""

import os
import re
import signal
import subprocess
import sys

sys.path.insert(0, os.path.dirname(__file__))
import guitest  # noqa: E402

guitest.need("dbus-update-activation-environment", "dbus-bin")

with guitest.Session("activation") as session:
    services = os.path.join(os.environ["XDG_DATA_HOME"], "dbus-1", "services")
    os.makedirs(services, exist_ok=True)
    with open(os.path.join(services, guitest.APP_ID + ".service"), "w") as service:
        service.write("[D-BUS Service]\n"
                      f"Name={guitest.APP_ID}\n"
                      f"Exec={os.environ['MEETDIAL']} --gapplication-service\n")
    # What the bus gives the programs it starts.
    names = ["DISPLAY", "GDK_BACKEND", "GSK_RENDERER", "GTK_A11Y", "NO_AT_BRIDGE",
             "GSETTINGS_SCHEMA_DIR", "GSETTINGS_BACKEND", "XDG_CONFIG_HOME", "XDG_DATA_HOME",
             "HOME", "LANG"]
    subprocess.run(["dbus-update-activation-environment", *names],
                   env=session.env, check=True, timeout=guitest.TIMEOUT)
    subprocess.run(["gdbus", "call", "--session", "--dest", "org.freedesktop.DBus",
                    "--object-path", "/org/freedesktop/DBus",
                    "--method", "org.freedesktop.DBus.ReloadConfig"], check=True)

    pid = None
    try:
        out = subprocess.run(["gdbus", "call", "--session", "--dest", guitest.APP_ID,
                              "--object-path", guitest.APP_PATH,
                              "--method", "org.freedesktop.Application.Open",
                              "['tel:+16465550100,,84512345678%23']", "{}"],
                             capture_output=True, text=True, timeout=guitest.TIMEOUT)
        if out.returncode != 0:
            guitest.fail("activation failed: " + out.stderr)
        owner = subprocess.run(["gdbus", "call", "--session", "--dest", "org.freedesktop.DBus",
                                "--object-path", "/org/freedesktop/DBus", "--method",
                                "org.freedesktop.DBus.GetConnectionUnixProcessID",
                                guitest.APP_ID], capture_output=True, text=True, check=True)
        pid = int(re.search(r"uint32 (\d+)", owner.stdout).group(1))

        session.wait_for_window()
        state = session.wait_for_state("pending-link", lambda v: v not in (None, "''"),
                                       "the link confirmation")
        if state != "'tel:+16465550100,,••••••••••••'":
            guitest.fail(f"unexpected pending link {state}")
        session.screenshot("confirm")
    finally:
        # The bus started it for us; stop it by its PID.
        if pid is not None:
            os.kill(pid, signal.SIGTERM)

print("ok")
