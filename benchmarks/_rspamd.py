"""rspamd (the Debian package, 3.4) run offline on loopback, as a peer for the phishing benchmarks.

    .venv/bin/python benchmarks/_rspamd.py DIR [DIR ...] [--workers 2] [--concurrency 8] [--symbols N]

From a benchmark::

    with running(workers=2) as rspamd:
        scores, seconds = rspamd.check_all(messages)

`running()` writes a self-contained configuration into a temporary directory and starts
`rspamd -f` on it as a child process, with one "normal" worker section (`count = workers`) on
127.0.0.1:<free port>, the log in the temporary directory, and no controller, proxy or fuzzy
worker. The configuration includes Debian's stock rules from /etc/rspamd (metrics, actions,
groups and scores, composites, every modules.d/*.conf, settings, options.inc, logging.inc,
worker-normal.inc) and the Lua rules and plugins of /usr/share/rspamd. Its LOCAL_CONFDIR is
the temporary directory, so the host's /etc/rspamd/local.d and override.d are never read, and
its DBDIR (hyperscan cache, history, control socket) is the temporary directory too. Scores and
action thresholds are Debian's: greylist 4, add header 6, reject 15.

What is off, and why — everything else stays as a self-hoster's default has it: the regexp and
Lua rules (MIME, header, subject, HTML, URL, MID, FORGED_*, bitcoin, bounce, forwarding…),
chartable, mime_types, mid, forged_recipients, maillist, hfilter's URL checks,
the phishing module's own heuristics (link text naming another host than the link) and
multimap with local maps.

* statistic.conf is not included, so there is no Bayes classifier (its backend is Redis; no
  BAYES_* symbols).
* Network look-ups, all off (`enabled = false` in local.d):
  rbl (DNS blocklists; in 3.x it also carries the SURBL/URIBL/DBL URL lists and the "emails"
  lists), surbl and emails (the same, in their old module names), asn (DNS), fuzzy_check
  (UDP to fuzzy1/fuzzy2.rspamd.com), spf, dkim, dmarc and arc (SPF records and keys come from
  DNS; so no R_SPF_*, R_DKIM_*, DMARC_*, ARC_* symbols), whitelist (it only acts on SPF, DKIM
  and DMARC results, and two of its maps are on maps.rspamd.com), once_received (without the
  SMTP client's hostname, which only an MTA passes, it resolves the PTR of the client IP, and
  rspamd takes that IP from the first Received header when none is given: RDNS_NONE on every
  message whose first Received names an IP), mx_check and rspamd_update (already off in
  Debian's defaults).
* dkim_signing: outbound signing, nothing to score (it would look for keys on every message
  it takes for local, e.g. one whose first Received names 127.0.0.1); arc signing goes with arc.
* Redis-backed modules, all off (no Redis is configured at all): neural, ratelimit, greylist,
  replies, reputation, url_redirector, bimi, history_redis.
* phishing: phishtank_enabled and openphish_enabled are false (the PhishTank feed is DNS
  queries to rspamd.com, OpenPhish a downloaded feed); the module's heuristics stay on.
* hfilter: helo_enabled, hostname_enabled and from_enabled are false. They judge the SMTP
  envelope we do not have: without a Hostname, every message would get
  HFILTER_HOSTNAME_UNKNOWN (+2.5, ham and phishing alike), and the envelope-sender host checks
  resolve A/MX records (rspamd takes the envelope sender from Return-Path when none is given).
  The URL checks (HFILTER_URL_ONLY, HFILTER_URL_ONELINE) stay on.
* Remote maps: every map list that names https://maps.rspamd.com is replaced by its local
  part, so nothing is downloaded: mid and mime_types read Debian's /etc/rspamd/maps.d files
  (what rspamd itself falls back to offline), the phishing module's redirector exceptions
  read maps.d/redirectors.inc, and the multimap freemail_* / disposable_* rules (whose lists
  exist only on maps.rspamd.com) read an empty file, so FREEMAIL_* and DISPOSABLE_* never match.
* DNS: the resolver is 127.0.0.1:<a closed port> with a 0.5 s timeout and one retransmit. A
  look-up that still happens therefore fails (after the timeout, as rdns ignores ICMP
  refusals) and never leaves the machine; `Rspamd.dns_requests()` sums rspamd's own count
  from its log, and the __main__ report prints it (0 on both corpora).

What we send to /checkv2: the message only, with no IP, Helo, Hostname, From, Rcpt or User
header, so rspamd sees no SMTP envelope; rcpt counts and the like come from the message
headers. rspamd still takes a client IP from the first Received header when there is one,
which is why the modules above that would look it up (rbl, asn, spf, once_received) are off.
`Pass: all` is not sent, so rspamd's normal early exits apply. Scoring runs at today's date:
stored corpora get DATE_IN_PAST (+1) on almost every message, ham and phishing alike.

If rspamd starts as root it drops its workers to `_rspamd` (`-u`/`-g`), and the temporary
directory is handed to that user. `running()` waits (60 s at most, polling) until /ping answers
and every worker has loaded the hyperscan database that rspamd compiles on start (about 6 s),
so timings are of hyperscan, not of the PCRE fallback used meanwhile.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import pwd
import queue
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")

CONFDIR = "/etc/rspamd"
USER = "_rspamd"
START_TIMEOUT = 60.0
POLL = 0.1
#: Debian's action thresholds (greylist, add header, reject).
THRESHOLDS = (4.0, 6.0, 15.0)

# Top-level configuration. @...@ tokens are filled in; $VARS are rspamd's own (set by --var).
MAIN_CONF = """\
# Written by mailwarden benchmarks/_rspamd.py: Debian's stock rules, offline (see its docstring).
lua = "$RULESDIR/rspamd.lua";
.include "$CONFDIR/metrics.conf"
.include "$CONFDIR/actions.conf"
.include "$CONFDIR/groups.conf"
.include "$CONFDIR/composites.conf"
# $CONFDIR/statistic.conf (the Redis-backed Bayes classifier) is deliberately not included.
.include "$CONFDIR/modules.conf"
.include "$CONFDIR/settings.conf"

