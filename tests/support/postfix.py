"""A private Postfix (Debian's) on loopback: its own configuration and queue directories,
relaying everything it accepts to one next hop — the MTA in front of the DLP gateway."""

from __future__ import annotations

import os
import shutil
import smtplib
import subprocess
import tempfile
import time
from pathlib import Path

from .nsd import free_port

POSTFIX = shutil.which("postfix") or "/usr/sbin/postfix"


class PostfixServer:
    def __init__(
        self, relay_port: int, direct: dict[str, int] | None = None, tls: tuple[bytes, bytes] | None = None
    ) -> None:
        """``direct``: domains Postfix delivers itself to a port, not through ``relay_port``
        (an organisation's own mail, which never leaves through the gateway). ``tls``: a
        certificate and key (PEM) for STARTTLS offered by its smtpd."""
        self.direct = direct or {}
        self.tls = tls
        # the postfix user must reach the queue directory: not below pytest's 0700 tmp_path
        self.dir = Path(tempfile.mkdtemp(prefix="mw-postfix-"))
        os.chmod(self.dir, 0o755)
        self.port = free_port()
        self.relay_port = relay_port

    def start(self) -> PostfixServer:
        d = self.dir
        (d / "etc").mkdir()
        (d / "data").mkdir()
        (d / "queue").mkdir()
        shutil.chown(d / "data", "postfix")
        master = Path("/etc/postfix/master.cf").read_text().splitlines()
        lines = []
        for line in master:
            fields = line.split()
            if fields[:2] == ["smtp", "inet"]:
                line = f"127.0.0.1:{self.port} inet n - n - - smtpd"
            elif len(fields) >= 8 and not line.startswith("#") and fields[4] == "y":
                fields[4] = "n"  # no chroot: the private queue directory is not set up for one
                line = " ".join(fields)
            lines.append(line)
        (d / "etc" / "master.cf").write_text("\n".join(lines) + "\n")
        smtpd_tls = "smtpd_tls_security_level = none"
        if self.tls:
            (d / "tls.pem").write_bytes(self.tls[1] + self.tls[0])  # key, then certificate
            os.chmod(d / "tls.pem", 0o644)
            smtpd_tls = f"smtpd_tls_security_level = may\nsmtpd_tls_chain_files = {d}/tls.pem"
        routes = ", ".join(f"{dom}=smtp:[127.0.0.1]:{port}" for dom, port in self.direct.items())
        transport = f"transport_maps = inline:{{ {routes} }}\n" if routes else ""
        (d / "etc" / "main.cf").write_text(
            f"""compatibility_level = 3.6
queue_directory = {d}/queue
data_directory = {d}/data
mail_owner = postfix
setgid_group = postdrop
myhostname = mta.example.test
mydomain = example.test
myorigin = example.test
mydestination =
inet_interfaces = 127.0.0.1
inet_protocols = ipv4
mynetworks = 127.0.0.0/8
relayhost = [127.0.0.1]:{self.relay_port}
smtp_tls_security_level = none
{smtpd_tls}
smtpd_relay_restrictions = permit_mynetworks, reject
alias_maps =
alias_database =
local_recipient_maps =
maillog_file = /dev/stdout
smtputf8_enable = yes
{transport}queue_run_delay = 1s
minimal_backoff_time = 1s
maximal_backoff_time = 2s
"""
        )
        # start-fg: the master in the foreground, logging to our file (no syslog here)
        self._log = open(d / "maillog", "wb")  # noqa: SIM115  (open for the server's lifetime)
        self.proc = subprocess.Popen(
            [POSTFIX, "-c", str(d / "etc"), "start-fg"], stdout=self._log, stderr=subprocess.STDOUT
        )
        end = time.monotonic() + 60
        while time.monotonic() < end:
            try:
                with smtplib.SMTP("127.0.0.1", self.port, timeout=2) as s:
                    s.noop()
                return self
            except OSError:
                if self.proc.poll() is not None:
                    break
                time.sleep(0.2)
        raise RuntimeError(f"postfix did not start: {self.log()}")

    def log(self) -> str:
        try:
            return (self.dir / "maillog").read_text(errors="replace")
        except OSError:
            return ""

    def stop(self) -> None:
        subprocess.run([POSTFIX, "-c", str(self.dir / "etc"), "stop"], capture_output=True, timeout=60)
        try:
            self.proc.wait(30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self._log.close()
        shutil.rmtree(self.dir, ignore_errors=True)
