"""What remediation looks for, and finding it in one folder: the reports' Message-IDs, and a
fingerprint (sender address, subject, a hash of the body text) for the copies whose Message-ID
differs; the mailbox list read from options or a file."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from email.parser import BytesHeaderParser
from email.utils import parseaddr
from pathlib import Path

from sqlalchemy import select

from ..core.errors import InputError
from ..core.htmltext import html_text
from ..core.i18n import gettext
from ..core.message import Limits, decode_header_value, parse_message
from ..core.store import Store
from ..dmarc.imap import _quote
from . import remediate_imap as imap
from .models import Report, ReportCluster
from .service import CLUSTER_UNKNOWN

#: messages fetched whole per mailbox to compare fingerprints, and the largest fetched
MAX_FETCH = 100
MAX_FETCH_BYTES = 25 * 1024 * 1024
#: candidates (same sender and subject) read per folder, newest first
MAX_CANDIDATES = 500
MAX_MESSAGE_IDS = 500
MAX_FINGERPRINTS = 50
MAX_MAILBOXES = 100_000
#: a mailbox line: an address or a login name, no spaces or control characters
_MAILBOX = re.compile(r"^[^\s\x00-\x1f\x7f]{1,320}$")
_LIMITS = Limits(max_parts=100, max_body_chars=500_000, max_attachment_bytes=1)


@dataclass(frozen=True)
class Fingerprint:
    sender: str
    subject: str
    body: str


@dataclass
class Targets:
    message_ids: list[str] = field(default_factory=list)
    fingerprints: list[Fingerprint] = field(default_factory=list)


def _norm(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).split())


def fingerprint(raw: bytes) -> Fingerprint | None:
    """Sender address, subject and a SHA-256 of the body text with every space removed (after
    NFKC): the same for a copy whatever its transfer encoding, line ends or wrapping — the
    reported copy went through a mail client's forward. None without a sender or text."""
    msg = parse_message(raw, _LIMITS)
    sender = msg.sender.address.lower() if msg.sender else ""
    text = "\n".join(msg.texts) if msg.texts else "\n".join(html_text(h) for h in msg.htmls)
    body = re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))
    if not sender or not body:
        return None
    return Fingerprint(sender, _norm(msg.subject), hashlib.sha256(body.encode("utf-8")).hexdigest())


def _message_id(value: str) -> str:
    return "".join(value.split())


def targets(store: Store, cluster_id: int) -> Targets:
    """What to look for; InputError unless the cluster is resolved as phishing."""
    with store.session() as s:
        group = s.get(ReportCluster, cluster_id)
        if group is None:
            raise InputError(gettext(CLUSTER_UNKNOWN).format(id=cluster_id))
        if group.status != "resolved" or group.classification != "phishing":
            raise InputError(
                gettext(
                    "cluster {id} is not resolved as phishing ({state}):"
                    " only phishing is removed from mailboxes"
                ).format(id=cluster_id, state=group.classification or group.status)
            )
        reports = s.execute(
            select(Report.message_id, Report.degraded, Report.raw).where(Report.cluster_id == cluster_id)
        ).all()
    out = Targets()
    for mid, degraded, raw in reports:
        m = _message_id(mid or "")
        if m and m not in out.message_ids and len(out.message_ids) < MAX_MESSAGE_IDS:
            out.message_ids.append(m)
        if degraded or len(out.fingerprints) >= MAX_FINGERPRINTS:
            continue  # an inline forward's body is the reporter's, not the message's
        fp = fingerprint(raw)
        if fp is not None and fp not in out.fingerprints:
            out.fingerprints.append(fp)
    return out


def read_mailboxes(lines: Iterable[str]) -> list[str]:
    """Mailboxes, one a line (blank lines and ``#`` comments skipped, duplicates dropped)."""
    out: dict[str, None] = {}
    for n, line in enumerate(lines, 1):
        value = line.strip()
        if not value or value.startswith("#"):
            continue
        if not _MAILBOX.match(value):
            raise InputError(gettext("line {n}: not a mailbox: {value}").format(n=n, value=value[:80]))
        out[value] = None
        if len(out) > MAX_MAILBOXES:
            raise InputError(gettext("more than {n} mailboxes").format(n=MAX_MAILBOXES))
    return list(out)


def mailboxes_from(given: list[str], path: Path | None) -> list[str]:
    """The mailboxes named, else those in the file; InputError when there are none."""
    lines = list(given)
    if not lines and path is not None:
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(
                gettext("cannot read the mailbox list {path}: {error}").format(path=path, error=exc)
            ) from exc
    found = read_mailboxes(lines)
    if not found:
        raise InputError(
            gettext("no mailboxes to search (--mailbox, --mailboxes or MAILWARDEN_REMEDIATE_MAILBOXES)")
        )
    return found


@dataclass
class Hit:
    folder: str
    uidvalidity: int
    uid: int
    message_id: str
    matched_by: str


def _header(block: bytes, name: str) -> str:
    value = BytesHeaderParser().parsebytes(block).get(name)
    return decode_header_value(value) if value is not None else ""


class Budget:
    def __init__(self) -> None:
        self.left = MAX_FETCH
        self.note = ""


def _by_fingerprint(conn: imap.Conn, t: Targets, skip: set[int], budget: Budget) -> dict[int, str]:
    found: dict[int, str] = {}
    for fp in t.fingerprints:
        if fp.sender.isascii() and fp.sender.isprintable():
            uids = (
                imap.search(conn, ["FROM", _quote(fp.sender), "SUBJECT"], fp.subject)
                if fp.subject
                else imap.search(conn, ["FROM", _quote(fp.sender)])
            )
        else:
            uids = imap.search(conn, ["FROM"], fp.sender)
        uids = [u for u in uids if u not in skip and u not in found][-MAX_CANDIDATES:]
        heads = imap.fetch(conn, uids, "BODY.PEEK[HEADER.FIELDS (FROM SUBJECT MESSAGE-ID)]")
        for uid, (size, head) in sorted(heads.items(), reverse=True):
            if (
                parseaddr(_header(head, "From"))[1].lower() != fp.sender
                or _norm(_header(head, "Subject")) != fp.subject
            ):
                continue
            if size > MAX_FETCH_BYTES:
                continue
            if budget.left <= 0:
                budget.note = gettext("the body comparison stopped after {n} messages").format(n=MAX_FETCH)
                break
            budget.left -= 1
            whole = imap.fetch(conn, [uid], "BODY.PEEK[]").get(uid)
            if whole is not None and fingerprint(whole[1]) == fp:
                found[uid] = _message_id(_header(head, "Message-ID"))
    return found


def scan_folder(conn: imap.Conn, folder: str, validity: int, t: Targets, budget: Budget) -> list[Hit]:
    hits: list[Hit] = []
    wanted = set(t.message_ids)
    uids = imap.search_message_ids(conn, t.message_ids) if t.message_ids else []
    heads = imap.fetch(conn, uids, "BODY.PEEK[HEADER.FIELDS (MESSAGE-ID)]")
    for uid, (_size, head) in sorted(heads.items()):
        mid = _message_id(_header(head, "Message-ID"))
        if mid in wanted:  # the search matched a substring: the header must be the same
            hits.append(Hit(folder, validity, uid, mid, "message_id"))
    for uid, mid in sorted(_by_fingerprint(conn, t, {h.uid for h in hits}, budget).items()):
        hits.append(Hit(folder, validity, uid, mid, "hash"))
    return hits
