"""Proposed records are safe by construction (issue 16): they keep every sender the published
record authorised, stay within the lookup limit, and pass mailwarden's own audit.

One NSD serves a zone per scenario; every finding code that carries a proposed SPF or DMARC
record is triggered by one of them, and each proposal is re-audited and, for SPF, evaluated
with check_host() for every address the published record passed.
"""

from __future__ import annotations

import ipaddress
import re
from pathlib import Path

import pytest
import yaml

from mailwarden.core.dns import Resolver
from mailwarden.domain.dmarc import DmarcRecord, audit_dmarc, parse_record, staged_next, staged_plan
from mailwarden.domain.proposals import record_text, vet
from mailwarden.domain.spf import SpfResult, check_host
from mailwarden.domain.spf.audit import audit_spf, vet_spf
from tests.support.nsd import NsdServer, Zone, txt_rdata
from tests.support.timing import DNS_TIMEOUT

pytestmark = pytest.mark.dns

SRC = Path(__file__).resolve().parents[2] / "src" / "mailwarden" / "domain"
REPORT_TO = "dmarc@ops.test"


def T(*strings: str) -> str:
    return txt_rdata(strings)


def build_zone() -> Zone:
    z = Zone(".")
    a = z.add
    # providers: one stable (ranges only, nested include), one that depends on the connection
    a("_spf.esp.test", "TXT", T("v=spf1 ip4:198.51.100.0/24 -all"))
    a("_spf.esp2.test", "TXT", T("v=spf1 ip4:203.0.113.0/25 include:_inner.esp2.test ~all"))
    a("_inner.esp2.test", "TXT", T("v=spf1 ip6:2001:db8:2::/48 -all"))
    a("_spf.macro.test", "TXT", T("v=spf1 exists:%{i}._ip.macro.test -all"))
    a("198.51.100.9._ip.macro.test", "A", "127.0.0.2")
    # spf.ptr (bare): the domain and its MX host, forward and reverse DNS agreeing
    a("ptrbare.test", "TXT", T("v=spf1 ptr -all"))
    a("ptrbare.test", "A", "192.0.2.11")
    a("ptrbare.test", "MX", "10 mail.ptrbare.test.")
    a("mail.ptrbare.test", "A", "192.0.2.12")
    a("mail.ptrbare.test", "AAAA", "2001:db8::12")
    a("11.2.0.192.in-addr.arpa", "PTR", "ptrbare.test.")
    a("12.2.0.192.in-addr.arpa", "PTR", "mail.ptrbare.test.")
    a(ipaddress.ip_address("2001:db8::12").reverse_pointer, "PTR", "mail.ptrbare.test.")
    # spf.ptr:host and spf.softfail-all; other.ptrhost.test's reverse name is outside the host
    a("ptrhost.test", "TXT", T("v=spf1 ptr:mail.ptrhost.test ~all"))
    a("mail.ptrhost.test", "A", "192.0.2.21")
    a("21.2.0.192.in-addr.arpa", "PTR", "mail.ptrhost.test.")
    a("other.ptrhost.test", "A", "192.0.2.22")
    a("22.2.0.192.in-addr.arpa", "PTR", "other.ptrhost.test.")
    # spf.ptr whose hosts have no reverse names: what it stood for cannot be known
    a("ptrnone.test", "TXT", T("v=spf1 ptr -all"))
    a("ptrnone.test", "A", "192.0.2.91")
    # spf.plus-all: bare, and with an ESP include
    a("plusall.test", "TXT", T("v=spf1 +all"))
    a("plusall.test", "MX", "10 mx.plusall.test.")
    a("mx.plusall.test", "A", "192.0.2.31")
    a("plusesp.test", "TXT", T("v=spf1 include:_spf.esp.test +all"))
    a("plusesp.test", "MX", "10 mx.plusesp.test.")
    a("mx.plusesp.test", "A", "192.0.2.32")
    # spf.neutral-all
    a("neutral.test", "TXT", T("v=spf1 ip4:192.0.2.41 ?all"))
    a("neutral.test", "MX", "10 mx.neutral.test.")
    a("mx.neutral.test", "A", "192.0.2.42")
    # spf.no-all
    a("noall.test", "TXT", T("v=spf1 ip4:192.0.2.51 a"))
    a("noall.test", "A", "192.0.2.52")
    # spf.softfail-all with a duplicate, an include without SPF and a void a:
    a(
        "dup.test",
        "TXT",
        T("v=spf1 include:_spf.esp.test include:_spf.esp.test include:gone.test a:void.dup.test ~all"),
    )
    a("gone.test", "TXT", T("not spf"))
    # spf.too-many-lookups: 15 (a, mx, a duplicate, 8 single includes, a nested one, a macro one)
    heavy = ["a", "mx", "include:i0.heavy.test"]
    heavy += [f"include:i{i}.heavy.test" for i in range(8)]
    heavy += ["include:_spf.esp2.test", "include:_spf.macro.test"]
    a("heavy.test", "TXT", T("v=spf1 " + " ".join(heavy) + " -all"))
    a("heavy.test", "A", "192.0.2.61")
    a("heavy.test", "MX", "10 mx.heavy.test.")
    a("mx.heavy.test", "A", "192.0.2.62")
    for i in range(8):
        a(f"i{i}.heavy.test", "TXT", T(f"v=spf1 ip4:198.18.0.{i} -all"))
    # too many lookups again, and the flattened record is longer than one 255-byte string
    a("wide.test", "TXT", T("v=spf1 a mx " + " ".join(f"include:w{i}.wide.test" for i in range(9)) + " -all"))
    a("wide.test", "A", "192.0.2.81")
    a("wide.test", "MX", "10 mx.wide.test.")
    a("mx.wide.test", "A", "192.0.2.82")
    a("w0.wide.test", "TXT", T("v=spf1 " + " ".join(f"ip4:198.19.{k}.0/24" for k in range(12)) + " -all"))
    for i in range(1, 9):
        a(f"w{i}.wide.test", "TXT", T(f"v=spf1 ip4:198.20.{i}.0/24 -all"))
    # spf.missing (with mail servers) and dmarc.missing
    a("missing.test", "MX", "10 mx.missing.test.")
    a("missing.test", "A", "192.0.2.71")
    a("mx.missing.test", "A", "192.0.2.72")
    # the configured report address authorises every domain (wildcard, RFC 9990 §4)
    a("*._report._dmarc.ops.test", "TXT", T("v=DMARC1"))
    # dmarc.syntax-error
    a("_dmarc.dsyntax.test", "TXT", T("v=DMARC1; p=maybe"))
    # dmarc.policy-none with other tags, an authorised and an unauthorised outside address
    a(
        "_dmarc.dnone.test",
        "TXT",
        T(
            "v=DMARC1; p=none; sp=quarantine; adkim=s; fo=1; ri=3600; "
            "rua=mailto:a@dnone.test,mailto:x@outside.test,mailto:y@allowed.test; ruf=mailto:f@dnone.test"
        ),
    )
    a("dnone.test._report._dmarc.allowed.test", "TXT", T("v=DMARC1"))
    # dmarc.policy-quarantine, dmarc.testing, dmarc.no-rua
    a("_dmarc.dquar.test", "TXT", T("v=DMARC1; p=quarantine; aspf=s; rua=mailto:a@dquar.test"))
    a("_dmarc.dtest.test", "TXT", T("v=DMARC1; p=reject; t=y; np=none; rua=mailto:a@dtest.test"))
    a("_dmarc.dnorua.test", "TXT", T("v=DMARC1; p=reject; foo=bar"))
    return z


