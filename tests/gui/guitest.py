# SPDX-License-Identifier: GPL-3.0-or-later
"""Runs the real `meetdial` under Xvfb on the private D-Bus session that
tests/harness/keyring-session made, and talks to it only through what it
exports on that bus (GActions and their states) and what it draws."""

import json
import random
import os
import re
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import time

APP_ID = "io.github.meetdial.Meetdial"
APP_PATH = "/io/github/meetdial/Meetdial"
WINDOW_PATH = APP_PATH + "/window/1"
# Actions of the app (the current call, dialogs); the rest are the window's.
APP_ACTIONS = {"call-state", "continue", "call-again", "audio-route", "answer", "decline",
               "preferences", "add-account", "edit-account", "about", "help", "quit"}


def action_path(action, path):
    if path is not None:
        return path
    return APP_PATH if action in APP_ACTIONS else WINDOW_PATH
TIMEOUT = 20
# gdbus writes through stdio: line-buffer it, or a signal sits in its
# buffer while we wait for it.
GDBUS_MONITOR = ["stdbuf", "-oL", "gdbus", "monitor"]


def fail(message):
    print("FAIL: " + message, file=sys.stderr)
    sys.exit(1)


def need(program, package):
    if shutil.which(program) is None:
        fail(f"{program} is missing: install the Debian package “{package}”")


