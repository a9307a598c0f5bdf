# SPDX-License-Identifier: GPL-3.0-or-later
"""Runs meetdial-cli for tests: its own settings (keyfile backend in a temp
dir), the Secret Service of the keyring session the test runs in, and
--json-events read line by line as they come."""

import json
import os
import queue
import shutil
import subprocess
import tempfile
import threading
import time

import peers


class Meetdial:
    def __init__(self, cli, logs):
        self.cli = cli
        self.logs = logs
        self.config = tempfile.mkdtemp(prefix="meetdial-cfg-")
        self.env = dict(os.environ)
        self.env.update({
            "XDG_CONFIG_HOME": self.config,
            "GSETTINGS_BACKEND": "keyfile",
            "G_MESSAGES_DEBUG": "md-sip md-phone md-cli",
        })
        if not os.path.exists(os.path.join(self.env.get("GSETTINGS_SCHEMA_DIR", ""),
                                           "gschemas.compiled")):
            raise peers.PeerError("GSETTINGS_SCHEMA_DIR must point at the build's data/ dir")
        self.outputs = []   # everything the CLI printed, for secret checks
        self.wrapper = []   # e.g. valgrind and its options
        self.n_runs = 0

    def cleanup(self):
        shutil.rmtree(self.config, ignore_errors=True)

    def run(self, *args, input=None, timeout=60):
        result = subprocess.run([self.cli, *args], input=input, env=self.env,
                                capture_output=True, timeout=timeout)
        self.outputs.append(result.stdout + result.stderr)
        self._save_log(args, result.stdout, result.stderr)
        return result

    def _save_log(self, args, out, err):
        self.n_runs += 1
        path = os.path.join(self.logs, f"meetdial-{os.getpid()}-{self.n_runs}.log")
        with open(path, "wb") as f:
            f.write(b"$ meetdial-cli " + " ".join(args).encode() + b"\n")
            f.write(out + b"\n--- stderr ---\n" + err)

    def gsettings(self, key, value):
        subprocess.run([peers.need("gsettings", "libglib2.0-bin"), "set",
                        "io.github.meetdial.Meetdial", key, value], env=self.env, check=True)

    def add_account(self, name, server_port, user, password, transport="udp", ca_file=None,
                    host="127.0.0.1", auth_user=None, outbound_proxy=None,
                    international_prefix=None, register=True):
        extra = ["--ca-file", ca_file] if ca_file else []
        extra += ["--auth-user", auth_user] if auth_user else []
        extra += ["--outbound-proxy", outbound_proxy] if outbound_proxy else []
        extra += (["--international-prefix", international_prefix]
                  if international_prefix else [])
        extra += [] if register else ["--no-register"]
        result = self.run("account", "add", name, "--server", f"{host}:{server_port}",
                          "--user", user, "--transport", transport, *extra, "--password-stdin",
                          input=password.encode() + b"\n")
        if result.returncode != 0:
            raise peers.PeerError("account add failed: " + result.stderr.decode())

    def start_call(self, *args, stdin=subprocess.PIPE):
        return Call(self, ["call", *args, "--json-events"], stdin)


class Call:
    """A running `meetdial-cli call`; events arrive in a queue as they come."""

    def __init__(self, meetdial, args, stdin):
        self.meetdial = meetdial
        self.args = args
        self.events = []
        self.queue = queue.Queue()
        self.start = time.monotonic()
        self.proc = subprocess.Popen([*meetdial.wrapper, meetdial.cli, *args],
                                     env=meetdial.env, stdin=stdin,
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        self.stdout = b""
        self.stderr = b""
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()
        self.err_reader = threading.Thread(target=self._read_err, daemon=True)
        self.err_reader.start()

    def _read(self):
        for line in self.proc.stdout:
            self.stdout += line
            try:
                event = json.loads(line)
            except ValueError:
                continue
            event["t"] = time.monotonic()
            self.events.append(event)
            self.queue.put(event)

    def _read_err(self):
        for line in self.proc.stderr:
            self.stderr += line

    def wait_event(self, predicate, timeout, what):
        deadline = time.monotonic() + timeout
        for event in self.events:
            if predicate(event):
                return event
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise AssertionError(f"no {what} within {timeout} s; events: {self.events}")
            try:
                event = self.queue.get(timeout=left)
            except queue.Empty:
                continue
            if predicate(event):
                return event

    def wait_state(self, state, timeout=10):
        return self.wait_event(lambda e: e.get("event") == "state" and e.get("state") == state,
                               timeout, f"state {state}")

    def keys(self, text):
        self.proc.stdin.write(text.encode())
        self.proc.stdin.flush()

    def wait(self, timeout=60):
        try:
            rc = self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
            rc = None
        self.reader.join(5)
        self.err_reader.join(5)
        self.meetdial.outputs.append(self.stdout + self.stderr)
        self.meetdial._save_log(self.args, self.stdout, self.stderr)
        return rc

    def kill(self):
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()

    def ended(self):
        return [e for e in self.events if e.get("event") == "state" and e.get("state") == "ended"]


def tone_frequency(path):
    """The rough frequency sox finds in a WAV's first channel (sox's stat
    reads a stereo file's interleaved samples as one signal)."""
    result = subprocess.run([peers.need("sox", "sox"), path, "-n", "remix", "1", "stat"],
                            capture_output=True, text=True)
    for line in result.stderr.splitlines():
        if line.startswith("Rough   frequency:"):
            return int(line.split(":")[1])
    raise AssertionError(f"sox could not read {path}: {result.stderr}")