#: finding code → the scenario domain that triggers it
SPF_SCENARIOS = {
    "spf.ptr": ["ptrbare.test", "ptrhost.test"],
    "spf.plus-all": ["plusall.test", "plusesp.test"],
    "spf.neutral-all": ["neutral.test"],
    "spf.no-all": ["noall.test"],
    "spf.softfail-all": ["ptrhost.test", "dup.test"],
    "spf.too-many-lookups": ["heavy.test", "wide.test"],
    "spf.missing": ["missing.test"],
}
DMARC_SCENARIOS = {
    "dmarc.missing": ["missing.test"],
    "dmarc.syntax-error": ["dsyntax.test"],
    "dmarc.policy-none": ["dnone.test"],
    "dmarc.policy-quarantine": ["dquar.test"],
    "dmarc.testing": ["dtest.test"],
    "dmarc.no-rua": ["dnorua.test"],
    "dmarc.external-unauthorized": ["dnone.test"],
}
#: fix-carrying codes of other standards (their records are not SPF or DMARC policies)
OTHER_FIX_CODES = {"mx.missing", "tlsrpt.missing", "tlsrpt.bad-record"}


def fix_codes_in_source() -> set[str]:
    """Every finding code some audit adds with a ``fix=`` (read from the sources)."""
    found: set[str] = set()
    for path in SRC.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        calls = list(re.finditer(r'\.add\(\s*"([a-z0-9-]+\.[a-z0-9-]+)"', text))
        for i, m in enumerate(calls):
            end = calls[i + 1].start() if i + 1 < len(calls) else len(text)
            body = text[m.end() : end]
            close = re.search(r"\n\s*\)|\)\n", body)
            if "fix=" in body[: close.end() if close else len(body)]:
                found.add(m.group(1))
    return found


