"""Changes the gateway makes to a message on its way out: on the raw header block only, so
the body (and its DKIM body hash) is relayed byte for byte."""

from __future__ import annotations

import re
from email.header import Header, decode_header, make_header

_FOLD = re.compile(rb"\r?\n[ \t]")
_END_OF_HEAD = re.compile(rb"\r?\n\r?\n")


def split(data: bytes) -> tuple[bytes, bytes, bytes]:
    """(header block, the blank line that ends it, body). A message with no blank line is all
    header."""
    m = _END_OF_HEAD.search(data)
    if m is None:
        return data, b"", b""
    return data[: m.start()], data[m.start() : m.end()], data[m.end() :]


def head_length(data: bytes) -> int:
    """Where the body starts: after the blank line that ends the header block (all of it
    when there is none)."""
    m = _END_OF_HEAD.search(data)
    return m.end() if m is not None else len(data)


def _eol(head: bytes) -> bytes:
    return b"\r\n" if b"\r\n" in head else b"\n"


def _fields(head: bytes) -> list[bytes]:
    """Header fields with their folded continuation lines kept together."""
    out: list[bytes] = []
    for line in re.split(rb"\r?\n", head):
        if line[:1] in (b" ", b"\t") and out:
            out[-1] += b"\r\n" + line
        else:
            out.append(line)
    return [f for f in out if f]


def _name(field: bytes) -> bytes:
    return field.split(b":", 1)[0].strip().lower()


def _join(fields: list[bytes], sep: bytes, body: bytes, eol: bytes) -> bytes:
    text = eol.join(f.replace(b"\r\n", eol) for f in fields)
    return text + (sep or eol + eol) + body


def add_header(data: bytes, name: str, value: str) -> bytes:
    """Prepend ``name: value`` (encoded when not ASCII)."""
    eol = _eol(split(data)[0])
    encoded = Header(value, "utf-8", header_name=name).encode() if not value.isascii() else value
    return f"{name}: {encoded}".encode("ascii") + eol + data


def tag_subject(data: bytes, tag: str) -> bytes:
    """Put ``tag`` in front of the Subject (decoded, tagged once, encoded again)."""
    head, sep, body = split(data)
    eol = _eol(head)
    fields = _fields(head)
    for i, f in enumerate(fields):
        if _name(f) == b"subject":
            raw = _FOLD.sub(b" ", f.split(b":", 1)[1]).strip().decode("utf-8", "surrogateescape")
            try:
                subject = str(make_header(decode_header(raw)))
            except (LookupError, UnicodeError, ValueError):
                subject = raw.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
            if subject.startswith(tag):
                return data
            new = f"{tag} {subject}"
            value = new if new.isascii() else Header(new, "utf-8", header_name="Subject").encode()
            fields[i] = f"Subject: {value}".encode("ascii")
            return _join(fields, sep, body, eol)
    value = tag if tag.isascii() else Header(tag, "utf-8", header_name="Subject").encode()
    return _join([*fields, f"Subject: {value}".encode("ascii")], sep, body, eol)


def hide_recipients(data: bytes) -> bytes:
    """Forced Bcc: To and Cc go, so external recipients cannot see one another; the envelope
    (who actually receives it) is unchanged."""
    head, sep, body = split(data)
    eol = _eol(head)
    fields = [f for f in _fields(head) if _name(f) not in (b"to", b"cc")]
    fields.append(b"To: undisclosed-recipients:;")
    return _join(fields, sep, body, eol)
