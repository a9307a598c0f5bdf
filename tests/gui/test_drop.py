# SPDX-License-Identifier: GPL-3.0-or-later
"""Files dropped on the window are looked up: a real drag and drop over
XDND from another program (tests/gui/drag-source.c, a window that gives a
file as a file manager does) onto Meetdial, with the pointer moved by
xdotool. First an .ics calendar file, then a plain-text invitation."""

import os
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import guitest  # noqa: E402

WIDTH, HEIGHT = 480, 680
SOURCE_X, SOURCE_Y = WIDTH + 40, 100     # beside Meetdial's window
ICS = os.path.join(HERE, "..", "lookup", "invites", "zoom-folded.ics")
ICS_NUMBERS = ("'+17205550113'", "'+12135550114'", "'+18335550115'")
TXT = os.path.join(HERE, "zoom-invite.txt")


def drag_file(session, path, label):
    """Starts the drag source for @path beside the window, presses on it,
    moves over Meetdial and lets go."""
    source = subprocess.Popen([os.environ["MEETDIAL_DRAG_SOURCE"], path], env=session.env,
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    session.procs.append(source)
    lines = guitest.LineReader(source.stdout)

    def expect(text):
        line = lines.readline(time.monotonic() + guitest.TIMEOUT)
        if line != text + "\n":
            guitest.fail(f"the drag source said {line!r}, not {text!r}")

    window = session.wait_for_window("^Drag Source$")[0]
    session.xdotool("windowmove", "--sync", window, str(SOURCE_X), str(SOURCE_Y))
    session.xdotool("mousemove", "--sync", str(SOURCE_X + 100), str(SOURCE_Y + 100))
    session.xdotool("mousedown", "1")
    # Past GTK's drag threshold; once the drag holds the pointer, over
    # Meetdial's window in steps, as a hand moves (each step is an XDND
    # position message), and let go once Meetdial has accepted the file.
    session.xdotool("mousemove", "--sync", str(SOURCE_X + 80), str(SOURCE_Y + 100))
    expect("drag began")
    for x, y in ((SOURCE_X + 40, SOURCE_Y + 110), (WIDTH - 60, 300), (WIDTH // 2, 320)):
        session.xdotool("mousemove", "--sync", str(x), str(y))
    expect("drag accepted")
    session.screenshot(label + "-dragging")
    session.xdotool("mouseup", "1")
    expect("drag ended")
    source.terminate()
    source.wait()


with tempfile.TemporaryDirectory() as directory, \
     guitest.Session("drop", width=WIDTH, height=HEIGHT, screen_width=WIDTH + 300) as session:
    session.start_app()

    ics = os.path.join(directory, "Quarterly planning.ics")
    shutil.copy(ICS, ics)
    drag_file(session, ics, "ics")
    session.wait_for_state("dial-in", lambda v: v in ICS_NUMBERS, "the .ics file's numbers")
    session.screenshot("ics")

    txt = os.path.join(directory, "invitation.txt")
    shutil.copy(TXT, txt)
    drag_file(session, txt, "txt")
    session.wait_for_state("dial-in", lambda v: v == "'+16465550100'", "the .txt file's numbers")
    session.screenshot("txt")

print("ok")