@pytest.fixture(scope="module")
def nsd():
    with NsdServer([build_zone()]) as server:
        yield server


@pytest.fixture
def resolver(nsd):
    return Resolver([nsd.address], timeout=DNS_TIMEOUT, retries=1)


def candidate_ips() -> list[str]:
    """Every address in the zone, inside the providers' ranges, and one outsider."""
    records = build_zone().records
    ips = [rdata for _o, rtype, rdata in records if rtype in ("A", "AAAA")]
    ips += [
        m
        for _o, rtype, rdata in records
        if rtype == "TXT"
        for m in re.findall(r"ip[46]:([0-9a-f.:]+)(?![0-9a-f.:/])", rdata)
    ]
    ips += [
        "198.19.5.1",
        "198.20.3.1",
        "198.51.100.7",
        "198.51.100.9",
        "203.0.113.5",
        "2001:db8:2::1",
        "198.18.0.3",
        "192.0.2.99",
    ]
    return [ip for ip in dict.fromkeys(ips) if not ip.startswith("127.")]


async def test_every_fix_code_has_a_scenario(resolver):
    """Walk the registry: every finding code of findings.yaml that carries a proposed record
    (added with fix= in the sources, or seen with one on any scenario) has a scenario here."""
    registry = yaml.safe_load((SRC / "findings.yaml").read_text(encoding="utf-8"))
    codes = {d["code"] for d in registry["findings"]}
    carrying = fix_codes_in_source()
    assert "dmarc.policy-none" in carrying  # the scan itself works
    domains = {d for ds in (*SPF_SCENARIOS.values(), *DMARC_SCENARIOS.values()) for d in ds}
    for domain in sorted(domains):
        for check in (
            await audit_spf(domain, resolver=resolver, has_mx=True),
            await audit_dmarc(domain, resolver=resolver, report_to=REPORT_TO),
        ):
            carrying |= {f.code for f in check.findings if f.fix}
    covered = set(SPF_SCENARIOS) | set(DMARC_SCENARIOS)
    assert covered <= codes
    assert carrying == covered | OTHER_FIX_CODES
    # every SPF/DMARC code outside the scenarios never carries a record
    assert not {c for c in codes - covered if c.startswith(("spf.", "dmarc."))} & carrying


async def _spf_fix(resolver, domain: str, code: str) -> str:
    check = await audit_spf(domain, resolver=resolver, has_mx=True)
    fixes = [f.fix for f in check.findings if f.code == code]
    assert fixes and fixes[0], f"{domain}: no proposal with {code}: {[f.code for f in check.findings]}"
    return fixes[0]


@pytest.mark.parametrize(
    ("code", "domain"), [(c, d) for c, ds in SPF_SCENARIOS.items() for d in ds], ids=lambda v: v
)
async def test_spf_proposal_passes_the_audit_and_keeps_every_sender(resolver, code, domain):
    fix = await _spf_fix(resolver, domain, code)
    assert fix.startswith(f'{domain}. TXT "v=spf1 ')
    proposal = record_text(fix)
    assert await vet("spf", domain, proposal, resolver) == []
    check = await audit_spf(domain, resolver=resolver)
    original = check.record
    kept = 0
    for ip in candidate_ips():
        after = await check_host(ip, f"x@{domain}", resolver=resolver, record=proposal)
        assert after.result is not SpfResult.PERMERROR, (ip, after.reason)
        if original is None or re.search(r"(^| )\+?all( |$)", original):
            continue  # nothing was authorised, or everything was ('+all')
        before = await check_host(ip, f"x@{domain}", resolver=resolver)
        if before.result is SpfResult.PASS:
            kept += 1
            assert after.result is SpfResult.PASS, (ip, original, proposal)
    if original is not None and "+all" not in original and code != "spf.too-many-lookups":
        assert kept, f"no address passed {original}: the scenario tests nothing"


