# SPDX-License-Identifier: GPL-3.0-or-later
"""Cancel while a meeting link is being looked up: the provider's API (a
local HTTP server standing in for Whereby's) takes the request and never
answers. Cancel stops the spinner and returns to the start page, the request
is dropped (the server sees its connection close, and no second one comes),
no result or error shows, and the next lookup works."""

import os
import socket
import sys
import threading

sys.path.insert(0, os.path.dirname(__file__))
import guitest  # noqa: E402

INVITE = os.path.join(os.path.dirname(__file__), "zoom-invite.txt")


class SilentApi:
    """Accepts HTTP connections, reads the request and never answers."""

    def __init__(self):
        self.listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(4)
        self.port = self.listener.getsockname()[1]
        self.requests = []
        self.requested = threading.Event()
        self.closed = threading.Event()
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self):
        while True:
            try:
                connection, _ = self.listener.accept()
            except OSError:
                return
            threading.Thread(target=self._hold, args=(connection,), daemon=True).start()

    def _hold(self, connection):
        data = b""
        with connection:
            while True:
                chunk = connection.recv(4096)
                if not chunk:
                    self.closed.set()
                    return
                data += chunk
                if b"\r\n\r\n" in data and len(data) == len(data.split(b"\r\n\r\n", 1)[0]) + 4:
                    # One request per connection: the first header block.
                    self.requests.append(data.split(b"\r\n", 1)[0].decode())
                    self.requested.set()

    def stop(self):
        self.listener.close()


def join_pages(session):
    """The join pages the app went through, from its log."""
    return [line.split("Join page: ", 1)[1].strip()
            for line in open(session.log_path, errors="replace")
            if "Join page: " in line]


api = SilentApi()
try:
    # The lookup asks the API only with a token.
    guitest.store_secret("provider-token", "whereby", "test-token")

    with guitest.Session("lookup-cancel") as session:
        session.start_app(extra_env={
            "MEETDIAL_WHEREBY_API": f"http://127.0.0.1:{api.port}/v1",
            # Far beyond the test: only Cancel may end this lookup.
            "MEETDIAL_HTTP_TIMEOUT_MS": "120000",
        })
        session.activate("lookup", guitest.gvariant_string("https://acme.whereby.com/standup-4f2a"))
        if not api.requested.wait(guitest.TIMEOUT):
            guitest.fail("the app never asked the provider's API")
        session.wait_log("Join page: searching, spinner on")
        session.screenshot("searching")

        session.activate("cancel-lookup")
        session.wait_log("Join page: start, spinner off")
        if not api.closed.wait(guitest.TIMEOUT):
            guitest.fail("the request to the provider's API was not dropped after Cancel")
        session.screenshot("cancelled")
        if session.action_state("dial-in") != "''":
            guitest.fail("a result appeared after Cancel")
        if session.action_enabled("call"):
            guitest.fail("Call is enabled with no meeting looked up")

        # Usable again: the next lookup shows its meeting.
        session.activate("lookup", guitest.gvariant_string(open(INVITE).read()))
        session.wait_for_state("dial-in", lambda v: v == "'+16465550100'",
                               "the invitation's numbers after Cancel")
        session.wait_log("Join page: result, spinner off")

        pages = join_pages(session)
        if pages[-4:] != ["searching, spinner on", "start, spinner off",
                          "searching, spinner on", "result, spinner off"]:
            guitest.fail(f"the join pages went {pages}")
        if len(api.requests) != 1:
            guitest.fail(f"the API was asked {len(api.requests)} times: {api.requests}")
finally:
    api.stop()

print("ok")
