"""The typed contracts (issue 15): the JSON schemas in docs/schemas/ are those of the types,
and what the code really returns fits its type exactly — no key missing, none extra."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from pydantic import TypeAdapter, ValidationError

from mailwarden.analyze.engine import analyze
from mailwarden.analyze.result import VerdictJson
from mailwarden.analyze.rules import load_rules
from mailwarden.dlp.policy import parse_policy
from mailwarden.dlp.result import DlpResult
from mailwarden.dlp.service import check_message
from mailwarden.domain.model import CheckResult, DomainReport, DomainReportJson
from mailwarden.gateway.screen import GatewayRecord, screen
from tests.analyze.mail import message

ROOT = Path(__file__).parents[2]
POLICY = """
rules:
  - {id: hold-cards, when: {detector: credit-card}, action: hold, notify: [admin]}
  - {id: late, when: {detector: email-address}, action: delay, minutes: 5}
  - {id: tag, when: {detector: credit-card}, action: tag_subject, tag: "[社外秘]"}
"""


def test_the_published_schemas_are_those_of_the_types():
    got = subprocess.run([sys.executable, str(ROOT / "tools" / "schemas.py"), "--check"], capture_output=True)
    assert got.returncode == 0, got.stdout.decode() + " — run `make docs`"


def test_a_dlp_result_fits_its_type():
    data = message(
        "カード 4111 1111 1111 1111、連絡先 taro@example.co.jp",
        attachments=[("list.csv", "text/csv", "氏名,メール\n山田,yamada@docomo.ne.jp\n".encode())],
    )
    result = check_message(data, parse_policy(POLICY, "policy"))
    TypeAdapter(DlpResult).validate_python(result)
    assert result["decision"]["matched_rules"] and result["columns"]
    with pytest.raises(ValidationError):  # the type is exact: an unknown key is refused
        TypeAdapter(DlpResult).validate_python({**result, "surprise": 1})


def test_an_analysis_verdict_fits_its_type():
    v = analyze(
        message(
            "至急、振込先の変更をお願いします。 https://bit.ly/abc",
            reply_to="boss@gmail.com",
            attachments=[("a.pdf", "application/pdf", b"%PDF-1.4 x")],
        ),
        load_rules(),
    )
    TypeAdapter(VerdictJson).validate_python(v.to_dict())
    assert v.signals and v.attachments


def test_a_domain_report_fits_its_type():
    report = DomainReport("example.jp", "example.jp")
    spf = CheckResult("spf")
    spf.add("spf.missing", "example.jp", fix='example.jp. TXT "v=spf1 -all"')
    report.checks["spf"] = spf
    report.findings.extend(spf.findings)
    TypeAdapter(DomainReportJson).validate_python(report.to_dict())


def test_a_gateway_decision_fits_its_type():
    data = message("カード 4111 1111 1111 1111、連絡先 taro@example.co.jp")
    for rcpts in (["b@example.net"], []):
        outcome = screen(
            data, "a@example.co.jp", rcpts or ["c@example.co.jp"], parse_policy(POLICY, "policy")
        )
        TypeAdapter(GatewayRecord).validate_python(outcome.record)
        assert outcome.record["rules"]
