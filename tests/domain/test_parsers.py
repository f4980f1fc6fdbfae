"""Parsers fed by the outside world: a value or their own typed error, never anything else."""

from __future__ import annotations

import contextlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mailwarden.core.dns import to_ascii_name
from mailwarden.core.errors import InputError, InvalidDomainError
from mailwarden.domain.dkim import DkimKeyError, parse_key_record
from mailwarden.domain.dmarc import DmarcSyntaxError, staged_next
from mailwarden.domain.dmarc import parse_record as parse_dmarc
from mailwarden.domain.mtasts import PolicyError, mx_matches, parse_policy, parse_sts_record
from mailwarden.domain.spf import SpfSyntaxError
from mailwarden.domain.spf import parse_record as parse_spf
from mailwarden.domain.survey import read_domains

spf_terms = st.sampled_from(
    [
        "a",
        "mx",
        "ptr",
        "-all",
        "~all",
        "?all",
        "+all",
        "include:_spf.example.jp",
        "ip4:192.0.2.0/24",
        "ip6:2001:db8::/32",
        "exists:%{i}.x.example.jp",
        "redirect=_spf.example.jp",
        "exp=exp.example.jp",
        "a:mail.example.jp/24//64",
        "mx/30",
        "foo=bar",
        "ip4:1.2.3.4/33",
        "a:%{z}.example",
        "include:",
        "ip4:01.2.3.4",
        "unknown:x",
        "a//129",
        "%{",
        "=x",
    ]
)
texty = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=200)


@settings(max_examples=400, deadline=None)
@given(st.lists(spf_terms | texty.filter(lambda s: " " not in s), max_size=12))
def test_spf_parser_is_total(terms):
    text = "v=spf1 " + " ".join(terms)
    try:
        rec = parse_spf(text)
    except SpfSyntaxError as exc:
        assert text[exc.position - 0 :].startswith(exc.term) or exc.position == 0
        return
    for m in rec.mechanisms:
        assert text[m.position :].startswith(m.text)


@pytest.mark.parametrize(
    ("record", "term", "position"),
    [
        ("v=spf1 ip4:192.0.2.300 -all", "ip4:192.0.2.300", 7),
        ("v=spf1 a mx ip4:10.0.0.0/33 -all", "ip4:10.0.0.0/33", 12),
        ("v=spf1 ip6:2001:db8::/129", "ip6:2001:db8::/129", 7),
        ("v=spf1 include:example -all", "include:example", 7),
        ("v=spf1 foo:bar", "foo:bar", 7),
        ("v=spf1 -all redirect=a.jp redirect=b.jp", "redirect=b.jp", 26),
        ("v=spf1 a:%{x}.example.jp", "a:%{x}.example.jp", 7),
    ],
)
def test_spf_errors_point_at_the_term(record, term, position):
    with pytest.raises(SpfSyntaxError) as err:
        parse_spf(record)
    assert err.value.term == term and err.value.position == position
    assert record[err.value.position :].startswith(term)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "p=none",
                "p=reject",
                "p=bogus",
                "sp=quarantine",
                "np=reject",
                "t=y",
                "t=x",
                "rua=mailto:a@b.jp",
                "pct=50",
                "adkim=s",
                "adkim=q",
                "fo=1:d",
                "fo=9",
                "x",
                "psd=y",
                " ",
                "ruf=mailto:f@b.jp",
            ]
        )
        | texty,
        max_size=8,
    )
)
def test_dmarc_parser_is_total(tags):
    text = "v=DMARC1; " + "; ".join(tags)
    with contextlib.suppress(DmarcSyntaxError):
        rec = parse_dmarc(text)
        assert rec.policy in ("none", "quarantine", "reject")
        plan = staged_next(rec, "r@x.jp")
        assert all(r.startswith("v=DMARC1; p=") for _, r in plan)


def test_dmarc_plan_is_the_dmarcbis_ladder():
    stages = [s for s, _ in staged_next(None, "r@x.jp")]
    assert stages == ["none", "quarantine-testing", "quarantine", "reject-testing", "reject"]
    assert [s for s, _ in staged_next(parse_dmarc("v=DMARC1; p=reject; t=y"), "r@x.jp")] == ["reject"]
    assert staged_next(parse_dmarc("v=DMARC1; p=reject"), "r@x.jp") == []


@settings(max_examples=300, deadline=None)
@given(texty)
def test_dkim_parser_is_total(text):
    with contextlib.suppress(DkimKeyError):
        parse_key_record("s", text)


@settings(max_examples=300, deadline=None)
@given(texty, texty)
def test_mta_sts_parsers_are_total(record, policy):
    with contextlib.suppress(PolicyError):
        parse_sts_record(record)
    with contextlib.suppress(PolicyError):
        parse_policy(policy)


def test_survey_input_edge_cases():
    # found by Hypothesis: a line of only dots is no domain
    assert list(read_domains([".", "..", "a.jp.", "A.JP", " # x", "b.jp extra words"])) == ["a.jp", "b.jp"]


def test_mx_patterns():
    assert mx_matches("*.example.jp", "mx1.example.jp")
    assert not mx_matches("*.example.jp", "a.b.example.jp")
    assert not mx_matches("*.example.jp", "example.jp")
    assert mx_matches("MX.example.jp.", "mx.example.jp")


@settings(max_examples=300, deadline=None)
@given(st.lists(texty, max_size=30))
def test_survey_input_reader_is_total(lines):
    out = list(read_domains(lines))
    assert len({d.lower() for d in out}) == len(out)
    assert all(d and "#" not in d and not d.isspace() for d in out)


@settings(max_examples=500, deadline=None)
@given(texty)
def test_domain_names_are_valid_or_rejected(name):
    try:
        ascii_name = to_ascii_name(name, strict=True)
    except InvalidDomainError:
        return
    assert ascii_name.isascii() and len(ascii_name) <= 253
    assert all(0 < len(label) <= 63 for label in ascii_name.split("."))
    assert issubclass(InvalidDomainError, InputError)
