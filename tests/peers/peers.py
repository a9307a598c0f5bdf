# SPDX-License-Identifier: GPL-3.0-or-later
"""Real SIP peers on loopback for Meetdial's tests (TEST-PEERS.md).

Kamailio (registrar + proxy with digest auth), baresip (a meeting bridge that
answers, plays a tone, records what it hears and logs DTMF) and sipp. Every
peer gets free ports chosen at run time, is ready only after an event (an
OPTIONS answer, a control socket, a log line), and is stopped by its PID when
the `with` block ends, also on failure. Logs stay in the test's log dir.
"""

import ctypes
import json
import os
import random
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
CLONE_NEWNS = 0x00020000   # <sched.h>


def _exit_on_sigterm(signum, frame):
    # meson stops a test that runs out of time with SIGTERM; Python's default
    # would end at once and leave every peer running. Exiting this way unwinds
    # the `with` blocks that stop them.
    sys.exit(128 + signum)


signal.signal(signal.SIGTERM, _exit_on_sigterm)


class PeerError(Exception):
    pass


def need(program, package):
    path = shutil.which(program) or (program if os.path.exists(program) else None)
    if not path:
        raise PeerError(f"{program} is missing: install the Debian package {package}")
    return path


def ip(*args):
    """`ip ARGS` (iproute2); its output, or PeerError with its complaint."""
    result = subprocess.run([need("ip", "iproute2"), *args], capture_output=True, text=True)
    if result.returncode != 0:
        raise PeerError(f"ip {' '.join(args)}: {result.stderr.strip()}")
    return result.stdout


def own_loopback():
    """Brings up the loopback of a network namespace of the test's own (meson
    starts the test under `unshare --net`), whose routes it may change."""
    links = ip("-o", "link", "show")
    if len(links.splitlines()) != 1 or " lo:" not in links:
        raise PeerError("not in a network namespace of its own: run as root, under "
                        "`unshare --net` (util-linux)")
    ip("link", "set", "lo", "up")


def prefer_source(address):
    """Which loopback address the kernel picks to reach 127.0.0.1: how a
    network change looks to a program (another source address for the same
    server). Only in own_loopback()'s namespace."""
    ip("route", "replace", "local", "127.0.0.1", "dev", "lo", "table", "local",
       "proto", "kernel", "scope", "host", "src", address)


def new_network(address, prefix):
    """What joining another network does to the routes: another source
    address to reach 127.0.0.1, and a route of its own (@prefix on lo, a
    documentation range), which GNetworkMonitor reports."""
    prefer_source(address)
    ip("route", "add", prefix, "dev", "lo")


def own_resolver(nameserver="127.0.0.1"):
    """Points the system's resolver at @nameserver for this test and the
    programs it starts, and for no one else: the test moves to a mount
    namespace of its own (it must run as root), where a file naming
    @nameserver is mounted over /etc/resolv.conf. Call it before any
    thread starts."""
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.unshare(CLONE_NEWNS) != 0:
        raise PeerError("cannot make a mount namespace of its own: "
                        f"{os.strerror(ctypes.get_errno())} (run the test as root)")
    if not os.path.exists("/etc/resolv.conf"):
        raise PeerError("/etc/resolv.conf is missing: the resolver's file is mounted over it")
    path = os.path.join(tempfile.mkdtemp(prefix="meetdial-resolv-"), "resolv.conf")
    with open(path, "w") as f:
        f.write(f"nameserver {nameserver}\n")
    # Mounts made here stay here.
    for args in (["--make-rprivate", "/"], ["--bind", path, "/etc/resolv.conf"]):
        done = subprocess.run(["mount", *args], capture_output=True, text=True)
        if done.returncode != 0:
            raise PeerError(f"mount {' '.join(args)}: {done.stderr.strip()}")