modules {
  path = "${PLUGINSDIR}";
  fallback_path = "${SHAREDIR}/lua";
}

options {
  pidfile = "$RUNDIR/rspamd.pid";
  .include "$CONFDIR/options.inc"
  .include(priority=1,duplicate=merge) "$LOCAL_CONFDIR/local.d/options.inc"
}

logging {
  type = "file";
  filename = "$LOGDIR/rspamd.log";
  .include "$CONFDIR/logging.inc"
}

worker "normal" {
  bind_socket = "127.0.0.1:@PORT@";
  count = @WORKERS@;
  .include "$CONFDIR/worker-normal.inc"
}
"""

#: Modules switched off with `enabled = false` (local.d/<name>.conf); see the docstring.
DISABLED = (
    # network look-ups
    "rbl",
    "surbl",
    "emails",
    "asn",
    "fuzzy_check",
    "spf",
    "dkim",
    "dmarc",
    "arc",
    "whitelist",
    "once_received",
    "mx_check",
    "rspamd_update",
    # outbound signing
    "dkim_signing",
    # Redis-backed
    "neural",
    "ratelimit",
    "greylist",
    "replies",
    "reputation",
    "url_redirector",
    "bimi",
    "history_redis",
)

#: multimap rules whose only list is on maps.rspamd.com.
REMOTE_ONLY_MAPS = tuple(
    f"{kind}_{what}"
    for kind in ("freemail", "disposable")
    for what in ("envfrom", "envrcpt", "from", "to", "cc", "replyto")
)


def _local_files(tmp: Path, dns_port: int) -> dict[str, str]:
    """local.d (merged into the stock sections) and override.d (replacing keys) files."""
    empty = tmp / "empty.map"
    files = {f"local.d/{name}.conf": "enabled = false;\n" for name in DISABLED}
    files["local.d/options.inc"] = (
        f'dns {{ nameserver = ["127.0.0.1:{dns_port}"]; timeout = 0.5s; retransmits = 1; }}\n'
    )
    files["local.d/phishing.conf"] = "phishtank_enabled = false;\nopenphish_enabled = false;\n"
    files["local.d/hfilter.conf"] = (
        "helo_enabled = false;\nhostname_enabled = false;\nfrom_enabled = false;\n"
    )
    files["local.d/multimap.conf"] = "".join(f'{rule} {{ map = "{empty}"; }}\n' for rule in REMOTE_ONLY_MAPS)
    files["override.d/mid.conf"] = 'source { url = ["$CONFDIR/maps.d/mid.inc"]; }\n'
    files["override.d/mime_types.conf"] = 'file = ["$CONFDIR/maps.d/mime_types.inc"];\n'
    files["override.d/phishing.conf"] = (
        'exceptions { REDIRECTOR_FALSE = ["$CONFDIR/maps.d/redirectors.inc"]; }\n'
    )
    return files


def ensure_installed() -> None:
    """Install the Debian package when `rspamd` is not on PATH."""
    if shutil.which("rspamd"):
        return
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    for cmd in (["apt-get", "update", "-qq"], ["apt-get", "install", "-y", "-qq", "rspamd"]):
        print("rspamd is not installed; running:", " ".join(cmd), file=sys.stderr, flush=True)
        subprocess.run(cmd, check=True, env=env)
    # The package's postinst may fail to start its systemd service (no systemd here); we start our own.
    if not shutil.which("rspamd"):
        raise RuntimeError("apt-get installed rspamd but `rspamd` is still not on PATH")


def _free_port(kind: socket.SocketKind = socket.SOCK_STREAM) -> int:
    with socket.socket(socket.AF_INET, kind) as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


class Rspamd:
    """A running instance: scores messages over HTTP with a pool of keep-alive connections."""

    def __init__(self, port: int, workdir: Path, timeout: float = 30.0) -> None:
        self.host = "127.0.0.1"
        self.port = port
        self.workdir = workdir
        self.log = workdir / "rspamd.log"
        self.timeout = timeout
        self._idle: queue.SimpleQueue[http.client.HTTPConnection] = queue.SimpleQueue()
        #: Seconds per message of the last check_all / check_all_full call, in input order.
        self.last_latencies: list[float] = []
        #: the main rspamd process, when ``running()`` started it
        self.pid: int | None = None

    def _request(self, method: str, path: str, body: bytes | None = None) -> tuple[int, bytes]:
        try:
            conn = self._idle.get_nowait()
        except queue.Empty:
            conn = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
        headers = {"Connection": "keep-alive"}
        for attempt in (1, 2):
            try:
                conn.request(method, path, body=body, headers=headers)
                resp = conn.getresponse()
                data = resp.read()
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
                # the worker closed an idle keep-alive connection: reconnect once
                conn.close()
                if attempt == 2:
                    raise
                continue
            if resp.will_close:
                conn.close()
            else:
                self._idle.put(conn)
            return resp.status, data
        raise AssertionError("unreachable")

    def ping(self) -> bool:
        try:
            status, data = self._request("GET", "/ping")
        except OSError:
            return False
        return status == 200 and data.strip() == b"pong"

    def check_full(self, data: bytes) -> dict[str, Any]:
        """The parsed /checkv2 reply: score, required_score, action, symbols{name: {score, options}}…"""
        status, body = self._request("POST", "/checkv2", data)
        reply: dict[str, Any] = json.loads(body)
        if status != 200 or "score" not in reply:
            raise RuntimeError(f"rspamd /checkv2 answered {status}: {body[:300]!r}")
        return reply

    def check(self, data: bytes) -> float:
        return float(self.check_full(data)["score"])

    def _map(
        self, fn: Callable[[bytes], T], messages: Sequence[bytes], concurrency: int
    ) -> tuple[list[T], float]:
        def timed(data: bytes) -> tuple[T, float]:
            t0 = time.perf_counter()
            result = fn(data)
            return result, time.perf_counter() - t0

        t0 = time.perf_counter()
        with ThreadPoolExecutor(max_workers=max(1, concurrency)) as pool:
            done = list(pool.map(timed, messages))
        wall = time.perf_counter() - t0
        self.last_latencies = [t for _, t in done]
        return [r for r, _ in done], wall

    def check_all(self, messages: Sequence[bytes], concurrency: int = 8) -> tuple[list[float], float]:
        """Scores in input order, and the wall-clock seconds for all of them."""
        return self._map(self.check, messages, concurrency)

    def check_all_full(
        self, messages: Sequence[bytes], concurrency: int = 8
    ) -> tuple[list[dict[str, Any]], float]:
        return self._map(self.check_full, messages, concurrency)

    def dns_requests(self) -> int:
        """DNS requests rspamd made for the messages scanned so far (its log's `dns req:` fields)."""
        try:
            text = self.log.read_text(errors="replace")
        except FileNotFoundError:
            return 0
        return sum(int(n) for n in re.findall(r"dns req: (\d+)", text))

    def cpu_seconds(self) -> float:
        """CPU time (user + system) the rspamd processes have used so far: the main process
        and its workers (/proc, Linux)."""
        main = self.pid
        if main is None:
            return 0.0
        parent: dict[int, int] = {}
        ticks: dict[int, int] = {}
        for d in Path("/proc").iterdir():
            if not d.name.isdigit():
                continue
            try:
                fields = (d / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            parent[int(d.name)] = int(fields[1])
            ticks[int(d.name)] = int(fields[11]) + int(fields[12])  # utime, stime

        def ours(pid: int) -> bool:  # main or a descendant of it (its workers)
            while pid > 1:
                if pid == main:
                    return True
                pid = parent.get(pid, 0)
            return False

        return sum(t for pid, t in ticks.items() if ours(pid)) / os.sysconf("SC_CLK_TCK")

    def close(self) -> None:
        while True:
            try:
                self._idle.get_nowait().close()
            except queue.Empty:
                return


def _hyperscan_loaded(log: Path) -> int:
    """How many worker processes have loaded the full hyperscan database."""
    try:
        text = log.read_text(errors="replace")
    except FileNotFoundError:
        return 0
    return len(
        set(re.findall(r"#(\d+)\(normal\).*full hyperscan database of \d+ regexps has been loaded", text))
    )


def _tail(path: Path, lines: int = 30) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except FileNotFoundError:
        return "(none)"


def _stop(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is not None:
        return
    proc.send_signal(signal.SIGTERM)
    try:
        proc.wait(10)
    except subprocess.TimeoutExpired:
        # the main process would not stop its workers: kill the session we started it in
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(5)


@contextmanager
def running(workers: int = 2) -> Iterator[Rspamd]:
    """Start rspamd offline on 127.0.0.1:<free port> with `workers` normal workers; stop it on exit."""
    ensure_installed()
    tmp = Path(tempfile.mkdtemp(prefix="mailwarden-rspamd-"))
    proc: subprocess.Popen[bytes] | None = None
    client: Rspamd | None = None
    try:
        port, dns_port = _free_port(), _free_port(socket.SOCK_DGRAM)
        for sub in ("local/local.d", "local/override.d", "db", "run"):
            (tmp / sub).mkdir(parents=True)
        (tmp / "empty.map").write_text("")
        conf = tmp / "rspamd.conf"
        conf.write_text(MAIN_CONF.replace("@PORT@", str(port)).replace("@WORKERS@", str(workers)))
        for rel, text in _local_files(tmp, dns_port).items():
            (tmp / "local" / rel).write_text(text)
        cmd = ["rspamd", "-f", "-c", str(conf)]
        for var, value in (
            ("CONFDIR", CONFDIR),
            ("LOCAL_CONFDIR", tmp / "local"),
            ("DBDIR", tmp / "db"),
            ("RUNDIR", tmp / "run"),
            ("LOGDIR", tmp),
        ):
            cmd.append(f"--var={var}={value}")
        if os.geteuid() == 0:
            try:
                pw = pwd.getpwnam(USER)
            except KeyError:
                cmd.append("--insecure")  # no unprivileged user to drop to: run workers as root
            else:
                cmd += ["-u", USER, "-g", USER]
                for path in [tmp, *tmp.rglob("*")]:
                    os.chown(path, pw.pw_uid, pw.pw_gid)
        console = tmp / "console.log"
        with console.open("wb") as out:
            proc = subprocess.Popen(
                cmd, stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
            )
        client = Rspamd(port, tmp)
        client.pid = proc.pid
        deadline = time.monotonic() + START_TIMEOUT
        up = False
        while time.monotonic() < deadline and proc.poll() is None:
            if not up:
                up = client.ping()
            if up and _hyperscan_loaded(client.log) >= workers:
                break
            time.sleep(POLL)
        else:
            if proc.poll() is not None or not up:
                what = "exited" if proc.poll() is not None else f"did not answer within {START_TIMEOUT:.0f} s"
                raise RuntimeError(
                    f"rspamd {what}\n--- console\n{_tail(console)}\n--- rspamd.log\n{_tail(client.log)}"
                )
            print("rspamd: hyperscan not loaded in time; its workers use PCRE (slower)", file=sys.stderr)
        yield client
    finally:
        if client is not None:
            client.close()
        if proc is not None:
            _stop(proc)
        shutil.rmtree(tmp, ignore_errors=True)


def _distribution(scores: list[float]) -> str:
    n = len(scores)
    q = statistics.quantiles(scores, n=4) if n > 1 else scores * 3
    bins = [(-1e9, 0.0), (0.0, 2.0), (2.0, 4.0), (4.0, 6.0), (6.0, 10.0), (10.0, 15.0), (15.0, 1e9)]
    hist = ", ".join(
        f"{'<' + str(int(hi)) if lo < -1e8 else ('≥' + str(int(lo)) if hi > 1e8 else f'[{lo:g},{hi:g})')}: "
        f"{sum(lo <= s < hi for s in scores)}"
        for lo, hi in bins
    )
    shares = ", ".join(f"≥{t:g}: {sum(s >= t for s in scores) / n:.1%}" for t in THRESHOLDS)
    return (
        f"  score min {min(scores):.2f}, q1 {q[0]:.2f}, median {q[1]:.2f}, q3 {q[2]:.2f}, "
        f"max {max(scores):.2f}, mean {statistics.fmean(scores):.2f}\n"
        f"  histogram {hist}\n"
        f"  share with score {shares}"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description="Score every *.eml of each DIR with an offline rspamd.")
    ap.add_argument("dirs", nargs="+", type=Path, metavar="DIR")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--concurrency", type=int, default=8)
    ap.add_argument(
        "--symbols", type=int, default=0, metavar="N", help="also list the N most frequent symbols"
    )
    args = ap.parse_args()
    corpora = {d: [f.read_bytes() for f in sorted(d.glob("*.eml"))] for d in args.dirs}
    t0 = time.perf_counter()
    with running(args.workers) as rspamd:
        took = time.perf_counter() - t0
        print(f"rspamd up on 127.0.0.1:{rspamd.port} in {took:.1f} s ({args.workers} workers)")
        for d, messages in corpora.items():
            if not messages:
                print(f"{d}: no *.eml")
                continue
            dns0 = rspamd.dns_requests()
            scores, wall = rspamd.check_all(messages, args.concurrency)
            lat = sorted(rspamd.last_latencies)
            slow = sum(t > 1.0 for t in lat)
            print(
                f"{d.name}: {len(messages)} messages in {wall:.2f} s = {len(messages) / wall:.0f} msg/s "
                f"(concurrency {args.concurrency}); latency median {statistics.median(lat) * 1000:.0f} ms, "
                f"max {lat[-1] * 1000:.0f} ms, {slow} over 1 s; DNS requests {rspamd.dns_requests() - dns0}"
            )
            print(_distribution(scores))
            if args.symbols:
                replies, _ = rspamd.check_all_full(messages, args.concurrency)
                counts = Counter(name for r in replies for name in r.get("symbols", {}))
                weights = {
                    name: sym.get("score", 0.0) for r in replies for name, sym in r.get("symbols", {}).items()
                }
                top = ", ".join(f"{k}({weights[k]:g}) {v}" for k, v in counts.most_common(args.symbols))
                print(f"  most frequent symbols: {top}")


if __name__ == "__main__":
    main()
