#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""meetdial-cli parse, as CLI.md promises: JSON shape, exit codes, messages; and
how `call` tells an invitation file from a dial string."""
import json
import subprocess
import sys
import unittest

CLI = sys.argv.pop(1)


def run(*args):
    return subprocess.run([CLI, *args], capture_output=True, text=True, timeout=30)


class ParseTest(unittest.TestCase):
    def test_json_plan(self):
        result = run("parse", "tel:+14155550100,,123456789#", "--json")
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(json.loads(result.stdout), {
            "uri": "tel:+14155550100,,123456789#",
            "number": "+14155550100",
            "sip_uri": None,
            "steps": [{"pause_ms": 2000}, {"pause_ms": 2000}, {"dtmf": "123456789#"}],
        })

    def test_json_wait_and_sip(self):
        wait = json.loads(run("parse", "+1 415 555 0100;1#", "--json").stdout)
        self.assertEqual(wait["steps"], [{"wait": True}, {"dtmf": "1#"}])
        self.assertEqual(wait["uri"], "tel:+14155550100;1#")
        sip = json.loads(run("parse", "SIP:Room@Example.COM", "--json").stdout)
        self.assertEqual(sip, {"uri": "sip:Room@example.com", "number": None,
                               "sip_uri": "sip:Room@example.com", "steps": []})

    def test_human_output(self):
        result = run("parse", "tel:+1-415-555-0100,,123#")
        self.assertEqual(result.returncode, 0)
        self.assertIn("+14155550100", result.stdout)
        self.assertIn("pause 2.0 s", result.stdout)
        self.assertIn("send 123#", result.stdout)

    def test_bad_input_exit_3_json_error(self):
        result = run("parse", "http://example.com", "--json")
        self.assertEqual(result.returncode, 3)
        error = json.loads(result.stdout)["error"]
        self.assertEqual(error["code"], "unsupported-scheme")
        self.assertIn("http:", error["message"])
        self.assertRegex(result.stderr, r"^meetdial-cli: parse: .*http:.*\n$")

    def test_every_code_reaches_json(self):
        cases = {
            "": "empty", "tel:+1" + "1" * 300: "too-long", "tel:%0a1": "control-character",
            "tel:%zz": "bad-percent-encoding", "ftp:x": "unsupported-scheme",
            "tel:sip:x": "nested-scheme", "tel:,,1": "no-number",
            "tel:+1800FLOWERS": "letters-in-number", "tel:+1,,x": "invalid-character",
            "+12345678901234567": "number-too-long", "sip:a:b@h": "credentials-in-uri",
            "sip:a@h?x=y": "sip-headers-not-allowed", "sip:a@h:0": "invalid-sip-uri",
        }
        for dial, code in cases.items():
            with self.subTest(dial=dial):
                result = run("parse", dial, "--json")
                self.assertEqual(result.returncode, 3)
                self.assertEqual(json.loads(result.stdout)["error"]["code"], code)

    def test_usage_errors_exit_2(self):
        self.assertEqual(run("parse").returncode, 2)
        self.assertEqual(run("parse", "1", "2").returncode, 2)
        self.assertEqual(run("parse", "--bogus", "1").returncode, 2)
        self.assertEqual(run("no-such-command").returncode, 2)
        self.assertEqual(run().returncode, 2)

    def test_call_missing_invitation_file(self):
        # A mistyped file is said to be missing, not read as a dial string.
        for target in ("no/such/invite.ics", "missing-invite.ics"):
            with self.subTest(target=target):
                result = run("call", target)
                self.assertEqual(result.returncode, 3)
                self.assertTrue(result.stderr.startswith("meetdial-cli: call: "), result.stderr)
                self.assertEqual(result.stderr.count(target), 1, result.stderr)
                self.assertNotIn("phone number", result.stderr)

    def test_help_and_version(self):
        self.assertEqual(run("--help").returncode, 0)
        self.assertIn("parse", run("--help").stdout)
        self.assertEqual(run("parse", "--help").returncode, 0)
        self.assertRegex(run("--version").stdout, r"^meetdial-cli \d+\.\d+\.\d+\n$")


if __name__ == "__main__":
    unittest.main(verbosity=2)