async def test_ptr_is_replaced_by_the_addresses_it_matched(resolver):
    fix = await _spf_fix(resolver, "ptrbare.test", "spf.ptr")
    assert fix == 'ptrbare.test. TXT "v=spf1 ip4:192.0.2.11 ip4:192.0.2.12 ip6:2001:db8::12 -all"'
    check = await audit_spf("ptrbare.test", resolver=resolver)
    note = next(f for f in check.findings if f.code == "spf.proposal-ptr")
    assert note.params["terms"] == "ptr"
    # ptr:host matched only the host whose reverse name is under it; '~all' moves to '-all'
    fix = await _spf_fix(resolver, "ptrhost.test", "spf.ptr")
    assert fix == 'ptrhost.test. TXT "v=spf1 ip4:192.0.2.21 -all"'


async def test_ptr_that_matched_no_known_host_gets_advice_not_a_record(resolver):
    check = await audit_spf("ptrnone.test", resolver=resolver)
    [ptr] = [f for f in check.findings if f.code == "spf.ptr"]
    assert ptr.fix is None  # 'v=spf1 -all' would drop whatever 'ptr' let through
    assert not [f for f in check.findings if f.fix]


async def test_plus_all_gets_an_inferred_sender_list_ending_softfail(resolver):
    assert await _spf_fix(resolver, "plusall.test", "spf.plus-all") == 'plusall.test. TXT "v=spf1 mx ~all"'
    fix = await _spf_fix(resolver, "plusesp.test", "spf.plus-all")
    assert fix == 'plusesp.test. TXT "v=spf1 mx include:_spf.esp.test ~all"'
    check = await audit_spf("plusesp.test", resolver=resolver)
    assert "spf.proposal-inferred" in {f.code for f in check.findings}
    for ip in ("192.0.2.32", "198.51.100.7"):  # the MX host and the ESP stay senders
        ev = await check_host(ip, "x@plusesp.test", resolver=resolver, record=record_text(fix))
        assert ev.result is SpfResult.PASS
    ev = await check_host("192.0.2.99", "x@plusesp.test", resolver=resolver, record=record_text(fix))
    assert ev.result is SpfResult.SOFTFAIL


async def test_duplicates_and_mechanisms_that_authorise_nothing_are_dropped(resolver):
    fix = await _spf_fix(resolver, "dup.test", "spf.softfail-all")
    assert fix == 'dup.test. TXT "v=spf1 include:_spf.esp.test -all"'


async def test_over_the_limit_gets_a_flattened_record(resolver):
    check = await audit_spf("heavy.test", resolver=resolver)
    assert check.data["lookups"] > 10
    fix = await _spf_fix(resolver, "heavy.test", "spf.too-many-lookups")
    proposal = record_text(fix)
    after = await audit_spf("heavy.test", resolver=resolver)  # same zone: the proposal is vetted
    flattened = next(f for f in after.findings if f.code == "spf.proposal-flattened")
    # own a/mx first, then the dearest stable include; the macro include is never copied
    assert "include:_spf.macro.test" in proposal and "_spf.macro.test" not in flattened.params["terms"]
    assert {"a", "mx", "include:_spf.esp2.test"} <= set(flattened.params["terms"].split(", "))
    assert "ip4:192.0.2.61" in proposal and "ip4:192.0.2.62" in proposal and "ip6:2001:db8:2::/48" in proposal
    assert proposal.count("include:i0.heavy.test") <= 1
    # every sender the record lists passes the proposal, even those past the 10th lookup
    for ip in ("192.0.2.61", "192.0.2.62", "203.0.113.5", "2001:db8:2::1", "198.51.100.9", "198.18.0.7"):
        ev = await check_host(ip, "x@heavy.test", resolver=resolver, record=proposal)
        assert ev.result is SpfResult.PASS, (ip, ev.reason)
        assert ev.lookups <= 8
    # the published record fails the senders beyond the limit
    late = await check_host("198.51.100.9", "x@heavy.test", resolver=resolver)
    assert late.result is SpfResult.PERMERROR


