"""The reporting mailbox over IMAP (TLS or STARTTLS; the connection settings are the DMARC
fetcher's): every report mail is taken in, then moved — to the processed folder, or to the
rejected folder when it held no message to report.

Each report is stored with its origin (mailbox, UIDVALIDITY, UID) and committed before the
mail is moved, so a connection dropped mid-fetch loses nothing (what was not moved is read
again next time) and counts nothing twice (an origin already stored is not stored again)."""

from __future__ import annotations

import contextlib
import imaplib
import re
import time
from collections.abc import Callable
from dataclasses import dataclass

from ..analyze.rules import Rules
from ..core.errors import ConfigError
from ..core.i18n import N_, gettext
from ..core.store import Store
from ..dmarc.imap import ImapSettings, _connect, _ensure_folder, _quote
from .intake import MAX_REPORT_BYTES, MB, REASON_TOO_LARGE
from .service import Ingested, ingest_report

REASON_FETCH = N_("the report mail could not be fetched")
#: the longest one IDLE lasts before it is renewed (RFC 2177: servers may end it after 30 min)
IDLE_MAX = 25 * 60.0
_UIDVALIDITY = re.compile(rb"UIDVALIDITY (\d+)")


@dataclass
class Fetched:
    origin: str
    result: Ingested


def _uidvalidity(conn: imaplib.IMAP4, folder: str) -> str:
    typ, data = conn.status(_quote(folder), "(UIDVALIDITY)")
    m = _UIDVALIDITY.search(data[0] if typ == "OK" and data and isinstance(data[0], bytes) else b"")
    return m.group(1).decode() if m else "0"


def fetch_once(store: Store, rules: Rules, secret: str, s: ImapSettings) -> list[Fetched]:
    """One pass over the reporting folder."""
    conn = _connect(s)
    out: list[Fetched] = []
    try:
        for folder in (s.processed_folder, s.rejected_folder):
            if folder:
                _ensure_folder(conn, folder)
        validity = _uidvalidity(conn, s.folder)
        typ, _ = conn.select(_quote(s.folder))
        if typ != "OK":
            raise ConfigError(gettext("IMAP folder {folder} not found").format(folder=s.folder))
        typ, data = conn.uid("SEARCH", None, "ALL")  # type: ignore[arg-type]
        uids = data[0].split() if typ == "OK" and data and data[0] else []
        moves: list[tuple[bytes, str | None]] = []
        for uid in uids:
            origin = f"imap://{s.user}@{s.host}/{s.folder};UIDVALIDITY={validity};UID={uid.decode()}"
            result = _one(conn, store, rules, secret, uid, origin)
            out.append(Fetched(origin, result))
            if result.reason != REASON_FETCH:  # a failed fetch stays in place, read again next time
                moves.append((uid, s.processed_folder if result.report_id is not None else s.rejected_folder))
        # moved only once every report is committed
        for uid, target in moves:
            if target:
                typ, _ = conn.uid("COPY", uid.decode(), _quote(target))
                if typ == "OK":
                    conn.uid("STORE", uid.decode(), "+FLAGS.SILENT", r"(\Deleted)")
        conn.expunge()
    finally:
        with contextlib.suppress(OSError, imaplib.IMAP4.error):
            conn.logout()
    return out


def _one(conn: imaplib.IMAP4, store: Store, rules: Rules, secret: str, uid: bytes, origin: str) -> Ingested:
    typ, parts = conn.uid("FETCH", uid.decode(), "(RFC822.SIZE)")
    size_line = parts[0] if typ == "OK" and parts and isinstance(parts[0], bytes) else b""
    m = re.search(rb"RFC822\.SIZE (\d+)", size_line)
    if m and int(m.group(1)) > MAX_REPORT_BYTES:
        # not fetched at all: the size the server declares is over the limit
        return Ingested(reason=REASON_TOO_LARGE, reason_params={"limit": str(MAX_REPORT_BYTES // MB)})
    typ, parts = conn.uid("FETCH", uid.decode(), "(BODY.PEEK[])")
    raw = next((p[1] for p in parts if isinstance(p, tuple) and len(p) > 1), None)
    if typ != "OK" or not isinstance(raw, bytes):
        return Ingested(reason=REASON_FETCH)
    return ingest_report(store, rules, secret, path="imap", report_mail=raw, origin=origin)


def wait_for_mail(
    s: ImapSettings,
    longest: float,
    *,
    poll: float = 60.0,
    left: int = 0,
    on_idle: Callable[[], None] | None = None,
) -> str:
    """Wait until the reporting folder may hold new mail: with IMAP IDLE (RFC 2177) where the
    server has it — back at the first new message, or after ``longest`` seconds —, else
    ``poll`` seconds. ``left``: the messages the last fetch left in the folder (those it could
    not read); more than that and there is new mail already ("pending"). Returns how it waited:
    "pending", "idle" (new mail announced), "idle-timeout" or "poll". A connection that fails
    is said as ConfigError, as a fetch's is. ``on_idle`` is called once the server idles."""
    conn = _connect(s)
    try:
        typ, data = conn.select(_quote(s.folder), readonly=True)
        if typ != "OK":
            raise ConfigError(gettext("IMAP folder {folder} not found").format(folder=s.folder))
        held = data[0] if data and isinstance(data[0], bytes) and data[0].isdigit() else b"0"
        if int(held) > left:  # came since the last fetch, before this wait
            return "pending"
        if "IDLE" not in conn.capabilities:
            with contextlib.suppress(OSError, imaplib.IMAP4.error):
                conn.logout()
            time.sleep(poll)
            return "poll"
        return _idle(conn, max(2.0, min(longest, IDLE_MAX)), on_idle)
    finally:
        with contextlib.suppress(OSError, imaplib.IMAP4.error, ValueError):
            conn.shutdown()


def _idle(conn: imaplib.IMAP4, longest: float, on_idle: Callable[[], None] | None) -> str:
    """IDLE until the server says EXISTS or RECENT, or ``longest`` seconds pass (the socket's
    timeout: a timed-out connection is not used again, it is closed)."""
    tag = conn._new_tag()  # imaplib has no IDLE before Python 3.14
    conn.send(tag + b" IDLE\r\n")
    line = conn.readline()
    if not line.startswith(b"+"):
        raise ConfigError(
            gettext("the IMAP server refused IDLE: {reply}").format(reply=line[:200].decode("latin-1"))
        )
    conn.sock.settimeout(longest)
    if on_idle is not None:
        on_idle()
    try:
        while True:
            line = conn.readline()
            if not line:
                return "idle-timeout"  # the server closed the connection
            if line.startswith(b"*") and (b"EXISTS" in line.upper() or b"RECENT" in line.upper()):
                break
    except (TimeoutError, OSError):
        return "idle-timeout"
    conn.sock.settimeout(30.0)
    with contextlib.suppress(OSError, imaplib.IMAP4.error):
        conn.send(b"DONE\r\n")
        while not conn.readline().startswith(tag):
            pass
        conn.logout()
    return "idle"
