"""pdfops splits a content stream into exactly the operations pypdf's own parser makes, object
for object and type for type, or leaves the stream to pypdf (None) — for any bytes."""

from __future__ import annotations

import io

from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf import PdfReader
from pypdf.errors import PyPdfError
from pypdf.generic import ContentStream, DecodedStreamObject

from mailwarden.dlp.pdfops import MAX_BYTES, fast_contents, fast_operations
from tests.dlp.test_check_cli import pdf
from tests.support.tablefiles import write_table


def pypdf_operations(data: bytes) -> list | None:
    stream = DecodedStreamObject()
    stream.set_data(data)
    try:
        return ContentStream(stream, None, "bytes").operations
    except (PyPdfError, ValueError, KeyError, TypeError, IndexError, AssertionError):
        return None


def same(a: object, b: object) -> bool:
    if type(a) is not type(b):
        return False
    if isinstance(a, (list, tuple)):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    return a == b


# operators, numbers (odd ones too), names, strings of every kind, arrays, and what pdfops
# leaves to pypdf: dictionaries, comments, inline images, indirect references, odd bytes
PIECES = (
    b"BT|ET|Tf|Td|TD|Tm|T*|Tj|TJ|'|\"|q|Q|cm|re|0|1|-2|+3|4.5|-.25|6.|1.2.3|--1|.|+|12 0 R|/F1|/Name#20x|/"
    b"|/\xe3\x81\x82|(plain)|()|(a\\(b\\)c)|(\\101\\7777)|(line\\\r\nnext)|(nested (paren) inside)"
    b"|(unclosed|(\\q)|<48656c6c6f>|<4 8 6>|<>|<zz>|[|]|<<|>>|/MCID 0|{|}|%comment\n|(50%)|true|false"
    b"|null|BI|ID|EI|\x00|\x0b|\x0c|\xff|#"
).split(b"|")


@settings(max_examples=600, deadline=None)
@given(
    st.lists(st.sampled_from(PIECES), max_size=30),
    st.lists(st.sampled_from([b" ", b"\n", b"\r\n", b"\t", b""])),
)
def test_any_stream_gives_pypdfs_operations_or_is_left_to_pypdf(pieces, gaps):
    data = b"".join(p + (gaps[i % len(gaps)] if gaps else b" ") for i, p in enumerate(pieces))
    fast = fast_operations(data)
    if fast is None:
        return  # pypdf reads it, as before
    assert same(fast, pypdf_operations(data)), data


GOOD = [p for p in PIECES if p not in (b"(unclosed", b"<zz>", b"<<", b">>", b"{", b"}", b"%comment\n")]
GOOD = [
    p for p in GOOD if p not in (b"BI", b"ID", b"EI", b"\x00", b"\x0b", b"\x0c", b"\xff", b"#", b"12 0 R")
]


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(GOOD), max_size=30))
def test_streams_of_the_common_shape_are_split_here(pieces):
    data = b" ".join(pieces)
    fast = fast_operations(data)
    if fast is not None:
        assert same(fast, pypdf_operations(data)), data


def test_real_pages_are_split_as_pypdf_splits_them():
    header = ["氏名", "カード番号", "Email"]
    rows = [[f"山田 {i}", f"4111 1111 1111 {1000 + i}", f"u{i}@example.com"] for i in range(80)]
    for data in (pdf("Card 4012888888881881 \\(50%\\) \\101"), write_table("pdf", header, rows)[1]):
        for page in PdfReader(io.BytesIO(data)).pages:
            stream = ContentStream(page["/Contents"].get_object(), None, "bytes")
            raw = stream.get_data()
            fast = fast_operations(raw)
            assert fast is not None and fast, raw[:200]
            assert same(fast, pypdf_operations(raw))


def test_the_page_gets_its_own_contents_back():
    page = PdfReader(io.BytesIO(pdf("Card 4012888888881881"))).pages[0]
    before = page["/Contents"]
    with fast_contents(page):
        assert isinstance(page["/Contents"], ContentStream)
        assert "4012888888881881" in page.extract_text()
    assert page["/Contents"] is before


def test_a_stream_longer_than_the_bound_is_left_to_pypdf():
    # one-byte tokens would make a list of millions at once: pypdf parses it under its budget
    assert fast_operations(b"[" * (MAX_BYTES + 1)) is None
    assert fast_operations(b"0 0 m " * (MAX_BYTES // 6)) is not None
