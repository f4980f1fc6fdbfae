"""IMAP for remediation: a staff mailbox opened as the master user, its folders listed, messages
searched and moved — by UID MOVE (RFC 6851) where the server has it, else COPY, ``\\Deleted``
and UID EXPUNGE (RFC 4315) — with the new UID read from COPYUID (RFC 4315 §3).

Folder names travel in modified UTF-7 (RFC 3501 §5.1.3); this module takes and gives them
decoded, and encodes them on the wire."""

from __future__ import annotations

import base64
import binascii
import imaplib
import re
from dataclasses import dataclass
from pathlib import Path

from ..core.config import Settings
from ..core.errors import ConfigError
from ..core.i18n import gettext
from ..core.mailout import is_loopback
from ..core.net import split_hostport
from ..dmarc.imap import ImapSettings, _connect, _quote

SECURITIES = ("tls", "starttls", "none")
#: below this a slow but healthy server is taken for a dead one
MIN_TIMEOUT = 2.0
#: UIDs asked for in one FETCH
FETCH_CHUNK = 200

Conn = imaplib.IMAP4


class MoveFailed(Exception):
    """The server refused a move or copy (the reason is the server's text)."""


@dataclass(frozen=True)
class RemediateConfig:
    host: str
    port: int
    master_user: str
    master_password: str = ""
    #: tls (implicit), starttls, none (plain: loopback only)
    security: str = "tls"
    login_format: str = "{mailbox}*{master}"
    quarantine: str = "Quarantine"
    ca_file: Path | None = None
    timeout: float = 30.0

    def __post_init__(self) -> None:
        if self.security not in SECURITIES:
            raise ConfigError(
                gettext("IMAP security must be one of: {values}").format(values=", ".join(SECURITIES))
            )
        if self.security == "none" and not is_loopback(self.host):
            raise ConfigError(
                gettext("plain (unencrypted) IMAP is allowed only on loopback, not {host}").format(
                    host=self.host
                )
            )
        if self.timeout < MIN_TIMEOUT:
            raise ConfigError(gettext("the IMAP timeout must be at least {n} s").format(n=MIN_TIMEOUT))
        if "{mailbox}" not in self.login_format:
            raise ConfigError(gettext("the login format must contain {mailbox}"))
        try:
            self.login_format.format(mailbox="x", master="y")
        except (KeyError, IndexError, ValueError) as exc:
            raise ConfigError(gettext("bad login format {value}").format(value=self.login_format)) from exc
        if not self.quarantine.strip() or self.quarantine.strip().upper() == "INBOX":
            raise ConfigError(gettext("the quarantine folder must be named, and not INBOX"))

    @classmethod
    def from_settings(cls, settings: Settings) -> RemediateConfig:
        """The remediation server as configured; ConfigError when it is not (fully) set."""
        spec = settings.remediate_imap.strip()
        if not spec:
            raise ConfigError(
                gettext("no IMAP server is configured for remediation (MAILWARDEN_REMEDIATE_IMAP)")
            )
        if not settings.remediate_master_user or not settings.remediate_master_password:
            raise ConfigError(
                gettext(
                    "remediation needs a master user and its password"
                    " (MAILWARDEN_REMEDIATE_MASTER_USER, MAILWARDEN_REMEDIATE_MASTER_PASSWORD)"
                )
            )
        security = settings.remediate_imap_security.strip().lower()
        try:
            host, port = split_hostport(spec, 993 if security == "tls" else 143)
        except ValueError as exc:
            raise ConfigError(gettext("bad IMAP server address {value}").format(value=spec)) from exc
        return cls(
            host=host,
            port=port,
            security=security,
            master_user=settings.remediate_master_user,
            master_password=settings.remediate_master_password,
            login_format=settings.remediate_login_format,
            quarantine=settings.remediate_quarantine.strip(),
            ca_file=settings.ca_bundle,
        )

    def login(self, mailbox: str) -> str:
        return self.login_format.format(mailbox=mailbox, master=self.master_user)