class Session:
    """Xvfb on a free display plus one running meetdial; stops both."""

    def __init__(self, name, width=480, height=680, settings=None, screen_width=None):
        need("Xvfb", "xvfb")
        need("gdbus", "libglib2.0-bin")
        need("import", "imagemagick")
        need("xdotool", "xdotool")
        self.name = name
        self.procs = []
        self.artefacts = os.environ.get("MEETDIAL_ARTEFACTS", tempfile.gettempdir())
        os.makedirs(self.artefacts, exist_ok=True)
        self.log_path = os.path.join(self.artefacts, f"{name}-meetdial.log")
        open(self.log_path, "w").close()
        self.screen_width = screen_width or width
        self.display = self._start_xvfb(self.screen_width, height)
        self.env = dict(os.environ)
        self.env.update({
            "DISPLAY": self.display,
            "GDK_BACKEND": "x11",
            "GSK_RENDERER": "cairo",
            "GTK_A11Y": "none",
            "NO_AT_BRIDGE": "1",
            "LANG": os.environ.get("LANG", "C.UTF-8"),
            "G_MESSAGES_DEBUG": "md-gui md-phone md-sip",
        })
        self.env.pop("WAYLAND_DISPLAY", None)
        # Settings a test starts from go into a keyfile the app reads (the
        # "memory" backend would start every process empty).
        self.env["GSETTINGS_BACKEND"] = "keyfile"
        self.keyfile = os.path.join(os.environ["XDG_CONFIG_HOME"], "glib-2.0", "settings", "keyfile")
        os.makedirs(os.path.dirname(self.keyfile), exist_ok=True)
        with open(self.keyfile, "w") as keyfile:
            keyfile.write("[io/github/meetdial/Meetdial]\n")
            keyfile.write(f"window-size=({width}, {height})\n")
            for key, value in (settings or {}).items():
                keyfile.write(f"{key}={value}\n")
        # Transitions off, so a screenshot shows where a view ended up.
        config = os.path.join(os.environ.get("XDG_CONFIG_HOME", self.artefacts), "gtk-4.0")
        os.makedirs(config, exist_ok=True)
        with open(os.path.join(config, "settings.ini"), "w") as settings:
            # GNOME's window buttons: only "close".
            # No blinking cursor either: frames are compared.
            settings.write("[Settings]\ngtk-enable-animations=false\n"
                           "gtk-decoration-layout=:close\ngtk-cursor-blink=false\n")

    def _start_xvfb(self, screen_width, height):
        """Starts Xvfb on a display number of its own. Servers started with
        -displayfd all begin their search at :0, and lock files in /tmp do
        not always survive other programs' clean-ups, so two of them can end
        up fighting over :0; a random high number keeps clear of that."""
        for attempt in range(5):
            display = random.randrange(100, 1000)
            if os.path.exists(f"/tmp/.X11-unix/X{display}") or os.path.exists(f"/tmp/.X{display}-lock"):
                continue
            read_fd, write_fd = os.pipe()
            proc = subprocess.Popen(
                ["Xvfb", f":{display}", "-displayfd", str(write_fd), "-nolisten", "tcp",
                 "-screen", "0", f"{screen_width}x{height}x24"],
                pass_fds=(write_fd,), stdout=subprocess.DEVNULL,
                stderr=open(os.path.join(self.artefacts, f"{self.name}-xvfb.log"), "w"))
            os.close(write_fd)
            # Xvfb writes the display number once it accepts clients: an
            # event. It writes the number and the newline separately; closing
            # the pipe before the newline would kill it with EPIPE.
            reader = LineReader(read_fd)
            line = reader.readline(time.monotonic() + TIMEOUT)
            os.close(read_fd)
            if line and line.strip() == str(display):
                self.procs.append(proc)
                return f":{display}"
            # Taken after all (Xvfb exits with "server already active").
            proc.kill()
            proc.wait()
        fail("Xvfb could not start on a free display")

    def log_count(self, text):
        """How many times the app's log holds @text so far."""
        return open(self.log_path, errors="replace").read().count(text)

    def wait_log(self, text, timeout=TIMEOUT, more_than=0):
        """Waits until the app's log holds @text (its debug lines say what
        happens inside, e.g. an account's registration), more than
        @more_than times."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.log_count(text) > more_than:
                return
            if self.app.poll() is not None:
                fail(f"the app exited while waiting for {text!r}")
            time.sleep(0.02)
        fail(f"the app's log has no {text!r} after {timeout} s")

    def start_notification_daemon(self):
        """A real notification server on the session bus, drawing on Xvfb."""
        daemon = "/usr/lib/notification-daemon/notification-daemon"
        if not os.path.exists(daemon):
            fail("notification-daemon is missing: install the Debian package “notification-daemon”")
        self.procs.append(subprocess.Popen([daemon, "--replace"], env=self.env,
                                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        subprocess.run(["gdbus", "wait", "--session", "--timeout", str(TIMEOUT),
                        "org.freedesktop.Notifications"], check=True)

    def start_app(self, *args, extra_env=None):
        env = dict(self.env)
        env.update(extra_env or {})
        log = open(self.log_path, "a")
        proc = subprocess.Popen([os.environ["MEETDIAL"], *args], env=env,
                                stdout=log, stderr=subprocess.STDOUT)
        self.procs.append(proc)
        self.app = proc
        self.wait_for_name()
        self.wait_for_window()
        return proc

    def wait_for_window(self, name="^Meetdial$"):
        """Blocks until a window with that title is mapped (xdotool --sync)."""
        need("xdotool", "xdotool")
        out = subprocess.run(["timeout", str(TIMEOUT), "xdotool", "search", "--sync",
                              "--onlyvisible", "--name", name],
                             env=self.env, capture_output=True, text=True)
        if out.returncode != 0:
            fail(f"no window named {name!r} appeared within {TIMEOUT} s")
        return out.stdout.split()

    def wait_for_window_gone(self, name, timeout=TIMEOUT):
        """Blocks until no mapped window has that title any more (X has no
        event a client outside the app can wait on for that: polled)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            out = subprocess.run(["xdotool", "search", "--onlyvisible", "--name", name],
                                 env=self.env, capture_output=True, text=True, timeout=TIMEOUT)
            if out.returncode != 0:
                return
            time.sleep(0.05)
        fail(f"the window {name!r} is still shown after {timeout} s")

    def xdotool(self, *args):
        subprocess.run(["xdotool", *args], env=self.env, check=True, timeout=TIMEOUT)

    def focus_window(self, name):
        """Gives @name the keyboard focus, as a click on it would (Xvfb has
        no window manager to do that)."""
        self.xdotool("search", "--onlyvisible", "--name", name, "windowfocus", "--sync")

    def run_app(self, *args):
        """A second `meetdial` process: it hands its arguments to the first."""
        result = subprocess.run([os.environ["MEETDIAL"], *args], env=self.env,
                                capture_output=True, text=True, timeout=TIMEOUT)
        return result

    def wait_for_name(self):
        subprocess.run(["gdbus", "wait", "--session", "--timeout", str(TIMEOUT), APP_ID],
                       check=True)

    def gdbus(self, path, interface_method, *args):
        out = subprocess.run(["gdbus", "call", "--session", "--dest", APP_ID,
                              "--object-path", path, "--method", interface_method, *args],
                             capture_output=True, text=True, timeout=TIMEOUT)
        if out.returncode != 0:
            fail(f"gdbus {interface_method} {args}: {out.stderr.strip()}")
        return out.stdout.strip()

    def activate(self, action, parameter=None, path=None):
        path = action_path(action, path)
        params = "[]" if parameter is None else f"[{parameter}]"
        self.gdbus(path, "org.gtk.Actions.Activate", action, params, "{}")

    def set_state(self, action, value, path=None):
        """Asks for a new state, as a toggle button bound to the action does."""
        path = action_path(action, path)
        self.gdbus(path, "org.gtk.Actions.SetState", action, value, "{}")

    def action_state(self, action, path=None):
        path = action_path(action, path)
        out = self.gdbus(path, "org.gtk.Actions.Describe", action)
        # ((true, signature '', [<'value'>]),)
        match = re.search(r"\[<(.*)>\]", out)
        return match.group(1) if match else None

    def action_enabled(self, action, path=None):
        path = action_path(action, path)
        out = self.gdbus(path, "org.gtk.Actions.Describe", action)
        return out.startswith("((true,")

    def wait_for_enabled(self, action, enabled, what, path=None, timeout=TIMEOUT):
        path = action_path(action, path)
        return self.wait_for_state(action, lambda _: self.action_enabled(action, path) == enabled,
                                   what, path, timeout)

    def wait_for_state(self, action, predicate, what, path=None, timeout=TIMEOUT):
        """Waits for the app's D-Bus `Changed` signal until @predicate holds."""
        path = action_path(action, path)
        monitor = subprocess.Popen(GDBUS_MONITOR + ["--session", "--dest", APP_ID,
                                    "--object-path", path],
                                   stdout=subprocess.PIPE)
        lines = LineReader(monitor.stdout)
        lines.readline(time.monotonic() + TIMEOUT)  # subscribed
        try:
            # Subscribed first, then read: a change between the two is not lost.
            time_left = timeout
            deadline = time.monotonic() + timeout
            state = self.action_state(action, path)
            while not predicate(state):
                time_left = deadline - time.monotonic()
                if time_left <= 0:
                    fail(f"timed out waiting for {what}; {action} is {state!r}")
                line = lines.readline(deadline)
                if line and "org.gtk.Actions.Changed" in line:
                    state = self.action_state(action, path)
            return state
        finally:
            monitor.terminate()
            monitor.wait()

    def unfocus(self):
        """Gives the keyboard focus to another program's window beside ours
        (the screen must be wider than the window), as when the user works
        elsewhere."""
        need("xmessage", "x11-utils")
        other = subprocess.Popen(["xmessage", "-name", "elsewhere", "-geometry",
                                  f"+{self.screen_width - 150}+0", "Another program"],
                                 env=self.env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.procs.append(other)
        ids = self.wait_for_window("^elsewhere$")
        subprocess.run(["xdotool", "mousemove", "--sync", str(self.screen_width - 20), "20"],
                       env=self.env, check=True)
        subprocess.run(["xdotool", "windowfocus", "--sync", ids[0]], env=self.env, check=True)

    def watch_signal(self, dest, member):
        """Starts watching @dest for signal @member; returns a waiter whose
        wait() blocks until it is seen (or fails after the timeout)."""
        return SignalWaiter(dest, member)

    def _grab(self):
        return subprocess.run(["import", "-display", self.display, "-window", "root",
                               "-depth", "8", "rgb:-"],
                              check=True, capture_output=True, timeout=TIMEOUT).stdout

    def frame(self, different_from=None, columns=None):
        """The screen's pixels once two grabs in a row agree; with
        @different_from, only once they differ from that frame (the app
        redraws after a D-Bus reply, not before it). @columns keeps only
        that many pixels of each line, from the left."""
        def grab():
            pixels = self._grab()
            if columns is None:
                return pixels
            line = self.screen_width * 3
            return b"".join(pixels[i:i + columns * 3] for i in range(0, len(pixels), line))

        deadline = time.monotonic() + TIMEOUT
        previous = grab()
        while True:
            current = grab()
            if current == previous and current != different_from:
                return current
            if time.monotonic() > deadline:
                fail("the screen did not settle" if current != previous
                     else "the screen did not change")
            previous = current

    def screenshot(self, label):
        """Saves the screen once two grabs in a row agree: D-Bus replies come
        before GTK paints, so a grab right after a state change may show the
        frame before it."""
        path = os.path.join(self.artefacts, f"{self.name}-{label}.png")
        deadline = time.monotonic() + TIMEOUT
        previous = self._grab()
        while True:
            current = self._grab()
            if current == previous or time.monotonic() > deadline:
                break
            previous = current
        subprocess.run(["import", "-display", self.display, "-window", "root", path],
                       check=True, timeout=TIMEOUT)
        print("screenshot:", path)
        return path

    def stop(self):
        for proc in reversed(self.procs):
            if proc.poll() is None:
                proc.send_signal(signal.SIGTERM)
                try:
                    proc.wait(timeout=5)
                except subprocess.TimeoutExpired:
                    proc.kill()
                    proc.wait()
        self.procs = []

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        if exc[0] is not None and self.procs:
            try:
                self.screenshot("failure")
            except Exception:  # the screen may be gone; the log still helps
                pass
        self.stop()
        # A critical warning is a bug even when the test saw what it wanted;
        # so is a GTK warning (about layout, say).
        log = open(self.log_path).read() if os.path.exists(self.log_path) else ""
        for mark, what in (("-CRITICAL **", "a critical warning"),
                           ("Gtk-WARNING **", "a GTK warning"),
                           ("Adw-WARNING **", "a libadwaita warning"),
                           ("ERROR: AddressSanitizer", "a memory error"),
                           ("runtime error:", "undefined behaviour")):
            if exc[0] is None and mark in log:
                print(log, file=sys.stderr)
                fail("the app logged " + what)
        if exc[0] is not None and os.path.exists(self.log_path):
            print(open(self.log_path).read(), file=sys.stderr)
        return False


class LineReader:
    """Lines from a pipe with a deadline: select() on the descriptor and our
    own buffer, so a line already read is never left waiting in Python's."""

    def __init__(self, pipe):
        self.fd = pipe if isinstance(pipe, int) else pipe.fileno()
        self.buffer = b""

    def readline(self, deadline):
        while b"\n" not in self.buffer:
            ready, _, _ = select.select([self.fd], [], [], max(0, deadline - time.monotonic()))
            if not ready:
                return None
            chunk = os.read(self.fd, 65536)
            if not chunk:
                return ""
            self.buffer += chunk
        line, self.buffer = self.buffer.split(b"\n", 1)
        return line.decode(errors="replace") + "\n"


class SignalWaiter:
    def __init__(self, dest, member):
        self.member = member
        self.seen = []
        self.monitor = subprocess.Popen(GDBUS_MONITOR + ["--session", "--dest", dest],
                                        stdout=subprocess.PIPE)
        self.lines = LineReader(self.monitor.stdout)
        # gdbus prints a line once its match rule is in place.
        self.lines.readline(time.monotonic() + TIMEOUT)

    def wait(self, timeout=TIMEOUT):
        deadline = time.monotonic() + timeout
        try:
            while True:
                line = self.lines.readline(deadline)
                if line is None:
                    fail(f"no {self.member} signal within {timeout} s; saw {self.seen}")
                if not line:
                    fail(f"gdbus monitor ended before {self.member}")
                self.seen.append(line)
                if self.member in line:
                    return line
        finally:
            self.monitor.terminate()
            self.monitor.wait()


def store_secret(kind, key, secret):
    """Puts a secret where the app looks for it (libsecret schema of
    src/store/md-secret-store.c); secret-tool reads it from standard input,
    never from argv."""
    need("secret-tool", "libsecret-tools")
    subprocess.run(["secret-tool", "store", "--label", "test",
                    "xdg:schema", "io.github.meetdial.Meetdial.Secret", "kind", kind,
                    "key", key], input=secret, text=True, check=True, timeout=TIMEOUT)


def store_password(account, password):
    """A SIP account's password, as the app keeps it."""
    store_secret("sip-password", account, password)


def sip_account(port, name="work", transport="udp"):
    """The "sip-accounts" setting (GVariant text) with one account, alice at
    Kamailio on 127.0.0.1:@port."""
    return ("[{'name': '%s', 'server': '127.0.0.1:%d', 'user': 'alice', 'domain': '', "
            "'transport': '%s', 'display-name': ''}]" % (name, port, transport))


def gvariant_string(text):
    """A GVariant text literal for a string (gdbus call parses these)."""
    return "<" + json.dumps(text) + ">"
