# SPDX-License-Identifier: GPL-3.0-or-later
"""Adding a SIP account in Preferences, typed with the keyboard: Check
Registration against Kamailio says it works, the account goes into the
settings and its password into the keyring (gnome-keyring on the private
bus), never into the settings file, and the app registers it; with a wrong
password Check Registration says the server refused it. A TLS account whose server
has a certificate from a private CA (Kamailio over TLS): the app's
registration and "Check Registration" say the certificate is not trusted;
the CA file chosen in the file chooser makes it register and is stored."""

import os
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "..", "peers"))
import guitest  # noqa: E402
import peers  # noqa: E402

PASSWORD = "s3cret-for-the-test"

guitest.need("secret-tool", "libsecret-tools")


def type_secret(session, secret):
    """Types @secret from a file, so it is not on any command line."""
    with tempfile.NamedTemporaryFile("w", suffix=".txt") as keys:
        keys.write(secret)
        keys.flush()
        session.xdotool("type", "--delay", "5", "--file", keys.name)


def edit_over_open_form(session, name):
    """Opens the form of account @name over one still open (whose title is
    the same) and waits until it takes typing, its server selected."""
    ready = session.log_count("Account form ready for typing")
    session.activate("edit-account", guitest.gvariant_string(name))
    session.wait_log("Account form ready for typing", more_than=ready)
    session.focus_window("^Edit Account$")


def wait_settings(session, text):
    """The keyfile backend writes the file when a setting changes."""
    deadline = time.monotonic() + guitest.TIMEOUT
    while time.monotonic() < deadline:
        settings = open(session.keyfile).read()
        if text in settings:
            return settings
        time.sleep(0.05)
    guitest.fail(f"the settings never held {text!r}:\n{settings}")


logs = os.environ.get("MEETDIAL_ARTEFACTS")
# Extension 100 signs in as alice (a PBX's "auth ID").
with peers.Kamailio({"alice": PASSWORD}, signs_in={"100": "alice"}, logs=logs) as kamailio, \
     guitest.Session("preferences") as session:
    session.start_app()
    session.activate("preferences", path=guitest.APP_PATH)
    session.wait_for_window("^Preferences$")
    session.screenshot("general")

    session.activate("add-account", path=guitest.APP_PATH)
    # The form names its window once its first field has the focus.
    session.wait_for_window("^Add Account$")
    session.screenshot("add-account")

    created = session.watch_signal("org.freedesktop.secrets", "ItemCreated")

    # The fields in their order, Tab between them; Check Registration
    # (Alt+H) asks Kamailio with the typed password; Enter saves.
    session.focus_window("^Add Account$")
    for field in ("office", "127.0.0.1:%d" % kamailio.port, "alice"):
        session.xdotool("type", "--delay", "5", field)
        session.xdotool("key", "Tab")
    type_secret(session, PASSWORD)
    session.screenshot("typed")
    session.xdotool("key", "alt+h")
    session.wait_log("Account form: Registered: the account works.")
    session.xdotool("key", "Return")

    # The keyring announces the new item; then read it back.
    created.wait()
    stored = subprocess.run(["secret-tool", "lookup", "kind", "sip-password", "key", "office"],
                            capture_output=True, text=True).stdout
    if stored != PASSWORD:
        guitest.fail(f"the keyring holds {stored!r} for the account, not the typed password")

    settings = open(session.keyfile).read()
    if "'name': 'office'" not in settings or "alice" not in settings:
        guitest.fail("the account is not in the settings:\n" + settings)
    if PASSWORD in settings:
        guitest.fail("the password was written to the settings file")

    # The app registers its first account at once, so calls can come in.
    session.wait_log("Account office: registered")
    session.wait_for_window("^Preferences$")
    session.screenshot("saved")

    # A wrong password: Check Registration says the server refused it.
    session.activate("edit-account", guitest.gvariant_string("office"))
    session.wait_for_window("^Edit Account$")
    session.focus_window("^Edit Account$")
    session.xdotool("key", "Tab", "Tab")   # server, user, then the password
    type_secret(session, "not-" + PASSWORD)
    session.xdotool("key", "alt+h")
    session.wait_log("Account form: The server refused the user name or password.")
    session.screenshot("wrong-password")

    # The account's SIP address pasted as the server: the form says to
    # keep only the part after "@".
    edit_over_open_form(session, "office")
    session.xdotool("key", "ctrl+a")
    session.xdotool("type", "--delay", "5", "sip:alice@127.0.0.1")
    session.xdotool("key", "alt+h")
    session.wait_log("Account form: The server “sip:alice@127.0.0.1” is a SIP address: "
                     "enter only the server, the part after “@”")
    session.screenshot("sip-address-as-server")

    # The user becomes extension 100, which signs in as alice, and the
    # server a registrar name nothing here resolves: with the
    # Authentication Name (after the password, its peek button and the
    # domain) and Kamailio as the Outbound Proxy (after the display name
    # and the transport) it registers. Its provider wants 00 for "+": the
    # International Prefix, after the proxy. A desk phone holds its only
    # registration: Receive Calls Here goes off (Check Registration still
    # registers once).
    edit_over_open_form(session, "office")
    session.xdotool("key", "ctrl+a")
    session.xdotool("type", "--delay", "5", "registrar.meetdial.test")
    session.xdotool("key", "Tab", "ctrl+a")
    session.xdotool("type", "--delay", "5", "100")
    session.xdotool("key", "Tab")
    type_secret(session, PASSWORD)
    session.xdotool("key", "Tab", "Tab", "Tab")
    session.xdotool("type", "--delay", "5", "alice")
    session.xdotool("key", "Tab", "Tab", "Tab")
    session.xdotool("type", "--delay", "5", "127.0.0.1:%d" % kamailio.port)
    session.xdotool("key", "Tab")
    session.xdotool("type", "--delay", "5", "00")
    session.xdotool("key", "Tab", "space")
    session.screenshot("auth-name-proxy")
    session.xdotool("key", "alt+h")
    session.wait_log("Account form: Registered: the account works.")
    session.xdotool("key", "alt+s")
    session.wait_for_window("^Preferences$")
    settings = wait_settings(session, "'auth-user': 'alice'")
    if "'user': '100'" not in settings:
        guitest.fail("the account's user is not 100:\n" + settings)
    if "'outbound-proxy': '127.0.0.1:%d'" % kamailio.port not in settings:
        guitest.fail("the outbound proxy is not in the settings:\n" + settings)
    if "'international-prefix': '00'" not in settings:
        guitest.fail("the international prefix is not in the settings:\n" + settings)
    if "'register': 'no'" not in settings:
        guitest.fail("the account still receives calls:\n" + settings)
    session.screenshot("calls-out-only")


