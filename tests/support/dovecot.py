"""A private Dovecot IMAP server on loopback (Debian's dovecot-imapd), Maildir storage,
a passwd-file user, STARTTLS on one port and implicit TLS on another (test CA).

``staff`` adds more users (name: password); ``master`` (name, password) adds a Dovecot master
user, who logs in to any mailbox as ``<mailbox>*<master>`` (remediation across mailboxes)."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import uuid
from pathlib import Path

from .nsd import free_port

DOVECOT = shutil.which("dovecot") or "/usr/sbin/dovecot"


class DovecotServer:
    def __init__(
        self,
        cert_pem: str,
        key_pem: str,
        user: str = "reports",
        password: str = "secret-pass",
        staff: dict[str, str] | None = None,
        master: tuple[str, str] | None = None,
    ) -> None:
        self.dir = Path(tempfile.mkdtemp(prefix="mw-dovecot-"))
        self.user, self.password = user, password
        self.staff = dict(staff or {})
        self.master = master
        self.port = free_port()
        self.tls_port = free_port()
        (self.dir / "cert.pem").write_text(cert_pem)
        (self.dir / "key.pem").write_text(key_pem)
        os.chmod(self.dir / "key.pem", 0o600)

    @property
    def maildir(self) -> Path:
        return self.dir / "mail" / self.user

    def _maildir(self, user: str | None) -> Path:
        return self.maildir if user is None else self.dir / "mail" / user

    def start(self) -> DovecotServer:
        d = self.dir
        for sub in (
            "run",
            "state",
            f"mail/{self.user}/cur",
            f"mail/{self.user}/new",
            f"mail/{self.user}/tmp",
        ):
            (d / sub).mkdir(parents=True, exist_ok=True)
        users = {self.user: self.password, **self.staff}
        (d / "users").write_text("".join(f"{u}:{{PLAIN}}{p}\n" for u, p in users.items()))
        master_passdb = ""
        if self.master is not None:
            (d / "masters").write_text(f"{self.master[0]}:{{PLAIN}}{self.master[1]}\n")
            master_passdb = f"""
auth_master_user_separator = *
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {d}/masters
  master = yes
}}"""
        (d / "dovecot.conf").write_text(f"""
base_dir = {d}/run
state_dir = {d}/state
log_path = {d}/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = yes
ssl_cert = <{d}/cert.pem
ssl_key = <{d}/key.pem
disable_plaintext_auth = no
auth_mechanisms = plain login
mail_location = maildir:{d}/mail/%u{master_passdb}
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {d}/users
}}
userdb {{
  driver = static
  args = uid=nobody gid=nogroup home={d}/mail/%u
}}
service imap-login {{
  inet_listener imap {{
    address = 127.0.0.1
    port = {self.port}
  }}
  inet_listener imaps {{
    address = 127.0.0.1
    port = {self.tls_port}
    ssl = yes
  }}
}}
service anvil {{
  chroot =
}}
service imap-login {{
  chroot =
}}
default_internal_user = nobody
default_login_user = nobody
""")
        self._chown()
        # Dovecot daemonises: its output must not go to pipes we would wait on forever.
        with open(d / "start.log", "wb") as log:
            subprocess.run(
                [DOVECOT, "-c", str(d / "dovecot.conf")],
                check=True,
                stdout=log,
                stderr=log,
                stdin=subprocess.DEVNULL,
            )
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=2.0) as s:
                    if s.recv(100).startswith(b"* OK"):
                        return self
            except OSError:
                time.sleep(0.1)
        raise RuntimeError("dovecot did not start: " + (d / "dovecot.log").read_text(errors="replace"))

    def _chown(self) -> None:
        if os.geteuid() == 0:
            subprocess.run(["chown", "-R", "nobody:nogroup", str(self.dir / "mail")], check=True)
            os.chmod(self.dir, 0o755)

    def deliver(self, message: bytes, folder: str | None = None, user: str | None = None) -> None:
        """Put a message into the user's INBOX (or a folder) as Maildir does."""
        base = self._maildir(user) if folder is None else self._maildir(user) / f".{folder}"
        for sub in ("cur", "new", "tmp"):
            (base / sub).mkdir(parents=True, exist_ok=True)
        name = f"{int(time.time())}.{uuid.uuid4().hex}.mw"
        (base / "tmp" / name).write_bytes(message)
        (base / "tmp" / name).rename(base / "new" / name)
        self._chown()

    def count(self, folder: str | None = None, user: str | None = None) -> int:
        base = self._maildir(user) if folder is None else self._maildir(user) / f".{folder}"
        return sum(len(list((base / sub).glob("*"))) for sub in ("cur", "new") if (base / sub).exists())

    def stop(self) -> None:
        pid_file = self.dir / "run" / "master.pid"
        if pid_file.exists():
            with contextlib.suppress(ProcessLookupError, ValueError):
                os.kill(int(pid_file.read_text().strip()), signal.SIGTERM)
            time.sleep(0.3)
        shutil.rmtree(self.dir, ignore_errors=True)