async def test_a_long_proposal_is_split_into_strings_of_255_bytes(resolver):
    fix = await _spf_fix(resolver, "wide.test", "spf.too-many-lookups")
    strings = re.findall(r'"([^"]*)"', fix)
    assert len(strings) == 2 and all(len(x.encode()) <= 255 for x in strings)
    assert strings[0].endswith(" ") and strings[1].startswith("include:")  # split between terms
    proposal = record_text(fix)
    assert proposal == "".join(strings) and "ip4:198.19.11.0/24" in proposal
    for ip in ("198.19.5.1", "198.20.8.1", "192.0.2.81", "192.0.2.82"):
        ev = await check_host(ip, "x@wide.test", resolver=resolver, record=proposal)
        assert ev.result is SpfResult.PASS, (ip, ev.reason)
    # published as one string, the same record is an error
    flagged = await vet_spf("wide.test", proposal, resolver, strings=[proposal.encode()])
    assert "spf.string-too-long" in {f.code for f in flagged}


async def test_vet_flags_unsound_spf(resolver):
    for bad, code in (
        ("v=spf1 +all", "spf.plus-all"),
        ("v=spf1 ip4:192.0.2.1/33 -all", "spf.syntax-error"),
        (
            "v=spf1 " + " ".join(f"include:i{i}.heavy.test" for i in range(8)) + " a mx mx:heavy.test -all",
            "spf.too-many-lookups",
        ),
        ("v=spf1 ptr -all", "spf.ptr"),
    ):
        assert code in {f.code for f in await vet("spf", "heavy.test", bad, resolver)}, bad
    assert await vet("spf", "heavy.test", "v=spf1 a mx -all", resolver) == []


@pytest.mark.parametrize(
    ("code", "domain"), [(c, d) for c, ds in DMARC_SCENARIOS.items() for d in ds], ids=lambda v: v
)
async def test_dmarc_proposal_passes_the_audit(resolver, code, domain):
    check = await audit_dmarc(domain, resolver=resolver, report_to=REPORT_TO)
    finding = next((f for f in check.findings if f.code == code), None)
    assert finding is not None and finding.fix, [f.code for f in check.findings]
    if code == "dmarc.external-unauthorized":
        # the authorisation record the outside destination must publish (RFC 9990 §4)
        assert finding.fix == f'{domain}._report._dmarc.{finding.params["target"]}. TXT "v=DMARC1"'
        return
    assert finding.fix.startswith(f'_dmarc.{domain}. TXT "v=DMARC1; ')
    proposal = record_text(finding.fix)
    rec = parse_record(proposal)
    first = code in ("dmarc.missing", "dmarc.syntax-error")
    policy = "none" if first else rec.policy
    assert await vet("dmarc", domain, proposal, resolver, report_to=REPORT_TO, policy=policy) == []
    if not first:
        # a step forward never weakens the policy
        strength = {"none": 0, "quarantine": 1, "reject": 2}
        assert strength[rec.policy] >= strength[check.data["policy"]]


async def test_plan_keeps_tags_and_drops_unauthorised_report_addresses(resolver):
    check = await audit_dmarc("dnone.test", resolver=resolver, report_to=REPORT_TO)
    fix = next(f.fix for f in check.findings if f.code == "dmarc.policy-none")
    assert fix == (
        '_dmarc.dnone.test. TXT "v=DMARC1; p=quarantine; t=y; pct=0; sp=quarantine; adkim=s; fo=1; '
        'ri=3600; rua=mailto:a@dnone.test,mailto:y@allowed.test; ruf=mailto:f@dnone.test"'
    )
    rec = parse_record(check.record or "")
    steps, dropped = await staged_plan(rec, "dnone.test", REPORT_TO, resolver)
    assert [d.uri for d in dropped] == ["mailto:x@outside.test"]
    assert dropped[0].record == "dnone.test._report._dmarc.outside.test"
    assert [s for s, _r in steps] == ["quarantine-testing", "quarantine", "reject-testing", "reject"]
    for stage, record in steps:
        assert "outside.test" not in record and "fo=1" in record and "adkim=s" in record
        assert ("t=y; pct=0" in record) == stage.endswith("-testing")
        assert (
            await vet(
                "dmarc", "dnone.test", record, resolver, report_to=REPORT_TO, policy=stage.split("-")[0]
            )
            == []
        )
    # the last step: subdomains and non-existent names rejected too
    assert steps[-1][1] == (
        "v=DMARC1; p=reject; adkim=s; fo=1; ri=3600; sp=reject; np=reject; "
        "rua=mailto:a@dnone.test,mailto:y@allowed.test; ruf=mailto:f@dnone.test"
    )