def connect(config: RemediateConfig, mailbox: str) -> Conn:
    """``mailbox`` opened as the master user. Raises ConfigError (with the server's reason)."""
    return _connect(
        ImapSettings(
            host=config.host,
            port=config.port,
            user=config.login(mailbox),
            password=config.master_password,
            security="plain" if config.security == "none" else config.security,
            ca_file=config.ca_file,
            timeout=config.timeout,
        )
    )


def capabilities(conn: Conn) -> frozenset[str]:
    """Asked after login: servers (Dovecot) announce MOVE and UIDPLUS only to a logged-in user."""
    typ, data = conn.capability()
    line = data[0] if typ == "OK" and data and isinstance(data[0], bytes) else b""
    return frozenset(line.decode("ascii", "replace").upper().split())


# -- folder names: modified UTF-7 (RFC 3501 §5.1.3) -----------------------------------------
def encode_folder(name: str) -> str:
    out: list[str] = []
    run: list[str] = []

    def flush() -> None:
        if run:
            data = base64.b64encode("".join(run).encode("utf-16-be")).decode()
            out.append("&" + data.rstrip("=").replace("/", ",") + "-")
            run.clear()

    for ch in name:
        if 0x20 <= ord(ch) <= 0x7E:
            flush()
            out.append("&-" if ch == "&" else ch)
        else:
            run.append(ch)
    flush()
    return "".join(out)


def _decode_run(m: re.Match[str]) -> str:
    body = m.group(1)
    if not body:
        return "&"
    try:
        return base64.b64decode(body.replace(",", "/") + "=" * (-len(body) % 4)).decode("utf-16-be")
    except (binascii.Error, UnicodeDecodeError):
        return m.group(0)


def decode_folder(wire: str) -> str:
    return re.sub(r"&([^-]*)-", _decode_run, wire)


_LIST = re.compile(r'^\((?P<flags>[^)]*)\) (?P<delim>"(?:[^"\\]|\\.)*"|NIL) (?P<name>.*)$', re.S)


def _unquote(text: str) -> str:
    if len(text) >= 2 and text.startswith('"') and text.endswith('"'):
        return re.sub(r"\\(.)", r"\1", text[1:-1])
    return text


def list_folders(conn: Conn) -> tuple[list[str], str]:
    """The selectable folders (decoded names) and the hierarchy delimiter."""
    typ, data = conn.list()
    if typ != "OK":
        return [], "/"
    folders: list[str] = []
    delim = "/"
    for item in data:
        if isinstance(item, tuple):  # the name came as a literal
            line, name = item[0].decode("utf-8", "replace"), item[1].decode("utf-8", "replace")
            line = re.sub(r"\{\d+\}$", "", line) + '""'
        elif isinstance(item, bytes):
            line, name = item.decode("utf-8", "replace"), ""
        else:
            continue
        m = _LIST.match(line)
        if m is None:
            continue
        if m.group("delim") != "NIL":
            delim = _unquote(m.group("delim")) or delim
        flags = m.group("flags").lower()
        if "\\noselect" in flags or "\\nonexistent" in flags:
            continue
        folders.append(decode_folder(name or _unquote(m.group("name"))))
    return folders, delim


def select(conn: Conn, folder: str, *, readonly: bool) -> int | None:
    """The folder selected (EXAMINE when ``readonly``): its UIDVALIDITY, or None if it cannot be."""
    typ, _ = conn.select(_quote(encode_folder(folder)), readonly=readonly)
    if typ != "OK":
        return None
    _, data = conn.response("UIDVALIDITY")
    value = data[0] if data and isinstance(data[0], bytes) else b""
    return int(value) if value.isdigit() else 0


def folder_exists(conn: Conn, folder: str) -> bool:
    typ, _ = conn.status(_quote(encode_folder(folder)), "(UIDVALIDITY)")
    return typ == "OK"


def ensure_folder(conn: Conn, folder: str) -> None:
    if not folder_exists(conn, folder):
        typ, data = conn.create(_quote(encode_folder(folder)))
        if typ != "OK":
            raise MoveFailed(_text(data))


def _text(data: list[object]) -> str:
    return " ".join(d.decode("utf-8", "replace") if isinstance(d, bytes) else str(d) for d in data if d)


def _astring(value: str) -> str | None:
    """A quoted string for printable ASCII; None when the value needs a literal."""
    return _quote(value) if value.isascii() and value.isprintable() else None


