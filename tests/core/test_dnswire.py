"""The lean DNS codec against dnspython as the oracle, and against garbage."""

from __future__ import annotations

import contextlib

import dns.message
import dns.name
import dns.rdata
import dns.rdataclass
import dns.rdatatype
import dns.rrset
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mailwarden.core import dnswire

label = st.binary(min_size=1, max_size=20) | st.from_regex(r"[a-z0-9][a-z0-9-]{0,14}", fullmatch=True).map(
    str.encode
)
names = st.lists(label, min_size=1, max_size=5).map(lambda ls: dns.name.Name([*ls, b""]))
ipv4 = st.ip_addresses(v=4).map(str)
ipv6 = st.ip_addresses(v=6).map(str)


def txt_rdata(strings: list[bytes]) -> dns.rdata.Rdata:
    from dns.rdtypes.ANY.TXT import TXT

    return TXT(dns.rdataclass.IN, dns.rdatatype.TXT, strings)


record = st.one_of(
    st.tuples(st.just("A"), ipv4),
    st.tuples(st.just("AAAA"), ipv6),
    st.tuples(st.just("TXT"), st.lists(st.binary(max_size=255), min_size=1, max_size=4)),
    st.tuples(st.just("MX"), st.tuples(st.integers(0, 65535), names)),
    st.tuples(st.just("PTR"), names),
    st.tuples(st.just("CNAME"), names),
)


def to_rdata(kind: str, value):
    if kind == "TXT":
        return txt_rdata(value)
    if kind == "MX":
        pref, exch = value
        return dns.rdata.from_text("IN", "MX", f"{pref} {exch.to_text()}")
    if kind in ("PTR", "CNAME"):
        return dns.rdata.from_text("IN", kind, value.to_text())
    return dns.rdata.from_text("IN", kind, value)


def same_name(text: str, name: dns.name.Name) -> bool:
    return dnswire.encode_name(text).lower() == name.canonicalize().to_wire()


@settings(max_examples=300, deadline=None)
@given(
    qname=names,
    answers=st.lists(st.tuples(names, record), max_size=6),
    qid=st.integers(0, 65535),
    rcode=st.sampled_from([0, 2, 3, 5]),
)
def test_decoder_agrees_with_dnspython(qname, answers, qid, rcode):
    query = dns.message.make_query(qname, "TXT")
    query.id = qid
    resp = dns.message.make_response(query)
    resp.set_rcode(rcode)
    for owner, (kind, value) in answers:
        rrset = resp.find_rrset(
            resp.answer, owner, dns.rdataclass.IN, dns.rdatatype.from_text(kind), create=True
        )
        rrset.add(to_rdata(kind, value), ttl=300)
    try:
        wire = resp.to_wire()
    except dns.exception.TooBig:
        return
    oracle = dns.message.from_wire(wire)
    mine = dnswire.decode_response(wire)
    assert mine.id == oracle.id and mine.rcode == oracle.rcode() and mine.is_response
    assert same_name(mine.qname, oracle.question[0].name)
    expected = [(rrset.name, rrset.rdtype, rd) for rrset in oracle.answer for rd in rrset]
    assert len(mine.answer) == len(expected)
    for rr, (owner, rdtype, rd) in zip(mine.answer, expected, strict=True):
        assert rr.rtype == rdtype and same_name(rr.name, owner)
        rec = rr.record
        if rdtype in (dns.rdatatype.A, dns.rdatatype.AAAA):
            assert rec.address == rd.address
        elif rdtype == dns.rdatatype.TXT:
            assert list(rec.strings) == list(rd.strings)
        elif rdtype == dns.rdatatype.MX:
            assert rec.preference == rd.preference and same_name(rec.exchange, rd.exchange)
        else:
            assert same_name(rec.target, rd.target)


@settings(max_examples=200, deadline=None)
@given(
    qname=names, qtype=st.sampled_from(["A", "AAAA", "TXT", "MX", "PTR", "DNSKEY"]), qid=st.integers(0, 65535)
)
def test_encoder_agrees_with_dnspython(qname, qtype, qid):
    text = dnswire.read_name(qname.to_wire(), 0)[0]
    wire = dnswire.encode_query(qid, text, dnswire.type_code(qtype), payload=1232)
    parsed = dns.message.from_wire(wire)
    assert parsed.id == qid and parsed.question[0].name == qname
    assert dns.rdatatype.to_text(parsed.question[0].rdtype) == qtype
    assert parsed.edns == 0 and parsed.payload == 1232 and parsed.flags & dns.flags.RD


@settings(max_examples=500, deadline=None)
@given(st.binary(max_size=600))
def test_garbage_is_a_wire_error(data):
    with contextlib.suppress(dnswire.WireError):
        dnswire.decode_response(data)


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_mutated_answers_are_values_or_wire_errors(data):
    resp = dns.message.make_response(dns.message.make_query("a.example.jp", "MX"))
    resp.answer.append(
        dns.rrset.from_text("a.example.jp.", 60, "IN", "MX", "10 mx.example.jp.", "20 mx2.example.jp.")
    )
    wire = bytearray(resp.to_wire())
    for _ in range(data.draw(st.integers(1, 6))):
        pos = data.draw(st.integers(0, len(wire) - 1))
        wire[pos] = data.draw(st.integers(0, 255))
    cut = data.draw(st.integers(0, len(wire)))
    with contextlib.suppress(dnswire.WireError):
        dnswire.decode_response(bytes(wire[:cut]))


def test_pointer_loop_is_rejected():
    # header + a question whose name is a pointer to itself
    wire = bytes(12) + b"\xc0\x0c" + b"\x00\x01\x00\x01"
    wire = b"\x00\x01\x81\x80\x00\x01" + wire[6:]
    with pytest.raises(dnswire.WireError, match="loop"):
        dnswire.decode_response(wire)


def test_escapes_round_trip():
    for text in ["macro%percent\\032\\032space.example.com", "a\\.b.example", "x\\\\y.jp", "\\000.jp"]:
        wire = dnswire.encode_name(text)
        assert dnswire.read_name(wire, 0)[0] == text
    assert dnswire.canonical("Macro%Percent  space.Example.COM") == "macro%percent\\032\\032space.example.com"