async def test_the_testing_twin_pct_is_not_reported_as_a_removed_tag(resolver):
    check = await audit_dmarc("dquar.test", resolver=resolver, report_to=REPORT_TO)
    step = record_text(next(f.fix for f in check.findings if f.code == "dmarc.policy-quarantine"))
    assert step == "v=DMARC1; p=reject; t=y; pct=0; aspf=s; rua=mailto:a@dquar.test"
    flagged = await vet("dmarc", "dquar.test", step, resolver, report_to=REPORT_TO, policy="reject")
    assert flagged == []
    # without t=y, pct is the removed RFC 7489 ramp and is reported
    rec = parse_record("v=DMARC1; p=reject; pct=50; rua=mailto:a@dquar.test")
    assert rec.removed == ["pct"]


async def test_vet_flags_unsound_dmarc(resolver):
    cases = {
        "v=DMARC1; p=none; rua=mailto:a@dquar.test": "dmarc.policy-none",  # enforcement meant
        "v=DMARC1; p=reject; rua=mailto:x@outside.test": "dmarc.external-unauthorized",
        "v=DMARC1; p=reject": "dmarc.no-rua",
        "v=DMARC1; p=reject; adkim=x; rua=mailto:a@dquar.test": "dmarc.syntax-error",
    }
    for text, code in cases.items():
        flagged = await vet("dmarc", "dquar.test", text, resolver, report_to=REPORT_TO, policy="reject")
        assert code in {f.code for f in flagged}, text


def test_staged_next_offline_keeps_tags_and_marks_testing_steps():
    rec: DmarcRecord = parse_record("v=DMARC1; p=none; aspf=s; rua=mailto:a@x.test")
    steps = dict(staged_next(rec, "r@x.test"))
    assert steps["quarantine-testing"] == "v=DMARC1; p=quarantine; t=y; pct=0; aspf=s; rua=mailto:a@x.test"
    assert steps["quarantine"] == "v=DMARC1; p=quarantine; aspf=s; rua=mailto:a@x.test"
    dropped = dict(staged_next(rec, "r@x.test", drop=["mailto:a@x.test"]))
    assert dropped["quarantine"].endswith("rua=mailto:r@x.test")


async def test_advise_plan_keeps_tags_and_says_how_to_authorise_dropped_addresses(store, resolver):
    from mailwarden.dmarc.advise import advise

    data = await advise(store, "dnone.test", resolver=resolver, report_to=REPORT_TO)
    stages = [s["stage"] for s in data["plan"]]
    assert stages == ["quarantine-testing", "quarantine", "reject-testing", "reject"]
    for step in data["plan"]:
        assert "outside.test" not in step["record"] and "adkim=s; fo=1" in step["record"]
        assert ("t=y; pct=0" in step["record"]) == step["stage"].endswith("-testing")
    [dropped] = data["dropped_reports"]
    assert dropped["uri"] == "mailto:x@outside.test"
    assert dropped["record"] == 'dnone.test._report._dmarc.outside.test. TXT "v=DMARC1"'
    assert "dnone.test._report._dmarc.outside.test" in dropped["text"]
    assert "pct=0" in data["note"]


def test_the_cli_plan_names_a_dropped_report_address_and_how_to_authorise_it(nsd, tmp_path):
    import os
    import subprocess
    import sys

    env = {**os.environ, "MAILWARDEN_DATA_DIR": str(tmp_path), "MAILWARDEN_LANG": "en", "COLUMNS": "200"}
    r = subprocess.run(
        [sys.executable, "-m", "mailwarden", "dmarc", "advise", "dnone.test", "-n", nsd.address],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert "mailto:x@outside.test" in r.stdout, r.stdout + r.stderr
    assert 'dnone.test._report._dmarc.outside.test. TXT "v=DMARC1"' in r.stdout
    # and the plan's records leave it out
    plan = [line for line in r.stdout.splitlines() if "_dmarc.dnone.test. TXT" in line]
    assert plan and all("outside.test" not in line for line in plan)