def search(conn: Conn, criteria: list[str], last: str | None = None) -> list[int]:
    """UID SEARCH (CHARSET UTF-8) over the selected folder; ``last``, the value of the last
    criterion, goes as a literal when it is not plain ASCII."""
    args = ["CHARSET", "UTF-8", *criteria]
    if last is not None:
        quoted = _astring(last)
        if quoted is None:
            conn.literal = last.encode("utf-8")  # type: ignore[assignment]  # imaplib sends bytes
        else:
            args.append(quoted)
    typ, data = conn.uid("SEARCH", *args)
    line = data[0] if typ == "OK" and data and isinstance(data[0], bytes) else b""
    return sorted(int(u) for u in line.split() if u.isdigit())


def search_message_ids(conn: Conn, message_ids: list[str]) -> list[int]:
    """UIDs whose Message-ID header holds one of ``message_ids`` (a substring match: the caller
    checks the header exactly)."""
    found: set[int] = set()
    plain = [q for q in (_astring(m) for m in message_ids) if q is not None]
    for i in range(0, len(plain), 20):
        batch = [f"HEADER Message-ID {q}" for q in plain[i : i + 20]]
        found.update(search(conn, ["OR " * (len(batch) - 1) + " ".join(batch)]))
    for m in message_ids:
        if _astring(m) is None:
            found.update(search(conn, ["HEADER", "Message-ID"], m))
    return sorted(found)


_FETCH_UID = re.compile(rb"\bUID (\d+)")
_FETCH_SIZE = re.compile(rb"\bRFC822\.SIZE (\d+)")


def fetch(conn: Conn, uids: list[int], item: str) -> dict[int, tuple[int, bytes]]:
    """``item`` (a BODY.PEEK[…]) of each UID, with its size: {uid: (size, data)}."""
    out: dict[int, tuple[int, bytes]] = {}
    for i in range(0, len(uids), FETCH_CHUNK):
        chunk = ",".join(str(u) for u in uids[i : i + FETCH_CHUNK])
        typ, data = conn.uid("FETCH", chunk, f"(UID RFC822.SIZE {item})")
        if typ != "OK":
            continue
        for part in data:
            if not isinstance(part, tuple) or len(part) < 2:
                continue
            uid, size = _FETCH_UID.search(part[0]), _FETCH_SIZE.search(part[0])
            if uid is not None:
                out[int(uid.group(1))] = (int(size.group(1)) if size else 0, bytes(part[1]))
    return out


def exists(conn: Conn, uid: int) -> bool:
    typ, data = conn.uid("SEARCH", "UID", str(uid))
    line = data[0] if typ == "OK" and data and isinstance(data[0], bytes) else b""
    return str(uid).encode() in line.split()


def move(conn: Conn, caps: frozenset[str], uid: int, target: str) -> tuple[int | None, int | None]:
    """Move one message of the selected folder to ``target``: (the target's UIDVALIDITY, the
    new UID) from COPYUID, or (None, None) when the server does not say. Raises MoveFailed."""
    conn.untagged_responses.pop("COPYUID", None)
    wire = _quote(encode_folder(target))
    if "MOVE" in caps:
        typ, data = conn.uid("MOVE", str(uid), wire)
        if typ != "OK":
            raise MoveFailed(_text(data))
    else:
        typ, data = conn.uid("COPY", str(uid), wire)
        if typ != "OK":
            raise MoveFailed(_text(data))
        typ, data = conn.uid("STORE", str(uid), "+FLAGS.SILENT", r"(\Deleted)")
        if typ != "OK":
            raise MoveFailed(_text(data))
        if "UIDPLUS" in caps:
            # only this message: a plain EXPUNGE would also remove what the user marked deleted
            conn.uid("EXPUNGE", str(uid))
    codes = conn.untagged_responses.pop("COPYUID", [])
    raw = codes[-1] if codes and isinstance(codes[-1], bytes) else b""
    parts = raw.split()
    if len(parts) == 3 and parts[0].isdigit() and parts[2].isdigit():
        return int(parts[0]), int(parts[2])
    return None, None
