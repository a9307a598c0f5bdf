# SPDX-License-Identifier: GPL-3.0-or-later
"""The window follows the network: the app registered its account from one
address; the computer joins another network (another source address to
reach the server, a route of its own), and the app registers again from
the new address, which Kamailio sees. Runs in a network namespace of its
own (meson starts it under `unshare --net`), whose loopback routes it may
change without touching the machine's."""

import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "..", "peers"))
import guitest  # noqa: E402
import peers  # noqa: E402

PASSWORD = "s3cret-pass"

logs = os.environ.get("MEETDIAL_ARTEFACTS")
peers.own_loopback()
peers.prefer_source("127.0.0.2")
with peers.Kamailio({"alice": PASSWORD}, logs=logs) as kamailio:
    guitest.store_password("work", PASSWORD)
    account = guitest.sip_account(kamailio.port)
    with guitest.Session("network", settings={"sip-accounts": account}) as session:
        session.start_app()
        session.wait_log("Account work: registered")
        kamailio.wait_registration("alice@", "127.0.0.2")
        registered = session.log_count("Account work: registered")

        peers.new_network("127.0.0.3", "198.51.100.0/24")
        session.wait_log("Account work: registered", more_than=registered)
        kamailio.wait_registration("alice-", "127.0.0.3")
        session.wait_for_window()
        session.screenshot("moved")

print("ok")
