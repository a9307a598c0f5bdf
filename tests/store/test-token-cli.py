#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""`meetdial-cli token` and a token-using `lookup`, end to end, against the
real keyring of tests/harness/keyring-session and a local HTTP server that
answers in Whereby's documented shape. Proves the token never shows in
standard output, standard error (with all debug messages on), error text,
process arguments or any file in the throw-away home."""

import http.server
import json
import os
import subprocess
import sys
import threading

cli = sys.argv[1]
TOKEN = "wb-secret-7d3f0a9c41"
seen_authorization = []


class Whereby(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        seen_authorization.append(self.headers.get("Authorization"))
        if self.headers.get("Authorization") != "Bearer " + TOKEN:
            self.send_response(401)
            self.end_headers()
            return
        meeting = {
            "meetingId": "1234", "roomName": "/standup",
            "roomUrl": "https://acme.whereby.com/standup",
            "dialIn": {"code": "556677",
                       "phoneNumbers": [{"countryCode": "US", "phoneNumber": "646-555-0123"}]},
        }
        if self.path == "/v1/meetings/1234?fields=dialIn":
            body = json.dumps(meeting).encode()
        elif self.path == "/v1/meetings?fields=dialIn":
            body = json.dumps({"results": [meeting], "cursor": None}).encode()
        else:
            self.send_response(404)
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Whereby)
threading.Thread(target=server.serve_forever, daemon=True).start()
env = dict(os.environ, G_MESSAGES_DEBUG="all", LANG="C",
           MEETDIAL_WHEREBY_API=f"http://127.0.0.1:{server.server_port}/v1")
failures = []


def run(args, stdin=b""):
    done = subprocess.run([cli, *args], input=stdin, capture_output=True, env=env, timeout=30)
    for stream in (done.stdout, done.stderr):
        if TOKEN.encode() in stream:
            failures.append(f"the token appeared in the output of {args}")
    return done


def check(condition, what):
    print(("ok   " if condition else "FAIL ") + what)
    if not condition:
        failures.append(what)


try:
    done = run(["token", "set", "whereby"])
    check(done.returncode == 2 and b"--token-stdin" in done.stderr,
          "token set without --token-stdin is a usage error")

    done = run(["token", "set", "whereby", "--token-stdin"], b"\n")
    check(done.returncode == 3 and b"No secret" in done.stderr, "an empty token is refused")

    done = run(["lookup", "--provider", "whereby", "1234", "--json"])
    check(done.returncode == 1 and json.loads(done.stdout)["error"]["code"] == "no-token",
          "lookup without a stored token says no-token")

    done = run(["token", "set", "whereby", "--token-stdin"], (TOKEN + "\n").encode())
    check(done.returncode == 0, "token set stores the token")

    done = run(["lookup", "--provider", "whereby", "1234", "--json", "--country", "US"])
    result = json.loads(done.stdout) if done.returncode == 0 else {}
    check(result.get("pin") == "556677" and
          result.get("numbers", [{}])[0].get("dial") == "tel:+16465550123,,556677",
          "lookup uses the stored token and reads the dial-in")
    check(seen_authorization[-1:] == ["Bearer " + TOKEN],
          "the token went out only as an Authorization: Bearer header")

    done = run(["lookup", "https://acme.whereby.com/standup", "--json", "--country", "US"])
    check(done.returncode == 0 and json.loads(done.stdout).get("pin") == "556677",
          "a Whereby room link is looked up in the meeting list")

    done = run(["lookup", "https://zoom.us/j/84512345678", "--json"])
    check(done.returncode == 3 and json.loads(done.stdout)["error"]["code"] == "bad-input",
          "a link of a provider without an API asks for the invitation text")

    done = run(["lookup", "--provider", "zoom", "123"])
    check(done.returncode == 2, "--provider accepts only whereby, daily and webex")

    done = run(["lookup", "--provider", "whereby", "999", "--json"])
    check(done.returncode == 1 and json.loads(done.stdout)["error"]["code"] == "not-found",
          "an unknown meeting is not-found")

    done = run(["token", "set", "whereby", "--token-stdin"], b"a-wrong-token\n")
    done = run(["lookup", "--provider", "whereby", "1234", "--json"])
    check(done.returncode == 1 and json.loads(done.stdout)["error"]["code"] == "auth" and
          b"a-wrong-token" not in done.stdout + done.stderr,
          "a refused token is an auth error that does not repeat the token")

    run(["token", "set", "whereby", "--token-stdin"], (TOKEN + "\n").encode())
    for top in ("HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_RUNTIME_DIR"):
        for folder, _, files in os.walk(os.environ[top]):
            for name in files:
                path = os.path.join(folder, name)
                try:
                    with open(path, "rb") as f:
                        if TOKEN.encode() in f.read():
                            failures.append(f"the token is in plain text in {path}")
                except OSError:
                    pass
    check(not any("plain text" in f for f in failures), "no file holds the token in plain text")

    # The keyring's libraries are a module of ours (linked in only in
    # sanitizer builds): without it, the user hears what is wrong.
    module_dirs = os.environ.get("MEETDIAL_MODULE_DIR", "").split(":")
    if any(os.path.exists(os.path.join(d, "libmeetdial-secret.so")) for d in module_dirs):
        saved = env["MEETDIAL_MODULE_DIR"]
        env["MEETDIAL_MODULE_DIR"] = ":".join(d for d in module_dirs
                                              if not os.path.exists(os.path.join(d, "libmeetdial-secret.so")))
        done = run(["token", "set", "whereby", "--token-stdin"], (TOKEN + "\n").encode())
        env["MEETDIAL_MODULE_DIR"] = saved
        check(done.returncode != 0 and b"not installed completely" in done.stderr and
              b"keyring" in done.stderr,
              "without the keyring module, token set says Meetdial is not installed completely")

    done = run(["token", "clear", "whereby"])
    check(done.returncode == 0, "token clear succeeds")
    done = run(["lookup", "--provider", "whereby", "1234", "--json"])
    check(done.returncode == 1 and json.loads(done.stdout)["error"]["code"] == "no-token",
          "after token clear the lookup has no token")
finally:
    server.shutdown()

if failures:
    print("\n".join(sorted(set(failures))))
    sys.exit(1)
