"""Fetch report mail over IMAP (TLS by default), ingest it, move what was handled.

A message is moved to the processed folder only after the reports in it are committed,
so a crash in between means the message is read again next time (and is then a
duplicate), never that a report is lost.
"""

from __future__ import annotations

import contextlib
import imaplib
import ssl
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..core.errors import ConfigError
from ..core.i18n import gettext
from .ingest import REJECTED, Ingestor, Outcome

MAX_MESSAGE = 50 * 1024 * 1024


@dataclass
class ImapSettings:
    host: str
    user: str
    password: str
    port: int | None = None
    #: tls (implicit, port 993) | starttls | plain (loopback tests only)
    security: str = "tls"
    folder: str = "INBOX"
    processed_folder: str = "Processed"
    #: where messages without any usable report go; None keeps them in place
    rejected_folder: str | None = "Rejected"
    ca_file: Path | None = None
    timeout: float = 30.0


def _connect(s: ImapSettings) -> imaplib.IMAP4:
    ctx = ssl.create_default_context()
    if s.ca_file:
        ctx.load_verify_locations(cafile=str(s.ca_file))
    try:
        if s.security == "tls":
            conn: imaplib.IMAP4 = imaplib.IMAP4_SSL(s.host, s.port or 993, ssl_context=ctx, timeout=s.timeout)
        else:
            conn = imaplib.IMAP4(s.host, s.port or 143, timeout=s.timeout)
            if s.security == "starttls":
                conn.starttls(ssl_context=ctx)
            elif s.security != "plain":
                raise ConfigError(gettext("unknown IMAP security {value!r}").format(value=s.security))
        conn.login(s.user, s.password)
    except (OSError, imaplib.IMAP4.error) as exc:
        raise ConfigError(
            gettext("IMAP connection to {host} failed: {error}").format(host=s.host, error=exc)
        ) from exc
    return conn


def _ensure_folder(conn: imaplib.IMAP4, name: str) -> None:
    typ, _ = conn.select(_quote(name), readonly=True)
    if typ != "OK":
        conn.create(_quote(name))


def _quote(name: str) -> str:
    """An IMAP quoted string (RFC 3501 §4.3): backslash and double quote escaped."""
    return '"' + name.replace("\\", "\\\\").replace('"', '\\"') + '"'


def fetch_once(ingestor: Ingestor, s: ImapSettings) -> list[Outcome]:
    """One pass over the folder: every message is ingested, then moved."""
    conn = _connect(s)
    outcomes: list[Outcome] = []
    try:
        for folder in (s.processed_folder, s.rejected_folder):
            if folder:
                _ensure_folder(conn, folder)
        typ, _ = conn.select(_quote(s.folder))
        if typ != "OK":
            raise ConfigError(gettext("IMAP folder {folder} not found").format(folder=s.folder))
        typ, data = conn.uid("SEARCH", None, "ALL")  # type: ignore[arg-type]
        uids = data[0].split() if typ == "OK" and data and data[0] else []
        done: list[tuple[bytes, bool]] = []
        for uid in uids:
            typ, parts = conn.uid("FETCH", uid.decode(), "(RFC822.SIZE BODY.PEEK[])")
            raw = next((p[1] for p in parts if isinstance(p, tuple) and len(p) > 1), None)
            if typ != "OK" or not isinstance(raw, bytes):
                continue
            origin = f"imap://{s.user}@{s.host}/{s.folder};UID={uid.decode()}"
            if len(raw) > MAX_MESSAGE:
                results = [
                    Outcome(
                        origin,
                        "unknown",
                        REJECTED,
                        gettext("larger than {limit} bytes").format(limit=MAX_MESSAGE),
                    )
                ]
            else:
                # ingest_bytes commits its reports when it returns
                results = list(ingestor.ingest_bytes(origin, raw))
            outcomes.extend(results)
            usable = any(o.status != REJECTED for o in results)
            done.append((uid, usable))
        for uid, usable in done:
            target = s.processed_folder if usable else s.rejected_folder
            if not target:
                continue
            typ, _ = conn.uid("COPY", uid.decode(), _quote(target))
            if typ == "OK":
                conn.uid("STORE", uid.decode(), "+FLAGS.SILENT", r"(\Deleted)")
        conn.expunge()
    finally:
        with contextlib.suppress(OSError, imaplib.IMAP4.error):
            conn.logout()
    return outcomes


def watch(
    ingestor: Ingestor, s: ImapSettings, *, interval: float, stop: Callable[[], bool]
) -> Iterator[list[Outcome]]:
    """Poll every ``interval`` seconds until ``stop()``; a failed pass is retried next time."""
    while not stop():
        try:
            yield fetch_once(ingestor, s)
        except ConfigError as exc:
            yield [Outcome(f"imap://{s.host}", "unknown", REJECTED, str(exc))]
        deadline = time.monotonic() + interval
        while time.monotonic() < deadline and not stop():
            time.sleep(min(1.0, interval))
