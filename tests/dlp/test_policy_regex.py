"""Users' regular expressions (a policy's ``patterns``) run in linear time (RE2): a pattern that
makes Python's ``re`` backtrack for hours is harmless, and one RE2 cannot run is refused with
the reason when the policy is read."""

from __future__ import annotations

import pytest
import yaml

from mailwarden.core.errors import ConfigError
from mailwarden.dlp.policy import Facts, decide, parse_policy
from mailwarden.dlp.userregex import compile_user_regex

POLICY = """
patterns: [{id: evil, regex: "(a+)+$"}, {id: project, regex: "PRJ-[0-9]{4}"}]
rules:
  - {id: evil, when: {pattern: evil}, action: hold}
  - {id: project, when: {pattern: project}, action: notify}
"""


def facts(text: str) -> Facts:
    return Facts(
        sender="a@example.co.jp",
        recipients=["b@example.co.jp"],
        matches=[],
        texts=[text],
        attachments=[],
        unscannable=False,
        size=len(text),
    )


def test_a_catastrophic_pattern_runs_in_linear_time():
    policy = parse_policy(POLICY, "test")
    # with Python's re this text takes longer than the age of the universe: (a+)+$ against
    # 100,000 a's and a b backtracks 2**100000 ways; with RE2 it is one pass
    decision = decide(policy, facts("a" * 100_000 + "b"))
    assert decision.action == "allow"
    assert decide(policy, facts("a" * 1000)).action == "hold"
    assert decide(policy, facts("see PRJ-1234 attached")).action == "notify"


@pytest.mark.parametrize("regex", [r"(a)\1", r"(?<=x)y", r"(?=a)b", "x" * 2000])
def test_what_re2_cannot_run_is_refused_with_the_reason(regex):
    with pytest.raises(ConfigError) as err:
        doc = {
            "patterns": [{"id": "p", "regex": regex}],
            "rules": [{"id": "r", "when": {"pattern": "p"}, "action": "hold"}],
        }
        parse_policy(yaml.safe_dump(doc), "test")
    assert "RE2" in str(err.value) or "longer than" in str(err.value)


def test_compiled_once_and_shared():
    assert compile_user_regex("PRJ-[0-9]{4}") is compile_user_regex("PRJ-[0-9]{4}")