logs = os.environ.get("MEETDIAL_ARTEFACTS")
with tempfile.TemporaryDirectory() as cert_dir:
    certs = peers.Certs(cert_dir)
    with peers.Kamailio({"alice": PASSWORD}, logs=logs, tls=certs.server) as kamailio:
        guitest.store_password("secure", PASSWORD)
        account = guitest.sip_account(kamailio.tls_port, "secure", "tls")
        with guitest.Session("preferences-tls", settings={"sip-accounts": account}) as session:
            session.start_app()
            # The app registers its account at start; the test CA is not one
            # of the system's.
            session.wait_log("Account secure: certificate-failed")
            session.activate("preferences")
            session.wait_for_window("^Preferences$")
            session.focus_window("^Preferences$")
            session.xdotool("key", "alt+a")
            session.screenshot("untrusted")
            session.activate("edit-account", guitest.gvariant_string("secure"))
            session.wait_for_window("^Edit Account$")
            session.focus_window("^Edit Account$")
            session.screenshot("edit")
            session.xdotool("key", "alt+h")
            session.wait_log("Account form: The server’s certificate is not trusted (")

            # The CA certificate, chosen in the file chooser by its path.
            session.xdotool("key", "alt+c")
            session.wait_for_window("^Choose the CA Certificate$")
            session.focus_window("^Choose the CA Certificate$")
            session.screenshot("chooser")
            session.xdotool("key", "ctrl+l")
            session.xdotool("type", "--delay", "5", certs.ca)
            session.xdotool("key", "Return")
            session.wait_for_window_gone("^Choose the CA Certificate$")

            session.focus_window("^Edit Account$")
            session.xdotool("key", "alt+h")
            session.wait_log("Account form: Registered: the account works.")
            session.screenshot("trusted")

            # Saved without a new password: the keyring keeps the old one,
            # and the app registers the account again, now with the CA.
            session.xdotool("key", "alt+s")
            session.wait_for_window("^Preferences$")
            settings = wait_settings(session, "'ca-file': '%s'" % certs.ca)
            if "'transport': 'tls'" not in settings:
                guitest.fail("the account lost its TLS transport:\n" + settings)
            session.wait_log("Account secure: registered")
            session.screenshot("saved")

print("ok")
