"""The OpenSPF RFC 7208 test suite (tests/data/spf, BSD licence), run unchanged.

Each scenario's zone data is served by a real NSD as a root zone. Names the suite marks
TIMEOUT are reached through a relay that drops the questions the suite says time out,
following the suite's driver conventions (pyspf ``testspf.py``): an SPF record is copied
to TXT unless the name has a TXT entry; ``TXT: NONE`` stands for no TXT record; TIMEOUT
times out every type not listed before it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from mailwarden.core.dns import Resolver
from mailwarden.domain.spf import check_host
from tests.support.dropproxy import DropProxy
from tests.support.nsd import NsdServer, Zone, txt_rdata
from tests.support.timing import DNS_TIMEOUT

pytestmark = pytest.mark.dns

SUITE = Path(__file__).parent.parent / "data" / "spf" / "rfc7208-tests.yml"
SCENARIOS: list[dict[str, Any]] = list(yaml.safe_load_all(SUITE.read_text(encoding="utf-8")))


def _rdata(rtype: str, value: Any) -> str:
    if rtype in ("TXT", "SPF"):
        strings = value if isinstance(value, list) else [value]
        return txt_rdata(str(s) for s in strings)
    if rtype == "MX":
        pref, host = value
        return f"{pref} {host.rstrip('.') + '.' if host else '.'}"
    if rtype in ("PTR", "CNAME"):
        return str(value).rstrip(".") + "."
    return str(value)


def build_scenario(zonedata: dict[str, list[Any]]) -> tuple[Zone, dict[str, set[str]]]:
    zone = Zone(".")
    timeouts: dict[str, set[str]] = {}
    for name, entries in zonedata.items():
        owner = name.lower().rstrip(".") + "."
        generate, generated = True, []
        seen_before_timeout: set[str] = set()
        timed_out = False
        for entry in entries:
            if entry == "TIMEOUT":
                timed_out = True
                timeouts[owner.rstrip(".")] = set(seen_before_timeout)
                continue
            ((rtype, value),) = entry.items()
            if rtype == "TXT":
                generate = False
            elif rtype == "SPF" and generate:
                generated.append(value)
            if value == "NONE":
                continue
            if not timed_out:
                seen_before_timeout.add(rtype)
            zone.add(owner, rtype, _rdata(rtype, value))
        if generate:
            for value in generated:
                zone.add(owner, "TXT", _rdata("TXT", value))
    return zone, timeouts


CASES = [
    pytest.param(i, name, case, id=f"{i:02d}-{name}")
    for i, scenario in enumerate(SCENARIOS)
    for name, case in scenario["tests"].items()
]


@pytest.fixture(scope="module")
def scenario_servers():
    running: dict[int, tuple[NsdServer, DropProxy]] = {}

    def get(index: int) -> str:
        if index not in running:
            zone, timeouts = build_scenario(SCENARIOS[index].get("zonedata") or {})

            def drop(qname: str, qtype: str) -> bool:
                if qname in timeouts:
                    return qtype not in timeouts[qname]
                return qname.startswith("error.")

            nsd = NsdServer([zone]).start()
            proxy = DropProxy(nsd.port, drop).start()
            running[index] = (nsd, proxy)
        return running[index][1].address

    yield get
    for nsd, proxy in running.values():
        proxy.stop()
        nsd.stop()


def test_suite_is_complete():
    # The copy in tests/data is the whole suite: 16 scenarios, 203 cases.
    assert len(SCENARIOS) == 16
    assert len(CASES) == 203


@pytest.mark.parametrize(("index", "name", "case"), CASES)
async def test_rfc7208(scenario_servers, index: int, name: str, case: dict[str, Any]) -> None:
    resolver = Resolver([scenario_servers(index)], timeout=DNS_TIMEOUT, retries=0)
    ev = await check_host(
        case["host"],
        case.get("mailfrom", ""),
        case.get("helo", ""),
        resolver=resolver,
        default_explanation="DEFAULT",
    )
    expected = case["result"]
    allowed = expected if isinstance(expected, list) else [expected]
    assert str(ev.result) in allowed, f"{case.get('description', '')} | {ev.reason} | {ev.trace}"
    if "explanation" in case and ev.result == "fail":
        assert ev.explanation == case["explanation"]
