"""A page's content stream split into operations by regular expressions, for what pypdf's
text extraction reads: the same ``(operands, operator)`` list, object for object, as pypdf's
own parser makes (``ContentStream.operations``) — which reads a byte at a time and was half
the time of reading a PDF's text (docs/perf/dlp-check.md).

Only the common shape is read here: numbers, names, strings (literal and hex), arrays of
those, and operators. Anything else — inline images, dictionaries (marked content),
comments, booleans inside arrays, escapes in names, odd bytes — gives ``None``, and pypdf
parses that stream as before: the result is the same either way, only slower.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from pypdf.generic import (
    ArrayObject,
    ContentStream,
    FloatObject,
    NameObject,
    NumberObject,
    create_string_object,
    read_string_from_stream,
)

__all__ = ["fast_contents", "fast_operations"]

# a token at a time, whitespace before it skipped; "bad": a byte no other kind starts with
_TOKEN = re.compile(
    rb"[ \t\r\n]*(?:"
    rb"([-+.0-9]+)"  # what pypdf reads as a number: a run of these bytes
    rb"|(/[^\x00-\x20\x7f-\xff()<>\[\]{}/%]*)"  # a name
    rb"|\(([^()\\]*)\)"  # a plain string
    rb"|(\((?:[^()\\]|\\[\s\S])*\))"  # a string with escapes
    rb"|<(?!<)([0-9A-Fa-f \t\r\n]*)>"  # a hex string
    rb"|([A-Za-z'\"][^\x00-\x20\x7f-\xff()<>\[\]{}/%]*)"  # an operator
    rb"|(\[)|(\])"
    rb"|([^ \t\r\n])"
    rb")"
)
_NUMBER = re.compile(rb"[-+]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)\Z")
_HEX_SPACE = re.compile(rb"[ \t\r\n]")
#: operators pypdf reads otherwise (an inline image)
_SPECIAL_OPS = frozenset({b"BI", b"ID", b"EI"})
#: streams split here at most this long (a page of text is 5–60 KB): every token is read into
#: a list at once, up to ~130 bytes each, so the bound keeps that under ~35 MB; longer streams
#: go to pypdf, which parses them under its own budget
MAX_BYTES = 256 * 1024


class _Unusual(Exception):
    """Something this reader leaves to pypdf."""


def fast_operations(data: bytes) -> list[tuple[list[Any], bytes]] | None:
    """The operations of a content stream, or None where pypdf must read it."""
    try:
        return _operations(data)
    except _Unusual:
        return None


def _operations(data: bytes) -> list[tuple[list[Any], bytes]]:
    if len(data) > MAX_BYTES:
        raise _Unusual
    tokens = _TOKEN.findall(data)
    ops: list[tuple[list[Any], bytes]] = []
    operands: list[Any] = []
    stack: list[list[Any]] = []  # arrays being read, innermost last
    numbers: dict[bytes, Any] = {}  # the same number is the same (immutable) object
    names: dict[bytes, NameObject] = {}
    value: Any
    for num, name, plain, escaped, hexa, op, opened, closed, bad in tokens:
        if num:
            value = numbers.get(num)
            if value is None:
                if _NUMBER.match(num) is None:
                    raise _Unusual
                value = numbers[num] = FloatObject(num) if b"." in num else NumberObject(num)
        elif op:
            # "R" but for "RG": two numbers before it are an indirect reference to pypdf
            if stack or op in _SPECIAL_OPS or len(op) > 16 or (op[:1] == b"R" and op != b"RG"):
                raise _Unusual
            ops.append((operands, op))
            operands = []
            continue
        elif name:
            value = names.get(name)
            if value is None:
                if b"#" in name:  # an escaped character: pypdf's reader
                    raise _Unusual
                value = names[name] = NameObject(name.decode("ascii"))
        elif escaped:  # pypdf's own reader for escapes (the token ends where it ends)
            value = read_string_from_stream(io.BytesIO(escaped), "bytes")
        elif opened:
            stack.append([])
            continue
        elif closed:
            if not stack:
                raise _Unusual
            value = ArrayObject(stack.pop())
        elif bad:
            raise _Unusual
        else:  # a string: plain or hex (perhaps empty, "()" or "<>": every group empty)
            value = _string(plain, hexa)
        (stack[-1] if stack else operands).append(value)
    if stack:
        raise _Unusual  # an array never closed
    return ops


def _string(plain: bytes, hexa: bytes) -> Any:
    if hexa:
        digits = _HEX_SPACE.sub(b"", hexa)
        if len(digits) % 2:
            digits += b"0"
        return create_string_object(bytes.fromhex(digits.decode("ascii")), "bytes")
    return create_string_object(plain, "bytes")


@contextmanager
def fast_contents(page: Any) -> Iterator[None]:
    """While open, ``page`` holds its content stream already split (where this reader can),
    so that pypdf's text extraction does not parse it again; the page is given its own
    contents back after (pypdf's layout mode reads them otherwise)."""
    key = NameObject("/Contents")
    original = page.get(key)
    if original is None:
        yield
        return
    try:
        stream = ContentStream(original.get_object(), page.pdf, "bytes")
    except Exception:  # left as it was: pypdf meets the same error where it always did
        yield
        return
    ops = fast_operations(stream.get_data())
    if ops is not None:
        stream.operations = ops
    page[key] = stream  # split, or to be parsed by pypdf as before: decoded once either way
    try:
        yield
    finally:
        page[key] = original