def free_port(kind=socket.SOCK_DGRAM, pair=False):
    """A port free for both UDP and TCP (and port+1 too when @pair)."""
    for _ in range(200):
        port = random.randrange(20000, 60000, 2)
        ok = True
        for p in ([port, port + 1] if pair else [port]):
            for k in (socket.SOCK_DGRAM, socket.SOCK_STREAM):
                s = socket.socket(socket.AF_INET, k)
                try:
                    s.bind(("127.0.0.1", p))
                except OSError:
                    ok = False
                finally:
                    s.close()
        if ok:
            return port
    raise PeerError("no free port on 127.0.0.1")


def wait_for(predicate, timeout, what):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.02)
    raise PeerError(f"timed out after {timeout} s waiting for {what}")


def log_dir():
    base = os.environ.get("MEETDIAL_TEST_LOGS") or os.environ.get("MESON_BUILD_ROOT")
    if base:
        path = os.path.join(base, "meson-logs", "peers") if "MEETDIAL_TEST_LOGS" not in os.environ else base
        os.makedirs(path, exist_ok=True)
        return path
    return tempfile.mkdtemp(prefix="meetdial-peers-")


def vm_hwm_kib(pid):
    """A running process's peak RSS so far (VmHWM), 0 once it has exited."""
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


class Process:
    """A child process stopped by PID (SIGTERM, then SIGKILL) on exit."""

    def __init__(self, name, argv, log_path, cwd=None, env=None, stdin=subprocess.DEVNULL):
        self.name = name
        self.log_path = log_path
        # a test may be the first of its folder to write a log there
        os.makedirs(os.path.dirname(log_path) or ".", exist_ok=True)
        self.log = open(log_path, "wb")
        self.started_at = time.time()
        self.proc = subprocess.Popen(argv, stdout=self.log, stderr=subprocess.STDOUT,
                                     stdin=stdin, cwd=cwd, env=env,
                                     start_new_session=True)

    def running(self):
        return self.proc.poll() is None

    def log_text(self):
        self.log.flush()
        with open(self.log_path, "rb") as f:
            return f.read().decode(errors="replace")

    def wait_log(self, text, timeout=10):
        return wait_for(lambda: text in self.log_text(), timeout, f"“{text}” in {self.log_path}")

    def wait_rusage(self, timeout=30):
        """Waits for the exit and returns its resource usage (CPU). The peak
        RSS is kept in peak_rss_kib, read from /proc while it runs: the
        kernel's ru_maxrss of a child of Python starts at Python's own RSS
        (exec keeps the high-water mark of the memory it replaces)."""
        deadline = time.monotonic() + timeout
        self.peak_rss_kib = 0
        while time.monotonic() < deadline:
            self.peak_rss_kib = max(self.peak_rss_kib, vm_hwm_kib(self.proc.pid))
            pid, status, usage = os.wait4(self.proc.pid, os.WNOHANG)
            if pid:
                self.proc.returncode = os.waitstatus_to_exitcode(status)
                return usage
            time.sleep(0.02)
        raise PeerError(f"{self.name} did not exit within {timeout} s")

    def stop(self, grace=5):
        if self.proc.returncode is None and self.proc.poll() is None:
            try:
                os.killpg(self.proc.pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
            try:
                self.proc.wait(grace)
            except subprocess.TimeoutExpired:
                try:
                    os.killpg(self.proc.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
                self.proc.wait()
        self.log.close()


def sip_request(port, method="OPTIONS", timeout=0.2):
    """Send one out-of-dialog request over UDP to 127.0.0.1:port; the first
    line and headers of the reply, or None when nothing answers."""
    branch = "z9hG4bK%08x" % random.getrandbits(32)
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.settimeout(timeout)
    try:
        s.bind(("127.0.0.1", 0))
        ours = s.getsockname()[1]
        msg = (f"{method} sip:127.0.0.1:{port} SIP/2.0\r\n"
               f"Via: SIP/2.0/UDP 127.0.0.1:{ours};branch={branch};rport\r\n"
               "Max-Forwards: 70\r\nFrom: <sip:probe@127.0.0.1>;tag=1\r\n"
               f"To: <sip:127.0.0.1:{port}>\r\nCall-ID: {branch}@probe\r\n"
               f"CSeq: 1 {method}\r\nContent-Length: 0\r\n\r\n")
        s.sendto(msg.encode(), ("127.0.0.1", port))
        data, _ = s.recvfrom(4096)
        return data.decode(errors="replace")
    except OSError:
        return None
    finally:
        s.close()


def sip_options(port, transport="udp", timeout=0.2):
    """True when something on 127.0.0.1:port answers a SIP OPTIONS."""
    reply = sip_request(port, "OPTIONS", timeout)
    return bool(reply) and reply.startswith("SIP/2.0 200")


def tcp_listening(port):
    try:
        socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
        return True
    except OSError:
        return False


class Capture:
    """tshark on lo for one port (other tests may use lo at the same time);
    needs the right to capture (root). stop() returns the capture file's
    bytes, to look for what must not cross the wire in the clear."""

    def __init__(self, logs, port):
        self.path = os.path.join(logs, f"capture-{port}.pcapng")
        self.argv = [need("tshark", "tshark"), "-i", "lo", "-n", "-f", f"port {port}",
                     "-w", self.path]
        self.logs = logs
        self.port = port
        self.proc = None

    def start(self):
        self.proc = Process("tshark", self.argv,
                            os.path.join(self.logs, f"tshark-{self.port}.log"))
        try:
            self.proc.wait_log("Capturing on", timeout=15)
        except PeerError:
            self.stop()
            raise
        return self

    def stop(self):
        if self.proc:
            self.proc.stop()
            self.proc = None
        try:
            with open(self.path, "rb") as f:
                return f.read()
        except OSError:
            return b""

    def fields(self, display_filter, *fields, decode_as=None, growing=False):
        """Rows of @fields (lists of strings) of the captured packets that
        match @display_filter; @decode_as is tshark's -d. While tshark still
        writes (@growing), a last packet cut short is not an error."""
        argv = [need("tshark", "tshark"), "-r", self.path, "-n", "-Y", display_filter,
                "-T", "fields"]
        if decode_as:
            argv += ["-d", decode_as]
        for field in fields:
            argv += ["-e", field]
        result = subprocess.run(argv, capture_output=True, text=True)
        if result.returncode != 0 and not growing:
            raise PeerError(f"tshark could not read {self.path}: {result.stderr.strip()}")
        return [line.split("\t") for line in result.stdout.splitlines() if line]

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()


class Certs:
    """Throwaway certificates made with openssl at test time, in @directory:
    a CA and, signed by it, a server certificate for 127.0.0.1, one for
    another host and an expired one; and a second CA with a certificate for
    127.0.0.1. Attributes are (certificate, key) pairs of PEM paths, and
    `ca` the first CA's certificate."""

    def __init__(self, directory):
        self.dir = directory
        self.openssl = need("openssl", "openssl")
        self.ca = self._ca("ca", "Meetdial Test CA")
        self.server = self._leaf("server", "ca", "DNS:localhost,IP:127.0.0.1,IP:::1")
        self.wrong_host = self._leaf("wrong-host", "ca", "DNS:wrong.example.org,IP:127.0.0.2")
        self.expired = self._leaf("expired", "ca", "IP:127.0.0.1",
                                  dates=("20200101000000Z", "20200201000000Z"))
        self._ca("other-ca", "Someone Else's CA")
        self.other_ca = self._leaf("other-ca-server", "other-ca", "IP:127.0.0.1")

    def _path(self, name):
        return os.path.join(self.dir, name)

    def leaf(self, name, alt_names):
        """A server certificate signed by the first CA for @alt_names
        ("DNS:host,IP:address")."""
        return self._leaf(name, "ca", alt_names)

    def store(self):
        """A CA directory as OpenSSL reads a system store ($SSL_CERT_DIR):
        the first CA under its subject hash."""
        directory = self._path("store")
        os.makedirs(directory, exist_ok=True)
        digest = subprocess.run([self.openssl, "x509", "-hash", "-noout", "-in", self.ca],
                                check=True, capture_output=True, text=True).stdout.strip()
        shutil.copy(self.ca, os.path.join(directory, digest + ".0"))
        return directory

    def _run(self, *args):
        subprocess.run([self.openssl, *args], check=True, capture_output=True)

    def _ca(self, name, subject):
        self._run("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256",
                  "-nodes", "-keyout", self._path(name + ".key"), "-out", self._path(name + ".pem"),
                  "-days", "2", "-subj", "/CN=" + subject)
        return self._path(name + ".pem")

    def _leaf(self, name, ca, alt_names, dates=None):
        key, csr, cert = (self._path(name + ext) for ext in (".key", ".csr", ".pem"))
        ext = self._path(name + ".ext")
        with open(ext, "w") as f:
            f.write(f"subjectAltName={alt_names}\nbasicConstraints=CA:FALSE\n"
                    "extendedKeyUsage=serverAuth\n")
        self._run("req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                  "-keyout", key, "-out", csr, "-subj", "/CN=" + name)
        if not dates:
            self._run("x509", "-req", "-in", csr, "-CA", self._path(ca + ".pem"),
                      "-CAkey", self._path(ca + ".key"), "-CAcreateserial", "-days", "2",
                      "-extfile", ext, "-out", cert)
            return cert, key
        # `openssl x509` cannot date a certificate in the past; `openssl ca` can.
        db = self._path(name + "-db")
        os.makedirs(db)
        open(os.path.join(db, "index.txt"), "w").close()
        with open(os.path.join(db, "serial"), "w") as f:
            f.write("01\n")
        config = os.path.join(db, "ca.cnf")
        with open(config, "w") as f:
            f.write(f"[ca]\ndefault_ca = d\n[d]\ndatabase = {db}/index.txt\n"
                    f"new_certs_dir = {db}\nserial = {db}/serial\ndefault_md = sha256\n"
                    f"policy = p\ncertificate = {self._path(ca + '.pem')}\n"
                    f"private_key = {self._path(ca + '.key')}\n[p]\ncommonName = supplied\n")
        self._run("ca", "-batch", "-config", config, "-startdate", dates[0],
                  "-enddate", dates[1], "-in", csr, "-out", cert, "-extfile", ext, "-notext")
        return cert, key


class Dnsmasq:
    """A DNS server on @address, port 53, of the test's own network
    namespace (own_loopback()) for the names under @domain: SRV records
    @srv, a list of (name, target, port), and addresses @hosts, {name: IPv4
    address}; every other name under @domain does not exist. It logs the
    queries it gets."""

    def __init__(self, domain, srv=(), hosts=None, logs=None, address="127.0.0.1"):
        self.address = address
        self.domain = domain
        self.srv = list(srv)
        self.hosts = dict(hosts or {})
        self.logs = logs or log_dir()
        self.process = None

    def start(self):
        argv = [need("dnsmasq", "dnsmasq-base"), "--keep-in-foreground", "--conf-file=/dev/null",
                "--no-resolv", "--no-hosts", f"--listen-address={self.address}",
                "--bind-interfaces", "--port=53", f"--local=/{self.domain}/", "--log-queries",
                "--log-facility=-",
                "--pid-file=" + os.path.join(self.logs, f"dnsmasq-{self.address}.pid")]
        argv += [f"--srv-host={name},{target},{port}" for name, target, port in self.srv]
        argv += [f"--host-record={name},{address}" for name, address in self.hosts.items()]
        self.process = Process("dnsmasq", argv,
                               os.path.join(self.logs, f"dnsmasq-{self.address}.log"))
        wait_for(lambda: self._answers() or not self.process.running(), 10, "dnsmasq's answer")
        if not self.process.running():
            raise PeerError("dnsmasq did not start:\n" + self.process.log_text())

    def _answers(self):
        """Whether a query for the domain gets a reply (of any kind)."""
        name = b"".join(bytes([len(label)]) + label.encode() for label in self.domain.split("."))
        query = bytes([0x6d, 0x64, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0]) + name + bytes([0, 0, 1, 0, 1])
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
            s.settimeout(0.2)
            try:
                s.sendto(query, (self.address, 53))
                return s.recv(512)[:2] == query[:2]
            except OSError:
                return False

    def stop(self):
        if self.process:
            self.process.stop()

    def log_text(self):
        return self.process.log_text()

    def __enter__(self):
        self.start()
        return self

    def __exit__(self, *exc):
        self.stop()


class Kamailio:
    """Registrar + proxy with digest auth; users = {name: password}, the
    name being the one signed in with; @signs_in = {user: name} for
    addresses whose owner signs in under another name (an auth ID). With
    @tls = (certificate, key) it also listens for SIP over TLS on tls_port;
    @sni = (certificate, key, name): the certificate it shows a client that
    asks for the server name (SNI), the one in @tls being for the rest."""

    def __init__(self, users, max_expires=60, port=None, logs=None, ipv6=False, tls=None,
                 signs_in=None, sni=None):
        self.users = dict(users)
        self.sni = sni
        self.signs_in = dict(signs_in or {})
        self.ipv6 = ipv6   # also listen on [::1]
        self.tls = tls
        self.tls_port = free_port(socket.SOCK_STREAM) if tls else None
        self.max_expires = max_expires
        self.own_ports = port is None   # picked here: another pick is allowed
        self.port = port or free_port()
        self.logs = logs or log_dir()
        self.proc = None
        self.rundir = None

    def start(self):
        """Starts Kamailio; when a port picked here was taken in between
        (it exits: "Address already in use"), once more on other ports."""
        for attempt in range(3):
            try:
                return self._start_once()
            except PeerError:
                log = self.proc.log_text() if self.proc else ""
                self.stop()
                if not self.own_ports or "Address already in use" not in log or attempt == 2:
                    raise
                self.port = free_port()
                if self.tls:
                    self.tls_port = free_port(socket.SOCK_STREAM)

    def _start_once(self):
        binary = need("/usr/sbin/kamailio", "kamailio")
        self.rundir = tempfile.mkdtemp(prefix="kamailio-")
        with open(os.path.join(HERE, "kamailio.cfg.in")) as f:
            cfg = f.read()
        users = "\n".join(f'\t$sht(users=>{u}) = "{p}";' for u, p in self.users.items())
        users += "".join(f'\n\t$sht(signs_in=>{u}) = "{n}";' for u, n in self.signs_in.items())
        tls_globals = tls_module = ""
        if self.tls:
            tls_cfg = os.path.join(self.rundir, "tls.cfg")
            with open(tls_cfg, "w") as f:
                f.write("[server:default]\nmethod = TLSv1.2+\nverify_certificate = no\n"
                        f"require_certificate = no\ncertificate = {self.tls[0]}\n"
                        f"private_key = {self.tls[1]}\n")
                if self.sni:
                    f.write("[server:any]\nmethod = TLSv1.2+\nverify_certificate = no\n"
                            f"require_certificate = no\ncertificate = {self.sni[0]}\n"
                            f"private_key = {self.sni[1]}\nserver_name = {self.sni[2]}\n")
            if not os.path.exists("/usr/lib/x86_64-linux-gnu/kamailio/modules/tls.so"):
                raise PeerError("Kamailio's tls module is missing: install the Debian package "
                                "kamailio-tls-modules")
            tls_globals = f"enable_tls=yes\nlisten=tls:127.0.0.1:{self.tls_port}\n"
            if self.ipv6:
                tls_globals += f"listen=tls:[::1]:{self.tls_port}\n"
            tls_module = f'loadmodule "tls.so"\nmodparam("tls", "config", "{tls_cfg}")\n'
        cfg = (cfg.replace("@PORT@", str(self.port))
                  .replace("@TLS_GLOBALS@", tls_globals)
                  .replace("@TLS_MODULE@", tls_module)
                  .replace("@MAX_EXPIRES@", str(self.max_expires))
                  .replace("@LISTEN6@", f"listen=udp:[::1]:{self.port}\n" if self.ipv6 else "")
                  .replace("@USERS@", users))
        path = os.path.join(self.rundir, "kamailio.cfg")
        with open(path, "w") as f:
            f.write(cfg)
        self.proc = Process("kamailio",
                            [binary, "-f", path, "-DD", "-E", "-Y", self.rundir,
                             "-w", self.rundir, "-m", "64", "-M", "8"],
                            os.path.join(self.logs, f"kamailio-{self.port}.log"))
        # A PeerError stops it (start() does).
        wait_for(lambda: sip_options(self.port) or not self.proc.running(), 10,
                 "Kamailio to answer OPTIONS")
        if not self.proc.running():
            raise PeerError("Kamailio exited at start:\n" + self.proc.log_text()[-2000:])
        if self.tls:
            wait_for(lambda: tcp_listening(self.tls_port), 10, "Kamailio's TLS port")
        return self

    def stop(self):
        if self.proc:
            self.proc.stop()
            self.proc = None
        if self.rundir:
            shutil.rmtree(self.rundir, ignore_errors=True)
            self.rundir = None

    def wait_registration(self, contact_user, address, timeout=10, removal=False):
        """Until the log shows a registration (not a removal) of a Contact
        whose user starts with @contact_user at @address: Kamailio logs it
        after its reply, so a client may know first."""
        def registered():
            return [line for line in self.log_text().splitlines()
                    if f"contact=<sip:{contact_user}" in line and f"@{address}:" in line
                    and ("expires=0" in line) == removal]
        wait_for(registered, timeout, f"Kamailio to {'remove' if removal else 'register'} "
                 f"{contact_user}… at {address}")

    def wait_removal(self, contact_user, address, timeout=10):
        """The same for a removal (expires=0) of such a Contact."""
        self.wait_registration(contact_user, address, timeout, removal=True)

    def log_text(self):
        return self.proc.log_text() if self.proc else ""

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()


def netstrings(buffer):
    """Splits complete netstrings off @buffer; returns (items, rest)."""
    items = []
    while True:
        colon = buffer.find(b":")
        if colon <= 0:
            return items, buffer
        try:
            length = int(buffer[:colon])
        except ValueError:
            return items, b""
        end = colon + 1 + length
        if len(buffer) < end + 1:
            return items, buffer
        items.append(buffer[colon + 1:end])
        buffer = buffer[end + 1:]


class Baresip:
    """baresip as the far end: registers at @registrar as @user, answers
    (auto or manual), sends a 48 kHz sine of @tone_hz, records both
    directions and reports events (DTMF, call state) over ctrl_tcp."""

    def __init__(self, registrar_port, user, password, codecs="PCMU/8000/1",
                 answer="auto", tone_hz=1000, transport="udp", logs=None, extra_account="",
                 commands=(), extra_modules=()):
        self.registrar_port = registrar_port
        self.extra_modules = list(extra_modules)   # e.g. srtp.so
        self.user = user
        self.password = password
        self.codecs = codecs
        self.answer = answer
        self.tone_hz = tone_hz
        self.transport = transport
        self.extra_account = extra_account
        self.commands = list(commands)   # run at start with -e
        self.logs = logs or log_dir()
        self.events = []
        self.events_lock = threading.Condition()
        self.proc = None
        self.sock = None
        self.dir = None

    def start(self):
        """Starts baresip on free ports. A port found free can be taken by
        another test before baresip binds it; baresip then runs on without
        it (and a ctrl_tcp client would reach the other program), so such a
        start is stopped and made again on other ports."""
        for attempt in range(3):
            self._launch()
            try:
                self.proc.wait_log("baresip is ready.", timeout=10)
            except PeerError:
                self.stop()
                raise
            if "Address already in use" not in self.proc.log_text():
                break
            self.stop()
            self.cleanup()
        else:
            raise PeerError("baresip found its ports taken three times in a row")
        try:
            self.sock = wait_for(self._connect, 10, "baresip's ctrl_tcp port")
            threading.Thread(target=self._read_events, daemon=True).start()
            # REGISTER_OK may come before ctrl_tcp has a client: use the log.
            self.proc.wait_log("200 OK", timeout=10)
        except PeerError:
            self.stop()
            raise
        return self

    def _launch(self):
        binary = need("baresip", "baresip-core")
        self.dir = tempfile.mkdtemp(prefix="baresip-")
        self.record_dir = os.path.join(self.dir, "rec")
        os.makedirs(self.record_dir)
        self.sip_port = free_port(pair=True)     # it opens TLS on port + 1
        self.ctrl_port = free_port(socket.SOCK_STREAM)
        rtp = free_port()
        modules = ["g711.so", "g722.so", "opus.so", "ausine.so", "sndfile.so",
                   "menu.so", "ctrl_tcp.so"] + self.extra_modules
        config = [
            f"sip_listen 127.0.0.1:{self.sip_port}",
            "net_interface 127.0.0.1",
            "dns_server 127.0.0.1:53",
            f"audio_source ausine,{self.tone_hz}",
            "ausrc_srate 48000",
            "ausrc_channels 2",
            f"snd_path {self.record_dir}",
            f"ctrl_tcp_listen 127.0.0.1:{self.ctrl_port}",
            f"rtp_ports {rtp}-{rtp + 40}",
            "statmode_default off",
            "module_path /usr/lib/baresip/modules",
            "module_tmp account.so",
        ] + [f"module {m}" for m in modules]
        with open(os.path.join(self.dir, "config"), "w") as f:
            f.write("\n".join(config) + "\n")
        tp = ";transport=tcp" if self.transport == "tcp" else ""
        account = (f"<sip:{self.user}@127.0.0.1:{self.registrar_port}{tp}>"
                   f";auth_pass={self.password};answermode={self.answer}"
                   f";audio_codecs={self.codecs};regint=60{self.extra_account}")
        with open(os.path.join(self.dir, "accounts"), "w") as f:
            f.write(account + "\n")
        execute = [arg for command in self.commands for arg in ("-e", command)]
        self.proc = Process("baresip", [binary, "-4", "-f", self.dir, "-t", "120", *execute],
                            os.path.join(self.logs, f"baresip-{self.sip_port}.log"))

    def _connect(self):
        if not self.proc.running():
            raise PeerError("baresip exited at start:\n" + self.proc.log_text()[-2000:])
        try:
            # From 127.0.0.1 itself: a network test may take away the
            # address the kernel would pick (prefer_source()).
            return socket.create_connection(("127.0.0.1", self.ctrl_port), timeout=0.2,
                                            source_address=("127.0.0.1", 0))
        except OSError:
            return None

    def _read_events(self):
        buffer = b""
        sock = self.sock
        try:
            sock.settimeout(None)
        except OSError:
            return   # closed already: stop() came right after start()
        while True:
            try:
                data = sock.recv(4096)
            except OSError:
                return
            if not data:
                return
            items, buffer = netstrings(buffer + data)
            with self.events_lock:
                for item in items:
                    try:
                        event = json.loads(item)
                    except ValueError:
                        continue
                    event["t"] = time.monotonic()
                    self.events.append(event)
                self.events_lock.notify_all()

    def wait_event(self, kind, timeout=10, after=0):
        deadline = time.monotonic() + timeout
        with self.events_lock:
            while True:
                for e in self.events[after:]:
                    if e.get("type") == kind:
                        return e
                left = deadline - time.monotonic()
                if left <= 0:
                    raise PeerError(f"baresip sent no {kind} within {timeout} s; events: "
                                    + ", ".join(e.get("type", "?") for e in self.events))
                self.events_lock.wait(left)

    def event_types(self):
        with self.events_lock:
            return [e.get("type") for e in self.events]

    def dtmf(self):
        """[(digit, monotonic time)] of every DTMF start the bridge received."""
        with self.events_lock:
            return [(e.get("param"), e["t"]) for e in self.events
                    if e.get("type") == "CALL_DTMF_START"]

    def command(self, command, params=""):
        msg = json.dumps({"command": command, "params": params, "token": "t"}).encode()
        self.sock.sendall(b"%d:%s," % (len(msg), msg))

    def recordings(self, suffix):
        return sorted(os.path.join(self.record_dir, n) for n in os.listdir(self.record_dir)
                      if n.endswith(suffix))

    def stop(self):
        if self.sock:
            try:
                self.sock.close()
            except OSError:
                pass
            self.sock = None
        if self.proc:
            # A second SIGTERM ends it at once when an INVITE is still open.
            self.proc.stop(grace=4)
            self.proc = None

    def cleanup(self):
        if self.dir:
            shutil.rmtree(self.dir, ignore_errors=True)
            self.dir = None

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()
        self.cleanup()


class Sipp:
    """sipp running one scenario from tests/peers/scenarios: as a UAS, or as a
    UAC calling @target."""

    def __init__(self, scenario, logs=None, extra=(), tone_seconds=0, host="127.0.0.1",
                 target=None):
        self.scenario = os.path.join(HERE, "scenarios", scenario)
        self.host = host   # "127.0.0.1" or "::1"
        self.logs = logs or log_dir()
        self.extra = list(extra)
        self.tone_seconds = tone_seconds
        self.target = [target] if target else []   # "HOST:PORT": sipp calls it (UAC)
        self.proc = None
        self.dir = None

    def start(self):
        binary = need("sipp", "sip-tester")
        self.dir = tempfile.mkdtemp(prefix="sipp-")
        if self.tone_seconds:
            # rtp_stream sends a file's raw bytes: raw µ-law, 650 Hz.
            subprocess.run([need("sox", "sox"), "-n", "-r", "8000", "-c", "1", "-t", "ul",
                            os.path.join(self.dir, "tone.ulaw"), "synth",
                            str(self.tone_seconds), "sine", "650"], check=True)
        self.port = free_port()
        self.media_port = free_port(pair=True)
        self.proc = Process("sipp",
                            [binary, "-sf", self.scenario, "-p", str(self.port),
                             "-i", self.host, "-mi", self.host, "-mp", str(self.media_port),
                             "-m", "1", "-nostdin", "-timeout", "60s", "-timeout_error",
                             "-trace_msg", "-message_file",
                             os.path.join(self.logs, f"sipp-{self.port}-messages.log")]
                            + self.extra + self.target,
                            os.path.join(self.logs, f"sipp-{self.port}.log"), cwd=self.dir)
        # sipp binds its SIP socket before it reads the scenario's first recv.
        wait_for(lambda: self._bound() or not self.proc.running(), 10, "sipp to listen")
        if not self.proc.running():
            raise PeerError("sipp exited at start:\n" + self.proc.log_text()[-2000:])
        return self

    def _bound(self):
        family = socket.AF_INET6 if ":" in self.host else socket.AF_INET
        s = socket.socket(family, socket.SOCK_DGRAM)
        try:
            s.bind((self.host, self.port))
            return False
        except OSError:
            return True
        finally:
            s.close()

    def messages(self):
        path = os.path.join(self.logs, f"sipp-{self.port}-messages.log")
        try:
            with open(path, errors="replace") as f:
                return f.read()
        except OSError:
            return ""

    def wait(self, timeout=60):
        try:
            return self.proc.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            return None

    def stop(self):
        if self.proc:
            self.proc.stop(grace=2)
            self.proc = None
        if self.dir:
            shutil.rmtree(self.dir, ignore_errors=True)
            self.dir = None

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()
