#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""meetdial-cli against real peers on loopback: Kamailio as registrar and
proxy, baresip as a meeting bridge, sipp for odd callees.

Usage: test_sip_calls.py MEETDIAL_CLI CASE
"""

import contextlib
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "peers"))

import peers  # noqa: E402
from meetdial import Call, Meetdial, tone_frequency  # noqa: E402

PASSWORD = "s3cret-pass"
BRIDGE_USER = "+15550100"
BRIDGE_PASSWORD = "bridge-pass"
PIN = "123456789#"
PAUSE_MS = 1000
USERS = {"alice": PASSWORD, BRIDGE_USER: BRIDGE_PASSWORD}
# A registrar name nothing on loopback resolves: only an outbound proxy
# can reach it (RFC 6761 keeps .test out of the DNS).
REGISTRAR = "registrar.meetdial.test"
REDIRECT_LIMIT = 16   # libre's sip_request_loops(): redirections followed
MOVED_CALL_S = 7   # a call whose network changes: its length after answer


def check(condition, message):
    if not condition:
        raise AssertionError(message)


def no_secrets(md):
    for output in md.outputs:
        check(PASSWORD.encode() not in output, "the SIP password leaked into the CLI's output")
        check(PIN[:-1].encode() not in output, "the PIN leaked into the CLI's output")


def bridge_call(md, logs, codec="PCMU/8000/1", transport="udp"):
    """The main flow: register, call tel:+15550100,,PIN through Kamailio to
    the bridge, PIN after two pauses, audio both ways, clean hang-up."""
    heard = os.path.join(md.config, "heard.wav")
    with peers.Kamailio(USERS, logs=logs) as kamailio, \
         peers.Baresip(kamailio.port, BRIDGE_USER, BRIDGE_PASSWORD, codecs=codec,
                       tone_hz=1000, logs=logs) as bridge:
        md.add_account("work", kamailio.port, "alice", PASSWORD, transport)
        call = md.start_call(f"tel:{BRIDGE_USER},,{PIN}", "--mic", "tone:440",
                             "--speaker", f"file:{heard}", "--pause-ms", str(PAUSE_MS),
                             "--hangup-after", "6")
        rc = call.wait(40)
        check(rc == 0, f"call exited {rc}: {call.stderr.decode()}")

        kinds = [e["event"] for e in call.events]
        check("registered" in kinds, f"no registered event: {call.events}")
        ended = call.ended()
        check(ended and ended[0]["reason"] == "hung up", f"bad end: {ended}")
        media = [e for e in call.events if e["event"] == "media"]
        want = codec.split("/")[0].lower()
        check(media and media[0]["codec"].lower().startswith(want),
              f"negotiated {media}, wanted {codec}")
        check(not server_events(call), f"a server that replied was called silent: {call.events}")
        dtmf_events = [e for e in call.events if e["event"] == "dtmf"]
        check(len(dtmf_events) == len(PIN) and all(e["digits"] == "•" for e in dtmf_events),
              f"DTMF events not {len(PIN)} masked digits: {dtmf_events}")

        received = bridge.dtmf()
        digits = "".join(d for d, _ in received)
        check(digits == PIN, f"the bridge received {digits!r}, not {PIN!r}")
        established = bridge.wait_event("CALL_ESTABLISHED", timeout=1)["t"]
        first = received[0][1] - established
        # Pauses count from answer: 2 × PAUSE_MS, less what the bridge's ACK
        # and the first RTP event packet can shift it.
        check(first >= 2 * PAUSE_MS / 1000 - 0.03,
              f"first digit {first * 1000:.0f} ms after answer, before the two pauses")
        # Generous: sanitizer builds run slowly; bench/ measures the real lag.
        check(first <= 2 * PAUSE_MS / 1000 + 1.5, f"first digit late: {first * 1000:.0f} ms")
        bridge.wait_event("CALL_CLOSED", timeout=5)

        check(tone_frequency(heard) in range(900, 1100),
              f"our recording does not hold the bridge's 1000 Hz tone: {tone_frequency(heard)} Hz")
        # The bridge records what it decodes only once the call has ended.
        recordings = bridge.recordings("-dec.wav")
        check(recordings, "the bridge recorded nothing")
        frequency = tone_frequency(recordings[-1])
        check(frequency in range(380, 500),
              f"the bridge's recording does not hold our 440 Hz tone: {frequency} Hz")
    no_secrets(md)


def sipp_call(md, logs, scenario, want_reason, tone_seconds=0, extra_args=()):
    with peers.Sipp(scenario, logs=logs, tone_seconds=tone_seconds) as sipp:
        call = md.start_call(f"sip:room@127.0.0.1:{sipp.port}", "--mic", "tone:440",
                             "--speaker", "null", *extra_args)
        rc = call.wait(60)
        ended = call.ended()
        check(rc == 1, f"call exited {rc}, not 1: {call.stderr.decode()}")
        check(ended and ended[0]["reason"] == want_reason,
              f"ended {ended}, wanted {want_reason}")
        check(ended[0]["message"] and call.stderr.decode().strip().endswith(ended[0]["message"]),
              f"stderr does not say why: {call.stderr.decode()!r}")
        sipp_rc = sipp.wait(10)
        check(sipp_rc == 0, f"sipp's scenario {scenario} did not complete (exit {sipp_rc}):\n"
              + sipp.messages()[-3000:])
        return call


def case_refused_without_account(md, logs):
    """A call without an account that the far end refuses (403, with its
    reason) or challenges (407) is not told as a wrong password: none was
    sent. The user reads the server's reason, or that it takes calls only
    through an account."""
    for scenario, says in (("forbidden.xml", "403 Destination barred"),
                           ("challenge.xml", "only through a SIP account")):
        call = sipp_call(md, logs, scenario, "failed")
        message = call.ended()[0]["message"]
        check(says in message and "password" not in message, f"{scenario}: told {message!r}")


def case_wrong_password(md, logs):
    with peers.Kamailio(USERS, logs=logs) as kamailio:
        md.add_account("work", kamailio.port, "alice", "not-the-password")
        result = md.run("account", "check", "work", timeout=30)
        check(result.returncode == 1, f"check exited {result.returncode}")
        check(b"refused the password" in result.stderr, f"unclear: {result.stderr!r}")
        # One REGISTER challenged, one refused: no retry storm.
        fails = kamailio.log_text().count("AUTH-FAIL REGISTER")
        check(fails == 1, f"Kamailio refused {fails} REGISTERs, wanted exactly 1")
        call = md.start_call(f"tel:{BRIDGE_USER}", "--mic", "null", "--speaker", "null")
        rc = call.wait(20)
        ended = call.ended()
        check(rc == 1 and ended and ended[0]["reason"] == "wrong password", f"{rc} {ended}")
        # For people: the account's refusal in words of its own.
        told = md.run("call", f"tel:{BRIDGE_USER}", "--mic", "null", "--speaker", "null",
                      timeout=30)
        check(told.returncode == 1 and "Account work: The server refused the user name or "
              "password." in told.stdout.decode(), f"call said {told.stdout!r} {told.stderr!r}")
    no_secrets(md)


def case_no_password(md, logs):
    """The INVITE does not wait for the password lookup; when no password
    is stored, the call ends as "no password" and the user is told why."""
    with peers.Kamailio(USERS, logs=logs) as kamailio:
        md.add_account("work", kamailio.port, "alice", PASSWORD)
        subprocess.run([peers.need("secret-tool", "libsecret-tools"), "clear",
                        "xdg:schema", "io.github.meetdial.Meetdial.Secret",
                        "kind", "sip-password", "key", "work"],
                       env=md.env, check=True, timeout=10)
        call = md.start_call(f"tel:{BRIDGE_USER}", "--mic", "null", "--speaker", "null")
        rc = call.wait(20)
        stderr = call.stderr.decode()
        check(rc == 1, f"call exited {rc}, not 1: {stderr}")
        want = "No password is stored for account “work” (add the account again with --password-stdin)"
        check(stderr.strip().endswith(want), f"stderr does not say why: {stderr!r}")
        check(stderr.count("meetdial-cli: call:") == 1, f"more than one error: {stderr!r}")
        ended = call.ended()
        check(ended and ended[0]["reason"] == "no password" and ended[0]["message"] == want,
              f"the call did not end for want of a password: {call.events}")
        log = kamailio.log_text()
        check("INVITE from alice" in log, "the INVITE waited for the password lookup")
        check("REGISTERED alice" not in log, "registered without a password")


def case_busy(md, logs):
    sipp_call(md, logs, "busy.xml", "busy")


def account_call_refused(md, logs, number, want_reason, user="alice"):
    """A call to @number through @user's account at Kamailio, which refuses
    it: the call must end as @want_reason, with stderr saying why. Returns
    the call."""
    with peers.Kamailio(dict(USERS, **{user: PASSWORD}), logs=logs) as kamailio:
        md.add_account("work", kamailio.port, user, PASSWORD)
        call = md.start_call(number, "--mic", "null", "--speaker", "null")
        rc = call.wait(20)
    ended = call.ended()
    check(rc == 1 and ended and ended[0]["reason"] == want_reason, f"{rc} {ended}")
    check(call.stderr.decode().strip().endswith(ended[0]["message"]),
          f"stderr does not say why: {call.stderr.decode()!r}")
    no_secrets(md)
    return call


def case_not_found(md, logs):
    """A number nobody has registered: the registrar says 404, and the call
    ends as unreachable, saying what the server said."""
    call = account_call_refused(md, logs, "tel:+15550199", "unreachable")
    message = call.ended()[0]["message"]
    check(message == "The far end cannot be reached (404 Not Found)", f"unclear: {message!r}")


def case_barred_number(md, logs):
    """Through a signed-in account, a number the provider refuses (403 with
    its reason, after the call's digest sign-in passed) is not told as a
    wrong password: the user reads the server's reason, and the account
    stays signed in. So too while the account's sign-in goes unanswered: the
    call does not wait for SIP's 32 s timeout to say so."""
    for user in ("alice", "slow-sign-in"):
        call = account_call_refused(md, logs, "tel:+15550403", "failed", user)
        md.run("account", "remove", "work")
        message = call.ended()[0]["message"]
        check("403 Destination barred" in message and "password" not in message,
              f"{user}: told {message!r}")
        states = [e.get("state") for e in call.events if e.get("event") == "registered"]
        want = "registered" if user == "alice" else None
        check((states[-1] if states else None) == want, f"{user}: account went {states}")
        took = call.ended()[0]["t"] - call.start
        check(took < 15, f"{user}: told after {took:.1f} s")


def case_no_answer(md, logs):
    md.gsettings("no-answer-seconds", "2")
    call = sipp_call(md, logs, "no-answer.xml", "no answer")
    ringing = [e for e in call.events if e.get("state") == "ringing"]
    check(ringing, "the call never rang")
    waited = call.ended()[0]["t"] - ringing[0]["t"]
    check(1.8 <= waited <= 4, f"gave up after {waited:.1f} s, not 2 s")


def case_remote_bye(md, logs):
    with peers.Sipp("remote-bye.xml", logs=logs, tone_seconds=10) as sipp:
        call = md.start_call(f"sip:room@127.0.0.1:{sipp.port}", "--mic", "tone:440",
                             "--speaker", "null")
        rc = call.wait(30)
        ended = call.ended()
        check(rc == 0, f"a far-end hang-up after answer is a normal end, got {rc}")
        check(ended and ended[0]["reason"] == "hung up by far end", f"{ended}")
        check(sipp.wait(10) == 0, "sipp did not complete:\n" + sipp.messages()[-3000:])


def call_until_far_end_bye(md, sipp, heard):
    """A call to sipp (a 440 Hz tone out, what we hear to @heard) that must
    last until sipp's BYE, with sipp's scenario passing."""
    call = md.start_call(f"sip:room@127.0.0.1:{sipp.port}", "--mic", "tone:440",
                         "--speaker", f"file:{heard}", "--hangup-after", "15")
    rc = call.wait(30)
    check(rc == 0, f"call exited {rc}: {call.ended()} {call.stderr.decode()[-1500:]}")
    ended = call.ended()
    check(ended and ended[0]["reason"] == "hung up by far end",
          f"the call did not last until the far end's BYE: {ended}")
    check(sipp.wait(10) == 0, "sipp did not complete:\n" + sipp.messages()[-3000:])


def moved_call(md, logs, scenario):
    """A call to sipp playing @scenario, which moves our audio to a port of
    its own ($answer_port) and ends with a BYE after 2 s there. The call
    must last until that BYE and we must hear sipp's 650 Hz tone. Returns
    the RTP payload type of each packet we sent to the new port."""
    heard = os.path.join(md.config, "heard.wav")
    answer_port = peers.free_port(pair=True)
    with peers.Capture(logs, answer_port) as capture, \
         peers.Sipp(scenario, logs=logs, tone_seconds=10,
                    extra=("-set", "answer_port", str(answer_port))) as sipp:
        call_until_far_end_bye(md, sipp, heard)
        capture.stop()
        types = [row[0] for row in capture.fields(f"udp.dstport == {answer_port}", "rtp.p_type",
                                                  decode_as=f"udp.port=={answer_port},rtp")]
    # 2 s there before the BYE, a packet every 20 ms.
    check(len(types) >= 75, f"only {len(types)} RTP packets went to the new port")
    check(tone_frequency(heard) in range(600, 700), f"heard {tone_frequency(heard)} Hz, not 650")
    return types


def case_hold_zero_address(md, logs):
    """The far end holds with c=0.0.0.0 (RFC 2543's way) and sends nothing
    for longer than the RTP timeout, then resumes: the hold is taken (200,
    not 488), the silence is not a lost network, and the call lasts until
    the far end's BYE with its tone heard."""
    md.env["MEETDIAL_RTP_TIMEOUT_MS"] = "1000"
    heard = os.path.join(md.config, "heard.wav")
    with peers.Sipp("hold-zero-address.xml", logs=logs, tone_seconds=10) as sipp:
        call_until_far_end_bye(md, sipp, heard)
    check(tone_frequency(heard) in range(600, 700), f"heard {tone_frequency(heard)} Hz, not 650")


def case_offerless_reinvite(md, logs):
    """The far end refreshes the session with a re-INVITE without SDP: we
    offer in the 200 OK (sipp checks it), take the answer from its ACK and
    send our audio where that answer says; the call goes on until its BYE."""
    moved_call(md, logs, "offerless-reinvite.xml")


def case_offerless_reinvite_bad_answer(md, logs):
    """The far end's session refresh answers our offer (in its ACK) with a
    codec we cannot use: the call goes on as it was, and its end is told
    as the far end's BYE, not as the bad answer."""
    heard = os.path.join(md.config, "heard.wav")
    with peers.Sipp("offerless-reinvite-bad-answer.xml", logs=logs, tone_seconds=10) as sipp:
        call_until_far_end_bye(md, sipp, heard)
    check(tone_frequency(heard) in range(600, 700), f"heard {tone_frequency(heard)} Hz, not 650")


def sip_port(call):
    """The UDP port the CLI's SIP stack listens on, from its debug line."""
    def listening():
        return [line for line in call.stderr.decode(errors="replace").splitlines()
                if "SIP listening on" in line]
    peers.wait_for(lambda: listening() or call.proc.poll() is not None, 10, "SIP to listen")
    check(listening(), f"no 'SIP listening' line: {call.stderr.decode()}")
    return int(listening()[0].split()[-1])


def case_options(md, logs):
    """Requests servers send besides calls: an OPTIONS within the call (sipp
    checks our 200 and its Allow) and outside it (a registrar's keep-alive)
    get 200; a NOTIFY we did not subscribe to (voicemail news) gets 405 with
    what we allow; a stray ACK gets nothing. None of it prints on the
    terminal, and the call goes on until the far end's BYE."""
    with peers.Sipp("options-in-call.xml", logs=logs, tone_seconds=10) as sipp:
        call = md.start_call(f"sip:room@127.0.0.1:{sipp.port}", "--mic", "tone:440",
                             "--speaker", "null", "--hangup-after", "15")
        call.wait_state("active")
        port = sip_port(call)
        options = peers.sip_request(port, "OPTIONS", timeout=2) or ""
        check(options.startswith("SIP/2.0 200"), f"OPTIONS answered {options!r}")
        check("Accept: application/sdp" in options, f"no Accept in {options!r}")
        notify = peers.sip_request(port, "NOTIFY", timeout=2) or ""
        check(notify.startswith("SIP/2.0 405"), f"NOTIFY answered {notify!r}")
        check("Allow: INVITE" in notify, f"no Allow in {notify!r}")
        ack = peers.sip_request(port, "ACK", timeout=0.5)
        check(ack is None, f"a stray ACK was answered: {ack!r}")
        rc = call.wait(30)
        check(rc == 0, f"call exited {rc}: {call.stderr.decode()}")
        ended = call.ended()
        check(ended and ended[0]["reason"] == "hung up by far end", f"{ended}")
        check(sipp.wait(10) == 0, "sipp did not complete:\n" + sipp.messages()[-3000:])
    stray = [line for line in call.stderr.decode(errors="replace").splitlines()
             if "unhandeled" in line or "Not Implemented" in line]
    check(not stray, f"the SIP stack printed on the terminal: {stray}")


def case_codec_change(md, logs):
    """The far end re-INVITEs to change the codec mid-call: an offer without
    ours is refused (488) and the call goes on; one that lists ours after
    another keeps ours, answered alone (sipp checks both), and our audio
    goes to the new address, still PCMU, until the far end's BYE."""
    types = moved_call(md, logs, "codec-change.xml")
    check(set(types) == {"0"}, f"payload types sent there: {sorted(set(types))}")


def case_ipv6(md, logs):
    """A SIP URI on ::1: signalling and media over IPv6 loopback."""
    heard = os.path.join(md.config, "heard.wav")
    with peers.Sipp("remote-bye.xml", logs=logs, tone_seconds=10, host="::1") as sipp:
        call = md.start_call(f"sip:room@[::1]:{sipp.port}", "--mic", "tone:440",
                             "--speaker", f"file:{heard}")
        rc = call.wait(30)
        check(rc == 0, f"call exited {rc}: {call.stderr.decode()}")
        check(call.ended()[0]["reason"] == "hung up by far end", f"{call.ended()}")
        check(sipp.wait(10) == 0, "sipp did not complete:\n" + sipp.messages()[-3000:])
        check("c=IN IP6 ::1" in sipp.messages(), "our SDP did not offer ::1")
    check(tone_frequency(heard) in range(600, 700), f"heard {tone_frequency(heard)} Hz, not 650")


def case_ipv6_account(md, logs):
    """An account on an IPv6 registrar ("[::1]:PORT") registers."""
    with peers.Kamailio(USERS, logs=logs, ipv6=True) as kamailio:
        result = md.run("account", "add", "v6", "--server", f"[::1]:{kamailio.port}",
                        "--user", "alice", "--password-stdin", input=PASSWORD.encode() + b"\n")
        check(result.returncode == 0, result.stderr.decode())
        checked = md.run("account", "check", "v6", timeout=30)
        check(checked.returncode == 0, f"check: {checked.stdout!r} {checked.stderr!r}")
        check("REGISTERED alice contact=<sip:alice@[::1]" in kamailio.log_text(),
              "Kamailio did not register alice at an IPv6 contact")


def need_localhost_in_hosts():
    """The name tests need "localhost" from /etc/hosts, as every installed
    system has it; without it the resolver would ask a DNS server, which
    is not on loopback."""
    try:
        with open("/etc/hosts") as f:
            names = [word for line in f for word in line.split("#")[0].split()[1:]]
    except OSError:
        names = []
    check("localhost" in names,
          "/etc/hosts has no “localhost” entry: add “127.0.0.1 localhost” and "
          "“::1 localhost” (a Debian installation has them)")


def case_server_name(md, logs):
    """A server named by a name the system resolver knows but DNS does not
    answer ("localhost", as an /etc/hosts or mDNS name would be): the
    account registers at its IPv4 address. The registrar listens there
    only, as a PBX does by default, while Debian's /etc/hosts gives ::1
    first for the name."""
    need_localhost_in_hosts()
    with peers.Kamailio(USERS, logs=logs) as kamailio:
        md.add_account("named", kamailio.port, "alice", PASSWORD, host="localhost")
        checked = md.run("account", "check", "named", timeout=30)
        check(checked.returncode == 0, f"check: {checked.stdout!r} {checked.stderr!r}")
        check("REGISTERED alice" in kamailio.log_text(), "Kamailio did not register alice")


PROVIDER_DOMAIN = "voip.meetdial.test"


def case_dns_srv(md, logs):
    """A provider known by its SIP domain alone, as most are: the domain has
    no address of its own, only DNS SRV records (RFC 3263) naming its
    server, here Kamailio at ports of its own for UDP and TLS. The account,
    added with the domain and no port, registers and its call delivers the
    PIN; over TLS the certificate names the domain, not the server. Runs
    with a DNS server of its own, in a network namespace of its own (meson
    starts it under unshare) and a mount namespace of its own."""
    peers.own_loopback()
    peers.own_resolver()
    certs = tls_certs(md)
    server = "pbx1.meetdial.test"
    with peers.Kamailio(USERS, logs=logs,
                        tls=certs.leaf("provider", f"DNS:{PROVIDER_DOMAIN}")) as kamailio, \
         peers.Dnsmasq("meetdial.test", logs=logs, hosts={server: "127.0.0.1"},
                       srv=[(f"_sip._udp.{PROVIDER_DOMAIN}", server, kamailio.port),
                            (f"_sips._tcp.{PROVIDER_DOMAIN}", server, kamailio.tls_port)]) as dns, \
         peers.Baresip(kamailio.port, BRIDGE_USER, BRIDGE_PASSWORD, logs=logs) as bridge:
        added = md.run("account", "add", "provider", "--server", PROVIDER_DOMAIN,
                       "--user", "alice", "--password-stdin", input=PASSWORD.encode() + b"\n")
        check(added.returncode == 0, f"account add: {added.stderr!r}")
        checked = md.run("account", "check", "provider", timeout=30)
        check(checked.returncode == 0, f"check: {checked.stdout!r} {checked.stderr!r}")
        check("REGISTERED alice" in kamailio.log_text(), "Kamailio did not register alice")
        pin_call(md, bridge)
        check(f"query[SRV] _sip._udp.{PROVIDER_DOMAIN}" in dns.log_text(),
              "the server was not found through SRV")

        added = md.run("account", "add", "provider-tls", "--server", PROVIDER_DOMAIN,
                       "--user", "alice", "--transport", "tls", "--ca-file", certs.ca,
                       "--password-stdin", input=PASSWORD.encode() + b"\n")
        check(added.returncode == 0, f"account add over TLS: {added.stderr!r}")
        checked = md.run("account", "check", "provider-tls", timeout=30)
        check(checked.returncode == 0, f"check over TLS: {checked.stdout!r} {checked.stderr!r}")
        check(any("proto=tls" in line for line in kamailio.log_text().splitlines()
                  if "REGISTERED alice" in line), "Kamailio did not register alice over TLS")
        check(f"query[SRV] _sips._tcp.{PROVIDER_DOMAIN}" in dns.log_text(),
              "the TLS server was not found through SRV")
    no_secrets(md)


def case_g729_only(md, logs):
    sipp_call(md, logs, "g729-only.xml", "no common codec")


def case_bad_sdp(md, logs):
    sipp_call(md, logs, "bad-sdp.xml", "bad answer from far end")


def case_rtp_stops(md, logs):
    """RTP stops without a BYE: with the default timeout the call ends as
    "network lost" within 10 s."""
    call = sipp_call(md, logs, "rtp-stops.xml", "network lost", tone_seconds=2)
    active = [e for e in call.events if e.get("state") == "active"][0]
    # sipp sends 2 s of RTP after answer, then nothing.
    lost_after = call.ended()[0]["t"] - active["t"] - 2
    check(lost_after <= 10, f"RTP loss noticed only {lost_after:.1f} s after it stopped")


def server_events(call):
    """The "server" events, each with its time after "dialing", in ms."""
    dialing = [e for e in call.events if e.get("state") == "dialing"][0]["t_ms"]
    return [(e["state"], e["t_ms"] - dialing) for e in call.events if e["event"] == "server"]


def case_timer_b(md, logs):
    """A peer that never replies: libre's INVITE transaction times out
    (Timer B, 64 × T1 = 32 s) and the call ends as unreachable. The user
    hears of the silence after 4 s, not only at the end."""
    silent = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    silent.bind(("127.0.0.1", 0))
    try:
        port = silent.getsockname()[1]
        call = md.start_call(f"sip:room@127.0.0.1:{port}", "--mic", "null", "--speaker", "null")
        rc = call.wait(50)
        ended = call.ended()
        check(rc == 1 and ended and ended[0]["reason"] == "unreachable", f"{rc} {ended}")
        check(silent.recv(65535).startswith(b"INVITE "), "nothing reached the silent peer")
        told = server_events(call)
        # Generous above: sanitizer builds start slowly.
        check(len(told) == 1 and told[0][0] == "silent" and 3900 <= told[0][1] <= 9000,
              f"not told once, about 4 s in, that the server is silent: {told}")
    finally:
        silent.close()


def case_media_module_missing(md, logs):
    """Where the media core is a module of ours (not in sanitizer builds),
    a call without it fails at once and says Meetdial is installed
    incompletely; no INVITE goes out offering no codec."""
    dirs = md.env["MEETDIAL_MODULE_DIR"].split(":")
    md.env["MEETDIAL_MODULE_DIR"] = ":".join(
        d for d in dirs if not os.path.exists(os.path.join(d, "libmeetdial-media.so")))
    check(md.env["MEETDIAL_MODULE_DIR"] != ":".join(dirs), "no media module in MEETDIAL_MODULE_DIR")
    md.env["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="meetdial-cache-", dir=md.config)
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as peer:
        peer.bind(("127.0.0.1", 0))
        result = md.run("call", f"sip:room@127.0.0.1:{peer.getsockname()[1]}",
                        "--mic", "null", "--speaker", "null", timeout=30)
        err = result.stderr.decode()
        check(result.returncode == 1 and "Meetdial is not installed completely" in err and
              "calls can’t have audio" in err, f"{result.returncode} {err}")
        check("CRITICAL" not in err and "WARNING" not in err, f"warnings: {err}")
        # The process has exited: whatever it sent is in the socket's queue.
        peer.setblocking(False)
        try:
            packet = peer.recv(65535)
        except BlockingIOError:
            packet = b""
        check(packet == b"", f"something was sent: {packet[:60]!r}")


def case_late_reply(md, logs):
    """A callee silent for 6 s, then ringing and busy: the user is told of
    the silence after 4 s, and that it has replied once it does."""
    call = sipp_call(md, logs, "late-reply.xml", "busy")
    told = server_events(call)
    check([state for state, _ in told] == ["silent", "replying"],
          f"server events {told}, not silent then replying")
    check(told[1][1] >= 5500, f"told of a reply {told[1][1]} ms in, before it came")
    states = [e["state"] for e in call.events if e["event"] == "state"]
    check("ringing" in states, f"the call did not ring: {states}")


def case_info_dtmf(md, logs):
    """No telephone-event in the answer: keys typed during the call go out
    as SIP INFO, in order, one digit each."""
    with peers.Sipp("info-dtmf.xml", logs=logs) as sipp:
        call = md.start_call(f"sip:room@127.0.0.1:{sipp.port}", "--mic", "tone:440",
                             "--speaker", "null", "--hangup-after", "3")
        call.wait_state("active")
        call.keys("12\n#")
        rc = call.wait(20)
        check(rc == 0, f"call exited {rc}: {call.stderr.decode()}")
        check(sipp.wait(10) == 0, "sipp did not get three INFOs:\n" + sipp.messages()[-3000:])
        signals = [line.split("=", 1)[1].strip() for line in sipp.messages().splitlines()
                   if line.startswith("Signal=")]
        check(signals == ["1", "2", "#"], f"INFO digits {signals}")
    no_secrets(md)


def case_info_dtmf_received(md, logs):
    """The far end sends digits by SIP INFO: each one is answered 200 and
    shows as a masked dtmf-received event, in order, none lost."""
    with peers.Sipp("send-info-dtmf.xml", logs=logs) as sipp:
        call = md.start_call(f"sip:room@127.0.0.1:{sipp.port}", "--mic", "tone:440",
                             "--speaker", "null")
        rc = call.wait(20)
        check(rc == 0, f"call exited {rc}: {call.stderr.decode()}")
        check(sipp.wait(10) == 0, "sipp's INFOs were not all answered:\n" + sipp.messages()[-3000:])
        received = [e for e in call.events if e["event"] == "dtmf-received"]
        check(len(received) == 3 and all(e["digits"] == "•" for e in received),
              f"dtmf-received events {received}, wanted three masked digits")
        active = [e for e in call.events if e.get("state") == "active"][0]
        ended = call.ended()[0]
        check(all(active["t_ms"] <= e["t_ms"] <= ended["t_ms"] for e in received),
              "a digit was reported outside the call")
        check(b"Signal=" not in call.stdout + call.stderr, "the digits leaked into the output")


def case_wait_step(md, logs):
    """`;` waits for the user: nothing is sent until the `c` key."""
    with peers.Kamailio(USERS, logs=logs) as kamailio, \
         peers.Baresip(kamailio.port, BRIDGE_USER, BRIDGE_PASSWORD, logs=logs) as bridge:
        md.add_account("work", kamailio.port, "alice", PASSWORD)
        call = md.start_call(f"tel:{BRIDGE_USER};12#", "--mic", "tone:440",
                             "--speaker", "null", "--hangup-after", "4")
        call.wait_event(lambda e: e.get("event") == "wait", 10, "a wait event")
        # Asserting an absence needs a window: 1 s of no DTMF while waiting.
        time.sleep(1)
        check(bridge.dtmf() == [], f"digits went out before the key: {bridge.dtmf()}")
        pressed = time.monotonic()
        call.keys("c")
        rc = call.wait(20)
        check(rc == 0, f"call exited {rc}: {call.stderr.decode()}")
        received = bridge.dtmf()
        check("".join(d for d, _ in received) == "12#", f"the bridge received {received}")
        check(received[0][1] >= pressed, "a digit arrived before the key was pressed")
    no_secrets(md)


def listen(md, *args):
    return Call(md, ["listen", "--json-events", *args], stdin=subprocess.PIPE)


def answer_incoming(md, kamailio, caller):
    """`listen --auto-answer` takes a call @caller makes to alice: we ring,
    answer by ourselves, audio flows both ways, the caller hangs up."""
    heard = os.path.join(md.config, "heard.wav")
    listener = listen(md, "--auto-answer", "--mic", "tone:440", "--speaker", f"file:{heard}")
    try:
        listener.wait_event(lambda e: e.get("event") == "registered", 15, "registration")
        caller.command("dial", f"sip:alice@127.0.0.1:{kamailio.port}")
        incoming = listener.wait_event(lambda e: e.get("event") == "incoming", 10, "a ring")
        check(BRIDGE_USER in incoming["from"], f"caller shown as {incoming['from']}")
        listener.wait_state("active")
        caller.wait_event("CALL_ESTABLISHED", timeout=5)
        caller.wait_event("CALL_RTPESTAB", timeout=5)
        time.sleep(2)   # two seconds of audio to record, both ways
        caller.command("hangup")
        ended = listener.wait_state("ended")
        check(ended["reason"] == "hung up by far end", f"{ended}")
    finally:
        listener.proc.send_signal(signal.SIGINT)
        rc = listener.wait(10)
    check(rc == 0, f"listen exited {rc} after Ctrl+C: {listener.stderr.decode()}")
    caller.wait_event("CALL_CLOSED", timeout=5)
    caller.stop()
    check(tone_frequency(heard) in range(900, 1100),
          f"we did not hear the caller's tone: {tone_frequency(heard)} Hz")
    recordings = caller.recordings("-dec.wav")
    check(recordings and tone_frequency(recordings[-1]) in range(380, 500),
          "the caller did not hear our 440 Hz tone")


def case_incoming(md, logs):
    """A baresip peer calls us through Kamailio (see answer_incoming)."""
    with peers.Kamailio(USERS, logs=logs) as kamailio, \
         peers.Baresip(kamailio.port, BRIDGE_USER, BRIDGE_PASSWORD, answer="manual",
                       logs=logs) as caller:
        md.add_account("work", kamailio.port, "alice", PASSWORD)
        answer_incoming(md, kamailio, caller)
    no_secrets(md)


def case_offerless_incoming(md, logs):
    """A call comes in without SDP: answered, our offer goes in the 200 OK
    (sipp checks it) and the answer comes in the ACK; we hear the caller
    until its BYE."""
    heard = os.path.join(md.config, "heard.wav")
    with sipp_calls_listen(md, logs, "offerless-invite.xml", 10, "--auto-answer",
                           "--mic", "tone:440", "--speaker", f"file:{heard}") as listener:
        listener.wait_state("active")
    check(tone_frequency(heard) in range(600, 700), f"heard {tone_frequency(heard)} Hz, not 650")


def case_answer_twice(md, logs):
    """`a` pressed twice (as a double click) while our 200 OK waits for its
    late ACK: the second press changes nothing; the call goes on until the
    caller hangs up (sipp fails on a BYE from us)."""
    with sipp_calls_listen(md, logs, "slow-ack-invite.xml", 5,
                           "--mic", "null", "--speaker", "null") as listener:
        listener.wait_event(lambda e: e.get("event") == "incoming", 10, "the call to ring")
        listener.keys("aa")
        listener.wait_state("active")


@contextlib.contextmanager
def sipp_calls_listen(md, logs, scenario, tone_seconds, *listen_args):
    """`listen` @listen_args registered at Kamailio, and sipp calling it
    directly with @scenario, which ends with the caller's BYE: the body
    sees the call through; then the call must have ended as the caller hung
    up, sipp's scenario have passed, and listen exit 0 on Ctrl+C."""
    with peers.Kamailio(USERS, logs=logs) as kamailio:
        md.add_account("work", kamailio.port, "alice", PASSWORD)
        listener = listen(md, *listen_args)
        try:
            listener.wait_event(lambda e: e.get("event") == "registered", 15, "registration")
            target = f"127.0.0.1:{sip_port(listener)}"
            with peers.Sipp(scenario, logs=logs, tone_seconds=tone_seconds,
                            target=target) as caller:
                yield listener
                ended = listener.wait_state("ended", timeout=15)
                check(ended["reason"] == "hung up by far end", f"{ended}")
                check(caller.wait(10) == 0, "sipp did not complete:\n" + caller.messages()[-3000:])
        finally:
            listener.proc.send_signal(signal.SIGINT)
            rc = listener.wait(10)
        check(rc == 0, f"listen exited {rc} after Ctrl+C: {listener.stderr.decode()}")


def case_keepalive(md, logs):
    """Registered over UDP and over TCP, each account sends the registrar a
    blank line (CRLF CRLF) from its SIP flow every 25 s, so a NAT router
    keeps the mapping the registrar reaches us by."""
    with peers.Kamailio(USERS, logs=logs) as kamailio, \
         peers.Capture(logs, kamailio.port) as capture:
        md.add_account("work-udp", kamailio.port, "alice", PASSWORD, "udp")
        md.add_account("work-tcp", kamailio.port, "alice", PASSWORD, "tcp")
        listeners = [listen(md, "--account", name, "--mic", "null", "--speaker", "null")
                     for name in ("work-udp", "work-tcp")]
        try:
            registered = []
            for listener in listeners:
                listener.wait_event(lambda e: e.get("event") == "registered", 15, "registration")
                registered.append(time.time())
            udp_port = sip_port(listeners[0])
            blank = "{0}.payload == 0d:0a:0d:0a"
            udp = peers.wait_for(lambda: capture.fields(blank.format("udp"), "frame.time_epoch",
                                                        "udp.srcport", growing=True),
                                 40, "a keep-alive over UDP")
            tcp = peers.wait_for(lambda: capture.fields(blank.format("tcp"), "frame.time_epoch",
                                                        "tcp.stream", growing=True),
                                 40, "a keep-alive over TCP")
        finally:
            for listener in listeners:
                listener.proc.send_signal(signal.SIGINT)
            codes = [listener.wait(10) for listener in listeners]
        check(codes == [0, 0], f"listen exited {codes} after Ctrl+C")
        for listener in listeners:
            # The registrar's pong to a TCP keep-alive is taken quietly.
            noise = [line for line in listener.stderr.decode(errors="replace").splitlines()
                     if "decode err" in line or "unhandeled" in line]
            check(not noise, f"SIP noise on the terminal: {noise}")
        for (sent, _), at, kind in ((udp[0], registered[0], "UDP"), (tcp[0], registered[1], "TCP")):
            after = float(sent) - at
            check(23 <= after <= 28, f"the first keep-alive over {kind} came {after:.1f} s "
                  "after registering, not 25 s")
        check(udp[0][1] == str(udp_port), f"the UDP keep-alive left from port {udp[0][1]}, "
              f"not the SIP port {udp_port}")
        streams = [row[0] for row in capture.fields('sip.Method == "REGISTER" && tcp',
                                                    "tcp.stream", growing=True)]
        check(tcp[0][1] in streams, "the TCP keep-alive went on another connection than the "
              "REGISTER")
    no_secrets(md)


@contextlib.contextmanager
def ringing_setup(md, logs):
    """Kamailio, a baresip peer (the bridge's user, answering by hand) to
    call us, and `listen` registered as alice; it must exit 0 on Ctrl+C."""
    with peers.Kamailio(USERS, logs=logs) as kamailio, \
         peers.Baresip(kamailio.port, BRIDGE_USER, BRIDGE_PASSWORD, answer="manual",
                       logs=logs) as caller:
        md.add_account("work", kamailio.port, "alice", PASSWORD)
        listener = listen(md, "--mic", "null", "--speaker", "null")
        try:
            listener.wait_event(lambda e: e.get("event") == "registered", 15, "registration")
            yield kamailio, caller, listener
        finally:
            listener.proc.send_signal(signal.SIGINT)
            rc = listener.wait(10)
        check(rc == 0, f"listen exited {rc} after Ctrl+C: {listener.stderr.decode()}")


def move_and_register(listener, kamailio, address, prefix):
    """The network changes (peers.new_network): `listen` registers again,
    and Kamailio has the new binding, from @address."""
    n_events = len(listener.events)
    peers.new_network(address, prefix)
    listener.wait_event(lambda e: e.get("event") == "registered"
                        and listener.events.index(e) >= n_events, 15,
                        "registration from the new address")
    kamailio.wait_registration("alice-", address)


def case_network_change_dns(md, logs):
    """A provider known by its domain, and a network change that also
    changes the DNS server (a laptop leaving home for the office, where
    resolv.conf now names the office's): `listen` registers again from the
    new address, asking the new network's DNS server for the provider's
    servers; the old one no longer answers. Runs in network and mount
    namespaces of its own (meson starts it under unshare)."""
    peers.own_loopback()
    peers.own_resolver("127.0.0.2")
    peers.prefer_source("127.0.0.2")
    server = "pbx1.meetdial.test"
    with peers.Kamailio(USERS, logs=logs) as kamailio:
        records = {"hosts": {server: "127.0.0.1"},
                   "srv": [(f"_sip._udp.{PROVIDER_DOMAIN}", server, kamailio.port)]}
        home_dns = peers.Dnsmasq("meetdial.test", address="127.0.0.2", logs=logs, **records)
        home_dns.start()
        try:
            added = md.run("account", "add", "provider", "--server", PROVIDER_DOMAIN, "--user",
                           "alice", "--password-stdin", input=PASSWORD.encode() + b"\n")
            check(added.returncode == 0, f"account add: {added.stderr!r}")
            listener = listen(md, "--mic", "null", "--speaker", "null")
            try:
                listener.wait_event(lambda e: e.get("event") == "registered", 15, "registration")
                kamailio.wait_registration("alice@", "127.0.0.2")
                home_dns.stop()
                with open("/etc/resolv.conf", "w") as f:
                    f.write("nameserver 127.0.0.3\n")
                with peers.Dnsmasq("meetdial.test", address="127.0.0.3", logs=logs,
                                   **records) as office_dns:
                    move_and_register(listener, kamailio, "127.0.0.3", "198.51.100.0/24")
                    check(f"query[SRV] _sip._udp.{PROVIDER_DOMAIN}" in office_dns.log_text(),
                          "the new network's DNS server was not asked")
            finally:
                listener.proc.send_signal(signal.SIGINT)
                rc = listener.wait(10)
            check(rc == 0, f"listen exited {rc} after Ctrl+C: {listener.stderr.decode()}")
        finally:
            home_dns.stop()
    no_secrets(md)


def case_network_change(md, logs):
    """`listen` stays up while the network changes under it: it moves to the
    address that now reaches the server, registers again from there, and a
    call to it still comes in. Runs in a network namespace of its own
    (meson starts it under unshare)."""
    peers.own_loopback()
    peers.prefer_source("127.0.0.2")
    md.env["G_MESSAGES_DEBUG"] = "md-sip"   # says when a move waits for a call
    with ringing_setup(md, logs) as (kamailio, caller, listener):
        kamailio.wait_registration("alice@", "127.0.0.2")
        move_and_register(listener, kamailio, "127.0.0.3", "198.51.100.0/24")
        # The binding at the address left is removed, so calls are not
        # forked to an address nobody listens on.
        kamailio.wait_removal("alice@", "127.0.0.2")
        caller.command("dial", f"sip:alice@127.0.0.1:{kamailio.port}")
        rang = listener.wait_event(lambda e: e.get("event") == "incoming", 10,
                                   "a call after the move")
        # The network changes again while the call rings: SIP waits for
        # it to be set up or to end (its transactions have the address),
        # then moves.
        peers.new_network("127.0.0.4", "203.0.113.0/24")
        peers.wait_for(lambda: "SIP moves to 127.0.0.4 once the calls are set up or ended"
                       in listener.stderr.decode(errors="replace"), 10,
                       "the move to wait for the call")
        caller.command("hangup")
        ended = listener.wait_state("ended")
        # By the order the events came in: on loopback the registration
        # may follow the call's end within the same millisecond.
        rang_at = listener.events.index(rang)
        ended_at = listener.events.index(ended)
        listener.wait_event(lambda e: e.get("event") == "registered"
                            and listener.events.index(e) > ended_at, 15,
                            "registration after the call")
        during = [e for e in listener.events[rang_at:ended_at] if e.get("event") == "registered"]
        check(not during, f"registered again while the call rang: {during}")
        kamailio.wait_registration("alice-", "127.0.0.4")
        kamailio.wait_removal("alice-", "127.0.0.3")
    no_secrets(md)


def case_network_change_call(md, logs):
    """A meeting call goes on while the network changes under it and the
    address it started from goes away (Wi-Fi lost, a cable plugged in):
    SIP moves to the new address, a re-INVITE gives the bridge the new one,
    and audio flows both ways to the end; over UDP, then over TCP (whose
    connection was from the old address). In a network namespace of its
    own (meson starts it under unshare); the addresses are documentation
    ones on its loopback."""
    peers.own_loopback()
    peers.ip("address", "add", "192.0.2.2/32", "dev", "lo")
    peers.prefer_source("192.0.2.2")
    for old, new, transport in ((2, 3, "udp"), (3, 4, "tcp")):
        call_across_networks(md, logs, f"192.0.2.{old}", f"192.0.2.{new}", transport)
    no_secrets(md)


def call_across_networks(md, logs, old, new, transport):
    heard = os.path.join(md.config, f"heard-{transport}.wav")
    with peers.Kamailio(USERS, logs=logs) as kamailio, \
         peers.Baresip(kamailio.port, BRIDGE_USER, BRIDGE_PASSWORD, logs=logs) as bridge:
        md.add_account("work", kamailio.port, "alice", PASSWORD, transport)
        call = md.start_call(f"tel:{BRIDGE_USER}", "--mic", "tone:440",
                             "--speaker", f"file:{heard}", "--hangup-after", str(MOVED_CALL_S))
        call.wait_state("active")
        peers.ip("address", "add", f"{new}/32", "dev", "lo")
        peers.new_network(new, f"198.51.100.{new.split('.')[-1]}/32")
        peers.ip("address", "delete", f"{old}/32", "dev", "lo")
        peers.wait_for(lambda: f"REOFFER alice sendrecv contact=<sip:alice@{new}:"
                       in kamailio.log_text(), 10, f"a re-INVITE from the new address over {transport}")
        rc = call.wait(30)
        ended = call.ended()
        check(rc == 0 and ended and ended[0]["reason"] == "hung up",
              f"call exited {rc}, ended {ended}: {call.stderr.decode()}")
        bridge.wait_event("CALL_CLOSED", timeout=5)
        # The re-INVITE went within a second or two of the change: the
        # last seconds of both recordings are after it.
        frequency = tone_frequency(wav_tail(heard, 3))
        check(frequency in range(900, 1100),
              f"after the move we hear {frequency} Hz, not the bridge's 1000 Hz tone")
        frequency = tone_frequency(wav_tail(bridge.recordings("-dec.wav")[-1], 3))
        check(frequency in range(380, 500),
              f"after the move the bridge hears {frequency} Hz, not our 440 Hz tone")


def wav_tail(path, seconds):
    tail = path + ".end.wav"
    start = max(wav_seconds(path) - seconds, 0)
    subprocess.run([peers.need("sox", "sox"), path, tail, "trim", f"{start:.3f}"], check=True)
    return tail


def case_decline(md, logs):
    """We ring, the user declines with `d`: the caller gets 603 Decline."""
    with ringing_setup(md, logs) as (kamailio, caller, listener):
        caller.command("dial", f"sip:alice@127.0.0.1:{kamailio.port}")
        listener.wait_event(lambda e: e.get("event") == "incoming", 10, "a ring")
        listener.keys("d")
        ended = listener.wait_state("ended")
        check(ended["reason"] == "hung up", f"{ended}")
        closed = caller.wait_event("CALL_CLOSED", timeout=5)
        check("603" in closed.get("param", "") or "Decline" in closed.get("param", ""),
              f"the caller was told {closed.get('param')!r}, not 603 Decline")


def wav_seconds(path):
    result = subprocess.run([peers.need("soxi", "sox"), "-D", path], capture_output=True, text=True)
    return float(result.stdout.strip())


def early_call(md, logs, scenario):
    """A call to sipp playing @scenario (183 with SDP and its tone for 2 s,
    then 200 OK), hung up 1 s after answer: dialing, early, active, in that
    order. Returns the call and the path of what we heard."""
    heard = os.path.join(md.config, "heard.wav")
    with peers.Sipp(scenario, logs=logs, tone_seconds=10) as sipp:
        call = md.start_call(f"sip:room@127.0.0.1:{sipp.port}", "--mic", "tone:440",
                             "--speaker", f"file:{heard}", "--hangup-after", "1")
        rc = call.wait(30)
        check(rc == 0, f"call exited {rc}: {call.stderr.decode()}")
        states = [e["state"] for e in call.events if e["event"] == "state"]
        check(states[:3] == ["dialing", "early", "active"], f"states {states}")
        check(sipp.wait(10) == 0, "sipp did not complete:\n" + sipp.messages()[-3000:])
    check(tone_frequency(heard) in range(600, 700), f"heard {tone_frequency(heard)} Hz, not 650")
    return call, heard


def case_early_media(md, logs):
    """183 with SDP: the far end's audio plays before answer."""
    call, heard = early_call(md, logs, "early-media.xml")
    early = [e for e in call.events if e.get("state") == "early"][0]
    active = [e for e in call.events if e.get("state") == "active"][0]
    check(active["t"] - early["t"] >= 1.5, "answered too soon after 183 for this check")
    # Recorded from 183 on: the two early seconds plus the one after answer.
    seconds = wav_seconds(heard)
    check(seconds >= 2.5, f"only {seconds:.1f} s recorded: early media was not played")


def case_early_media_reordered(md, logs):
    """The 200 OK after early media lists another codec first: the call
    keeps the one its early media runs with, and goes on."""
    call, _ = early_call(md, logs, "early-media-reordered.xml")
    check(call.ended()[0]["reason"] == "hung up", f"{call.ended()}")
    codecs = [e["codec"] for e in call.events if e["event"] == "media"]
    check(codecs and all(c.startswith("PCMU") for c in codecs), f"codecs {codecs}")


def case_early_media_other_answer(md, logs):
    """The 200 OK after early media names only another codec: the 183's SDP
    was the answer (RFC 3261, 13.2.1), so the call keeps its codec and goes
    on, rather than ending as "no common codec"."""
    call, _ = early_call(md, logs, "early-media-other-answer.xml")
    check(call.ended()[0]["reason"] == "hung up", f"{call.ended()}")
    codecs = [e["codec"] for e in call.events if e["event"] == "media"]
    check(codecs and all(c.startswith("PCMU") for c in codecs), f"codecs {codecs}")


def case_early_media_no_answer_sdp(md, logs):
    """The 200 OK after early media has no SDP: the 183's answer stands and
    the call goes on, rather than ending as "bad answer from far end"."""
    call, _ = early_call(md, logs, "early-media-no-answer-sdp.xml")
    check(call.ended()[0]["reason"] == "hung up", f"{call.ended()}")


def case_ctrl_c(md, logs):
    """Ctrl+C during a call: BYE first, then exit 0; the account is
    unregistered on the way out."""
    with peers.Kamailio(USERS, logs=logs) as kamailio, \
         peers.Baresip(kamailio.port, BRIDGE_USER, BRIDGE_PASSWORD, logs=logs) as bridge:
        md.add_account("work", kamailio.port, "alice", PASSWORD)
        call = md.start_call(f"tel:{BRIDGE_USER}", "--mic", "tone:440", "--speaker", "null")
        call.wait_state("active")
        bridge.wait_event("CALL_ESTABLISHED", timeout=5)
        call.proc.send_signal(signal.SIGINT)
        rc = call.wait(15)
        check(rc == 0, f"exit {rc} after Ctrl+C: {call.stderr.decode()}")
        check(call.ended()[0]["reason"] == "hung up", f"{call.ended()}")
        closed = bridge.wait_event("CALL_CLOSED", timeout=5)
        check("BYE" in closed.get("param", "") or "Connection reset" in closed.get("param", ""),
              f"the bridge saw {closed.get('param')!r}, not our BYE")
        unregistered = peers.wait_for(
            lambda: "alice contact=" in kamailio.log_text() and
            any("REGISTERED alice" in line and "expires=0" in line
                for line in kamailio.log_text().splitlines()),
            5, "the unREGISTER (expires=0) in Kamailio's log")
        check(unregistered, "no unREGISTER")


def case_registrar_restart(md, logs):
    """The registrar goes away and comes back: we notice at the next
    refresh, back off, and register again with the new one."""
    kamailio = peers.Kamailio(USERS, max_expires=3, logs=logs).start()
    port = kamailio.port
    listener = None
    try:
        md.add_account("work", port, "alice", PASSWORD, transport="tcp")
        listener = listen(md, "--mic", "null", "--speaker", "null")
        listener.wait_event(lambda e: e.get("event") == "registered", 10, "registration")
        kamailio.stop()
        failed = listener.wait_event(lambda e: e.get("event") == "registration"
                                     and e.get("state") == "failed", 10, "a failed refresh")
        kamailio = peers.Kamailio(USERS, max_expires=3, port=port, logs=logs).start()
        again = listener.wait_event(lambda e: e.get("event") == "registered"
                                    and e["t"] > failed["t"], 20, "a new registration")
        check(again["t"] - failed["t"] < 15, "re-registration took too long")
        peers.wait_for(lambda: "REGISTERED alice" in kamailio.log_text(), 5,
                       "the new registrar to have alice")
    finally:
        if listener:
            listener.proc.send_signal(signal.SIGINT)
            rc = listener.wait(15)
        kamailio.stop()
    check(rc == 0, f"listen exited {rc}")


INVITATION = """Join Zoom Meeting
https://zoom.us/j/84512345678

Meeting ID: 845 1234 5678
Passcode: 731904

Dial by your location
        +1 646 555 0100 US (New York)
"""


def case_invitation(md, logs):
    """TARGET is an invitation file: its preferred number is called and the
    meeting ID, then the passcode, go out after their pauses."""
    number = "+16465550100"
    users = dict(USERS, **{number: BRIDGE_PASSWORD})
    invitation = os.path.join(md.config, "invite.txt")
    with open(invitation, "w") as f:
        f.write(INVITATION)
    with peers.Kamailio(users, logs=logs) as kamailio, \
         peers.Baresip(kamailio.port, number, BRIDGE_PASSWORD, logs=logs) as bridge:
        md.add_account("work", kamailio.port, "alice", PASSWORD)
        call = md.start_call(invitation, "--mic", "tone:440", "--speaker", "null",
                             "--pause-ms", "300", "--hangup-after", "7")
        rc = call.wait(30)
        check(rc == 0, f"call exited {rc}: {call.stderr.decode()}")
        digits = "".join(d for d, _ in bridge.dtmf())
        check(digits == "84512345678#*731904#", f"the bridge received {digits!r}")
    for output in md.outputs:
        check(b"84512345678" not in output and b"731904" not in output,
              "the meeting ID or passcode leaked into the CLI's output")


def add_test_account(md, *options):
    """`account add x` with a password on stdin and @options: what the CLI
    makes of them."""
    return md.run("account", "add", "x", "--server", "127.0.0.1", "--user", "u", *options,
                  "--password-stdin", input=b"pw\n")


def case_account_cli(md, logs):
    """account add / list / check / remove, and the refusals a user meets."""
    with peers.Kamailio(USERS, logs=logs) as kamailio:
        md.add_account("work", kamailio.port, "alice", PASSWORD, transport="tcp")
        listed = md.run("account", "list", "--json")
        check(listed.returncode == 0, listed.stderr.decode())
        accounts = json.loads(listed.stdout)
        check([a["name"] for a in accounts] == ["work"] and accounts[0]["transport"] == "tcp",
              f"listed {accounts}")
        checked = md.run("account", "check", "work", timeout=30)
        check(checked.returncode == 0 and b"registered" in checked.stdout,
              f"check: {checked.returncode} {checked.stdout!r} {checked.stderr!r}")
    no_ca = add_test_account(md, "--transport", "tls", "--ca-file", "/nonexistent/ca.pem")
    check(no_ca.returncode == 3 and b"/nonexistent/ca.pem" in no_ca.stderr,
          f"missing CA file: {no_ca.stderr!r}")
    ca_udp = add_test_account(md, "--ca-file", "/etc/hostname")
    check(ca_udp.returncode == 3 and b"tls" in ca_udp.stderr, f"CA file on UDP: {ca_udp.stderr!r}")
    # Servers as users paste them: each refused saying what to change.
    for server, says in (("127.0.0.1:99999", b"from 1 to 65535"),
                         ("sip:alice@127.0.0.1", "the part after “@”".encode()),
                         ("sips:127.0.0.1", b"choose TLS as the transport"),
                         ("127.0.0.1;transport=tls", b"choose TLS as the transport"),
                         ("127.0.0.1;maddr=10.0.0.1", b"such as sip.example.net"),
                         ("-pbx.example.net", b"such as sip.example.net")):
        refused = md.run("account", "add", "x", "--server", server, "--user", "u",
                         "--password-stdin", input=b"pw\n")
        check(refused.returncode == 3 and says in refused.stderr,
              f"the server {server!r}: {refused.returncode} {refused.stderr!r}")
    # A transport in the URI that agrees with the account's is taken off.
    agreed = md.run("account", "add", "x", "--server", "127.0.0.1;Transport=TCP", "--user", "u",
                    "--transport", "tcp", "--outbound-proxy", "sip:127.0.0.1:5070;lr;transport=tcp",
                    "--password-stdin", input=b"pw\n")
    listed = [a for a in json.loads(md.run("account", "list", "--json").stdout)
              if a["name"] == "x"]
    check(agreed.returncode == 0 and
          [(a["server"], a["outbound_proxy"]) for a in listed] == [("127.0.0.1", "127.0.0.1:5070")],
          f"a transport in the URI that agrees: {agreed.stderr!r} {listed}")
    md.run("account", "remove", "x")
    other = add_test_account(md, "--outbound-proxy", "proxy.example.net;transport=tls")
    check(other.returncode == 3 and b"outbound proxy" in other.stderr
          and b"choose TLS as the transport" in other.stderr,
          f"a proxy asking for another transport: {other.stderr!r}")
    bare_v6 = md.run("account", "add", "v6", "--server", "::1", "--user", "u",
                     "--password-stdin", input=b"pw\n")
    check(bare_v6.returncode == 0, f"the server '::1': {bare_v6.stderr!r}")
    listed = json.loads(md.run("account", "list", "--json").stdout)
    check([a["server"] for a in listed if a["name"] == "v6"] == ["[::1]"], f"listed {listed}")
    md.run("account", "remove", "v6")
    no_stdin = md.run("account", "add", "x", "--server", "127.0.0.1", "--user", "u")
    check(no_stdin.returncode == 2 and b"--password-stdin" in no_stdin.stderr,
          f"no --password-stdin: {no_stdin.stderr!r}")
    empty = md.run("account", "add", "x", "--server", "127.0.0.1", "--user", "u",
                   "--password-stdin", input=b"\n")
    check(empty.returncode == 3, f"empty password accepted: {empty.stderr!r}")
    removed = md.run("account", "remove", "work")
    check(removed.returncode == 0, removed.stderr.decode())
    listed = md.run("account", "list", "--json")
    check(listed.stdout.strip() == b"[]", f"still listed: {listed.stdout!r}")
    missing = md.run("call", "tel:+15550100", "--account", "work")
    check(missing.returncode == 1 and b"no SIP account called" in missing.stderr,
          f"call with a removed account: {missing.stderr!r}")
    no_secrets(md)


def case_auth_user(md, logs):
    """A provider that gives a sign-in name apart from the SIP user (a PBX
    extension with an auth ID): the account registers and calls as its user,
    signing in with that name; without it, the password is refused."""
    with peers.Kamailio(USERS, signs_in={"100": "alice"}, logs=logs) as kamailio, \
         peers.Baresip(kamailio.port, BRIDGE_USER, BRIDGE_PASSWORD, logs=logs) as bridge:
        md.add_account("pbx", kamailio.port, "100", PASSWORD, auth_user="alice")
        listed = md.run("account", "list", "--json")
        accounts = json.loads(listed.stdout)
        check([(a["user"], a["auth_user"]) for a in accounts] == [("100", "alice")],
              f"listed {accounts}")
        text = md.run("account", "list").stdout
        check(b"signs in as alice" in text, f"the list does not show the sign-in name: {text!r}")
        checked = md.run("account", "check", "pbx", timeout=30)
        check(checked.returncode == 0 and b"registered" in checked.stdout,
              f"check: {checked.returncode} {checked.stdout!r} {checked.stderr!r}")
        check("REGISTERED 100 " in kamailio.log_text(), "Kamailio did not register user 100")
        call = md.start_call(f"tel:{BRIDGE_USER}", "--mic", "null", "--speaker", "null",
                             "--hangup-after", "1")
        rc = call.wait(30)
        ended = call.ended()
        check(rc == 0 and ended and ended[0]["reason"] == "hung up",
              f"call exited {rc}, ended {ended}: {call.stderr.decode()}")
        check("INVITE from 100 " in kamailio.log_text(), "the INVITE was not from user 100")
        bridge.wait_event("CALL_CLOSED", timeout=5)
        # The same account without the sign-in name: refused, as a wrong password.
        md.add_account("pbx", kamailio.port, "100", PASSWORD)
        refused = md.run("account", "check", "pbx", timeout=30)
        check(refused.returncode == 1 and b"refused the password" in refused.stderr,
              f"check without the sign-in name: {refused.returncode} {refused.stderr!r}")
    quoted = add_test_account(md, "--auth-user", 'a"b')
    check(quoted.returncode == 3 and b"authentication name" in quoted.stderr,
          f"a quote in the sign-in name: {quoted.returncode} {quoted.stderr!r}")
    no_secrets(md)


def pin_call(md, bridge):
    """A short call without audio to tel:+15550100,,PIN: the bridge gets the PIN."""
    call = md.start_call(f"tel:{BRIDGE_USER},,{PIN}", "--mic", "null", "--speaker", "null",
                         "--pause-ms", "300", "--hangup-after", "3")
    rc = call.wait(30)
    check(rc == 0, f"call exited {rc}: {call.stderr.decode()}")
    digits = "".join(d for d, _ in bridge.dtmf())
    check(digits == PIN, f"the bridge received {digits!r}, not the PIN")
    return call


def case_outbound_proxy(md, logs):
    """A provider that names an outbound proxy apart from its registrar: the
    REGISTER is addressed to the registrar, a name nothing here resolves,
    and goes to the proxy (Kamailio), as does the call; over TLS the
    certificate checked is the proxy's."""
    need_localhost_in_hosts()
    certs = tls_certs(md)
    with peers.Kamailio(USERS, logs=logs, tls=certs.server) as kamailio, \
         peers.Baresip(kamailio.port, BRIDGE_USER, BRIDGE_PASSWORD, logs=logs) as bridge:
        md.add_account("provider", 5060, "alice", PASSWORD, host=REGISTRAR,
                       outbound_proxy=f"127.0.0.1:{kamailio.port}")
        listed = json.loads(md.run("account", "list", "--json").stdout)
        check([(a["server"], a["outbound_proxy"]) for a in listed]
              == [(f"{REGISTRAR}:5060", f"127.0.0.1:{kamailio.port}")], f"listed {listed}")
        text = md.run("account", "list").stdout.decode()
        check(f"through 127.0.0.1:{kamailio.port}" in text, f"the list does not show the proxy: {text!r}")
        pin_call(md, bridge)
        log = kamailio.log_text()
        check(f"INVITE from alice proto=udp ruri=sip:{BRIDGE_USER}@{REGISTRAR};user=phone" in log,
              "the INVITE did not come through the proxy for the registrar's domain:\n" + log[-2000:])
        checked = md.run("account", "check", "provider", timeout=30)
        check(checked.returncode == 0, f"check: {checked.stdout!r} {checked.stderr!r}")
        check(f"proto=udp ruri=sip:{REGISTRAR}:5060" in kamailio.log_text(),
              "the REGISTER was not addressed to the registrar")

        md.add_account("provider-tls", 5061, "alice", PASSWORD, "tls", ca_file=certs.ca,
                       host=REGISTRAR, outbound_proxy=f"localhost:{kamailio.tls_port}")
        checked = md.run("account", "check", "provider-tls", timeout=30)
        check(checked.returncode == 0, f"check over TLS: {checked.stdout!r} {checked.stderr!r}")
        check(f"proto=tls ruri=sip:{REGISTRAR}:5061;transport=tls" in kamailio.log_text(),
              "the REGISTER over TLS was not addressed to the registrar")
    # As providers write them: a URI with "lr", pasted with a space.
    pasted = md.run("account", "add", "x", "--server", " SIP:registrar.example.net:5060 ",
                    "--user", "u", "--outbound-proxy", "sip:proxy.example.net;lr",
                    "--password-stdin", input=b"pw\n")
    check(pasted.returncode == 0, f"a pasted proxy URI: {pasted.stderr!r}")
    listed = [a for a in json.loads(md.run("account", "list", "--json").stdout)
              if a["name"] == "x"]
    check([(a["server"], a["outbound_proxy"]) for a in listed]
          == [("registrar.example.net:5060", "proxy.example.net")], f"listed {listed}")
    bad = add_test_account(md, "--outbound-proxy", "sips:proxy.example.net;transport=tcp")
    check(bad.returncode == 3 and b"outbound proxy" in bad.stderr,
          f"a sips: URI with parameters as the outbound proxy: {bad.returncode} {bad.stderr!r}")
    no_secrets(md)


def case_international_prefix(md, logs):
    """A provider that refuses numbers written with "+" and wants 00 in its
    place: with that as the account's international prefix, tel:+15550100
    goes as sip:0015550100@… (without user=phone: no longer a number in
    global form) and reaches the bridge the provider knows by that name."""
    bridge_user = "00" + BRIDGE_USER[1:]
    with peers.Kamailio({"alice": PASSWORD, bridge_user: BRIDGE_PASSWORD}, logs=logs) as kamailio, \
         peers.Baresip(kamailio.port, bridge_user, BRIDGE_PASSWORD, logs=logs) as bridge:
        md.add_account("provider", kamailio.port, "alice", PASSWORD, international_prefix=" 00 ")
        listed = json.loads(md.run("account", "list", "--json").stdout)
        check([a["international_prefix"] for a in listed] == ["00"], f"listed {listed}")
        text = md.run("account", "list").stdout.decode()
        check("dials + as 00" in text, f"the list does not show the prefix: {text!r}")
        pin_call(md, bridge)
        log = kamailio.log_text()
        check(f"ruri=sip:{bridge_user}@127.0.0.1\n" in log,
              "the INVITE was not for the number with the prefix alone:\n" + log[-2000:])
    bad = add_test_account(md, "--international-prefix", "+00")
    check(bad.returncode == 3 and b"international prefix" in bad.stderr,
          f"a prefix that is not digits: {bad.returncode} {bad.stderr!r}")
    no_secrets(md)


def case_no_register(md, logs):
    """An account that only calls out (its provider keeps one registration,
    which a desk phone holds): it never registers, its calls still sign in
    and reach the bridge; `listen` refuses it, and `account check` still
    registers once to test the password."""
    with peers.Kamailio(USERS, logs=logs) as kamailio, \
         peers.Baresip(kamailio.port, BRIDGE_USER, BRIDGE_PASSWORD, logs=logs) as bridge:
        md.add_account("desk", kamailio.port, "alice", PASSWORD, register=False)
        listed = json.loads(md.run("account", "list", "--json").stdout)
        check([a["register"] for a in listed] == [False], f"listed {listed}")
        text = md.run("account", "list").stdout.decode()
        check("calls out only" in text, f"the list does not say it only calls out: {text!r}")
        call = pin_call(md, bridge)
        kinds = [e["event"] for e in call.events]
        check("registered" not in kinds and "registration" not in kinds,
              f"the account registered: {call.events}")
        log = kamailio.log_text()
        check("INVITE from alice" in log, "the call did not go through the account")
        check("REGISTERED alice" not in log, "alice registered:\n" + log[-2000:])
        listening = md.run("listen", "--account", "desk", timeout=30)
        check(listening.returncode == 1 and b"only calls out" in listening.stderr,
              f"listen with it: {listening.returncode} {listening.stderr!r}")
        checked = md.run("account", "check", "desk", timeout=30)
        check(checked.returncode == 0 and "REGISTERED alice" in kamailio.log_text(),
              f"check: {checked.returncode} {checked.stdout!r} {checked.stderr!r}")
    no_secrets(md)


def case_call_keepalive(md, logs):
    """A call through an account that only calls out, so no registration
    keeps a NAT mapping open for it: while the call runs, a blank line
    (CRLF CRLF) goes from the SIP port to the proxy that answered every
    25 s, so that the far end's BYE or session refresh minutes later still
    reaches us behind a NAT router."""
    with peers.Kamailio(USERS, logs=logs) as kamailio, \
         peers.Capture(logs, kamailio.port) as capture, \
         peers.Baresip(kamailio.port, BRIDGE_USER, BRIDGE_PASSWORD, logs=logs) as bridge:
        md.add_account("desk", kamailio.port, "alice", PASSWORD, register=False)
        call = md.start_call(f"tel:{BRIDGE_USER},,{PIN}", "--mic", "null", "--speaker", "null",
                             "--pause-ms", "300", "--hangup-after", "30")
        port = sip_port(call)
        call.wait_state("active", 15)
        answered = time.time()
        blank = f"udp.payload == 0d:0a:0d:0a && udp.srcport == {port}"
        sent = peers.wait_for(lambda: capture.fields(blank, "frame.time_epoch", growing=True),
                              35, "a keep-alive during the call")
        rc = call.wait(30)
        check(rc == 0, f"call exited {rc}: {call.stderr.decode()}")
        after = float(sent[0][0]) - answered
        check(23 <= after <= 28, f"the first keep-alive came {after:.1f} s after answer, not 25 s")
        digits = "".join(d for d, _ in bridge.dtmf())
        check(digits == PIN, f"the bridge received {digits!r}, not the PIN")
        check("REGISTERED alice" not in kamailio.log_text(), "alice registered")
    no_secrets(md)


def case_human_output(md, logs):
    """What a person reads from `call` (no --json-events): the target with
    its PIN masked, the call's steps, one line of dots that grows as the
    PIN goes and as a key is typed, and how it ended; never a digit of the
    PIN."""
    with peers.Kamailio(USERS, logs=logs) as kamailio, \
         peers.Baresip(kamailio.port, BRIDGE_USER, BRIDGE_PASSWORD, logs=logs) as bridge:
        md.add_account("work", kamailio.port, "alice", PASSWORD)
        env = dict(md.env, G_MESSAGES_DEBUG="")
        proc = subprocess.Popen([md.cli, "call", f"tel:{BRIDGE_USER},,{PIN}", "--mic", "null",
                                 "--speaker", "null", "--pause-ms", "300"], env=env,
                                stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE)
        try:
            peers.wait_for(lambda: len(bridge.dtmf()) == len(PIN), 20, "the PIN at the bridge")
            proc.stdin.write(b"5")
            proc.stdin.flush()
            peers.wait_for(lambda: len(bridge.dtmf()) == len(PIN) + 1, 10, "the typed key")
            proc.stdin.write(b"h")
            proc.stdin.flush()
            stdout, stderr = proc.communicate(timeout=15)
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
        md.outputs.append(stdout + stderr)
        check(proc.returncode == 0, f"call exited {proc.returncode}: {stderr!r}")
        lines = stdout.decode().splitlines()
        masked = "•" * len(PIN)
        check(lines[0] == f"Dialing tel:{BRIDGE_USER},,{masked}", f"first line {lines[0]!r}")
        check("Ringing…" in lines, f"no word of the ringing: {lines}")
        check(any(line.startswith("Connected (keys: ") for line in lines), f"lines {lines}")
        check(f"Touch tones sent: {masked}•" in lines, f"no line of the tones sent: {lines}")
        check(lines[-1] == "Call ended: You hung up", f"last line {lines[-1]!r}")
    no_secrets(md)


def case_keys_before_answer(md, logs):
    """A key typed while the call rings is not sent, and the user is told:
    kept for later, it would go in front of the PIN and spoil it."""
    with peers.Kamailio(USERS, logs=logs) as kamailio, \
         peers.Baresip(kamailio.port, BRIDGE_USER, BRIDGE_PASSWORD, answer="manual",
                       logs=logs) as bridge:
        md.add_account("work", kamailio.port, "alice", PASSWORD)
        md.env["G_MESSAGES_DEBUG"] = ""
        call = Call(md, ["call", f"tel:{BRIDGE_USER},,{PIN}", "--mic", "null",
                         "--speaker", "null", "--pause-ms", "300", "--hangup-after", "3"],
                    subprocess.PIPE)
        try:
            peers.wait_for(lambda: "Ringing…".encode() in call.stdout, 15, "the call to ring")
            call.keys("5")
            peers.wait_for(lambda: b"Touch tone not sent: the call is not connected" in call.stdout,
                           10, "word that the key was not sent")
            bridge.command("accept")
            rc = call.wait(30)
        finally:
            call.kill()
        check(rc == 0, f"call exited {rc}: {call.stderr!r}")
        digits = "".join(d for d, _ in bridge.dtmf())
        check(digits == PIN, f"the bridge received {digits!r}, not the PIN")
    no_secrets(md)


def case_account_not_set_up(md, logs):
    """A TLS account whose CA file is not a certificate cannot be set up:
    its call ends saying so, and no INVITE leaves without the account (as
    nobody, in the clear) to the number's host."""
    bad_ca = os.path.join(md.config, "not-a-certificate.pem")
    with open(bad_ca, "w") as f:
        f.write("not a certificate\n")
    with peers.Kamailio(USERS, logs=logs) as kamailio, peers.Capture(logs, 5060) as capture:
        md.add_account("work", kamailio.port, "alice", PASSWORD, "tls", ca_file=bad_ca)
        call = md.start_call(f"tel:{BRIDGE_USER}", "--mic", "null", "--speaker", "null")
        rc = call.wait(30)
        check(rc == 1, f"call exited {rc}: {call.stderr!r}")
        ended = call.ended()
        check(ended and ended[0]["reason"] == "failed"
              and "account could not be set up" in ended[0]["message"],
              f"the call's end: {ended} {call.stderr!r}")
        check("INVITE" not in kamailio.log_text(), "an INVITE reached the registrar")
        invites = capture.fields("sip.Method == \"INVITE\"", "sip.r-uri", growing=True)
        check(not invites, f"an INVITE went out without the account: {invites}")
    no_secrets(md)


def case_redirect(md, logs):
    """A server that redirects the call (302 with a Contact elsewhere): the
    INVITE goes again to that address (libre does it), which answers; a
    server that redirects back to itself every time ends the call after
    libre's limit, saying it was a loop."""
    with peers.Sipp("answer-silent.xml", logs=logs) as callee, \
         peers.Sipp("redirect.xml", logs=logs,
                    extra=("-set", "target_port", str(callee.port))) as redirector:
        call = md.start_call(f"sip:room@127.0.0.1:{redirector.port}", "--mic", "null",
                             "--speaker", "null", "--hangup-after", "1")
        rc = call.wait(30)
        ended = call.ended()
        check(rc == 0 and ended and ended[0]["reason"] == "hung up",
              f"call exited {rc}, ended {ended}: {call.stderr.decode()}")
        check(redirector.wait(10) == 0, "the redirecting server did not complete:\n"
              + redirector.messages()[-3000:])
        check(callee.wait(10) == 0, "the callee did not complete:\n" + callee.messages()[-3000:])
    with peers.Sipp("redirect-loop.xml", logs=logs) as loop:
        call = md.start_call(f"sip:room@127.0.0.1:{loop.port}", "--mic", "null",
                             "--speaker", "null")
        rc = call.wait(30)
        ended = call.ended()
        check(rc == 1 and ended and ended[0]["reason"] == "failed"
              and "302 Moved Temporarily, redirected in a loop" in ended[0]["message"],
              f"call exited {rc}, ended {ended}: {call.stderr.decode()}")
        invites = loop.messages().count("INVITE sip:room@")
        check(invites == REDIRECT_LIMIT, f"{invites} INVITEs, not libre's {REDIRECT_LIMIT}")


def case_min_expires(md, logs):
    """A registrar that wants a longer expiry than we ask for (423 Interval
    Too Brief with Min-Expires): the account asks again for that long and
    registers; at the end it unregisters."""
    with peers.Sipp("register-min-expires.xml", logs=logs) as registrar:
        md.add_account("strict", registrar.port, "alice", PASSWORD)
        checked = md.run("account", "check", "strict", timeout=30)
        check(checked.returncode == 0 and b"registered" in checked.stdout,
              f"check: {checked.returncode} {checked.stdout!r} {checked.stderr!r}")
        check(registrar.wait(10) == 0, "sipp did not complete:\n" + registrar.messages()[-3000:])


def case_digest_sha256(md, logs):
    """A server that asks for SHA-256 digest (RFC 8760, with MD5 after it),
    which libre 1.1.0 cannot answer: registration and call end saying so,
    not as a wrong password, and the registration is not retried."""
    with peers.Sipp("digest-sha256-register.xml", logs=logs) as registrar:
        md.add_account("sha", registrar.port, "alice", PASSWORD)
        checked = md.run("account", "check", "sha", timeout=30)
        err = checked.stderr.decode()
        check(checked.returncode == 1, f"check exited {checked.returncode}: {err}")
        check("SHA-256 digest login" in err and "password" not in err,
              f"the refusal is not explained: {err!r}")
        check(registrar.wait(10) == 0, "sipp did not complete:\n" + registrar.messages()[-3000:])
        check(registrar.messages().count("REGISTER sip:") == 1, "the registration was retried")
    md.run("account", "remove", "sha")
    with peers.Sipp("digest-sha256-invite.xml", logs=logs) as proxy:
        call = md.start_call(f"sip:room@127.0.0.1:{proxy.port}", "--mic", "null",
                             "--speaker", "null")
        rc = call.wait(20)
        ended = call.ended()
        check(rc == 1 and ended and ended[0]["reason"] == "failed",
              f"call exited {rc}, ended {ended}")
        check("SHA-256 digest login" in ended[0]["message"], f"{ended[0]['message']!r}")
        check(proxy.wait(10) == 0, "sipp did not complete:\n" + proxy.messages()[-3000:])


def case_dtmf_mode_sip_info(md, logs):
    """The dtmf-mode setting forces SIP INFO even where telephone-events
    were negotiated; the bridge still receives the PIN."""
    md.gsettings("dtmf-mode", "sip-info")
    with peers.Kamailio(USERS, logs=logs) as kamailio, \
         peers.Baresip(kamailio.port, BRIDGE_USER, BRIDGE_PASSWORD, logs=logs) as bridge:
        md.add_account("work", kamailio.port, "alice", PASSWORD)
        call = md.start_call(f"tel:{BRIDGE_USER},12#", "--mic", "tone:440", "--speaker", "null",
                             "--pause-ms", "300", "--hangup-after", "3")
        rc = call.wait(20)
        check(rc == 0, f"call exited {rc}: {call.stderr.decode()}")
        digits = "".join(d for d, _ in bridge.dtmf())
        check(digits == "12#", f"the bridge received {digits!r}")
        infos = kamailio.log_text().count("IN-DIALOG INFO")
        check(infos == 3, f"{infos} SIP INFOs went through the proxy, not 3")


def case_dtmf_mode_unusable(md, logs):
    """dtmf-mode forced to in-band tones, in a call that settles on Opus
    (in-band needs G.711): the user is told once why the PIN could not be
    sent, no digit is counted as sent, and the call goes on until hung up;
    no GLib warning on the terminal."""
    md.gsettings("dtmf-mode", "inband")
    with peers.Kamailio(USERS, logs=logs) as kamailio, \
         peers.Baresip(kamailio.port, BRIDGE_USER, BRIDGE_PASSWORD, codecs="opus/48000/2",
                       logs=logs) as bridge:
        md.add_account("work", kamailio.port, "alice", PASSWORD)
        call = md.start_call(f"tel:{BRIDGE_USER},{PIN}", "--mic", "tone:440", "--speaker", "null",
                             "--pause-ms", "300", "--hangup-after", "3")
        rc = call.wait(20)
        check(rc == 0, f"call exited {rc}: {call.stderr.decode()}")
        failed = [e for e in call.events if e.get("event") == "dtmf_failed"]
        check(len(failed) == 1 and "G.711" in failed[0]["message"], f"told {failed}")
        sent = [e for e in call.events if e.get("event") == "dtmf"]
        check(not sent, f"digits counted as sent: {sent}")
        check(bridge.dtmf() == [], f"the bridge received {bridge.dtmf()}")
        check(b"WARNING" not in call.stderr, f"a GLib warning: {call.stderr.decode()[-800:]}")
    no_secrets(md)


def case_remote_hold(md, logs):
    """The far end holds and resumes by re-INVITE: the call stays up, also
    through a silence longer than the RTP timeout, the media follows each
    new offer, and we still hear the far end after."""
    heard = os.path.join(md.config, "heard.wav")
    md.env["MEETDIAL_RTP_TIMEOUT_MS"] = "1000"
    with peers.Kamailio(USERS, logs=logs) as kamailio, \
         peers.Baresip(kamailio.port, BRIDGE_USER, BRIDGE_PASSWORD, logs=logs) as bridge:
        md.add_account("work", kamailio.port, "alice", PASSWORD)
        call = md.start_call(f"tel:{BRIDGE_USER}", "--mic", "tone:440",
                             "--speaker", f"file:{heard}", "--hangup-after", "6")
        call.wait_state("active")
        bridge.wait_event("CALL_ESTABLISHED", timeout=5)
        n = len(bridge.events)
        bridge.command("hold")
        peers.wait_for(lambda: kamailio.log_text().count("IN-DIALOG INVITE") >= 1, 5,
                       "the hold re-INVITE")
        # baresip sends nothing while it holds, as many phones: a window
        # well past the RTP timeout, in which the call must not end.
        time.sleep(2.5)
        check(not call.ended(), f"the call ended while held: {call.ended()}")
        bridge.command("resume")
        peers.wait_for(lambda: kamailio.log_text().count("IN-DIALOG INVITE") >= 2, 5,
                       "the resume re-INVITE")
        rc = call.wait(20)
        check(rc == 0, f"call exited {rc}: {call.stderr.decode()}")
        check(call.ended()[0]["reason"] == "hung up", f"{call.ended()}")
        check("CALL_CLOSED" not in [e.get("type") for e in bridge.events[n:-1]],
              "the call dropped during hold")
    check(tone_frequency(heard) in range(900, 1100), "we did not hear the bridge")


def tls_certs(md):
    directory = os.path.join(md.config, "certs")
    os.makedirs(directory)
    return peers.Certs(directory)


def case_remote_hold_pin(md, logs):
    """The far end holds the call while the plan waits to send the PIN:
    the digits wait for its resume, then all of them go."""
    with peers.Kamailio(USERS, logs=logs) as kamailio, \
         peers.Baresip(kamailio.port, BRIDGE_USER, BRIDGE_PASSWORD, logs=logs) as bridge:
        md.add_account("work", kamailio.port, "alice", PASSWORD)
        call = md.start_call(f"tel:{BRIDGE_USER},,{PIN}", "--mic", "tone:440", "--speaker", "null",
                             "--pause-ms", "1000", "--hangup-after", "8")
        call.wait_state("active")
        bridge.wait_event("CALL_ESTABLISHED", timeout=5)
        bridge.command("hold")
        peers.wait_for(lambda: kamailio.log_text().count("IN-DIALOG INVITE") >= 1, 5,
                       "the hold re-INVITE")
        # A window past both pauses, in which nothing may be sent.
        time.sleep(2.5)
        check(bridge.dtmf() == [], f"digits went out while held: {bridge.dtmf()}")
        bridge.command("resume")
        peers.wait_for(lambda: len(bridge.dtmf()) == len(PIN), 10, "the PIN after the resume")
        rc = call.wait(20)
        check(rc == 0, f"call exited {rc}: {call.stderr.decode()}")
        digits = "".join(d for d, _ in bridge.dtmf())
        check(digits == PIN, f"the bridge received {digits!r}, not the PIN")
        failed = [e for e in call.events if e.get("event") == "dtmf_failed"]
        check(not failed, f"told the PIN failed: {failed}")
    no_secrets(md)


def case_tls_no_srtp(md, logs):
    """A TLS account's call offers SRTP (the srtp setting's "auto"); a
    bridge without SRTP refuses it: the call fails saying the far end may
    not take encrypted audio, not that it offers no audio format."""
    certs = tls_certs(md)
    with peers.Kamailio(USERS, logs=logs, tls=certs.server) as kamailio, \
         peers.Baresip(kamailio.port, BRIDGE_USER, BRIDGE_PASSWORD, logs=logs):
        md.add_account("work", kamailio.tls_port, "alice", PASSWORD, "tls", ca_file=certs.ca)
        call = md.start_call(f"tel:{BRIDGE_USER}", "--mic", "null", "--speaker", "null")
        rc = call.wait(30)
        ended = call.ended()
        check(rc == 1 and ended and ended[0]["reason"] == "failed"
              and "encrypted audio (SRTP)" in ended[0]["message"],
              f"call exited {rc}: {ended} {call.stderr.decode()[-800:]}")
    no_secrets(md)


def case_tls_bridge(md, logs):
    """Register (digest auth) and call the bridge over TLS, trusting a
    private CA through --ca-file: the PIN arrives, audio flows, and the
    SIP on the wire to the registrar's TLS port is not readable."""
    certs = tls_certs(md)
    heard = os.path.join(md.config, "heard.wav")
    # A TLS account's calls are SRTP (the srtp setting's "auto"): the bridge
    # takes SDES-SRTP.
    with peers.Kamailio(USERS, logs=logs, tls=certs.server) as kamailio, \
         peers.Baresip(kamailio.port, BRIDGE_USER, BRIDGE_PASSWORD, logs=logs,
                       extra_modules=["srtp.so"], extra_account=";mediaenc=srtp") as bridge, \
         peers.Capture(logs, kamailio.tls_port) as capture:
        md.add_account("work", kamailio.tls_port, "alice", PASSWORD, "tls", ca_file=certs.ca)
        call = md.start_call(f"tel:{BRIDGE_USER},,{PIN}", "--mic", "tone:440",
                             "--speaker", f"file:{heard}", "--pause-ms", "300",
                             "--hangup-after", "4")
        rc = call.wait(30)
        check(rc == 0, f"call exited {rc}: {call.stderr.decode()}")
        digits = "".join(d for d, _ in bridge.dtmf())
        check(digits == PIN, f"the bridge received {digits!r}, not the PIN")
        log = kamailio.log_text()
        check("REGISTERED alice" in log and "proto=tls" in log.split("REGISTERED alice")[1],
              "Kamailio did not register alice over TLS")
        check("INVITE from alice proto=tls" in log, "the INVITE did not come over TLS")
        wire = capture.stop()
        check(len(wire) > 2000, f"the capture of the TLS port holds only {len(wire)} bytes")
        for clear in (b"REGISTER sip:", b"INVITE sip:", b"Digest ", b"m=audio"):
            check(clear not in wire, f"{clear!r} crossed the TLS port in the clear")
    check(tone_frequency(heard) in range(900, 1100), "we did not hear the bridge over a TLS call")
    no_secrets(md)


def case_direct_server_name(md, logs):
    """A SIP address without an account at a name only the system resolver
    knows ("localhost"): the call goes to its IPv4 address, where the far
    end listens (and not on ::1, which Debian's /etc/hosts gives first),
    and ends normally."""
    need_localhost_in_hosts()
    with peers.Sipp("remote-bye.xml", logs=logs, tone_seconds=10) as sipp:
        call = md.start_call(f"sip:room@localhost:{sipp.port}", "--mic", "tone:440",
                             "--speaker", "null")
        rc = call.wait(30)
        check(rc == 0, f"call exited {rc}: {call.stderr.decode()}")
        check(call.ended()[0]["reason"] == "hung up by far end", f"{call.ended()}")
        check(sipp.wait(10) == 0, "sipp did not complete:\n" + sipp.messages()[-3000:])
        check(f"INVITE sip:room@localhost:{sipp.port}" in sipp.messages(),
              "the Request-URI lost the name")


def case_tls_server_name(md, logs):
    """Over TLS to a server given by name ("localhost:PORT"): the requests
    go to its IPv4 address, the only one the server listens on, and the
    certificate is still checked against the name (it names localhost,
    among others)."""
    need_localhost_in_hosts()
    certs = tls_certs(md)
    with peers.Kamailio(USERS, logs=logs, tls=certs.server) as kamailio:
        md.add_account("named", kamailio.tls_port, "alice", PASSWORD, "tls", ca_file=certs.ca,
                       host="localhost")
        checked = md.run("account", "check", "named", timeout=30)
        check(checked.returncode == 0, f"check: {checked.stdout!r} {checked.stderr!r}")
        log = kamailio.log_text()
        check("REGISTERED alice" in log and "proto=tls" in log.split("REGISTERED alice")[1],
              "Kamailio did not register alice over TLS")


def case_tls_sni(md, logs):
    """A TLS server with a certificate per name it serves, picked by the name
    the client asks for (SNI); without the name it shows one for another
    host. The account at "localhost" gets the one naming localhost."""
    need_localhost_in_hosts()
    certs = tls_certs(md)
    with peers.Kamailio(USERS, logs=logs, tls=certs.wrong_host,
                        sni=certs.server + ("localhost",)) as kamailio:
        md.add_account("named", kamailio.tls_port, "alice", PASSWORD, "tls", ca_file=certs.ca,
                       host="localhost")
        checked = md.run("account", "check", "named", timeout=30)
        check(checked.returncode == 0, f"check: {checked.stdout!r} {checked.stderr!r}")
        check("REGISTERED alice" in kamailio.log_text(), "Kamailio did not register alice")


def case_tls_system_store(md, logs):
    """Without --ca-file the system's CA store decides: a server whose CA
    is in it ($SSL_CERT_DIR, as OpenSSL reads it) registers; the same
    server is refused when its CA is not in the store."""
    certs = tls_certs(md)
    with peers.Kamailio(USERS, logs=logs, tls=certs.server) as kamailio:
        md.add_account("work", kamailio.tls_port, "alice", PASSWORD, "tls")
        listed = json.loads(md.run("account", "list", "--json").stdout)
        check(listed[0]["transport"] == "tls" and listed[0]["ca_file"] == "", f"listed {listed}")
        md.env["SSL_CERT_DIR"] = certs.store()
        checked = md.run("account", "check", "work", timeout=30)
        check(checked.returncode == 0, f"check with the CA in the store: {checked.stderr!r}")
        check("REGISTERED alice" in kamailio.log_text(), "Kamailio did not register alice")
        md.env["SSL_CERT_DIR"] = os.path.join(md.config, "empty-store")
        os.makedirs(md.env["SSL_CERT_DIR"])
        refused = md.run("account", "check", "work", timeout=30)
        check(refused.returncode == 1 and b"trusted certificate authority" in refused.stderr,
              f"check with an empty store: {refused.stderr!r}")


def case_tls_direct(md, logs):
    """A sips: URI without an account goes over TLS too, checked against
    the system's store and the URI's host: the INVITE reaches Kamailio over
    TLS when its CA is in the store, and ends as "certificate not trusted"
    without reaching it when the store is empty."""
    certs = tls_certs(md)
    with peers.Kamailio(USERS, logs=logs, tls=certs.server) as kamailio:
        target = f"sips:room@127.0.0.1:{kamailio.tls_port}"
        md.env["SSL_CERT_DIR"] = certs.store()
        call = md.start_call(target, "--mic", "null", "--speaker", "null")
        call.wait(20)
        check("INVITE from meetdial proto=tls" in kamailio.log_text(),
              f"the INVITE did not reach Kamailio over TLS: {call.events}")
        md.env["SSL_CERT_DIR"] = os.path.join(md.config, "empty-store")
        os.makedirs(md.env["SSL_CERT_DIR"])
        call = md.start_call(target, "--mic", "null", "--speaker", "null")
        rc = call.wait(20)
        ended = call.ended()
        check(rc == 1 and ended and ended[0]["reason"] == "certificate not trusted",
              f"with an empty store: {rc} {ended}")
        check(kamailio.log_text().count("INVITE from meetdial") == 1,
              "an INVITE went to a server whose certificate failed")
        # Redirected to a plain sip: address, the call stays on TLS to the
        # server it was made to: its SDP holds the SRTP keys.
        md.env["SSL_CERT_DIR"] = certs.store()
        call = md.start_call(f"sips:redirected@127.0.0.1:{kamailio.tls_port}", "--mic", "null",
                             "--speaker", "null")
        call.wait(20)
        log = kamailio.log_text()
        check(f"INVITE from meetdial proto=tls ruri=sip:room@127.0.0.1:{kamailio.port}" in log,
              "the redirected INVITE did not stay on TLS:\n" + log[-1500:])


def case_tls_incoming(md, logs):
    """Registered over TLS, we are called (see answer_incoming): Kamailio
    brings the INVITE down the TLS connection our registration opened, and
    the call's audio is SRTP both ways (the caller takes SDES-SRTP)."""
    certs = tls_certs(md)
    with peers.Kamailio(USERS, logs=logs, tls=certs.server) as kamailio, \
         peers.Baresip(kamailio.port, BRIDGE_USER, BRIDGE_PASSWORD, answer="manual", logs=logs,
                       extra_modules=["srtp.so"], extra_account=";mediaenc=srtp") as caller:
        md.add_account("work", kamailio.tls_port, "alice", PASSWORD, "tls", ca_file=certs.ca)
        answer_incoming(md, kamailio, caller)
        log = kamailio.log_text()
        check("REGISTERED alice" in log and "proto=tls" in log.split("REGISTERED alice")[1],
              "Kamailio did not register alice over TLS")
        check(f"INVITE from {BRIDGE_USER} proto=udp" in log, "the caller's INVITE did not pass Kamailio")
    no_secrets(md)


def tls_refused(md, logs, cert, why, private_ca=False):
    """A certificate that fails: `account check` says so in words, and how to
    trust a private certificate authority only where that would help
    (@private_ca); `listen` gives up after one attempt (no retry storm),
    and a call ends with the same reason; Kamailio never sees a SIP
    request."""
    certs = tls_certs(md)
    with peers.Kamailio(USERS, logs=logs, tls=getattr(certs, cert)) as kamailio:
        md.add_account("work", kamailio.tls_port, "alice", PASSWORD, "tls", ca_file=certs.ca)
        checked = md.run("account", "check", "work", timeout=30)
        check(checked.returncode == 1, f"check exited {checked.returncode}")
        stderr = checked.stderr.decode()
        check("certificate could not be verified: " + why in stderr, f"unclear: {stderr!r}")
        check(("--ca-file PATH" in stderr) == private_ca,
              f"the word on trusting a private CA: {stderr!r}")
        check("\x1b[" not in stderr, f"libre's coloured warnings reached stderr: {stderr!r}")

        listener = listen(md, "--mic", "null", "--speaker", "null")
        rc = listener.wait(10)
        check(rc == 1, f"listen exited {rc}, not 1, on an untrusted certificate")
        failed = [e for e in listener.events if e.get("event") == "registration"]
        check(len(failed) == 1 and failed[0]["state"] == "certificate-failed"
              and why in failed[0]["status"], f"registration events {failed}")
        # One handshake for check, one for listen: it did not try again.
        peers.wait_for(lambda: kamailio.log_text().count("TLS accept:error") >= 2, 5,
                       "Kamailio to log the refused handshakes")
        handshakes = kamailio.log_text().count("TLS accept:error")
        check(handshakes == 2, f"{handshakes} refused TLS handshakes, wanted 2")

        call = md.start_call(f"tel:{BRIDGE_USER}", "--mic", "null", "--speaker", "null")
        rc = call.wait(20)
        ended = call.ended()
        check(rc == 1 and ended and ended[0]["reason"] == "certificate not trusted",
              f"call: {rc} {ended}")
        check(ended[0]["message"].startswith("The server’s certificate could not be verified: "
                                              + why), f"call message {ended[0]['message']!r}")
        # The call's REGISTER and INVITE may share one connection attempt.
        handshakes = kamailio.log_text().count("TLS accept:error")
        check(handshakes in (3, 4), f"{handshakes} refused TLS handshakes, wanted 3 or 4")
        check("REGISTERED" not in kamailio.log_text() and "INVITE from" not in kamailio.log_text(),
              "a SIP request went to a server whose certificate failed")
    no_secrets(md)


def case_tls_wrong_host(md, logs):
    tls_refused(md, logs, "wrong_host", "it is for wrong.example.org, not for 127.0.0.1")


def case_tls_unknown_ca(md, logs):
    tls_refused(md, logs, "other_ca", "it is not signed by a trusted certificate authority",
                private_ca=True)


def case_tls_expired(md, logs):
    tls_refused(md, logs, "expired", "it has expired")


def rms(path):
    result = subprocess.run([peers.need("sox", "sox"), path, "-n", "remix", "1", "stat"],
                            capture_output=True, text=True)
    for line in result.stderr.splitlines():
        if line.startswith("RMS     amplitude:"):
            return float(line.split(":")[1])
    raise AssertionError(f"sox could not read {path}: {result.stderr}")


def case_mute(md, logs):
    """`m` mutes: the bridge records silence instead of our tone."""
    with peers.Kamailio(USERS, logs=logs) as kamailio, \
         peers.Baresip(kamailio.port, BRIDGE_USER, BRIDGE_PASSWORD, logs=logs) as bridge:
        md.add_account("work", kamailio.port, "alice", PASSWORD)
        call = md.start_call(f"tel:{BRIDGE_USER}", "--mic", "tone:440", "--speaker", "null",
                             "--hangup-after", "3")
        call.wait_state("active")
        call.keys("m")
        muted = call.wait_event(lambda e: e.get("event") == "mute", 5, "the mute event")
        check(muted["muted"] == "true", f"{muted}")
        rc = call.wait(20)
        check(rc == 0, f"call exited {rc}")
        bridge.wait_event("CALL_CLOSED", timeout=5)
        recording = bridge.recordings("-dec.wav")[-1]
        # The first moments before the key may hold tone; the rest must not.
        level = rms_after(recording, 1.0)
        check(level < 0.01, f"the bridge still hears us while muted: RMS {level}")


def rms_after(path, seconds):
    trimmed = path + ".tail.wav"
    subprocess.run([peers.need("sox", "sox"), path, trimmed, "trim", str(seconds)], check=True)
    return rms(trimmed)


def case_valgrind(md, logs):
    """The main flow with meetdial-cli under valgrind: no definite leak and
    no memory error in the SIP, phone or CLI code (suppressions for other
    libraries' leaks in tests/valgrind.supp)."""
    here = os.path.dirname(os.path.abspath(__file__))
    supp = os.path.join(here, "..", "valgrind.supp")
    sip_supp = os.path.join(here, "valgrind.supp")
    valgrind = [peers.need("valgrind", "valgrind"), "--leak-check=full",
                "--errors-for-leak-kinds=definite", "--error-exitcode=99",
                f"--suppressions={supp}", f"--suppressions={sip_supp}", "--num-callers=30"]
    with peers.Kamailio(USERS, logs=logs) as kamailio, \
         peers.Baresip(kamailio.port, BRIDGE_USER, BRIDGE_PASSWORD, logs=logs) as bridge:
        md.add_account("work", kamailio.port, "alice", PASSWORD)
        md.wrapper = valgrind
        call = md.start_call(f"tel:{BRIDGE_USER},,{PIN}", "--mic", "tone:440",
                             "--speaker", "null", "--pause-ms", "500", "--hangup-after", "5")
        rc = call.wait(120)
        report = call.stderr.decode()
        check(rc != 99 and "ERROR SUMMARY: 0 errors" in report,
              "valgrind found errors:\n" + report[-6000:])
        check(rc == 0, f"call exited {rc}")
        digits = "".join(d for d, _ in bridge.dtmf())
        check(digits == PIN, f"the bridge received {digits!r}")
        bridge.wait_event("CALL_CLOSED", timeout=10)
    # No secret check here: valgrind echoes the command line, PIN and all.


def main():
    cli, case = sys.argv[1], sys.argv[2]
    logs = os.environ.get("MEETDIAL_TEST_LOGS") or peers.log_dir()
    os.makedirs(logs, exist_ok=True)
    os.environ["MEETDIAL_TEST_LOGS"] = logs
    md = Meetdial(cli, logs)
    try:
        if case.startswith("bridge-"):
            _, codec, transport = case.split("-")
            codecs = {"pcmu": "PCMU/8000/1", "pcma": "PCMA/8000/1",
                      "g722": "G722/16000/1", "opus": "opus/48000/2"}
            bridge_call(md, logs, codecs[codec], transport)
        else:
            globals()["case_" + case.replace("-", "_")](md, logs)
    finally:
        md.cleanup()
    print(f"ok: {case}")


if __name__ == "__main__":
    main()
